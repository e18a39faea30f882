#!/usr/bin/env python3
"""Rewrites the golden snapshots, tests/golden/<sample>[.keys]/*.txt, from
what tshark prints now with the plugin given (test_golden.py tells what each
file holds; ctest's golden test compares them).  It builds nothing.

    tests/golden/update.py build/plugins/4.0/epan/tlsexplain.so

Run it after a change to what the plugin prints, look at `git diff
tests/golden`, and commit the snapshots with the change.  As root, tshark
runs as nobody on copies of the plugin and the samples, as in the tests.
"""

import argparse
import os
import shutil
import sys

GOLDEN = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(GOLDEN))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plugin", help="the built tlsexplain.so")
    plugin = os.path.abspath(parser.parse_args().plugin)
    if not os.path.isfile(plugin):
        sys.exit(f"{plugin}: no such file (build first)")
    os.environ["TLSX_PLUGIN"] = plugin
    # .../plugins/<major.minor>/epan/tlsexplain.so
    os.environ["TLSX_WS_VERSION"] = os.path.basename(os.path.dirname(os.path.dirname(plugin)))
    os.environ.setdefault("TLSX_PLUGIN_VERSION", "")
    os.environ["TLSX_SAMPLES"] = os.path.join(ROOT, "samples")
    sys.path.insert(0, GOLDEN)
    sys.path.insert(0, os.path.join(ROOT, "tests", "tshark"))
    import tshark_session as ts
    import test_golden as tg
    try:
        ts.warm([("-G", "fields"), ("-v",)])
        variants = tg.sample_variants()
        ts.warm(tg.all_runs(variants, passes=(2,)))
        labels = {v.label for v in variants}
        for d in sorted(os.listdir(GOLDEN)):
            path = os.path.join(GOLDEN, d)
            if os.path.isdir(path) and d not in labels and d != "__pycache__":
                shutil.rmtree(path)
                print(f"removed {d}/ (no such sample)")
        changed = 0
        for v in variants:
            os.makedirs(os.path.join(GOLDEN, v.label), exist_ok=True)
            for view, text in tg.snapshots(v).items():
                path = tg.golden_path(v, view)
                old = None
                if os.path.exists(path):
                    with open(path, encoding="utf-8") as f:
                        old = f.read()
                if old != text:
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(text)
                    changed += 1
        with open(os.path.join(GOLDEN, "VERSION"), "w", encoding="utf-8") as f:
            f.write(tg.tshark_version() + "\n")
        print(f"{len(variants)} samples and key logs, {len(variants) * len(tg.VIEWS)} files, "
              f"{changed} rewritten (tshark {tg.tshark_version()})")
    finally:
        ts.cleanup()


if __name__ == "__main__":
    main()
