"""Runs the real tshark on the plugin just built, as a user would.

Wireshark ignores WIRESHARK_PLUGIN_DIR and the personal plugin folder when
started as root, so as root tshark is run as an unprivileged user (setpriv)
on copies of the plugin and the samples in a fresh folder that user can read:
the checkout itself may sit below a folder only root can enter.
"""

import functools
import os
import pwd
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

PLUGIN = os.environ["TLSX_PLUGIN"]  # path of the built tlsexplain.so
WS_VERSION = os.environ["TLSX_WS_VERSION"]  # "4.0"
PLUGIN_VERSION = os.environ["TLSX_PLUGIN_VERSION"]  # the project's version
SAMPLES_SRC = os.environ["TLSX_SAMPLES"]
TSHARK = os.environ.get("TLSX_TSHARK", "tshark")
# Set when the plugin is built with -DTLSEXPLAIN_SANITIZE=ON: the ASan runtime,
# preloaded into tshark (which is not instrumented itself).
SANITIZER_PRELOAD = os.environ.get("TLSX_SANITIZER_PRELOAD", "")

# Wireshark itself leaks at exit: leak detection off.  Any other report stops
# tshark and fails the test.
SANITIZER_ENV = {
    "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=0:exitcode=86",
    "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1",
}
SANITIZER_MARKS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer",
                   "SUMMARY: UndefinedBehaviorSanitizer")

_workdir = None


def _setup():
    global _workdir
    if _workdir:
        return _workdir
    _workdir = tempfile.mkdtemp(prefix="tlsx-test-")
    os.chmod(_workdir, 0o755)
    epan = os.path.join(_workdir, "plugins", WS_VERSION, "epan")
    os.makedirs(epan)
    shutil.copy(PLUGIN, epan)
    shutil.copytree(SAMPLES_SRC, os.path.join(_workdir, "samples"))
    home = os.path.join(_workdir, "home")
    os.makedirs(home)
    os.makedirs(os.path.join(_workdir, "extcap"))
    for root, dirs, files in os.walk(_workdir):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o755)
        for f in files:
            os.chmod(os.path.join(root, f), 0o644)
    if os.geteuid() == 0:
        os.chown(home, pwd.getpwnam("nobody").pw_uid, -1)
    return _workdir


def sample(name):
    """Path of a sample, as the tshark user sees it."""
    return os.path.join(_setup(), "samples", name)


def keys(name):
    """The options that give tshark a sample's key log (a relative path: tshark
    runs in the folder that holds samples/)."""
    return ("-o", "tls.keylog_file:" + os.path.join("samples", name))


# Every capture a test makes: (builder, its arguments, the option tuples the
# tests read it with, slow).  test_golden.py makes them all and checks that
# one pass and two passes agree on each.
GENERATED = []
_building = 0


def generated(*reads, params=((),), slow=False):
    """Registers a function that makes a capture next to the samples (with
    derived(), editcap(), run_tool()) and returns its name, once per tuple of
    arguments in params.  reads: the tshark options the tests read it with,
    () by default.  A capture made anywhere else fails the test that makes it,
    so that none escapes test_golden's check."""
    def register(fn):
        @functools.wraps(fn)
        def build(*args):
            global _building
            _building += 1
            try:
                return fn(*args)
            finally:
                _building -= 1
        for args in params:
            GENERATED.append((build, tuple(args), reads or ((),), slow))
        return build
    return register


def _check_building(name):
    if not _building:
        raise AssertionError(f"{name} is made outside a function registered with "
                             "@tshark_session.generated(): test_golden would not check it")


def derived(name, data):
    """Writes a capture made by a test next to the samples; returns its name."""
    _check_building(name)
    path = sample(name)
    with open(path, "wb") as f:
        f.write(data)
    os.chmod(path, 0o644)
    return name


def editcap(src, dst, *args, frames=()):
    """Runs editcap (as root is fine: it only reads and writes files)."""
    _check_building(dst)
    subprocess.run(["editcap", *args, sample(src), sample(dst), *frames], check=True,
                   capture_output=True)
    os.chmod(sample(dst), 0o644)
    return dst


def run_tool(*args):
    """Runs another Wireshark tool (mergecap, ...) on files next to the samples."""
    _check_building(" ".join(args))
    subprocess.run(args, check=True, capture_output=True)
    for a in args:
        if a.startswith(_setup()) and os.path.exists(a):
            os.chmod(a, 0o644)


def plugin_dir():
    return os.path.join(_setup(), "plugins")


def tshark_env():
    """The environment tshark runs in: the built plugin, a fresh home, and
    the sanitizers' runtime when the plugin was built with them."""
    work = _setup()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.path.join(work, "home"),
        "XDG_CONFIG_HOME": os.path.join(work, "home", ".config"),
        "WIRESHARK_PLUGIN_DIR": os.path.join(work, "plugins"),
        "LC_ALL": "C.UTF-8",
    }
    if SANITIZER_PRELOAD:
        env["LD_PRELOAD"] = SANITIZER_PRELOAD
        env.update(SANITIZER_ENV)
        # tshark -G plugins runs every extcap tool, which inherit the preload;
        # androiddump then hangs on a lock.  No extcap tools: an empty folder.
        env["WIRESHARK_EXTCAP_DIR"] = os.path.join(work, "extcap")
    return env


def tshark_cmd(*args):
    """The command line that runs tshark with these arguments (as nobody when
    run as root)."""
    cmd = [TSHARK, *args]
    if os.geteuid() == 0:
        cmd = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", *cmd]
    return cmd


def sanitizer_report(stderr):
    """The first line of a sanitizer report in stderr, or None."""
    for line in stderr.splitlines():
        if any(mark in line for mark in SANITIZER_MARKS):
            return line
    return None


def run_proc(*args, stdout=subprocess.PIPE):
    """Runs tshark; returns the CompletedProcess (stdout text unless
    redirected).  Raises on a crash (a signal) or a sanitizer report, checked
    or not: nothing the plugin reads may make tshark fail that way."""
    proc = subprocess.run(tshark_cmd(*args), env=tshark_env(), stdout=stdout,
                          stderr=subprocess.PIPE, text=True, encoding="utf-8",
                          errors="replace", cwd=_setup())
    report = sanitizer_report(proc.stderr)
    if proc.returncode < 0 or report:
        raise AssertionError(f"tshark {' '.join(args)} crashed ({proc.returncode}): "
                             f"{report or ''}\n{proc.stderr[-8000:]}")
    return proc


_warmed = {}


def warm(runs):
    """Runs tshark for several argument tuples at once, one per core, and
    keeps each result for the run() that asks for it next (once): most of a
    tshark run is its start-up, on one core."""
    from concurrent.futures import ThreadPoolExecutor
    _setup()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for args, proc in zip(runs, pool.map(lambda a: run_proc(*a), runs)):
            _warmed[tuple(args)] = proc


def run(*args, check=True):
    """tshark's stdout for these arguments, with the built plugin loaded."""
    proc = _warmed.pop(tuple(args), None) or run_proc(*args)
    if check and proc.returncode != 0:
        raise AssertionError(f"tshark {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc.stdout


@functools.lru_cache(maxsize=None)
def pdml_root(capture, *extra):
    """tshark's PDML of the frames the plugin annotates, parsed; read once
    per capture and options."""
    return ET.fromstring(run("-r", sample(capture), "-Y", "tlsexplain", "-T", "pdml", *extra))


@functools.lru_cache(maxsize=None)
def pdml_subtrees(capture, *extra):
    """(frame fields, subtree fields) for every subtree of the plugin (a step
    or a handshake's summary), in order; each is a dict of field name ->
    shown value, of the subtree's row (a step's is its tlsexplain.message)
    and of every field under it, hidden or nested (a step's timing) alike.
    Callers must not change what they get."""
    out = []
    for packet in pdml_root(capture, *extra).iter("packet"):
        frame = {}
        for proto in packet.findall("proto"):
            if proto.get("name") == "frame":
                frame = {f.get("name"): f.get("show") for f in proto.iter("field")}
            if proto.get("name") == "tlsexplain":
                for subtree in proto.findall("field"):
                    out.append((frame, {f.get("name"): f.get("show")
                                        for f in subtree.iter("field") if f.get("name")}))
    return out


def pdml_experts(capture, *extra):
    """{frame number: [(expert info name, message)]} of the plugin's expert
    infos, from the same PDML."""
    out = {}
    for packet in pdml_root(capture, *extra).iter("packet"):
        number = None
        for f in packet.iter("field"):
            if f.get("name") == "frame.number":
                number = int(f.get("show"))
            if f.get("name") != "_ws.expert":
                continue
            names = [c.get("name") for c in f.findall("field")]
            message = next((c.get("show") for c in f.findall("field")
                            if c.get("name") == "_ws.expert.message"), None)
            for name in names:
                if name.startswith("tlsexplain."):
                    out.setdefault(number, []).append((name, message))
    return out


def prefetch(calls):
    """Reads the PDML for several (capture, *extra) tuples at once, one
    tshark per core: most of a tshark run is its start-up, on one core."""
    from concurrent.futures import ThreadPoolExecutor
    _setup()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda call: pdml_root(*call), calls))


def pdml_steps(capture, *extra):
    """The step subtrees of pdml_subtrees()."""
    return [(frame, f) for frame, f in pdml_subtrees(capture, *extra)
            if "tlsexplain.handshake" in f]


def pdml_summaries(capture, *extra):
    """The summary subtrees of pdml_subtrees()."""
    return [(frame, f) for frame, f in pdml_subtrees(capture, *extra)
            if "tlsexplain.summary.kind" in f]


def ns(text):
    """Seconds as printed by tshark ("1700000000.123456789") to integer ns."""
    sec, _, frac = text.partition(".")
    return int(sec) * 1_000_000_000 + int((frac + "000000000")[:9])


def cleanup():
    global _workdir
    if _workdir:
        shutil.rmtree(_workdir, ignore_errors=True)
        _workdir = None
