#!/usr/bin/env bash
# Linear-time stage: parsing must cost work proportional to the input, whatever its shape
# (random bytes, runs of '%', ';', '&', duplicate and distinct keys, long labels, many labels,
# many commas, long hosts for classify_host and driver_reading, ...). Counted
# deterministically with callgrind: tests/fuzz/linear_time.cpp zeroes the counters, does what
# the CLI does with one input (parse, validate, format, classify), and dumps the count. For
# every shape, instructions per byte at 1 MiB must stay within 2x of those at 64 KiB.
# Also checks that inputs over max_input_length are refused with errc::input_too_long.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/lib/require-tool.sh
source scripts/lib/require-tool.sh
require_tool valgrind

build=build/fuzz-replay
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRSCONN_BUILD_TESTS=ON \
  -DRSCONN_BUILD_EXAMPLES=OFF -DRSCONN_INSTALL=OFF >/dev/null
cmake --build "$build" --target rsconn_linear_time -j "${LINEAR_JOBS:-2}"
program="$build/tests/fuzz/rsconn_linear_time"
"$program" --check

sizes=(1024 4096 16384 65536 262144 1048576)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One callgrind run per shape, as many at once as there are cores (instruction counts do not
# depend on what else runs, so parallel runs measure the same thing).
export program out
measure_shape() {  # measure_shape SHAPE SIZE...
  local shape=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$out/$shape.%p" "$program" --measure "$shape" "$@" \
    >/dev/null 2>"$out/$shape.valgrind.log" || { cat "$out/$shape.valgrind.log" >&2; return 1; }
}
export -f measure_shape
# The costliest shapes (most instructions per byte, in the last run's table) start first, so
# that the two cores finish together; the rest follow in the program's order.
mapfile -t shapes < <("$program" --list)
first=(distinct-keys iam-long only-commas duplicates duplicates-long-last)
ordered=()
for s in "${first[@]}"; do printf '%s\n' "${shapes[@]}" | grep -qxF "$s" && ordered+=("$s"); done
for s in "${shapes[@]}"; do printf '%s\n' "${first[@]}" | grep -qxF "$s" || ordered+=("$s"); done
printf '%s\n' "${ordered[@]}" | xargs -P "${LINEAR_JOBS:-2}" -I{} bash -c 'measure_shape "$1" '"${sizes[*]}" _ {}

# Each dump: "desc: Trigger: Client Request: SHAPE SIZE BYTES" and "totals: IR".
for file in "$out"/*.[0-9]*.[0-9]*; do
  awk '/^desc: Trigger: Client Request:/ {shape=$5; size=$6; bytes=$7} /^totals:/ {print shape, size, bytes, $2}' "$file"
done | sort -k1,1 -k2,2n | awk -v limit=2 '
  { ir[$1" "$2] = $4; bytes[$1" "$2] = $3; seen[$1] = 1 }
  END {
    printf "%-22s %12s %12s %12s %12s %12s %12s %7s\n", "shape (Ir/byte)", "1K", "4K", "16K", "64K", "256K", "1M", "1M/64K"
    split("1024 4096 16384 65536 262144 1048576", sizes, " ")
    failed = 0
    for (s in seen) {
      line = sprintf("%-22s", s)
      for (i = 1; i <= 6; i++) {
        key = s" "sizes[i]
        per[i] = (key in ir) ? ir[key] / bytes[key] : -1
        line = line sprintf(" %12.2f", per[i])
      }
      ratio = per[4] > 0 ? per[6] / per[4] : 999
      verdict = ratio <= limit ? "" : "  NOT LINEAR"
      if (ratio > limit) failed = 1
      print line sprintf(" %7.2f", ratio) verdict
    }
    if (failed) { print "25-linear-time: some shape costs more than linear time" > "/dev/stderr"; exit 1 }
    print "25-linear-time: every shape is linear (1 MiB within " limit "x of 64 KiB per byte)"
  }'
