#!/usr/bin/env bash
# Makes the DTLS, QUIC and STARTTLS samples: real handshakes over loopback,
# captured with dumpcap, with their NSS key logs.  Needs root (dumpcap on lo),
# openssl, python3, tshark and Debian's ngtcp2-client/ngtcp2-server (GnuTLS
# examples gtlsclient and gtlsserver).
#
#   samples/make-transport-samples.sh              all samples
#   samples/make-transport-samples.sh dtls12-cookie one of them
#
# Each capture is checked with tshark: the script fails unless it holds the
# handshake messages samples/README.md lists for it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/tlsx-transport-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for tool in openssl python3 dumpcap tshark gtlsclient gtlsserver; do
  command -v "$tool" >/dev/null || { echo "make-transport-samples: $tool is missing" >&2; exit 1; }
done
if [ "$(id -u)" -ne 0 ]; then
  echo "make-transport-samples: dumpcap must capture on lo: run as root" >&2
  exit 1
fi

openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=q.shanyue.test" \
  -addext "subjectAltName=DNS:q.shanyue.test" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

start_capture() { # name filter
  dumpcap -q -i lo -f "$2" -w "$work/$1.pcapng" 2>"$work/dumpcap.log" &
  capture_pid=$!
  for _ in $(seq 50); do
    grep -q "Capturing on" "$work/dumpcap.log" 2>/dev/null && { sleep 0.5; return 0; }
    sleep 0.1
  done
  echo "make-transport-samples: dumpcap did not start: $(cat "$work/dumpcap.log")" >&2
  exit 1
}

stop_capture() { # name
  sleep 0.5
  kill -INT "$capture_pid"
  wait "$capture_pid" || true
  cp "$work/$1.pcapng" "$here/$1.pcapng"
  chmod 644 "$here/$1.pcapng" "$here/$1.keys"
}

stop_servers() {
  for p in "${pids[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}

# The handshake types (tls or dtls) the capture shows with its key log, in
# frame order, must be these.
check() { # name proto expected...
  local name=$1 proto=$2
  shift 2
  local got
  got=$(tshark -r "$here/$name.pcapng" -o "tls.keylog_file:$here/$name.keys" \
    -Y "$proto.handshake.type" -T fields -e "$proto.handshake.type" 2>/dev/null |
    tr '\n,' '  ' | sed 's/ $//')
  if [ "$got" != "$*" ]; then
    echo "make-transport-samples: $name holds '$got', expected '$*'" >&2
    exit 1
  fi
  echo "$name: $got"
}

# DTLS 1.2 with openssl: s_server answers the first Client Hello with a
# Hello Verify Request (its cookie exchange is on by default).
dtls_session() { # name version-option options (both sides)
  local name=$1
  start_capture "$name" "udp port 4433"
  openssl s_server "$2" -accept 4433 -cert "$work/cert.pem" -key "$work/key.pem" \
    -no_ticket -quiet $3 >"$work/server.log" 2>&1 &
  pids+=($!)
  sleep 0.5
  (sleep 0.5; echo hello; sleep 0.5) | timeout 5 openssl s_client "$2" \
    -connect 127.0.0.1:4433 -keylogfile "$here/$name.keys" -quiet $3 \
    >"$work/client.log" 2>&1 || true
  stop_servers
  stop_capture "$name"
}

make_dtls12_cookie() {
  dtls_session dtls12-cookie -dtls1_2 "-mtu 1400"
  check dtls12-cookie dtls 1 3 1 2 11 12 14 16 20 20
}

# A small MTU on both sides: the Certificate goes in fragments.
make_dtls12_fragmented() {
  dtls_session dtls12-fragmented -dtls1_2 "-mtu 400"
  check dtls12-fragmented dtls 1 3 1 2 11 11 11 12 12 14 16 20 20
}

# DTLS 1.0 (RFC 4347), which OpenSSL 3.0 allows at security level 0 only.
make_dtls10_cookie() {
  dtls_session dtls10-cookie -dtls1 "-mtu 1400 -cipher DEFAULT:@SECLEVEL=0"
  check dtls10-cookie dtls 1 3 1 2 11 12 14 16 20 20
}

# The server is stopped for 1.5 s when the client sends its Client Hello:
# the client's timer (1 s) fires and openssl sends its flight again.
make_dtls12_retransmit() {
  local name=dtls12-retransmit
  start_capture "$name" "udp port 4433"
  openssl s_server -dtls1_2 -accept 4433 -cert "$work/cert.pem" -key "$work/key.pem" \
    -no_ticket -quiet >"$work/server.log" 2>&1 &
  local server=$!
  pids+=("$server")
  sleep 0.5
  kill -STOP "$server"
  (sleep 2.5; echo hello; sleep 0.5) | timeout 8 openssl s_client -dtls1_2 \
    -connect 127.0.0.1:4433 -keylogfile "$here/$name.keys" -quiet \
    >"$work/client.log" 2>&1 &
  local client=$!
  sleep 1.5
  kill -CONT "$server"
  wait "$client" || true
  stop_servers
  stop_capture "$name"
  local types
  types=$(tshark -r "$here/$name.pcapng" -Y dtls.handshake.type -T fields \
    -e dtls.handshake.type 2>/dev/null | head -2 | tr '\n' ' ')
  [ "$types" = "1 1 " ] || { echo "make-transport-samples: $name: no retransmitted Client Hello ($types)" >&2; exit 1; }
  echo "$name: Client Hello sent twice"
}

# QUIC: Debian's ngtcp2 examples with GnuTLS, which writes SSLKEYLOGFILE.
make_quic_full() {
  local name=quic-full
  start_capture "$name" "udp port 443"
  gtlsserver -q 127.0.0.1 443 "$work/key.pem" "$work/cert.pem" >"$work/server.log" 2>&1 &
  pids+=($!)
  sleep 0.5
  rm -f "$here/$name.keys"
  SSLKEYLOGFILE="$here/$name.keys" timeout 5 gtlsclient -q --exit-on-first-stream-close \
    127.0.0.1 443 https://q.shanyue.test/ >"$work/client.log" 2>&1 || true
  stop_servers
  stop_capture "$name"
  check "$name" tls 1 2 8 11 15 20 20 4
}

# Two QUIC connections: the first saves the session and transport
# parameters, the second resumes with them and sends its request as 0-RTT.
make_quic_0rtt() {
  local name=quic-0rtt
  start_capture "$name" "udp port 443"
  gtlsserver -q 127.0.0.1 443 "$work/key.pem" "$work/cert.pem" >"$work/server.log" 2>&1 &
  pids+=($!)
  sleep 0.5
  rm -f "$here/$name.keys" "$work/session" "$work/tp"
  for _ in 1 2; do
    SSLKEYLOGFILE="$here/$name.keys" timeout 5 gtlsclient -q --exit-on-first-stream-close \
      --session-file="$work/session" --tp-file="$work/tp" \
      127.0.0.1 443 https://q.shanyue.test/ >"$work/client.log" 2>&1 || true
    sleep 0.3
  done
  stop_servers
  stop_capture "$name"
  check "$name" tls 1 2 8 11 15 20 20 4 1 2 8 20 20 4
  tshark -r "$here/$name.pcapng" -Y "quic.long.packet_type == 1" 2>/dev/null | grep -q . ||
    { echo "make-transport-samples: $name: no 0-RTT packet" >&2; exit 1; }
}

# STARTTLS: a small server (samples/starttls-server.py) and openssl s_client.
starttls_session() { # name protocol port
  local name=$1
  start_capture "$name" "tcp port $3"
  python3 "$here/starttls-server.py" "$2" "$3" "$work/cert.pem" "$work/key.pem" &
  pids+=($!)
  sleep 0.5
  (sleep 1; printf '%s\r\n' "$4"; sleep 0.5) | timeout 5 openssl s_client -starttls "$2" \
    -connect "127.0.0.1:$3" -keylogfile "$here/$name.keys" -quiet >"$work/client.log" 2>&1 || true
  stop_servers
  stop_capture "$name"
  check "$name" tls 1 2 8 11 15 20 20 4 4
}

make_starttls_smtp() { starttls_session starttls-smtp smtp 25 QUIT; }
make_starttls_imap() { starttls_session starttls-imap imap 143 "a2 LOGOUT"; }
make_starttls_pop3() { starttls_session starttls-pop3 pop3 110 QUIT; }

all=(dtls12-cookie dtls10-cookie dtls12-fragmented dtls12-retransmit quic-full quic-0rtt starttls-smtp
  starttls-imap starttls-pop3)
for name in "${@:-${all[@]}}"; do
  "make_${name//-/_}"
done
