#!/usr/bin/env bash
# Makes samples/curl/: real curl -v sessions against openssl s_server over
# loopback, each with its capture, its key log and curl's whole stderr, made
# twice: by the host's curl 7.88 (OpenSSL 3.0), and by curl 8 in a Debian
# chroot (by default the forky chroot tests/compat/run.sh makes; curl is
# installed there from its own apt sources when missing).  The server is the
# host's openssl s_server; the host's dumpcap captures on lo, which the chroot
# shares.  tests/tshark/test_curl.py compares the plugin's trace with them.
# As root.
#
#   samples/make-curl-transcripts.sh                 every case, both curls
#   samples/make-curl-transcripts.sh tls13-hrr       one case, both curls
#
# Files: samples/curl/<case>.curl<7|8>.{pcapng,keys,txt}.  $TLSX_CURL8_ROOT
# overrides the chroot.  Regenerating changes times, randoms, keys and the
# certificate's dates, never which lines curl prints.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/curl
root=${TLSX_CURL8_ROOT:-/var/cache/tlsexplain-compat/forky}
port=4418

fail() {
  echo "make-curl-transcripts: $*" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || fail "chroot and dumpcap on lo need root"
for tool in openssl curl dumpcap; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
[ -x "$root/bin/bash" ] || fail "no chroot at $root (tests/compat/run.sh forky makes one)"

in_root() { # command
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive bash -c "$1"
}
if ! in_root 'command -v curl' >/dev/null; then
  in_root 'apt-get update -q && apt-get install -y -q --no-install-recommends curl' >/dev/null ||
    fail "cannot install curl in $root"
fi

# The work folder, as the chroot and as the host see it.
inside=/tmp/tlsx-curl-$$
work=$root$inside
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$work" "$out"

# A throw-away server certificate for q.shanyue.test, and a client one.
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=q.shanyue.test" \
  -addext "subjectAltName=DNS:q.shanyue.test" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=curl client" \
  -keyout "$work/client-key.pem" -out "$work/client.pem" 2>/dev/null

# start_dumpcap and wait_for_port.
. "$here/sample-lib.sh"

# One session: case, curl (7 or 8), s_server's options, --, curl's options.
# "%W" in curl's options stands for the work folder as that curl sees it.
session() {
  local name=$1 dialect=$2 server=() opts=() dir
  shift 2
  while [ "$1" != -- ]; do server+=("$1"); shift; done
  shift
  [ "$dialect" = 7 ] && dir=$work || dir=$inside
  for o in "$@"; do opts+=("${o//%W/$dir}"); done
  openssl s_server -accept "127.0.0.1:$port" -cert "$work/cert.pem" -key "$work/key.pem" \
    -www -quiet "${server[@]}" >"$work/server.log" 2>&1 &
  local server_pid=$!
  pids+=("$server_pid")
  wait_for_port "$port" || fail "$name: s_server did not start: $(cat "$work/server.log")"
  start_dumpcap "$work/cap.pcapng" lo "tcp port $port" "$work/dumpcap.log" ||
    fail "dumpcap did not start"
  rm -f "$work/keys"
  local cmd=(curl -sv --head -o /dev/null --max-time 3
    --resolve "q.shanyue.test:$port:127.0.0.1" "${opts[@]}")
  if [ "$dialect" = 7 ]; then
    SSLKEYLOGFILE=$work/keys "${cmd[@]}" 2>"$work/curl.log" || true
  else
    in_root "SSLKEYLOGFILE=$inside/keys $(printf '%q ' "${cmd[@]}") 2>$inside/curl.log" || true
  fi
  sleep 0.5
  kill -INT "$capture_pid"
  wait "$capture_pid" || true
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  local base=$out/$name.curl$dialect
  cp "$work/cap.pcapng" "$base.pcapng"
  touch "$work/keys"
  cp "$work/keys" "$base.keys"
  # curl's stderr without the temporary folder's name.
  sed "s#$dir#/tmp/work#g" "$work/curl.log" >"$base.txt"
  chmod 644 "$base".*
}

both() { # case server-options -- curl-options
  session "$1" 7 "${@:2}"
  session "$1" 8 "${@:2}"
}

url=https://q.shanyue.test:$port/
ca=(--cacert %W/cert.pem)
case_tls12_offer13() { both tls12-offer13 -tls1_2 -no_ticket -alpn http/1.1 -- "${ca[@]}" "$url"; }
case_tls12_max12() {
  both tls12-max12 -tls1_2 -no_ticket -alpn http/1.1 -- "${ca[@]}" --tls-max 1.2 "$url"
}
case_tls12_rsa() {
  both tls12-rsa -tls1_2 -no_ticket -cipher AES128-GCM-SHA256 -- "${ca[@]}" --tls-max 1.2 \
    --ciphers AES128-GCM-SHA256 "$url"
}
case_tls12_resume() {
  both tls12-resume -tls1_2 -no_ticket -- "${ca[@]}" --tls-max 1.2 "$url" "$url"
}
case_tls13_full() { both tls13-full -tls1_3 -alpn http/1.1 -- "${ca[@]}" "$url"; }
case_tls13_hrr() { both tls13-hrr -tls1_3 -groups P-256 -- "${ca[@]}" "$url"; }
case_tls13_resume() { both tls13-resume -tls1_3 -- "${ca[@]}" "$url" "$url"; }
case_tls13_clientauth() {
  both tls13-clientauth -tls1_3 -Verify 1 -CAfile "$work/client.pem" -- "${ca[@]}" \
    --cert %W/client.pem --key %W/client-key.pem "$url"
}
case_tls13_unknown_ca() { both tls13-unknown-ca -tls1_3 -- "$url"; }
case_tls12_no_cipher() {
  both tls12-no-cipher -tls1_2 -cipher AES256-SHA -- "${ca[@]}" --tls-max 1.2 \
    --ciphers ECDHE-RSA-AES128-GCM-SHA256 "$url"
}
case_tls10() {
  both tls10 -tls1 -cipher 'DEFAULT:@SECLEVEL=0' -- "${ca[@]}" --tlsv1.0 --tls-max 1.0 \
    --ciphers 'DEFAULT:@SECLEVEL=0' "$url"
}

cases=(tls12-offer13 tls12-max12 tls12-rsa tls12-resume tls13-full tls13-hrr tls13-resume
  tls13-clientauth tls13-unknown-ca tls12-no-cipher tls10)
[ $# -gt 0 ] && cases=("$@")
for c in "${cases[@]}"; do
  "case_${c//-/_}"
done
