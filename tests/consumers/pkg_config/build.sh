#!/usr/bin/env bash
# Builds the consumer with plain g++ and `pkg-config rsconn`. Usage: build.sh PREFIX OUTDIR
set -euo pipefail
prefix="$1" out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
export PKG_CONFIG_PATH="${prefix}/share/pkgconfig${PKG_CONFIG_PATH:+:${PKG_CONFIG_PATH}}"
pkg-config --exists --print-errors rsconn
# shellcheck disable=SC2046  # pkg-config's output is meant to be split into words
"${CXX:-g++}" -std=c++17 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror \
  $(pkg-config --cflags rsconn) "${here}/../common/main.cpp" -o "${out}/consumer" $(pkg-config --libs rsconn)
