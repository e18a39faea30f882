#!/usr/bin/env bash
# Fuzzes the plugin through tshark with mutants of every sample: see
# fuzz_tshark.py.  CI: tests/fuzz/run.sh build  (2,000 mutants, seed 1);
# longer: tests/fuzz/run.sh --count 50000 build; with sanitizers: pass a
# build made with -DTLSEXPLAIN_SANITIZE=ON.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
exec python3 "$(dirname "$0")/fuzz_tshark.py" "$@"
