#!/usr/bin/env bash
# Makes the bundled samples that need curl 8: TLS 1.3 0-RTT early data sent by
# curl (--tls-earlydata, curl 8.11 and later), which the host's curl 7.88
# cannot send.  curl, nginx and openssl run in a Debian chroot that has them
# (by default the forky chroot tests/compat/run.sh makes; they are installed
# there from its own apt sources when missing); the host's dumpcap captures
# on lo, which the chroot shares, and the host's tshark checks what it
# captured.  As root.
#
#   samples/make-curl8-samples.sh                    all of them
#   samples/make-curl8-samples.sh tls13-0rtt-nginx   one of them
#
# $TLSX_CURL8_ROOT overrides the chroot.  Regenerating changes times, randoms
# and keys, never the steps listed in samples/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${TLSX_CURL8_ROOT:-/var/cache/tlsexplain-compat/forky}
port=443

fail() {
  echo "make-curl8-samples: $*" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || fail "chroot and dumpcap on lo need root"
for tool in dumpcap tshark ss; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
[ -x "$root/bin/bash" ] || fail "no chroot at $root (tests/compat/run.sh forky makes one)"

# The chroot's work folder, as the chroot and as the host see it.
inside=/tmp/tlsx-curl8-$$
work=$root$inside
mounts=()
pids=()
cleanup() {
  local i
  declare -F stop_nginx >/dev/null && stop_nginx
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# /proc, and the host's /dev for the device nodes, as tests/compat/run.sh
# mounts them.
mount -t proc proc "$root/proc" && mounts+=("$root/proc")
mount --bind /dev "$root/dev" && mounts+=("$root/dev")

in_root() { # command
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive bash -c "$1"
}

if ! in_root 'command -v curl && command -v nginx && command -v openssl' >/dev/null; then
  echo "make-curl8-samples: installing curl, nginx and openssl in $root"
  in_root 'apt-get update -q && apt-get install -y -q --no-install-recommends curl nginx openssl' \
    >/dev/null || fail "cannot install curl, nginx and openssl in $root"
fi
in_root 'curl --help all' | grep -q -- --tls-earlydata ||
  fail "the chroot's curl has no --tls-earlydata: $(in_root 'curl -V' | head -n1)"

mkdir -p "$work/nginx"
# A throw-away certificate, as in make-samples.sh.
in_root "openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=q.shanyue.test \
  -addext subjectAltName=DNS:q.shanyue.test -keyout $inside/key.pem -out $inside/cert.pem" \
  2>/dev/null

# start_dumpcap, wait_for_port and tls_messages_of.
. "$here/sample-lib.sh"

start_capture() { # name
  start_dumpcap "$work/$1.pcapng" lo "tcp port $port" "$work/dumpcap.log" ||
    fail "dumpcap did not start"
}

stop_capture() {
  sleep 0.5
  kill -INT "$capture_pid"
  wait "$capture_pid" || true
}

# nginx in the chroot, in the foreground (daemon off); its master's pid is in
# its pid file (the process started here is the shell that runs chroot).
start_nginx() {
  ! ss -Hltn "sport = :$port" | grep -q . || fail "port $port is in use"
  in_root "exec nginx -e $inside/nginx/error.log -p $inside/nginx -c $inside/nginx/nginx.conf \
    -g 'daemon off;'" >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_for_port "$port" && return 0
  fail "nginx did not start: $(cat "$work/server.log" "$work/nginx/error.log" 2>/dev/null)"
}

stop_nginx() {
  local pid
  pid=$(cat "$work/nginx/nginx.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -f "$work/nginx/nginx.pid"
}

# The handshake messages of a capture with its key log.
tls_messages() { # capture keys
  tls_messages_of "$1" "$2"
}

# tls_messages' lines read from stdin, without frame numbers, runs of one
# direction of one connection on one line: "STREAM DIR: message, message...".
message_runs() {
  awk '
    { key = $2 " " $3 ":"; m = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", m)
      if (key == last) line = line ", " m
      else { if (line != "") print line; line = key " " m; last = key } }
    END { if (line != "") print line }'
}

# 1. TLS 1.3 0-RTT between curl 8 and nginx (ssl_early_data on): the first
#    connection gets a ticket that allows early data; curl sends the second
#    request as early data with its Client Hello.  nginx answers it at once
#    (0.5-RTT data, before the handshake is over), then closes the connection
#    (Connection: close) with close_notify; only then come curl's End of Early
#    Data and Finished, and the server, closed, resets the connection.  curl
#    exits 0.  Whether curl's Finished comes after nginx's close_notify is a
#    race on lo: the run is repeated until it does.
make_tls13_0rtt_nginx() {
  local name=tls13-0rtt-nginx want got try
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $inside/nginx/nginx.pid;
events { worker_connections 16; }
http {
  access_log $inside/nginx/access.log;
  client_body_temp_path $inside/nginx/body;
  proxy_temp_path $inside/nginx/proxy;
  fastcgi_temp_path $inside/nginx/fastcgi;
  uwsgi_temp_path $inside/nginx/uwsgi;
  scgi_temp_path $inside/nginx/scgi;
  server {
    listen 127.0.0.1:$port ssl;
    server_name q.shanyue.test;
    ssl_certificate $inside/cert.pem;
    ssl_certificate_key $inside/key.pem;
    ssl_protocols TLSv1.3;
    ssl_early_data on;
    location / { return 200 "hello\n"; }
  }
}
CONF
  want=$(printf '%s\n' \
    "0 OUT: Client Hello" \
    "0 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Certificate, Certificate Verify, Finished" \
    "0 OUT: Change Cipher Spec, Finished" \
    "0 IN: New Session Ticket, New Session Ticket" \
    "1 OUT: Client Hello, Change Cipher Spec" \
    "1 IN: Server Hello, Change Cipher Spec, Encrypted Extensions, Finished, Alert Close Notify (0)" \
    "1 OUT: End of Early Data, Finished")
  for try in 1 2 3 4 5; do
    rm -f "$work/$name.keys"
    start_nginx
    start_capture "$name"
    in_root "cd $inside && SSLKEYLOGFILE=$inside/$name.keys curl -sv -k --max-time 5 \
      --tls-earlydata --http1.1 -H 'Connection: close' \
      --resolve q.shanyue.test:$port:127.0.0.1 -o /dev/null -o /dev/null \
      https://q.shanyue.test:$port/ https://q.shanyue.test:$port/early" 2>"$work/curl.log" ||
      fail "$name: curl failed: $(tail -n 3 "$work/curl.log")"
    stop_capture
    stop_nginx
    grep -q '^\* Server accepted [0-9]* bytes of TLS early data' "$work/curl.log" ||
      fail "$name: nginx did not accept curl's early data: $(grep -i early "$work/curl.log")"
    # The first connection's close_notify alerts come in the order the
    # operating system ran curl and nginx: left out.
    got=$(tls_messages "$work/$name.pcapng" "$work/$name.keys" |
      awk '!($2 == 0 && / Alert Close Notify \(0\)$/)' | message_runs)
    [ "$got" = "$want" ] && break
    echo "make-curl8-samples: $name, try $try: not the order wanted:" >&2
    echo "$got" >&2
    [ "$try" -lt 5 ] || fail "$name: curl's Finished never came after nginx's close_notify"
  done
  cp "$work/$name.pcapng" "$work/$name.keys" "$here/"
  grep -E '^\* (TLSv|SSL connection|ALPN|SSL sending|Server accepted)' "$work/curl.log" \
    >"$here/$name.curl.txt"
  chmod 644 "$here/$name.pcapng" "$here/$name.keys" "$here/$name.curl.txt"
  echo "make-curl8-samples: $name:"
  tls_messages "$here/$name.pcapng" "$here/$name.keys" | sed 's/^/  /'
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tls13-0rtt-nginx)
for t in "${targets[@]}"; do
  echo "make-curl8-samples: $t"
  "make_${t//-/_}"
done
