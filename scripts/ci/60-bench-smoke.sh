#!/usr/bin/env bash
# Benchmarks smoke run: builds them (Release) and runs every row of every form (JDBC, endpoint,
# ODBC, libpq keywords, libpq URI) briefly, which proves they build warning-free and that the
# self-check passes (every baseline reads the same fields as rsconn). No timing is asserted;
# numbers live in docs/performance.md.
#
# BENCH_BUILD_DIR: build directory (default build/bench; relative to the repository root).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BENCH_BUILD_DIR:-build/bench}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRSCONN_BUILD_BENCHMARKS=ON \
  -DRSCONN_BUILD_TESTS=OFF -DRSCONN_BUILD_EXAMPLES=OFF -DRSCONN_WERROR=ON
cmake --build "$build" --target bench_parse callgrind_driver
"$build/tests/bench/callgrind_driver" self-check 0
"$build/tests/bench/bench_parse" --benchmark_min_time=0.01
