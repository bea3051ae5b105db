#!/usr/bin/env bash
# Builds rsconn and runs every test: the unit and property tests (CTest, preset "dev"), then
# each stage in scripts/ci/ in name order (sanitizers, fuzzers, consumers, compiler matrix,
# benchmarks smoke run...). This is the command .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

cmake --preset dev
cmake --build --preset dev
ctest --preset dev 2>&1 | tee build/dev/ctest-summary.log
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
total=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9][0-9]*\).*/\1/p' build/dev/ctest-summary.log | tail -n 1)

shopt -s nullglob
for stage in scripts/ci/*.sh; do
  echo "=== stage ${stage##*/}"
  bash "$stage"
done
echo "rsconn: every test stage passed"
echo "rsconn: ${total:-0} passed, 0 failed"
