"""The plugin reads hellos, key exchanges and alerts from the messages' own
bytes (core/tlsx_parse.c); Wireshark's TLS and DTLS dissectors read the
same messages into their fields.  On every sample (without and with its key
log) and every capture the other suites make, what the plugin shows must be
what Wireshark's own fields say, message for message:

  - a Server Hello step is a HelloRetryRequest (tlsexplain.hrr) exactly when
    Wireshark's Server Hello in that frame has the HelloRetryRequest random;
  - an alert step's level and description are Wireshark's alert's;
  - a handshake's summary names the cipher suite, key exchange group,
    version, server name and application protocol that Wireshark's fields
    give in that handshake's Server Hello (or HelloRetryRequest-free Server
    Hello), ServerKeyExchange, Encrypted Extensions and first Client Hello
    (names as Wireshark names the values, tshark -G values).

Both come from one PDML run per capture (-T pdml), which shows the plugin's
steps and Wireshark's messages frame by frame.
"""

import collections
import functools
import glob
import importlib
import os
import re
import unittest
import xml.etree.ElementTree as ET

import tshark_session as ts

HERE = os.path.dirname(os.path.abspath(__file__))

HRR_RANDOM = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c"
CLIENT_HELLO, SERVER_HELLO, SERVER_KEY_EXCHANGE, ENCRYPTED_EXTENSIONS = 1, 2, 12, 8
# The plugin's version names (text/tlsx_message.c).
VERSION_NAMES = {0x0300: "SSLv3", 0x0301: "TLSv1.0", 0x0302: "TLSv1.1", 0x0303: "TLSv1.2",
                 0x0304: "TLSv1.3", 0xfeff: "DTLSv1.0", 0xfefd: "DTLSv1.2", 0xfefc: "DTLSv1.3"}


def rank(version):
    ranks = {0x0300: 1, 0x0301: 2, 0x0302: 3, 0x0303: 4, 0x0304: 6, 0xfeff: 2, 0xfefd: 4,
             0xfefc: 6}
    return ranks.get(version, 5 if version >> 8 == 0x7f else 0)


def variants():
    """(label, capture, options) of every sample, with and without its key
    log, and of every capture the suites make (but the slow ones)."""
    out = []
    for path in sorted(glob.glob(os.path.join(ts.SAMPLES_SRC, "*.pcapng"))):
        name = os.path.basename(path)[:-len(".pcapng")]
        out.append((name, name + ".pcapng", ()))
        for keys in (name, name.rsplit("-", 1)[0]):
            if os.path.exists(os.path.join(ts.SAMPLES_SRC, keys + ".keys")):
                out.append((name + ".keys", name + ".pcapng", ts.keys(keys + ".keys")))
                break
    for path in sorted(glob.glob(os.path.join(HERE, "test_*.py"))):
        name = os.path.basename(path)[:-3]
        if name != __name__:
            importlib.import_module(name)
    seen = set()
    for build, args, reads, slow in ts.GENERATED:
        if slow:
            continue
        capture = build(*args)
        for extra in reads:
            label = " ".join((capture,) + tuple(extra))
            if label not in seen:
                seen.add(label)
                out.append((label, capture, tuple(extra)))
    return out


@functools.lru_cache(maxsize=None)
def value_names():
    """{field: {value: name}} of the fields whose names the plugin shows."""
    wanted = {"tls.handshake.ciphersuite", "tls.handshake.extensions_key_share_group",
              "tls.handshake.server_named_curve"}
    out = collections.defaultdict(dict)
    for line in ts.run("-G", "values").splitlines():
        row = line.split("\t")
        if len(row) == 4 and row[0] == "V" and row[1] in wanted:
            out[row[1]][int(row[2], 0)] = row[3]
    return out


# Groups of the IANA registry that Wireshark 4.0 prints as a number and the
# plugin names from its own table (text/tlsx_group.c).
NEWER_GROUPS = {0x0200: "MLKEM512", 0x0201: "MLKEM768", 0x0202: "MLKEM1024",
                0x11EB: "SecP256r1MLKEM768", 0x11EC: "X25519MLKEM768",
                0x11ED: "SecP384r1MLKEM1024", 0x6399: "X25519Kyber768Draft00",
                0x639A: "SecP256r1Kyber768Draft00"}


def name_of(names, value, newer=None):
    """Wireshark's name of a value; newer: names the plugin knows where
    Wireshark has none; else the plugin shows it in hex, as Wireshark's
    -T fields does."""
    if value is None:
        return None
    return names.get(value) or (newer or {}).get(value) or f"0x{value:04x}"


ESCAPE = re.compile(r"\\x([0-9a-fA-F]{1,2})|\\([nrt])|(.)", re.S)


def unescaped(text):
    """A name from the wire as the bytes it was, as far as both the plugin's
    escaping and Wireshark's tell them: escapes (\\xNN, Wireshark's \\xN,
    \\n, \\r, \\t) read back; every byte outside ASCII is "?", because
    Wireshark shows each as a replacement character where the plugin keeps
    valid UTF-8; PDML shows a line break or tab as a space; and Wireshark's
    string ends at a NUL, so both end there."""
    if text is None:
        return None
    out = bytearray()
    for m in ESCAPE.finditer(text):
        if m.group(1):
            out.append(int(m.group(1), 16))
        elif m.group(2):
            out += b" "
        elif m.group(3) == "\ufffd":
            out += b"?"
        else:
            out += m.group(3).encode("utf-8")
    out = out.split(b"\0")[0]
    return bytes(b"?"[0] if b >= 0x80 else b" "[0] if b in b"\n\r\t" else b
                 for b in out)


def num(text):
    return int(text, 0) if text is not None else None


def child_values(elem, suffix):
    """The values of the fields under elem named tls.<suffix> or
    dtls.<suffix>, in order."""
    return [f.get("show") for f in elem.iter("field")
            if f.get("name") in ("tls." + suffix, "dtls." + suffix)]


def wireshark_message(elem):
    """What Wireshark's fields say of one handshake message."""
    def first(suffix):
        v = child_values(elem, suffix)
        return v[0] if v else None
    versions = [num(v) for v in child_values(elem, "handshake.extensions.supported_version")]
    best = max(versions, key=rank, default=None)
    if best is not None and rank(best) == 0:
        best = None
    random = first("handshake.random")
    return {
        "type": num(first("handshake.type")),
        "version": best if best is not None else num(first("handshake.version")),
        "hrr": random is not None and random.replace(":", "") == HRR_RANDOM,
        "cipher": num(first("handshake.ciphersuite")),
        "group": num(first("handshake.extensions_key_share_group")),
        "curve": num(first("handshake.server_named_curve")),
        "sni": first("handshake.extensions_server_name"),
        "alpn": first("handshake.extensions_alpn_str"),
    }


def frames(root):
    """For each frame: (number, Wireshark's messages, Wireshark's alerts as
    (level, description), the plugin's steps, the plugin's summaries)."""
    for packet in root.iter("packet"):
        number = None
        messages, alerts, steps, summaries = [], [], [], []
        for f in packet.iter("field"):
            name = f.get("name")
            if name == "frame.number":
                number = int(f.get("show"))
            elif name in ("tls.handshake", "dtls.handshake"):
                if child_values(f, "handshake.type"):
                    messages.append(wireshark_message(f))
            elif name in ("tls.alert_message", "dtls.alert_message"):
                level = child_values(f, "alert_message.level")
                desc = child_values(f, "alert_message.desc")
                if level and desc:
                    alerts.append((num(level[0]), num(desc[0])))
        for proto in packet.findall("proto"):
            if proto.get("name") != "tlsexplain":
                continue
            for subtree in proto.findall("field"):
                values = {c.get("name"): c.get("show") for c in subtree.findall("field")}
                if "tlsexplain.summary.kind" in values:
                    # "Handshake 3 summary: ..."
                    label = re.match(r"Handshake (\d+) summary", subtree.get("show") or "")
                    if label:
                        summaries.append((label.group(1), values))
                elif "tlsexplain.handshake" in values:
                    steps.append(values)
        yield number, messages, alerts, steps, summaries


class CrossCheck(unittest.TestCase):
    """The plugin's values against Wireshark's fields, on every capture."""

    @classmethod
    def setUpClass(cls):
        cls.variants = variants()
        ts.warm([("-G", "values")] + [cls.args(v) for v in cls.variants])

    @staticmethod
    def args(variant):
        _, capture, reads = variant
        return ("-r", ts.sample(capture), *reads, "-Y", "tlsexplain", "-T", "pdml", "-J",
                "frame tls dtls quic tlsexplain")

    def check_capture(self, variant):
        label = variant[0]
        root = ET.fromstring(ts.run(*self.args(variant)))
        names = value_names()
        # Per handshake id: what Wireshark says of its messages.
        expect = collections.defaultdict(dict)
        summaries = {}
        for number, messages, alerts, steps, frame_summaries in frames(root):
            where = f"{label}, frame {number}"
            by_type = collections.defaultdict(list)
            for m in messages:
                by_type[m["type"]].append(m)
            for step in steps:
                hs = step["tlsexplain.handshake"]
                kind = num(step.get("tlsexplain.handshake_type"))
                found = by_type.get(kind, [])
                if kind == SERVER_HELLO and len(found) == 1:
                    m = found[0]
                    self.assertEqual(step.get("tlsexplain.hrr") in ("1", "True"), m["hrr"], where)
                    if not m["hrr"]:
                        e = expect[hs]
                        e["cipher"] = name_of(names["tls.handshake.ciphersuite"], m["cipher"])
                        e["version"] = VERSION_NAMES.get(m["version"])
                        if m["group"] is not None:
                            e["group"] = name_of(
                                names["tls.handshake.extensions_key_share_group"], m["group"],
                                NEWER_GROUPS)
                        if m["alpn"] is not None:
                            e["alpn"] = unescaped(m["alpn"])
                elif kind == SERVER_KEY_EXCHANGE and len(found) == 1:
                    if found[0]["curve"] is not None:
                        expect[hs]["group"] = name_of(
                            names["tls.handshake.server_named_curve"], found[0]["curve"],
                            NEWER_GROUPS)
                elif kind == ENCRYPTED_EXTENSIONS and len(found) == 1:
                    if found[0]["alpn"] is not None:
                        expect[hs]["alpn"] = unescaped(found[0]["alpn"])
                elif kind == CLIENT_HELLO and len(found) == 1:
                    if found[0]["sni"] is not None:
                        expect[hs].setdefault("sni", unescaped(found[0]["sni"]))
            shown = [(num(s["tlsexplain.alert.level"]), num(s["tlsexplain.alert.description"]))
                     for s in steps if s.get("tlsexplain.alert.level") not in (None, "0")]
            if shown:
                self.assertEqual(shown, alerts, where)
            for hs, summary in frame_summaries:
                summaries[hs] = (summary, where)
        checked = 0
        for hs, (summary, where) in summaries.items():
            e = expect.get(hs, {})
            for key in ("cipher", "group", "version", "sni", "alpn"):
                if key in e:
                    shown = summary.get("tlsexplain.summary." + key)
                    if key in ("sni", "alpn"):
                        shown = unescaped(shown)
                        # A long name is cut: "...(N bytes)" says how long.
                        cut = re.search(rb"\\\.\.\.\((\d+) bytes\)$", shown or b"")
                        if cut and e[key] is not None:
                            self.assertEqual(len(e[key]), int(cut.group(1)), where)
                            self.assertTrue(e[key].startswith(shown[:cut.start()]), where)
                            shown = e[key]
                    self.assertEqual(shown, e[key], f"{where}: handshake {hs}'s {key}")
                    checked += 1
        return checked

    def test_every_capture(self):
        total = 0
        for variant in self.variants:
            with self.subTest(capture=variant[0]):
                total += self.check_capture(variant)
        # The samples alone hold dozens of handshakes: the comparison ran.
        print(f"{total} values compared")
        self.assertGreater(total, 100)


def tearDownModule():
    ts.cleanup()


if __name__ == "__main__":
    unittest.main()
