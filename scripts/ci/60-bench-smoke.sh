#!/usr/bin/env bash
# Benchmarks smoke run: builds them (Release, build/bench) and runs every row briefly, which
# proves they build warning-free and that the self-check passes (every baseline reads the same
# fields as rsconn). No timing is asserted; numbers live in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DRSCONN_BUILD_BENCHMARKS=ON \
  -DRSCONN_BUILD_TESTS=OFF -DRSCONN_BUILD_EXAMPLES=OFF -DRSCONN_WERROR=ON
cmake --build build/bench --target bench_parse callgrind_driver
build/bench/tests/bench/callgrind_driver self-check 0
build/bench/tests/bench/bench_parse --benchmark_min_time=0.01
