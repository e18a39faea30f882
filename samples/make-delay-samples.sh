#!/usr/bin/env bash
# Makes the delay-* sample captures: TLS handshakes over a path with a known
# network delay, each captured at both ends at once.
#
#   samples/make-delay-samples.sh                 all three cases
#   samples/make-delay-samples.sh tls13-hrr       some of them (tls12, tls13, tls13-hrr)
#   DELAY_MS=28 samples/make-delay-samples.sh     one-way delay (default 28 ms)
#
# Three network namespaces, client (10.28.0.1/24), relay and server
# (10.28.0.2/24), joined by two veth pairs.  The relay namespace has no
# addresses and no IP forwarding: samples/delay-relay.py copies every Ethernet
# frame from one of its veths to the other after holding it DELAY_MS, in
# order, so ARP and TCP run end to end with a round trip of 2 * DELAY_MS
# (tc netem is not needed).  Offloads are off on every veth, so each captured
# frame is a real wire frame of at most the MTU (1500).
#
# Each case is two captures of the same single TCP connection, one on the
# client's veth (delay-NAME-client.pcapng) and one on the server's
# (delay-NAME-server.pcapng), both stamped by the same host clock, plus curl's
# key log (delay-NAME.keys).  A case whose frames were not all delayed by
# DELAY_MS +-1 ms (the relay lost the CPU: this VM's host steals it now and
# then) is made again, up to 5 times.  Needs root, ip, ethtool, python3,
# openssl, curl, dumpcap, tshark, ping and ss.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=443
delay_ms=${DELAY_MS:-28}
rtt_ms=$(python3 -c "print(f'{2 * $delay_ms:g}')")
client_ip=10.28.0.1
server_ip=10.28.0.2
attempts=5
C=tlsx-dc-$$ R=tlsx-dr-$$ S=tlsx-ds-$$
work=$(mktemp -d /tmp/tlsx-delay-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for ns in "$C" "$R" "$S"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in ip ethtool python3 openssl curl dumpcap tshark ping ss; do
  command -v "$tool" >/dev/null || { echo "make-delay-samples: $tool is missing" >&2; exit 1; }
done
if [ "$(id -u)" -ne 0 ]; then
  echo "make-delay-samples: needs root (network namespaces, dumpcap)" >&2
  exit 1
fi
inc() { ip netns exec "$C" "$@"; }
inr() { ip netns exec "$R" "$@"; }
# (Background processes run "ip netns exec" directly, which execs them: their
# $! is their own pid, for the signals below.)
ins() { ip netns exec "$S" "$@"; }
say() { echo "make-delay-samples: $*"; }
steal() { awk '/^cpu /{print $9}' /proc/stat; }

# --- The network -----------------------------------------------------------
for ns in "$C" "$R" "$S"; do
  ip netns add "$ns"
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip netns exec "$ns" ip link set lo up
done
inr sysctl -qw net.ipv4.ip_forward=0
ip link add name veth-c netns "$C" type veth peer name r-c netns "$R"
ip link add name veth-s netns "$S" type veth peer name r-s netns "$R"
for spec in "$C veth-c" "$R r-c" "$R r-s" "$S veth-s"; do
  read -r ns dev <<<"$spec"
  ip netns exec "$ns" ethtool -K "$dev" rx off tx off sg off tso off gso off gro off >/dev/null
  ip netns exec "$ns" ip link set "$dev" up
done
inc ip addr add "$client_ip/24" dev veth-c
ins ip addr add "$server_ip/24" dev veth-s

ip netns exec "$R" python3 "$here/delay-relay.py" --delay-ms "$delay_ms" r-c r-s \
  >"$work/relay.out" 2>>"$work/relay.err" &  # appends: relay_report empties it
relay_pid=$!
pids+=("$relay_pid")
for _ in $(seq 50); do grep -q ready "$work/relay.out" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$work/relay.out" ||
  { echo "make-delay-samples: relay did not start: $(cat "$work/relay.err")" >&2; exit 1; }
say "relay $(cat "$work/relay.out"), $delay_ms ms each way"

relay_report() { # what: the relay's lateness since the last report
  kill -USR1 "$relay_pid"
  sleep 0.3
  sed "s/^delay-relay: /make-delay-samples: relay, $1: /" "$work/relay.err"
  : >"$work/relay.err"
}

# The relay's jitter, seen end to end: 500 pings through it, 10 ms apart
# (a first ping resolves ARP through the relay, which takes a round trip more).
inc ping -c 2 -W 3 -q "$server_ip" >/dev/null ||
  { echo "make-delay-samples: no path through the relay" >&2; exit 1; }
relay_report "ARP and first pings" >/dev/null
steal0=$(steal)
inc ping -c 500 -i 0.01 "$server_ip" >"$work/ping.txt"
say "ping: $(tail -1 "$work/ping.txt")"
python3 - "$work/ping.txt" "$rtt_ms" "$(( $(steal) - steal0 ))" <<'EOF'
import re, sys
rtt = float(sys.argv[2])
v = sorted(float(x) for x in re.findall(r"time=([\d.]+) ms", open(sys.argv[1]).read()))
n = len(v)
p = lambda q: v[min(n - 1, int(q * n))]
within = sum(rtt - 1 <= x <= rtt + 1 for x in v)
print(f"make-delay-samples: ping RTT through the relay ({n} pings, {rtt:g} ms intended): "
      f"min {v[0]:.3f}, median {p(0.5):.3f}, p90 {p(0.9):.3f}, p99 {p(0.99):.3f}, max {v[-1]:.3f} ms; "
      f"{within} of {n} ({100 * within / n:.1f} %) within {rtt:g} +-1 ms; "
      f"host steal during the pings {sys.argv[3]} ticks")
EOF
relay_report "pings"

# --- The sessions ----------------------------------------------------------
# The checks of a capture pair: "check" (one case, to retry it) or "report"
# (the numbers, at the end).
cat >"$work/analyze.py" <<'EOF'
import subprocess, sys

mode, here, rtt, client = sys.argv[1], sys.argv[2], float(sys.argv[3]) / 1e3, sys.argv[4]
names = sys.argv[5:]
report = mode == "report"
HS = {1: "ClientHello", 2: "ServerHello", 4: "NewSessionTicket", 8: "EncryptedExtensions",
      11: "Certificate", 12: "ServerKeyExchange", 13: "CertificateRequest", 14: "ServerHelloDone",
      15: "CertificateVerify", 16: "ClientKeyExchange", 20: "Finished"}
FIELDS = ["frame.number", "frame.time_epoch", "frame.time_relative", "ip.src", "tcp.seq_raw",
          "tcp.len", "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.fin", "tcp.stream",
          "tls.record.content_type", "tls.handshake.type", "tcp.analysis.initial_rtt"]
bad = []


def say(*a):
    if report:
        print(*a)


def frames(path, keys):
    cmd = ["tshark", "-r", path, "-o", f"tls.keylog_file:{keys}", "-T", "fields",
           "-E", "occurrence=a", "-E", "aggregator=,"]
    for f in FIELDS:
        cmd += ["-e", f]
    out = []
    for line in subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines():
        v = dict(zip(FIELDS, line.split("\t")))
        ints = lambda s: [int(x) for x in s.split(",") if x]
        flag = lambda k: v[k] in ("1", "True")
        out.append(dict(no=int(v["frame.number"]), t=float(v["frame.time_epoch"]),
                        rel=float(v["frame.time_relative"]), out=v["ip.src"] == client,
                        seq=v["tcp.seq_raw"], len=int(v["tcp.len"] or 0), stream=v["tcp.stream"],
                        syn=flag("tcp.flags.syn"), ack=flag("tcp.flags.ack"), fin=flag("tcp.flags.fin"),
                        ct=ints(v["tls.record.content_type"]), hs=ints(v["tls.handshake.type"]),
                        irtt=v["tcp.analysis.initial_rtt"]))
    return out


def label(f, hrr_no):
    """The frame's handshake messages and CCS in wire order (one message a record, mostly)."""
    hs = [("HelloRetryRequest" if h == 2 and f["no"] == hrr_no else HS.get(h, f"handshake {h}"))
          for h in f["hs"]]
    names = []
    for c in f["ct"]:
        if c == 20:
            names.append("ChangeCipherSpec")
        elif c == 22 and hs:
            names.append(hs.pop(0))
    names += hs
    if not names and 23 in f["ct"]:
        names.append("ApplicationData")
    return "+".join(names)


def flights(fs):
    """Runs of frames carrying handshake records or CCS, by sender (tickets left out)."""
    runs = []
    for f in fs:
        if not (f["hs"] or 20 in f["ct"]) or f["hs"] == [4]:
            continue
        if runs and runs[-1][0]["out"] == f["out"]:
            runs[-1].append(f)
        else:
            runs.append([f])
    return runs


def check(what, value, lo, hi):
    if lo <= value <= hi:
        return "ok"
    bad.append(what)
    return "OUT OF RANGE"


for name in names:
    keys = f"{here}/{name}.keys"
    sides = {s: frames(f"{here}/{name}-{s}.pcapng", keys) for s in ("client", "server")}
    say(f"make-delay-samples: {name}")
    for side, fs in sides.items():
        syns = [f for f in fs if f["syn"] and not f["ack"]]
        synacks = [f for f in fs if f["syn"] and f["ack"]]
        streams = {f["stream"] for f in fs}
        if len(syns) != 1 or len(synacks) != 1 or len(streams) != 1:
            bad.append(f"{name}-{side}: {len(streams)} TCP streams, {len(syns)} SYN, {len(synacks)} SYN/ACK")
            continue
        syn, synack = syns[0], synacks[0]
        ack = next(f for f in fs if f["no"] > synack["no"] and f["out"] and not f["syn"])
        hrr_no = None
        if sum(1 in f["hs"] for f in fs) > 1:
            hrr_no = next(f["no"] for f in fs if 2 in f["hs"])
        say(f"  {side} side ({len(fs)} frames): SYN frame {syn['no']} at {syn['rel']:.6f} s, "
            f"SYN/ACK frame {synack['no']} at {synack['rel']:.6f} s, ACK frame {ack['no']} at {ack['rel']:.6f} s")
        for f in fs:
            if f["hs"] or 20 in f["ct"]:
                say(f"    frame {f['no']:3d}  {f['rel']:.6f} s  {'OUT' if f['out'] else 'IN '}  {label(f, hrr_no)}")
        if side == "client":
            irtt = float(ack["irtt"]) if ack["irtt"] else synack["t"] - syn["t"]
            say(f"    tcp.analysis.initial_rtt {irtt * 1e3:.3f} ms "
                f"[{check(f'{name} initial_rtt', irtt, rtt * 0.95, rtt * 1.05)}: {rtt * 1e3:g} ms +-5 %]")
        else:
            irtt = ack["t"] - synack["t"]
            say(f"    SYN/ACK sent -> ACK received {irtt * 1e3:.3f} ms "
                f"[{check(f'{name} server-side SYN/ACK-ACK', irtt, rtt * 0.95, rtt * 1.05)}: {rtt * 1e3:g} ms +-5 %]")
        runs = flights(fs)
        for a, b in zip(runs, runs[1:]):
            if a[0]["out"] != (side == "client"):
                continue  # only our flight, then the peer's reply
            gap = b[0]["t"] - a[-1]["t"]
            who = "server" if side == "client" else "client"
            say(f"    {label(a[-1], hrr_no)} (frame {a[-1]['no']}) sent -> {label(b[0], hrr_no)} "
                f"(frame {b[0]['no']}) received: {gap * 1e3:.3f} ms = {rtt * 1e3:g} ms + "
                f"{(gap - rtt) * 1e3:.3f} ms {who} processing "
                f"[{check(f'{name} {side}-side flight gap', gap, rtt - 0.001, rtt + 0.010)}: "
                f"{rtt * 1e3:g} ms + at most 10 ms]")
    # The one-way delay of every frame: the same TCP segment at both ends.
    # (The n-th frame with a key at one end is the n-th with it at the other:
    # the client's two RSTs at the end share theirs.)
    key = lambda f: (f["out"], f["seq"], f["len"], f["syn"], f["ack"], f["fin"])
    srv = {}
    for f in sides["server"]:
        srv.setdefault(key(f), []).append(f)
    owd = {True: [], False: []}
    for f in sides["client"]:
        g = srv.get(key(f)) and srv[key(f)].pop(0)
        if g:
            owd[f["out"]].append(g["t"] - f["t"] if f["out"] else f["t"] - g["t"])
    for d, v in owd.items():
        if v:
            ok = all(rtt / 2 - 0.001 <= x <= rtt / 2 + 0.001 for x in v)
            if not ok:
                bad.append(f"{name} one-way delay")
            say(f"  one-way delay {'client->server' if d else 'server->client'}: {len(v)} frames, "
                f"min {min(v) * 1e3:.3f} ms, max {max(v) * 1e3:.3f} ms "
                f"[{'ok' if ok else 'OUT OF RANGE'}: {rtt * 5e2:g} ms +-1 ms]")
    n = {s: len(fs) for s, fs in sides.items()}
    matched = sum(map(len, owd.values()))
    if not (n["client"] == n["server"] == matched):
        bad.append(f"{name}: {n['client']} client-side frames, {n['server']} server-side, {matched} matched")
if bad:
    print("make-delay-samples: " + ("checks failed: " if report else "retrying: ") + "; ".join(bad))
    sys.exit(1)
say("make-delay-samples: all checks passed")
EOF

# A throw-away certificate, as in make-samples.sh.
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=q.shanyue.test" \
  -addext "subjectAltName=DNS:q.shanyue.test" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

start_server() { # openssl s_server options...
  ip netns exec "$S" openssl s_server -accept "$server_ip:$port" -cert "$work/cert.pem" -key "$work/key.pem" \
    -www -quiet "$@" >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  # Wait for the listening socket without connecting to it: no probe
  # connection, in the captures or anywhere else.
  for _ in $(seq 50); do
    [ -n "$(ins ss -Hltn "sport = :$port")" ] && return 0
    sleep 0.1
  done
  echo "make-delay-samples: s_server did not start: $(cat "$work/server.log")" >&2
  exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

start_captures() { # name
  ip netns exec "$C" dumpcap -q -i veth-c -f "tcp port $port" -w "$work/$1-client.pcapng" 2>"$work/dumpcap-client.log" &
  cap_client=$!
  ip netns exec "$S" dumpcap -q -i veth-s -f "tcp port $port" -w "$work/$1-server.pcapng" 2>"$work/dumpcap-server.log" &
  cap_server=$!
  pids+=("$cap_client" "$cap_server")
  for side in client server; do
    for _ in $(seq 50); do
      grep -q "Capturing on" "$work/dumpcap-$side.log" 2>/dev/null && continue 2
      sleep 0.1
    done
    echo "make-delay-samples: dumpcap ($side) did not start: $(cat "$work/dumpcap-$side.log")" >&2
    exit 1
  done
  sleep 0.5
}

stop_captures() { # name
  sleep 1  # the FINs and last ACKs
  kill -INT "$cap_client" "$cap_server"
  wait "$cap_client" || true
  wait "$cap_server" || true
  for side in client server; do
    cp "$work/$1-$side.pcapng" "$here/$1-$side.pcapng"
    chmod 644 "$here/$1-$side.pcapng"
  done
}

# A curl session against s_server, captured at both ends: the sample's name,
# s_server's options, then -- and curl's options.
delay_sample() {
  local name=delay-$1 server=() try
  shift
  while [ "$1" != -- ]; do server+=("$1"); shift; done
  shift
  for try in $(seq "$attempts"); do
    rm -f "$here/$name.keys"
    start_server "${server[@]}"
    start_captures "$name"
    inc env SSLKEYLOGFILE="$here/$name.keys" curl -sv --head -k --max-time 5 \
      --resolve "q.shanyue.test:$port:$server_ip" "$@" "https://q.shanyue.test:$port/" \
      >/dev/null 2>"$work/curl.log" || true
    stop_captures "$name"
    stop_server
    chmod 644 "$here/$name.keys"
    python3 "$work/analyze.py" check "$here" "$rtt_ms" "$client_ip" "$name" && break
    [ "$try" -lt "$attempts" ] || { say "$name: still out of range after $attempts attempts"; break; }
  done
  grep -E '^\* (TLSv|SSL connection|ALPN)' "$work/curl.log" | sed "s/^/make-delay-samples: $name: curl: /"
}

# 1. The reference document's case (as tls12-doc): TLS 1.2 full handshake,
#    ECDHE-RSA-AES128-GCM-SHA256, ALPN h2, no ticket: two round trips.
make_tls12() {
  delay_sample tls12 -tls1_2 -no_ticket -cipher ECDHE-RSA-AES128-GCM-SHA256 -alpn h2 -- \
    --tlsv1.2 --tls-max 1.2 --ciphers ECDHE-RSA-AES128-GCM-SHA256
}

# 2. TLS 1.3 full handshake (X25519, as tls13-full): one round trip.
make_tls13() {
  delay_sample tls13 -tls1_3 -alpn h2 -- --tlsv1.3
}

# 3. TLS 1.3 with HelloRetryRequest: the server takes only P-256, the client
#    offers a key share for X25519 first: two round trips.
make_tls13_hrr() {
  delay_sample tls13-hrr -tls1_3 -groups P-256 -alpn h2 -- --tlsv1.3 --curves X25519:P-256
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tls12 tls13 tls13-hrr)
for t in "${targets[@]}"; do
  say "delay-$t"
  "make_${t//-/_}"
done
relay_report "sessions"

# --- The numbers -----------------------------------------------------------
for t in "${targets[@]}"; do
  for side in client server; do
    say "delay-$t-$side.pcapng: frame, time_relative, src, flags, tls.record.content_type, tls.handshake.type, tcp.analysis.initial_rtt"
    tshark -r "$here/delay-$t-$side.pcapng" -o "tls.keylog_file:$here/delay-$t.keys" -T fields \
      -E occurrence=a -E aggregator=, \
      -e frame.number -e frame.time_relative -e ip.src -e tcp.flags.str \
      -e tls.record.content_type -e tls.handshake.type -e tcp.analysis.initial_rtt 2>/dev/null |
      sed 's/^/  /'
  done
done
python3 "$work/analyze.py" report "$here" "$rtt_ms" "$client_ip" "${targets[@]/#/delay-}"
