#!/usr/bin/env bash
# Builds rsconn and runs every test: the unit and property tests (CTest, preset "dev"), then
# each stage in scripts/ci/ in name order (sanitizers, fuzzers, consumers, compiler matrix,
# benchmarks smoke run...). This is the command .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

cmake --preset dev
cmake --build --preset dev
ctest --preset dev

shopt -s nullglob
for stage in scripts/ci/*.sh; do
  echo "=== stage ${stage##*/}"
  bash "$stage"
done
echo "rsconn: every test stage passed"
