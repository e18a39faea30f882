#!/bin/bash
# Peak RSS per connection: tshark -r CAPTURE -Y tls.handshake -q over N
# connections that each send only a Client Hello (make-hello-capture.py),
# and over one such connection, with and without the plugin.  What the
# plugin keeps per connection is the difference of the differences, over N.
#
#   sudo bench/memory.sh [PLUGIN.so]     (N: $TLSX_BENCH_CONNECTIONS, 100000)
#
# Captures go to $TLSX_BENCH_HELLO_DIR (default /var/tmp/tlsexplain-bench-hello).
# As run.sh, tshark runs as nobody (root ignores personal plugins) and both
# sides see the same system plugins, without any tlsexplain.so.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
N=${TLSX_BENCH_CONNECTIONS:-100000}
DIR=${TLSX_BENCH_HELLO_DIR:-/var/tmp/tlsexplain-bench-hello}
PLUGIN=${1:-${TLSX_PLUGIN:-/tmp/bench-build/plugins/4.0/epan/tlsexplain.so}}
ROUNDS=${TLSX_BENCH_ROUNDS:-3}
die() { echo "memory.sh: $*" >&2; exit 1; }
[ -f "$PLUGIN" ] || die "no plugin $PLUGIN"
mkdir -p "$DIR"
for n in 1 "$N"; do
  [ -s "$DIR/hello-$n.pcap" ] || python3 "$HERE/make-hello-capture.py" "$n" "$DIR/hello-$n.pcap"
done

SYS_PLUGINS=$(env -u WIRESHARK_PLUGIN_DIR tshark -G folders 2>/dev/null |
  sed -n 's/^Global Plugins:[[:space:]]*//p')
WS_VERSION=$(basename "$SYS_PLUGINS")
TMP=$(mktemp -d /tmp/tlsx-mem.XXXXXX)
chmod 755 "$TMP"
trap 'rm -rf "$TMP"' EXIT
for d in epan wiretap codecs; do
  mkdir -p "$TMP/plugins/$WS_VERSION/$d"
  for f in "$SYS_PLUGINS/$d"/*.so; do
    if [ -e "$f" ] && [ "$(basename "$f")" != tlsexplain.so ]; then ln -s "$f" "$TMP/plugins/$WS_VERSION/$d/"; fi
  done
done
mkdir -p "$TMP/run" "$TMP/home-without" "$TMP/home-with/.local/lib/wireshark/plugins/$WS_VERSION/epan"
cp "$PLUGIN" "$TMP/home-with/.local/lib/wireshark/plugins/$WS_VERSION/epan/tlsexplain.so"
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  RUN_AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chown -R nobody:nogroup "$TMP/run" "$TMP/home-without" "$TMP/home-with"
fi
ws() { local side=$1; shift; "${RUN_AS[@]}" env HOME="$TMP/home-$side" WIRESHARK_PLUGIN_DIR="$TMP/plugins" "$@"; }
[ "$(ws with tshark -G plugins 2>/dev/null | grep -c 'tlsexplain\.so' || true)" = 1 ] || die "plugin not loaded"
[ "$(ws without tshark -G plugins 2>/dev/null | grep -c 'tlsexplain\.so' || true)" = 0 ] || die "plugin loaded without"

# rss SIDE FILE: the smallest peak RSS (KiB) of ROUNDS runs.
rss() {
  local best=
  for _ in $(seq "$ROUNDS"); do
    ws "$1" /usr/bin/time -o "$TMP/run/time" -f '%M' tshark -r "$2" -Y tls.handshake -q >/dev/null 2>&1
    local m; m=$(cat "$TMP/run/time")
    if [ -z "$best" ] || [ "$m" -lt "$best" ]; then best=$m; fi
  done
  echo "$best"
}
declare -A R
for n in 1 "$N"; do
  for side in without with; do R[$n.$side]=$(rss "$side" "$DIR/hello-$n.pcap"); done
done
awk -v n="$N" -v a="${R[1.without]}" -v b="${R[1.with]}" -v c="${R[$N.without]}" -v d="${R[$N.with]}" 'BEGIN {
  printf "| connections | without (KiB) | with (KiB) | difference (KiB) |\n|---:|---:|---:|---:|\n"
  printf "| 1 | %d | %d | %d |\n", a, b, b - a
  printf "| %d | %d | %d | %d |\n", n, c, d, d - c
  printf "\nper connection: %.0f bytes of extra peak RSS ((%d - %d) KiB over %d)\n", ((d - c) - (b - a)) * 1024 / n, d - c, b - a, n
}'
