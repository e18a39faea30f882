#!/usr/bin/env bash
# Makes the DTLS, QUIC and STARTTLS samples: real handshakes captured with
# dumpcap, with their NSS key logs.  Needs root (network namespaces, dumpcap),
# ip, nft, ss, gcc with libssl-dev, openssl 3.0, python3, tshark 4.0 and
# Debian's ngtcp2-client/ngtcp2-server (GnuTLS examples gtlsclient and
# gtlsserver, which write the key log named by SSLKEYLOGFILE).
#
#   samples/make-transport-samples.sh                 all samples
#   samples/make-transport-samples.sh dtls12-cookie   one of them (or several)
#
# Each sample runs in a network namespace of its own, on its loopback (and,
# for dtls12-retransmit and quic-retransmit, a veth pair to a second
# namespace), so that nothing else on the host ends up in a capture and the
# host's ports are left alone.  Each capture is checked with tshark (the
# tlsexplain plugin disabled, if installed): the script fails unless it holds
# the handshake messages samples/README.md lists for it.  Regenerating changes
# times, randoms and keys, never those messages.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
me=make-transport-samples

fail() {
  echo "$me: $*" >&2
  exit 1
}

pids=()
kill_pids() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}

# --- Outside: the work directory, the certificate, the namespaces. ----------

all=(dtls12-cookie dtls12-nocookie dtls12-fragmented dtls12-retransmit dtls10-cookie
  quic-full quic-resume quic-retry quic-retransmit starttls-smtp starttls-imap starttls-pop3
  starttls-ftp starttls-ldap)

outside() {
  local tool
  for tool in ip nft ss gcc openssl python3 dumpcap tshark gtlsclient gtlsserver; do
    command -v "$tool" >/dev/null || fail "$tool is missing"
  done
  [ "$(id -u)" -eq 0 ] || fail "run as root: it makes network namespaces and captures"
  local name
  for name in "$@"; do
    [[ " ${all[*]} " == *" $name "* ]] || fail "no sample $name (samples: ${all[*]})"
  done

  work=$(mktemp -d /tmp/tlsx-transport-XXXXXX)
  namespaces=()
  cleanup() {
    local ns
    for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
    rm -rf "$work"
  }
  trap cleanup EXIT

  # A throw-away certificate, as in make-samples.sh.
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=q.shanyue.test" \
    -addext "subjectAltName=DNS:q.shanyue.test" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
  gcc -O2 -Wall -o "$work/dtls-nocookie-server" "$here/dtls-nocookie-server.c" -lssl -lcrypto

  for name in "${@:-${all[@]}}"; do
    echo "$me: $name"
    local ns=tlsx-$$-s peer=tlsx-$$-c
    ip netns add "$ns"
    namespaces+=("$ns")
    # gso_max_segs 1: the kernel cuts a GSO send (ngtcp2 sends several QUIC
    # datagrams in one with UDP_SEGMENT) into its datagrams before the capture
    # point, so that each frame is one datagram as on a wire.
    ip netns exec "$ns" ip link set lo up gso_max_segs 1
    case $name in
      *-retransmit)
        # The client's namespace, joined to the server's by a veth pair.
        ip netns add "$peer"
        namespaces+=("$peer")
        ip netns exec "$peer" ip link set lo up gso_max_segs 1
        ip link add tlsx-srv netns "$ns" type veth peer name tlsx-cli netns "$peer"
        ip netns exec "$ns" ip addr add 10.77.0.1/24 dev tlsx-srv
        ip netns exec "$peer" ip addr add 10.77.0.2/24 dev tlsx-cli
        ip netns exec "$ns" ip link set tlsx-srv up gso_max_segs 1
        ip netns exec "$peer" ip link set tlsx-cli up gso_max_segs 1
        ;;
    esac
    TLSX_WORK=$work TLSX_PEER=$peer ip netns exec "$ns" bash "$0" --inside "$name"
    ip netns del "$ns"
    ip netns del "$peer" 2>/dev/null || true
    namespaces=()
  done
}

# --- Inside a sample's namespace. --------------------------------------------

capture_pid=
# start_dumpcap.
. "$here/sample-lib.sh"

start_capture() { # name interface filter
  start_dumpcap "$work/$1.pcapng" "$2" "$3" "$work/dumpcap.log" || fail "dumpcap did not start"
}

stop_capture() { # name
  sleep 0.5
  kill -INT "$capture_pid"
  wait "$capture_pid" || true
  cp "$work/$1.pcapng" "$here/$1.pcapng"
  chmod 644 "$here/$1.pcapng" "$here/$1.keys"
}

# Waits until a file holds a line matching a pattern.
wait_for() { # file pattern what
  for _ in $(seq 100); do
    grep -q -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "$3: $(tail -5 "$1" 2>/dev/null)"
}

wait_listening() { # -u|-t port
  for _ in $(seq 50); do
    [ -n "$(ss -Hln "$1" "sport = :$2")" ] && return 0
    sleep 0.1
  done
  fail "nothing listens on port $2: $(cat "$work/server.log")"
}

# Waits for a process to end on its own, at most some seconds.
wait_pid() { # pid seconds what
  for _ in $(seq $(($2 * 10))); do
    kill -0 "$1" 2>/dev/null || { wait "$1" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  fail "$3 did not end"
}

# tshark on a sample with its key log, the tlsexplain plugin (if installed)
# disabled.
tshark_sample() { # name tshark-options...
  local name=$1
  shift
  tshark --disable-protocol tlsexplain -r "$here/$name.pcapng" \
    -o "tls.keylog_file:$here/$name.keys" "$@" 2>/dev/null
}

# The frames that hold handshake messages, with the messages' types:
# "frame:type,type frame:type ..." (proto is tls or dtls).
handshake_frames() { # name proto
  tshark_sample "$1" -Y "$2.handshake.type" -T fields -e frame.number -e "$2.handshake.type" |
    awk '{ printf "%s%s:%s", sep, $1, $2; sep = " " }'
}

check_frames() { # name proto expected
  local got
  got=$(handshake_frames "$1" "$2")
  [ "$got" = "$3" ] || fail "$1 holds '$got', expected '$3'"
  echo "  $1: $got"
}

# The handshake types in order, frames aside: "1 2 8 11 ...".
handshake_types() { # name proto [display filter]
  tshark_sample "$1" -Y "$2.handshake.type${3:+ && ($3)}" -T fields -e "$2.handshake.type" |
    tr ',\n' '  ' | sed 's/ $//'
}

check_types() { # name proto expected [display filter]
  local got
  got=$(handshake_types "$1" "$2" "${4:-}")
  [ "$got" = "$3" ] || fail "$1 holds '$got'${4:+ in '$4'}, expected '$3'"
  echo "  $1${4:+ ($4)}: $got"
}

# The frame numbers a display filter selects, "1 2 ...".
frames_of() { # name filter
  tshark_sample "$1" -Y "$2" -T fields -e frame.number | tr '\n' ' ' | sed 's/ $//'
}

check_filter() { # name filter expected-frames
  local got
  got=$(frames_of "$1" "$2")
  [ "$got" = "$3" ] || fail "$1: '$2' selects frames '$got', expected '$3'"
  echo "  $1: $2: frames $got"
}

# The client's namespace's nftables rule (see make_dtls12_retransmit) dropped
# one datagram, once.
check_dropped_one() { # name
  local table
  table=$(ip netns exec "$client_ns" nft list table inet tlsx_drop)
  [[ $table == *"counter packets 1 bytes"* ]] ||
    fail "$1: nftables did not drop exactly one datagram: $table"
}

# --- DTLS ---------------------------------------------------------------------

DTLS_PORT=4433

# One DTLS session: the server (command and options in the arguments) is
# started, the capture and then s_client; each sends one line once the other
# has its, then the client closes (close_notify both ways).  Server and client
# read their lines from FIFOs.
dtls_session() { # name interface server-address client-options -- server-command...
  local name=$1 iface=$2 addr=$3 client_opts=()
  shift 3
  while [ "$1" != -- ]; do client_opts+=("$1"); shift; done
  shift
  rm -f "$here/$name.keys" "$work"/{server,client}.{in,log}
  mkfifo "$work/server.in" "$work/client.in"
  "$@" <"$work/server.in" >"$work/server.log" 2>&1 &
  local server=$!
  pids+=("$server")
  exec 7>"$work/server.in"
  wait_listening -u "$DTLS_PORT"
  start_capture "$name" "$iface" "udp port $DTLS_PORT"
  ${client_ns:+ip netns exec "$client_ns"} openssl s_client "${client_opts[@]}" \
    -connect "$addr:$DTLS_PORT" -keylogfile "$here/$name.keys" -quiet -no_ign_eof \
    <"$work/client.in" >"$work/client.log" 2>&1 &
  local client=$!
  pids+=("$client")
  exec 8>"$work/client.in"
  # s_client prints the verification of the server's certificate when it has
  # it: then its line, which it sends once the handshake is over.
  wait_for "$work/client.log" "verify return" "$name: s_client got no certificate"
  echo "hello from the client" >&8
  wait_for "$work/server.log" "hello from the client" "$name: the server got no line"
  # (the nocookie server answers by itself)
  echo "hello from the server" >&7 2>/dev/null || true
  wait_for "$work/client.log" "hello from the server" "$name: the client got no line"
  exec 8>&-
  wait_pid "$client" 5 "$name: s_client"
  wait_pid "$server" 5 "$name: the server"
  exec 7>&-
  stop_capture "$name"
}

s_server_dtls() { # options...
  echo openssl s_server -accept "$DTLS_PORT" -cert "$work/cert.pem" -key "$work/key.pem" \
    -no_ticket -naccept 1 -quiet "$@"
}

# 1. DTLS 1.2 with the cookie exchange: s_server -listen (DTLSv1_listen, which
#    answers the first Client Hello statelessly with a Hello Verify Request).
make_dtls12_cookie() {
  dtls_session dtls12-cookie lo 127.0.0.1 -dtls1_2 -mtu 1400 -- \
    $(s_server_dtls -dtls1_2 -mtu 1400 -listen)
  check_frames dtls12-cookie dtls "1:1 2:3 3:1 4:2,11,12,14 5:16,20 6:20"
  check_filter dtls12-cookie "dtls.handshake.type == 3" "2"
}

# 2. DTLS 1.2 without the cookie exchange: openssl s_server cannot (it always
#    sets SSL_OP_COOKIE_EXCHANGE for DTLS), dtls-nocookie-server.c does.
make_dtls12_nocookie() {
  dtls_session dtls12-nocookie lo 127.0.0.1 -dtls1_2 -mtu 1400 -- \
    "$work/dtls-nocookie-server" "$DTLS_PORT" "$work/cert.pem" "$work/key.pem"
  check_frames dtls12-nocookie dtls "1:1 2:2,11,12,14 3:16,20 4:20"
}

# 3. Fragments: a link MTU of 400 bytes on both sides, so that the server's
#    Certificate (about 800 bytes) goes in three fragments, each in a datagram
#    of its own, and its Server Key Exchange in two.
make_dtls12_fragmented() {
  dtls_session dtls12-fragmented lo 127.0.0.1 -dtls1_2 -mtu 400 -- \
    $(s_server_dtls -dtls1_2 -mtu 400 -listen)
  check_frames dtls12-fragmented dtls "1:1 2:3 3:1 4:2,11 5:11 6:11,12 7:12,14 8:16,20 9:20"
  # Frames 4 to 6 hold fragments of the Certificate, reassembled in frame 6.
  check_filter dtls12-fragmented "dtls.handshake.type == 11 && dtls.handshake.fragment_length < dtls.handshake.length" "4 5 6"
  check_filter dtls12-fragmented "dtls.fragment.count == 3" "6"
}

# 4. A flight lost after the capture point: client and server in two
#    namespaces joined by a veth pair, captured on the server's side; in the
#    client's namespace nftables drops the first datagram of the server's last
#    flight (Change Cipher Spec, Finished: the first server datagram that
#    starts with a Change Cipher Spec record, content type 20).  s_client's
#    timer (1 s) fires and it sends its whole last flight again; s_server,
#    seeing the client's Finished again, sends its Change Cipher Spec and
#    Finished again.
# Drops, in the client's namespace (after the capture point, which is on the
# server's side), the first datagram that matches: later ones pass.
drop_first() { # nft match
  client_ns=$TLSX_PEER
  ip netns exec "$client_ns" nft -f - <<NFT
table inet tlsx_drop {
  set dropped { type inet_service; flags dynamic; }
  chain input {
    type filter hook input priority 0; policy accept;
    $1 udp sport @dropped accept
    $1 add @dropped { udp sport } counter drop
  }
}
NFT
}

make_dtls12_retransmit() {
  local name=dtls12-retransmit
  drop_first "udp sport $DTLS_PORT @th,64,8 20"
  dtls_session "$name" tlsx-srv 10.77.0.1 -dtls1_2 -mtu 1400 -- \
    $(s_server_dtls -dtls1_2 -mtu 1400 -listen)
  check_dropped_one "$name"
  client_ns=
  # openssl sends each message of a flight again in a datagram of its own:
  # Client Key Exchange 7, Change Cipher Spec 8, Finished 9; the server's
  # Change Cipher Spec 10 and Finished 11.
  check_frames "$name" dtls "1:1 2:3 3:1 4:2,11,12,14 5:16,20 6:20 7:16 9:20 11:20"
  check_filter "$name" "dtls.record.content_type == 20" "5 6 8 10"
  # The client's flight again, after its timer: at least 0.9 s after frame 6.
  local gap
  gap=$(tshark_sample "$name" -Y "frame.number == 7" -T fields -e frame.time_delta)
  awk -v g="$gap" 'BEGIN { exit !(g >= 0.9) }' ||
    fail "$name: frame 7 came $gap s after frame 6, not after s_client's timer"
  echo "  $name: the client's flight again after $gap s"
}

# 5. DTLS 1.0 (openssl 3.0 still has it, at security level 0: its PRF and
#    signatures use MD5 and SHA-1), with the cookie exchange.
make_dtls10_cookie() {
  dtls_session dtls10-cookie lo 127.0.0.1 -dtls1 -mtu 1400 -cipher DEFAULT@SECLEVEL=0 -- \
    $(s_server_dtls -dtls1 -mtu 1400 -listen -cipher DEFAULT@SECLEVEL=0)
  check_frames dtls10-cookie dtls "1:1 2:3 3:1 4:2,11,12,14 5:16,20 6:20"
  check_filter dtls10-cookie "dtls.record.version == 0xfeff && dtls.handshake.type == 2" "4"
}

# --- QUIC ---------------------------------------------------------------------

QUIC_PORT=443

start_quic_server() { # gtlsserver-options...
  mkdir -p "$work/htdocs"
  printf 'hello\n' >"$work/htdocs/index.html"
  gtlsserver -q -d "$work/htdocs" "$@" 127.0.0.1 "$QUIC_PORT" "$work/key.pem" "$work/cert.pem" \
    >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_listening -u "$QUIC_PORT"
}

quic_client() { # keylog gtlsclient-options...
  local keys=$1
  shift
  SSLKEYLOGFILE=$keys timeout 10 ${client_ns:+ip netns exec "$client_ns"} gtlsclient \
    --exit-on-first-stream-close "$@" "${quic_addr:-127.0.0.1}" "$QUIC_PORT" \
    https://q.shanyue.test/index.html >>"$work/client.log" 2>&1 ||
    fail "gtlsclient failed: $(tail -5 "$work/client.log")"
}

# Without keys the Initial packets still show the Client Hello and the
# Server Hello.
check_without_keys() { # name expected-types
  local got
  got=$(tshark --disable-protocol tlsexplain -r "$here/$1.pcapng" -Y tls.handshake.type \
    -T fields -e tls.handshake.type 2>/dev/null | tr ',\n' '  ' | sed 's/ $//')
  [ "$got" = "$2" ] || fail "$1 without keys holds '$got', expected '$2'"
  echo "  $1 without keys: $got"
}

# 6. QUIC with GnuTLS: one HTTP/3 request, then the client exits.
make_quic_full() {
  local name=quic-full
  rm -f "$here/$name.keys" "$work/client.log"
  start_quic_server
  start_capture "$name" lo "udp port $QUIC_PORT"
  quic_client "$here/$name.keys" -q
  stop_capture "$name"
  kill_pids
  check_types "$name" tls "1 2 8 11 15 20 20 4"
  check_without_keys "$name" "1 2"
}

# 7. QUIC resumption with 0-RTT: a first connection saves the session ticket
#    and the server's transport parameters, the second resumes (PSK) and sends
#    its request as 0-RTT data.
make_quic_resume() {
  local name=quic-resume
  rm -f "$here/$name.keys" "$work/client.log" "$work/session.pem" "$work/tp.txt"
  start_quic_server
  start_capture "$name" lo "udp port $QUIC_PORT"
  quic_client "$here/$name.keys" -q --session-file "$work/session.pem" --tp-file "$work/tp.txt"
  [ -s "$work/session.pem" ] && [ -s "$work/tp.txt" ] ||
    fail "$name: gtlsclient saved no session or transport parameters"
  quic_client "$here/$name.keys" -q --session-file "$work/session.pem" --tp-file "$work/tp.txt"
  stop_capture "$name"
  kill_pids
  # Connection 1: full handshake and a New Session Ticket; connection 2:
  # Client Hello with pre_shared_key (41) and early_data (42), Encrypted
  # Extensions with early_data (the server accepts the 0-RTT data), no
  # Certificate; QUIC has no End Of Early Data.
  check_types "$name" tls "1 2 8 11 15 20 20 4 1 2 8 20 20 4"
  local hello2
  hello2=$(frames_of "$name" "tls.handshake.type == 1" | cut -d' ' -f2)
  check_filter "$name" "tls.handshake.type == 1 && tls.handshake.extension.type == 41 && tls.handshake.extension.type == 42" "$hello2"
  [ -n "$(frames_of "$name" "tls.handshake.type == 8 && tls.handshake.extension.type == 42")" ] ||
    fail "$name: the server did not accept the 0-RTT data"
  # The 0-RTT packets, decrypted with CLIENT_EARLY_TRAFFIC_SECRET.
  local early
  early=$(frames_of "$name" "quic.long.packet_type == 1 && quic.stream.stream_id == 0")
  [ -n "$early" ] || fail "$name holds no readable 0-RTT request"
  echo "  $name: 0-RTT request in frame $early"
  check_without_keys "$name" "1 2 1 2"
}

# 8. QUIC with a Retry: gtlsserver -V (--validate-addr) answers the first
#    Initial with a Retry packet and a token; the client sends its Client Hello
#    again, in a new Initial with the token (new connection IDs, new Initial
#    keys).  Wireshark sees the same CRYPTO data at offset 0 again, marks it
#    quic.retransmission and does not hand it to TLS again: the second Client
#    Hello shows no tls.handshake.type.
make_quic_retry() {
  local name=quic-retry
  rm -f "$here/$name.keys" "$work/client.log"
  start_quic_server -V
  start_capture "$name" lo "udp port $QUIC_PORT"
  quic_client "$here/$name.keys" -q
  stop_capture "$name"
  kill_pids
  check_types "$name" tls "1 2 8 11 15 20 20 4"
  check_filter "$name" "quic.long.packet_type == 3" "2"
  check_filter "$name" "quic.long.packet_type == 0 && quic.token_length > 0" "3"
  check_filter "$name" "quic.retransmission && quic.long.packet_type == 0" "3"
  check_without_keys "$name" "1 2"
}

# 9. A QUIC datagram lost after the capture point, as in dtls12-retransmit:
#    in the client's namespace nftables drops the first datagram of more than
#    1000 bytes from the server, its first (Initial with the Server Hello,
#    Handshake with the Encrypted Extensions).  The rest of the server's flight
#    arrives but cannot be read without it; the client's probe timer (about
#    1 s) fires, it sends its Initial again (new packet number, the same CRYPTO
#    data at offset 0), and the server sends its Initial and Handshake CRYPTO
#    data again in new packets.  Wireshark marks every CRYPTO frame that
#    repeats an offset quic.retransmission and does not hand it to TLS again:
#    the handshake messages stay in the frames of the first sending.
make_quic_retransmit() {
  local name=quic-retransmit
  drop_first "udp sport $QUIC_PORT udp length > 1000"
  rm -f "$here/$name.keys" "$work/client.log"
  mkdir -p "$work/htdocs"
  printf 'hello\n' >"$work/htdocs/index.html"
  gtlsserver -q -d "$work/htdocs" 10.77.0.1 "$QUIC_PORT" "$work/key.pem" "$work/cert.pem" \
    >"$work/server.log" 2>&1 &
  pids+=($!)
  wait_listening -u "$QUIC_PORT"
  start_capture "$name" tlsx-srv "udp port $QUIC_PORT"
  quic_addr=10.77.0.1 quic_client "$here/$name.keys" -q
  stop_capture "$name"
  kill_pids
  check_dropped_one "$name"
  client_ns=
  check_types "$name" tls "1 2 8 11 15 20 20 4"
  # The Server Hello only in the lost datagram, frame 2.
  check_filter "$name" "tls.handshake.type == 2" "2"
  # The client's Initial again, after its timer.
  check_filter "$name" "quic.retransmission && ip.src == 10.77.0.2" "4"
  local again
  again=$(frames_of "$name" "quic.retransmission && ip.src == 10.77.0.1 && frame.time_relative > 0.5")
  [ -n "$again" ] || fail "$name: the server sent nothing again"
  [ -z "$(frames_of "$name" "quic.retransmission && tls.handshake.type")" ] ||
    fail "$name: a retransmitted CRYPTO frame reached TLS"
  echo "  $name: the server's CRYPTO data again in frames $again"
}

# --- STARTTLS -----------------------------------------------------------------

# openssl s_client -starttls against samples/starttls-server.py, on the
# protocol's standard port (so that Wireshark picks the dissector).  The
# client sends the protocol's goodbye once it has the server's ticket.
starttls_session() { # name protocol port goodbye
  local name=$1
  rm -f "$here/$name.keys" "$work/client.in"
  python3 "$here/starttls-server.py" "$2" "$3" "$work/cert.pem" "$work/key.pem" \
    >"$work/server.log" 2>&1 &
  local server=$!
  pids+=("$server")
  wait_listening -t "$3"
  start_capture "$name" lo "tcp port $3"
  mkfifo "$work/client.in"
  openssl s_client -starttls "$2" -connect "127.0.0.1:$3" -keylogfile "$here/$name.keys" \
    -quiet <"$work/client.in" >"$work/client.log" 2>&1 &
  local client=$!
  pids+=("$client")
  exec 8>"$work/client.in"
  wait_for "$work/client.log" "verify return" "$name: s_client got no certificate"
  sleep 0.5
  printf '%s\r\n' "$4" >&8
  wait_pid "$server" 5 "$name: starttls-server.py"
  wait_pid "$client" 5 "$name: s_client"
  exec 8>&-
  stop_capture "$name"
}

# The plaintext command, the server's answer, then the TLS handshake in the
# same TCP connection.
check_starttls() { # name command-filter reply-filter
  local name=$1 command reply hello streams
  command=$(frames_of "$name" "$2")
  reply=$(frames_of "$name" "$3")
  hello=$(frames_of "$name" "tls.handshake.type == 1")
  [ -n "$command" ] && [ -n "$reply" ] && [ -n "$hello" ] ||
    fail "$name: command '$command', reply '$reply', Client Hello '$hello'"
  [ "$command" -lt "$reply" ] && [ "$reply" -lt "$hello" ] ||
    fail "$name: command $command, reply $reply, Client Hello $hello: not in that order"
  streams=$(tshark_sample "$name" -Y "$2 || tls.handshake" -T fields -e tcp.stream | sort -u)
  [ "$streams" = 0 ] || fail "$name: the command and the handshake are in streams $streams"
  check_types "$name" tls "1 2 8 11 15 20 20 4 4"
  echo "  $name: command frame $command, reply frame $reply, Client Hello frame $hello"
}

make_starttls_smtp() {
  starttls_session starttls-smtp smtp 25 QUIT
  # Wireshark 4.0 cuts SMTP commands after four letters: STARTTLS is the
  # command "STAR" with the parameter "TLS".
  check_starttls starttls-smtp 'smtp.req.command == "STAR" && smtp.req.parameter == "TLS"' \
    'smtp.response.code == 220 && smtp.rsp.parameter contains "TLS"'
}

make_starttls_imap() {
  starttls_session starttls-imap imap 143 "a2 LOGOUT"
  check_starttls starttls-imap 'imap.request.command == "STARTTLS"' \
    'imap.response.status == "OK" && imap.response contains "Begin TLS"'
}

make_starttls_ftp() {
  starttls_session starttls-ftp ftp 21 QUIT
  check_starttls starttls-ftp 'ftp.request.command == "AUTH" && ftp.request.arg == "TLS"' \
    'ftp.response.code == 234'
}

make_starttls_ldap() {
  starttls_session starttls-ldap ldap 389 bye
  check_starttls starttls-ldap 'ldap.requestName == "1.3.6.1.4.1.1466.20037"' \
    'ldap.resultCode == 0'
}

make_starttls_pop3() {
  starttls_session starttls-pop3 pop3 110 QUIT
  check_starttls starttls-pop3 'pop.request.command == "STLS"' \
    'pop.response.indicator == "+OK" && pop.response.description contains "Begin TLS"'
}

inside() { # name
  work=$TLSX_WORK
  client_ns=
  trap kill_pids EXIT
  "make_${1//-/_}"
}

if [ "${1:-}" = --inside ]; then
  inside "$2"
else
  outside "$@"
fi
