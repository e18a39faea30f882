#!/usr/bin/env bash
# Wireshark's source, as Debian ships it, for the Wireshark the plugin is
# built against (the installed libwireshark-dev): the checkapis test runs its
# tools/checkAPIs.pl, tests may read its test/captures/.
#
#   tests/wireshark-source.sh        prints the path of the unpacked source
#
# It is unpacked in $TLSEXPLAIN_WIRESHARK_SOURCE_CACHE (default
# /var/cache/tlsexplain-wireshark-src) as wireshark-<version>, where CMake
# looks for it, and reused while that Debian version is installed.  Fetching
# it needs root and Debian's mirror: deb-src entries are added for the suites
# of apt's deb entries that have none (in
# /etc/apt/sources.list.d/tlsexplain-deb-src.sources, written anew each time
# and only when needed), then apt-get source fetches the installed version.
# Messages go to standard error.
set -euo pipefail

CACHE=${TLSEXPLAIN_WIRESHARK_SOURCE_CACHE:-/var/cache/tlsexplain-wireshark-src}
OURS=/etc/apt/sources.list.d/tlsexplain-deb-src.sources

log() { echo "wireshark-source: $*" >&2; }

version=$(dpkg-query -W -f='${source:Package} ${source:Version}' libwireshark-dev 2>/dev/null || true)
if [ "${version%% *}" != wireshark ]; then
    log "libwireshark-dev is not installed (./install.sh --deps-only installs it)"
    exit 1
fi
version=${version#* }          # 4.0.17-0+deb12u3 (an epoch, if any, kept for apt)
upstream=${version#*:}         # without the epoch
upstream=${upstream%-*}        # without Debian's revision: 4.0.17
dir=$CACHE/wireshark-$upstream
stamp=$CACHE/wireshark-$upstream.debian-version

unpacked() {
    [ -f "$dir/tools/checkAPIs.pl" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]
}
if unpacked; then
    echo "$dir"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    log "Wireshark $version's source is not in $CACHE; run this as root to fetch it"
    exit 1
fi
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9
if unpacked; then # fetched by another run meanwhile
    echo "$dir"
    exit 0
fi

# The deb-src entries missing: one for each URI and suite of an enabled deb
# entry (deb822 .sources or one-line .list) that no other enabled deb-src
# entry names with at least its components.  Written as deb822 stanzas with
# the deb entry's other fields (Signed-By...); no file when none is missing.
wanted=$(python3 - "$OURS" <<'EOF'
import glob, re, sys

ours = sys.argv[1]
files = ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list"))
files += sorted(glob.glob("/etc/apt/sources.list.d/*.sources"))

entries = []  # (types, uris, suites, components, extra fields, enabled)


def deb822(text):
    for para in re.split(r"\n\s*\n", text):
        fields, order, key = {}, [], None
        for line in para.split("\n"):
            if line.startswith("#") or not line.strip():
                continue
            if line[0] in " \t" and key:
                fields[key] += "\n" + line
                continue
            key, _, value = line.partition(":")
            key = key.strip()
            fields[key] = value.strip()
            order.append(key)
        if "Types" not in fields:
            continue
        lower = {k.lower(): k for k in fields}
        get = lambda name: fields.get(lower.get(name.lower(), ""), "")
        extra = [(k, fields[k]) for k in order
                 if k.lower() not in ("types", "uris", "suites", "components", "enabled")]
        entries.append((get("Types").split(), get("URIs").split(), get("Suites").split(),
                        get("Components").split(), extra, get("Enabled").lower() != "no"))


def one_line(text):
    for line in text.split("\n"):
        line = line.split("#", 1)[0].strip()
        m = re.match(r"(deb|deb-src)\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)", line)
        if not m:
            continue
        extra = []
        for opt in (m.group(2) or "").split():
            name, _, value = opt.partition("=")
            if name == "signed-by":
                extra.append(("Signed-By", value))
        entries.append(([m.group(1)], [m.group(3)], [m.group(4)], m.group(5).split(), extra,
                        True))


for path in files:
    if path == ours:
        continue
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        continue
    (deb822 if path.endswith(".sources") else one_line)(text)

norm = lambda uri: uri.rstrip("/")
have = {}
for types, uris, suites, comps, _, enabled in entries:
    if enabled and "deb-src" in types:
        for uri in uris:
            for suite in suites:
                have.setdefault((norm(uri), suite), set()).update(comps)

out = []
for types, uris, suites, comps, extra, enabled in entries:
    if not enabled or "deb" not in types:
        continue
    for uri in uris:
        # Suites by the components they lack, in the entry's order.
        lacking = {}
        for suite in suites:
            known = have.setdefault((norm(uri), suite), set())
            missing = tuple(c for c in comps if c not in known)
            if missing or (not comps and not known):
                lacking.setdefault(missing, []).append(suite)
            known.update(comps)
        for missing, missing_suites in lacking.items():
            stanza = ["Types: deb-src", "URIs: " + uri, "Suites: " + " ".join(missing_suites)]
            if missing:
                stanza.append("Components: " + " ".join(missing))
            stanza += ["%s:%s" % (k, v if v.startswith("\n") else " " + v) for k, v in extra]
            out.append("\n".join(stanza))
if out:
    print("# Written by tls-handshake-explainer's tests/wireshark-source.sh: deb-src\n"
          "# entries for apt's deb entries that had none.")
    print("\n\n".join(out))
EOF
)
changed=0
if [ -n "$wanted" ]; then
    if [ "$(cat "$OURS" 2>/dev/null)" != "$wanted" ]; then
        printf '%s\n' "$wanted" >"$OURS"
        log "deb-src entries added in $OURS"
        changed=1
    fi
elif [ -e "$OURS" ]; then
    rm -f "$OURS"
    log "$OURS removed: other files name the same deb-src entries"
    changed=1
fi

# (grep reads everything: with -q, apt-cache could end on SIGPIPE.)
offered() { apt-cache showsrc wireshark 2>/dev/null | grep -x "Version: $version" >/dev/null; }
if [ $changed -eq 1 ] || ! offered; then
    log "apt-get update"
    apt-get update >&2 || log "apt-get update failed; trying with what apt has"
fi
if ! offered; then
    log "apt's sources offer no source of wireshark $version"
    exit 1
fi
command -v dpkg-source >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dpkg-dev >&2

tmp=$(mktemp -d "$CACHE/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# apt downloads as its own user, _apt, where it can write.
chmod 755 "$tmp"
chown _apt "$tmp" 2>/dev/null || true
log "apt-get source wireshark=$version in $CACHE"
(cd "$tmp" && apt-get source "wireshark=$version") >&2
[ -f "$tmp/wireshark-$upstream/tools/checkAPIs.pl" ] || {
    log "apt-get source unpacked no wireshark-$upstream with tools/checkAPIs.pl"
    exit 1
}
rm -rf "$dir" "$stamp"
mv "$tmp/wireshark-$upstream" "$dir"
echo "$version" >"$stamp"
echo "$dir"
