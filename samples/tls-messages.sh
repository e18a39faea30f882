# Sourced by make-samples.sh and make-curl8-samples.sh.
#
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
