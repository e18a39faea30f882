#!/usr/bin/env bash
# Makes the advice-* sample captures: handshakes that show (or, the controls,
# do not show) what would have made them faster or safer (issue 20): a server
# flight larger than the server's initial congestion window, repeated
# connections that do not resume, TLS 1.2 where 1.3 was offered, an OCSP
# request the server did not answer with a staple, TLS False Start, legacy
# protocol versions and suites, 0-RTT rejected.
#
#   samples/make-advice-samples.sh               all of them
#   samples/make-advice-samples.sh cwnd ocsp     some of them: cwnd, cwnd-small,
#     noresume, noresume-tls13, resume, tls12, ocsp, ocsp-stapled, falsestart,
#     legacy-tls10, legacy-cbc, 0rtt-rejected (each makes advice-NAME)
#   DELAY_MS=25 INITCWND=3 samples/make-advice-samples.sh
#
# The network is make-delay-samples.sh's: three network namespaces, client
# (10.50.0.1/24), relay and server (10.50.0.2/24, and 10.50.0.3/24 for the
# OCSP responder), joined by two veth pairs with an MTU of 1500 and every
# offload off (each captured frame is a real wire frame); delay-relay.py holds
# every Ethernet frame DELAY_MS (default 25 ms) each way, a 50 ms round trip.
# The server's route to the client has an initial congestion window of
# INITCWND segments (default 3: RFC 3390's initial window, 4380 bytes, for
# 1460-byte segments; Linux's own default is 10).  Each sample is captured on
# the client's veth (filter "tcp"), with the client's key log.  Clients: curl
# 7.88, openssl 3.0 s_client, falsestart-client.c (built here with GnuTLS) for
# False Start; servers: openssl 3.0 s_server, openssl ocsp as the OCSP
# responder.  The script checks each capture with tshark (the plugin
# disabled) and fails unless it holds what samples/README.md says.  Needs
# root, ip, ethtool, python3, openssl, curl, gcc with libgnutls28-dev,
# pkg-config, dumpcap, tshark, ping and ss.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=443
ocsp_port=8080
delay_ms=${DELAY_MS:-25}
initcwnd=${INITCWND:-3}
client_ip=10.50.0.1
server_ip=10.50.0.2
ocsp_ip=10.50.0.3
C=tlsx-ac-$$ R=tlsx-ar-$$ S=tlsx-as-$$
work=$(mktemp -d /tmp/tlsx-advice-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for ns in "$C" "$R" "$S"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "make-advice-samples: $*"; }
fail() {
  echo "make-advice-samples: $*" >&2
  exit 1
}
for tool in ip ethtool python3 openssl curl gcc pkg-config dumpcap tshark ping ss; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
[ "$(id -u)" -eq 0 ] || fail "needs root (network namespaces, dumpcap)"
inc() { ip netns exec "$C" "$@"; }
ins() { ip netns exec "$S" "$@"; }

# tls_messages_of.
. "$here/sample-lib.sh"

# --- The network -----------------------------------------------------------
for ns in "$C" "$R" "$S"; do
  ip netns add "$ns"
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip netns exec "$ns" ip link set lo up
done
ip netns exec "$R" sysctl -qw net.ipv4.ip_forward=0
ip link add name veth-c netns "$C" type veth peer name r-c netns "$R"
ip link add name veth-s netns "$S" type veth peer name r-s netns "$R"
for spec in "$C veth-c" "$R r-c" "$R r-s" "$S veth-s"; do
  read -r ns dev <<<"$spec"
  ip netns exec "$ns" ethtool -K "$dev" rx off tx off sg off tso off gso off gro off >/dev/null
  ip netns exec "$ns" ip link set "$dev" mtu 1500 up
done
inc ip addr add "$client_ip/24" dev veth-c
ins ip addr add "$server_ip/24" dev veth-s
ins ip addr add "$ocsp_ip/24" dev veth-s
ins ip route replace 10.50.0.0/24 dev veth-s proto kernel scope link src "$server_ip" \
  initcwnd "$initcwnd"

ip netns exec "$R" python3 "$here/delay-relay.py" --delay-ms "$delay_ms" r-c r-s \
  >"$work/relay.out" 2>>"$work/relay.err" &
pids+=("$!")
for _ in $(seq 50); do grep -q ready "$work/relay.out" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$work/relay.out" || fail "relay did not start: $(cat "$work/relay.err")"
# ARP through the relay, before any capture.
inc ping -c 2 -W 3 -q "$server_ip" >/dev/null || fail "no path through the relay"
inc ping -c 2 -W 3 -q "$ocsp_ip" >/dev/null || fail "no path to $ocsp_ip through the relay"
say "relay $(cat "$work/relay.out"), $delay_ms ms each way; server route: $(ins ip route show dev veth-s)"

# --- Certificates ----------------------------------------------------------
# Every key and certificate is made here and thrown away.
# The plain server certificate, RSA 2048, as in make-samples.sh.
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=q.shanyue.test" \
  -addext "subjectAltName=DNS:q.shanyue.test" \
  -keyout "$work/server.key" -out "$work/server.pem" 2>/dev/null

# A chain of RSA 4096 certificates: a root, four intermediates, the server's.
make_long_chain() {
  [ -f "$work/chain.pem" ] && return 0
  local parent=root i
  openssl req -x509 -newkey rsa:4096 -nodes -days 3650 -subj "/CN=tlsx long chain root CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$work/root.key" -out "$work/root.pem" 2>/dev/null
  : >"$work/chain.pem"
  for i in 1 2 3 4; do
    openssl req -newkey rsa:4096 -nodes -subj "/CN=tlsx long chain intermediate CA $i" \
      -keyout "$work/int$i.key" -out "$work/int$i.csr" 2>/dev/null
    printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' >"$work/ca.ext"
    openssl x509 -req -in "$work/int$i.csr" -CA "$work/$parent.pem" -CAkey "$work/$parent.key" \
      -CAcreateserial -days 3650 -extfile "$work/ca.ext" -out "$work/int$i.pem" 2>/dev/null
    parent=int$i
  done
  openssl req -newkey rsa:4096 -nodes -subj "/CN=q.shanyue.test" \
    -keyout "$work/long.key" -out "$work/long.csr" 2>/dev/null
  printf 'subjectAltName=DNS:q.shanyue.test\n' >"$work/leaf.ext"
  openssl x509 -req -in "$work/long.csr" -CA "$work/int4.pem" -CAkey "$work/int4.key" \
    -CAcreateserial -days 3650 -extfile "$work/leaf.ext" -out "$work/long.pem" 2>/dev/null
  # What the server sends after its own certificate: the intermediates,
  # nearest first (not the root).
  cat "$work/int4.pem" "$work/int3.pem" "$work/int2.pem" "$work/int1.pem" >"$work/chain.pem"
}

# One self-signed ECDSA P-256 certificate.
make_ecdsa() {
  [ -f "$work/ecdsa.pem" ] && return 0
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=q.shanyue.test" -addext "subjectAltName=DNS:q.shanyue.test" \
    -keyout "$work/ecdsa.key" -out "$work/ecdsa.pem" 2>/dev/null
}

# A CA that signs the server's certificate with an OCSP responder URL in it
# (authorityInfoAccess), the responder's index and a good response for it.
make_ocsp_ca() {
  [ -f "$work/ocsp-resp.der" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=tlsx OCSP sample CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
    -keyout "$work/ocspca.key" -out "$work/ocspca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=q.shanyue.test" \
    -keyout "$work/ocspleaf.key" -out "$work/ocspleaf.csr" 2>/dev/null
  printf 'subjectAltName=DNS:q.shanyue.test\nauthorityInfoAccess=OCSP;URI:http://%s:%s/\n' \
    "$ocsp_ip" "$ocsp_port" >"$work/ocspleaf.ext"
  openssl x509 -req -in "$work/ocspleaf.csr" -CA "$work/ocspca.pem" -CAkey "$work/ocspca.key" \
    -set_serial 0x1001 -days 3650 -extfile "$work/ocspleaf.ext" -out "$work/ocspleaf.pem" 2>/dev/null
  # The index of "openssl ca": V(alid), expiry, no revocation, serial, file, subject.
  printf 'V\t351231235959Z\t\t1001\tunknown\t/CN=q.shanyue.test\n' >"$work/ocsp-index.txt"
  openssl ocsp -issuer "$work/ocspca.pem" -cert "$work/ocspleaf.pem" -no_nonce \
    -reqout "$work/ocsp-req.der" >/dev/null 2>&1
  openssl ocsp -index "$work/ocsp-index.txt" -rsigner "$work/ocspca.pem" -rkey "$work/ocspca.key" \
    -CA "$work/ocspca.pem" -ndays 3650 -reqin "$work/ocsp-req.der" -respout "$work/ocsp-resp.der" \
    >/dev/null 2>&1
  [ -s "$work/ocsp-resp.der" ] || fail "openssl ocsp made no response"
}

# --- Servers, captures, clients --------------------------------------------
wait_listening() { # what port
  for _ in $(seq 100); do
    [ -n "$(ins ss -Hltn "sport = :$2")" ] && { sleep 0.2; return 0; }
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  fail "$1 did not start: $(cat "$work/server.log")"
}

# openssl s_server -WWW in the server's namespace, serving the folder
# $work/www (hello.txt, 6 bytes): it answers "GET /hello.txt" and closes the
# connection.  It waits for the listening socket (no probe connection).
mkdir -p "$work/www"
echo hello >"$work/www/hello.txt"
start_server() { # s_server options...
  [ -z "$(ins ss -Hltn "sport = :$port")" ] || fail "port $port is in use"
  (cd "$work/www" && exec ip netns exec "$S" openssl s_server -accept "$server_ip:$port" -WWW \
    -quiet "$@") >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_listening s_server "$port"
}

# openssl s_server in its interactive mode (no -www): stdin is a FIFO held
# open until stop_server.
start_interactive_server() { # s_server options...
  [ -z "$(ins ss -Hltn "sport = :$port")" ] || fail "port $port is in use"
  rm -f "$work/server.in"
  mkfifo "$work/server.in"
  exec 7<>"$work/server.in"
  ip netns exec "$S" openssl s_server -accept "$server_ip:$port" "$@" \
    <"$work/server.in" >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_listening s_server "$port"
}

stop_server() {
  exec 7>&-
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

SERVER=(-cert "$work/server.pem" -key "$work/server.key")

start_capture() { # name
  rm -f "$work/$1.pcapng" "$here/$1.keys" "$work"/keys.*
  ip netns exec "$C" dumpcap -q -i veth-c -f tcp -w "$work/$1.pcapng" 2>"$work/dumpcap.log" &
  capture_pid=$!
  pids+=("$capture_pid")
  for _ in $(seq 50); do
    grep -q "Capturing on" "$work/dumpcap.log" 2>/dev/null && { sleep 0.5; return 0; }
    sleep 0.1
  done
  fail "dumpcap did not start: $(cat "$work/dumpcap.log")"
}

stop_capture() { # name
  sleep 1 # the FINs and last ACKs, a round trip away
  kill -INT "$capture_pid"
  wait "$capture_pid" || true
  cp "$work/$1.pcapng" "$here/$1.pcapng"
  chmod 644 "$here/$1.pcapng"
}

# The key logs of the connections (keys.1, keys.2, ...: the tags are the
# connections' numbers) as the sample's key log.
collect_keys() { # name
  local f
  : >"$here/$1.keys"
  for f in "$work"/keys.*; do [ -f "$f" ] && cat "$f" >>"$here/$1.keys"; done
  chmod 644 "$here/$1.keys"
}

# One curl run in the client's namespace: curl -v GET /hello.txt, its key
# log in keys.TAG, its output in client.TAG.log.
curl_run() { # tag curl-options...
  local tag=$1
  shift
  inc env SSLKEYLOGFILE="$work/keys.$tag" curl -sv -k --max-time 5 \
    --resolve "q.shanyue.test:$port:$server_ip" "$@" "https://q.shanyue.test:$port/hello.txt" \
    >/dev/null 2>"$work/client.$tag.log" || true
}

# One openssl s_client connection in the client's namespace, stdin from the
# caller: key log in keys.TAG, output in client.TAG.log.
s_client_run() { # tag s_client-options...
  local tag=$1
  shift
  inc openssl s_client -connect "$server_ip:$port" -servername q.shanyue.test \
    -keylogfile "$work/keys.$tag" "$@" >"$work/client.$tag.log" 2>&1 || true
}

# The handshake messages of a sample, one line per run of one direction of
# one connection ("STREAM DIR: message, message..."), close_notify alerts
# left out; fails unless they are the lines given.
expect_messages() { # name lines...
  local name=$1 got want
  shift
  got=$(tls_messages_of "$here/$name.pcapng" "$here/$name.keys" |
    grep -v ' Alert Close Notify (0)$' | awk '
    { key = $2 " " $3 ":"; m = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", m)
      if (key == last) line = line ", " m
      else { if (line != "") print line; line = key " " m; last = key } }
    END { if (line != "") print line }')
  want=$(printf '%s\n' "$@")
  if [ "$got" != "$want" ]; then
    echo "make-advice-samples: $name does not hold what it should; it holds:" >&2
    echo "$got" >&2
    echo "make-advice-samples: expected:" >&2
    echo "$want" >&2
    exit 1
  fi
  say "$name:"
  tls_messages_of "$here/$name.pcapng" "$here/$name.keys" | sed 's/^/  /'
}

# A field of the frames a display filter selects, one line per frame.
fields() { # name filter field...
  local name=$1 filter=$2 f args=()
  shift 2
  for f in "$@"; do args+=(-e "$f"); done
  tshark --disable-protocol tlsexplain -r "$here/$name.pcapng" -o "tls.keylog_file:$here/$name.keys" \
    -Y "$filter" -T fields -E occurrence=a -E aggregator=, "${args[@]}" 2>/dev/null
}

# The server's first flight as the client saw it: its TCP segments from the
# Server Hello's to the Server Hello Done's, with the gap before each, the
# client's ACKs among them, and a last line "gap MS after BYTES of TOTAL
# before frame N ..., ack frame A MS": the longest gap, and when the segment
# after it came after the client's last ACK before it.
flight_report() { # name
  tshark --disable-protocol tlsexplain -r "$here/$1.pcapng" -o "tls.keylog_file:$here/$1.keys" \
    -Y "tcp.stream == 0" -T fields -E occurrence=a -E aggregator=, \
    -e frame.number -e frame.time_relative -e ip.src -e tcp.len -e tls.handshake.type \
    -e tcp.ack -e tcp.analysis.initial_rtt 2>/dev/null | python3 -c '
import sys
server = sys.argv[1]
rows = [l.rstrip("\n").split("\t") for l in sys.stdin]
seg, started, done, acks, irtt = [], False, False, [], ""
for no, t, src, n, hs, ack, i in rows:
    irtt = irtt or i
    types = [int(x) for x in hs.split(",") if x]
    if src == server and int(n) and 2 in types:
        started = True
    if not started or done:
        continue
    if src == server and int(n):
        seg.append((int(no), float(t), int(n)))
        done = 14 in types
    elif src != server and not int(n):
        acks.append((int(no), float(t), int(ack)))
total = sum(n for _, _, n in seg)
best, sent = (0.0, 0, 0, 0), 0
for i, (no, t, n) in enumerate(seg):
    gap = t - seg[i - 1][1] if i else 0.0
    for a in acks:
        if (seg[i - 1][0] if i else 0) < a[0] < no:
            print(f"    frame {a[0]:3d}  {a[1]:.6f} s  client ACK (tcp.ack {a[2]})")
    print(f"  frame {no:3d}  {t:.6f} s  {n:5d} bytes" + (f"  +{gap * 1e3:.3f} ms" if i else ""))
    if i and gap > best[0]:
        best = (gap, sent, no, t)
    sent += n
last_ack = max((a for a in acks if a[0] < best[2]), default=None, key=lambda a: a[0])
after = f", {(best[3] - last_ack[1]) * 1e3:.1f} ms after the client ACK frame {last_ack[0]}" if last_ack and best[2] else ""
print(f"initial_rtt {float(irtt) * 1e3:.3f} ms; flight {total} bytes in {len(seg)} segments; "
      f"gap {best[0] * 1e3:.1f} ms after {best[1]} bytes, before frame {best[2]}{after}")
' "$server_ip"
}

# 1. advice-cwnd: TLS 1.2, the server's certificate and four RSA 4096
#    intermediates: its first flight is larger than INITCWND segments, and
#    the rest of it waits for the client's ACK, a round trip.
#    advice-cwnd-small: the same link, one ECDSA certificate: the flight fits.
cwnd_sample() { # name s_server-options...
  local name=$1 report
  shift
  start_server -tls1_2 -no_ticket "$@"
  start_capture "$name"
  curl_run 1 --tlsv1.2 --tls-max 1.2
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  grep -q '^\* SSL connection using TLSv1.2' "$work/client.1.log" ||
    fail "$name: curl did not connect: $(tail -n 3 "$work/client.1.log")"
  expect_messages "$name" \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished"
  report=$(flight_report "$name")
  say "$name: the server's first flight, at the client:"
  echo "$report"
  flight_gap=$(echo "$report" | sed -n 's/.* gap \([0-9.]*\) ms .*/\1/p')
}

make_cwnd() {
  make_long_chain
  cwnd_sample advice-cwnd -cert "$work/long.pem" -key "$work/long.key" -cert_chain "$work/chain.pem"
  python3 -c "import sys; sys.exit(not (${delay_ms} * 2 * 0.8 <= $flight_gap <= ${delay_ms} * 2 * 1.5))" ||
    fail "advice-cwnd: the longest gap in the server's flight is $flight_gap ms, not about a round trip"
}

make_cwnd_small() {
  make_ecdsa
  cwnd_sample advice-cwnd-small -cert "$work/ecdsa.pem" -key "$work/ecdsa.key"
  python3 -c "import sys; sys.exit(not ($flight_gap < 5))" ||
    fail "advice-cwnd-small: a gap of $flight_gap ms in the server's flight"
}

# What a TLS 1.2 full handshake holds, connection by connection, with a
# ticket and without.
tls12_full() { # stream
  printf '%s\n' "$1 OUT: Client Hello" \
    "$1 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "$1 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "$1 IN: Change Cipher Spec, Finished"
}
tls12_full_ticket() { # stream
  printf '%s\n' "$1 OUT: Client Hello" \
    "$1 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "$1 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "$1 IN: New Session Ticket, Change Cipher Spec, Finished"
}
tls13_full() { # stream
  printf '%s\n' "$1 OUT: Client Hello" \
    "$1 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, Finished" \
    "$1 OUT: Change Cipher Spec, Finished" \
    "$1 IN: New Session Ticket, New Session Ticket"
}

# 2. advice-noresume: three curl runs, one after the other, against a TLS 1.2
#    server: curl 7.88 asks for no ticket (it sets SSL_OP_NO_TICKET), so the
#    server gives a session ID (32 bytes) in each Server Hello; each curl is
#    a new process with an empty session cache, so each connection is a full
#    handshake although the first one could have been resumed.
#    advice-noresume-tls13: the same with TLS 1.3 (two tickets each time).
make_noresume() {
  local name=advice-noresume i want
  start_server -tls1_2 "${SERVER[@]}"
  start_capture "$name"
  for i in 1 2 3; do curl_run "$i" --tlsv1.2 --tls-max 1.2; sleep 0.3; done
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  mapfile -t want < <(tls12_full 0; tls12_full 1; tls12_full 2)
  expect_messages "$name" "${want[@]}"
  [ "$(fields "$name" "tls.handshake.type == 2" tls.handshake.session_id_length | sort -u)" = 32 ] ||
    fail "$name: not every Server Hello has a session ID"
}

make_noresume_tls13() {
  local name=advice-noresume-tls13 i want
  start_server -tls1_3 "${SERVER[@]}"
  start_capture "$name"
  for i in 1 2 3; do curl_run "$i" --tlsv1.3; sleep 0.3; done
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  mapfile -t want < <(tls13_full 0; tls13_full 1; tls13_full 2)
  expect_messages "$name" "${want[@]}"
}

# advice-resume, the control: openssl s_client three times against the same
# TLS 1.2 server; the first saves its session (with the server's ticket,
# -sess_out), the second and third resume it (-sess_in): abbreviated
# handshakes.
make_resume() {
  local name=advice-resume i
  start_server -tls1_2 "${SERVER[@]}"
  start_capture "$name"
  printf 'GET /hello.txt HTTP/1.0\r\n\r\n' |
    s_client_run 1 -tls1_2 -ign_eof -sess_out "$work/session.pem"
  for i in 2 3; do
    sleep 0.3
    printf 'GET /hello.txt HTTP/1.0\r\n\r\n' |
      s_client_run "$i" -tls1_2 -ign_eof -sess_in "$work/session.pem"
  done
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  for i in 2 3; do
    grep -q '^Reused, TLSv1.2' "$work/client.$i.log" || fail "$name: connection $i was not resumed"
  done
  expect_messages "$name" "$(tls12_full_ticket 0)" \
    "1 OUT: Client Hello" "1 IN: Server Hello, Change Cipher Spec, Finished" \
    "1 OUT: Change Cipher Spec, Finished" \
    "2 OUT: Client Hello" "2 IN: Server Hello, Change Cipher Spec, Finished" \
    "2 OUT: Change Cipher Spec, Finished"
}

# 3. advice-tls12: curl offers TLS 1.3 and 1.2 (its default), the server
#    speaks only TLS 1.2.
make_tls12() {
  local name=advice-tls12
  start_server -tls1_2 -no_ticket "${SERVER[@]}"
  start_capture "$name"
  curl_run 1
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  fields "$name" "tls.handshake.type == 1" tls.handshake.extensions.supported_version |
    grep -q '0x0304' || fail "$name: the Client Hello does not offer TLS 1.3"
  expect_messages "$name" "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished"
}

# 4. advice-ocsp: openssl s_client -status asks for a stapled OCSP response
#    (status_request), the server has none to staple; then, as a browser
#    would, the client asks the OCSP responder named in the certificate
#    (http://10.50.0.3:8080/, openssl ocsp -port in the server's namespace)
#    itself: an HTTP POST.  No real client at hand does that fetch by itself
#    (s_client and curl do not), so the script runs openssl ocsp -url right
#    after the handshake.  advice-ocsp-stapled, the control: the server
#    staples a response (s_server -status_file, made by openssl ocsp from the
#    script's CA), the client makes no request of its own.
make_ocsp() {
  local name=advice-ocsp
  make_ocsp_ca
  ip netns exec "$S" openssl ocsp -index "$work/ocsp-index.txt" -port "$ocsp_port" \
    -rsigner "$work/ocspca.pem" -rkey "$work/ocspca.key" -CA "$work/ocspca.pem" -ndays 7 \
    >"$work/ocsp.log" 2>&1 &
  ocsp_pid=$!
  pids+=("$ocsp_pid")
  server_pid=$ocsp_pid wait_listening "openssl ocsp" "$ocsp_port"
  start_server -tls1_2 -no_ticket -cert "$work/ocspleaf.pem" -key "$work/ocspleaf.key"
  start_capture "$name"
  printf 'GET /hello.txt HTTP/1.0\r\n\r\n' |
    s_client_run 1 -tls1_2 -ign_eof -status -CAfile "$work/ocspca.pem"
  inc openssl ocsp -issuer "$work/ocspca.pem" -cert "$work/ocspleaf.pem" \
    -url "http://$ocsp_ip:$ocsp_port/" -CAfile "$work/ocspca.pem" >"$work/ocsp-client.log" 2>&1 ||
    fail "$name: the OCSP request failed: $(cat "$work/ocsp-client.log")"
  stop_capture "$name"
  stop_server
  kill "$ocsp_pid" 2>/dev/null || true
  wait "$ocsp_pid" 2>/dev/null || true
  collect_keys "$name"
  grep -q '^OCSP response: no response sent' "$work/client.1.log" ||
    fail "$name: s_client did not say the server sent no OCSP response"
  grep -q ': good$' "$work/ocsp-client.log" || fail "$name: the responder did not say good"
  say "$name: openssl ocsp: $(tr '\n' ' ' <"$work/ocsp-client.log")"
  fields "$name" "ocsp" frame.number ip.dst tcp.dstport http.request.method http.response.code \
    ocsp.responseStatus | sed "s/^/make-advice-samples: $name: OCSP: /"
  [ "$(fields "$name" "ocsp" frame.number | wc -l)" -eq 2 ] ||
    fail "$name: no OCSP request and response in the capture"
  expect_messages "$name" "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished"
}

make_ocsp_stapled() {
  local name=advice-ocsp-stapled
  make_ocsp_ca
  start_server -tls1_2 -no_ticket -cert "$work/ocspleaf.pem" -key "$work/ocspleaf.key" \
    -status_file "$work/ocsp-resp.der"
  start_capture "$name"
  printf 'GET /hello.txt HTTP/1.0\r\n\r\n' |
    s_client_run 1 -tls1_2 -ign_eof -status -CAfile "$work/ocspca.pem"
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  grep -q 'Cert Status: good' "$work/client.1.log" ||
    fail "$name: s_client got no good OCSP response: $(grep -A3 '^OCSP' "$work/client.1.log")"
  expect_messages "$name" "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Certificate Status, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished"
}

# 5. advice-falsestart: falsestart-client.c (GnuTLS with
#    GNUTLS_ENABLE_FALSE_START, TLS 1.2 only) against s_server -tls1_2 -cipher
#    ECDHE-RSA-AES128-GCM-SHA256 (ECDHE and an AEAD suite): the client sends
#    its request (application data) right after its Finished, before the
#    server's Change Cipher Spec and Finished arrive a round trip later.
#    GnuTLS writes the key log named by SSLKEYLOGFILE.
make_falsestart() {
  local name=advice-falsestart app ccs
  gcc -O2 -Wall -o "$work/falsestart-client" "$here/falsestart-client.c" \
    $(pkg-config --cflags --libs gnutls) || fail "cannot build falsestart-client.c (libgnutls28-dev)"
  start_server -tls1_2 -no_ticket -cipher ECDHE-RSA-AES128-GCM-SHA256 "${SERVER[@]}"
  start_capture "$name"
  inc env SSLKEYLOGFILE="$work/keys.1" timeout 5 "$work/falsestart-client" "$server_ip" "$port" \
    q.shanyue.test $'GET /hello.txt HTTP/1.0\r\n\r\n' >"$work/client.1.log" 2>&1 || true
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  grep -q 'false start: yes' "$work/client.1.log" ||
    fail "$name: GnuTLS did not use False Start: $(cat "$work/client.1.log")"
  grep -q 'HTTP/1.0 200' "$work/client.1.log" || fail "$name: no answer: $(cat "$work/client.1.log")"
  expect_messages "$name" "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished"
  app=$(fields "$name" "ip.src == $client_ip and tls.record.content_type == 23" frame.number | head -n 1)
  ccs=$(fields "$name" "ip.src == $server_ip and tls.record.content_type == 20" frame.number | head -n 1)
  [ -n "$app" ] && [ "$app" -lt "$ccs" ] ||
    fail "$name: the client's first application data (frame $app) is not before the server's CCS (frame $ccs)"
  say "$name: the client's application data frame $app, the server's CCS and Finished frame $ccs:"
  fields "$name" "tcp.len > 0" frame.number frame.time_relative ip.src tls.record.content_type | sed 's/^/  /'
}

# The extension types (decimal) of the first message of a type, one a line.
extension_types() { # name handshake-type
  fields "$1" "tls.handshake.type == $2" tls.handshake.extension.type | head -n 1 | tr , '\n'
}

# 6. Security notes.  advice-legacy-tls10: TLS 1.0 (openssl 3.0 speaks it only
#    at security level 0, on both sides), ECDHE-RSA-AES256-SHA with
#    encrypt_then_mac.  advice-legacy-cbc: TLS 1.2 with a CBC suite,
#    ECDHE-RSA-AES128-SHA256, and the server turns encrypt_then_mac off
#    (s_server -no_etm): curl offers the extension, the Server Hello does not
#    have it, so records are MAC-then-encrypt.  (RSA key exchange: tls12-rsa.)
make_legacy_tls10() {
  local name=advice-legacy-tls10
  start_server -tls1 -no_ticket -cipher 'DEFAULT@SECLEVEL=0' "${SERVER[@]}"
  start_capture "$name"
  curl_run 1 --tlsv1.0 --tls-max 1.0 --ciphers 'DEFAULT@SECLEVEL=0'
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  grep -q '^\* SSL connection using TLSv1 /' "$work/client.1.log" ||
    fail "$name: not TLS 1.0: $(grep '^\* SSL' "$work/client.1.log")"
  [ "$(fields "$name" "tls.handshake.type == 2" tls.handshake.version)" = 0x0301 ] ||
    fail "$name: the Server Hello is not TLS 1.0"
  expect_messages "$name" "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished"
  say "$name: $(grep '^\* SSL connection' "$work/client.1.log"); Server Hello extensions: $(extension_types "$name" 2 | tr '\n' ' ')"
}

make_legacy_cbc() {
  local name=advice-legacy-cbc
  start_server -tls1_2 -no_ticket -no_etm -cipher ECDHE-RSA-AES128-SHA256 "${SERVER[@]}"
  start_capture "$name"
  curl_run 1 --tlsv1.2 --tls-max 1.2 --ciphers ECDHE-RSA-AES128-SHA256
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  grep -q '^\* SSL connection using TLSv1.2 / ECDHE-RSA-AES128-SHA256' "$work/client.1.log" ||
    fail "$name: not ECDHE-RSA-AES128-SHA256: $(grep '^\* SSL' "$work/client.1.log")"
  extension_types "$name" 1 | grep -qx 22 || fail "$name: curl did not offer encrypt_then_mac"
  ! extension_types "$name" 2 | grep -qx 22 || fail "$name: the Server Hello has encrypt_then_mac"
  expect_messages "$name" "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished"
  say "$name: Client Hello extensions: $(extension_types "$name" 1 | tr '\n' ' '); Server Hello extensions: $(extension_types "$name" 2 | tr '\n' ' ')"
}

# 7. advice-0rtt-rejected: openssl s_client gets a ticket that allows early
#    data from s_server -early_data, then the server is restarted (a new
#    process, new ticket keys) and the client offers the ticket with early
#    data: the server cannot read the ticket, makes a full handshake and
#    skips the early data (no early_data in its Encrypted Extensions, no End
#    Of Early Data from the client).  s_server runs without -WWW, as in
#    tls13-0rtt, and the clients close the connections.
make_0rtt_rejected() {
  local name=advice-0rtt-rejected
  printf 'GET /early HTTP/1.0\r\n\r\n' >"$work/early.txt"
  rm -f "$work/session.pem"
  start_interactive_server -tls1_3 -early_data "${SERVER[@]}"
  start_capture "$name"
  { printf 'first\n'; sleep 1; } | s_client_run 1 -tls1_3 -sess_out "$work/session.pem"
  [ -s "$work/session.pem" ] || fail "$name: s_client saved no session"
  stop_server
  start_interactive_server -tls1_3 -early_data "${SERVER[@]}"
  { sleep 1; printf 'second\n'; sleep 0.5; } |
    s_client_run 2 -tls1_3 -sess_in "$work/session.pem" -early_data "$work/early.txt"
  stop_capture "$name"
  stop_server
  collect_keys "$name"
  grep -q 'Early data was rejected' "$work/client.2.log" ||
    fail "$name: the server did not reject the early data: $(grep -i early "$work/client.2.log")"
  ! grep -q '^Reused, ' "$work/client.2.log" || fail "$name: the second connection was resumed"
  # The second Client Hello offers early_data (42) and a pre_shared_key (41);
  # the server's Server Hello and Encrypted Extensions have neither.
  local offered answered
  offered=$(fields "$name" "tcp.stream == 1 and tls.handshake.type == 1" tls.handshake.extension.type)
  answered=$(fields "$name" "tcp.stream == 1 and tls.handshake.type == 2" tls.handshake.extension.type)
  [[ ",$offered," == *,42,* && ",$offered," == *,41,* ]] ||
    fail "$name: the second Client Hello offers no early data and PSK: $offered"
  case ",$answered," in *,41,* | *,42,*) fail "$name: the server took the PSK or the early data: $answered" ;; esac
  expect_messages "$name" "$(tls13_full 0)" \
    "1 OUT: Client Hello, Change Cipher Spec" \
    "1 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, Finished" \
    "1 OUT: Finished" \
    "1 IN: New Session Ticket, New Session Ticket"
  say "$name: the client's records on tcp.stream 1:"
  fields "$name" "tcp.stream == 1 and ip.src == $client_ip and tls" frame.number tls.record.content_type \
    tls.record.opaque_type tls.handshake.type | sed 's/^/  /'
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(cwnd cwnd-small noresume noresume-tls13 resume tls12 ocsp
  ocsp-stapled falsestart legacy-tls10 legacy-cbc 0rtt-rejected)
for t in "${targets[@]}"; do
  say "advice-$t"
  "make_${t//-/_}"
done
kill -USR1 "${pids[0]}" && sleep 0.3
sed 's/^delay-relay: /make-advice-samples: relay: /' "$work/relay.err"
