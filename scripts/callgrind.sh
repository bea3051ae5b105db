#!/usr/bin/env bash
# Instructions per string for every benchmark row, counted by callgrind (deterministic).
# Builds the benchmarks (Release), runs the driver once per row under callgrind with collection
# switched on only around the measured loop, and prints one table per form (JDBC, endpoint,
# ODBC, libpq keywords, libpq URI): Ir per string and the ratio to that form's minimal
# splitter, then each baseline's ratio to that form's rsconn parse + checks row.
#
#   scripts/callgrind.sh [N]      N passes over the corpus per row (default 200)
#
# Environment:
#   BENCH_BUILD_DIR   build directory (default build/bench; a relative path is relative to the
#                     repository root)
#   BENCH_FORMS       only these forms, space-separated (default: all), e.g. "odbc libpq_uri"
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${BENCH_BUILD_DIR:-build/bench}
passes=${1:-200}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRSCONN_BUILD_BENCHMARKS=ON \
  -DRSCONN_BUILD_TESTS=OFF -DRSCONN_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target callgrind_driver >/dev/null
driver="$build/tests/bench/callgrind_driver"
"$driver" self-check 0

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

declare -A per_string strings_of rows_of
forms=()
while read -r form row; do
  if [[ -n ${BENCH_FORMS:-} && " $BENCH_FORMS " != *" $form "* ]]; then continue; fi
  if [[ -z ${rows_of[$form]+set} ]]; then
    forms+=("$form")
    rows_of[$form]=""
  fi
  rows_of[$form]+="$row "
  file="$out/${row//\//_}.out"
  line=$(valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$file" \
    "$driver" "$row" "$passes" 2>/dev/null)
  strings=$(awk '{print $2}' <<<"$line")
  strings_of[$form]=$strings
  total=$(awk '/^summary:/ {print $2}' "$file")
  per_string[$row]=$(awk -v t="$total" -v n="$passes" -v s="$strings" 'BEGIN {printf "%.1f", t / (n * s)}')
done < <("$driver" list 0)

printf '%s passes over each corpus per row (valgrind %s, %s)\n' "$passes" \
  "$(valgrind --version)" "$(${CXX:-c++} --version | head -1)"
for form in "${forms[@]}"; do
  # The JDBC rows keep their historical names; the others are "<form>/<row>".
  prefix=""
  [[ $form == jdbc ]] || prefix="$form/"
  base=${per_string[${prefix}minimal_splitter]}
  echo
  printf '%s: %s strings\n' "$form" "${strings_of[$form]}"
  printf '%-46s %14s %12s\n' row "Ir/string" "x splitter"
  for row in ${rows_of[$form]}; do
    awk -v r="$row" -v v="${per_string[$row]}" -v b="$base" 'BEGIN {printf "%-46s %14.1f %12.2f\n", r, v, v / b}'
  done
  # Ratios to rsconn's parse + classify + checks row, as the issue states the targets.
  rs=${per_string[${prefix}rsconn_parse_view_checks]}
  echo
  printf '%-46s %12s\n' "baseline" "x ${prefix}rsconn_parse_view_checks"
  for kind in minimal_splitter std_regex boost_url_labels libpq_PQconninfoParse; do
    row="$prefix$kind"
    [[ -n ${per_string[$row]+set} ]] || continue
    awk -v r="$row" -v v="${per_string[$row]}" -v b="$rs" 'BEGIN {printf "%-46s %12.2f\n", r, v / b}'
  done
done
