#!/usr/bin/env bash
# rsconn as users take it: add_subdirectory, FetchContent of this checkout, find_package after
# `cmake --install`, and pkg-config, each with the fmt component (tests/consumers/common/main.cpp)
# or the core alone (common/core_main.cpp, which must not see fmt). Each consumer builds with
# -Werror and a strict warning set, runs, and is checked on what it prints.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
build="${root}/build/ci-consumers"
rm -rf "${build}"
mkdir -p "${build}"

expected=$'workgroup=analytics\nurl=jdbc:redshift://analytics.123456789012.us-east-1.redshift-serverless.amazonaws.com:5439/dev?user=admin&password=***'
check() {  # check NAME EXECUTABLE
  local got
  got="$("$2")"
  if [ "${got}" != "${expected}" ]; then
    echo "consumer $1 printed:"; echo "${got}"; echo "expected:"; echo "${expected}"
    exit 1
  fi
  echo "consumer $1: ok"
}
configure_build() {  # configure_build NAME SOURCE_DIR [cmake args...]
  local name="$1" src="$2"; shift 2
  cmake -S "${src}" -B "${build}/${name}" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "${build}/${name}"
  check "${name}" "${build}/${name}/consumer"
}

configure_build add_subdirectory tests/consumers/add_subdirectory -DRSCONN_SOURCE_DIR="${root}"
configure_build fetchcontent tests/consumers/fetchcontent -DFETCHCONTENT_SOURCE_DIR_RSCONN="${root}" \
  -DFETCHCONTENT_FULLY_DISCONNECTED=ON

# Install rsconn alone (no tests, no CLI) to a temporary prefix, with the fmt component and
# (prefix-core) without it.
install_rsconn() {  # install_rsconn NAME PREFIX [cmake args...]
  local name="$1" to="$2"; shift 2
  cmake -S . -B "${build}/${name}" -G Ninja -DRSCONN_BUILD_TESTS=OFF -DRSCONN_BUILD_EXAMPLES=OFF \
    -DRSCONN_INSTALL=ON -DCMAKE_INSTALL_PREFIX=/nonexistent "$@" >/dev/null
  # A different --prefix than the configured one: the package must be relocatable.
  cmake --install "${build}/${name}" --prefix "${to}" >/dev/null
  test -f "${to}/include/rsconn/rsconn.hpp"
  test -f "${to}/share/cmake/rsconn/rsconnConfig.cmake"
  test -f "${to}/share/pkgconfig/rsconn.pc"
}
prefix="${build}/prefix"
install_rsconn rsconn "${prefix}" -DRSCONN_FMT=ON
test -f "${prefix}/share/cmake/rsconn/rsconnFmtTargets.cmake"
test -f "${prefix}/share/pkgconfig/rsconn-fmt.pc"
core_prefix="${build}/prefix-core"
install_rsconn rsconn-core "${core_prefix}" -DRSCONN_FMT=OFF
test ! -e "${core_prefix}/share/cmake/rsconn/rsconnFmtTargets.cmake"
test ! -e "${core_prefix}/share/pkgconfig/rsconn-fmt.pc"
if grep -q fmt "${core_prefix}/share/cmake/rsconn/rsconnTargets.cmake"; then
  echo "rsconn::rsconn's installed targets mention fmt" >&2
  exit 1
fi

configure_build find_package tests/consumers/find_package -DCMAKE_PREFIX_PATH="${prefix}"
configure_build find_package_core tests/consumers/find_package -DCMAKE_PREFIX_PATH="${core_prefix}" \
  -DRSCONN_CONSUMER_FMT=OFF

mkdir -p "${build}/pkg_config"
tests/consumers/pkg_config/build.sh "${prefix}" "${build}/pkg_config"
check pkg_config "${build}/pkg_config/consumer"
check pkg_config_core "${build}/pkg_config/core_consumer"
# The single header: built as a target, the same bytes as the installed one, and a consumer of it
# alone (no rsconn include folder on the path) for C++17, 20 and 23, with -fno-exceptions, with
# and without the fmt formatters, each run and checked like the others.
cmake --build "${build}/rsconn" --target rsconn_single_header >/dev/null
single="${build}/rsconn/single_include"
cmp "${single}/rsconn/rsconn.hpp" "${prefix}/include/rsconn-single/rsconn/rsconn.hpp"
if grep -q '#include "rsconn/' "${single}/rsconn/rsconn.hpp"; then
  echo "the single header still includes rsconn headers" >&2
  exit 1
fi
mkdir -p "${build}/single_header"
single_header() {  # single_header CXX STD NAME [flags...]
  local cxx=$1 std=$2 name=$3; shift 3
  local out="${build}/single_header/${name}"
  "${cxx}" "-std=${std}" -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror -fno-exceptions \
    -I "${single}" tests/consumers/single_header/main.cpp -o "${out}" "$@"  # "$@" last: -lfmt after the source
  check "single_header-${name}" "${out}"
}
single_header g++ c++17 g++-17
single_header g++ c++20 g++-20
single_header g++ c++23 g++-23
single_header g++ c++17 g++-17-fmt -DRSCONN_WITH_FMT -lfmt
single_header g++ c++23 g++-23-fmt-std -DRSCONN_WITH_FMT -DRSCONN_WITH_STD_FORMAT -lfmt
single_header clang++ c++2b clang++-23 -DRSCONN_WITH_FMT -DRSCONN_WITH_STD_FORMAT -lfmt
echo "consumers: ok"
