#!/usr/bin/env bash
# On a new Debian machine: installs what the plugin needs, builds it, installs
# it and shows the reference document's handshake explained from a bundled
# sample.
#
#   ./install.sh              everything
#   ./install.sh --gui        everything, and the Wireshark GUI (wireshark-qt)
#   ./install.sh --deps-only  only the Debian packages (as CI does first)
#
# It also installs curl and openssl, for the README's "Capture your own
# handshake" (samples/serve.sh), and a small Chinese font: the explanations
# are in Chinese by default, and a stock Debian has no font with Chinese
# characters, so the GUI would show boxes.
#
# As root the plugin goes to Wireshark's system plugin folder, since Wireshark
# ignores the personal plugin folder for root; otherwise to the personal one
# (~/.local/lib/wireshark/plugins/<version>/epan).
set -euo pipefail
cd "$(dirname "$0")"

DEPS=(build-essential cmake pkg-config wireshark-dev libglib2.0-dev tshark python3
  curl openssl fonts-wqy-microhei)
deps_only=0
for arg in "$@"; do
  case $arg in
    --gui) DEPS+=(wireshark-qt) ;;
    --deps-only) deps_only=1 ;;
    *) echo "install.sh: unknown option $arg (--gui, --deps-only)" >&2; exit 2 ;;
  esac
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_root apt-get update
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${DEPS[@]}"
[ "$deps_only" -eq 1 ] && exit 0

system=OFF
[ "$(id -u)" -eq 0 ] && system=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTLSEXPLAIN_INSTALL_SYSTEM=$system
cmake --build build -j"$(nproc)"
cmake --install build

echo
echo "== The document's handshake (samples/tls12-doc.pcapng), step by step:"
tshark -r samples/tls12-doc.pcapng -Y tlsexplain -T fields -E occurrence=a \
  -e frame.number -e tlsexplain.step -e tlsexplain.direction -e tlsexplain.message \
  -e tlsexplain.time.since_peer 2>/dev/null
echo
echo "== Step 2 in full:"
tshark -r samples/tls12-doc.pcapng -Y "tlsexplain.step == 2" -O tlsexplain 2>/dev/null |
  sed -n '/^TLS Handshake Explainer/,/Step 3/p' | sed '$d'
