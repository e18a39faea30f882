#!/usr/bin/env bash
# Every figure of bench/RESULTS.md in one run, side by side (root): the
# plugin at the checkout's HEAD, the floor of its wanted fields and the
# one-field floor (bench/floor), each measured by run.sh with and without
# it, on 5,000-frame slices of the handshake and bulk captures; then peak
# RSS per connection (memory.sh) and wall, CPU and peak RSS (run.sh
# --markdown).  Both are built RelWithDebInfo from `git archive HEAD` in
# $TLSX_BENCH_ALL (default /tmp/tlsx-bench-all), where each run's output
# and callgrind files are kept (out/<name>/out.txt); about 25 minutes.
#
#   sudo bench/all.sh
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/.." && pwd)
R=${TLSX_BENCH_ALL:-/tmp/tlsx-bench-all}
H=${TLSX_BENCH_DIR:-/var/tmp/tlsexplain-bench}
B=${TLSX_BENCH_BULK_DIR:-/var/tmp/tlsexplain-bench-bulk}
rm -rf "$R" && mkdir -p "$R/src" "$R/out" || exit 1
git -C "$SRC" archive HEAD | tar -x -C "$R/src" || exit 1
cmake -S "$R/src" -B "$R/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null &&
    cmake --build "$R/build" -j2 >/dev/null || exit 1
cmake -S "$R/src/bench/floor" -B "$R/floor" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null &&
    cmake --build "$R/floor" >/dev/null || exit 1
PLUGIN=$R/build/plugins/4.0/epan/tlsexplain.so
FLOOR=$R/floor/tlsx_floor.so
cd "$R/src" || exit 1
echo "commit $(git -C "$SRC" rev-parse --short HEAD), start $(date -u +%H:%M) UTC" >"$R/out/when.txt"
run() {
    local name=$1
    shift
    mkdir -p "$R/out/$name"
    echo "== $name: $* ($(date -u +%H:%M))" >>"$R/out/when.txt"
    env TLSX_BENCH_OUT="$R/out/$name" TLSX_BENCH_SLICE=5000 "$@" >"$R/out/$name/out.txt" 2>&1
}
ONE=TLSX_FLOOR_FIELDS=tls.handshake.type
run hs-plugin TLSX_BENCH_DIR="$H" bash bench/run.sh --callgrind --commands abc "$PLUGIN"
run hs-floor TLSX_BENCH_DIR="$H" bash bench/run.sh --callgrind --commands ab "$FLOOR"
run hs-floor1 TLSX_BENCH_DIR="$H" $ONE bash bench/run.sh --callgrind --commands ab "$FLOOR"
run bulk-plugin TLSX_BENCH_DIR="$B" bash bench/run.sh --callgrind --commands a "$PLUGIN"
run bulk-floor TLSX_BENCH_DIR="$B" bash bench/run.sh --callgrind --commands a "$FLOOR"
run bulk-floor1 TLSX_BENCH_DIR="$B" $ONE bash bench/run.sh --callgrind --commands a "$FLOOR"
run memory bash bench/memory.sh "$PLUGIN"
run timing TLSX_BENCH_DIR="$H" bash bench/run.sh --rounds 3 --markdown "$PLUGIN"
run timing-bulk TLSX_BENCH_DIR="$B" bash bench/run.sh --rounds 3 --commands a --markdown "$PLUGIN"
echo "end $(date -u +%H:%M) UTC" >>"$R/out/when.txt"
# The ratios: one line per run and command.
grep -H -E "callgrind: |5000 frames alone|whole capture|per connection:" "$R"/out/*/out.txt
