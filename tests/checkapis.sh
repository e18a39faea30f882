#!/usr/bin/env bash
# Wireshark's own API check, tools/checkAPIs.pl of Wireshark's source, over
# every file of core/, text/ and plugin/:
#
#   tests/checkapis.sh WIRESHARK_SOURCE
#
# With the groups Wireshark's build gives its plugins (besides the default
# prohibited, deprecated and soft-deprecated), made strict:
#  - dissectors-prohibited (abort, assert, exit, g_assert, g_error): one
#    finding is expected, the exit() of tlsexplain-compat.h that a -z report whose
#    filter does not compile needs before Wireshark 4.6 (see there);
#  - dissectors-restricted (printf, g_warning): none, where Wireshark's build
#    only warns;
# and the script's other checks (hf and ett registration, value_string
# arrays, shadowed names, ...) as they are by default.  Any other message,
# warnings included, fails.
set -uo pipefail

[ $# -eq 1 ] || { echo "usage: $0 WIRESHARK_SOURCE" >&2; exit 2; }
script=$1/tools/checkAPIs.pl
if [ ! -f "$script" ]; then
    echo "checkapis: $script not found: is $1 Wireshark's source?" >&2
    exit 1
fi
for group in dissectors-prohibited dissectors-restricted; do
    if ! grep -q "'$group'" "$script"; then
        echo "checkapis: $script has no group $group (this check uses Wireshark 4.0's groups)" >&2
        exit 1
    fi
done

cd "$(dirname "$0")/.." || exit 1
files=(core/*.[ch] text/*.[ch] plugin/*.[ch])
expected="Error: Found dissectors-prohibited APIs in plugin/tlsexplain-compat.h: exit"
found=$(perl "$script" --group dissectors-prohibited --group dissectors-restricted:0 \
    "${files[@]}" 2>&1 >/dev/null)
rc=$?

echo "checkAPIs.pl from $1 over ${#files[@]} files in core/, text/ and plugin/"
# Its status is the number of errors: the one expected.
if [ "$found" = "$expected" ] && [ $rc -eq 1 ]; then
    echo "only the expected finding: $expected"
    exit 0
fi
printf '%s\n' "$found" | grep -vxF -- "$expected"
echo "checkAPIs.pl: status $rc; expected 1, for the one expected finding only:"
echo "  $expected"
exit 1
