# shellcheck shell=bash
# require_tool COMMAND: stops the calling stage when COMMAND is missing, naming the Debian
# package that provides it (from scripts/required-tools.txt) and the script that installs it.
require_tool() {
  local tool=$1 package
  command -v "${tool}" >/dev/null 2>&1 && return 0
  [ -e "${tool}" ] && return 0
  package=$(awk -v t="${tool}" '$1 == t { print $2; exit }' "$(dirname "${BASH_SOURCE[0]}")/../required-tools.txt")
  echo "${0##*/}: ${tool} not found: install the Debian package ${package:-that provides it} (scripts/install-deps.sh installs it)" >&2
  exit 1
}
