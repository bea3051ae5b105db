#!/usr/bin/env bash
# Rewrites the option table in README.md (between <!-- options-table:begin --> and
# <!-- options-table:end -->) with `rsconn options --markdown`. The CTest test cli:options-table
# fails until this has been run after a change to the catalogue (include/rsconn/options.hpp).
#
#   scripts/update-options-table.sh [RSCONN_BINARY]
#
# Without an argument it builds the CLI with the dev preset first (cmake --preset dev must have
# been run) and uses build/dev/examples/rsconn.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ $# -gt 0 ]; then
  binary=$1
else
  cmake --build --preset dev --target rsconn_cli
  binary=build/dev/examples/rsconn
fi
if [ ! -x "$binary" ]; then
  echo "update-options-table: no rsconn binary at $binary (build it: cmake --preset dev && cmake --build --preset dev)" >&2
  exit 1
fi
exec python3 tests/cli/options_table.py update "$binary" README.md
