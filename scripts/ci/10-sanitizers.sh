#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset "asan") and
# under libstdc++'s checked operator[]/front()/back() (preset "assertions", -D_GLIBCXX_ASSERTIONS).
set -euo pipefail
cd "$(dirname "$0")/../.."

jobs="${RSCONN_CI_JOBS:-2}"
extra=()
# The CLI is part of the suite when it is there; a checkout without it still tests the library.
[ -f examples/rsconn/main.cpp ] || extra+=(-DRSCONN_BUILD_EXAMPLES=OFF)

for preset in asan assertions; do
  echo "--- sanitizers: preset ${preset}"
  cmake --preset "${preset}" "${extra[@]}" >/dev/null
  cmake --build --preset "${preset}" -j "${jobs}"
  ctest --preset "${preset}" -j "${jobs}"
done
echo "sanitizers: ok"
