#!/usr/bin/env python3
"""Fuzzes the plugin through the real tshark: mutants of every sample.

    tests/fuzz/run.sh [--count 2000] [--jobs 2] [--seed 1] [--batch 10] [BUILD_DIR]

Every mutant is one sample's connection, its client port made unique, then
mutated in one of three ways:

  - editcap -E <rate> --seed <n> (rates 0.001, 0.01, 0.05, 0.2), over the
    whole frame or from the TCP payload on (-o 66);
  - a structure-aware mutator (seeded Python random): bit flips and
    interesting bytes in TCP and UDP payloads, TLS and DTLS record and
    handshake lengths and types, truncated, dropped, duplicated and swapped
    frames, frames spliced from other samples, time stamps backwards, far
    away or with a fraction out of range;
  - randpkt (tcp, ip, eth): random packets, which Wireshark's TLS heuristic
    may take for TLS.  randpkt has no seed: these mutants are not
    reproducible from the seed, so failing ones are kept.

Mutants are run in batches (one pcap holding --batch mutants, each its own
connection), each batch four ways: -V and -2 -V, without and with the
samples' key logs.  A crash (a signal), an abort, a sanitizer report or a
run over 120 s fails; the batch, its mutants one by one and the failing
command are kept in --keep (default /tmp/tlsx-fuzz-failures).  tshark's
ordinary errors about a damaged file are fine.

With a sanitizer build (-DTLSEXPLAIN_SANITIZE=ON) tshark runs with ASan
preloaded, as in ctest.
"""

import argparse
import glob
import multiprocessing
import os
import random
import shutil
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tshark"))

RATES = (0.001, 0.01, 0.05, 0.2)
CONFIGS = (("-V",), ("-2", "-V"), ("-V", "KEYS"), ("-2", "-V", "KEYS"))
TIMEOUT = 120
INTERESTING = (0x00, 0x01, 0x02, 0x03, 0x04, 0x0b, 0x0e, 0x10, 0x14, 0x15, 0x16, 0x17, 0x18,
               0x7f, 0x80, 0xfe, 0xff)
HS_TYPES = (0, 1, 2, 4, 5, 6, 8, 11, 12, 13, 14, 15, 16, 20, 21, 22, 24, 25, 67, 254, 255)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    p.add_argument("--count", type=int, default=2000, help="mutants (default 2000)")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--batch", type=int, default=10, help="mutants per tshark run")
    p.add_argument("--keep", default="/tmp/tlsx-fuzz-failures")
    return p.parse_args()


def setup_env(build):
    plugins = glob.glob(os.path.join(build, "plugins", "*", "epan", "tlsexplain.so"))
    if not plugins:
        sys.exit(f"no tlsexplain.so under {build}/plugins: build first")
    plugin = plugins[0]
    os.environ.setdefault("TLSX_PLUGIN", plugin)
    os.environ.setdefault("TLSX_WS_VERSION", os.path.basename(os.path.dirname(os.path.dirname(plugin))))
    os.environ.setdefault("TLSX_PLUGIN_VERSION", "0")
    os.environ.setdefault("TLSX_SAMPLES", os.path.join(ROOT, "samples"))
    ldd = subprocess.run(["ldd", plugin], capture_output=True, text=True).stdout
    if "libasan" in ldd and not os.environ.get("TLSX_SANITIZER_PRELOAD"):
        cache = open(os.path.join(build, "CMakeCache.txt")).read()
        for line in cache.splitlines():
            if line.startswith("TLSEXPLAIN_ASAN_RUNTIME:"):
                os.environ["TLSX_SANITIZER_PRELOAD"] = line.split("=", 1)[1]


# --- pcap -----------------------------------------------------------------

def read_pcap(path):
    with open(path, "rb") as f:
        data = f.read()
    off, recs = 24, []
    while off + 16 <= len(data):
        sec, usec, incl, orig = struct.unpack_from("<IIII", data, off)
        recs.append([sec, usec, bytearray(data[off + 16:off + 16 + incl]), orig])
        off += 16 + incl
    return data[:24], recs


def write_pcap(head, recs):
    out = [head]
    for sec, usec, data, orig in recs:
        out.append(struct.pack("<IIII", sec & 0xffffffff, usec & 0xffffffff, len(data),
                               max(orig, len(data)) & 0xffffffff))
        out.append(bytes(data))
    return b"".join(out)


def transport_offsets(frame):
    """(offset of the TCP or UDP header, offset of its payload) of an
    Ethernet/IPv4 frame, or None."""
    if len(frame) < 34 or frame[12:14] != b"\x08\x00" or frame[23] not in (6, 17):
        return None
    header = 14 + (frame[14] & 0x0f) * 4
    if frame[23] == 17:
        return (header, header + 8) if len(frame) >= header + 8 else None
    if len(frame) < header + 20:
        return None
    return header, header + (frame[header + 12] >> 4) * 4


def with_client_port(recs, port):
    """The records with the connection's client port (the first frame's
    source port) replaced."""
    first = transport_offsets(recs[0][2])
    old = recs[0][2][first[0]:first[0] + 2]
    new = struct.pack(">H", port)
    out = []
    for sec, usec, data, orig in recs:
        data = bytearray(data)
        t = transport_offsets(data)
        if t:
            for o in (t[0], t[0] + 2):
                if data[o:o + 2] == old:
                    data[o:o + 2] = new
        out.append([sec, usec, data, orig])
    return out


# --- the structure-aware mutator -------------------------------------------

def payload_frames(recs):
    return [i for i, r in enumerate(recs) if (t := transport_offsets(r[2])) and len(r[2]) > t[1]]


def tls_headers(data, start):
    """(offset, offset of its length, offset of its first handshake type) of
    what look like TLS or DTLS record headers in a payload."""
    heads = []
    for o in range(start, len(data) - 5):
        if not 0x14 <= data[o] <= 0x18:
            continue
        if data[o + 1] == 3 and data[o + 2] <= 4:
            heads.append((o, o + 3, o + 5))
        elif data[o + 1] == 0xfe and data[o + 2] in (0xfd, 0xff) and o + 13 < len(data):
            heads.append((o, o + 11, o + 13))
    return heads


def mutate(rng, recs, donors):
    ops = rng.randint(1, 4)
    for _ in range(ops):
        frames = payload_frames(recs)
        if not frames:
            return recs
        i = rng.choice(frames)
        data = recs[i][2]
        start = transport_offsets(data)[1]
        op = rng.randrange(12)
        if op == 0:  # bit flips
            for _ in range(rng.randint(1, 8)):
                o = rng.randrange(start, len(data))
                data[o] ^= 1 << rng.randrange(8)
        elif op == 1:  # interesting bytes
            for _ in range(rng.randint(1, 4)):
                data[rng.randrange(start, len(data))] = rng.choice(INTERESTING)
        elif op in (2, 3):  # a record's or a handshake message's length
            heads = tls_headers(data, start)
            if heads:
                h, at, hs = rng.choice(heads)
                length = struct.unpack_from(">H", data, at)[0]
                new = rng.choice((0, 1, 2, 4, length - 1, length + 1, 0x4000, 0x4001, 0xffff,
                                  rng.randrange(0x10000)))
                if op == 2:
                    struct.pack_into(">H", data, at, new & 0xffff)
                elif data[h] == 0x16 and hs + 4 <= len(data):
                    data[hs + 1:hs + 4] = (new * rng.choice((1, 256))).to_bytes(4, "big")[1:]
        elif op == 4:  # a handshake type or a record's content type
            heads = tls_headers(data, start)
            if heads:
                h, _, hs = rng.choice(heads)
                if data[h] == 0x16 and hs < len(data) and rng.random() < 0.7:
                    data[hs] = rng.choice(HS_TYPES)
                else:
                    data[h] = rng.choice((0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x80))
        elif op == 5:  # truncated frame
            recs[i][2] = data[:rng.randrange(start, len(data))]
        elif op == 6:  # duplicated frame, right after or later
            j = rng.randrange(i + 1, len(recs) + 1)
            recs.insert(j, [recs[i][0], recs[i][1], bytearray(data), recs[i][3]])
        elif op == 7 and len(recs) > 2:  # dropped frame
            del recs[i]
        elif op == 8 and i + 1 < len(recs):  # swapped frames
            recs[i], recs[i + 1] = recs[i + 1], recs[i]
        elif op == 9:  # time stamps
            r = recs[i]
            kind = rng.randrange(4)
            if kind == 0:
                r[0] -= rng.randint(1, 100000)
            elif kind == 1:
                r[0] = rng.choice((0, 0x7fffffff, 0x80000000, 0xffffffff))
            elif kind == 2:
                r[1] = rng.choice((1000000, 999999999, 0x7fffffff, 0xffffffff))
            else:
                r[1] = max(0, r[1] - rng.randint(1, 999999))
        elif op == 10:  # payload spliced from another sample
            donor = rng.choice(donors)
            dframes = payload_frames(donor)
            if dframes:
                d = donor[rng.choice(dframes)][2]
                dstart = transport_offsets(d)[1]
                cut = rng.randrange(start, len(data) + 1)
                recs[i][2] = data[:cut] + d[dstart:dstart + rng.randint(1, len(d) - dstart)]
        elif op == 11:  # one record repeated many times in the frame
            heads = tls_headers(data, start)
            if heads:
                h, at, _ = rng.choice(heads)
                length = struct.unpack_from(">H", data, at)[0]
                rec = bytes(data[h:at + 2 + length])
                recs[i][2] = data[:h] + rec * rng.randint(2, 60) + data[h + len(rec):]
    return recs


# --- mutants and batches ----------------------------------------------------

class Corpus:
    def __init__(self, ts, workdir):
        self.samples = sorted(os.path.basename(p)[:-len(".pcapng")]
                              for p in glob.glob(os.path.join(ROOT, "samples", "*.pcapng")))
        self.base = {}
        for s in self.samples:
            pcap = os.path.join(workdir, s + ".pcap")
            subprocess.run(["editcap", "-F", "pcap", ts.sample(s + ".pcapng"), pcap], check=True)
            self.base[s] = read_pcap(pcap)
        self.head = self.base[self.samples[0]][0]


def make_mutant(corpus, seed, i, workdir):
    """(description, records) of mutant i."""
    rng = random.Random(seed * 1000003 + i)
    # Each run of 20 mutants is one sample, mutated every way.
    sample = corpus.samples[(i // 20) % len(corpus.samples)]
    head, recs = corpus.base[sample]
    recs = with_client_port([list(r[:2]) + [bytearray(r[2]), r[3]] for r in recs],
                            1024 + i % 64000)
    how = i % 20
    if how == 19:  # randpkt
        kind = rng.choice(("tcp", "ip", "eth"))
        path = os.path.join(workdir, f"randpkt-{i}.pcap")
        subprocess.run(["randpkt", "-t", kind, "-c", "30", "-b", "1500", path], check=True,
                       capture_output=True)
        out = os.path.join(workdir, f"randpkt-{i}.le.pcap")
        subprocess.run(["editcap", "-F", "pcap", path, out], check=True, capture_output=True)
        h, r = read_pcap(out)
        if h[20:24] != head[20:24]:
            return f"randpkt -t {kind} (other link type, skipped)", []
        return f"randpkt -t {kind} (not reproducible)", r
    if how < 8:  # editcap -E
        rate = RATES[how % 4]
        offset = "66" if how >= 4 else "0"
        src = os.path.join(workdir, f"m{i}.in.pcap")
        dst = os.path.join(workdir, f"m{i}.out.pcap")
        with open(src, "wb") as f:
            f.write(write_pcap(head, recs))
        emut = seed * 100003 + i
        subprocess.run(["editcap", "-F", "pcap", "-E", str(rate), "--seed", str(emut), "-o", offset,
                        src, dst],
                       check=True, capture_output=True)
        recs = read_pcap(dst)[1]
        os.unlink(src)
        os.unlink(dst)
        return f"{sample}: editcap -E {rate} --seed {emut} -o {offset}", recs
    donors = [corpus.base[rng.choice(corpus.samples)][1] for _ in range(2)]
    return f"{sample}: mutate.py seed {seed} mutant {i}", mutate(rng, recs, donors)


def run_batch(job):
    import tshark_session as ts
    seed, first, count, keep = job
    workdir = os.path.join(ts._setup(), f"batch-{first}")
    os.makedirs(workdir, exist_ok=True)
    os.chmod(workdir, 0o755)
    corpus = CORPUS
    mutants = [make_mutant(corpus, seed, i, workdir) for i in range(first, first + count)]
    records = [r for _, recs in mutants for r in recs]
    batch = os.path.join(workdir, "batch.pcap")
    with open(batch, "wb") as f:
        f.write(write_pcap(corpus.head, records))
    os.chmod(batch, 0o644)
    failures, runs = [], 0
    for config in CONFIGS:
        args = ["-r", batch]
        for a in config:
            args += ["-o", "tls.keylog_file:" + KEYS] if a == "KEYS" else [a]
        runs += 1
        err = try_run(ts, args)
        if err:
            failures.append(isolate(ts, corpus, mutants, args, batch, err, keep, first))
    shutil.rmtree(workdir, ignore_errors=True)
    return count, runs, failures


def try_run(ts, args):
    try:
        proc = subprocess.run(ts.tshark_cmd(*args), env=ts.tshark_env(), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, errors="replace",
                              timeout=TIMEOUT, cwd=ts._setup())
    except subprocess.TimeoutExpired:
        return f"timeout after {TIMEOUT} s"
    report = ts.sanitizer_report(proc.stderr)
    if proc.returncode < 0 or report:
        return f"exit {proc.returncode}: {report or ''}\n{proc.stderr[-4000:]}"
    return None


def isolate(ts, corpus, mutants, args, batch, err, keep, first):
    """Keeps the failing batch and finds the mutants that fail alone."""
    os.makedirs(keep, exist_ok=True)
    dst = os.path.join(keep, f"batch-{first}.pcap")
    shutil.copy(batch, dst)
    culprits = []
    for n, (desc, recs) in enumerate(mutants):
        path = os.path.join(os.path.dirname(batch), f"mutant-{first + n}.pcap")
        with open(path, "wb") as f:
            f.write(write_pcap(corpus.head, recs))
        os.chmod(path, 0o644)
        one = [path if a == batch else a for a in args]
        if try_run(ts, one):
            shutil.copy(path, keep)
            culprits.append(f"mutant {first + n} ({desc}): {os.path.join(keep, os.path.basename(path))}")
    keys = os.path.join(keep, "all.keys")
    shutil.copy(KEYS, keys)
    cmd = " ".join(dst if a == batch else a.replace(KEYS, keys) for a in args)
    return f"tshark {cmd}\n  {err}\n  failing alone: {culprits or 'none (only together)'}"


CORPUS = None
KEYS = None


def main():
    global CORPUS, KEYS
    opts = parse_args()
    setup_env(os.path.abspath(opts.build))
    import tshark_session as ts
    work = ts._setup()
    KEYS = os.path.join(work, "samples", "all.keys")
    with open(KEYS, "w") as out:
        for k in sorted(glob.glob(os.path.join(work, "samples", "*.keys"))):
            if k != KEYS:
                out.write(open(k).read())
    os.chmod(KEYS, 0o644)
    CORPUS = Corpus(ts, work)
    jobs = [(opts.seed, first, min(opts.batch, opts.count - first), opts.keep)
            for first in range(0, opts.count, opts.batch)]
    sanitized = " (tshark with ASan preloaded)" if ts.SANITIZER_PRELOAD else ""
    print(f"fuzz: {opts.count} mutants of {len(CORPUS.samples)} samples, seed {opts.seed}, "
          f"{len(jobs)} batches x {len(CONFIGS)} runs, {opts.jobs} jobs{sanitized}", flush=True)
    start = time.time()
    done = runs = 0
    failures = []
    try:
        with multiprocessing.Pool(opts.jobs) as pool:
            for count, r, fails in pool.imap_unordered(run_batch, jobs):
                done += count
                runs += r
                failures += fails
                for f in fails:
                    print("FAIL:", f, flush=True)
                if done % (opts.batch * 20) == 0:
                    print(f"  {done} mutants, {time.time() - start:.0f} s", flush=True)
    finally:
        ts.cleanup()
    print(f"fuzz: {done} mutants, {runs} tshark runs in {time.time() - start:.0f} s, "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
