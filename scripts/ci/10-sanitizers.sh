#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer, built with clang++
# in strict C++23 with -Werror (preset "asan-clang23"): one build that is both the sanitizer run
# and the compiler matrix's clang++/C++23 suite (scripts/ci/40-matrix.sh). The dev preset, whose
# suite scripts/test.sh has already run, is the g++/C++17 suite with libstdc++'s checked
# operator[]/front()/back() (-D_GLIBCXX_ASSERTIONS); the "asan" (g++) and "assertions" presets
# stay for local use. One build per configuration keeps .ci/run under 20 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

jobs="${RSCONN_CI_JOBS:-2}"
extra=()
# The CLI is part of the suite when it is there; a checkout without it still tests the library.
[ -f examples/rsconn/main.cpp ] || extra+=(-DRSCONN_BUILD_EXAMPLES=OFF)

for preset in asan-clang23; do
  echo "--- sanitizers: preset ${preset}"
  cmake --preset "${preset}" "${extra[@]}" >/dev/null
  cmake --build --preset "${preset}" -j "${jobs}"
  ctest --preset "${preset}" -j "${jobs}"
done
echo "sanitizers: ok"
