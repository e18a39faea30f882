#!/usr/bin/env bash
# Builds the plugin and runs all its tests against every Wireshark the project
# supports: the host's (4.0 on Debian 12), and 4.4 and 4.6 in minimal Debian
# trixie and forky chroots made with debootstrap from the host's own mirror.
# Each also builds the .deb; in the chroots it is installed, tshark must list
# the plugin, and it is removed.  As root.
#
#   tests/compat/run.sh [host] [trixie] [forky]     default: all three
#
# Chroots are kept in $TLSEXPLAIN_COMPAT_CACHE (default
# /var/cache/tlsexplain-compat) and reused; delete a release's folder there to
# make it anew.  The .debs are copied to $TLSEXPLAIN_COMPAT_CACHE/debs.
# $TLSEXPLAIN_COMPAT_MIRROR overrides the Debian mirror read from apt's sources.
# A release whose mirror cannot be reached is skipped (exit 0); any build,
# test or packaging failure exits 1.
# On the host the build finds Wireshark's source (tests/wireshark-source.sh)
# as any build does and runs the checkapis test; the chroots have no copy of
# it, so there that test is not registered.
set -uo pipefail

SRC=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${TLSEXPLAIN_COMPAT_CACHE:-/var/cache/tlsexplain-compat}
RELEASES=("$@")
[ ${#RELEASES[@]} -gt 0 ] || RELEASES=(host trixie forky)
# install.sh's packages, and file for the .deb's shared library dependencies.
DEPS=(build-essential cmake pkg-config wireshark-dev libglib2.0-dev tshark python3 file)
TEST_CMD='cmake -S . -B build -DTLSEXPLAIN_WERROR=ON && cmake --build build -j2 && ctest --test-dir build --output-on-failure'
# The .deb, built in build/ and described.
DEB_CMD='(cd build && cpack -G DEB >/dev/null && dpkg-deb -f ./*.deb Package Version Depends)'
# ... then installed, listed by tshark (as root: the system plugin folder is
# the one Wireshark reads), and removed.
DEB_CHECK='(cd build && dpkg -i ./*.deb >/dev/null &&
  tshark -G plugins 2>/dev/null | grep -E "^tlsexplain\.so\s+\S+\s+dissector\s+/usr/lib/" &&
  dpkg -r wireshark-plugin-tlsexplain >/dev/null && ! tshark -G plugins 2>/dev/null | grep tlsexplain)'

[ "$(id -u)" -eq 0 ] || { echo "run.sh: must run as root (debootstrap, chroot)" >&2; exit 1; }
mkdir -p "$CACHE/debs" "$CACHE/logs"
exec 9>"$CACHE/.lock"
flock -n 9 || { echo "run.sh: another run is using $CACHE" >&2; exit 1; }

# The Debian mirror this machine uses: the first non-security URI of its
# apt sources (deb822 or one-line format).
mirror() {
    local m
    m=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}' |
        grep -v -- '-security' | head -n1)
    [ -n "$m" ] || m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; break}}' |
        grep -v -- '-security' | head -n1)
    echo "${m:-http://deb.debian.org/debian}"
}
MIRROR=${TLSEXPLAIN_COMPAT_MIRROR:-$(mirror)}

# Whether URL can be fetched, with whichever client the machine has.
reachable() { # URL
    if command -v wget >/dev/null; then
        wget -q -T 30 -t 2 -O /dev/null "$1"
    elif command -v curl >/dev/null; then
        curl -fsS -m 30 --retry 1 -o /dev/null "$1"
    else
        python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=30)' "$1"
    fi
}

MOUNTS=()
cleanup() {
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTS[i]}" 2>/dev/null || umount -l "${MOUNTS[i]}" 2>/dev/null || true
    done
    MOUNTS=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# /proc for tshark and python, the host's /dev (not its submounts) for the
# device nodes.
mount_in() { # ROOT
    mount -t proc proc "$1/proc" && MOUNTS+=("$1/proc") &&
        mount --bind /dev "$1/dev" && MOUNTS+=("$1/dev")
}

in_root() { # ROOT COMMAND
    chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive bash -c "$2"
}

# Makes $CACHE/RELEASE with the build dependencies, unless it is there.
# Returns 2 when the mirror cannot be reached.
make_root() { # RELEASE
    local rel=$1 root="$CACHE/$1" tmp="$CACHE/$1.tmp" script=()
    if [ -e "$root/.tlsx-ready" ]; then
        [ "$(cat "$root/.tlsx-ready")" = "${DEPS[*]}" ] && return 0
        # Made with other packages: add the missing ones.
        rm -f "$root/.tlsx-ready" && mv "$root" "$tmp" || return 1
    fi
    if ! reachable "$MIRROR/dists/$rel/Release" 2>/dev/null; then
        SKIP_WHY="$MIRROR/dists/$rel/Release cannot be fetched"
        return 2
    fi
    command -v debootstrap >/dev/null ||
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap ||
        return 1
    # Debian 12's debootstrap knows no forky: it is made like sid.
    [ -e "/usr/share/debootstrap/scripts/$rel" ] || script=(/usr/share/debootstrap/scripts/sid)
    if [ ! -e "$tmp/.tlsx-base" ]; then
        rm -rf "$tmp"
        echo "== $rel: debootstrap from $MIRROR (log: $CACHE/logs/$rel-debootstrap.log)"
        debootstrap --variant=minbase "$rel" "$tmp" "$MIRROR" "${script[@]}" \
            >"$CACHE/logs/$rel-debootstrap.log" 2>&1 || {
            tail -n 20 "$CACHE/logs/$rel-debootstrap.log"
            return 1
        }
        touch "$tmp/.tlsx-base"
    fi
    # A testing release's Release file may be past its Valid-Until date.
    echo 'Acquire::Check-Valid-Until "false";' >"$tmp/etc/apt/apt.conf.d/99tlsx-no-valid-until"
    printf '#!/bin/sh\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d"
    chmod 755 "$tmp/usr/sbin/policy-rc.d"
    cp /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null
    echo "== $rel: installing ${DEPS[*]} (log: $CACHE/logs/$rel-apt.log)"
    in_root "$tmp" "apt-get update && apt-get install -y --no-install-recommends ${DEPS[*]} &&
        apt-get clean" >"$CACHE/logs/$rel-apt.log" 2>&1 || {
        tail -n 20 "$CACHE/logs/$rel-apt.log"
        return 1
    }
    echo "${DEPS[*]}" >"$tmp/.tlsx-ready"
    mv "$tmp" "$root"
}

# The checkout as it is (tracked and new files, not ignored ones such as
# build/), copied into DEST.
copy_checkout() { # DEST
    rm -rf "$1" && mkdir -p "$1" || return 1
    if git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
        (cd "$SRC" && git ls-files -z --cached --others --exclude-standard |
            xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
            tar --null -T - -cf -) | tar -C "$1" -xf -
    else
        tar -C "$SRC" --exclude=./build --exclude='./build-*' -cf - . | tar -C "$1" -xf -
    fi
}

ws_version() { # ROOT
    in_root "$1" "dpkg-query -W -f='\${Version}' libwireshark-dev" | sed 's/-[^-]*$//'
}

# Returns 0 on success, 1 on failure, 2 when skipped.
run_release() { # RELEASE
    local rel=$1 root work rc
    if [ "$rel" = host ]; then
        work=$(mktemp -d /tmp/tlsx-compat.XXXXXX)
        copy_checkout "$work/src" || return 1
        VERSION_OF[$rel]=$(dpkg-query -W -f='${Version}' libwireshark-dev 2>/dev/null | sed 's/-[^-]*$//')
        echo "== host: Wireshark ${VERSION_OF[$rel]}"
        # The .deb is built but not installed: that would replace a
        # tlsexplain.so that install.sh may have put in the system folder.
        (cd "$work/src" && bash -c "$TEST_CMD && $DEB_CMD" && cp build/*.deb "$CACHE/debs/")
        rc=$?
        rm -rf "$work"
        return $rc
    fi
    make_root "$rel"
    rc=$?
    [ $rc -eq 0 ] || return $rc
    root="$CACHE/$rel"
    VERSION_OF[$rel]=$(ws_version "$root")
    echo "== $rel: Wireshark ${VERSION_OF[$rel]}"
    copy_checkout "$root/src" || return 1
    mount_in "$root" || { cleanup; return 1; }
    in_root "$root" "cd /src && $TEST_CMD && $DEB_CMD && $DEB_CHECK"
    rc=$?
    cp "$root"/src/build/*.deb "$CACHE/debs/" 2>/dev/null
    cleanup
    [ $rc -eq 0 ] || rc=1
    return $rc
}

declare -A RESULT VERSION_OF
failed=0
for rel in "${RELEASES[@]}"; do
    SKIP_WHY=
    start=$SECONDS
    run_release "$rel"
    case $? in
    0) RESULT[$rel]=pass ;;
    2) RESULT[$rel]="skipped ($SKIP_WHY)"
       echo "== $rel: SKIPPED, the mirror cannot be reached: $SKIP_WHY" ;;
    *) RESULT[$rel]=FAIL; failed=1 ;;
    esac
    RESULT[$rel]="${RESULT[$rel]} [$((SECONDS - start)) s]"
done

echo
echo "== Wireshark compatibility"
for rel in "${RELEASES[@]}"; do
    printf '%-8s %-8s %s\n' "$rel" "${VERSION_OF[$rel]:--}" "${RESULT[$rel]}"
done
echo "(.deb files in $CACHE/debs)"
exit $failed
