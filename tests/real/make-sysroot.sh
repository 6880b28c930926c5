#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/real/make-sysroot.sh: build the AArch64 sysroot of the real-program
# suite from Debian 12's arm64 packages.
#
#   make-sysroot.sh [--force]
#
# Downloads each package of PACKAGES below and every arm64 package it depends
# on (apt-get download PKG:arm64, into $UEMU_DEB_CACHE) and unpacks them with
# dpkg -x into $UEMU_SYSROOT (never dpkg -i: nothing is installed on the
# host). Idempotent: when the sysroot's stamp names the same package versions,
# nothing is done. The foreign architecture is added (dpkg --add-architecture
# arm64 and apt-get update) only when it is missing, which needs root (sudo is
# used when we are not root).
#
# Environment:
#   UEMU_SYSROOT     the sysroot (default /var/cache/arm-uemu/sysroot-arm64)
#   UEMU_DEB_CACHE   where .debs are kept (default /var/cache/arm-uemu/debs)
set -euo pipefail

SYSROOT=${UEMU_SYSROOT:-/var/cache/arm-uemu/sysroot-arm64}
CACHE=${UEMU_DEB_CACHE:-/var/cache/arm-uemu/debs}
force=0
[ "${1:-}" = "--force" ] && force=1

# What the cases of cases.py run; their library dependencies are added by
# apt-cache depends below. busybox (dynamic) is unpacked aside and installed
# as /usr/local/bin/busybox-dynamic, since it ships the same /bin/busybox as
# busybox-static.
PACKAGES=(
  libc6 busybox-static dash bash coreutils grep sed gawk mawk tar gzip bzip2
  xz-utils zstd sqlite3 lua5.4 perl-base python3.11-minimal
  libpython3.11-stdlib diffutils findutils file jq
)
ASIDE=(busybox)

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

log() { echo "make-sysroot: $*"; }

# 1. The arm64 package lists, once.
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  log "adding the arm64 architecture"
  $sudo dpkg --add-architecture arm64
  $sudo apt-get update -qq
elif ! apt-cache show libc6:arm64 >/dev/null 2>&1; then
  $sudo apt-get update -qq
fi

# 2. The closure: every arm64 package the list depends on (pre-depends too:
# coreutils and gawk take their libraries that way). Architecture-independent
# packages (debconf, readline-common...) hold nothing the programs load.
mapfile -t closure < <(
  apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
      --no-breaks --no-replaces --no-enhances \
      "${PACKAGES[@]/%/:arm64}" "${ASIDE[@]/%/:arm64}" 2>/dev/null |
    grep -E '^[a-z0-9][^ <]*:arm64$' | sed 's/:arm64$//' | sort -u)

# Package name -> candidate version: the stamp, and the .deb file names.
declare -A version
while read -r pkg ver; do
  version[$pkg]=$ver
done < <(apt-cache policy "${closure[@]/%/:arm64}" |
         awk '/^[^ ].*:$/ {p=$1; sub(/:arm64:$/, "", p); sub(/:$/, "", p)}
              /Candidate:/ {print p, $2}')

stamp=$(for p in "${closure[@]}"; do echo "$p ${version[$p]:-?}"; done)
if [ "$force" = 0 ] && [ -f "$SYSROOT/.uemu-sysroot-stamp" ] &&
   [ "$(cat "$SYSROOT/.uemu-sysroot-stamp")" = "$stamp" ]; then
  log "$SYSROOT is up to date (${#closure[@]} packages)"
  exit 0
fi

start=$(date +%s)

# 3. Download what the cache does not hold yet. apt-get download writes into
# the current directory; file names escape ':' in epochs as %3a.
$sudo mkdir -p "$CACHE"
[ -w "$CACHE" ] || $sudo chown "$(id -u):$(id -g)" "$CACHE"
deb_of() {
  local v=${version[$1]}
  echo "$CACHE/${1}_${v//:/%3a}_arm64.deb"
}
need=()
for p in "${closure[@]}"; do
  [ -f "$(deb_of "$p")" ] || need+=("$p:arm64=${version[$p]}")
done
if ((${#need[@]})); then
  log "downloading ${#need[@]} packages into $CACHE"
  # As root, apt's _apt user could not write into our cache: stay root.
  sandbox=()
  [ "$(id -u)" -eq 0 ] && sandbox=(-o APT::Sandbox::User=root)
  (cd "$CACHE" && apt-get download -qq "${sandbox[@]}" "${need[@]}")
fi

# 4. Unpack into a fresh directory next to the sysroot, then swap it in, so
# an interrupted run never leaves a half-made sysroot that looks complete.
parent=$(dirname "$SYSROOT")
$sudo mkdir -p "$parent"
[ -w "$parent" ] || $sudo chown "$(id -u):$(id -g)" "$parent"
tmp=$(mktemp -d "$SYSROOT.new.XXXXXX")
aside=$(mktemp -d)
trap 'rm -rf "$tmp" "$aside"' EXIT
for p in "${closure[@]}"; do
  if [[ " ${ASIDE[*]} " == *" $p "* ]]; then
    dpkg -x "$(deb_of "$p")" "$aside/$p"
  else
    dpkg -x "$(deb_of "$p")" "$tmp"
  fi
done
mkdir -p "$tmp/usr/local/bin"
cp "$aside/busybox/bin/busybox" "$tmp/usr/local/bin/busybox-dynamic"
# Links that maintainer scripts or alternatives would make on a real system.
[ -e "$tmp/bin/sh" ] || ln -s dash "$tmp/bin/sh"
[ -e "$tmp/usr/bin/awk" ] || ln -s gawk "$tmp/usr/bin/awk"
[ -e "$tmp/usr/bin/python3" ] || ln -s python3.11 "$tmp/usr/bin/python3"
[ -e "$tmp/usr/bin/lua" ] || ln -s lua5.4 "$tmp/usr/bin/lua"
chmod 755 "$tmp"
echo "$stamp" > "$tmp/.uemu-sysroot-stamp"
rm -rf "$SYSROOT.old"
[ -e "$SYSROOT" ] && mv "$SYSROOT" "$SYSROOT.old"
mv "$tmp" "$SYSROOT"
rm -rf "$SYSROOT.old"
log "$SYSROOT: ${#closure[@]} packages, $(du -sh "$SYSROOT" | cut -f1)," \
    "$(($(date +%s) - start)) s"
