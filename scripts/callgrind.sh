#!/usr/bin/env bash
# Instructions per string for every benchmark row, counted by callgrind (deterministic).
# Builds build/bench (Release), runs the driver once per row under callgrind with collection
# switched on only around the measured loop, and prints Ir per string and the ratio to the
# minimal splitter.
#
#   scripts/callgrind.sh [N]      N passes over the corpus per row (default 200)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/bench"
passes=${1:-200}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRSCONN_BUILD_BENCHMARKS=ON \
  -DRSCONN_BUILD_TESTS=OFF -DRSCONN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target callgrind_driver >/dev/null
driver="$build/tests/bench/callgrind_driver"
"$driver" self-check 0

rows=(rsconn_parse_view rsconn_parse_view_checks rsconn_to_connection_validate minimal_splitter
      std_regex boost_url_labels libpq_PQconninfoParse)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

declare -A per_string
strings=""
for row in "${rows[@]}"; do
  line=$(valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$out/$row.out" \
    "$driver" "$row" "$passes" 2>/dev/null)
  strings=$(awk '{print $2}' <<<"$line")
  total=$(awk '/^summary:/ {print $2}' "$out/$row.out")
  per_string[$row]=$(awk -v t="$total" -v n="$passes" -v s="$strings" 'BEGIN {printf "%.1f", t / (n * s)}')
done

base=${per_string[minimal_splitter]}
printf '%s strings x %s passes per row (valgrind %s, %s)\n' "$strings" "$passes" \
  "$(valgrind --version)" "$(${CXX:-c++} --version | head -1)"
printf '%-32s %14s %12s\n' row "Ir/string" "x splitter"
for row in "${rows[@]}"; do
  awk -v r="$row" -v v="${per_string[$row]}" -v b="$base" 'BEGIN {printf "%-32s %14.1f %12.2f\n", r, v, v / b}'
done
# Ratios to rsconn's parse + classify + checks row, as the issue states the targets.
rs=${per_string[rsconn_parse_view_checks]}
echo
printf '%-32s %12s\n' "baseline" "x rsconn_parse_view_checks"
for row in minimal_splitter std_regex boost_url_labels libpq_PQconninfoParse; do
  awk -v r="$row" -v v="${per_string[$row]}" -v b="$rs" 'BEGIN {printf "%-32s %12.2f\n", r, v / b}'
done
