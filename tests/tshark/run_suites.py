"""Runs several unittest suites at once, one per core, and reports each.

Most of each integration test is tshark's start-up on one core, so the
suites run side by side: ctest sees one test that fails when any suite
fails, and its output names the suite and shows its report.

    python3 run_suites.py test_tshark.DocumentCase test_samples.Kinds ...
"""

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def run(suite):
    return subprocess.run([sys.executable, "-m", "unittest", "-v", suite],
                          capture_output=True, text=True)


def main(suites):
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(run, suites))
    failed = []
    for suite, proc in zip(suites, results):
        verdict = "ok" if proc.returncode == 0 else "FAILED"
        print(f"===== {suite}: {verdict}")
        print(proc.stdout + proc.stderr)
        if proc.returncode != 0:
            failed.append(suite)
    print(f"{len(suites) - len(failed)} of {len(suites)} suites passed"
          + (f"; failed: {' '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
