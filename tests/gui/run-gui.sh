#!/usr/bin/env bash
# The plugin in Wireshark's GUI, as a person uses it: Wireshark (Qt) under
# Xvfb loads the plugin just built, opens the document's capture, selects frame
# 6 and expands the plugin's tree; then opens Statistics -> TLS Handshake
# Explainer, Statistics -> Flow Graph with the "TLS Handshake Explainer" flow,
# and, on a capture whose handshake an alert ended, Analyze -> Expert
# Information.  Each is a screenshot:
#
#   tests/gui/run-gui.sh PLUGIN.so OUTDIR          # gui-step, gui-stats, gui-flow, gui-expert.png
#   tests/gui/run-gui.sh PLUGIN.so OUTDIR --zh     # gui-step-zh, gui-stats-zh.png: language zh
#   tests/gui/run-gui.sh PLUGIN.so OUTDIR --quick  # gui-step.png only (ctest: about 5 s)
#
# docs/ holds the committed ones, made on Wireshark 4.0 with
#   tests/gui/run-gui.sh build/plugins/4.0/epan/tlsexplain.so docs
#   tests/gui/run-gui.sh build/plugins/4.0/epan/tlsexplain.so docs --zh
#
# Menus, buttons, combo box items and table rows are found by their names, the
# words on the screen: Wireshark runs with Qt's accessibility on
# (QT_LINUX_ACCESSIBILITY_ALWAYS_ON) on a D-Bus session bus of its own, and
# tests/gui/a11y.py reads and presses its widgets through AT-SPI.  What the
# windows show is checked too: the step labels of frame 6 in the packet
# details, the statistics tree's rows and counts against `tshark -z
# tlsexplain,tree`, the flow type chosen, the plugin's expert info in Expert
# Information.
#
# It checks that `tshark -G plugins` lists the plugin just built, that the
# window opened and that each screenshot is not blank.  Without an X server to
# run (Xvfb, xdotool, ImageMagick or wireshark missing) it exits 77, which
# ctest reports as skipped; so do the full and --zh modes without AT-SPI
# (dbus-daemon, at-spi2-core, python3-gi, gir1.2-atspi-2.0).  --quick needs no
# AT-SPI: it uses keys only.  As root, Wireshark runs as nobody: it ignores
# WIRESHARK_PLUGIN_DIR for root; the session bus and a11y.py run as nobody too.
set -uo pipefail

PLUGIN=${1:?usage: run-gui.sh PLUGIN.so OUTDIR [--quick|--zh]}
OUT=${2:?usage: run-gui.sh PLUGIN.so OUTDIR [--quick|--zh]}
MODE=${3:-full}
case "$MODE" in
full | --quick) SUFFIX='' LANGUAGE='' ;;
--zh) SUFFIX=-zh LANGUAGE=zh ;;
*) echo "usage: run-gui.sh PLUGIN.so OUTDIR [--quick|--zh]" >&2; exit 2 ;;
esac
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SKIP=77

for tool in Xvfb wireshark tshark xdotool import setpriv; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIPPED: $tool is not installed (apt-get install xvfb wireshark-qt xdotool imagemagick)"
        exit $SKIP
    fi
done
A11Y_PACKAGES="dbus-daemon at-spi2-core python3-gi gir1.2-atspi-2.0"
if [ "$MODE" != --quick ]; then
    if ! command -v dbus-daemon >/dev/null || [ ! -x /usr/libexec/at-spi-bus-launcher ] ||
        ! /usr/bin/python3 -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null; then
        echo "SKIPPED: no AT-SPI to find Wireshark's menus by name (apt-get install $A11Y_PACKAGES)"
        exit $SKIP
    fi
fi

PLUGIN=$(readlink -f "$PLUGIN")
VERSION=$(basename "$(dirname "$(dirname "$PLUGIN")")") # plugins/<major.minor>/epan/x.so
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d /tmp/tlsx-gui.XXXXXX)
XPID='' WSPID='' BUSPID=''
cleanup() {
    [ -n "$WSPID" ] && kill "$WSPID" 2>/dev/null
    # The session bus gone, the accessibility bus and its registry follow.
    [ -n "$BUSPID" ] && kill "$BUSPID" 2>/dev/null
    [ -n "$XPID" ] && kill "$XPID" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/plugins/$VERSION/epan" "$WORK/home/.config/wireshark"
cp "$PLUGIN" "$WORK/plugins/$VERSION/epan/"
cp "$SRC/samples/tls12-doc.pcapng" "$SRC/samples/tls12-alert.pcapng" "$WORK/"
cp "$SRC/tests/gui/a11y.py" "$WORK/"
# No welcome, no update check, no question on closing; the packet details
# take the upper pane, the packet list the lower one, no bytes pane.
cat >"$WORK/home/.config/wireshark/preferences" <<'EOF'
gui.update.enabled: FALSE
gui.ask_unsaved: FALSE
gui.layout_content_1: PDETAILS
gui.layout_content_2: PLIST
gui.layout_content_3: NONE
EOF
[ -n "$LANGUAGE" ] && echo "tlsexplain.language: $LANGUAGE" >>"$WORK/home/.config/wireshark/preferences"
chmod -R a+rX "$WORK"
chmod 700 "$WORK/home" # also XDG_RUNTIME_DIR: the accessibility bus's socket
[ "$(id -u)" -eq 0 ] && chown -R nobody "$WORK/home"

# A free display.
DISP=99
while [ -e "/tmp/.X$DISP-lock" ] || [ -e "/tmp/.X11-unix/X$DISP" ]; do DISP=$((DISP + 1)); done
Xvfb ":$DISP" -screen 0 1280x960x24 -nolisten tcp -noreset -ac >"$WORK/xvfb.log" 2>&1 &
XPID=$!
export DISPLAY=":$DISP"
for _ in $(seq 50); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    kill -0 "$XPID" 2>/dev/null || { echo "SKIPPED: Xvfb cannot start: $(cat "$WORK/xvfb.log")"; exit $SKIP; }
    sleep 0.1
done
xdotool getdisplaygeometry >/dev/null 2>&1 || { echo "SKIPPED: Xvfb does not answer"; exit $SKIP; }

BUS="unix:path=$WORK/home/bus"
USER_ENV=(env -i PATH=/usr/bin:/bin DISPLAY="$DISPLAY" HOME="$WORK/home"
    XDG_CONFIG_HOME="$WORK/home/.config" WIRESHARK_PLUGIN_DIR="$WORK/plugins" LC_ALL=C.UTF-8
    QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR="$WORK/home" DBUS_SESSION_BUS_ADDRESS="$BUS"
    QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1)
# as_user COMMAND...: COMMAND as the user Wireshark runs as (nobody for root).
as_user() {
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups -- "${USER_ENV[@]}" "$@"
    else
        "${USER_ENV[@]}" "$@"
    fi
}
# bg_user LOG COMMAND...: the same in the background; BGPID is COMMAND's own
# pid (setpriv and env exec it), which kill reaches.
bg_user() {
    local log=$1
    shift
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups -- "${USER_ENV[@]}" "$@" >"$log" 2>&1 &
    else
        "${USER_ENV[@]}" "$@" >"$log" 2>&1 &
    fi
    BGPID=$!
}
a11y() { as_user /usr/bin/python3 "$WORK/a11y.py" "$@"; }

fail() {
    echo "FAIL: $*"
    [ -s "$WORK/wireshark.log" ] && tail -n 20 "$WORK/wireshark.log"
    exit 1
}

# Wireshark lists the plugin just built (tshark -G plugins: the GUI of 4.0
# knows no -G; same folders, same loader).
listed=$(as_user tshark -G plugins 2>/dev/null | grep -P '^tlsexplain\.so\s')
echo "tshark -G plugins: $listed"
case "$listed" in
*"$WORK/plugins/"*) ;;
*) fail "tshark -G plugins does not list $WORK/plugins/$VERSION/epan/tlsexplain.so" ;;
esac

# The session bus; the first question on it starts the accessibility bus
# (at-spi-bus-launcher), before Wireshark looks for it.
if [ "$MODE" != --quick ]; then
    bg_user "$WORK/dbus.log" dbus-daemon --session --address="$BUS" --nofork --nopidfile
    BUSPID=$BGPID
    for _ in $(seq 50); do [ -S "$WORK/home/bus" ] && break; sleep 0.1; done
    a11y ready || fail "no accessibility bus: $(cat "$WORK/dbus.log")"
fi

shot() { # NAME [DELAY]: a screenshot of the screen, not blank
    sleep "${2:-0.6}"
    import -window root "$OUT/$1" || fail "import $1"
    local colours
    colours=$(identify -format '%k' "$OUT/$1")
    [ "${colours:-0}" -gt 16 ] || fail "$1 is blank ($colours colours)"
    echo "screenshot: $OUT/$1"
}

# expect WHAT LINE < TEXT: TEXT holds LINE, whole.
expect() {
    local what=$1 line=$2 text
    text=$(cat)
    grep -qxF -- "$line" <<<"$text" || fail "$what: no line '$line' in:
$text"
}

# start CAPTURE [ARGS...]: Wireshark on CAPTURE, its window at 0,0 in 1280x960.
start() {
    local capture=$1
    shift
    bg_user "$WORK/wireshark.log" wireshark -r "$WORK/$capture" "$@"
    WSPID=$BGPID
    WIN=$(timeout 30 xdotool search --sync --onlyvisible --name "${capture%.pcapng}" | head -n1)
    [ -n "$WIN" ] || fail "no Wireshark window for $capture"
    xdotool windowmove "$WIN" 0 0 windowsize "$WIN" 1280 960
    sleep 0.7
}

# quit: File -> Quit, and Wireshark is gone.
quit() {
    a11y menu File Quit || fail "File -> Quit"
    for _ in $(seq 50); do kill -0 "$WSPID" 2>/dev/null || break; sleep 0.1; done
    kill "$WSPID" 2>/dev/null
    wait "$WSPID" 2>/dev/null
    WSPID=
}

# dialog MENU ITEM TITLE X Y W H: MENU -> ITEM, and its window (TITLE) at X,Y in WxH.
dialog() {
    local menu=$1 item=$2 title=$3 x=$4 y=$5 w=$6 h=$7 win
    a11y menu "$menu" "$item" || fail "$menu -> $item"
    win=$(timeout 15 xdotool search --sync --onlyvisible --name "$title" | head -n1)
    [ -n "$win" ] || fail "$menu -> $item: no window '$title'"
    xdotool windowmove "$win" "$x" "$y" windowsize "$win" "$w" "$h"
    sleep 1
}

# click WINDOW ROLE NAME: a click on the widget called NAME.
click() {
    local xy
    xy=$(a11y centre "$@") || fail "no $2 '$3' in '$1'"
    # shellcheck disable=SC2086 # "x y"
    xdotool mousemove $xy click 1
}

start tls12-doc.pcapng -g 6
# Packet details (upper pane): the last tree is the plugin's; expand it and
# its first step (Step 2, Server Hello).
xdotool mousemove 300 150 click 1
xdotool key --delay 150 End Right Down Right
xdotool mousemove 1270 950
shot "gui-step$SUFFIX.png"
[ "$MODE" = --quick ] && exit 0

# The tree as read on the screen: the plugin's row and its four steps.
details=$(a11y rows tls12-doc 6 'Packet details' | cut -f1) || fail "no packet details"
if [ "$LANGUAGE" = zh ]; then
    steps=("第 2 步：Server Hello [IN]" "第 3 步：Certificate [IN]" "第 4 步：Server Key Exchange [IN]"
        "第 5 步：Server Hello Done [IN]")
else
    steps=("Step 2: Server Hello [IN]" "Step 3: Certificate [IN]" "Step 4: Server Key Exchange [IN]"
        "Step 5: Server Hello Done [IN]")
fi
for line in "TLS Handshake Explainer: 4 messages" "${steps[@]}"; do
    expect "packet details of frame 6" "$line" <<<"$details"
done

# Statistics -> TLS Handshake Explainer.  The window opens sorted by name,
# descending; a click on "Topic / Item" sorts it ascending, the messages in
# handshake order (as tshark lists them).
dialog Statistics "TLS Handshake Explainer" "TLS Handshake Explainer" 40 40 1100 760
click "TLS Handshake Explainer ·" "table column header" "Topic / Item"
# Its rows and counts are tshark's, in the same language.
stats=$(a11y rows "TLS Handshake Explainer ·" 30 | tail -n +2 | cut -f1,2 | sed 's/^ *//' | sort)
tshark_stats=$(as_user tshark -r "$WORK/tls12-doc.pcapng" -q -z tlsexplain,tree 2>&1 |
    sed -n '/^----/,/^----/p' | sed '1d;$d;/^$/d' |
    /usr/bin/python3 -c '
import re, sys
for line in sys.stdin:
    m = re.match(r"\s*(.*?)\s+(\d+)(\s|$)", line)
    print(f"{m.group(1)}\t{m.group(2)}")' | sort)
[ "$stats" = "$tshark_stats" ] || fail "statistics window differs from tshark -z tlsexplain,tree:
$(diff <(echo "$tshark_stats") <(echo "$stats"))"
if [ "$LANGUAGE" = zh ]; then
    expect "statistics window" "握手	1" <<<"$stats"
else
    expect "statistics window" "Handshakes	1" <<<"$stats"
fi
expect "statistics window" "TLS 1.2 full	1" <<<"$stats"
xdotool mousemove 1270 950
shot "gui-stats$SUFFIX.png" 1
a11y press "TLS Handshake Explainer ·" "push button" Close || fail "statistics window: no Close"
if [ "$LANGUAGE" = zh ]; then
    quit
    exit 0
fi

# Statistics -> Flow Graph, flow type "TLS Handshake Explainer".
dialog Statistics "Flow Graph" "Flow" 20 20 1200 900
xy=$(a11y choose "Flow ·" "All Flows" "TLS Handshake Explainer") || fail "no flow type TLS Handshake Explainer"
# shellcheck disable=SC2086 # "x y"
xdotool mousemove $xy click 1
a11y centre "Flow ·" "combo box" "TLS Handshake Explainer" >/dev/null ||
    fail "flow type is not TLS Handshake Explainer"
xdotool mousemove 1270 950
shot gui-flow.png 1.5
quit

# Analyze -> Expert Information on a capture where a fatal alert ended the
# handshake; grouped by severity (not by summary), the error's row expanded:
# the plugin's own sentence for frame 6.
start tls12-alert.pcapng -g 6
dialog Analyze "Expert Information" "Expert Information" 40 40 1180 520
a11y press "Expert Information" "check box" "Group by summary" || fail "no Group by summary"
click "Expert Information" "table cell" "Error"
xdotool key Right
expert=$(a11y rows "Expert Information" 4) || fail "no expert infos"
expect "Expert Information" "Error		Response	TLS Handshake Explainer	1" <<<"$expert"
expect "Expert Information" "6	Fatal alert Handshake Failure (40) ended handshake 1	Response	TLS Handshake Explainer	" <<<"$expert"
# The Protocol column as wide as the plugin's name: a double click on the
# right edge of its header.
read -r x y w h < <(a11y box "Expert Information" "table column header" Protocol) ||
    fail "no Protocol column"
xdotool mousemove $((x + w - 1)) $((y + h / 2)) click --repeat 2 1
xdotool mousemove 1270 950
shot gui-expert.png 1
quit
exit 0
