#!/usr/bin/env bash
# Makes the bundled sample captures: real handshakes between openssl or curl
# and openssl s_server over loopback, captured with dumpcap, with their NSS
# key logs.  Needs root (dumpcap on lo), openssl, curl and dumpcap.
#
#   samples/make-samples.sh            all samples
#   samples/make-samples.sh tls12-doc  one of them
#
# Regenerating changes times, randoms and keys, never the steps listed in
# samples/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=443
work=$(mktemp -d /tmp/tlsx-samples-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for tool in openssl curl dumpcap; do
  command -v "$tool" >/dev/null || { echo "make-samples: $tool is missing" >&2; exit 1; }
done
if [ "$(id -u)" -ne 0 ]; then
  echo "make-samples: dumpcap must capture on lo: run as root" >&2
  exit 1
fi

# A throw-away certificate, as the document's server had one for q.shanyue.tech.
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=q.shanyue.test" \
  -addext "subjectAltName=DNS:q.shanyue.test" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

start_capture() { # name
  dumpcap -q -i lo -f "tcp port $port" -w "$work/$1.pcapng" 2>"$work/dumpcap.log" &
  capture_pid=$!
  for _ in $(seq 50); do
    grep -q "Capturing on" "$work/dumpcap.log" 2>/dev/null && { sleep 0.5; return 0; }
    sleep 0.1
  done
  echo "make-samples: dumpcap did not start: $(cat "$work/dumpcap.log")" >&2
  exit 1
}

stop_capture() { # name
  sleep 0.5
  kill -INT "$capture_pid"
  wait "$capture_pid" || true
  cp "$work/$1.pcapng" "$here/$1.pcapng"
  chmod 644 "$here/$1.pcapng"
}

start_server() { # openssl s_server options...
  openssl s_server -accept "127.0.0.1:$port" -cert "$work/cert.pem" -key "$work/key.pem" \
    -www -quiet "$@" >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { sleep 0.2; return 0; }
    sleep 0.1
  done
  echo "make-samples: s_server did not start: $(cat "$work/server.log")" >&2
  exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

# The probe connection of start_server is captured if the capture starts first,
# so servers start before captures.

curl_session() { # name curl-options...
  local name=$1
  shift
  SSLKEYLOGFILE="$here/$name.keys" curl -sv --head -k --max-time 5 \
    --resolve "q.shanyue.test:$port:127.0.0.1" "$@" "https://q.shanyue.test:$port/" \
    >/dev/null 2>"$work/curl.log" || true
  grep -E '^\* (TLSv|SSL connection|ALPN)' "$work/curl.log" >"$here/$name.curl.txt"
}

# A curl session against s_server: the sample's name, s_server's options,
# then -- and curl's options.
curl_sample() {
  local name=$1 server=()
  shift
  while [ "$1" != -- ]; do server+=("$1"); shift; done
  shift
  rm -f "$here/$name.keys"
  start_server "${server[@]}"
  start_capture "$name"
  curl_session "$name" "$@"
  stop_capture "$name"
  stop_server
}

# 1. The document's case: TLS 1.2 full handshake, ECDHE-RSA-AES128-GCM-SHA256,
#    curl offers h2 and http/1.1 and the server picks h2.  No session ticket,
#    so that the document's ten steps are exactly what is on the wire.
DOC_SERVER=(-tls1_2 -no_ticket -cipher ECDHE-RSA-AES128-GCM-SHA256 -alpn h2)
DOC_CURL=(--tlsv1.2 --tls-max 1.2 --ciphers ECDHE-RSA-AES128-GCM-SHA256)
make_tls12_doc() {
  curl_sample tls12-doc "${DOC_SERVER[@]}" -- "${DOC_CURL[@]}"
}

# 2. TLS 1.3 full handshake (X25519, no HelloRetryRequest), curl as client.
make_tls13_full() {
  curl_sample tls13-full -tls1_3 -alpn h2 -- --tlsv1.3
}

# 3. TLS 1.2 full handshake, then the same session resumed by session ID.
make_tls12_resume() {
  rm -f "$here/tls12-resume.keys"
  start_server -tls1_2 -no_ticket -cipher ECDHE-RSA-AES128-GCM-SHA256
  start_capture tls12-resume
  for round in out in; do
    printf 'GET / HTTP/1.0\r\n\r\n' |
      openssl s_client -connect "127.0.0.1:$port" -servername q.shanyue.test -tls1_2 \
        -no_ticket -keylogfile "$work/keys.$round" -ign_eof "-sess_$round" "$work/session.pem" \
        >"$work/client.$round.log" 2>&1 || true
  done
  stop_capture tls12-resume
  stop_server
  grep -q '^Reused, TLSv1.2' "$work/client.in.log" ||
    { echo "make-samples: the second connection was not resumed" >&2; exit 1; }
  cat "$work/keys.out" "$work/keys.in" >"$here/tls12-resume.keys"
}

# 4. The document's case with records of at most 512 bytes: the server's
#    Certificate spans two records, which Wireshark reassembles, in one frame
#    with the Server Hello before it and the Server Key Exchange after it.
make_tls12_records() {
  curl_sample tls12-records "${DOC_SERVER[@]}" -max_send_frag 512 -- "${DOC_CURL[@]}"
}

# 5. The document's case again, cut small: the server writes records of at most
#    512 bytes (so its Certificate spans two records and Wireshark reassembles
#    it) over a loopback with a 576-byte MTU (so records span TCP segments).
#    It runs in a network namespace of its own, to leave the host's lo alone.
make_tls12_fragmented() {
  local ns=tlsx-samples-$$
  ip netns add "$ns"
  ip netns exec "$ns" ip link set lo up mtu 576 gso_max_size 576 gso_max_segs 1
  ip netns exec "$ns" bash "$0" inside-tls12-fragmented || { ip netns del "$ns"; exit 1; }
  ip netns del "$ns"
}

make_inside_tls12_fragmented() {
  curl_sample tls12-fragmented "${DOC_SERVER[@]}" -max_send_frag 512 -- "${DOC_CURL[@]}"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tls12-doc tls13-full tls12-resume tls12-records tls12-fragmented)
for t in "${targets[@]}"; do
  echo "make-samples: $t"
  "make_${t//-/_}"
done
chmod 644 "$here"/*.keys "$here"/*.curl.txt 2>/dev/null || true
