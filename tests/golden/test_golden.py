"""Golden snapshots of everything a user reads, and one pass against two.

Snapshots: for every sample, without and with its key log, tests/golden/
<sample>/ and <sample>.keys/ hold what tshark prints in two passes (-2):

  tree.txt     the plugin's tree: -V -O tlsexplain -Y tlsexplain
  info.txt     the summary lines of the frames with steps: -Y tlsexplain
  fields.txt   every field the plugin registers (tshark -G fields), each
               frame's values as -T fields -E occurrence=a prints them
  reports.txt  -q -z expert -z flow,tlsexplain,standard -z tlsexplain,trace
               -z tlsexplain,tree -z tlsexplain,advice (tshark prints them in the
               reverse order)

Each file starts with the command that prints it, run from the checkout's
root.  A change to what the plugin prints changes its snapshots in the same
commit; after checking the difference, rewrite them with

    tests/golden/update.py build/plugins/4.0/epan/tlsexplain.so

One pass against two: on every sample (without and with its key log) and on
every capture the other suites make (the functions registered with
@tshark_session.generated), one pass and two passes give the plugin's tree
the same items, each with the same label (what -V prints) and the same value
(what -T fields prints), except what only the second pass can know:
KNOWN_LATER, the list the README gives too.  Both come from -T pdml, which
holds both (epan/print.c formats a PDML "show" as -T fields formats a value),
so that each pass costs one tshark run.  The reports of both agree as well.
"""

import collections
import difflib
import functools
import glob
import importlib
import os
import re
import sys
import unittest
import xml.etree.ElementTree as ET

GOLDEN = os.path.dirname(os.path.abspath(__file__))
# The tshark sessions: their helpers, and the captures their suites make.
SESSIONS = os.path.join(os.path.dirname(GOLDEN), "tshark")
sys.path.insert(0, SESSIONS)
import tshark_session as ts  # noqa: E402

README = os.path.join(os.path.dirname(os.path.dirname(GOLDEN)), "README.md")
UPDATE = "tests/golden/update.py build/plugins/4.0/epan/tlsexplain.so"

# What only the second pass knows, so what one pass may lack: field or expert
# info -> on which frames (given the frame and the value).  The comparison
# leaves out exactly these, there, and nothing else: where one pass shows one
# it must be the same.  The README ("Tests") lists the same names.
KNOWN_LATER = {
    # On the steps before the frame that completes or ends the handshake.
    "tlsexplain.summary_frame": lambda frame, value: int(value) > frame,
    # The first application data comes after the summary's frame.
    "tlsexplain.summary.time_to_app_data": lambda frame, value: True,
    # The handshake never completed: nothing of it follows in the capture.
    "tlsexplain.incomplete": lambda frame, value: True,
}

# Captures whose passes still differ beyond KNOWN_LATER, checked apart by
# test_known_differences: none.
KNOWN_DIFFERENCES = set()

REPORTS = ("-z", "expert", "-z", "flow,tlsexplain,standard", "-z", "tlsexplain,trace",
           "-z", "tlsexplain,tree", "-z", "tlsexplain,advice")
EXPERT_HEADING = re.compile(r"(Errors|Warns|Notes|Chats|Comments) \(\d+\)$")
VIEWS = ("tree", "info", "fields", "reports")

Variant = collections.namedtuple("Variant", "label capture reads sample")


def sample_variants():
    """Every sample, without and with its key log (<name>.keys, or for the
    samples captured at both ends, delay-tls12-client, delay-tls12.keys)."""
    out = []
    for path in sorted(glob.glob(os.path.join(ts.SAMPLES_SRC, "*.pcapng"))):
        name = os.path.basename(path)[:-len(".pcapng")]
        out.append(Variant(name, name + ".pcapng", (), True))
        for keys in (name, name.rsplit("-", 1)[0]):
            if os.path.exists(os.path.join(ts.SAMPLES_SRC, keys + ".keys")):
                out.append(Variant(name + ".keys", name + ".pcapng", ts.keys(keys + ".keys"),
                                   True))
                break
    return out


def generated_variants():
    """Every capture the other suites make (but the slow ones), made now,
    with each set of options they read it with."""
    for path in sorted(glob.glob(os.path.join(SESSIONS, "test_*.py"))):
        name = os.path.basename(path)[:-3]
        if name != __name__:
            importlib.import_module(name)
    out = {}
    for build, args, reads, slow in ts.GENERATED:
        if slow:
            continue
        capture = build(*args)
        for extra in reads:
            label = " ".join((capture,) + tuple(extra))
            out[label] = Variant(label, capture, tuple(extra), False)
    return list(out.values())


@functools.lru_cache(maxsize=None)
def tlsexplain_fields():
    """{name: type} of every field the plugin registers, expert infos too,
    in tshark -G fields' order."""
    rows = (line.split("\t") for line in ts.run("-G", "fields").splitlines())
    return {r[2]: r[3] for r in rows if r[0] == "F" and len(r) > 4 and r[4] == "tlsexplain"}


@functools.lru_cache(maxsize=None)
def tshark_version():
    return re.search(r"\d+\.\d+\.\d+", ts.run("-v").splitlines()[0]).group(0)


def runs(v, passes):
    """The tshark runs of a capture in one pass or two: {name: args}."""
    cap = ("-r", "samples/" + v.capture, *v.reads)
    pdml = ("-Y", "tlsexplain", "-T", "pdml", "-J", "tlsexplain")
    reports = REPORTS
    if passes == 1:
        return {"pdml": (*cap, *pdml, *reports)}  # the reports follow the PDML
    out = {"pdml": ("-2", *cap, *pdml), "reports": ("-2", *cap, "-q", *reports)}
    if v.sample:
        # -P: each frame's summary line before its tree.
        out["tree"] = ("-2", *cap, "-P", "-V", "-O", "tlsexplain", "-Y", "tlsexplain")
    return out


def all_runs(variants, passes=(1, 2)):
    out = []
    for v in variants:
        for n in passes:
            out += runs(v, n).values()
    return out


@functools.lru_cache(maxsize=None)
def output(args):
    return ts.run(*args)


def command(*args):
    return "$ tshark " + " ".join(args)


# --- what tshark prints, parsed ------------------------------------------------

def split_pdml(text):
    """(the PDML, what follows it: the reports)."""
    end = text.index("</pdml>") + len("</pdml>")
    return text[:end], text[end:].lstrip("\n").splitlines()


def pdml_fields(args):
    """[(frame number, {field: [values]})] of a PDML run, each value as -T
    fields prints it (epan/print.c formats a PDML "show" the same way; a field
    without a value, as an expert info's, prints 1), in the same order."""
    types = tlsexplain_fields()
    out = []
    for packet in ET.fromstring(split_pdml(output(args))[0]).iter("packet"):
        frame = int(packet.find("proto[@name='geninfo']/field[@name='num']").get("show"))
        values = collections.defaultdict(list)
        for e in packet.find("proto[@name='tlsexplain']").iter("field"):
            name = e.get("name")
            if name in types:
                values[name].append("1" if types[name] == "FT_NONE" else e.get("show"))
        out.append((frame, values))
    return out


def split_expert(lines):
    """(the plugin's reports, -z expert's), -z expert printed last."""
    while lines and not lines[0].strip():
        lines = lines[1:]
    n = next((i for i, line in enumerate(lines) if EXPERT_HEADING.match(line)), len(lines))
    while n > 0 and not lines[n - 1].strip():
        n -= 1
    return lines[:n], lines[n:]


# --- the snapshots ---------------------------------------------------------------

def snapshots(v):
    """{view: text} of a sample as tests/golden holds it."""
    r = runs(v, 2)
    cap = ("-2", "-r", "samples/" + v.capture, *v.reads)
    lines = output(r["tree"]).splitlines()
    summary = {i for i in range(len(lines) - 1) if re.match(r"Frame \d+: ", lines[i + 1])}
    tree = [command(*cap, "-V", "-O", "tlsexplain", "-Y", "tlsexplain")]
    tree += [line for i, line in enumerate(lines) if i not in summary]
    info = [command(*cap, "-Y", "tlsexplain")] + [lines[i] for i in sorted(summary)]
    fields = [command(*cap, "-T", "fields", "-E", "header=y", "-E", "occurrence=a",
                      "-e", "frame.number") + " -e <every field of tshark -G fields of tlsexplain>",
              "# each frame with a tlsexplain field: those not empty, a field's occurrences",
              "# as tshark joins them, or one a line when long or holding a comma"]
    for frame, values in pdml_fields(r["pdml"]):
        fields.append(f"frame {frame}")
        for name in tlsexplain_fields():
            each = values.get(name)
            if not each:
                continue
            joined = ",".join(each)
            if len(joined) <= 100 and not any("," in x for x in each):
                fields.append(f"  {name}: {joined}")
            else:
                fields.append(f"  {name}:")
                fields += [f"    {x}" for x in each]
    return {"tree": "\n".join(tree) + "\n",
            "info": "\n".join(info) + "\n",
            "fields": "\n".join(fields) + "\n",
            "reports": command(*r["reports"]) + "\n" + output(r["reports"])}


def golden_path(v, view):
    return os.path.join(GOLDEN, v.label, view + ".txt")


# --- one pass against two --------------------------------------------------------

FIELD = re.compile(r'<field name="([^"]*)"')
SHOW = re.compile(r' show="([^"]*)"')


def plugin_pdml(args):
    """[(frame number, the lines of the plugin's element)] of a PDML run:
    each line an item of its tree, with its label (what -V prints) and its
    value (what -T fields prints)."""
    out, frame, mine = [], None, None
    for line in split_pdml(output(args))[0].splitlines():
        if mine is not None:
            mine.append(line)
            if line == "  </proto>":
                mine = None
        elif line.startswith('    <field name="num" '):
            frame = int(SHOW.search(line).group(1))
        elif line.startswith('  <proto name="tlsexplain" '):
            mine = [line]
            out.append((frame, mine))
    return out


def tokens(lines, frame):
    """The lines of an element, a known-later item (with what it holds) one
    token: (text, name, whether one pass may lack it)."""
    out, i = [], 0
    while i < len(lines):
        line, j = lines[i], i + 1
        m = FIELD.match(line.lstrip())
        name, shown = (m.group(1), line) if m else (None, line)
        if name == "_ws.expert" and j < len(lines):
            # An expert info: the item that holds its field.
            inner = FIELD.match(lines[j].lstrip())
            if inner:
                name, shown = inner.group(1), lines[j]
        value = SHOW.search(shown)
        later = name in KNOWN_LATER and KNOWN_LATER[name](frame, value and value.group(1))
        if later and not line.endswith("/>"):
            indent = line[:len(line) - len(line.lstrip())]
            while j < len(lines) and not lines[j].startswith(indent + "</"):
                j += 1
            j += 1
        out.append(("\n".join(lines[i:j]), name, later))
        i = j
    return out


def masked_equal(one, two):
    """Whether one equals two with some of two's known-later tokens left out.
    Returns the names of those left out, or None."""
    i, left_out = 0, []
    for text, name, later in two:
        if i < len(one) and one[i][0] == text:
            i += 1
        elif later:
            left_out.append(name)
        else:
            return None
    return left_out if i == len(one) else None


SUMMARY_FRAME = re.compile(r'(<field name="tlsexplain.summary_frame" showname="Summary in '
                           r'frame: )(\d+)("(?: hide="yes")? size="0" pos="0" show=")(\d+)(")')
STEP_HANDSHAKE = re.compile(r'<field name="tlsexplain.handshake" [^>]* show="(\d+)"')
SUMMARY_TREE = re.compile(r'<field name="" show="Handshake (\d+) summary: ')


def without_overturned_end(frame, one, two):
    """One pass's tree of a frame, less what it showed of an end that a later
    step overturned.  A TLS 1.3 server may refuse the handshake after the
    client's Finished (a fatal alert, tlsexplain.alert): one pass, which
    cannot know the alert to come, sums the handshake up at that Finished
    (tlsexplain.summary_frame is the frame itself, and the summary follows);
    two passes show its summary once, at the alert.  Told from two's
    summary_frame on the same step pointing later; nothing else changes."""
    frames_one = [SUMMARY_FRAME.search(line) for line in one]
    frames_two = [m for m in (SUMMARY_FRAME.search(line) for line in two) if m]
    if len([m for m in frames_one if m]) != len(frames_two):
        return one
    out, moved, handshake, k = [], set(), None, 0
    for line, m in zip(one, frames_one):
        h = STEP_HANDSHAKE.search(line)
        if h:
            handshake = h.group(1)
        if m:
            later = frames_two[k]
            k += 1
            if int(m.group(2)) == frame and int(later.group(2)) > frame:
                moved.add(handshake)
                line = line.replace(m.group(0), later.group(0))
        out.append(line)
    if not moved:
        return one
    kept, skip = [], None
    for line in out:
        if skip is not None:
            if line.startswith(skip + "</field>"):
                skip = None
            continue
        t = SUMMARY_TREE.search(line)
        if t and t.group(1) in moved:
            skip = line[:len(line) - len(line.lstrip())]
            continue
        kept.append(line)
    return kept


def without_burst_rate(lines):
    """The reports less the statistics tree's burst rate columns: when its
    nodes were ticked, which differs where one pass counted a handshake
    complete at its last Finished and then failed at the alert that
    overturned it (without_overturned_end), while two passes count it once.
    Counts, averages, minima and maxima stay compared."""
    out, cut = [], None
    for line in lines:
        if "Burst Rate" in line:
            cut = line.index("Burst Rate")
        elif line.startswith("=") or not line.strip():
            cut = None
        out.append(line[:cut].rstrip() if cut is not None else line)
    return out


def compare_passes(v):
    """(differences, {known-later name: how many times left out}) between one
    pass and two on a capture."""
    one, two = plugin_pdml(runs(v, 1)["pdml"]), plugin_pdml(runs(v, 2)["pdml"])
    diffs, left = [], collections.Counter()
    if [f for f, _ in one] != [f for f, _ in two]:
        diffs.append(f"frames: one pass {[f for f, _ in one]}, two passes {[f for f, _ in two]}")
    for (frame, t1), (_, t2) in zip(one, two):
        if t1 == t2:
            continue
        t1 = without_overturned_end(frame, t1, t2)
        left_out = masked_equal(tokens(t1, frame), tokens(t2, frame))
        if left_out is None:
            diffs.append(f"frame {frame} (-T pdml):\n" + "\n".join(difflib.unified_diff(
                t1, t2, "one pass", "two passes", lineterm="", n=1)))
        else:
            left.update(left_out)
    return diffs, left


def reports(v):
    """(one pass's reports, two passes'), each (the plugin's, -z expert's)."""
    _, one = split_pdml(output(runs(v, 1)["pdml"]))
    two = output(runs(v, 2)["reports"]).splitlines()
    return split_expert(one), split_expert(two)


# --- the runs, once --------------------------------------------------------------

SAMPLES = []
CAPTURES = []


def setUpModule():
    ts.warm([("-G", "fields"), ("-v",)])
    SAMPLES[:] = sample_variants()
    CAPTURES[:] = SAMPLES + generated_variants()
    todo = all_runs(CAPTURES)
    # The big captures first: both cores stay busy to the end.
    todo.sort(key=lambda a: -os.path.getsize(ts.sample(a[a.index("-r") + 1][len("samples/"):])))
    ts.warm(todo)
    for args in todo:
        output(args)


def tearDownModule():
    ts.cleanup()


def known(v):
    return v.capture in KNOWN_DIFFERENCES


# The -z expert lines of the expert infos only the second pass knows, and the
# section headers that count them ("Warns (4)").
LATER_EXPERT = re.compile(r"never completed: the capture holds nothing after this step|"
                          r"^(Errors|Warns|Notes|Chats|Comments) \(\d+\)$")


def known_now(lines):
    """The plugin's own -z expert lines ("TLS Explainer"), less what only the
    second pass knows.  Wireshark's dissectors add some of theirs only when
    a tree is built (which one pass's run does), so those are left out."""
    return [line for line in lines if "  TLS Explainer  " in line and not LATER_EXPERT.search(line)]


class Snapshots(unittest.TestCase):
    """What a user reads is what tests/golden holds."""

    @classmethod
    def setUpClass(cls):
        with open(os.path.join(GOLDEN, "VERSION"), encoding="utf-8") as f:
            made_with = f.read().strip()
        if made_with != tshark_version():
            # Wireshark's own lines (and what its dissectors hand the plugin)
            # change between versions: the snapshots hold for one.
            raise unittest.SkipTest(f"snapshots made with tshark {made_with}, "
                                    f"this is {tshark_version()}")

    def test_every_sample_has_its_snapshots(self):
        held = sorted(d for d in os.listdir(GOLDEN) if os.path.isdir(os.path.join(GOLDEN, d)))
        self.assertEqual(held, sorted(v.label for v in SAMPLES), f"rewrite them: {UPDATE}")

    def test_snapshots(self):
        failures, shown = [], 0
        for v in SAMPLES:
            for view, text in snapshots(v).items():
                path = golden_path(v, view)
                held = ""
                if os.path.exists(path):
                    with open(path, encoding="utf-8") as f:
                        held = f.read()
                if held == text:
                    continue
                rel = os.path.relpath(path, os.path.dirname(os.path.dirname(GOLDEN)))
                failures.append(rel)
                if shown < 400:
                    diff = list(difflib.unified_diff(held.splitlines(), text.splitlines(),
                                                     rel, "tshark now", lineterm=""))
                    shown += min(len(diff), 80)
                    print("\n".join(diff[:80]) + ("\n..." if len(diff) > 80 else ""))
        if failures:
            self.fail(f"{len(failures)} snapshots differ from what tshark prints (the "
                      f"differences are above): {' '.join(failures[:10])}"
                      f"{' ...' if len(failures) > 10 else ''}\n"
                      f"If the change is meant, rewrite them and commit them with it:\n"
                      f"    {UPDATE}")


class OnePassTwoPasses(unittest.TestCase):
    """One pass and two print the same, but what only two can know."""

    @classmethod
    def setUpClass(cls):
        cls.results = {v: compare_passes(v) for v in CAPTURES}

    def differences(self, variants):
        out = []
        for v in variants:
            out += [f"{v.label}, {d}" for d in self.results[v][0]]
            (one, _), (two, _) = reports(v)
            one, two = without_burst_rate(one), without_burst_rate(two)
            if one != two:
                out.append(f"{v.label}, reports:\n" + "\n".join(difflib.unified_diff(
                    one, two, "one pass", "two passes", lineterm="", n=1)))
        return out

    def test_same_tree_fields_and_reports(self):
        failures = self.differences(v for v in CAPTURES if not known(v))
        if failures:
            self.fail("one pass and two differ:\n" + "\n".join(failures[:20]))

    def test_every_known_later_item_is_needed(self):
        """Each item of KNOWN_LATER is missing in one pass somewhere: one
        that never is must leave the list (and the README's)."""
        left = collections.Counter()
        for v, (_, counts) in self.results.items():
            if not known(v):
                left.update(counts)
        for name in KNOWN_LATER:
            self.assertTrue(left[name], f"{name} is never missing in one pass")

    def test_same_expert_infos(self):
        """Expert infos are added with or without a tree: -z expert lists the
        same in one pass and in two (-2 -q builds none), but for what only
        the second pass knows (KNOWN_LATER's expert infos, and the counts of
        their sections)."""
        failures = []
        for v in CAPTURES:
            (_, one), (_, two) = reports(v)
            one, two = known_now(one), known_now(two)
            if one != two:
                failures.append(f"{v.label}:\n" + "\n".join(difflib.unified_diff(
                    one, two, "one pass", "two passes", lineterm="", n=1)))
        if failures:
            self.fail("-z expert differs:\n" + "\n".join(failures[:5]))

    def test_the_readme_lists_the_same(self):
        with open(README, encoding="utf-8") as f:
            text = f.read()
        m = re.search(r"^Known only on the second pass.*?(?=\n\n)", text, re.M | re.S)
        self.assertTrue(m, "README: no paragraph 'Known only on the second pass'")
        self.assertEqual(sorted(set(re.findall(r"`(tlsexplain\.[a-z_.]+)`", m.group(0)))),
                         sorted(KNOWN_LATER))


if __name__ == "__main__":
    unittest.main()
