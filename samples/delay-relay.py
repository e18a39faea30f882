#!/usr/bin/env python3
"""A two-port Ethernet relay that holds every frame for a fixed delay.

    delay-relay.py [--delay-ms 28] IFACE_A IFACE_B

Run it in a network namespace holding the two interfaces (veth ends, without
addresses and without IP forwarding).  Every frame received on one interface
is sent out of the other one DELAY ms after the kernel received it, in order,
so ARP, TCP and everything else run end to end with a known one-way delay
(a round trip through the relay takes twice DELAY).  Frames the relay sends
itself (PACKET_OUTGOING) are never relayed back.

It prints "ready" on stdout once both sockets are bound, and on SIGUSR1
(then starting over), SIGTERM or SIGINT prints, on stderr, how late it sent
frames compared with their deadline (kernel receive time + DELAY): its own
scheduling jitter.

Standard library only: AF_PACKET raw sockets, receive times from the kernel
(SO_TIMESTAMPNS), select() for the wait and a short busy wait for the last
few hundred microseconds before a deadline.
"""
import argparse
import collections
import ctypes
import os
import select
import signal
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
SOL_PACKET = 263
PACKET_ADD_MEMBERSHIP = 1
PACKET_MR_PROMISC = 1
PACKET_IGNORE_OUTGOING = 23
PACKET_OUTGOING = 4
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)
PR_SET_TIMERSLACK = 29
SPIN = 0.0003  # busy-wait the last 300 us before a deadline
MAX_FRAME = 65536


def open_port(ifname):
    # Protocol 0 receives nothing until bind() names the interface, so no
    # frame of another interface slips in between socket() and bind().
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
    s.bind((ifname, ETH_P_ALL))
    ifindex = socket.if_nametoindex(ifname)
    mreq = struct.pack("iHH8s", ifindex, PACKET_MR_PROMISC, 0, b"")
    s.setsockopt(SOL_PACKET, PACKET_ADD_MEMBERSHIP, mreq)
    try:
        s.setsockopt(SOL_PACKET, PACKET_IGNORE_OUTGOING, 1)
    except OSError:
        pass  # older kernels: the pkttype check below is enough
    s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    s.setblocking(False)
    return s


def tune_process(realtime):
    notes = []
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_TIMERSLACK, ctypes.c_ulong(1), 0, 0, 0) == 0:
            notes.append("timer slack 1 ns")
    except OSError:
        pass
    try:
        if not realtime:
            raise OSError
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(50))
        notes.append("SCHED_FIFO 50")
    except (OSError, AttributeError):
        notes.append("normal scheduling")
    return notes


class Stats:
    def __init__(self):
        self.late = {}  # direction -> list of seconds late

    def add(self, direction, late):
        self.late.setdefault(direction, []).append(late)

    def report(self, delay):
        out = [f"delay-relay: delay {delay * 1e3:g} ms each way"]
        for direction, late in sorted(self.late.items()):
            v = sorted(late)
            n = len(v)
            p = lambda q: v[min(n - 1, int(q * n))] * 1e6
            out.append(
                f"delay-relay: {direction}: {n} frames, sent late by "
                f"min {v[0] * 1e6:.0f} us, median {p(0.5):.0f} us, "
                f"p99 {p(0.99):.0f} us, max {v[-1] * 1e6:.0f} us")
        if not self.late:
            out.append("delay-relay: no frames relayed")
        return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--delay-ms", type=float, default=28.0)
    ap.add_argument("--no-realtime", action="store_true",
                    help="do not ask for SCHED_FIFO")
    ap.add_argument("iface_a")
    ap.add_argument("iface_b")
    args = ap.parse_args()
    delay = args.delay_ms / 1e3

    a, b = open_port(args.iface_a), open_port(args.iface_b)
    peer = {a: b, b: a}
    name = {a: f"{args.iface_a}->{args.iface_b}", b: f"{args.iface_b}->{args.iface_a}"}
    queue = {a: collections.deque(), b: collections.deque()}  # frames from that port
    stats = Stats()
    notes = tune_process(not args.no_realtime)

    def stop(signum, frame):
        raise SystemExit(0)

    def report(signum, frame):
        print(stats.report(delay), file=sys.stderr, flush=True)
        stats.late.clear()

    signal.signal(signal.SIGUSR1, report)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"ready ({', '.join(notes)})", flush=True)

    cmsg_space = socket.CMSG_SPACE(16)
    socks = [a, b]
    try:
        while True:
            # Send whatever is due, oldest first on each port.
            now = time.time()
            for s in socks:
                q = queue[s]
                while q and q[0][0] <= now:
                    deadline, frame = q.popleft()
                    # Late by how much when sending starts: the send itself
                    # runs the peer's receive path (softirq) after the tap
                    # that stamps captured frames.
                    stats.add(name[s], time.time() - deadline)
                    try:
                        peer[s].send(frame)
                    except OSError as e:
                        print(f"delay-relay: send {name[s]}: {e}", file=sys.stderr)
                    now = time.time()
            heads = [queue[s][0][0] for s in socks if queue[s]]
            wait = None
            if heads:
                wait = max(0.0, min(heads) - now)
                if wait > SPIN:
                    wait -= SPIN
                else:
                    wait = 0.0  # busy wait, still receiving
            ready, _, _ = select.select(socks, [], [], wait)
            for s in ready:
                while True:
                    try:
                        frame, anc, flags, addr = s.recvmsg(MAX_FRAME, cmsg_space)
                    except BlockingIOError:
                        break
                    if addr[2] == PACKET_OUTGOING:
                        continue
                    t = None
                    for level, kind, data in anc:
                        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                            sec, nsec = struct.unpack("qq", data[:16])
                            t = sec + nsec / 1e9
                    if t is None:
                        t = time.time()
                    queue[s].append((t + delay, frame))
    except SystemExit:
        pass
    finally:
        print(stats.report(delay), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
