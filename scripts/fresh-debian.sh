#!/usr/bin/env bash
# Walks the README's quick start on a minimal Debian 12, the way a new user meets it: builds a
# root filesystem with mmdebstrap (variant minbase: no compiler, no cmake, no python), clones
# this repository's HEAD into it (committed work only), and runs the README's two commands
# there, exactly as the README writes them (read from its "Quick start" section), in a chroot
# inside private mount and PID namespaces (unshare), so that every process it starts (the
# PostgreSQL server of the client tests among them) ends with it.
#
#   sudo scripts/fresh-debian.sh              rootfs in a temporary directory, removed after
#   FRESH_DEBIAN_DIR=/var/tmp/deb12 scripts/fresh-debian.sh   keep the rootfs there
#   FRESH_DEBIAN_CI=false ...                 run without CI=true (tests may then skip)
#
# It downloads about a gigabyte of packages from Debian's archive and runs the whole test suite,
# so it takes a while (see the README); it is not a CI stage. Run it before a submission that
# changes an install step. Needs root (mmdebstrap, chroot, mount) and mmdebstrap
# (scripts/install-deps.sh installs it).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
mirror=${RSCONN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
ci=${FRESH_DEBIAN_CI:-true}
limit=${FRESH_DEBIAN_TIMEOUT:-7200}

[ "$(id -u)" -eq 0 ] || { echo "fresh-debian: run as root (mmdebstrap, chroot and mount need it)" >&2; exit 1; }
# shellcheck source=scripts/lib/require-tool.sh
source "${repo}/scripts/lib/require-tool.sh"
for tool in mmdebstrap git unshare chroot timeout; do require_tool "${tool}"; done

# The README's two commands: the first two ```sh blocks of its "## Quick start" section.
mapfile -t commands < <(awk '
  /^## / { in_section = ($0 == "## Quick start") }
  in_section && /^```sh$/ { in_block = 1; next }
  in_section && in_block && /^```$/ { in_block = 0; blocks++; next }
  in_section && in_block && blocks < 2 { print }
' "${repo}/README.md")
if [ "${#commands[@]}" -ne 2 ]; then
  echo "fresh-debian: expected two one-line commands in README.md's Quick start, found ${#commands[@]}" >&2
  exit 1
fi

if [ -n "${FRESH_DEBIAN_DIR:-}" ]; then
  rootfs=${FRESH_DEBIAN_DIR}
  keep=1
else
  rootfs=$(mktemp -d /var/tmp/rsconn-fresh-debian.XXXXXX)
  keep=0
fi
cleanup() { [ "${keep}" = 1 ] || rm -rf --one-file-system "${rootfs}"; }
trap cleanup EXIT

if [ ! -x "${rootfs}/usr/bin/apt-get" ]; then
  echo "--- fresh-debian: mmdebstrap --variant=minbase bookworm ${rootfs}"
  rm -rf "${rootfs}"
  start=$(date +%s)
  mmdebstrap --quiet --variant=minbase bookworm "${rootfs}" "${mirror}"
  echo "fresh-debian: root filesystem in $(($(date +%s) - start)) s"
fi

# A clone, as a user would have it: committed work only, no build tree.
rm -rf "${rootfs}/root/rsconn"
git clone --quiet --no-hardlinks "${repo}" "${rootfs}/root/rsconn"
echo "--- fresh-debian: cloned $(git -C "${repo}" rev-parse --short HEAD) into ${rootfs}/root/rsconn"
cp /etc/resolv.conf "${rootfs}/etc/resolv.conf"
# How this machine reaches Debian's archive (a proxy, or a mirror whose Release files are older
# than their Valid-Until, as a stored snapshot's are) is part of the network, not of the system
# under test: the fresh system gets the host's apt configuration files that set Acquire::
# options, whole (a line taken out of a { } block would change its scope), and nothing else.
for conf in /etc/apt/apt.conf.d/*; do
  if [ -f "${conf}" ] && grep -q 'Acquire' "${conf}"; then cp "${conf}" "${rootfs}/etc/apt/apt.conf.d/"; fi
done
rm -f "${rootfs}/etc/apt/apt.conf.d/99fresh-debian-host-network"

script="${rootfs}/root/readme-commands.sh"
{
  echo 'set -euo pipefail'
  echo 'cd /root/rsconn'
  for c in "${commands[@]}"; do
    printf 'echo %q\n' "=== fresh-debian: ${c}"
    printf 'start=$(date +%%s)\n%s\n' "${c}"
    echo 'echo "=== fresh-debian: that took $(($(date +%s) - start)) s"'
  done
} >"${script}"

echo "--- fresh-debian: the README's commands, in a chroot (CI=${ci})"
status=0
timeout --kill-after=60 "${limit}" unshare --mount --pid --fork --kill-child -- bash -c '
  set -e
  root=$1 ci=$2
  mount --make-rprivate /
  mount -t proc proc "$root/proc"
  mount -t sysfs sysfs "$root/sys"
  mount --rbind /dev "$root/dev"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
  exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb CI="$ci" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash /root/readme-commands.sh
' _ "${rootfs}" "${ci}" || status=$?
if [ "${status}" -ne 0 ]; then
  echo "fresh-debian: the README's commands failed on a fresh Debian 12 (exit ${status})" >&2
  exit "${status}"
fi
echo "fresh-debian: both README commands passed on a minimal Debian 12"
