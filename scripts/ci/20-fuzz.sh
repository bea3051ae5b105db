#!/usr/bin/env bash
# Fuzzing stage: builds the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined) in
# build/fuzz, then runs each for a bounded time on a scratch copy of its corpus with the
# Redshift dictionary. Fails on any crash, leak, timeout or oracle violation, and prints how
# many inputs each fuzzer executed.
#
#   scripts/ci/20-fuzz.sh              25 s per fuzzer, 8 fuzzers two at a time: about 3.5 minutes
#                                      in all with the build, on 2 cores
#   FUZZ_SECONDS=600 FUZZ_HARNESSES="jdbc detect" scripts/ci/20-fuzz.sh
#   FUZZ_BUILD_DIR=build/fuzz2 scripts/ci/20-fuzz.sh      (another build directory)
#   FUZZ_BUILD_ONLY=1 scripts/ci/20-fuzz.sh               (build, do not fuzz)
#   scripts/fuzz-long.sh                                   (every harness to 10 million inputs)
#
# Harnesses: jdbc endpoint host detect odbc libpq rsql sqlalchemy. fuzz_libpq links the real libpq when
# CMake finds it (its differential oracle against PQconninfoParse), and runs without it otherwise.
# Only the fuzz targets are built (not every unit test). A crash input is copied to
# build/fuzz/artifacts/; add it to tests/fuzz/corpus/<harness>/ as a regression input.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-25}
read -r -a harnesses <<<"${FUZZ_HARNESSES:-jdbc endpoint host detect odbc libpq rsql sqlalchemy}"
build=${FUZZ_BUILD_DIR:-build/fuzz}
cxx=${FUZZ_CXX:-clang++}

# shellcheck source=scripts/lib/require-tool.sh
source scripts/lib/require-tool.sh
require_tool "$cxx"
require_tool /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a

cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRSCONN_BUILD_FUZZERS=ON -DRSCONN_BUILD_TESTS=ON -DRSCONN_BUILD_EXAMPLES=OFF \
  -DRSCONN_INSTALL=OFF >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
cmake --build "$build" --target "${targets[@]}" -j "${FUZZ_JOBS:-2}"
# FUZZ_BUILD_ONLY=1: stop here (scripts/fuzz-long.sh builds through this script).
if [ "${FUZZ_BUILD_ONLY:-0}" = 1 ]; then exit 0; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts"

# Each harness runs for the same time as before, as many at once as there are cores (FUZZ_JOBS):
# libFuzzer is single-threaded, so on two cores two run side by side without slowing each other.
run_harness() {  # run_harness NAME: its log in $work/NAME.log, its verdict in $work/NAME.status
  local h=$1 log="$work/$1.log"
  mkdir -p "$work/$h"
  cp tests/fuzz/corpus/"$h"/* "$work/$h/"
  if "$build/tests/fuzz/fuzz_$h" "$work/$h" -dict=tests/fuzz/redshift.dict \
      -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" >"$log" 2>&1; then
    echo ok >"$work/$h.status"
  else
    echo failed >"$work/$h.status"
  fi
}
export -f run_harness
export work build seconds
echo "=== fuzz: ${harnesses[*]}, ${seconds}s each, ${FUZZ_JOBS:-2} at a time"
printf '%s\n' "${harnesses[@]}" | xargs -P "${FUZZ_JOBS:-2}" -I{} bash -c 'run_harness "$1"' _ {}

status=0
summary=""
for h in "${harnesses[@]}"; do
  log="$work/$h.log"
  echo "=== fuzz_$h"
  if [ "$(cat "$work/$h.status" 2>/dev/null)" != ok ]; then
    status=1
    echo "fuzz_$h FAILED; the end of its log:"
    tail -n 40 "$log"
  fi
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" || true
  summary+="fuzz_$h: ${executed:-?} inputs executed"$'\n'
done
printf '%s' "$summary"
if [ "$status" -ne 0 ]; then
  echo "20-fuzz: a fuzzer found a failure (inputs in $build/artifacts/)" >&2
fi
exit "$status"
