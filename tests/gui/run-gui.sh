#!/usr/bin/env bash
# The plugin in Wireshark's GUI, as a person uses it: Wireshark (Qt) under
# Xvfb loads the plugin just built, opens the document's capture, selects frame
# 6 and expands the plugin's tree; then opens Statistics -> TLS Handshake
# Explainer and Statistics -> Flow Graph with the "TLS Handshake Explainer"
# flow.  Each is a screenshot:
#
#   tests/gui/run-gui.sh PLUGIN.so OUTDIR          # OUTDIR/gui-step.png, gui-stats.png, gui-flow.png
#   tests/gui/run-gui.sh PLUGIN.so OUTDIR --quick  # gui-step.png only (ctest: about 5 s, not 15)
#   tests/gui/run-gui.sh PLUGIN.so OUTDIR --zh     # gui-step-zh.png: the same, language zh
#
# docs/ holds the committed ones, made on Wireshark 4.0 with
#   tests/gui/run-gui.sh build/plugins/4.0/epan/tlsexplain.so docs
# and, for docs/gui-step-zh.png, the same with --zh
# (the Flow Graph is reached by its place in 4.0's Statistics menu).
#
# It checks that `wireshark -G plugins` lists the plugin just built, that the
# window opened and that each screenshot is not blank.  Without an X server to
# run (Xvfb, xdotool, ImageMagick or wireshark missing) it exits 77, which
# ctest reports as skipped.  As root, Wireshark runs as nobody: it ignores
# WIRESHARK_PLUGIN_DIR for root.
set -uo pipefail

PLUGIN=${1:?usage: run-gui.sh PLUGIN.so OUTDIR}
OUT=${2:?usage: run-gui.sh PLUGIN.so OUTDIR}
QUICK=${3:-}
STEP=gui-step.png LANGUAGE=
if [ "$QUICK" = --zh ]; then
    STEP=gui-step-zh.png QUICK=--quick LANGUAGE=zh
fi
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SKIP=77

for tool in Xvfb wireshark xdotool import setpriv; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIPPED: $tool is not installed (apt-get install xvfb wireshark-qt xdotool imagemagick)"
        exit $SKIP
    fi
done

PLUGIN=$(readlink -f "$PLUGIN")
VERSION=$(basename "$(dirname "$(dirname "$PLUGIN")")") # plugins/<major.minor>/epan/x.so
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d /tmp/tlsx-gui.XXXXXX)
XPID= WSPID=
cleanup() {
    [ -n "$WSPID" ] && kill "$WSPID" 2>/dev/null
    [ -n "$XPID" ] && kill "$XPID" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/plugins/$VERSION/epan" "$WORK/home/.config/wireshark"
cp "$PLUGIN" "$WORK/plugins/$VERSION/epan/"
cp "$SRC/samples/tls12-doc.pcapng" "$WORK/"
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
[ "$(id -u)" -eq 0 ] && chown -R nobody "$WORK/home"

# A free display.
DISP=99
while [ -e "/tmp/.X$DISP-lock" ] || [ -e "/tmp/.X11-unix/X$DISP" ]; do DISP=$((DISP + 1)); done
Xvfb ":$DISP" -screen 0 1280x960x24 -nolisten tcp -ac >"$WORK/xvfb.log" 2>&1 &
XPID=$!
export DISPLAY=":$DISP"
for _ in $(seq 50); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    kill -0 "$XPID" 2>/dev/null || { echo "SKIPPED: Xvfb cannot start: $(cat "$WORK/xvfb.log")"; exit $SKIP; }
    sleep 0.1
done
xdotool getdisplaygeometry >/dev/null 2>&1 || { echo "SKIPPED: Xvfb does not answer"; exit $SKIP; }

as_user() {
    local env=(env -i PATH=/usr/bin:/bin DISPLAY="$DISPLAY" HOME="$WORK/home"
        XDG_CONFIG_HOME="$WORK/home/.config" WIRESHARK_PLUGIN_DIR="$WORK/plugins" LC_ALL=C.UTF-8
        QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR="$WORK/home")
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups -- "${env[@]}" "$@"
    else
        "${env[@]}" "$@"
    fi
}

fail() {
    echo "FAIL: $*"
    [ -s "$WORK/wireshark.log" ] && tail -n 20 "$WORK/wireshark.log"
    exit 1
}

# Wireshark lists the plugin just built (tshark -G plugins: the GUI of 4.0
# knows no -G; same folders, same loader).
lister=tshark
listed=$(as_user tshark -G plugins 2>/dev/null | grep -P '^tlsexplain\.so\s')
echo "$lister -G plugins: $listed"
case "$listed" in
*"$WORK/plugins/"*) ;;
*) fail "$lister -G plugins does not list $WORK/plugins/$VERSION/epan/tlsexplain.so" ;;
esac

shot() { # NAME: a screenshot of the screen, not blank
    sleep "${2:-0.6}"
    import -window root "$OUT/$1" || fail "import $1"
    local colours
    colours=$(identify -format '%k' "$OUT/$1")
    [ "${colours:-0}" -gt 16 ] || fail "$1 is blank ($colours colours)"
    echo "screenshot: $OUT/$1"
}

as_user wireshark -r "$WORK/tls12-doc.pcapng" -g 6 >"$WORK/wireshark.log" 2>&1 &
WSPID=$!
WIN=$(timeout 30 xdotool search --sync --onlyvisible --name 'tls12-doc' | head -n1)
[ -n "$WIN" ] || fail "no Wireshark window"
xdotool windowmove "$WIN" 0 0 windowsize "$WIN" 1280 960
sleep 0.7

# Packet details (upper pane): the last tree is the plugin's; expand it and
# its first step (Step 2, Server Hello).
xdotool mousemove 300 150 click 1
xdotool key --delay 150 End Right Down Right
xdotool mousemove 1270 950
shot "$STEP"
[ "$QUICK" = --quick ] && exit 0

# Statistics -> TLS Handshake Explainer: the menu's last item.
xdotool key --window "$WIN" --delay 200 alt+s Up Return
STATS=$(timeout 15 xdotool search --sync --onlyvisible --name 'TLS Handshake Explainer' | head -n1)
[ -n "$STATS" ] || fail "no statistics window"
xdotool windowmove "$STATS" 40 40 windowsize "$STATS" 1100 760
# The window opens sorted by name, descending; a click on "Topic / Item"
# sorts it ascending, the messages in handshake order (as tshark lists them).
sleep 1
xdotool mousemove 110 63 click 1
xdotool mousemove 1270 950
shot gui-stats.png 1.5
xdotool key Escape # to the dialog, which has the focus since the click
sleep 0.5
# The focus back to the packet list, on frame 6 (else alt+s types in the
# display filter).
xdotool mousemove 300 631 click 1
sleep 0.3

# Statistics -> Flow Graph (the 17th item of Wireshark 4.0's menu), flow
# type "TLS Handshake Explainer".
xdotool windowactivate --sync "$WIN" 2>/dev/null
xdotool key --window "$WIN" --delay 200 alt+s
xdotool key --delay 60 $(printf 'Down %.0s' $(seq 16)) Return
FLOW=$(timeout 15 xdotool search --sync --onlyvisible --name 'Flow' | head -n1)
[ -n "$FLOW" ] || fail "no flow graph window"
xdotool windowmove "$FLOW" 20 20 windowsize "$FLOW" 1200 900
sleep 1
# The "Flow type" box, bottom middle of the dialog: pick ours by typing.
xdotool mousemove 660 865 click 1
sleep 0.5
xdotool type --delay 80 "TLS Handshake"
xdotool key Return
xdotool mousemove 1270 950
shot gui-flow.png 1.5
exit 0
