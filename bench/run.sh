#!/usr/bin/env bash
# Times tshark over the benchmark capture (bench/make-capture.sh) with and
# without the plugin, in alternation, and prints the median ratios
# (with / without) of wall time, CPU time (user+sys) and peak RSS.
#
#   bench/run.sh [--rounds N] [--commands abc] [--markdown] [--callgrind] [PLUGIN.so]
#
#   PLUGIN.so    plugin to test; default $TLSX_PLUGIN, else /tmp/bench-build/plugins/4.0/epan/tlsexplain.so
#   --rounds N   rounds of (without, with) per command; default $TLSX_BENCH_ROUNDS or 5
#   --commands L which of the commands (a), (b), (c) below to run; default abc
#                (with --callgrind: a)
#   --markdown   print the results as a markdown table (for bench/RESULTS.md)
#   --callgrind  instead of timing: count instructions of each command with and
#                without the plugin under valgrind on the first
#                $TLSX_BENCH_SLICE (30000) frames, and show the plugin's top functions
#
# Capture: $TLSX_BENCH_DIR/bench.pcapng (default /var/tmp/tlsexplain-bench).
#
# Wireshark ignores personal plugin folders for root, so as root tshark runs as
# `nobody` (setpriv). Both sides see the same plugins: WIRESHARK_PLUGIN_DIR
# points at a copy of the system plugin folder without any tlsexplain.so (so a
# system-wide copy cannot spoil the baseline), and the plugin under test is in
# the personal folder of the "with" side's HOME only.
set -euo pipefail

BENCH_DIR=${TLSX_BENCH_DIR:-/var/tmp/tlsexplain-bench}
CAP=$BENCH_DIR/bench.pcapng
ROUNDS=${TLSX_BENCH_ROUNDS:-5}
SLICE=${TLSX_BENCH_SLICE:-30000}
PLUGIN=${TLSX_PLUGIN:-/tmp/bench-build/plugins/4.0/epan/tlsexplain.so}
MARKDOWN=0
CALLGRIND=0
COMMANDS=

while [ $# -gt 0 ]; do
  case $1 in
    --rounds) ROUNDS=$2; shift ;;
    --markdown) MARKDOWN=1 ;;
    --callgrind) CALLGRIND=1 ;;
    --commands) COMMANDS=$2; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) PLUGIN=$1 ;;
  esac
  shift
done

die() { echo "run.sh: $*" >&2; exit 1; }
if [ -z "$COMMANDS" ]; then
  if [ "$CALLGRIND" = 1 ]; then COMMANDS=a; else COMMANDS=abc; fi
fi
case $COMMANDS in *[!abc]* | "") die "--commands takes letters among a, b, c" ;; esac
log() { printf '== %s\n' "$*" >&2; }
[ -s "$CAP" ] || die "no capture $CAP: run bench/make-capture.sh first"
[ -f "$PLUGIN" ] || die "no plugin $PLUGIN (build it, or pass its path)"
[ -x /usr/bin/time ] || die "needs /usr/bin/time (apt-get install time)"
if [ "$CALLGRIND" = 1 ]; then
  command -v valgrind >/dev/null || die "needs valgrind (apt-get install valgrind)"
fi

# -- Two environments that differ only by the plugin ---------------------------
# Wireshark's global plugin folder, e.g. /usr/lib/x86_64-linux-gnu/wireshark/plugins/4.0
SYS_PLUGINS=$(env -u WIRESHARK_PLUGIN_DIR tshark -G folders 2>/dev/null |
  sed -n 's/^Global Plugins:[[:space:]]*//p')
WS_VERSION=$(basename "$SYS_PLUGINS") # 4.0
[ -d "$SYS_PLUGINS" ] || die "cannot find Wireshark's plugin folder"
TMP=$(mktemp -d /tmp/tlsx-bench.XXXXXX)
chmod 755 "$TMP"
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

for d in epan wiretap codecs; do
  mkdir -p "$TMP/plugins/$WS_VERSION/$d"
  for f in "$SYS_PLUGINS/$d"/*.so; do
    if [ -e "$f" ] && [ "$(basename "$f")" != tlsexplain.so ]; then
      ln -s "$f" "$TMP/plugins/$WS_VERSION/$d/"
    fi
  done
done
# run/: what the tshark user writes (time's and callgrind's output)
mkdir -p "$TMP/run" "$TMP/home-without" "$TMP/home-with/.local/lib/wireshark/plugins/$WS_VERSION/epan"
cp "$PLUGIN" "$TMP/home-with/.local/lib/wireshark/plugins/$WS_VERSION/epan/tlsexplain.so"

RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  RUN_AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chown -R nobody:nogroup "$TMP/run" "$TMP/home-without" "$TMP/home-with"
fi
# ws with|without CMD...: runs CMD as the tshark user in that environment.
ws() {
  local side=$1
  shift
  "${RUN_AS[@]}" env HOME="$TMP/home-$side" WIRESHARK_PLUGIN_DIR="$TMP/plugins" "$@"
}

# The sides must really differ by the plugin, and only by it.
n_with=$(ws with tshark -G plugins 2>/dev/null | grep -c 'tlsexplain\.so' || true)
n_without=$(ws without tshark -G plugins 2>/dev/null | grep -c 'tlsexplain\.so' || true)
if [ "$n_with" != 1 ] || [ "$n_without" != 0 ]; then
  die "plugin isolation failed (tlsexplain.so loaded with: $n_with, without: $n_without)"
fi
if [ -e "$SYS_PLUGINS/epan/tlsexplain.so" ]; then
  log "note: a system-wide $SYS_PLUGINS/epan/tlsexplain.so exists; it is kept out of both sides"
fi

# -- The commands ------------------------------------------------------------------
C_WITHOUT_FILTER="tls.handshake or tls.change_cipher_spec or tls.alert_message"
# args CMD SIDE FILE: sets ARGS to tshark's arguments for command (a), (b) or
# (c) on FILE, "without" or "with" the plugin.
args() {
  case $1$2 in
    awith | awithout) ARGS=(-r "$3" -Y tls.handshake -q) ;;
    bwith | bwithout) ARGS=(-r "$3") ;;
    cwith) ARGS=(-r "$3" -Y tlsexplain -T fields -e tlsexplain.step -e tlsexplain.time.since_peer) ;;
    # Without the plugin: the same frames (those with a handshake, ChangeCipherSpec
    # or alert record), two fields each.
    cwithout) ARGS=(-r "$3" -Y "$C_WITHOUT_FILTER" -T fields -e tls.handshake.type -e frame.time_delta) ;;
  esac
}
commands() { echo "$COMMANDS" | grep -o .; }

# -- callgrind mode --------------------------------------------------------------
# Reads callgrind_annotate --inclusive=yes --tree=calling on stdin; prints the
# plugin's functions by inclusive cost, each with its costliest callees, and
# the functions outside the plugin that it calls, summed over its callers.
CALLEES=$(cat <<'EOF'
import re, sys
from collections import defaultdict
# "  1,234 ( 0.5%)  *  file.c:function (12x) [object]": * a function, > its callees
LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+([*<>])\s+(.*?)(?: \(([\d,]+)x\))?(?:\s+\[(.*)\])?\s*$")
total, delta = None, int(sys.argv[1])
entries = []
for line in sys.stdin:
    if total is None and "PROGRAM TOTALS" in line:
        total = int(line.split()[0].replace(",", ""))
    m = LINE.match(line)
    if m:
        ir, kind, name, calls, obj = m.groups()
        entries.append((int(ir.replace(",", "")), kind, name.split(":", 1)[-1], calls or "", (obj or "").rsplit("/", 1)[-1]))
# callgrind_annotate may split a function in several entries (with and
# without its file name); merge them by name.
plugin = {n for _, _, n, _, o in entries if o == "tlsexplain.so"}
incl, callees, cur = defaultdict(int), defaultdict(dict), None
for ir, kind, name, calls, obj in entries:
    if kind == "*":
        cur = name if name in plugin else None
        if cur:
            incl[cur] = max(incl[cur], ir)
    elif kind == ">" and cur:
        where = "tlsexplain.so" if name in plugin else obj or "?"
        old = callees[cur].get(name, (0,))[0]
        if ir > old:
            callees[cur][name] = (ir, calls, where)
pct = lambda ir: f"{ir / total * 100:5.2f} %"
top = incl.get("dissect_tlsexplain", 0)
print(f"  the plugin's own cost (dissect_tlsexplain, inclusive): {top:,} Ir ({pct(top)} of all)")
print(f"  the rest of the difference, outside the plugin:        {delta - top:,} Ir ({pct(delta - top)} of all)")
print("    (e.g. the TLS dissector filling in the fields the plugin primes, which it would otherwise skip)")
print()
print(f"{'Ir (incl.)':>14}  of all   function  > callee (calls) [object]")
for name, ir in sorted(incl.items(), key=lambda kv: -kv[1])[:12]:
    print(f"{ir:>14,}  {pct(ir)}  {name}")
    for cname, (cir, calls, where) in sorted(callees[name].items(), key=lambda kv: -kv[1][0])[:6]:
        print(f"{cir:>14,}  {pct(cir)}      > {cname} ({calls}x) [{where}]")
outside = defaultdict(int)
for name in incl:
    for cname, (cir, calls, where) in callees[name].items():
        if where != "tlsexplain.so":
            outside[(cname, where)] += cir
print()
print("Called from the plugin, outside it (inclusive Ir, summed over the plugin's callers):")
for (cname, where), cir in sorted(outside.items(), key=lambda kv: -kv[1])[:15]:
    print(f"{cir:>14,}  {pct(cir)}  {cname} [{where}]")
EOF
)
if [ "$CALLGRIND" = 1 ]; then
  slice=$TMP/slice.pcapng
  editcap -r "$CAP" "$slice" "1-$SLICE"
  editcap -r "$CAP" "$TMP/startup.pcapng" 1   # one frame: what tshark costs before any packet
  chmod 644 "$slice" "$TMP/startup.pcapng"
  frames=$(capinfos -c -M "$CAP" | sed -n 's/^Number of packets:[[:space:]]*//p')
  for cmd in $(commands); do
    declare -A IR=()
    for side in without with; do
      for f in slice startup; do
        args "$cmd" "$side" "$TMP/$f.pcapng"
        log "callgrind ($cmd), $side the plugin: tshark ${ARGS[*]}"
        ws "$side" valgrind --tool=callgrind --callgrind-out-file="$TMP/run/callgrind.$cmd.$f.$side" \
          tshark "${ARGS[@]}" >/dev/null 2>"$TMP/valgrind.log"
        IR[$f.$side]=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$TMP/valgrind.log")
      done
    done
    wo=${IR[slice.without]} w=${IR[slice.with]}
    args "$cmd" with F
    echo "callgrind: instructions (Ir) of ($cmd) tshark ${ARGS[*]}"
    awk -v n="$SLICE" -v frames="$frames" \
      -v wo="${IR[slice.without]}" -v w="${IR[slice.with]}" \
      -v swo="${IR[startup.without]}" -v sw="${IR[startup.with]}" 'BEGIN {
      printf "| run | without the plugin | with the plugin | ratio |\n|---|---:|---:|---:|\n"
      printf "| F = first %d frames | %.0f | %.0f | %.4f |\n", n, wo, w, w / wo
      printf "| F = 1 frame (start-up) | %.0f | %.0f | %.4f |\n", swo, sw, sw / swo
      pwo = wo - swo; pw = w - sw
      printf "| the %d frames alone (difference) | %.0f | %.0f | %.4f |\n", n, pwo, pw, pw / pwo
      # Start-up once, then the per-frame cost of the slice for every frame.
      ewo = swo + pwo * frames / n; ew = sw + pw * frames / n
      printf "| whole capture, %d frames (extrapolated) | %.0f | %.0f | %.4f |\n", frames, ewo, ew, ew / ewo
    }'
    echo
    echo "The plugin's functions (($cmd) with the plugin, first $SLICE frames), by inclusive cost:"
    callgrind_annotate --inclusive=yes --tree=calling --threshold=100 "$TMP/run/callgrind.$cmd.slice.with" 2>/dev/null |
      python3 -c "$CALLEES" "$((w - wo))"
    echo
  done
  if [ -n "${TLSX_BENCH_OUT:-}" ]; then
    mkdir -p "$TLSX_BENCH_OUT"
    cp "$TMP"/run/callgrind.* "$TLSX_BENCH_OUT"/
    log "callgrind files copied to $TLSX_BENCH_OUT"
  fi
  exit 0
fi

# -- Timing mode -----------------------------------------------------------------
RESULTS=$TMP/results.tsv   # cmd side round wall user sys maxrss_kb
: >"$RESULTS"

# measure CMD SIDE ROUND tshark-args...
measure() {
  local cmd=$1 side=$2 round=$3
  shift 3
  ws "$side" /usr/bin/time -o "$TMP/run/time" -f '%x %e %U %S %M' tshark "$@" >/dev/null 2>"$TMP/stderr" ||
    die "tshark failed ($cmd, $side): $(tail -3 "$TMP/stderr")"
  read -r rc wall user sys rss <"$TMP/run/time"
  [ "$rc" = 0 ] || die "tshark exited $rc ($cmd, $side)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cmd" "$side" "$round" "$wall" "$user" "$sys" "$rss" >>"$RESULTS"
}
# Warm-up (page cache, not counted), and a check that (c) gives output.
log "warm-up"
declare -A C_LINES=([with]=- [without]=-)
for side in without with; do
  case $COMMANDS in *c*) ;; *) break ;; esac
  args c "$side" "$CAP"
  lines=$(ws "$side" tshark "${ARGS[@]}" 2>/dev/null | wc -l)
  [ "$lines" -gt 0 ] || die "command (c) $side the plugin prints nothing"
  C_LINES[$side]=$lines
done
if [ "${C_LINES[with]}" != "${C_LINES[without]}" ]; then
  log "note: (c) prints ${C_LINES[with]} lines with the plugin, ${C_LINES[without]} without: not the same frames"
fi

for round in $(seq "$ROUNDS"); do
  for cmd in $(commands); do
    # Alternate which side goes first, so that drift hits both alike.
    if [ $((round % 2)) = 1 ]; then order="without with"; else order="with without"; fi
    for side in $order; do
      args "$cmd" "$side" "$CAP"
      measure "$cmd" "$side" "$round" "${ARGS[@]}"
    done
  done
  log "round $round/$ROUNDS done"
done

# -- Report: medians, and the median of the per-round ratios ------------------
REPORT=$(cat <<'EOF'
import os, statistics, sys
md = os.environ["MARKDOWN"] == "1"
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
data = {}  # (cmd, side) -> {round: (wall, cpu, rss_mib)}
for cmd, side, rnd, wall, user, sys_, rss in rows:
    data.setdefault((cmd, side), {})[rnd] = (float(wall), float(user) + float(sys_), int(rss) / 1024)
env = os.environ
NAMES = {
    "a": "(a) `-Y tls.handshake -q`",
    "b": "(b) default one line per packet",
    "c": "(c) `-Y tlsexplain -T fields` *",
}
METRICS = [("wall s", 0), ("CPU s", 1), ("peak RSS MiB", 2)]
TARGETS = {("a", 0): 1.03, ("a", 2): 1.05, ("c", 0): 1.15}
table = []
for cmd in env["COMMANDS"]:
    wo, w = data[(cmd, "without")], data[(cmd, "with")]
    rounds = sorted(set(wo) & set(w), key=int)
    for name, i in METRICS:
        ratios = [w[r][i] / wo[r][i] for r in rounds]
        med = statistics.median(ratios)
        target = TARGETS.get((cmd, i))
        if target is None:
            tgt, met = "", ""
        else:
            tgt = f"<= {target:.2f}"
            met = "yes" if med <= target else "**no**" if md else "NO"
        fmt = "{:.1f}" if i == 2 else "{:.2f}"
        table.append([NAMES[cmd] if i == 0 else "", name,
                      fmt.format(statistics.median(x[i] for x in wo.values())),
                      fmt.format(statistics.median(x[i] for x in w.values())),
                      f"{med:.3f}", f"{min(ratios):.3f}-{max(ratios):.3f}", tgt, met])
head = ["command", "metric", "without", "with", "ratio", "ratio range", "target", "met"]
print(f"tshark -r {env['CAP']}, plugin {env['PLUGIN']}, {env['ROUNDS']} rounds;"
      " without/with: medians; ratio: median of the per-round ratios with/without")
if md:
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if j < 2 else "---:" for j in range(len(head))) + "|")
    for r in table:
        print("| " + " | ".join(r) + " |")
    print()
else:
    table = [[c.replace("`", "").replace(" *", "*") for c in r] for r in table]
    widths = [max(len(r[j]) for r in [head] + table) for j in range(len(head))]
    for r in [head] + table:
        print("  ".join(c.ljust(widths[j]) if j < 2 else c.rjust(widths[j]) for j, c in enumerate(r)).rstrip())
if "c" in env["COMMANDS"]:
  print(f"* (c) with the plugin: -Y tlsexplain -T fields -e tlsexplain.step -e tlsexplain.time.since_peer"
      f" ({env['C_LINES_with']} lines);")
  print(f"  without it (no such filter), the same frames: -Y '{env['C_WITHOUT_FILTER']}' -T fields"
      f" -e tls.handshake.type -e frame.time_delta ({env['C_LINES_without']} lines).")
EOF
)
MARKDOWN=$MARKDOWN ROUNDS=$ROUNDS CAP=$CAP PLUGIN=$PLUGIN COMMANDS=$COMMANDS C_WITHOUT_FILTER=$C_WITHOUT_FILTER \
  C_LINES_with=${C_LINES[with]} C_LINES_without=${C_LINES[without]} \
  python3 -c "$REPORT" "$RESULTS"
