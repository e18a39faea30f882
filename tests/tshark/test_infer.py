"""TLS 1.3 without keys, inferred: the message each encrypted record most
probably holds, checked against what the same record holds when the key
log lets Wireshark read it.

For every sample with a key log, the capture is read without it (every
encrypted record of the handshake a step, with its guess in
tlsexplain.inferred), then with it (Wireshark's own decrypted records); a
guess is right when it names exactly the record's messages, in order.  The
hit rate per sample is asserted exactly, and it is the README's.
"""

import re
import unittest
import xml.etree.ElementTree as ET

import tshark_session as ts
from test_explain import samples

LENGTH = re.compile(r"\(([\d,]+) bytes\)$")
ENCRYPTED = "Encrypted handshake message"


def guesses(capture):
    """[(frame, guessed names or None, record length or None)] for every
    step of an encrypted record, read without keys."""
    out = []
    for packet in ts.pdml_root(capture).iter("packet"):
        frame = None
        for proto in packet.findall("proto"):
            if proto.get("name") == "frame":
                frame = int(next(f.get("show") for f in proto.iter("field")
                                 if f.get("name") == "frame.number"))
            if proto.get("name") != "tlsexplain":
                continue
            for step in proto.findall("field"):
                fields = {f.get("name"): f for f in step.iter("field")}
                message = fields.get("tlsexplain.message")
                if message is None or message.get("show") != ENCRYPTED:
                    continue
                inferred = fields.get("tlsexplain.inferred")
                if inferred is None:
                    out.append((frame, None, None))
                    continue
                length = int(LENGTH.search(inferred.get("showname")).group(1).replace(",", ""))
                out.append((frame, inferred.get("show").split(", "), length))
    return out


def records(capture, extra):
    """{frame: [(record length, [message names])]} of the TLS 1.3 records
    (outer type application data) Wireshark decrypted with the key log, in
    every frame: a record may hold no handshake message at all."""
    out = {}
    pdml = ts.run("-r", ts.sample(capture), "-Y", "tls", "-T", "pdml", *extra)
    for packet in ET.fromstring(pdml).iter("packet"):
        frame = None
        for proto in packet.findall("proto"):
            if proto.get("name") == "frame":
                frame = int(next(f.get("show") for f in proto.iter("field")
                                 if f.get("name") == "frame.number"))
            if proto.get("name") != "tls":
                continue
            for rec in proto.iter("field"):
                if rec.get("name") != "tls.record":
                    continue
                kids = {f.get("name"): f.get("show") for f in rec}
                if kids.get("tls.record.opaque_type") != "23":
                    continue
                names = [f.get("showname").split(": ", 1)[1].rsplit(" (", 1)[0]
                         for f in rec.iter("field") if f.get("name") == "tls.handshake.type"]
                out.setdefault(frame, []).append((int(kids["tls.record.length"]), names))
    return out


def hit_rate(capture, extra):
    """(right guesses, steps of encrypted TLS 1.3 records) of a capture, and
    the misses: (frame, guess, length, what the record holds)."""
    truth = records(capture, extra)
    used = {}
    hits, total, misses = 0, 0, []
    for frame, names, length in guesses(capture):
        recs = truth.get(frame)
        if not recs:
            continue  # no TLS 1.3 record: a QUIC packet, a TLS 1.2 renegotiation
        total += 1
        start = used.get(frame, 0)
        for i in range(start, len(recs)):
            if length is None or recs[i][0] == length:
                used[frame] = i + 1
                actual = recs[i][1]
                break
        else:
            actual = None
        if names is not None and names == actual:
            hits += 1
        else:
            misses.append((frame, names, length, actual))
    return hits, total, misses


# Right guesses and encrypted steps per sample read without its key log.
EXPECTED = {
    "advice-0rtt-rejected.pcapng": (10, 10),
    "advice-noresume-tls13.pcapng": (15, 15),
    "delay-tls13-client.pcapng": (5, 5),
    "delay-tls13-hrr-client.pcapng": (5, 5),
    "delay-tls13-hrr-server.pcapng": (5, 5),
    "delay-tls13-server.pcapng": (5, 5),
    "starttls-ftp.pcapng": (5, 5),
    "starttls-imap.pcapng": (5, 5),
    "starttls-ldap.pcapng": (5, 5),
    "starttls-pop3.pcapng": (5, 5),
    "starttls-smtp.pcapng": (5, 5),
    # The miss: 0.5-RTT data, a record the server sent after its Finished
    # and before the client's, which is a step and gets no guess.
    "tls13-0rtt-nginx.pcapng": (8, 9),
    "tls13-0rtt.pcapng": (8, 8),
    "tls13-alert.pcapng": (4, 4),
    "tls13-certreq.pcapng": (6, 6),
    "tls13-clientauth.pcapng": (6, 6),
    "tls13-full.pcapng": (5, 5),
    "tls13-gnutls.pcapng": (5, 5),
    "tls13-hrr.pcapng": (5, 5),
    "tls13-keyupdate.pcapng": (5, 5),
    "tls13-nginx.pcapng": (5, 5),
    "tls13-psk.pcapng": (8, 8),
}


class Inference(unittest.TestCase):
    def test_hit_rate_per_sample(self):
        got = {}
        for capture, extra in samples():
            if not extra:
                continue
            hits, total, misses = hit_rate(capture, extra)
            if total:
                got[capture] = (hits, total)
        self.assertEqual(got, EXPECTED)
        self.assertEqual(sum(h for h, _ in got.values()), 135)
        self.assertEqual(sum(t for _, t in got.values()), 136)

    def test_certificate_request_without_keys(self):
        """A learner's tree: each encrypted record says what it probably
        holds and its size; the message stays the encrypted record."""
        steps = [(f.get("show"), [(g.get("name"), g.get("show"), g.get("showname"))
                                  for g in f.findall("field")])
                 for p in ts.pdml_root("tls13-certreq.pcapng").iter("packet")
                 for proto in p.findall("proto") if proto.get("name") == "tlsexplain"
                 for f in proto.findall("field")]
        labels = [label for label, _ in steps if "Encrypted handshake message" in label]
        self.assertEqual(labels, [
            "Step 4: Encrypted handshake message [IN], probably Encrypted Extensions",
            "Step 5: Encrypted handshake message [IN], probably Certificate Request",
            "Step 6: Encrypted handshake message [IN], probably Certificate",
            "Step 7: Encrypted handshake message [IN], probably Certificate Verify",
            "Step 8: Encrypted handshake message [IN], probably Finished",
            "Step 10: Encrypted handshake message [OUT], probably Certificate",
        ])
        fields = dict((label, {n: (v, t) for n, v, t in kids}) for label, kids in steps)
        cert = fields["Step 6: Encrypted handshake message [IN], probably Certificate"]
        self.assertEqual(cert["tlsexplain.message"][0], "Encrypted handshake message")
        self.assertEqual(cert["tlsexplain.inferred"],
                         ("Certificate",
                          "Inferred from its place and size: probably Certificate (848 bytes)"))

    def test_chinese_labels(self):
        pdml = ts.run("-r", ts.sample("tls13-psk.pcapng"), "-o", "tlsexplain.language:zh",
                      "-Y", "tlsexplain.inferred", "-T", "pdml")
        shown = [f.get("showname") for f in ET.fromstring(pdml).iter("field")
                 if f.get("name") == "tlsexplain.inferred"]
        self.assertEqual(shown[:2], ["由位置和大小推测：可能是 Encrypted Extensions（23 字节）",
                                     "由位置和大小推测：可能是 Certificate（848 字节）"])

    def test_no_guess_with_keys(self):
        """With the key log every message is read: nothing is guessed."""
        for capture, extra in samples():
            if extra:
                self.assertNotIn('name="tlsexplain.inferred"',
                                 ts.run("-r", ts.sample(capture), "-T", "pdml", *extra), capture)


if __name__ == "__main__":
    unittest.main()
