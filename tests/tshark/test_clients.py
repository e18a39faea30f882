"""Integration tests: what today's clients and servers send that the loopback
samples do not (issue 17): Client Hellos that reach Wireshark in fragments,
suites whose server sends no Certificate, lossy and one-sided captures.

Synthetic captures come from pcapgen.py; Wireshark's own test captures are
read from its source tree when tests/wireshark-source.sh found it (the tests
that need them skip otherwise; the captures are never copied into the
project).
"""

import gzip
import os
import unittest

import pcapgen as g
import tshark_session as ts
from pcapgen import CLIENT, HANDSHAKE, SERVER, record
from test_hostile import read, write


def wireshark_capture(name, out):
    """Copies one of Wireshark's test captures next to the samples,
    unpacked; returns its path as tshark sees it."""
    src = os.path.join(os.environ["TLSX_WIRESHARK_SOURCE"], "test", "captures", name)
    cap = ts.sample(out)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(src, "rb") as f, open(cap, "wb") as dst:
        dst.write(f.read())
    os.chmod(cap, 0o644)
    return cap


HAS_WIRESHARK_SOURCE = bool(os.environ.get("TLSX_WIRESHARK_SOURCE"))


def psk_server_key_exchange():
    """ECDHE_PSK's Server Key Exchange: an empty identity hint, then x25519
    parameters, unsigned (RFC 5489)."""
    return g.message(12, b"\0\0" + b"\x03\x00\x1d\x20" + g.random_bytes(32, 4))


def psk_client_key_exchange(ecdhe):
    """The client's PSK identity, then for ECDHE_PSK its x25519 share."""
    identity = b"client1"
    body = len(identity).to_bytes(2, "big") + identity
    if ecdhe:
        body += b"\x20" + g.random_bytes(32, 6)
    return g.message(16, body)


@ts.generated()
def no_server_certificate():
    """TLS 1.2 with suites whose server sends no Certificate: plain PSK
    (RFC 4279) and ECDHE_PSK with its Server Key Exchange; for contrast, an
    ECDHE_RSA server that leaves its Certificate out."""
    w = g.Pcap()
    for port, cipher in ((40000, 0x008C), (40001, 0xC035), (40002, 0xC02F)):
        if cipher == 0x008C:
            ske, cke = b"", psk_client_key_exchange(False)
        elif cipher == 0xC035:
            ske, cke = psk_server_key_exchange(), psk_client_key_exchange(True)
        else:
            ske, cke = g.server_key_exchange(), g.client_key_exchange()
        c = w.connection(client_port=port)
        c.handshake()
        c.send(CLIENT, record(HANDSHAKE, g.client_hello(seed=port)))
        c.send(SERVER, record(HANDSHAKE, g.server_hello(cipher=cipher) + ske +
                              g.server_hello_done()))
        c.send(CLIENT, record(HANDSHAKE, cke) + g.ccs() +
               record(HANDSHAKE, g.encrypted_finished()))
        c.send(SERVER, g.ccs() + record(HANDSHAKE, g.encrypted_finished(8)))
    return write("no-server-certificate.pcap", w)


def tls13_client_hello(seed=1, sni="lossy.test", extra=b""):
    """A TLS 1.3 Client Hello: supported_versions 1.3 and 1.2, an x25519
    key share; extra: more extensions, at the end."""
    name = sni.encode()
    entry = b"\0" + len(name).to_bytes(2, "big") + name
    exts = (g._ext(0, len(entry).to_bytes(2, "big") + entry) +
            g._ext(10, b"\x00\x02\x00\x1d") + g._ext(13, b"\x00\x02\x08\x04") +
            g._ext(43, b"\x04\x03\x04\x03\x03") +
            g._ext(51, b"\x00\x24\x00\x1d\x00\x20" + g.random_bytes(32, seed)) + extra)
    suites = b"\x13\x01"
    body = (b"\x03\x03" + g.random_bytes(32, seed) + b"\x20" + g.random_bytes(32, seed + 1) +
            len(suites).to_bytes(2, "big") + suites + b"\x01\x00" +
            len(exts).to_bytes(2, "big") + exts)
    return g.message(1, body)


def tls13_server_hello(seed=2):
    exts = g._ext(43, b"\x03\x04") + g._ext(51, b"\x00\x1d\x00\x20" + g.random_bytes(32, seed))
    body = (b"\x03\x03" + g.random_bytes(32, seed) + b"\x20" + g.random_bytes(32, 2) +
            b"\x13\x01\x00" + len(exts).to_bytes(2, "big") + exts)
    return g.message(2, body)


def encrypted(size, seed):
    """A TLS 1.3 record as it is on the wire without keys."""
    return record(g.APP_DATA, g.random_bytes(size, seed))


def ech_outer(seed):
    """An outer encrypted_client_hello (draft-ietf-tls-esni, 0xfe0d): type 0,
    HKDF-SHA256 with AES-128-GCM, a config id, an encapsulated key and a
    payload; real and GREASE ECH look like this alike."""
    enc, payload = g.random_bytes(32, seed), g.random_bytes(96, seed + 1)
    body = (b"\x00\x00\x01\x00\x01\x2a" + len(enc).to_bytes(2, "big") + enc +
            len(payload).to_bytes(2, "big") + payload)
    return g._ext(0xFE0D, body)


@ts.generated()
def ech_offered():
    """TLS 1.3 without keys: connection 1's Client Hello offers ECH, its
    server name the public name; connection 2's offers none."""
    w = g.Pcap()
    for port, extra, sni in ((40000, ech_outer(9), "public.test"), (40001, b"", "plain.test")):
        c = w.connection(client_port=port)
        c.handshake()
        c.send(CLIENT, record(HANDSHAKE, tls13_client_hello(seed=port, sni=sni, extra=extra)))
        c.send(SERVER, record(HANDSHAKE, tls13_server_hello()) + g.ccs() + encrypted(40, 1) +
               encrypted(300, 2) + encrypted(100, 3) + encrypted(60, 4))
        c.send(CLIENT, g.ccs() + encrypted(60, 5))
    return write("ech-offered.pcap", w)


@ts.generated()
def tls13_lossy():
    """TLS 1.3 without keys.  Connection 1: the client sends its
    compatibility ChangeCipherSpec as soon as the Server Hello comes, before
    the server's encrypted flight (as an LDAP StartTLS client did).
    Connection 2: the segment with the server's encrypted flight was not
    captured; the client's Finished, its request and the server's answer
    were."""
    w = g.Pcap()
    c = w.connection(client_port=40000)
    c.handshake()
    c.send(CLIENT, record(HANDSHAKE, tls13_client_hello()))
    c.send(SERVER, record(HANDSHAKE, tls13_server_hello()))
    c.send(CLIENT, g.ccs())
    c.send(SERVER, g.ccs() + encrypted(40, 1) + encrypted(300, 2) + encrypted(100, 3) +
           encrypted(60, 4))
    c.send(CLIENT, encrypted(60, 5))
    c.send(CLIENT, encrypted(90, 6))
    c.send(SERVER, encrypted(200, 7))

    c = w.connection(client_port=40001)
    c.handshake()
    c.send(CLIENT, record(HANDSHAKE, tls13_client_hello(seed=3)))
    c.send(SERVER, record(HANDSHAKE, tls13_server_hello(seed=4)) + g.ccs())
    lost = encrypted(40, 1) + encrypted(300, 2) + encrypted(100, 3) + encrypted(60, 4)
    c.seq[SERVER] += len(lost)
    c.send(CLIENT, g.ccs() + encrypted(60, 5))
    c.send(CLIENT, encrypted(90, 6))
    c.send(SERVER, encrypted(200, 7))
    return write("tls13-lossy.pcap", w)


@ts.generated()
def client_side_only():
    """What a capture on one side sees of a resumed TLS 1.2 session when the
    server's segments are missing: the Client Hello (offering TLS 1.3 and
    1.2), the client's ChangeCipherSpec and encrypted Finished, its request
    and its encrypted close_notify."""
    w = g.Pcap()
    c = w.connection()
    c.handshake()
    c.send(CLIENT, record(HANDSHAKE, tls13_client_hello(seed=5)))
    c.send(CLIENT, g.ccs() + record(HANDSHAKE, g.encrypted_finished()))
    c.send(CLIENT, encrypted(120, 8))
    c.send(CLIENT, record(g.ALERT, g.random_bytes(26, 9)))
    return write("client-side-only.pcap", w)


@ts.generated()
def starts_at_ccs():
    """Captures that start after the hellos, at a ChangeCipherSpec.
    Connection 1: the TCP handshake was captured, then the client's
    ChangeCipherSpec and Finished (its Client Key Exchange's segment was
    not), then the server's.  Connection 2: no SYN either."""
    w = g.Pcap()
    for port, syn in ((40000, True), (40001, False)):
        c = w.connection(client_port=port)
        if syn:
            c.handshake()
        c.send(CLIENT, g.ccs() + record(HANDSHAKE, g.encrypted_finished()))
        c.send(SERVER, g.ccs() + record(HANDSHAKE, g.encrypted_finished(8)))
        c.send(CLIENT, record(g.APP_DATA, g.random_bytes(80, 1)))
    return write("starts-at-ccs.pcap", w)


def mysql_packet(seq, body):
    return len(body).to_bytes(3, "little") + bytes([seq]) + body


@ts.generated()
def database_and_chat_upgrades():
    """Three protocols that upgrade their connection to TLS, each followed by
    a TLS 1.2 handshake: PostgreSQL's SSLRequest (port 5432) answered 'S';
    XMPP's <starttls/> answered <proceed/> (5222); MySQL's SSL request, the
    short handshake response with CLIENT_SSL, after the server's greeting
    (3306)."""
    w = g.Pcap()
    c = w.connection(client_port=40000, server_port=5432)
    c.handshake()
    c.send(CLIENT, b"\x00\x00\x00\x08\x04\xd2\x16\x2f")
    c.send(SERVER, b"S")
    g.tls12_full(c, sni="db.test")

    c = w.connection(client_port=40001, server_port=5222)
    c.handshake()
    c.send(CLIENT, b"<?xml version='1.0'?><stream:stream to='chat.test' version='1.0' "
           b"xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>")
    c.send(SERVER, b"<?xml version='1.0'?><stream:stream from='chat.test' id='1' "
           b"version='1.0' xmlns='jabber:client' "
           b"xmlns:stream='http://etherx.jabber.org/streams'><stream:features>"
           b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
           b"</stream:features>")
    c.send(CLIENT, b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
    c.send(SERVER, b"<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
    g.tls12_full(c, sni="chat.test")

    c = w.connection(client_port=40002, server_port=3306)
    c.handshake()
    caps = 0xf7ff  # CLIENT_SSL (0x0800) among them
    greeting = (b"\x0a" + b"8.0.36\x00" + (7).to_bytes(4, "little") + b"abcdefgh\x00" +
                caps.to_bytes(2, "little") + b"\xff" + (2).to_bytes(2, "little") +
                (0xdfff).to_bytes(2, "little") + b"\x15" + b"\x00" * 10 + b"ijklmnopqrst\x00" +
                b"caching_sha2_password\x00")
    c.send(SERVER, mysql_packet(0, greeting))
    ssl_request = ((0x01ffaa85 | 0x0800).to_bytes(4, "little") + (16777216).to_bytes(4, "little") +
                   b"\xff" + b"\x00" * 23)
    c.send(CLIENT, mysql_packet(1, ssl_request))
    g.tls12_full(c, sni="mysql.test")
    return write("upgrades.pcap", w)


@ts.generated()
def client_hello_in_records():
    """A TLS 1.3 Client Hello of about 1.4 KB cut over two TLS records (as a
    post-quantum key share makes it), in one segment (connection 1) and in
    two (connection 2), each the first thing of its connection."""
    # A padding extension (21) of 1,200 bytes stands for the size of an
    # X25519MLKEM768 key share.
    pad = g._ext(21, b"\0" * 1200)
    msg = tls13_client_hello(seed=7, sni="split.test", extra=pad)
    w = g.Pcap()
    c = w.connection(client_port=40000)
    c.handshake()
    c.send(CLIENT, record(HANDSHAKE, msg[:700]) + record(HANDSHAKE, msg[700:]))
    c.send(SERVER, record(HANDSHAKE, tls13_server_hello()))
    c = w.connection(client_port=40001)
    c.handshake()
    c.send(CLIENT, record(HANDSHAKE, msg[:700]))
    c.send(CLIENT, record(HANDSHAKE, msg[700:]))
    c.send(SERVER, record(HANDSHAKE, tls13_server_hello()))
    return write("client-hello-in-records.pcap", w)


class Clients(unittest.TestCase):

    @unittest.skipUnless(HAS_WIRESHARK_SOURCE,
                         "Wireshark's source (tests/wireshark-source.sh) not given")
    def test_quic_client_hello_in_fragments(self):
        """Wireshark's quic-fragmented-handshakes: Client Hellos whose CRYPTO
        frames are cut, shuffled and spread over two Initial packets (one
        Client Hello's second half comes first).  Every Client Hello is
        annotated where Wireshark shows it whole, each opens its handshake
        with its server name, and none is taken for a capture that starts
        mid-handshake."""
        cap = wireshark_capture("quic-fragmented-handshakes.pcapng.gz",
                                "ws-quic-fragmented-handshakes.pcapng")
        fields = ("-Y", "tls.handshake.type == 1", "-T", "fields", "-e", "frame.number",
                  "-e", "tlsexplain.handshake", "-e", "tlsexplain.step",
                  "-e", "tlsexplain.message")
        one = ts.run("-r", cap, *fields)
        self.assertEqual(one, ts.run("-2", "-r", cap, *fields))
        rows = [line.split("\t") for line in one.splitlines()]
        # Frame 5 is the Client Hello that answers the HelloRetryRequest.
        self.assertEqual(rows, [["1", "1", "1", "Client Hello"], ["5", "1", "3", "Client Hello"]] +
                         [[str(f), str(h), "1", "Client Hello"]
                          for f, h in zip([17] + list(range(19, 34)), range(2, 18))])
        trace = ts.run("-r", cap, "-q", "-z", "tlsexplain,trace").splitlines()
        self.assertEqual([line for line in trace if line.startswith("Handshake ") and
                          "->" in line][:4],
                         ["Handshake 1: 10.9.0.1:36588 -> 10.9.0.2:443, SNI localhost",
                          "Handshake 2: [::1]:58822 -> [::1]:4443, no SNI",
                          "Handshake 3: 192.168.154.67:55791 -> 65.150.252.215:443, "
                          "SNI r2---sn-vh5ouxa-hjuk.googlevideo.com",
                          "Handshake 4: 44.130.219.244:58624 -> 49.21.102.161:443, "
                          "SNI icon.techgus.com"])
        self.assertNotIn("tlsexplain.mid_capture",
                         ts.run("-r", cap, "-Y", "tlsexplain.mid_capture"))

    def test_suites_without_a_server_certificate(self):
        """TLS_PSK_WITH_AES_128_CBC_SHA and
        TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA: the server proves itself by the
        pre-shared key, sends no Certificate, and nothing is missing.  An
        ECDHE_RSA server that sends none is warned about."""
        steps = read(no_server_certificate())
        self.assertEqual([(s["handshake"], s["step"], s["message"]) for s in steps
                          if s["handshake"] == 1],
                         [(1, 1, "Client Hello"), (1, 2, "Server Hello"),
                          (1, 3, "Server Hello Done"), (1, 4, "Client Key Exchange"),
                          (1, 5, "Change Cipher Spec"), (1, 6, "Finished"),
                          (1, 7, "Change Cipher Spec"), (1, 8, "Finished")])
        self.assertEqual([s["message"] for s in steps if s["handshake"] == 2][:4],
                         ["Client Hello", "Server Hello", "Server Key Exchange",
                          "Server Hello Done"])
        self.assertEqual([(s["handshake"], s["message"], s["expert_messages"])
                          for s in steps if s["experts"]],
                         [(3, "Server Key Exchange",
                           ["Server Key Exchange came, but the Certificate this handshake "
                            "requires before it never came"])])
        kinds = ts.run("-r", ts.sample(no_server_certificate()), "-Y", "tlsexplain.summary.kind",
                       "-T", "fields", "-e", "tlsexplain.summary.kind",
                       "-e", "tlsexplain.summary.rtts")
        self.assertEqual(kinds.splitlines(), ["TLS 1.2 full\t2"] * 3)

    def test_tls13_without_keys_lossy(self):
        """TLS 1.3 without keys.  The client's compatibility ChangeCipherSpec
        sent before the server's encrypted flight is a step but no round
        trip: 1 RTT, no extra_rtt.  With the server's encrypted flight lost,
        the client's first encrypted record is still its Finished, which
        completes the handshake in 1 RTT and says what the capture misses;
        the request and the answer after it are no steps."""
        cap = tls13_lossy()
        steps = read(cap)
        self.assertEqual([(s["frame"], s["step"], s["direction"], s["message"]) for s in steps],
                         [(4, 1, "OUT", "Client Hello"), (5, 2, "IN", "Server Hello"),
                          (6, 3, "OUT", "Change Cipher Spec")] +
                         [(7, i, "IN", m) for i, m in
                          enumerate(["Change Cipher Spec"] +
                                    ["Encrypted handshake message"] * 4, 4)] +
                         [(8, 9, "OUT", "Encrypted handshake message"),
                          (14, 1, "OUT", "Client Hello"), (15, 2, "IN", "Server Hello"),
                          (15, 3, "IN", "Change Cipher Spec"),
                          (16, 4, "OUT", "Change Cipher Spec"),
                          (16, 5, "OUT", "Encrypted handshake message")])
        self.assertEqual([(s["frame"], s["expert_messages"]) for s in steps if s["experts"]],
                         [(16, ["Encrypted handshake message came, but the Encrypted Extensions "
                                "this handshake requires before it never came"])])
        trace = ts.run("-r", ts.sample(cap), "-q", "-z", "tlsexplain,trace").splitlines()
        self.assertEqual([line for line in trace if " complete: " in line],
                         ["Handshake 1 complete: TLS 1.3 full, 1 RTT, 0.0040 s (frames 4-8)",
                          "Handshake 2 complete: TLS 1.3 full, 1 RTT, 0.0020 s (frames 14-16)"])

    def test_client_side_only(self):
        """One side only: after a Client Hello offering TLS 1.3, an encrypted
        record of the handshake's own type after the client's
        ChangeCipherSpec, which only TLS <= 1.2 has: the client's Finished
        of a resumed session, not TLS 1.3 early data, and no version is
        claimed; its close_notify fails nothing.  What the capture misses
        is said: the Server Hello."""
        cap = client_side_only()
        steps = read(cap)
        self.assertEqual([(s["frame"], s["step"], s["message"]) for s in steps],
                         [(4, 1, "Client Hello"), (5, 2, "Change Cipher Spec"),
                          (5, 3, "Finished"), (7, 4, "Encrypted Alert")])
        trace = ts.run("-r", ts.sample(cap), "-q", "-z", "tlsexplain,trace").splitlines()
        self.assertEqual(trace[-3:-1],
                         ["1 4  0.0030 (0.0020)  C>S  Alert (encrypted)",
                          "Handshake 1 incomplete: nothing of it follows in the capture, "
                          "0.0030 s after its first step (frames 4-7)"])
        self.assertEqual([(s["frame"], s["expert_messages"]) for s in steps if s["experts"]],
                         [(5, ["Finished came, but the Server Hello this handshake requires "
                               "before it never came"]),
                          (7, ["Handshake 1 never completed: the capture holds nothing after "
                               "this step"])])

    def test_capture_starts_at_a_change_cipher_spec(self):
        """A ChangeCipherSpec that opens what the capture shows of a
        connection opens a handshake flagged as starting mid-capture, as any
        message does, when TCP's SYN tells who the client is.  Without the
        SYN nothing tells which side sent it: no step."""
        steps = read(starts_at_ccs())
        self.assertEqual([(s["frame"], s["handshake"], s["step"], s["direction"], s["message"])
                          for s in steps],
                         [(4, 1, 1, "OUT", "Change Cipher Spec"), (4, 1, 2, "OUT", "Finished"),
                          (5, 1, 3, "IN", "Change Cipher Spec"), (5, 1, 4, "IN", "Finished")])
        self.assertEqual([(s["frame"], s["expert_messages"]) for s in steps if s["experts"]],
                         [(4, ["The capture starts mid-handshake: no Client Hello seen, steps "
                               "are numbered from the first message seen"])])

    @unittest.skipUnless(HAS_WIRESHARK_SOURCE,
                         "Wireshark's source (tests/wireshark-source.sh) not given")
    def test_renegotiation_with_the_old_keys_only(self):
        """Wireshark's tls-renegotiation capture with a key log that holds
        the first session's master secret only: the renegotiation's records
        up to each ChangeCipherSpec are decrypted, the Finished after it is
        not.  Each frame's messages still come in wire order (Client Key
        Exchange, Change Cipher Spec, Finished), with no warning."""
        cap = wireshark_capture("tls-renegotiation.pcap", "ws-tls-renegotiation.pcap")
        keylog = ts.sample("ws-tls-renegotiation-first.keys")
        with open(keylog, "w") as f:
            f.write("CLIENT_RANDOM "
                    "cdbb85c3708e58c00796a8bb6950c30e2db403ca7d51102220c02a52073d8e87 "
                    "fb5beaf3e357c3dc4b83f65e9b9a9c208500e0db5675c46fc38a2e8b6dfcd57b"
                    "e653ad27ed33eee720dbf21631f04151\n")
        os.chmod(keylog, 0o644)
        opts = ("-o", "tls.keylog_file:" + keylog, "-d", "tcp.port==4433,tls")
        steps = read("ws-tls-renegotiation.pcap", *opts)
        self.assertEqual([(s["step"], s["message"]) for s in steps
                          if s["handshake"] == 2 and s["frame"] in (17, 18)],
                         [(5, "Client Key Exchange"), (6, "Change Cipher Spec"),
                          (7, "Finished"), (8, "New Session Ticket"),
                          (9, "Change Cipher Spec"), (10, "Finished")])
        self.assertEqual([s for s in steps if s["experts"]], [])

    def test_database_and_chat_upgrades(self):
        """PostgreSQL's SSLRequest, XMPP's <starttls/> and MySQL's SSL
        request are named on the first step of the handshake after them,
        with the frame of the command and an explanation in both
        languages."""
        cap = ts.sample(database_and_chat_upgrades())
        out = ts.run("-2", "-r", cap, "-Y", "tlsexplain.starttls", "-T", "fields",
                     "-e", "frame.number", "-e", "tlsexplain.step", "-e", "tlsexplain.starttls",
                     "-e", "tlsexplain.starttls.frame", "-e", "tlsexplain.explain.en",
                     "-e", "tlsexplain.explain.zh")
        rows = [line.split("\t") for line in out.splitlines()]
        self.assertEqual([r[:4] for r in rows],
                         [["6", "1", "PostgreSQL SSLRequest", "4"],
                          ["17", "1", "XMPP STARTTLS", "15"],
                          ["26", "1", "MySQL SSL request", "25"]])
        for r, (en, zh) in zip(rows, [("SSLRequest, the server agreed (S)", "SSLRequest"),
                                       ("<starttls/>, the server agreed (<proceed/>)",
                                        "<starttls/>"),
                                       ("SSL request (its capabilities with CLIENT_SSL",
                                        "CLIENT_SSL")]):
            self.assertIn(en, r[4])
            self.assertIn(zh, r[5])

    def test_encrypted_client_hello_offered(self):
        """A Client Hello with an outer encrypted_client_hello: the summary
        says ECH was offered, that real and GREASE ECH look alike, and that
        the server name shown is then the public name; without ECH the
        field is absent."""
        out = ts.run("-r", ts.sample(ech_offered()), "-Y", "tlsexplain.summary.kind", "-T",
                     "fields", "-e", "tlsexplain.summary.sni", "-e", "tlsexplain.summary.ech")
        self.assertEqual(out.splitlines(), [
            "public.test\toffered (real or GREASE: the outer Client Hello looks the same; with "
            "real ECH its server name is the public name of the ECH configuration)",
            "plain.test\t"])

    def test_client_hello_over_two_records(self):
        """A Client Hello of 1.4 KB cut over two TLS records, in one segment
        or two, as the first thing of its connection: the frame that
        completes it opens the handshake with its server name, and the
        Server Hello is step 2, not a capture that starts mid-handshake."""
        cap = client_hello_in_records()
        steps = read(cap)
        self.assertEqual([(s["frame"], s["handshake"], s["step"], s["message"]) for s in steps],
                         [(4, 1, 1, "Client Hello"), (5, 1, 2, "Server Hello"),
                          (10, 2, 1, "Client Hello"), (11, 2, 2, "Server Hello")])
        self.assertEqual([s for s in steps if s["experts"] - {"tlsexplain.incomplete"}], [])
        trace = ts.run("-r", ts.sample(cap), "-q", "-z", "tlsexplain,trace").splitlines()
        self.assertEqual([line for line in trace if line.startswith("Handshake ") and "->" in line],
                         ["Handshake 1: 10.0.0.1:40000 -> 10.0.0.2:443, SNI split.test",
                          "Handshake 2: 10.0.0.1:40001 -> 10.0.0.2:443, SNI split.test"])

    @unittest.skipUnless(HAS_WIRESHARK_SOURCE,
                         "Wireshark's source (tests/wireshark-source.sh) not given")
    def test_wiresharks_psk_capture(self):
        """Wireshark's tls12-aes128ccm: TLS_PSK_WITH_AES_128_CCM, decrypted
        with its pre-shared key.  The server sends no Certificate, and
        nothing is said to be missing; the closing alert comes after."""
        cap = wireshark_capture("tls12-aes128ccm.pcap", "ws-tls12-aes128ccm.pcap")
        steps = read("ws-tls12-aes128ccm.pcap", "-o", "tls.psk:ca19e028a8a372ad2d325f950fcaceed")
        self.assertEqual([(s["frame"], s["step"], s["message"]) for s in steps],
                         [(1, 1, "Client Hello"), (2, 2, "Server Hello"),
                          (2, 3, "Server Hello Done"), (3, 4, "Client Key Exchange"),
                          (3, 5, "Change Cipher Spec"), (3, 6, "Finished"),
                          (4, 7, "Change Cipher Spec"), (4, 8, "Finished"),
                          (9, None, "Alert")])
        self.assertEqual([s for s in steps if s["experts"]], [])
        trace = ts.run("-r", cap, "-o", "tls.psk:ca19e028a8a372ad2d325f950fcaceed", "-q", "-z",
                       "tlsexplain,trace").splitlines()
        self.assertIn("Handshake 1 complete: TLS 1.2 full, 2 RTTs, 0.0004 s (frames 1-4)", trace)


if __name__ == "__main__":
    unittest.main()
