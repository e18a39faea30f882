#!/usr/bin/env bash
# Makes the benchmark capture: at least $TLSX_BENCH_HANDSHAKES (default 20000)
# real TLS 1.2 and 1.3 handshakes over loopback, captured with dumpcap.
#
#   sudo bench/make-capture.sh          # needs root (dumpcap on lo, apt-get)
#
# Traffic, all on 127.0.0.1:
#   - `openssl s_time -new` against `openssl s_server -www`: full handshakes,
#     TLS 1.2 (ECDHE-RSA-AES128-GCM-SHA256, the reference document's suite,
#     half of them fetching "GET /") and TLS 1.3;
#   - curl against nginx (Debian's nginx-light), TLS 1.2 and 1.3, several
#     URLs per curl with "Connection: close", so each URL is a new
#     connection: with --no-sessionid full handshakes, otherwise the
#     session is resumed (TLS 1.2 session ID / ticket, TLS 1.3 PSK).
# The curl part is logged to a key log (SSLKEYLOGFILE), which costs nothing.
#
# Output, in $TLSX_BENCH_DIR (default /var/tmp/tlsexplain-bench), never in
# the checkout:
#   bench.pcapng   the capture          bench.keys  key log of the curl part
#   stats.txt      frames, handshakes, TLS 1.2/1.3 split
# Idempotent: when bench.pcapng exists it is reused (delete it to remake).
set -euo pipefail

OUT=${TLSX_BENCH_DIR:-/var/tmp/tlsexplain-bench}
TARGET=${TLSX_BENCH_HANDSHAKES:-20000}
PORT_SSL=${TLSX_BENCH_PORT_OPENSSL:-44330}   # openssl s_server
PORT_NGX=${TLSX_BENCH_PORT_NGINX:-44331}     # nginx
CAP=$OUT/bench.pcapng
KEYS=$OUT/bench.keys
STATS=$OUT/stats.txt

log() { printf '== %s\n' "$*" >&2; }

# Counts and the TLS 1.2/1.3 split of an existing capture into stats.txt.
write_stats() {
  local tsv frames ch sh13 sh
  # One pass over the capture: every frame, with its handshake types and the
  # Server Hello's selected version (supported_versions, TLS 1.3 only).
  tsv=$(mktemp)
  tshark -r "$CAP" -T fields -E occurrence=a -e tls.handshake.type \
    -e tls.handshake.extensions.supported_version >"$tsv" 2>/dev/null
  frames=$(wc -l <"$tsv")
  # The count the brief asks for: frames with a Client Hello.
  ch=$(awk -F'\t' '$1 ~ /(^|,)1(,|$)/' "$tsv" | wc -l)
  sh=$(awk -F'\t' '$1 ~ /(^|,)2(,|$)/' "$tsv" | wc -l)
  # A TLS 1.3 Server Hello carries supported_versions = 0x0304; the client's
  # list of versions is in a Client Hello frame, hence "not type 1".
  sh13=$(awk -F'\t' '$1 ~ /(^|,)2(,|$)/ && $1 !~ /(^|,)1(,|$)/ && $2 ~ /0x0304/' "$tsv" | wc -l)
  rm -f "$tsv"
  {
    echo "capture=$CAP"
    echo "bytes=$(stat -c %s "$CAP")"
    echo "frames=$frames"
    echo "handshakes=$ch"
    echo "server_hellos=$sh"
    echo "tls13=$sh13"
    echo "tls12=$((sh - sh13))"
    echo "keylog=$KEYS ($(grep -c . "$KEYS" 2>/dev/null || echo 0) lines, curl part only)"
  } >"$STATS"
}

if [ -s "$CAP" ]; then
  log "reusing $CAP (delete it to make a new one)"
  [ -s "$STATS" ] || write_stats
  cat "$STATS"
  echo "handshakes (frames with a Client Hello): $(grep '^handshakes=' "$STATS" | cut -d= -f2)"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || { echo "run as root (dumpcap on lo, apt-get)" >&2; exit 1; }
for t in dumpcap tshark openssl curl; do
  command -v "$t" >/dev/null || { echo "missing $t" >&2; exit 1; }
done
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  log "installing nginx-light"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

mkdir -p "$OUT"
chmod 755 "$OUT"
WORK=$(mktemp -d)
chmod 755 "$WORK"   # nginx's workers (www-data) read its html folder
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
  rm -f "$CAP.part"   # no half-made capture left behind
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -- Certificate, servers -----------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" \
  -days 30 -subj /CN=localhost 2>/dev/null

openssl s_server -accept "127.0.0.1:$PORT_SSL" -cert "$WORK/cert.pem" -key "$WORK/key.pem" \
  -www -quiet </dev/null >"$WORK/s_server.log" 2>&1 &
PIDS+=($!)

mkdir -p "$WORK/nginx/logs" "$WORK/nginx/html"
echo "tlsexplain bench" >"$WORK/nginx/html/index.html"
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp;
  server {
    listen 127.0.0.1:$PORT_NGX ssl;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache shared:bench:1m;
    root $WORK/nginx/html;
  }
}
EOF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
PIDS+=($!)

for port in "$PORT_SSL" "$PORT_NGX"; do
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
done

# -- Capture ------------------------------------------------------------------
log "capturing to $CAP"
dumpcap -q -i lo -B 64 -f "tcp port $PORT_SSL or tcp port $PORT_NGX" -w "$CAP.part" \
  2>"$WORK/dumpcap.log" &
DUMPCAP=$!
PIDS+=("$DUMPCAP")
for _ in $(seq 50); do [ -s "$CAP.part" ] && break; sleep 0.1; done
sleep 0.5

# s_time until $1 connections are made: s_time [count] [args...]
s_time() {
  local want=$1 done=0 n
  shift
  while [ "$done" -lt "$want" ]; do
    n=$(openssl s_time -connect "127.0.0.1:$PORT_SSL" -new -time 2 "$@" 2>/dev/null |
      sed -n 's/^\([0-9]*\) connections in [0-9.]*s;.*/\1/p')
    done=$((done + ${n:-0}))
  done
  log "  s_time $*: $done handshakes"
}

# curl, $1 connections in batches of 25 URLs, one connection each: curl [count] [args...]
curl_batches() {
  local want=$1 i urls=()
  shift
  for i in $(seq 25); do urls+=(-o /dev/null "https://localhost:$PORT_NGX/?$i"); done
  for ((i = 0; i < want; i += 25)); do
    SSLKEYLOGFILE=$KEYS curl -sSfk -H 'Connection: close' \
      --resolve "localhost:$PORT_NGX:127.0.0.1" "$@" "${urls[@]}"
  done
  log "  curl $*: $i connections"
}

: >"$KEYS"
q=$((TARGET / 8 + 1))   # eight parts of about equal size
s_time "$q" -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256
s_time "$q" -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -www /
s_time "$q" -tls1_3
s_time "$q" -tls1_3 -www /
curl_batches "$q" --tlsv1.2 --tls-max 1.2 --no-sessionid
curl_batches "$q" --tlsv1.2 --tls-max 1.2
curl_batches "$q" --tlsv1.3 --no-sessionid
curl_batches "$q" --tlsv1.3

sleep 1
kill -INT "$DUMPCAP"
wait "$DUMPCAP" || true
cat "$WORK/dumpcap.log" >&2
mv "$CAP.part" "$CAP"
chmod 644 "$CAP" "$KEYS"

log "counting"
write_stats
cat "$STATS"
echo "handshakes (frames with a Client Hello): $(grep '^handshakes=' "$STATS" | cut -d= -f2)"
