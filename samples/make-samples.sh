#!/usr/bin/env bash
# Makes the bundled sample captures: real handshakes between openssl or curl
# and openssl s_server over loopback, captured with dumpcap, with their NSS
# key logs.  Needs root (dumpcap on lo), openssl, curl and dumpcap; the samples
# from tls12-dhe on also need tshark (to check what they captured) and ss, and
# tls13-gnutls and tls13-nginx need gnutls-serv, gnutls-cli and nginx.
#
#   samples/make-samples.sh            all samples
#   samples/make-samples.sh tls12-doc  one of them
#
# Regenerating changes times, randoms and keys, never the steps listed in
# samples/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=443
work=$(mktemp -d /tmp/tlsx-samples-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for tool in openssl curl dumpcap; do
  command -v "$tool" >/dev/null || { echo "make-samples: $tool is missing" >&2; exit 1; }
done
if [ "$(id -u)" -ne 0 ]; then
  echo "make-samples: dumpcap must capture on lo: run as root" >&2
  exit 1
fi

# A throw-away certificate, as the document's server had one for q.shanyue.tech.
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=q.shanyue.test" \
  -addext "subjectAltName=DNS:q.shanyue.test" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

# start_dumpcap, wait_for_port and tls_messages_of.
. "$here/sample-lib.sh"

start_capture() { # name
  start_dumpcap "$work/$1.pcapng" lo "tcp port $port" "$work/dumpcap.log" ||
    { echo "make-samples: dumpcap did not start" >&2; exit 1; }
}

stop_capture() { # name
  sleep 0.5
  kill -INT "$capture_pid"
  wait "$capture_pid" || true
  cp "$work/$1.pcapng" "$here/$1.pcapng"
  chmod 644 "$here/$1.pcapng"
}

start_server() { # openssl s_server options...
  openssl s_server -accept "127.0.0.1:$port" -cert "$work/cert.pem" -key "$work/key.pem" \
    -www -quiet "$@" >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_for_port "$port" && return 0
  echo "make-samples: s_server did not start: $(cat "$work/server.log")" >&2
  exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

# The probe connection of start_server is captured if the capture starts first,
# so servers start before captures.

curl_session() { # name curl-options...
  local name=$1
  shift
  SSLKEYLOGFILE="$here/$name.keys" curl -sv --head -k --max-time 5 \
    --resolve "q.shanyue.test:$port:127.0.0.1" "$@" "https://q.shanyue.test:$port/" \
    >/dev/null 2>"$work/curl.log" || true
  grep -E '^\* (TLSv|SSL connection|ALPN)' "$work/curl.log" >"$here/$name.curl.txt"
}

# A curl session against s_server: the sample's name, s_server's options,
# then -- and curl's options.
curl_sample() {
  local name=$1 server=()
  shift
  while [ "$1" != -- ]; do server+=("$1"); shift; done
  shift
  rm -f "$here/$name.keys"
  start_server "${server[@]}"
  start_capture "$name"
  curl_session "$name" "$@"
  stop_capture "$name"
  stop_server
}

# 1. The document's case: TLS 1.2 full handshake, ECDHE-RSA-AES128-GCM-SHA256,
#    curl offers h2 and http/1.1 and the server picks h2.  No session ticket,
#    so that the document's ten steps are exactly what is on the wire.
DOC_SERVER=(-tls1_2 -no_ticket -cipher ECDHE-RSA-AES128-GCM-SHA256 -alpn h2)
DOC_CURL=(--tlsv1.2 --tls-max 1.2 --ciphers ECDHE-RSA-AES128-GCM-SHA256)
make_tls12_doc() {
  curl_sample tls12-doc "${DOC_SERVER[@]}" -- "${DOC_CURL[@]}"
}

# 2. TLS 1.3 full handshake (X25519, no HelloRetryRequest), curl as client.
make_tls13_full() {
  curl_sample tls13-full -tls1_3 -alpn h2 -- --tlsv1.3
}

# 3. TLS 1.2 full handshake, then the same session resumed by session ID.
make_tls12_resume() {
  rm -f "$here/tls12-resume.keys"
  start_server -tls1_2 -no_ticket -cipher ECDHE-RSA-AES128-GCM-SHA256
  start_capture tls12-resume
  for round in out in; do
    printf 'GET / HTTP/1.0\r\n\r\n' |
      openssl s_client -connect "127.0.0.1:$port" -servername q.shanyue.test -tls1_2 \
        -no_ticket -keylogfile "$work/keys.$round" -ign_eof "-sess_$round" "$work/session.pem" \
        >"$work/client.$round.log" 2>&1 || true
  done
  stop_capture tls12-resume
  stop_server
  grep -q '^Reused, TLSv1.2' "$work/client.in.log" ||
    { echo "make-samples: the second connection was not resumed" >&2; exit 1; }
  cat "$work/keys.out" "$work/keys.in" >"$here/tls12-resume.keys"
}

# 4. The document's case with records of at most 512 bytes: the server's
#    Certificate spans two records, which Wireshark reassembles, in one frame
#    with the Server Hello before it and the Server Key Exchange after it.
make_tls12_records() {
  curl_sample tls12-records "${DOC_SERVER[@]}" -max_send_frag 512 -- "${DOC_CURL[@]}"
}

# 5. The document's case again, cut small: the server writes records of at most
#    512 bytes (so its Certificate spans two records and Wireshark reassembles
#    it) over a loopback with a 576-byte MTU (so records span TCP segments).
#    It runs in a network namespace of its own, to leave the host's lo alone.
make_tls12_fragmented() {
  local ns=tlsx-samples-$$
  ip netns add "$ns"
  ip netns exec "$ns" ip link set lo up mtu 576 gso_max_size 576 gso_max_segs 1
  ip netns exec "$ns" bash "$0" inside-tls12-fragmented || { ip netns del "$ns"; exit 1; }
  ip netns del "$ns"
}

make_inside_tls12_fragmented() {
  curl_sample tls12-fragmented "${DOC_SERVER[@]}" -max_send_frag 512 -- "${DOC_CURL[@]}"
}

# --- The samples below check what they captured with tshark (4.0) and the key
# log, and fail if it is not what samples/README.md lists.

fail() {
  echo "make-samples: $*" >&2
  exit 1
}

need() { # tools...
  for tool in "$@"; do
    command -v "$tool" >/dev/null || fail "$tool is missing"
  done
}

# Waits until something listens on the port, without connecting to it (a probe
# connection would be a connection of its own to the server).
wait_listening() { # what
  for _ in $(seq 100); do
    ss -Hltn "sport = :$port" | grep -q . && { sleep 0.2; return 0; }
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  fail "$1 did not start: $(cat "$work/server.log")"
}

# Starts a server command in the background, its stdin from $server_in
# (default /dev/null), its output in $work/server.log; stop it with stop_server.
start_listener() { # command...
  need ss
  ! ss -Hltn "sport = :$port" | grep -q . || fail "port $port is in use"
  "$@" <"${server_in:-/dev/null}" >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_listening "$1"
}

# openssl s_server in its interactive mode (no -www): it reads commands from
# stdin, so stdin is a FIFO that stays open until stop_interactive_server.
start_interactive_server() { # openssl s_server options...
  rm -f "$work/server.in"
  mkfifo "$work/server.in"
  exec 7<>"$work/server.in"
  server_in=$work/server.in start_listener openssl s_server -accept "127.0.0.1:$port" \
    -cert "$work/cert.pem" -key "$work/key.pem" "$@"
}

stop_interactive_server() {
  exec 7>&-
  stop_server
}

# A tiny CA, a client certificate it signed, and the CA's certificate.
make_ca() {
  [ -f "$work/client.pem" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=tlsx sample CA" \
    -keyout "$work/ca.key" -out "$work/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=tlsx sample client" \
    -keyout "$work/client.key" -out "$work/client.csr" 2>/dev/null
  openssl x509 -req -in "$work/client.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" \
    -CAcreateserial -days 3650 -out "$work/client.pem" 2>/dev/null
}

# One openssl s_client connection, stdin from the caller: its key log goes to
# $work/keys.TAG and its output to $work/client.TAG.log.
s_client_run() { # tag s_client-options...
  local tag=$1
  shift
  openssl s_client -connect "127.0.0.1:$port" -servername q.shanyue.test \
    -keylogfile "$work/keys.$tag" "$@" >"$work/client.$tag.log" 2>&1 || true
}

# Two s_client connections, the second resuming the session the first saved
# (session ID or ticket, as the options say), against s_server -www.
resume_sample() { # name s_server-options... -- s_client-options...
  local name=$1 server=()
  shift
  while [ "$1" != -- ]; do server+=("$1"); shift; done
  shift
  rm -f "$here/$name.keys" "$work/session.pem" "$work"/keys.*
  start_server "${server[@]}"
  start_capture "$name"
  for round in out in; do
    printf 'GET / HTTP/1.0\r\n\r\n' |
      s_client_run "$round" "$@" -ign_eof "-sess_$round" "$work/session.pem"
    [ -s "$work/session.pem" ] || fail "$name: s_client saved no session"
  done
  stop_capture "$name"
  stop_server
  grep -q '^Reused, ' "$work/client.in.log" || fail "$name: the second connection was not resumed"
  cat "$work/keys.out" "$work/keys.in" >"$here/$name.keys"
}

# The handshake messages of a sample, with its key log.
tls_messages() { # name
  tls_messages_of "$here/$1.pcapng" "$here/$1.keys"
}

# Checks a sample against what it must hold: one argument per run of messages
# in one direction of one connection, "STREAM DIR: message, message...", in
# order (frames do not matter; close_notify alerts are left out, their order
# against the peer's last records is the operating system's).
expect_messages() { # name runs...
  local name=$1 got want
  shift
  need tshark
  got=$(tls_messages "$name" | grep -v ' Alert Close Notify (0)$' | awk '
    { key = $2 " " $3 ":"; m = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", m)
      if (key == last) line = line ", " m
      else { if (line != "") print line; line = key " " m; last = key } }
    END { if (line != "") print line }')
  want=$(printf '%s\n' "$@")
  if [ "$got" != "$want" ]; then
    echo "make-samples: $name does not hold what it should; it holds:" >&2
    tls_messages "$name" >&2
    echo "make-samples: expected:" >&2
    echo "$want" >&2
    exit 1
  fi
  echo "make-samples: $name:"
  tls_messages "$name" | sed 's/^/  /'
}

# As expect_messages, for a sample whose two directions interleave differently
# from one run to the next: one argument per direction of each connection,
# "STREAM DIR: message, message...", connections in order, OUT before IN.
expect_messages_by_direction() { # name runs...
  local name=$1 got want
  shift
  need tshark
  got=$(tls_messages "$name" | grep -v ' Alert Close Notify (0)$' | awk '
    { key = $2 " " $3 ":"; m = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", m)
      if (!(key in run)) { run[key] = key " " m; keys[n++] = key } else run[key] = run[key] ", " m }
    END { for (i = 0; i < n; i++) if (keys[i] ~ / OUT:$/) print run[keys[i]]
          for (i = 0; i < n; i++) if (keys[i] ~ / IN:$/) print run[keys[i]] }' |
    sort -s -n -k1,1)
  want=$(printf '%s\n' "$@")
  if [ "$got" != "$want" ]; then
    echo "make-samples: $name does not hold what it should; it holds:" >&2
    tls_messages "$name" >&2
    echo "make-samples: expected, by direction:" >&2
    echo "$want" >&2
    exit 1
  fi
  echo "make-samples: $name:"
  tls_messages "$name" | sed 's/^/  /'
}

# curl against s_server -www with h2 (as in tls12-doc): s_server does not speak
# HTTP/2, curl gives up after --max-time and closes, and s_server answers the
# end of the connection with a fatal decode_error alert.
# The alert ends the server's last run of messages.
H2_END=", Alert Decode Error (50)"

# 6. TLS 1.2 full handshake with finite-field Diffie-Hellman,
#    DHE-RSA-AES128-GCM-SHA256 (s_server's built-in 2048-bit group).
make_tls12_dhe() {
  curl_sample tls12-dhe -tls1_2 -no_ticket -cipher DHE-RSA-AES128-GCM-SHA256 -alpn h2 -- \
    --tlsv1.2 --tls-max 1.2 --ciphers DHE-RSA-AES128-GCM-SHA256
  expect_messages tls12-dhe \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished$H2_END"
}

# 7. TLS 1.2 full handshake with RSA key exchange, AES128-GCM-SHA256: no
#    Server Key Exchange, the Client Key Exchange carries the encrypted
#    premaster secret.
make_tls12_rsa() {
  curl_sample tls12-rsa -tls1_2 -no_ticket -cipher AES128-GCM-SHA256 -alpn h2 -- \
    --tlsv1.2 --tls-max 1.2 --ciphers AES128-GCM-SHA256
  expect_messages tls12-rsa \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished$H2_END"
}

# 8. TLS 1.2 full handshake in which the server issues a session ticket, then a
#    second connection that resumes the session by that ticket.  The client
#    sends the ticket with a session ID of its own, which the server echoes to
#    say it resumes; s_server does not renew a ticket it can still use, so
#    there is no New Session Ticket in the second handshake.
make_tls12_ticket() {
  resume_sample tls12-ticket -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -- -tls1_2
  expect_messages tls12-ticket \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: New Session Ticket, Change Cipher Spec, Finished" \
    "1 OUT: Client Hello" \
    "1 IN: Server Hello, Change Cipher Spec, Finished" \
    "1 OUT: Change Cipher Spec, Finished"
}

# 9. TLS 1.2 full handshake with a client certificate: the server asks for one
#    (Certificate Request), curl sends its certificate and a Certificate Verify.
make_tls12_clientauth() {
  make_ca
  curl_sample tls12-clientauth "${DOC_SERVER[@]}" -Verify 1 -CAfile "$work/ca.pem" -- \
    "${DOC_CURL[@]}" --cert "$work/client.pem" --key "$work/client.key"
  expect_messages tls12-clientauth \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Certificate Request, Server Hello Done" \
    "0 OUT: Certificate, Client Key Exchange, Certificate Verify, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished$H2_END"
}

# 10. TLS 1.3 with a HelloRetryRequest: curl offers a key share for X25519
#     only, the server accepts P-256 only and asks again.
make_tls13_hrr() {
  curl_sample tls13-hrr -tls1_3 -groups P-256 -alpn h2 -- --tlsv1.3 --curves X25519:P-256
  expect_messages tls13-hrr \
    "0 OUT: Client Hello" \
    "0 IN: Hello Retry Request, Change Cipher Spec" \
    "0 OUT: Change Cipher Spec, Client Hello" \
    "0 IN: Server Hello, Encrypted Extensions, Certificate, Certificate Verify, Finished" \
    "0 OUT: Finished" \
    "0 IN: New Session Ticket, New Session Ticket$H2_END"
}

# 11. TLS 1.3 full handshake, then a second connection that resumes the session
#     with one of the first connection's tickets (PSK with (EC)DHE).
make_tls13_psk() {
  resume_sample tls13-psk -tls1_3 -- -tls1_3
  expect_messages tls13-psk \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, Finished" \
    "0 OUT: Change Cipher Spec, Finished" \
    "0 IN: New Session Ticket, New Session Ticket" \
    "1 OUT: Client Hello" \
    "1 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Finished" \
    "1 OUT: Change Cipher Spec, Finished" \
    "1 IN: New Session Ticket"
}

# 12. TLS 1.3 0-RTT: the first connection gets a ticket that allows early data,
#     the second sends early data with its Client Hello and, once the server has
#     accepted it, an End Of Early Data.  s_server runs without -www (which
#     would not read early data), so the clients close the connections.
make_tls13_0rtt() {
  local name=tls13-0rtt
  rm -f "$here/$name.keys" "$work/session.pem" "$work"/keys.*
  printf 'GET /early HTTP/1.0\r\n\r\n' >"$work/early.txt"
  start_interactive_server -tls1_3 -early_data
  start_capture "$name"
  { printf 'first\n'; sleep 1; } | s_client_run out -tls1_3 -sess_out "$work/session.pem" || true
  [ -s "$work/session.pem" ] || fail "$name: s_client saved no session"
  { sleep 1; printf 'second\n'; sleep 0.5; } |
    s_client_run in -tls1_3 -sess_in "$work/session.pem" -early_data "$work/early.txt" || true
  stop_capture "$name"
  stop_interactive_server
  grep -q '^Reused, ' "$work/client.in.log" || fail "$name: the second connection was not resumed"
  grep -q 'Early data was accepted' "$work/client.in.log" ||
    fail "$name: the server did not accept the early data: $(grep -i early "$work/client.in.log")"
  cat "$work/keys.out" "$work/keys.in" >"$here/$name.keys"
  expect_messages "$name" \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, Finished" \
    "0 OUT: Change Cipher Spec, Finished" \
    "0 IN: New Session Ticket, New Session Ticket" \
    "1 OUT: Client Hello, Change Cipher Spec" \
    "1 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Finished" \
    "1 OUT: End of Early Data, Finished" \
    "1 IN: New Session Ticket"
}

# 13. TLS 1.3 full handshake with a client certificate: Certificate Request in
#     the server's flight, then the client's Certificate, Certificate Verify and
#     Finished.
make_tls13_clientauth() {
  make_ca
  curl_sample tls13-clientauth -tls1_3 -Verify 1 -CAfile "$work/ca.pem" -alpn h2 -- \
    --tlsv1.3 --cert "$work/client.pem" --key "$work/client.key"
  expect_messages tls13-clientauth \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate Request, Certificate, Certificate Verify, Finished" \
    "0 OUT: Change Cipher Spec, Certificate, Certificate Verify, Finished" \
    "0 IN: New Session Ticket, New Session Ticket$H2_END"
}

# 13b. TLS 1.3, the server requires a client certificate and curl has none:
#     curl sends an empty Certificate and its Finished, which completes the
#     handshake on its side; the server answers with a fatal
#     certificate_required alert (curl exits 56).
make_tls13_certreq() {
  make_ca
  curl_sample tls13-certreq -tls1_3 -Verify 1 -CAfile "$work/ca.pem" -alpn h2 -- --tlsv1.3
  expect_messages tls13-certreq \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate Request, Certificate, Certificate Verify, Finished" \
    "0 OUT: Change Cipher Spec, Certificate, Finished" \
    "0 IN: Alert Certificate Required (116)"
}

# 14. TLS 1.2 renegotiation asked by the server: s_server -www answers
#     "GET /reneg" with a Hello Request, and s_client renegotiates on the same
#     connection: a second full handshake (-no_resumption_on_reneg), encrypted
#     under the first one's keys.
make_tls12_reneg() {
  local name=tls12-reneg
  rm -f "$here/$name.keys" "$work"/keys.*
  start_server -tls1_2 -no_ticket -no_resumption_on_reneg -cipher ECDHE-RSA-AES128-GCM-SHA256
  start_capture "$name"
  # One line only: s_server waits for the new Client Hello only if nothing of
  # the request is left to read after it sent the Hello Request.
  printf 'GET /reneg HTTP/1.0\r\n' | s_client_run reneg -tls1_2 -ign_eof
  stop_capture "$name"
  stop_server
  cp "$work/keys.reneg" "$here/$name.keys"
  [ "$(grep -c '^CLIENT_RANDOM ' "$here/$name.keys")" -eq 2 ] ||
    fail "$name: expected two master secrets in the key log"
  expect_messages "$name" \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished, Hello Request" \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Certificate, Server Key Exchange, Server Hello Done" \
    "0 OUT: Client Key Exchange, Change Cipher Spec, Finished" \
    "0 IN: Change Cipher Spec, Finished"
}

# 15. TLS 1.3 Key Update: after the handshake s_client reads "K" on stdin and
#     sends a Key Update that asks the server to update too; the server does,
#     then s_client sends a request under its new keys.
make_tls13_keyupdate() {
  local name=tls13-keyupdate
  rm -f "$here/$name.keys" "$work"/keys.*
  start_server -tls1_3
  start_capture "$name"
  { sleep 1; printf 'K\n'; sleep 1; printf 'GET / HTTP/1.0\r\n\r\n'; sleep 1; } |
    s_client_run ku -tls1_3 || true
  stop_capture "$name"
  stop_server
  grep -q 'KEYUPDATE' "$work/client.ku.log" || fail "$name: s_client sent no Key Update"
  cp "$work/keys.ku" "$here/$name.keys"
  expect_messages "$name" \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, Finished" \
    "0 OUT: Change Cipher Spec, Finished" \
    "0 IN: New Session Ticket, New Session Ticket" \
    "0 OUT: Key Update" \
    "0 IN: Key Update"
}

# 16. A TLS 1.2 handshake that fails: curl offers only AES256-GCM-SHA384, the
#     server accepts only ECDHE-RSA-AES128-GCM-SHA256 and answers the Client
#     Hello with a fatal handshake_failure alert.  No keys: the key log is empty.
make_tls12_alert() {
  curl_sample tls12-alert "${DOC_SERVER[@]}" -- --tlsv1.2 --tls-max 1.2 --ciphers AES256-GCM-SHA384
  touch "$here/tls12-alert.keys"
  expect_messages tls12-alert \
    "0 OUT: Client Hello" \
    "0 IN: Alert Handshake Failure (40)"
}

# 17. A TLS 1.3 handshake that fails in the server's flight: curl checks the
#     server's certificate against an unrelated CA and sends a fatal
#     unknown_ca alert as soon as it has read the Certificate.  OpenSSL has not
#     switched its writes to the handshake keys yet (it does when it sends its
#     own flight), so the alert goes in the clear, and the key log holds only
#     the server's handshake secret (enough for the server's flight).
make_tls13_alert() {
  make_ca
  curl_sample tls13-alert -tls1_3 -alpn h2 -- --tlsv1.3 --no-insecure --cacert "$work/ca.pem"
  expect_messages tls13-alert \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, Finished" \
    "0 OUT: Alert Unknown CA (48)"
}

# 18. TLS 1.3 between GnuTLS's gnutls-cli and gnutls-serv (GnuTLS writes the
#     key log named by SSLKEYLOGFILE).  gnutls-serv would ask for a client
#     certificate by default (and gnutls-cli send an empty one): not here.
make_tls13_gnutls() {
  local name=tls13-gnutls
  need gnutls-serv gnutls-cli
  rm -f "$here/$name.keys"
  start_listener gnutls-serv --http --disable-client-cert --port "$port" \
    --x509certfile "$work/cert.pem" --x509keyfile "$work/key.pem"
  start_capture "$name"
  { printf 'GET / HTTP/1.0\r\n\r\n'; sleep 1; } |
    SSLKEYLOGFILE="$here/$name.keys" gnutls-cli --port "$port" --sni-hostname q.shanyue.test \
      --verify-hostname q.shanyue.test --x509cafile "$work/cert.pem" 127.0.0.1 \
      >"$work/client.gnutls.log" 2>&1 || true
  stop_capture "$name"
  stop_server
  grep -q 'Handshake was completed' "$work/client.gnutls.log" ||
    fail "$name: gnutls-cli did not complete the handshake: $(cat "$work/client.gnutls.log")"
  # GnuTLS sends its tickets right after its Finished, without waiting for the
  # client's, and gnutls-cli its Change Cipher Spec as soon as it has the
  # Server Hello: how the two directions interleave varies.
  expect_messages_by_direction "$name" \
    "0 OUT: Client Hello, Change Cipher Spec, Finished" \
    "0 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, Finished, New Session Ticket, New Session Ticket"
}

# 19. curl against nginx, TLS 1.3 and HTTP/2.
make_tls13_nginx() {
  local name=tls13-nginx
  need nginx
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  server {
    listen 127.0.0.1:$port ssl http2;
    server_name q.shanyue.test;
    ssl_certificate $work/cert.pem;
    ssl_certificate_key $work/key.pem;
    ssl_protocols TLSv1.3;
    location / { return 200 "hello\n"; }
  }
}
CONF
  rm -f "$here/$name.keys"
  start_listener nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" \
    -g 'daemon off;'
  start_capture "$name"
  curl_session "$name" --tlsv1.3 --http2
  stop_capture "$name"
  stop_server
  grep -q 'ALPN.*h2' "$here/$name.curl.txt" || fail "$name: curl and nginx did not agree on h2"
  expect_messages "$name" \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, Finished" \
    "0 OUT: Change Cipher Spec, Finished" \
    "0 IN: New Session Ticket, New Session Ticket"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tls12-doc tls13-full tls12-resume tls12-records tls12-fragmented
  tls12-dhe tls12-rsa tls12-ticket tls12-clientauth tls13-hrr tls13-psk tls13-0rtt
  tls13-clientauth tls13-certreq tls12-reneg tls13-keyupdate tls12-alert tls13-alert tls13-gnutls
  tls13-nginx)
for t in "${targets[@]}"; do
  echo "make-samples: $t"
  "make_${t//-/_}"
done
chmod 644 "$here"/*.keys "$here"/*.curl.txt 2>/dev/null || true
