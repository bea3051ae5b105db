#!/usr/bin/env bash
# Static analysis of the public headers: clang-tidy-14 (.clang-tidy) over one generated TU per
# header, and cppcheck over include/. Any finding fails the stage. Formatting is not checked.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
# The TUs live inside the repository so that clang-tidy finds .clang-tidy above them.
build="${root}/build/ci-lint"
jobs="${RSCONN_CI_JOBS:-2}"
rm -rf "${build}"
mkdir -p "${build}/headers"

tidy="${CLANG_TIDY:-clang-tidy-14}"
# shellcheck source=scripts/lib/require-tool.sh
source scripts/lib/require-tool.sh
require_tool "${tidy}"
require_tool cppcheck
while IFS= read -r h; do
  h="${h#include/}"
  printf '#include <%s>\n' "$h" >"${build}/headers/$(echo "${h%.hpp}" | tr '/' '_').cpp"
done < <(find include/rsconn -name '*.hpp' | sort)

echo "--- lint: ${tidy}"
# C++17, the language rsconn is written in (C++20 would ask for std::views in C++17 code).
printf '%s\n' "${build}"/headers/*.cpp |
  xargs -P "${jobs}" -n 4 bash -c '"$0" --quiet "$@" -- -std=c++17 -I"'"${root}"'/include"' "${tidy}"

echo "--- lint: cppcheck"
# passedByValue is suppressed: rsconn passes its small trivially copyable view types (a
# string_view and a flag or two) by value on purpose, and clang-tidy's
# performance-unnecessary-value-param already reports the expensive-to-copy cases.
# shellcheck disable=SC2046  # header paths have no spaces
cppcheck --quiet --error-exitcode=1 --inline-suppr --language=c++ --std=c++17 \
  --enable=warning,performance,portability --suppress=missingIncludeSystem --suppress=passedByValue \
  --suppress=unmatchedSuppression -j "${jobs}" -I include $(find include/rsconn -name '*.hpp' | sort)
echo "lint: ok"
