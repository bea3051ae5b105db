#!/usr/bin/env bash
# Builds rsconn and runs every test: the unit and property tests (CTest, preset "dev"), then
# each stage in scripts/ci/ in name order (sanitizers, fuzzers, consumers, compiler matrix,
# benchmarks smoke run...). This is the command .ci/run calls. It prints how long each step
# took (wall-clock seconds) at the end: CI's budget is 20 minutes on 2 cores, once the packages
# are installed (the install step is timed on its own).
set -euo pipefail
cd "$(dirname "$0")/.."

timings=""
started=$SECONDS
step_started=$SECONDS
step_done() {  # step_done NAME
  timings+=$(printf '  %-24s %5d s' "$1" $((SECONDS - step_started)))$'\n'
  step_started=$SECONDS
}

./scripts/install-deps.sh
step_done install-deps
started=$SECONDS  # the budget counts from here: packages are installed

cmake --preset dev
cmake --build --preset dev
step_done "dev build"
ctest --preset dev 2>&1 | tee build/dev/ctest-summary.log
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
step_done "dev tests"
total=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9][0-9]*\).*/\1/p' build/dev/ctest-summary.log | tail -n 1)

shopt -s nullglob
for stage in scripts/ci/*.sh; do
  echo "=== stage ${stage##*/}"
  bash "$stage"
  step_done "${stage##*/}"
done
printf 'rsconn: time per step\n%s  %-24s %5d s\n' "$timings" "total (after install)" $((SECONDS - started))
echo "rsconn: every test stage passed"
echo "rsconn: ${total:-0} passed, 0 failed"
