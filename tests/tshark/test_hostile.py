"""Integration tests: hostile and odd captures, made at test time by
pcapgen.py (synthetic but valid TCP/TLS) or derived from the samples.

Never a crash (tshark_session fails on a signal or a sanitizer report), an
expert info where something is wrong, exact step counts where they are
known, times never negative.

Hostile runs in the default ctest.  Big (100,000 connections, 10,000
messages on one connection, peak RSS bounds) takes about a minute: ctest
registers it with the label "slow" and it runs only when TLSX_SLOW=1:

    TLSX_SLOW=1 ctest --test-dir build -L slow --output-on-failure
"""

import gzip
import os
import re
import struct
import subprocess
import time
import unittest
import xml.etree.ElementTree as ET

import pcapgen as g
import tshark_session as ts
from test_tshark import DOCUMENT_STEPS, keylog
from pcapgen import CLIENT, HANDSHAKE, SERVER, record

TIME_FIELDS = ("tlsexplain.time.since_prev", "tlsexplain.time.since_peer",
               "tlsexplain.time.since_start", "tlsexplain.summary.duration")


# Names from the wire as each Client Hello and Server Hello holds them (bytes
# as they are, str in UTF-8), and as every report shows them.
HOSTILE_NAMES = [
    # Colour, window title (ended by BEL), clearing the screen.
    (b"\x1b[31mred\x1b]0;pwned\x07\x1b[2J", b"h2\x1b[5m",
     r"\x1b[31mred\x1b]0;pwned\x07\x1b[2J", r"h2\x1b[5m"),
    # Newlines forging the transcript's lines; a valid UTF-8 protocol.
    (b"evil.test\nHandshake 99 complete: TLS 1.2 full, 2 RTTs, 0.0001 s (frames 1-2)\n"
     b"* SSL connection using FAKE", "caf\u00e9",
     r"evil.test\x0aHandshake 99 complete: TLS 1.2 full, 2 RTTs, 0.0001 s (frames 1-2)\x0a"
     r"* SSL connection using FAKE", "caf\u00e9"),
    # NUL (which ends Wireshark's own string), CR, DEL, invalid UTF-8, a
    # backslash; a C1 control sequence (CSI) in valid UTF-8.
    (b"nul\x00cr\r del\x7f \xff\xc3( \\x41", b"h2\xc2\x9b2J",
     r"nul\x00cr\x0d del\x7f \xff\xc3( \\x41", r"h2\xc2\x9b2J"),
    # 1,000 bytes: cut at 255 bytes with the marker.
    (b"x" * 1000, "http/1.1", "x" * 239 + r"\...(1000 bytes)", "http/1.1"),
]


def write(name, pcap):
    return ts.derived(name, pcap.data())


def doc_pcap(**conn_args):
    """The document's ten steps on one synthetic connection."""
    w = g.Pcap()
    c = w.connection(**conn_args)
    c.handshake()
    g.tls12_full(c)
    return w


# The captures, each made by a function of its own (registered: test_golden
# checks that one pass and two agree on every one).

@ts.generated()
def truncated_records():
    """Records cut short where the connection ends."""
    w = g.Pcap()
    # The Certificate's record says 3,000 bytes; 100 come.
    c = w.connection(client_port=40000)
    c.handshake()
    c.send(CLIENT, record(HANDSHAKE, g.client_hello()))
    cert = g.certificate(2900)
    c.send(SERVER, record(HANDSHAKE, g.server_hello()) +
           struct.pack("!BHH", HANDSHAKE, 0x0303, len(cert)) + cert[:100])
    # A record header cut after 3 bytes.
    c = w.connection(client_port=40001)
    c.send(CLIENT, record(HANDSHAKE, g.client_hello(seed=9)))
    c.send(SERVER, record(HANDSHAKE, g.server_hello())[:3])
    # A handshake message longer than its record, the rest never sent.
    c = w.connection(client_port=40002)
    c.send(CLIENT, record(HANDSHAKE, g.client_hello(seed=10)))
    sh = g.server_hello()
    c.send(SERVER, record(HANDSHAKE, sh[:4] + b"\0" * 10))
    return write("truncated.pcap", w)


@ts.generated()
def dozens_of_messages():
    """48 handshake messages in one record, and 48 records in one frame."""
    flight = (g.server_hello() + g.certificate() + g.server_key_exchange() +
              g.server_hello_done())
    w = g.Pcap()
    c = w.connection(client_port=40000)
    c.send(CLIENT, record(HANDSHAKE, g.client_hello()))
    c.send(SERVER, record(HANDSHAKE, flight * 12))
    c = w.connection(client_port=40001)
    c.send(CLIENT, record(HANDSHAKE, g.client_hello(seed=5)))
    msgs = [g.server_hello(), g.certificate(), g.server_key_exchange(), g.server_hello_done()]
    c.send(SERVER, b"".join(record(HANDSHAKE, m) for m in msgs * 12))
    return write("dozens.pcap", w)


@ts.generated()
def two_client_hellos():
    """A Client Hello from each side."""
    w = g.Pcap()
    c = w.connection()
    c.handshake()
    c.send(CLIENT, record(HANDSHAKE, g.client_hello()))
    c.send(SERVER, record(HANDSHAKE, g.client_hello(seed=3)))
    c.send(SERVER, record(HANDSHAKE, g.server_hello() + g.certificate() +
                          g.server_key_exchange() + g.server_hello_done()))
    return write("two-client-hellos.pcap", w)


@ts.generated()
def from_client_key_exchange():
    """A capture starting at the client's second flight."""
    w = g.Pcap()
    c = w.connection()
    c.send(CLIENT, record(HANDSHAKE, g.client_key_exchange()) + g.ccs() +
           record(HANDSHAKE, g.encrypted_finished()))
    c.send(SERVER, g.ccs() + record(HANDSHAKE, g.encrypted_finished(8)))
    return write("from-cke.pcap", w)


@ts.generated()
def app_data_only():
    """Only encrypted records."""
    w = g.Pcap()
    c = w.connection()
    c.send(CLIENT, record(23, g.random_bytes(80, 1)))
    c.send(SERVER, record(23, g.random_bytes(80, 2)))
    return write("app-data-only.pcap", w)


@ts.generated()
def time_backwards():
    """The server's flight stamped before the Client Hello."""
    w = g.Pcap()
    c = w.connection()
    base = 1700000000 * 10**9
    c.send(CLIENT, record(HANDSHAKE, g.client_hello()), base + 10**9)
    c.send(SERVER, record(HANDSHAKE, g.server_hello() + g.certificate() +
                          g.server_key_exchange() + g.server_hello_done()), base)
    c.send(CLIENT, record(HANDSHAKE, g.client_key_exchange()), base + 2 * 10**9)
    return write("backwards.pcap", w)


@ts.generated()
def ends_of_time():
    """pcapng time stamps in whole seconds at 2^63 and 2^64 - 1."""
    return ts.derived("ends-of-time.pcapng",
                      pcapng_seconds(doc_pcap(), {3: 1 << 63, 4: (1 << 64) - 1}))


@ts.generated()
def odd_fraction():
    """pcap fractions of 4,294,967,295 us."""
    w = doc_pcap()
    data = bytearray(w.data())
    off = 24
    for n in range(len(w.records)):
        if n in (4, 5):
            struct.pack_into("<I", data, off + 4, 0xffffffff)
        off += 16 + struct.unpack_from("<I", data, off + 8)[0]
    return ts.derived("odd-fraction.pcap", bytes(data))


NO_TCP_ANALYSIS = ("-o", "tcp.analyze_sequence_numbers:FALSE")


@ts.generated((), (*NO_TCP_ANALYSIS, *ts.keys("tls12-doc.keys")))
def every_frame_twice():
    """Each frame of the document's case duplicated."""
    ts.editcap("tls12-doc.pcapng", "doc2.pcap", "-F", "pcap")
    with open(ts.sample("doc2.pcap"), "rb") as f:
        data = f.read()
    off, recs = 24, []
    while off < len(data):
        n = 16 + struct.unpack_from("<I", data, off + 8)[0]
        recs.append(data[off:off + n])
        off += n
    return ts.derived("doubled.pcap", data[:24] + b"".join(r + r for r in recs))


PORT_5555 = ("-d", "tcp.port==5555,tls")


@ts.generated(PORT_5555)
def non_standard_port():
    """TLS on port 5555."""
    return write("port5555.pcap", doc_pcap(server_port=5555))


@ts.generated()
def ipv6():
    """The document's handshake over IPv6, then over IPv4 with the same ports."""
    w = g.Pcap()
    c = w.connection(ipv6=True)
    c.handshake()
    g.tls12_full(c)
    c = w.connection()
    c.handshake()
    g.tls12_full(c)
    return write("ipv6.pcap", w)


ROUNDS_ON_ONE_CONNECTION = 2000


@ts.generated()
def messages_on_one_connection():
    """2,000 handshakes of five messages and an alert on one connection."""
    w = g.Pcap()
    c = w.connection()
    c.handshake()
    for i in range(ROUNDS_ON_ONE_CONNECTION):
        c.send(CLIENT, record(HANDSHAKE, g.client_hello(seed=i)))
        c.send(SERVER, record(HANDSHAKE, g.server_hello() + g.certificate(16) +
                              g.server_key_exchange() + g.server_hello_done()) +
               g.alert(2, 40))
    return write("10k-messages.pcap", w)


@ts.generated()
def messages_in_one_handshake():
    """A Client Hello, 9,999 Certificates, 101 a frame, a Server Hello Done."""
    w = g.Pcap()
    c = w.connection()
    c.handshake()
    c.send(CLIENT, record(HANDSHAKE, g.client_hello()))
    cert = g.certificate(8)
    for _ in range(99):
        c.send(SERVER, record(HANDSHAKE, cert * 101))
    c.send(SERVER, record(HANDSHAKE, g.server_hello_done()))
    return write("one-long-handshake.pcap", w)


@ts.generated()
def forty_client_hellos():
    """40 Client Hellos of different lengths in one segment."""
    w = g.Pcap()
    c = w.connection(client_port=40000)
    c.handshake()
    c.send(CLIENT, b"".join(record(HANDSHAKE, g.client_hello(seed=i, sni="h" * (i + 1)))
                            for i in range(40)))
    return write("forty.pcap", w)


@ts.generated()
def hostile_names():
    """Server names and protocols with terminal escapes, forged lines, NUL,
    invalid UTF-8 and 1,000 bytes (HOSTILE_NAMES)."""
    w = g.Pcap()
    for i, (sni, alpn, _, _) in enumerate(HOSTILE_NAMES):
        c = w.connection(client_port=40000 + i)
        c.handshake()
        g.tls12_full(c, sni=sni, alpn=alpn)
    return write("hostile-names.pcap", w)


WIDE_T0 = 1700000000
TOP_SECONDS = (1 << 63) - 1


@ts.generated()
def wide_waits():
    """Waits of 10^15 s and of nearly 2^63 s (pcapng time stamps in whole
    seconds)."""
    w = g.Pcap()
    c = w.connection()
    c.handshake()
    g.tls12_full(c)
    t0 = WIDE_T0
    return ts.derived("wide-waits.pcapng", pcapng_seconds(
        w, {3: t0, 4: t0 + 10**15, 5: t0 + 2 * 10**15, 6: TOP_SECONDS}))


PCAP_LAST = (2**32 - 1) * 10**9 + 999999000


@ts.generated()
def pcap_ends():
    """pcap: the Client Hello at 0 s, the server's flights at 2^32 - 1 s and
    999,999 us, the client's second flight at 1 s, before them."""
    w = g.Pcap()
    c = w.connection()
    last = PCAP_LAST
    c.send(CLIENT, record(HANDSHAKE, g.client_hello()), 0)
    c.send(SERVER, record(HANDSHAKE, g.server_hello() + g.certificate() +
                          g.server_key_exchange() + g.server_hello_done()), last)
    c.send(CLIENT, record(HANDSHAKE, g.client_key_exchange()) + g.ccs() +
           record(HANDSHAKE, g.encrypted_finished()), 10**9)
    c.send(SERVER, g.ccs() + record(HANDSHAKE, g.encrypted_finished(8)), last)
    return write("pcap-ends.pcap", w)


EXPERTS = {"tlsexplain.unexpected", "tlsexplain.missing", "tlsexplain.duplicate",
           "tlsexplain.mid_capture", "tlsexplain.alert", "tlsexplain.incomplete",
           "tlsexplain.time_backwards"}


def read(capture, *extra):
    """Every step (and post-handshake message) of the capture, read in two
    passes from one PDML run: frame, handshake, step, direction, message,
    times in ns, and the names and messages of its expert infos."""
    root = ET.fromstring(ts.run("-2", "-r", ts.sample(capture), "-Y", "tlsexplain", "-T", "pdml",
                                *extra))
    out = []
    for packet in root.iter("packet"):
        frame = None
        for proto in packet.findall("proto"):
            if proto.get("name") == "frame":
                frame = int(next(f.get("show") for f in proto.iter("field")
                                 if f.get("name") == "frame.number"))
            if proto.get("name") != "tlsexplain":
                continue
            for sub in proto.findall("field"):
                # The step's row (its message) and every field under it.
                f = {x.get("name"): x.get("show") for x in sub.iter("field") if x.get("name")}
                if "tlsexplain.handshake" not in f:
                    continue
                s = {"frame": frame, "handshake": int(f["tlsexplain.handshake"]),
                     "step": int(f["tlsexplain.step"]) if "tlsexplain.step" in f else None,
                     "direction": f["tlsexplain.direction"], "message": f["tlsexplain.message"],
                     "experts": {x.get("name") for x in sub.iter("field")
                                 if x.get("name") in EXPERTS},
                     "expert_messages": [x.get("show") for x in sub.iter("field")
                                         if x.get("name") == "_ws.expert.message"]}
                for t in TIME_FIELDS:
                    if t in f:
                        s[t] = f[t]
                        s[t.split(".")[-1]] = ts.ns(f[t]) if not f[t].startswith("-") else -1
                out.append(s)
    return out


def frames_with(steps, expert_name):
    return sorted({s["frame"] for s in steps if expert_name in s["experts"]})


def flat(steps):
    return [(s["step"], s["direction"], s["message"]) for s in steps]


class Hostile(unittest.TestCase):

    def assert_times_not_negative(self, steps):
        for s in steps:
            for t in TIME_FIELDS:
                self.assertFalse(s.get(t, "").startswith("-"), s)


    def test_truncated_records(self):
        """Records cut short where the connection ends: the complete
        messages are steps, the rest is nothing, and two passes say the
        handshake never completed."""
        steps = read(truncated_records())
        self.assertEqual([(s["frame"], s["handshake"], s["step"], s["message"]) for s in steps],
                         [(4, 1, 1, "Client Hello"), (5, 1, 2, "Server Hello"),
                          (6, 2, 1, "Client Hello"), (8, 3, 1, "Client Hello")])
        self.assertEqual(frames_with(steps, "tlsexplain.incomplete"), [5, 6, 8])

    def test_dozens_of_messages_in_one_frame(self):
        """48 handshake messages in one record, and 48 records in one frame:
        the first four are steps, their 44 copies are flagged, not counted."""
        steps = read(dozens_of_messages())
        want = ([(1, "OUT", "Client Hello"), (2, "IN", "Server Hello"), (3, "IN", "Certificate"),
                 (4, "IN", "Server Key Exchange"), (5, "IN", "Server Hello Done")] +
                [(None, "IN", m) for m in ("Server Hello", "Certificate", "Server Key Exchange",
                                           "Server Hello Done")] * 11)
        self.assertEqual(flat([s for s in steps if s["handshake"] == 1]), want)
        self.assertEqual(flat([s for s in steps if s["handshake"] == 2]), want)
        self.assertEqual(frames_with(steps, "tlsexplain.duplicate"), [2, 4])
        self.assertEqual([len([s for s in steps if s["frame"] == f]) for f in (2, 4)], [48, 48])

    def test_both_sides_send_client_hello(self):
        """The first Client Hello names the client; the server's is flagged
        and opens no handshake."""
        steps = read(two_client_hellos())
        self.assertEqual([(s["handshake"], s["step"], s["direction"], s["message"])
                          for s in steps],
                         [(1, 1, "OUT", "Client Hello"), (1, 2, "IN", "Client Hello"),
                          (1, 3, "IN", "Server Hello"), (1, 4, "IN", "Certificate"),
                          (1, 5, "IN", "Server Key Exchange"), (1, 6, "IN", "Server Hello Done")])
        self.assertEqual(frames_with(steps, "tlsexplain.unexpected"), [5])
        self.assertEqual(steps[1]["expert_messages"],
                         ["Unexpected message: Client Hello sent by the server, which never "
                          "sends it"])

    def test_capture_starts_mid_handshake(self):
        """From the client's second flight: the client is known from its
        Client Key Exchange, steps count from there, a note says so."""
        steps = read(from_client_key_exchange())
        self.assertEqual(flat(steps), [(i + 1, d, m) for i, (d, m, _, _)
                                       in enumerate(DOCUMENT_STEPS[5:])])
        self.assertEqual(frames_with(steps, "tlsexplain.mid_capture"), [1])
        # Only encrypted records: nothing to explain, no step.
        self.assertEqual(read(app_data_only()), [])

    def test_time_goes_backwards(self):
        """The server's flight stamped before the Client Hello: flagged,
        its times 0, none negative."""
        steps = read(time_backwards())
        self.assertEqual(frames_with(steps, "tlsexplain.time_backwards"), [2])
        self.assertEqual([s["step"] for s in steps], [1, 2, 3, 4, 5, 6])
        for s in steps[1:5]:
            self.assertEqual((s["since_prev"], s["since_peer"], s["since_start"]), (0, 0, 0))
        self.assertEqual((steps[5]["since_start"], steps[5]["since_peer"]), (10**9, 2 * 10**9))
        self.assert_times_not_negative(steps)

    def test_time_stamps_at_the_ends_of_time(self):
        """A pcapng time stamp in whole seconds at 2^63 (time_t's minimum in
        Wireshark) and a pcap fraction of 4,294,967,295 us: times saturate or
        carry, never negative (they overflowed before)."""
        steps = read(ends_of_time())
        self.assertEqual([s["step"] for s in steps], list(range(1, 11)))
        self.assert_times_not_negative(steps)
        steps = read(odd_fraction())
        self.assertEqual([s["step"] for s in steps], list(range(1, 11)))
        self.assert_times_not_negative(steps)

    def test_statistics_at_the_ends_of_time(self):
        """The statistics tree of the capture at the ends of time: no crash
        (Wireshark's burst rate, which crashed at 2^63 s, is off for such
        frames)."""
        out = ts.run("-r", ts.sample(ends_of_time()), "-q", "-z", "tlsexplain,tree")
        self.assertIn("Handshakes                       1", out)

    def test_forty_handshakes_in_one_frame(self):
        """40 Client Hellos of different lengths in one segment: each opens a
        handshake and abandons the one before.  However many handshakes a
        frame holds, two passes show all of them, as one pass does."""
        cap = forty_client_hellos()
        fields = ("-T", "fields", "-E", "occurrence=a", "-e", "frame.number",
                  "-e", "tlsexplain.handshake", "-e", "tlsexplain.step")
        one = ts.run("-r", ts.sample(cap), "-Y", "tlsexplain", *fields)
        two = ts.run("-2", "-r", ts.sample(cap), "-Y", "tlsexplain", *fields)
        self.assertEqual(one, two)
        frame, ids, step_numbers = one.strip().split("\t")
        self.assertEqual(frame, "4")
        self.assertEqual(ids, ",".join(str(i) for i in range(1, 41)))
        self.assertEqual(step_numbers, ",".join(["1"] * 40))
        # Each handshake was cut short by the next, which is no "nothing
        # follows in the capture": only the last one never completed.
        steps = read(cap)
        self.assertEqual([sorted(s["experts"]) for s in steps],
                         [[]] + [["tlsexplain.unexpected"]] * 38 +
                         [["tlsexplain.incomplete", "tlsexplain.unexpected"]])
        self.assertEqual(steps[39]["expert_messages"],
                         ["A new Client Hello while handshake 39 was still open: that handshake "
                          "was abandoned and handshake 40 starts",
                          "Handshake 40 never completed: the capture holds nothing after this "
                          "step (the Server Hello was still to come)"])
        # The same expert infos in one pass and in two, but for what only the
        # second knows: that nothing followed.
        ours = [[line for line in ts.run(*passes, "-r", ts.sample(cap), "-q", "-z", "expert")
                 .splitlines() if "TLS Handshake Explainer" in line]
                for passes in ((), ("-2",))]
        self.assertEqual(ours[1], ours[0] + ["           1   Sequence TLS Handshake Explainer  "
                                             "Handshake 40 never completed: the capture holds "
                                             "nothing after this step (the Server Hello was "
                                             "still to come)"])

    @unittest.skipUnless(os.environ.get("TLSX_WIRESHARK_SOURCE"),
                         "Wireshark's source (tests/wireshark-source.sh) not given")
    def test_wiresharks_fragmented_handshakes(self):
        """Wireshark's own test capture of 1,000 Client Hellos cut in every
        way over TCP segments and TLS records, up to six in one frame: every
        one is annotated, alike in one and two passes."""
        src = os.path.join(os.environ["TLSX_WIRESHARK_SOURCE"], "test", "captures",
                           "tls-fragmented-handshakes.pcap.gz")
        cap = ts.sample("ws-fragmented-handshakes.pcap")
        with gzip.open(src) as f, open(cap, "wb") as out:
            out.write(f.read())
        os.chmod(cap, 0o644)
        fields = ("-Y", "tlsexplain", "-T", "fields", "-E", "occurrence=a", "-e", "frame.number",
                  "-e", "tlsexplain.handshake", "-e", "tlsexplain.message",
                  "-e", "tlsexplain.step", "-e", "tlsexplain.repeated")
        one = ts.run("-r", cap, *fields)
        self.assertEqual(one, ts.run("-2", "-r", cap, *fields))
        messages = [m for line in one.splitlines() for m in line.split("\t")[2].split(",")]
        self.assertEqual(messages, ["Client Hello"] * 1000)
        self.assertEqual(max(len(line.split("\t")[1].split(",")) for line in one.splitlines()), 6)

    def test_names_from_the_wire_stay_inert(self):
        """Server names and protocols that hold terminal escapes, a newline
        forging transcript lines, NUL, CR, DEL, invalid UTF-8 and a C1
        control, and a name of 1,000 bytes: every report shows them escaped,
        the same in each, and no output holds a control byte."""
        cap = ts.sample(hostile_names())
        runs = {"fields": ("-r", cap, "-Y", "tlsexplain.summary.kind", "-T", "fields",
                           "-e", "tlsexplain.summary.sni", "-e", "tlsexplain.summary.alpn"),
                "trace": ("-r", cap, "-q", "-z", "tlsexplain,trace"),
                "tree": ("-r", cap, "-q", "-z", "tlsexplain,tree"),
                "advice": ("-r", cap, "-q", "-z", "tlsexplain,advice"),
                "flow": ("-r", cap, "-q", "-z", "flow,tlsexplain,standard"),
                "verbose": ("-2", "-r", cap, "-V"),
                "info": ("-r", cap)}
        ts.warm(list(runs.values()))
        out = {name: ts.run(*args) for name, args in runs.items()}

        shown = [(sni, alpn) for _, _, sni, alpn in HOSTILE_NAMES]
        # From 4.4 on, -T fields writes a backslash in a value as two.
        fields = out["fields"] if ts.WS_VERSION == "4.0" else out["fields"].replace("\\\\", "\\")
        self.assertEqual(fields.splitlines(), [f"{s}\t{a}" for s, a in shown])
        # The transcript: one line per handshake and per ending, nothing forged.
        lines = out["trace"].splitlines()
        self.assertEqual([x for x in lines if x.startswith("Handshake ")],
                         [line for i, (sni, _) in enumerate(shown) for line in (
                             f"Handshake {i + 1}: 10.0.0.1:{40000 + i} -> 10.0.0.2:443, SNI {sni}",
                             f"Handshake {i + 1} complete: TLS 1.2 full, 2 RTTs, 0.0030 s "
                             f"(frames {7 * i + 4}-{7 * i + 7})")])
        self.assertEqual([x for x in lines if x.startswith("* ")],
                         [line for _, alpn in shown for line in (
                             "* SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256 / "
                             "x25519 / rsaEncryption",
                             f"* ALPN: server accepted {alpn}")])
        # The advice's table: a row per server, its name as the transcript
        # shows it.
        rows = out["advice"].splitlines()
        rows = rows[rows.index("Servers:") + 2:-1]
        self.assertEqual([row[:len(sni) + 15] for row, (sni, _) in zip(rows, shown)],
                         [f"{sni} (10.0.0.2:443)" for sni, _ in shown])
        # The tree: the summary's fields; Wireshark cuts a label at 240 bytes.
        labels = [x.strip() for x in out["verbose"].splitlines()
                  if x.strip().startswith(("[Server name", "[Application protocol"))]
        self.assertEqual(labels[:6], [f"[{field}: {value}]" for s, a in shown[:3] for field, value
                                      in (("Server name", s), ("Application protocol", a))])
        # Wireshark marks a cut label "[truncated]" up to 4.2, "[…]" from 4.4 on.
        self.assertRegex(labels[6], r"^\[Server name (\[truncated\]|\[…\]): x{200,239}\]$")
        self.assertEqual(labels[7], "[Application protocol: http/1.1]")
        # One line a frame: the Info column holds no name, and nothing else
        # forges a line.
        self.assertEqual(len(out["info"].splitlines()), 4 * 7)
        for name, text in out.items():
            bad = sorted({hex(ord(ch)) for ch in text
                          if (ord(ch) < 0x20 and ch not in "\n\t") or 0x7f <= ord(ch) <= 0x9f})
            self.assertEqual(bad, [], name)

    def test_times_printed_at_the_ends_of_time(self):
        """Waits of 10^15 s and of nearly 2^63 s (pcapng time stamps in
        whole seconds), and of 2^32 s less 1 us (the ends of a pcap's
        seconds) followed by time going backwards: every report prints the
        exact times, in one pass and in two, never a negative part (the
        transcript printed -844674407370955.-1616 for 10^15 s, tshark
        -z tlsexplain,tree crashed at 2 * 10^15 s)."""
        top, t0, last = TOP_SECONDS, WIDE_T0, PCAP_LAST
        wide, ends = wide_waits(), pcap_ends()
        # The Info column as the summary lines show it (from 4.4 on the
        # _ws.col.Info field is filled before post-dissectors run).
        info_column = ("-Y", "tlsexplain", "-o", 'gui.column.format:"Info","%i"')
        reports = (("-q", "-z", "tlsexplain,trace"), info_column,
                   ("-q", "-z", "flow,tlsexplain,standard"))
        ts.warm([(*two, "-r", ts.sample(cap), *args) for cap in (wide, ends)
                 for two in ((), ("-2",)) for args in reports] +
                [run for cap in (wide, ends) for run in (
                    ("-r", ts.sample(cap), "-q", "-z", "tlsexplain,tree"),
                    ("-2", "-r", ts.sample(cap), "-Y", "tlsexplain", "-T", "pdml"),
                    ("-2", "-r", ts.sample(cap), "-V", "-Y", "tlsexplain.summary.kind"))])

        big, far = top - t0, top - t0 - 2 * 10**15  # since the Client Hello, since the client
        # starts and prevs: the tree's since_start and since_prev, in ns.
        cases = {
            wide: {
                "starts": [t * 10**9 for t in [0] + [10**15] * 4 + [2 * 10**15] * 3 + [big] * 2],
                "prevs": [t * 10**9 for t in (0, 10**15, 0, 0, 0, 10**15, 0, 0, far, 0)],
                "trace": (["0.0000 (0.0000)"] + ["1000000000000000.0000 (1000000000000000.0000)"] +
                          ["1000000000000000.0000 (0.0000)"] * 3 +
                          ["2000000000000000.0000 (1000000000000000.0000)"] +
                          ["2000000000000000.0000 (0.0000)"] * 2 +
                          [f"{big}.0000 ({far}.0000)", f"{big}.0000 (0.0000)"]),
                "ending": f"Handshake 1 complete: TLS 1.2 full, 2 RTTs, {big}.0000 s (frames 4-7)",
                "info": [None, "+1000000000000000.000 s", "+1000000000000000.000 s",
                         f"+{far}.000 s"],
                "flow": [""] + ["+1000000000000000000.000 ms"] * 7 + [f"+{far}000.000 ms"] * 2,
                "slow": {2: ("1000000000000000000.0", "client", "1000000000000000000.0", "0.000",
                             "server"),
                         9: (f"{far}000.0", "client", "1000000000000000000.0",
                             f"{far - 10**15}000.0", "server")},
                "summary": f"{big}.000000 s"},
            ends: {
                "starts": [0] + [last] * 4 + [10**9] * 3 + [last] * 2,
                "prevs": [0, last, 0, 0, 0, 0, 0, 0, last - 10**9, 0],
                "trace": (["0.0000 (0.0000)", "4294967296.0000 (4294967296.0000)"] +
                          ["4294967296.0000 (0.0000)"] * 3 + ["1.0000 (0.0000)"] * 3 +
                          ["4294967296.0000 (4294967295.0000)", "4294967296.0000 (0.0000)"]),
                "ending": "Handshake 1 complete: TLS 1.2 full, 2 RTTs, 4294967296.0000 s "
                          "(frames 1-4)",
                "info": [None, "+4294967296.000 s", "+0.000000 s", "+4294967295.000 s"],
                "flow": [""] + ["+4294967295999.999 ms"] * 4 + ["+0.000 ms"] * 3 +
                        ["+4294967294999.999 ms"] * 2,
                "slow": {2: ("4294967296000.0", "client", "4294967296000.0", "0.000", "server"),
                         9: ("4294967295000.0", "client", "4294967295000.0", "0.000", "server")},
                "summary": "4294967295.999999 s"},
        }
        for cap, want in cases.items():
            for two in ((), ("-2",)):
                trace = ts.run(*two, "-r", ts.sample(cap), "-q", "-z", "tlsexplain,trace")
                steps = [x.split("  ")[1] for x in trace.splitlines() if x.startswith("1 ")]
                self.assertEqual(steps, want["trace"], (cap, two))
                self.assertIn(want["ending"] + "\n", trace)
                info = ts.run(*two, "-r", ts.sample(cap), *info_column).splitlines()
                self.assertEqual(len(info), 4)
                for line, wait in zip(info, want["info"]):
                    if wait:
                        # Each note's wait ends it or comes before the messages it names.
                        at = re.findall(re.escape(f" {wait}") + r"[],]", line)
                        self.assertTrue(at, (cap, two, line))
                        self.assertEqual(line.count(" +"), len(at), (cap, two))
                flow = ts.run(*two, "-r", ts.sample(cap), "-q", "-z", "flow,tlsexplain,standard")
                # The waits: "Handshake 1 step 2 IN +1000000000000000000.000 ms".
                comments = [x.rsplit("|", 1)[1].rstrip() for x in flow.splitlines()
                            if "Handshake 1 step" in x]
                comments = ["+" + c.split(" +", 1)[1] if " +" in c else "" for c in comments]
                self.assertEqual(comments, want["flow"], (cap, two))
            # The tree, in two passes: the times, the summary, the experts.
            steps = read(cap)
            self.assertEqual([s["tlsexplain.time.since_start"] for s in steps],
                             [f"{t // 10**9}.{t % 10**9:09d}" for t in want["starts"]])
            self.assertEqual([s["tlsexplain.time.since_prev"] for s in steps],
                             [f"{t // 10**9}.{t % 10**9:09d}" for t in want["prevs"]])
            self.assert_times_not_negative(steps)
            self.assertEqual(frames_with(steps, "tlsexplain.time_backwards"),
                             [3] if cap == ends else [])
            for step, (wait, peer, network, spent, side) in want["slow"].items():
                self.assertIn(f"Slow: {wait} ms since the {peer}'s last message, over "
                              f"tlsexplain.slow_ms (200 ms): {network} ms of network round trip "
                              f"and {spent} ms the {side} spent",
                              steps[step - 1]["expert_messages"])
            verbose = ts.run("-2", "-r", ts.sample(cap), "-V", "-Y", "tlsexplain.summary.kind")
            self.assertIn(f"Handshake 1 summary: TLS 1.2 full, complete, 2 RTTs, "
                          f"{want['summary']}\n", verbose)
            # The statistics count the handshake, its duration over 1 s.
            tree = ts.run("-r", ts.sample(cap), "-q", "-z", "tlsexplain,tree")
            self.assertRegex(tree, r"\n  1000- +1 ")
            self.assertRegex(tree, r"\n  complete +1 ")

    def test_every_frame_twice(self):
        """Each frame of the document's case duplicated: ten steps; without
        TCP's analysis, which hands copies to TLS, the copies are flagged,
        the copy of the server's last flight too (its Finished can no longer
        be decrypted, but it follows a ChangeCipherSpec in the clear, which no
        renegotiation sends): no second handshake."""
        cap = every_frame_twice()
        frames = [7, 11, 11, 11, 11, 15, 15, 15, 17, 17]
        steps = [s for s in read(cap) if s["step"]]
        self.assertEqual([(s["step"], s["frame"]) for s in steps], list(zip(range(1, 11), frames)))
        steps = read(cap, *NO_TCP_ANALYSIS, *keylog("tls12-doc.keys"))
        self.assertEqual({s["handshake"] for s in steps}, {1})
        self.assertEqual([(s["step"], s["frame"]) for s in steps if s["step"]],
                         list(zip(range(1, 11), frames)))
        self.assertEqual(frames_with(steps, "tlsexplain.duplicate"), [8, 12, 16, 18])

    def test_non_standard_port(self):
        """TLS on port 5555, decoded as TLS with -d."""
        steps = read(non_standard_port(), *PORT_5555)
        self.assertEqual([(s["direction"], s["message"]) for s in steps],
                         [(d, m) for d, m, _, _ in DOCUMENT_STEPS])
        self.assertEqual([s["step"] for s in steps], list(range(1, 11)))

    def test_ipv6(self):
        """The same handshake over IPv6, and over IPv4 with the same ports:
        two connections, ten steps each."""
        steps = read(ipv6())
        for hs in (1, 2):
            mine = [s for s in steps if s["handshake"] == hs]
            self.assertEqual([(s["step"], s["direction"], s["message"]) for s in mine],
                             [(i + 1, d, m) for i, (d, m, _, _) in enumerate(DOCUMENT_STEPS)])
        self.assertEqual(sorted({s["frame"] for s in steps}), [4, 5, 6, 7, 11, 12, 13, 14])

    def test_10000_messages_on_one_connection(self):
        """2,000 handshakes one after the other on one connection, each
        Client Hello, Server Hello, Certificate, Server Key Exchange, Server
        Hello Done and a fatal alert: 10,000 handshake messages, 2,000
        handshakes of six steps."""
        rounds = ROUNDS_ON_ONE_CONNECTION
        cap = messages_on_one_connection()
        out = ts.run("-r", ts.sample(cap), "-T", "fields", "-E", "occurrence=a", "-Y", "tlsexplain",
                     "-e", "tlsexplain.handshake", "-e", "tlsexplain.step")
        lines = out.splitlines()
        self.assertEqual(len(lines), 2 * rounds)
        for i in range(rounds):
            self.assertEqual(lines[2 * i], f"{i + 1}\t1", i)
            self.assertEqual(lines[2 * i + 1], ",".join([str(i + 1)] * 5) + "\t2,3,4,5,6", i)

    def test_10000_messages_in_one_handshake(self):
        """A Client Hello, then 9,999 Certificates, 101 a frame, then a
        Server Hello Done: the first Certificate is step 2 (its Server Hello
        never came), the 9,998 others repeat it, the Server Hello Done is
        step 3 and the last."""
        cap = messages_in_one_handshake()
        out = ts.run("-2", "-r", ts.sample(cap), "-T", "fields", "-E", "occurrence=a",
                     "-Y", "tlsexplain", "-e", "frame.number", "-e", "tlsexplain.step",
                     "-e", "tlsexplain.repeated", "-e", "tlsexplain.missing",
                     "-e", "tlsexplain.incomplete")
        rows = [line.split("\t") for line in out.splitlines()]
        self.assertEqual(len(rows), 101)
        self.assertEqual(rows[0], ["4", "1", "", "", ""])
        self.assertEqual(rows[1][:2], ["5", "2"])
        self.assertEqual(len(rows[1][2].split(",")), 100)
        self.assertEqual(rows[1][3], "1")  # the Server Hello is missing
        for row in rows[2:100]:
            self.assertEqual((row[1], len(row[2].split(","))), ("", 101), row[0])
        self.assertEqual(rows[100], ["104", "3", "", "", "1"])

    def test_info_column_when_full(self):
        """101 Certificates in one frame: the short form says it in two notes;
        the long form, a note per message, outgrows the 4,095 bytes that
        Wireshark keeps of an Info column and is cut there, its notes in
        order up to the cut, in one pass and in two."""
        cap = messages_in_one_handshake()
        column = ("-o", 'gui.column.format:"Info","%i"', "-Y", "frame.number == 5")
        names = ", ".join(["Certificate"] * 101)
        short = ts.run("-r", ts.sample(cap), *column)
        self.assertEqual(short.strip(), names + " [Step 2 IN +0.001 s] [Repeated IN +0.001 s]")
        notes = (" [Step 2 IN Certificate +0.001 s]" +
                 " [Repeated IN Certificate +0.001 s]" * 100)
        for passes in ((), ("-2",)):
            long = ts.run(*passes, "-r", ts.sample(cap), "-o", "tlsexplain.info_long:TRUE",
                          *column)
            self.assertEqual(long.strip(), (names + notes)[:4095], passes)


def pcapng_seconds(pcap, stamps):
    """pcap's frames as pcapng with time stamps in whole seconds
    (if_tsresol 10^0); stamps maps a frame index to a raw 64-bit stamp."""
    def block(btype, body):
        body += b"\0" * (-len(body) % 4)
        return struct.pack("<II", btype, len(body) + 12) + body + struct.pack("<I", len(body) + 12)
    out = [block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))]
    opts = struct.pack("<HHB3x", 9, 1, 0) + struct.pack("<HH", 0, 0)  # if_tsresol = 10^0
    out.append(block(1, struct.pack("<HHI", 1, 0, 262144) + opts))
    for n, (t, frame) in enumerate(pcap.records):
        raw = stamps.get(n, t // 10**9)
        out.append(block(6, struct.pack("<IIIII", 0, raw >> 32, raw & 0xffffffff, len(frame),
                                        len(frame)) + frame))
    return b"".join(out)


def run_measured(*args):
    """(stdout, peak RSS in KiB, seconds) of a tshark run, which must not
    fail or crash."""
    start = time.time()
    proc = subprocess.Popen(ts.tshark_cmd(*args), env=ts.tshark_env(), cwd=ts._setup(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage; read the pipes meanwhile.
    import threading
    chunks = {"out": [], "err": []}
    readers = [threading.Thread(target=lambda k, p: chunks[k].append(p.read()), args=a)
               for a in (("out", proc.stdout), ("err", proc.stderr))]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    for r in readers:
        r.join()
    proc.stdout.close()
    proc.stderr.close()
    err = b"".join(chunks["err"]).decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0 or ts.sanitizer_report(err):
        raise AssertionError(f"tshark {' '.join(args)}: {os.waitstatus_to_exitcode(status)}\n"
                             f"{err[-4000:]}")
    proc.returncode = os.waitstatus_to_exitcode(status)
    return b"".join(chunks["out"]).decode(), usage.ru_maxrss, time.time() - start


def io_counts(out):
    """The frame counts of a tshark -z io,stat,0,... table, one per filter."""
    row = [line for line in out.splitlines() if "<>" in line][-1]
    cols = [c.strip() for c in row.strip("|").split("|")]
    return [int(c) for c in cols[1::2]]


BIG_CONNECTIONS = 100000
BIG_ROUNDS = 20000


@ts.generated(slow=True)
def connections_100k():
    """100,000 connections of a Client Hello and the server's first flight."""
    w = g.Pcap()
    w.tick = 10000  # 10 us
    for i in range(BIG_CONNECTIONS):
        c = w.connection(client_port=1024 + i % 60000,
                         client_ip=bytes([10, 2, (i >> 8) & 255, i & 255]))
        c.send(CLIENT, record(HANDSHAKE, g.client_hello(seed=i, sni=None)))
        c.send(SERVER, record(HANDSHAKE, g.server_hello() + g.certificate(16) +
                              g.server_hello_done()))
    return write("100k.pcap", w)


@ts.generated(slow=True)
def many_handshakes():
    """20,000 handshakes of six steps on one connection."""
    w = g.Pcap()
    c = w.connection()
    c.handshake()
    for i in range(BIG_ROUNDS):
        c.send(CLIENT, record(HANDSHAKE, g.client_hello(seed=i, sni=None)))
        c.send(SERVER, record(HANDSHAKE, g.server_hello() + g.certificate(16) +
                              g.server_hello_done()) + g.alert(2, 40))
    return write("many-handshakes.pcap", w)


@unittest.skipUnless(os.environ.get("TLSX_SLOW") == "1", "TLSX_SLOW=1 runs the big captures")
class Big(unittest.TestCase):
    """Big captures: exact counts, and memory that grows by a bounded amount
    per connection."""

    # The plugin's memory per connection of four steps (its state, the
    # handshake's record and each frame's steps, in Wireshark's file scope).
    MAX_BYTES_PER_CONNECTION = 2048

    def assert_bounded(self, per_connection):
        # ASan's red zones and quarantine triple every allocation: the bound
        # holds for plain builds; under ASan the counts are still checked.
        if not ts.SANITIZER_PRELOAD:
            self.assertLess(per_connection, self.MAX_BYTES_PER_CONNECTION)

    def test_100000_connections(self):
        n = BIG_CONNECTIONS
        cap = connections_100k()
        print(f"\n100k.pcap: {os.path.getsize(ts.sample(cap)) // 1024} KiB, {2 * n} frames")
        stat = "io,stat,0,tlsexplain.step==1,tlsexplain.step==4,tlsexplain.handshake==%d" % n
        out, rss_with, t_with = run_measured("-r", ts.sample(cap), "-q", "-z", stat)
        self.assertEqual(io_counts(out), [n, n, 2], out)
        _, rss_without, t_without = run_measured("-r", ts.sample(cap), "-q", "-z", stat,
                                                 "--disable-protocol", "tlsexplain")
        per_conn = (rss_with - rss_without) * 1024 / n
        print(f"peak RSS {rss_with} KiB with the plugin ({t_with:.1f} s), {rss_without} KiB "
              f"without ({t_without:.1f} s): {per_conn:.0f} bytes per connection")
        self.assert_bounded(per_conn)

    def test_memory_of_many_handshakes_on_one_connection(self):
        """20,000 handshakes of six steps on one connection: the plugin's
        memory per handshake is bounded as per connection."""
        rounds = BIG_ROUNDS
        cap = many_handshakes()
        stat = "io,stat,0,tlsexplain.step==1,tlsexplain.step==5,tlsexplain.handshake==%d" % rounds
        out, rss_with, t_with = run_measured("-r", ts.sample(cap), "-q", "-z", stat)
        _, rss_without, t_without = run_measured("-r", ts.sample(cap), "-q", "-z", stat,
                                                 "--disable-protocol", "tlsexplain")
        per_hs = (rss_with - rss_without) * 1024 / rounds
        print(f"\n{rounds} handshakes on one connection: peak RSS {rss_with} KiB with the plugin "
              f"({t_with:.1f} s), {rss_without} KiB without ({t_without:.1f} s): "
              f"{per_hs:.0f} bytes per handshake")
        self.assertEqual(io_counts(out), [rounds, rounds, 2], out)
        self.assert_bounded(per_hs)


def tearDownModule():
    ts.cleanup()


if __name__ == "__main__":
    unittest.main()
