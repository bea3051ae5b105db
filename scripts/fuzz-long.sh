#!/usr/bin/env bash
# Long fuzzing, by hand (CI keeps its short runs, scripts/ci/20-fuzz.sh): every harness runs to a
# number of inputs (10 million each by default) rather than for a time, on a scratch copy of its
# corpus, then the inputs that reached new coverage are merged, minimised, into
# tests/fuzz/corpus/<harness>/ (libFuzzer's -merge=1 keeps the existing files, named regression
# inputs included, and adds the fewest new ones that cover what the run found). Commit them.
#
#   scripts/fuzz-long.sh                          every harness, 10,000,000 inputs each
#   FUZZ_RUNS=1000000 FUZZ_HARNESSES="odbc libpq" scripts/fuzz-long.sh
#   FUZZ_JOBS=2                                   harnesses at once (default: the cores)
#
# Same build as the CI stage (build/fuzz: clang, ASan+UBSan, -fsanitize=fuzzer); at the rates in
# the README (inputs per second per harness) 10 million inputs take from minutes (endpoint) to
# hours (odbc). A crash, leak, timeout or oracle failure stops that harness and fails the run;
# its input is in build/fuzz/artifacts/ (add it to the corpus as a regression input). Prints per
# harness the inputs executed, the rate, and the files added to the corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${FUZZ_RUNS:-10000000}
read -r -a harnesses <<<"${FUZZ_HARNESSES:-jdbc endpoint host detect odbc libpq rsql}"
build=${FUZZ_BUILD_DIR:-build/fuzz}
jobs=${FUZZ_JOBS:-$(nproc)}

# The build, exactly as the CI stage makes it, with no time spent fuzzing.
FUZZ_BUILD_ONLY=1 FUZZ_HARNESSES="${harnesses[*]}" FUZZ_BUILD_DIR="$build" scripts/ci/20-fuzz.sh >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts"

fuzz_long() {  # fuzz_long NAME: its log in $work/NAME.log, its verdict in $work/NAME.status
  local h=$1 log="$work/$1.log" corpus="tests/fuzz/corpus/$1"
  local binary="$build/tests/fuzz/fuzz_$h"
  mkdir -p "$work/$h"
  cp "$corpus"/* "$work/$h/"
  if ! "$binary" "$work/$h" -dict=tests/fuzz/redshift.dict -runs="$runs" -max_len=4096 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" >"$log" 2>&1; then
    echo failed >"$work/$h.status"
    return
  fi
  local before after
  before=$(find "$corpus" -type f | wc -l)
  if ! "$binary" -merge=1 "$corpus" "$work/$h" -max_len=4096 >"$work/$h.merge.log" 2>&1; then
    echo merge-failed >"$work/$h.status"
    return
  fi
  after=$(find "$corpus" -type f | wc -l)
  echo "$((after - before))" >"$work/$h.added"
  echo ok >"$work/$h.status"
}
export -f fuzz_long
export work build runs
echo "=== fuzz-long: ${harnesses[*]}, ${runs} inputs each, ${jobs} at a time"
printf '%s\n' "${harnesses[@]}" | xargs -P "${jobs}" -I{} bash -c 'fuzz_long "$1"' _ {}

status=0
for h in "${harnesses[@]}"; do
  log="$work/$h.log"
  verdict=$(cat "$work/$h.status" 2>/dev/null || echo missing)
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  echo "fuzz_$h: ${verdict}, ${executed:-?} inputs, ${rate:-?} per second, $(cat "$work/$h.added" 2>/dev/null || echo 0) added to the corpus"
  if [ "${verdict}" != ok ]; then
    status=1
    echo "--- the end of fuzz_$h's log:"
    tail -n 40 "$log"
  fi
done
exit "$status"
