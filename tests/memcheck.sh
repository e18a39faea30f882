#!/usr/bin/env bash
# Valgrind memcheck over every sample, tshark -V with the plugin, with and
# without the sample's key log.
#
#   tests/memcheck.sh [BUILD_DIR]      (default: build; JOBS=2 runs in parallel)
#
# No suppressions: Wireshark's own noise (leaks at exit, GLib's caches) is
# left out by keeping only the errors with a frame of tlsexplain.so in one
# of their stacks (where it happened, where the block was allocated or
# freed, or where a leaked block was allocated).  Any such error fails the
# script, which prints it; the full XML reports stay in $TLSX_MEMCHECK_OUT
# (default: a temporary folder, printed at the end).
#
# Takes about 15 s per run (50 runs: about 7 minutes on 2 cores).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="$(cd "${1:-$root/build}" && pwd)"
jobs="${JOBS:-2}"

plugin="$(find "$build/plugins" -name tlsexplain.so | head -1)"
[ -n "$plugin" ] || { echo "no tlsexplain.so under $build/plugins: build first" >&2; exit 2; }
if ldd "$plugin" | grep -q libasan; then
    echo "$plugin is built with sanitizers; memcheck needs a plain build" >&2
    exit 2
fi
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }

# A folder tshark's user can read: as root tshark runs as nobody (Wireshark
# ignores WIRESHARK_PLUGIN_DIR for root).
work="$(mktemp -d /tmp/tlsx-memcheck.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ws_dir="$(basename "$(dirname "$(dirname "$plugin")")")" # 4.0
mkdir -p "$work/plugins/$ws_dir/epan" "$work/home" "$work/extcap" "$work/samples"
cp "$plugin" "$work/plugins/$ws_dir/epan/"
cp "$root"/samples/*.pcapng "$root"/samples/*.keys "$work/samples/"
out="${TLSX_MEMCHECK_OUT:-$work/reports}"
mkdir -p "$out"
chmod -R a+rX "$work"
chmod 777 "$out"
if [ "$(id -u)" = 0 ]; then
    chown nobody "$work/home"
    as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
else
    as_user=()
fi

cat >"$work/filter.py" <<'EOF'
"""Prints the errors of a valgrind XML report that involve tlsexplain.so;
exits 1 when there is one."""
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
bad = 0
for err in root.iter("error"):
    frames = [f for f in err.iter("frame")]
    if not any((f.findtext("obj") or "").endswith("tlsexplain.so") for f in frames):
        continue
    bad += 1
    what = err.findtext("kind")
    text = err.findtext("what") or err.findtext("xwhat/text") or ""
    print(f"{sys.argv[2]}: {what}: {text}")
    for f in frames[:20]:
        print("    ", f.findtext("fn") or "?", "(" + (f.findtext("obj") or "?") + ")",
              f.findtext("file") or "", f.findtext("line") or "")
sys.exit(1 if bad else 0)
EOF

run_one() { # sample keys(0|1)
    local s="$1" keys="$2" name xml
    name="$(basename "$s" .pcapng)"
    xml="$out/$name-keys$keys.xml"
    local args=(-r "$work/samples/$name.pcapng" -V)
    # delay-tls12-client.pcapng and delay-tls12-server.pcapng share delay-tls12.keys.
    local keyfile="$work/samples/$name.keys"
    [ -e "$keyfile" ] || keyfile="$work/samples/${name%-*}.keys"
    if [ "$keys" = 1 ] && [ -e "$keyfile" ]; then
        args+=(-o "tls.keylog_file:$keyfile")
    elif [ "$keys" = 1 ]; then
        return 0
    fi
    env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 HOME="$work/home" \
        WIRESHARK_PLUGIN_DIR="$work/plugins" WIRESHARK_EXTCAP_DIR="$work/extcap" \
        "${as_user[@]}" valgrind --tool=memcheck --leak-check=full --num-callers=40 \
        --xml=yes --xml-file="$xml" tshark "${args[@]}" >/dev/null 2>"$xml.stderr" || {
        echo "$name keys=$keys: tshark failed ($?)" >&2
        cat "$xml.stderr" >&2
        return 1
    }
    python3 "$work/filter.py" "$xml" "$name keys=$keys"
}
export -f run_one
export work out
export as_user_str="${as_user[*]}"

start=$SECONDS
failed=0
for s in "$root"/samples/*.pcapng; do
    for k in 0 1; do echo "$(basename "$s") $k"; done
done | xargs -P "$jobs" -L 1 bash -c 'as_user=($as_user_str); run_one "$0" "$1"' || failed=1
echo "memcheck: $(ls "$out"/*.xml | wc -l) runs in $((SECONDS - start)) s"
if [ "$failed" != 0 ]; then
    [ -z "${TLSX_MEMCHECK_OUT:-}" ] && trap - EXIT && echo "kept $work"
    echo "memcheck: errors involving tlsexplain.so (above)" >&2
    exit 1
fi
echo "memcheck: no error involves tlsexplain.so"
