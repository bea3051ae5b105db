#!/usr/bin/env bash
# Builds the consumers with plain g++ and pkg-config: `rsconn-fmt` for the program that formats
# with fmt, `rsconn` for the core one. Usage: build.sh PREFIX OUTDIR
set -euo pipefail
prefix="$1" out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
export PKG_CONFIG_PATH="${prefix}/share/pkgconfig${PKG_CONFIG_PATH:+:${PKG_CONFIG_PATH}}"
flags=(-std=c++17 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror)
build() {  # build PACKAGE SOURCE OUTPUT
  pkg-config --exists --print-errors "$1"
  # shellcheck disable=SC2046  # pkg-config's output is meant to be split into words
  "${CXX:-g++}" "${flags[@]}" $(pkg-config --cflags "$1") "$2" -o "$3" $(pkg-config --libs "$1")
}
build rsconn-fmt "${here}/../common/main.cpp" "${out}/consumer"
build rsconn "${here}/../common/core_main.cpp" "${out}/core_consumer"
if pkg-config --print-requires rsconn | grep -q fmt; then
  echo "rsconn.pc requires fmt; only rsconn-fmt.pc should" >&2
  exit 1
fi
