#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset "asan").
# libstdc++'s checked operator[]/front()/back() (-D_GLIBCXX_ASSERTIONS) is on in the dev preset,
# whose suite scripts/test.sh has already run: the "assertions" preset stays for local use, and
# CI does not build the suite a third time for it (.ci/run stays under 20 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/../.."

jobs="${RSCONN_CI_JOBS:-2}"
extra=()
# The CLI is part of the suite when it is there; a checkout without it still tests the library.
[ -f examples/rsconn/main.cpp ] || extra+=(-DRSCONN_BUILD_EXAMPLES=OFF)

for preset in asan; do
  echo "--- sanitizers: preset ${preset}"
  cmake --preset "${preset}" "${extra[@]}" >/dev/null
  cmake --build --preset "${preset}" -j "${jobs}"
  ctest --preset "${preset}" -j "${jobs}"
done
echo "sanitizers: ok"
