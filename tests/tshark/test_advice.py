"""The advice (tlsexplain.summary.advice, expert infos tlsexplain.advice.*),
as a user reads it from every sample: each advice where the capture proves
it, with its figures, and none anywhere else.

The samples made for it (samples/make-advice-samples.sh, the table in
samples/README.md) show one advice each; the older samples show what is
true of them (tls12-rsa's RSA key exchange, the HelloRetryRequests, the
0-RTT accepted, the QUIC and GnuTLS clients that ask for OCSP stapling
from servers that do not staple).
"""

import glob
import os
import unittest

import tshark_session as ts

FIELDS = ("frame.number", "tlsexplain.summary.advice", "tlsexplain.advice.rtts",
          "tlsexplain.advice.flight_bytes", "tlsexplain.advice.sent_before",
          "tlsexplain.advice.cert_bytes", "tlsexplain.advice.cert_count",
          "tlsexplain.advice.pause", "tlsexplain.advice.rtt", "tlsexplain.advice.earlier",
          "tlsexplain.advice.earlier_frame", "tlsexplain.advice.ocsp_frame",
          "tlsexplain.advice.group", "tlsexplain.advice.version", "tlsexplain.advice.offered",
          "tlsexplain.advice.cipher", "tlsexplain.advice.ocsp_for",
          "tlsexplain.advice.ocsp_for_handshake")

# sample -> {frame: (kinds, round trips, {figure: value})}; every sample not
# named shows no advice.  A frame with no kind is a client's OCSP request
# linked to the handshake before it (tlsexplain.advice.ocsp_for).
EXPECTED = {
    "advice-cwnd": {19: ("cwnd", "1", {
        "flight_bytes": "7445", "sent_before": "4096", "cert_bytes": "6772", "cert_count": "5",
        "pause": "0.050063584", "rtt": "0.050136298"})},
    "advice-noresume": {
        26: ("no_resumption", "1", {"earlier": "1", "earlier_frame": "6"}),
        43: ("no_resumption", "1", {"earlier": "2", "earlier_frame": "23"})},
    # TLS 1.3: resumption saves the certificate, no round trip without 0-RTT.
    "advice-noresume-tls13": {
        26: ("no_resumption", "0", {"earlier": "1", "earlier_frame": "10"}),
        44: ("no_resumption", "0", {"earlier": "2", "earlier_frame": "28"})},
    "advice-tls12": {9: ("tls12_not_13", "1", {"version": "0x0303", "offered": "0x0304"})},
    # The client fetched OCSP after the handshake: its request (frame 23)
    # links to the summary; the summary shows no later frame.
    "advice-ocsp": {9: ("no_staple", "0", {}),
                    23: ("", "", {"ocsp_for": "9", "ocsp_for_handshake": "1"})},
    # GnuTLS asks for stapling; s_server staples nothing.
    "advice-falsestart": {10: ("no_staple,false_start", "0,1", {})},
    "advice-0rtt-rejected": {25: ("no_resumption,early_rejected", "0,0",
                                  {"earlier": "1", "earlier_frame": "10"})},
    "advice-legacy-tls10": {9: ("old_version", "0", {"version": "0x0301"})},
    "advice-legacy-cbc": {9: ("cbc_no_etm", "0", {"cipher": "0xc027"})},
    "tls12-rsa": {9: ("rsa_keyx", "0", {"cipher": "0x009c"})},
    "dtls10-cookie": {6: ("old_version", "0", {"version": "0xfeff"})},
    "tls13-hrr": {10: ("hrr", "1", {"group": "0x0017"})},
    "delay-tls13-hrr-client": {10: ("hrr", "1", {"group": "0x0017"})},
    "delay-tls13-hrr-server": {10: ("hrr", "1", {"group": "0x0017"})},
    "tls13-0rtt": {25: ("early_accepted", "1", {})},
    "tls13-0rtt-nginx": {30: ("early_accepted", "1", {})},
    "tls13-gnutls": {10: ("no_staple", "0", {})},
    "quic-full": {5: ("no_staple", "0", {})},
    "quic-resume": {5: ("no_staple", "0", {}), 18: ("early_accepted", "1", {})},
    "quic-retransmit": {9: ("no_staple", "0", {})},
    "quic-retry": {7: ("no_staple", "0", {})},
}


def key_options(name):
    if os.path.exists(os.path.join(ts.SAMPLES_SRC, name + ".keys")):
        return ts.keys(name + ".keys")
    return ()


def advice_of(name, *extra):
    """{frame: (kinds, rtts, {figure: value})} as tshark -T fields shows it."""
    args = ["-r", ts.sample(name + ".pcapng"), *key_options(name), *extra,
            "-Y", "tlsexplain.summary.advice || tlsexplain.advice.ocsp_for", "-T", "fields"]
    for f in FIELDS:
        args += ["-e", f]
    out = {}
    for line in ts.run(*args).splitlines():
        values = line.split("\t")
        figures = {f.split(".")[-1]: v for f, v in zip(FIELDS[3:], values[3:]) if v}
        out[int(values[0])] = (values[1], values[2], figures)
    return out


def sample_names():
    return sorted(os.path.basename(p)[:-len(".pcapng")]
                  for p in glob.glob(os.path.join(ts.SAMPLES_SRC, "*.pcapng")))


class Advice(unittest.TestCase):
    def test_each_sample_shows_its_advice_and_no_other(self):
        names = sample_names()
        self.assertIn("advice-cwnd", names)
        for name in names:
            with self.subTest(sample=name):
                self.assertEqual(advice_of(name), EXPECTED.get(name, {}))

    def test_the_controls_show_none(self):
        """The same clients and servers, done right: a small flight, a
        resumed session, a stapled response."""
        for name in ("advice-cwnd-small", "advice-resume", "advice-ocsp-stapled"):
            with self.subTest(sample=name):
                self.assertEqual(advice_of(name), {})

    def test_two_passes_agree(self):
        for name in ("advice-cwnd", "advice-noresume", "advice-noresume-tls13", "advice-ocsp"):
            with self.subTest(sample=name):
                self.assertEqual(advice_of(name, "-2"), EXPECTED[name])

    def test_the_clients_ocsp_request_links_its_handshake(self):
        """The request came after the handshake ended: its frame, not the
        summary, tells it, in one pass, in two and without a tree."""
        text = ("OCSP request by the client of handshake 1, whose server did not staple its "
                "certificate's status (frame 9)")
        for extra in ((), ("-2",)):
            with self.subTest(passes=extra):
                experts = ts.pdml_experts("advice-ocsp.pcapng", *extra)
                self.assertEqual(experts.get(23), [("tlsexplain.advice.ocsp_request", text)])
                self.assertEqual(experts.get(21), None)
                self.assertEqual(experts.get(25), None)
        out = ts.run("-r", ts.sample("advice-ocsp.pcapng"), "-q", "-z", "expert,note")
        self.assertEqual(out.count(text), 1)

    def test_expert_infos_name_the_figures(self):
        keys = ts.keys("advice-cwnd.keys")
        self.assertEqual(ts.pdml_experts("advice-cwnd.pcapng", *keys).get(19), [(
            "tlsexplain.advice.cwnd",
            "The server's first flight of 7445 bytes paused 50.1 ms (round trip 50.1 ms) after "
            "4096 bytes: its congestion window was full, which cost 1 round trip")])
        experts = ts.pdml_experts("advice-noresume.pcapng", *ts.keys("advice-noresume.keys"))
        self.assertEqual(experts.get(26), [(
            "tlsexplain.advice.no_resumption",
            "A full handshake, where handshake 1 had left a session ticket or ID (frame 6): "
            "resuming it would have saved 1 round trip")])

    def test_no_round_trip_lost_is_a_note_in_words(self):
        """TLS 1.3: resumption saves the certificate, not a round trip: the
        note twin, and no "0" in the words."""
        experts = ts.pdml_experts("advice-noresume-tls13.pcapng",
                                  *ts.keys("advice-noresume-tls13.keys"))
        self.assertEqual(experts.get(26), [(
            "tlsexplain.advice.no_resumption.no_rtt",
            "A full handshake, where handshake 1 had left a ticket (frame 10): resuming it saves "
            "the certificate, a round trip only with 0-RTT")])
        experts = ts.pdml_experts("advice-0rtt-rejected.pcapng",
                                  *ts.keys("advice-0rtt-rejected.keys"))
        self.assertEqual(experts.get(25), [
            ("tlsexplain.advice.no_resumption.no_rtt",
             "A full handshake: the client offered to resume handshake 1's session (ticket of "
             "frame 10), the server did not take it: no round trip lost, the certificate sent "
             "again"),
            ("tlsexplain.advice.early_rejected",
             "0-RTT early data offered and rejected: the client sends it again after the "
             "handshake")])
        out = ts.run("-r", ts.sample("advice-noresume-tls13.pcapng"),
                     *ts.keys("advice-noresume-tls13.keys"), "-q", "-z", "expert,warn")
        self.assertNotIn("resum", out)

    def test_the_stall_is_a_round_trip_of_the_handshake(self):
        """The server's first flight waited 50.1 ms for the client's ACK: the
        handshake took three round trips (153 ms), the summary and the
        Finished say so on every path, and the advice alone warns of it."""
        fields = ("frame.number", "tlsexplain.summary.rtts", "tlsexplain.summary.setup_rtts",
                  "tlsexplain.explain.en")
        finished = ("This completes the full handshake, after three round trips (RTT), one of "
                    "them waiting for the client's acknowledgement of the server's first flight, "
                    "which outgrew the server's congestion window; encrypted application data "
                    "follows.")
        for extra in ((), ("-2",)):
            for keys in ((), ts.keys("advice-cwnd.keys")):
                with self.subTest(passes=extra, keys=bool(keys)):
                    args = ["-r", ts.sample("advice-cwnd.pcapng"), *keys, *extra,
                            "-Y", "frame.number == 19", "-T", "fields", "-E", "occurrence=l"]
                    for f in fields:
                        args += ["-e", f]
                    frame, rtts, setup_rtts, explain = ts.run(*args).strip().split("\t")
                    self.assertEqual((frame, rtts, setup_rtts), ("19", "3", "4"))
                    self.assertTrue(explain.endswith(finished), explain)
                    experts = ts.pdml_experts("advice-cwnd.pcapng", *keys, *extra)
                    self.assertEqual([name for name, _ in experts.get(19, [])],
                                     ["tlsexplain.advice.cwnd"])
        # The control, a flight that fits its window: two round trips.
        out = ts.run("-r", ts.sample("advice-cwnd-small.pcapng"),
                     *key_options("advice-cwnd-small"), "-Y", "tlsexplain.summary.rtts",
                     "-T", "fields", "-e", "tlsexplain.summary.rtts",
                     "-e", "tlsexplain.summary.setup_rtts")
        self.assertEqual(out.split(), ["2", "3"])

    def test_the_hello_retry_request_is_told_once(self):
        """Its advice, not the extra round trip's warning as well."""
        experts = ts.pdml_experts("tls13-hrr.pcapng", *ts.keys("tls13-hrr.keys"))
        self.assertEqual(experts.get(10), [(
            "tlsexplain.advice.hrr",
            "HelloRetryRequest for secp256r1: 1 round trip more; the client should offer a "
            "secp256r1 key share first")])

    def test_expert_infos_without_a_tree(self):
        """tshark -z expert builds no tree: the same advice, one per kind."""
        out = ts.run("-r", ts.sample("advice-falsestart.pcapng"),
                     *ts.keys("advice-falsestart.keys"), "-q", "-z", "expert,chat")
        self.assertIn("TLS False Start: client data after its Finished, before the server's: "
                      "1 round trip saved", out)
        self.assertIn("The client asked for OCSP stapling, the server did not staple: the client "
                      "may fetch OCSP itself", out)

    def test_chinese(self):
        out = ts.run("-r", ts.sample("advice-tls12.pcapng"), *ts.keys("advice-tls12.keys"),
                     "-o", "tlsexplain.language:zh", "-Y", "frame.number == 9", "-V")
        self.assertIn("建议：客户端提供了 TLS 1.3，却用了 TLS 1.2 (tls12_not_13)", out)
        self.assertIn("客户端提供 TLSv1.3，服务器选了 TLSv1.2：比 TLS 1.3 多 1 个往返", out)
        out = ts.run("-r", ts.sample("advice-ocsp.pcapng"), "-o", "tlsexplain.language:zh",
                     "-q", "-z", "expert,note")
        self.assertIn("第 1 次握手的客户端发出的 OCSP 请求，该握手的服务器没有装订证书状态（第 9 帧）",
                      out)


if __name__ == "__main__":
    unittest.main()
