#!/usr/bin/env bash
# Every command the stages and tests call (scripts/required-tools.txt) must come from a package
# that scripts/install-deps.sh installs: this machine may have more preinstalled than a user's
# fresh Debian 12, and a green CI must not depend on it. Each entry is looked up on a fresh
# Debian's PATH (no /usr/local, no ~/.pyenv), followed through symlinks and alternatives, and
# attributed to its package with dpkg -S; that package must be one install-deps.sh names, one
# of their dependencies (apt-cache depends --recurse), or part of every Debian (Essential or
# Priority required, which a minimal root filesystem has).
set -euo pipefail
cd "$(dirname "$0")/../.."

fresh_path=/usr/sbin:/usr/bin:/sbin:/bin
mapfile -t listed < <(./scripts/install-deps.sh --list)
# The packages install-deps.sh brings in, with everything they depend on.
declare -A brought=()
while read -r p; do
  brought[${p%%:*}]=1
done < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances "${listed[@]}" 2>/dev/null | grep -v '^ ' | tr -d '<>')

# dpkg -S knows a file by the path its package ships it at: /bin/x on a merged-/usr system may
# be listed as /usr/bin/x, or the other way round.
owner() {
  local path=$1 candidate
  for candidate in "${path}" "${path#/usr}" "/usr${path}"; do
    dpkg -S "${candidate}" 2>/dev/null | grep -v '^diversion' | head -n 1 | cut -d: -f1 && return 0
  done
  return 1
}

failed=0
checked=0
while read -r tool package _; do
  case "${tool}" in '' | '#'*) continue ;; esac
  checked=$((checked + 1))
  if [[ "${tool}" == /* ]]; then path=${tool}; else path=$(PATH=${fresh_path} command -v "${tool}" || true); fi
  if [ -z "${path}" ] || [ ! -e "${path}" ]; then
    echo "00-tools: ${tool} not found on ${fresh_path}: install-deps.sh must install ${package}" >&2
    failed=1
    continue
  fi
  real=$(readlink -f "${path}")
  from=$(owner "${real}" || owner "${path}" || true)
  if [ -z "${from}" ]; then
    echo "00-tools: ${tool} (${real}) belongs to no Debian package: install it from ${package}" >&2
    failed=1
    continue
  fi
  if [ -z "${brought[${from}]:-}" ]; then
    fields=$(dpkg-query -W -f='${Essential} ${Priority}' "${from}" 2>/dev/null || true)
    case "${fields}" in
      yes\ * | *\ required) ;;
      *)
        echo "00-tools: ${tool} comes from ${from}, which install-deps.sh does not install (add ${package})" >&2
        failed=1
        continue
        ;;
    esac
  fi
  printf '  %-40s %s\n' "${tool}" "${from}"
done <scripts/required-tools.txt
if [ "${failed}" -ne 0 ]; then
  echo "00-tools: some commands would be missing on a fresh Debian 12" >&2
  exit 1
fi
echo "tools: ok (${checked} commands and files, each from a package install-deps.sh installs)"
