#!/usr/bin/env python3
"""Writes the memory workload: N TCP connections that each send only a
Client Hello (one frame each, no SYN), from distinct client addresses and
ports, 10 microseconds apart.  What the plugin keeps per connection is then
what it keeps for a connection whose handshake never got an answer.

    bench/make-hello-capture.py N OUT.pcap
"""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "tshark"))
import pcapgen  # noqa: E402


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    w = pcapgen.Pcap()
    w.tick = 10000
    hello = pcapgen.record(pcapgen.HANDSHAKE, pcapgen.client_hello(sni="bench.test"))
    for i in range(n):
        # 10.a.b.c:port, a new address every 50,000 ports.
        ip = struct.pack("!I", (10 << 24) | (1 + i // 50000))
        c = w.connection(client_port=10000 + i % 50000, client_ip=ip)
        c.send(pcapgen.CLIENT, hello)
    w.write(out)


if __name__ == "__main__":
    main()
