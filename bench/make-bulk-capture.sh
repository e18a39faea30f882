#!/usr/bin/env bash
# Makes the bulk benchmark capture: $TLSX_BENCH_CONNECTIONS (default 200) TLS
# connections over loopback, half TLS 1.2 and half TLS 1.3, each downloading
# $TLSX_BENCH_MB (default 5) MB, captured with dumpcap: a capture that looks
# like most real ones (few handshakes, much application data).
#
#   sudo bench/make-bulk-capture.sh     # needs root (dumpcap on lo)
#
# Traffic, all on 127.0.0.1: curl against `openssl s_server -WWW`, which
# serves one file of random bytes; one connection per download, at most
# 100 MB/s so that dumpcap keeps up.
#
# Output, in $TLSX_BENCH_BULK_DIR (default /var/tmp/tlsexplain-bench-bulk),
# never in the checkout: bench.pcapng and stats.txt, as make-capture.sh
# writes them, so that run.sh reads it with TLSX_BENCH_DIR set to that folder.
# Idempotent: when bench.pcapng exists it is reused (delete it to remake).
set -euo pipefail

OUT=${TLSX_BENCH_BULK_DIR:-/var/tmp/tlsexplain-bench-bulk}
CONNS=${TLSX_BENCH_CONNECTIONS:-200}
MB=${TLSX_BENCH_MB:-5}
PORT=${TLSX_BENCH_PORT_BULK:-44332}
CAP=$OUT/bench.pcapng
STATS=$OUT/stats.txt

log() { printf '== %s\n' "$*" >&2; }

write_stats() {
  local tsv
  tsv=$(mktemp)
  tshark -r "$CAP" -T fields -E occurrence=a -e tls.handshake.type -e tls.record.content_type \
    >"$tsv" 2>/dev/null
  {
    echo "capture=$CAP"
    echo "bytes=$(stat -c %s "$CAP")"
    echo "frames=$(wc -l <"$tsv")"
    echo "handshakes=$(awk -F'\t' '$1 ~ /(^|,)1(,|$)/' "$tsv" | wc -l)"
    echo "frames_with_app_data=$(awk -F'\t' '$2 ~ /(^|,)23(,|$)/' "$tsv" | wc -l)"
    echo "connections=$CONNS of $MB MB, half TLS 1.2, half TLS 1.3"
  } >"$STATS"
  rm -f "$tsv"
}

if [ -s "$CAP" ]; then
  log "reusing $CAP (delete it to make a new one)"
  [ -s "$STATS" ] || write_stats
  cat "$STATS"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || { echo "run as root (dumpcap on lo)" >&2; exit 1; }
for t in dumpcap tshark openssl curl; do
  command -v "$t" >/dev/null || { echo "missing $t" >&2; exit 1; }
done

mkdir -p "$OUT"
chmod 755 "$OUT"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
  rm -f "$CAP.part"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" \
  -days 30 -subj /CN=localhost 2>/dev/null
head -c "$((MB * 1024 * 1024))" /dev/urandom >"$WORK/bulk.bin"
(cd "$WORK" && exec openssl s_server -accept "127.0.0.1:$PORT" -cert cert.pem -key key.pem \
  -WWW -quiet </dev/null >s_server.log 2>&1) &
PIDS+=($!)
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  sleep 0.1
done

log "capturing to $CAP"
dumpcap -q -i lo -B 256 -f "tcp port $PORT" -w "$CAP.part" 2>"$WORK/dumpcap.log" &
DUMPCAP=$!
PIDS+=("$DUMPCAP")
for _ in $(seq 50); do [ -s "$CAP.part" ] && break; sleep 0.1; done
sleep 0.5

for ((i = 0; i < CONNS; i++)); do
  if ((i % 2)); then v=(--tlsv1.3); else v=(--tlsv1.2 --tls-max 1.2); fi
  curl -sSfk "${v[@]}" --limit-rate 100M -o /dev/null "https://127.0.0.1:$PORT/bulk.bin"
done
log "  $CONNS downloads of $MB MB"

sleep 1
kill -INT "$DUMPCAP"
wait "$DUMPCAP" || true
cat "$WORK/dumpcap.log" >&2
mv "$CAP.part" "$CAP"
chmod 644 "$CAP"

log "counting"
write_stats
cat "$STATS"
