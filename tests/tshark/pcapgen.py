"""Writes synthetic but valid TCP/TLS captures (pcap, Ethernet, IPv4 or IPv6)
for the tests that need captures no client and server would make: records
built from bytes, sequence numbers kept right, time stamps chosen freely.

    w = Pcap()
    c = w.connection(client_port=40000)     # one TCP connection to port 443
    c.handshake()                           # SYN, SYN-ACK, ACK
    c.send(CLIENT, record(HANDSHAKE, client_hello()))
    c.send(SERVER, record(HANDSHAKE, server_hello() + certificate() + server_hello_done()))
    data = w.data()
"""

import os
import struct

CLIENT, SERVER = 0, 1
CCS, ALERT, HANDSHAKE, APP_DATA = 20, 21, 22, 23
TLS12 = 0x0303

_MAC = (b"\x02\x00\x00\x00\x00\x01", b"\x02\x00\x00\x00\x00\x02")


def _sum16(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def random_bytes(n, seed):
    """Deterministic filler (a random or a key share need not be random)."""
    out = b""
    x = seed & 0xffffffff or 1
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7fffffff
        out += struct.pack("<I", x)
    return out[:n]


# --- TLS --------------------------------------------------------------------

def record(content_type, body, version=TLS12):
    return struct.pack("!BHH", content_type, version, len(body)) + body


def message(hs_type, body):
    return struct.pack("!B", hs_type) + len(body).to_bytes(3, "big") + body


def _ext(ext_type, body):
    return struct.pack("!HH", ext_type, len(body)) + body


def _name(text):
    """A name as its bytes: str in UTF-8, bytes as they are (any bytes)."""
    return text.encode() if isinstance(text, str) else text


def _alpn(protocols):
    names = b"".join(bytes([len(_name(p))]) + _name(p) for p in protocols)
    return _ext(16, struct.pack("!H", len(names)) + names)


def client_hello(seed=1, session_id=b"", sni="hostile.test", version=TLS12, alpn=()):
    """sni and each of alpn's protocols are str (UTF-8) or raw bytes."""
    exts = b""
    if sni:
        name = _name(sni)
        entry = b"\0" + struct.pack("!H", len(name)) + name
        exts += _ext(0, struct.pack("!H", len(entry)) + entry)
    if alpn:
        exts += _alpn(alpn)
    exts += _ext(10, struct.pack("!HH", 2, 0x001d))  # supported_groups: x25519
    exts += _ext(13, struct.pack("!HH", 2, 0x0401))  # signature_algorithms
    suites = struct.pack("!HH", 0xc02f, 0x009c)
    body = (struct.pack("!H", version) + random_bytes(32, seed) + bytes([len(session_id)]) +
            session_id + struct.pack("!H", len(suites)) + suites + b"\x01\x00" +
            struct.pack("!H", len(exts)) + exts)
    return message(1, body)


def server_hello(seed=2, session_id=b"", cipher=0xc02f, version=TLS12, alpn=None):
    """alpn: the protocol the server selects (str or bytes), or None."""
    exts = _alpn([alpn]) if alpn is not None else b""
    body = (struct.pack("!H", version) + random_bytes(32, seed) + bytes([len(session_id)]) +
            session_id + struct.pack("!HB", cipher, 0) + struct.pack("!H", len(exts)) + exts)
    return message(2, body)


def certificate(size=64):
    """A Certificate holding one DER SEQUENCE { OCTET STRING } of about size
    bytes: not a certificate, but well-formed enough that Wireshark's BER
    reader stays inside it."""
    filler = random_bytes(max(size - 8, 1), 3)
    octets = b"\x04\x82" + struct.pack("!H", len(filler)) + filler
    cert = b"\x30\x82" + struct.pack("!H", len(octets)) + octets
    one = len(cert).to_bytes(3, "big") + cert
    return message(11, len(one).to_bytes(3, "big") + one)


def server_key_exchange():
    """ECDHE over x25519, as TLS_ECDHE_RSA_* has it."""
    params = b"\x03" + struct.pack("!H", 0x001d) + b"\x20" + random_bytes(32, 4)
    sig = random_bytes(64, 5)
    return message(12, params + struct.pack("!HH", 0x0401, len(sig)) + sig)


def server_hello_done():
    return message(14, b"")


def client_key_exchange():
    return message(16, b"\x20" + random_bytes(32, 6))


def encrypted_finished(seed=7):
    """A TLS 1.2 Finished as it is on the wire without keys."""
    return random_bytes(40, seed)


def alert(level, desc):
    return record(ALERT, bytes([level, desc]))


def ccs():
    return record(CCS, b"\x01")


def tls12_full(conn, t=None, step=0.001, sni="hostile.test", alpn=None):
    """The document's ten steps on conn, one flight per frame; returns the
    frames' numbers (1-based, in the capture).  sni: the Client Hello's
    server name; alpn: the protocol the client offers and the server
    selects, or None."""
    frames = []
    offered = [alpn] if alpn is not None else []
    frames.append(conn.send(CLIENT, record(HANDSHAKE, client_hello(sni=sni, alpn=offered)), t))
    frames.append(conn.send(SERVER, record(HANDSHAKE, server_hello(alpn=alpn) + certificate() +
                                           server_key_exchange() + server_hello_done())))
    frames.append(conn.send(CLIENT, record(HANDSHAKE, client_key_exchange()) + ccs() +
                            record(HANDSHAKE, encrypted_finished())))
    frames.append(conn.send(SERVER, ccs() + record(HANDSHAKE, encrypted_finished(8))))
    return frames


# --- TCP/IP and pcap ----------------------------------------------------------

class Pcap:
    """Frames in capture order; time stamps in ns from 1,700,000,000 s on."""

    def __init__(self, nanoseconds=False):
        self.records = []
        self.now = 1700000000 * 10**9
        self.tick = 1000000  # 1 ms between frames unless told
        self.nanoseconds = nanoseconds

    def connection(self, client_port=40000, server_port=443, ipv6=False, client_ip=None,
                   server_ip=None):
        return Connection(self, client_port, server_port, ipv6, client_ip, server_ip)

    def add(self, frame, t=None):
        """Adds a frame at time t (ns), or one tick after the previous one;
        returns its number."""
        self.now = self.now + self.tick if t is None else t
        self.records.append((self.now, frame))
        return len(self.records)

    def data(self):
        magic = 0xa1b23c4d if self.nanoseconds else 0xa1b2c3d4
        out = [struct.pack("<IHHiIII", magic, 2, 4, 0, 0, 262144, 1)]
        for t, frame in self.records:
            sec, frac = divmod(t, 10**9)
            frac = frac if self.nanoseconds else frac // 1000
            out.append(struct.pack("<IIII", sec & 0xffffffff, frac, len(frame), len(frame)))
            out.append(frame)
        return b"".join(out)

    def write(self, path):
        with open(path, "wb") as f:
            f.write(self.data())
        os.chmod(path, 0o644)


class Connection:
    def __init__(self, pcap, client_port, server_port, ipv6, client_ip, server_ip):
        self.pcap = pcap
        self.ports = (client_port, server_port)
        self.ipv6 = ipv6
        if ipv6:
            self.ips = (client_ip or b"\xfd" + b"\0" * 14 + b"\x01",
                        server_ip or b"\xfd" + b"\0" * 14 + b"\x02")
        else:
            self.ips = (client_ip or b"\x0a\x00\x00\x01", server_ip or b"\x0a\x00\x00\x02")
        self.seq = [1000, 50000]

    def _frame(self, side, flags, payload):
        other = 1 - side
        tcp = struct.pack("!HHIIBBHHH", self.ports[side], self.ports[other], self.seq[side],
                          self.seq[other], 5 << 4, flags, 65535, 0, 0)
        if self.ipv6:
            pseudo = self.ips[side] + self.ips[other] + struct.pack("!IxxxB", 20 + len(payload), 6)
        else:
            pseudo = self.ips[side] + self.ips[other] + struct.pack("!xBH", 6, 20 + len(payload))
        csum = _sum16(pseudo + tcp + payload)
        tcp = tcp[:16] + struct.pack("!H", csum) + tcp[18:]
        if self.ipv6:
            ip = struct.pack("!IHBB", 6 << 28, 20 + len(payload), 6, 64) + self.ips[side] + \
                self.ips[other]
            eth_type = 0x86dd
        else:
            ip = struct.pack("!BBHHHBBH", 0x45, 0, 40 + len(payload), 0, 0x4000, 64, 6, 0) + \
                self.ips[side] + self.ips[other]
            ip = ip[:10] + struct.pack("!H", _sum16(ip)) + ip[12:]
            eth_type = 0x0800
        eth = _MAC[other] + _MAC[side] + struct.pack("!H", eth_type)
        return eth + ip + tcp + payload

    def handshake(self, t=None):
        """SYN, SYN-ACK, ACK."""
        self.pcap.add(self._frame(CLIENT, 0x02, b""), t)
        self.seq[CLIENT] += 1
        self.pcap.add(self._frame(SERVER, 0x12, b""))
        self.seq[SERVER] += 1
        return self.pcap.add(self._frame(CLIENT, 0x10, b""))

    def send(self, side, payload, t=None):
        """One segment (PSH, ACK) with payload; returns its frame number."""
        n = self.pcap.add(self._frame(side, 0x18, payload), t)
        self.seq[side] += len(payload)
        return n
