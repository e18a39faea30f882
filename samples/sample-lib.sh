# What the sample scripts share: sourced by make-samples.sh,
# make-transport-samples.sh and make-curl8-samples.sh, which each keep the
# started processes in their array pids.

# Starts dumpcap on an interface, with a capture filter, into a file, and
# waits until it captures.  Sets capture_pid.  Returns 1, with dumpcap's
# messages on stderr, when it does not start within 5 s.
start_dumpcap() { # file interface filter log
  rm -f "$1"
  dumpcap -q -i "$2" -f "$3" -w "$1" 2>"$4" &
  capture_pid=$!
  pids+=("$capture_pid")
  for _ in $(seq 50); do
    grep -q "Capturing on" "$4" 2>/dev/null && { sleep 0.5; return 0; }
    sleep 0.1
  done
  cat "$4" >&2
  return 1
}

# Waits until a server listens on 127.0.0.1:port; returns 1 after 5 s.
wait_for_port() { # port
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && { sleep 0.2; return 0; }
    sleep 0.1
  done
  return 1
}

# The handshake messages, Change Cipher Specs and alerts of a capture as
# tshark shows them with its key log (the plugin, if installed, disabled):
# one line per message, "frame tcp.stream OUT|IN message", OUT when sent to
# the server's port $port.
tls_messages_of() { # capture keys
  tshark --disable-protocol tlsexplain -r "$1" -o "tls.keylog_file:$2" \
    -Y 'tls.handshake or tls.change_cipher_spec or tls.alert_message' -O tcp,tls -V 2>/dev/null |
    awk -v port="$port" '
      /^Frame [0-9]+:/ { frame = $2; sub(/:$/, "", frame) }
      /^    Source Port: / { dir = ($3 == port) ? "IN" : "OUT" }
      /^    \[Stream index: / { stream = $3; sub(/]$/, "", stream) }
      /^ +Handshake Protocol: / && !/Record Layer/ && !/fragment\)$/ {
        m = $0; sub(/^ +Handshake Protocol: /, "", m); print frame, stream, dir, m }
      /^ +Change Cipher Spec Message$/ { print frame, stream, dir, "Change Cipher Spec" }
      /^ +Alert Message: / { m = $0; sub(/^ +Alert Message: /, "", m); print frame, stream, dir, m }
      /^ +Alert Message$/ { alert = 1 }
      alert && /^ +Description: / {
        m = $0; sub(/^ +Description: /, "", m); print frame, stream, dir, "Alert " m; alert = 0 }
    '
}
