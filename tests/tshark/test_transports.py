"""Integration tests: handshakes that do not run as TLS over TCP from their
first byte: DTLS over UDP (openssl), QUIC (ngtcp2 with GnuTLS) and TLS after
a STARTTLS upgrade (openssl s_client against samples/starttls-server.py).
samples/make-transport-samples.sh made the captures; samples/README.md lists
what each holds.
"""

import re
import struct
import unittest

import tshark_session as ts
from test_samples import handshakes, letters, summaries, truth
from test_tshark import Timing, keylog, steps_of

DTLS = ["dtls12-cookie", "dtls12-nocookie", "dtls10-cookie", "dtls12-fragmented",
        "dtls12-retransmit"]
QUIC = ["quic-full", "quic-resume", "quic-retry", "quic-retransmit"]


def keys(name):
    return keylog(name + ".keys")


def all_steps(name, *extra):
    """Every step and repeat of the capture, alerts aside, as steps_of gives them."""
    return steps_of(name + ".pcapng", "-2", *extra)


def fields(name, *extra):
    """{frame: {field: [values]}} of the step subtrees (every field of a step)."""
    out = {}
    for frame, f in ts.pdml_steps(name + ".pcapng", "-2", *extra):
        out.setdefault(int(frame["frame.number"]), []).append(f)
    return out


@ts.generated(ts.keys("quic-full.keys"))
def migrated_quic():
    """quic-full with the client on a new UDP port from frame 6 on."""
    pcap = ts.editcap("quic-full.pcapng", "quic-migrated-src.pcap", "-F", "pcap")
    with open(ts.sample(pcap), "rb") as f:
        data = bytearray(f.read())
    off, frame, client = 24, 0, None
    while off + 16 <= len(data):
        incl = struct.unpack_from("<I", data, off + 8)[0]
        frame += 1
        udp = off + 16 + 14 + (data[off + 16 + 14] & 0x0f) * 4
        src, dst = struct.unpack_from(">HH", data, udp)
        client = client or src
        if frame >= 6:
            if src == client:
                struct.pack_into(">H", data, udp, client + 1)
            if dst == client:
                struct.pack_into(">H", data, udp + 2, client + 1)
        off += 16 + incl
    return ts.derived("quic-migrated.pcap", bytes(data))


class Dtls(unittest.TestCase, Timing):
    """DTLS 1.2: the cookie exchange, fragments and a retransmitted flight."""

    @classmethod
    def setUpClass(cls):
        ts.prefetch([(n + ".pcapng", "-2", *extra) for n in DTLS for extra in ((), keys(n))])

    def test_cookie_exchange_is_a_step_and_a_round_trip(self):
        for extra in ((), keys("dtls12-cookie")):
            hs = handshakes("dtls12-cookie.pcapng", *extra)[1]
            self.assertEqual(letters(hs), "CvCsxknGIFif", extra)
            self.assertEqual([s["frame"] for s in hs], [1, 2, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6])
            self.assertEqual([s["direction"] for s in hs[:3]], ["OUT", "IN", "OUT"])
            self.assertIn("amplification", hs[1]["en"])
            self.assertIn("放大攻击", hs[1]["zh"])
            self.assertIn("cookie", hs[2]["en"])
            self.assertIn("extra round trip", hs[2]["en"])
            # curl never speaks DTLS: no curl line, and the step says so.
            self.assertEqual([s["curl"] for s in hs], [None] * 12)
            self.assertEqual(hs[0]["curl_none"], "curl never speaks DTLS")
            # The first step says what DTLS adds to TLS.
            self.assertIn("DTLS", hs[0]["en"])
            self.assertIn("数据报", hs[0]["zh"])
            self.check_times(hs)
        s = summaries("dtls12-cookie.pcapng", *keys("dtls12-cookie"))[1]
        self.assertEqual(s["tlsexplain.summary.kind"], "DTLS 1.2 full")
        self.assertEqual(s["tlsexplain.summary.version"], "DTLSv1.2")
        self.assertEqual(s["tlsexplain.summary.transport"], "UDP (DTLS)")
        self.assertTrue(truth(s["tlsexplain.summary.cookie"]))
        self.assertEqual(s["tlsexplain.summary.rtts"], "3")
        self.assertEqual(s["tlsexplain.summary.setup_rtts"], "3")
        self.assertTrue(truth(s["tlsexplain.summary.complete"]))
        self.assertEqual(s["frame"], 6)
        # The first application data, as DTLS shows it (dtls.app_data).
        self.assertEqual(s["tlsexplain.summary.time_to_app_data"], "0.024677877")

    def test_without_cookie_two_round_trips(self):
        for extra in ((), keys("dtls12-nocookie")):
            hs = handshakes("dtls12-nocookie.pcapng", *extra)[1]
            self.assertEqual(letters(hs), "CsxknGIFif", extra)
            self.assertEqual([s["frame"] for s in hs], [1, 2, 2, 2, 2, 3, 3, 3, 4, 4])
            s = summaries("dtls12-nocookie.pcapng", *extra)[1]
            self.assertEqual(s["tlsexplain.summary.rtts"], "2")
            self.assertFalse(truth(s["tlsexplain.summary.cookie"]))

    def test_dtls10(self):
        hs = handshakes("dtls10-cookie.pcapng", *keys("dtls10-cookie"))[1]
        self.assertEqual(letters(hs), "CvCsxknGIFif")
        self.assertEqual((hs[1]["curl"], hs[1]["curl_none"]), (None, "curl never speaks DTLS"))
        s = summaries("dtls10-cookie.pcapng", *keys("dtls10-cookie"))[1]
        self.assertEqual(s["tlsexplain.summary.kind"], "DTLS 1.0 full")
        self.assertEqual(s["tlsexplain.summary.version"], "DTLSv1.0")
        self.assertEqual(s["tlsexplain.summary.rtts"], "3")

    def test_cookie_exchange_is_no_extra_round_trip_warning(self):
        experts = ts.pdml_experts("dtls12-cookie.pcapng", "-2", *keys("dtls12-cookie"))
        self.assertEqual(experts, {})

    def test_fragments_make_one_step(self):
        # Frames 4, 5 and 6 hold the Certificate's fragments, 6 and 7 the
        # Server Key Exchange's (see samples/README.md): each is one step, at
        # its first fragment.
        for extra in ((), keys("dtls12-fragmented")):
            hs = handshakes("dtls12-fragmented.pcapng", *extra)[1]
            self.assertEqual(letters(hs), "CvCsxknGIFif", extra)
            self.assertEqual([s["frame"] for s in hs], [1, 2, 3, 4, 4, 6, 7, 8, 8, 8, 9, 9])
            self.assertNotIn(5, fields("dtls12-fragmented", *extra))

    def test_retransmitted_flights_are_repeats(self):
        # The server's last flight (frame 6) was lost after the capture
        # point: the client sent its flight again (7, 8, 9), one message a
        # datagram, and the server its own (10, 11).
        for extra in ((), keys("dtls12-retransmit")):
            steps = all_steps("dtls12-retransmit", *extra)
            repeats = [(s["frame"], s["message"], s["direction"]) for s in steps
                       if s["step"] is None]
            self.assertEqual(repeats, [(7, "Client Key Exchange", "OUT"),
                                       (8, "Change Cipher Spec", "OUT"), (9, "Finished", "OUT"),
                                       (10, "Change Cipher Spec", "IN"), (11, "Finished", "IN")],
                             extra)
            hs = handshakes("dtls12-retransmit.pcapng", *extra)
            self.assertEqual(list(hs), [1])
            self.assertEqual(letters(hs[1]), "CvCsxknGIFif")
            s = summaries("dtls12-retransmit.pcapng", *extra)[1]
            self.assertEqual((s["frame"], s["tlsexplain.summary.rtts"]), (6, "3"))
        f = fields("dtls12-retransmit", *keys("dtls12-retransmit"))
        self.assertTrue(truth(f[7][0]["tlsexplain.repeated"]))
        experts = ts.pdml_experts("dtls12-retransmit.pcapng", "-2", *keys("dtls12-retransmit"))
        self.assertEqual(sorted(experts), [7, 8, 9, 10, 11])
        self.assertEqual([name for name, _ in experts[7]], ["tlsexplain.duplicate"])

    def test_statistics_count_repeats_and_transport(self):
        out = ts.run("-r", ts.sample("dtls12-retransmit.pcapng"), "-q", "-z", "tlsexplain,tree")
        self.assertRegex(out, r"\n By transport +1 ")
        self.assertRegex(out, r"\n  UDP \(DTLS\) +1 ")
        self.assertRegex(out, r"\nRepeated messages +5 ")
        # The client's last flight and the server's, sent again.
        lines = out.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("Repeated messages"))
        end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
        repeated = [re.split(r"\s{2,}", line.strip())[:2] for line in lines[start + 1:end]]
        self.assertEqual(repeated, [["16 Client Key Exchange [OUT]", "1"],
                                    ["18 Change Cipher Spec [IN]", "1"],
                                    ["18 Change Cipher Spec [OUT]", "1"],
                                    ["20 Finished [IN]", "1"], ["20 Finished [OUT]", "1"]])

    def test_transcript_shows_repeats(self):
        out = ts.run("-r", ts.sample("dtls12-retransmit.pcapng"), "-q", "-z", "tlsexplain,trace")
        lines = [line for line in out.splitlines() if line.startswith("1 ")]
        # Then the two close_notify alerts, after the handshake ("+").
        self.assertEqual([line.split()[1] for line in lines],
                         [str(n) for n in range(1, 13)] + ["-"] * 5 + ["+"] * 2)
        self.assertIn("\n(no curl lines: curl never speaks DTLS)\n", out)
        self.assertNotIn("* ", out)
        self.assertTrue(lines[12].endswith("C>S  Handshake ClientKeyExchange (repeated)"), lines)
        self.assertTrue(lines[16].endswith("S>C  Handshake Finished (encrypted) (repeated)"), lines)
        self.assertIn("Handshake 1 complete: DTLS 1.2 full, 3 RTTs", out)


class Quic(unittest.TestCase, Timing):
    """QUIC: TLS 1.3 in CRYPTO frames, with and without the key log."""

    CAP = "quic-full.pcapng"

    @classmethod
    def setUpClass(cls):
        ts.prefetch([(n + ".pcapng", "-2", *extra) for n in QUIC for extra in ((), keys(n))])

    def test_with_keys_every_message_is_a_step(self):
        hs = handshakes(self.CAP, *keys("quic-full"))[1]
        self.assertEqual(letters(hs), "CsoxyfF")
        self.assertEqual([s["frame"] for s in hs], [1, 2, 2, 3, 3, 3, 5])
        self.assertIn("QUIC", hs[0]["en"])
        self.assertIn("CRYPTO", hs[0]["en"])
        self.assertEqual([s["curl"] for s in hs], [None] * 7)
        self.assertEqual(hs[0]["curl_none"],
                         "curl prints no per-message TLS lines for QUIC (HTTP/3)")
        self.check_times(hs)
        s = summaries(self.CAP, *keys("quic-full"))[1]
        self.assertEqual(s["tlsexplain.summary.kind"], "QUIC TLS 1.3 full")
        self.assertEqual(s["tlsexplain.summary.transport"], "QUIC")
        self.assertEqual(s["tlsexplain.summary.rtts"], "1")
        self.assertEqual(s["tlsexplain.summary.setup_rtts"], "1")
        self.assertEqual(s["tlsexplain.summary.alpn"], "h3")
        self.assertEqual(s["frame"], 5)

    def test_without_keys_initial_packets_and_encrypted_handshake_packets(self):
        hs = handshakes(self.CAP)[1]
        self.assertEqual(letters(hs[:2]), "Cs")
        self.assertEqual(hs[0]["frame"], 1)
        self.assertEqual(hs[1]["frame"], 2)
        rest = hs[2:]
        self.assertTrue(rest and all(s["message"] == "Encrypted handshake message" for s in rest))
        # The server's Handshake packets in frames 2 and 3; the client's
        # first (frame 4) holds an acknowledgement only, its Finished comes
        # in frame 5 with its first 1-RTT packet.
        self.assertEqual([(s["frame"], s["direction"]) for s in rest],
                         [(2, "IN"), (3, "IN"), (5, "OUT")])
        self.assertIn("QUIC Handshake packet", rest[0]["en"])
        s = summaries(self.CAP)[1]
        self.assertEqual(s["tlsexplain.summary.kind"], "QUIC TLS 1.3 full")
        self.assertTrue(truth(s["tlsexplain.summary.complete"]))
        self.assertEqual(s["tlsexplain.summary.rtts"], "1")

    def test_resumption_with_early_data(self):
        for extra in ((), keys("quic-resume")):
            hs = handshakes("quic-resume.pcapng", *extra)
            self.assertEqual(list(hs), [1, 2], extra)
            self.assertEqual(hs[2][0]["frame"], 15)
            s = summaries("quic-resume.pcapng", *extra)
            self.assertEqual(s[1]["tlsexplain.summary.kind"], "QUIC TLS 1.3 full", extra)
            self.assertEqual(s[2]["tlsexplain.summary.kind"], "QUIC TLS 1.3 0-RTT", extra)
            self.assertEqual(s[2]["tlsexplain.summary.rtts"], "1")
        hs = handshakes("quic-resume.pcapng", *keys("quic-resume"))[2]
        # Resumed by a PSK: no Certificate, no Certificate Verify.
        self.assertEqual(letters(hs), "CsofF")
        self.assertTrue(truth(summaries("quic-resume.pcapng", *keys("quic-resume"))[2][
            "tlsexplain.summary.resumed"]))

    def test_retry_and_lost_datagrams_add_no_step(self):
        # quic-retry: the Retry (frame 2) and the Client Hello sent again
        # after it (frame 3, the same CRYPTO data) are no steps.
        hs = handshakes("quic-retry.pcapng", *keys("quic-retry"))[1]
        self.assertEqual(letters(hs), "CsoxyfF")
        self.assertEqual([s["frame"] for s in hs], [1, 4, 4, 5, 5, 5, 7])
        # quic-retransmit: Wireshark hands a CRYPTO frame sent again to TLS
        # only once, so the handshake is counted as without loss.
        hs = handshakes("quic-retransmit.pcapng", *keys("quic-retransmit"))[1]
        self.assertEqual(letters(hs), "CsoxyfF")
        self.assertEqual([s["frame"] for s in hs], [1, 2, 2, 3, 3, 3, 9])

    def test_a_migrating_client_stays_the_client(self):
        # quic-full with the client on a new UDP port once the handshake is
        # over (frame 6 on), as after a NAT rebinding (RFC 9000 forbids
        # migrating earlier): the same QUIC connection, which Wireshark
        # follows by its connection IDs, so the server's New Session Ticket
        # (frame 13) is a post-handshake message of handshake 1, sent IN.
        name = migrated_quic()
        steps = steps_of(name, "-2", *keys("quic-full"))
        self.assertEqual({s["handshake"] for s in steps}, {1})
        self.assertEqual(letters([s for s in steps if s["step"]]), "CsoxyfF")
        self.assertEqual([(s["frame"], s["message"], s["direction"]) for s in steps
                          if s["step"] is None], [(13, "New Session Ticket", "IN")])
        self.assertTrue(truth(summaries(name, *keys("quic-full"))[1]["tlsexplain.summary.complete"]))

    def test_estimates_say_why(self):
        f = fields("quic-full", *keys("quic-full"))
        root = ts.run("-r", ts.sample(self.CAP), "-2", "-Y", "frame.number == 2", "-O",
                      "tlsexplain", *keys("quic-full"))
        self.assertIn("there is no TCP handshake over UDP", root)
        self.assertIn(2, f)


class StartTls(unittest.TestCase):
    """TLS after a plaintext upgrade: the first step names the command."""

    CASES = {  # sample: (command, its frame, the Client Hello's frame, words of the reply)
        "starttls-smtp": ("SMTP STARTTLS", 9, 11, "220"),
        "starttls-imap": ("IMAP STARTTLS", 9, 11, "OK"),
        "starttls-pop3": ("POP3 STLS", 6, 9, "+OK"),
        "starttls-ftp": ("FTP AUTH TLS", 6, 9, "234"),
        "starttls-ldap": ("LDAP StartTLS", 4, 8, "StartTLS"),
    }

    @classmethod
    def setUpClass(cls):
        ts.prefetch([(n + ".pcapng", "-2", *keys(n)) for n in cls.CASES])

    def test_first_step_names_the_upgrade_command(self):
        for name, (label, frame, ch, reply) in self.CASES.items():
            f = fields(name, *keys(name))
            first = f[ch][0]
            self.assertEqual(first["tlsexplain.step"], "1", name)
            self.assertEqual(first["tlsexplain.starttls"], label, name)
            self.assertEqual(first["tlsexplain.starttls.frame"], str(frame), name)
            self.assertIn(label.split()[1], first["tlsexplain.explain.en"])
            self.assertIn(reply, first["tlsexplain.explain.en"])
            self.assertIn(label.split()[1], first["tlsexplain.explain.zh"])
            # Only the first step carries it.
            later = [s for fr, ss in f.items() for s in ss if s is not first]
            self.assertTrue(all("tlsexplain.starttls" not in s for s in later), name)
            hs = handshakes(name + ".pcapng", *keys(name))[1]
            self.assertEqual(letters(hs), "CsioxyfIF", name)
            s = summaries(name + ".pcapng", *keys(name))[1]
            self.assertEqual(s["tlsexplain.summary.kind"], "TLS 1.3 full")
            self.assertEqual(s["tlsexplain.summary.transport"], "TCP")
            self.assertEqual(s["tlsexplain.summary.setup_rtts"], "2")

    def test_command_frame_is_the_plaintext_command(self):
        commands = {"starttls-smtp": "STARTTLS", "starttls-imap": "STARTTLS",
                    "starttls-pop3": "STLS", "starttls-ftp": "AUTH TLS",
                    "starttls-ldap": "LDAP_START_TLS_OID"}
        for name, value in commands.items():
            frame = self.CASES[name][1]
            out = ts.run("-r", ts.sample(name + ".pcapng"), "-Y", f"frame.number == {frame}",
                         "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Info")
            self.assertIn(value, out.upper(), name)


if __name__ == "__main__":
    unittest.main()
