#!/usr/bin/env bash
# A local HTTPS server to capture your own handshake against (README, "Capture
# your own handshake"): openssl s_server on loopback, 127.0.0.1 only, with a
# throw-away certificate for q.shanyue.test made at start and deleted at exit,
# as the document's server had one for q.shanyue.tech.  It answers GET (curl
# without --head: s_server -www answers no HEAD) with a page describing the
# connection.  No session tickets, so a TLS 1.2 handshake is the document's
# ten steps.  Runs until Ctrl-C; any user may run it (the port is above 1024).
#
#   samples/serve.sh          https://127.0.0.1:8443/
#   samples/serve.sh 9443     another port
set -euo pipefail
port=${1:-8443}
command -v openssl >/dev/null || { echo "serve.sh: openssl is missing (./install.sh installs it)" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tlsx-serve-XXXXXX")
server=
stop() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=q.shanyue.test" \
  -addext "subjectAltName=DNS:q.shanyue.test" \
  -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null

openssl s_server -accept "127.0.0.1:$port" -cert "$dir/cert.pem" -key "$dir/key.pem" \
  -www -quiet -no_ticket &
server=$!
echo "serve.sh: https://127.0.0.1:$port/ (Ctrl-C stops it)" >&2
wait "$server"
