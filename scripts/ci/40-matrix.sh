#!/usr/bin/env bash
# The compiler matrix: g++ and clang++ x C++17, 20, 23, all with -Werror and the warning set the
# design asks headers to be clean under. For every combination:
#   - every public header (rsconn/detail/* too) compiles on its own, in a generated TU;
#   - a two-TU program including every header links (no ODR/duplicate-symbol trouble);
#   - a consumer built with -fno-exceptions -fno-rtti parses, validates and formats.
# The whole unit/property suite is built and run in two of the combinations, by other steps:
# g++/C++17 (strict, no extensions) is the dev preset, whose suite scripts/test.sh has already
# run, and clang++/C++23 is the sanitizer stage's build (scripts/ci/10-sanitizers.sh, preset
# asan-clang23). Building it six times would take CI past its time budget on two cores; every
# combination here builds and runs one representative unit test.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
build="${root}/build/ci-matrix"
jobs="${RSCONN_CI_JOBS:-2}"
rm -rf "${build}"
mkdir -p "${build}/headers"

warnings=(-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror)

# One generated TU per header; each includes its header twice (the include guard works).
headers=()
while IFS= read -r h; do headers+=("${h#include/}"); done < <(find include/rsconn -name '*.hpp' | sort)
for h in "${headers[@]}"; do
  tu="${build}/headers/$(echo "${h%.hpp}" | tr '/' '_').cpp"
  printf '#include <%s>\n#include <%s>\n' "$h" "$h" >"${tu}"
done

# A representative test for the combinations that do not build the whole suite.
representative=""
for candidate in tests/unit/jdbc.cpp tests/unit/test_jdbc.cpp tests/unit/jdbc_test.cpp; do
  [ -f "${candidate}" ] && { representative="${candidate}"; break; }
done
if [ -z "${representative}" ]; then
  representative="$(find tests/unit -name '*.cpp' 2>/dev/null | sort | head -n 1)"
fi

# One combination: its standalone headers, its two-TU program, its no-exceptions consumer, its
# representative test. The six run as many at once as there are cores (each one step after
# another inside), with each log printed whole when it ends.
combination() {  # combination CXX STD (run in a bash of its own, with -e: any failure ends it)
  local cxx=$1 std=$2
  local warnings
  read -r -a warnings <<<"${warnings_list}"
  echo "--- matrix: ${cxx} -std=c++${std}"
  # clang 14 knows C++23 only as c++2b (g++ 12 takes both).
  local std_flag="-std=c++${std}"
  [ "${std}" = 23 ] && std_flag="-std=c++2b"
  local flags=("${std_flag}" "${warnings[@]}" -Iinclude)
  local out="${build}/${cxx}-${std}"
  mkdir -p "${out}"
  # Standalone headers (a syntax check: a header-only library's headers emit no code of their
  # own, and the two-TU program below links what they define).
  local tu
  for tu in "${build}"/headers/*.cpp; do "${cxx}" "${flags[@]}" -fsyntax-only "${tu}"; done
  # Two TUs, one program.
  "${cxx}" "${flags[@]}" tests/consumers/odr/a.cpp tests/consumers/odr/b.cpp tests/consumers/odr/c.cpp -o "${out}/odr" -lfmt
  "${out}/odr" >/dev/null
  # No exceptions, no RTTI.
  "${cxx}" "${flags[@]}" -fno-exceptions -fno-rtti tests/consumers/no_exceptions/main.cpp \
    -o "${out}/no_exceptions" -lfmt
  "${out}/no_exceptions" >/dev/null
  # Tests.
  if [ -n "${representative}" ]; then
    "${cxx}" "${flags[@]}" "${representative}" -o "${out}/representative" -lCatch2Main -lCatch2 -lfmt
    "${out}/representative"
  fi
}
run_combination() {  # run_combination CXX STD: its log in the build tree, printed whole
  local log="${build}/$1-$2.log"
  local status=0
  bash -euo pipefail -c 'combination "$1" "$2"' _ "$1" "$2" >"${log}" 2>&1 || status=$?
  cat "${log}"
  [ "${status}" -eq 0 ] || { echo "matrix: $1 -std=c++$2 FAILED" >&2; return 1; }
}
export build representative
export -f combination run_combination
warnings_list="${warnings[*]}"
export warnings_list
printf '%s\n' "g++ 17" "g++ 20" "g++ 23" "clang++ 17" "clang++ 20" "clang++ 23" |
  xargs -P "${jobs}" -L 1 bash -c 'run_combination "$0" "$1"'
echo "matrix: ok"
