#!/usr/bin/env bash
# The dependency range: rsconn/fmt.hpp and the core headers against every fmt and tl-expected
# Debian carries, not only bookworm's (fmt 9.1, tl-expected 1.0). The newer ones exist only in
# trixie and sid: their libfmt-dev and libexpected-dev are fetched with `apt-get download`
# through a private apt configuration (its own sources list, state and cache under the build
# tree; the system's sources are never touched), unpacked with `dpkg -x`, and used header-only
# (FMT_HEADER_ONLY, so no fmt library of another release is linked).
#
# For every fmt x tl-expected pair: tests/unit/fmt.cpp (Catch2; it prints the versions it was
# built with) builds with -Werror and runs. For every fmt: the -fno-exceptions -fno-rtti
# consumer builds and runs.
#
#   DEPS_RANGE_SUITES="trixie sid"   the suites to take newer packages from (default)
#   DEPS_RANGE_DIR=build/deps-range  where the apt state, packages and builds live
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=${DEPS_RANGE_DIR:-${root}/build/deps-range}
read -r -a suites <<<"${DEPS_RANGE_SUITES:-trixie sid}"
jobs="${RSCONN_CI_JOBS:-2}"
cxx=${CXX:-g++}

keyring=/usr/share/keyrings/debian-archive-keyring.gpg
# shellcheck source=scripts/lib/require-tool.sh
source scripts/lib/require-tool.sh
for tool in apt-get apt-cache dpkg dpkg-deb "${cxx}" "${keyring}"; do require_tool "${tool}"; done

# ---- a private apt: only these suites, only this tree --------------------------------------
apt_dir="${work}/apt"
mkdir -p "${apt_dir}/lists/partial" "${apt_dir}/archives/partial" "${apt_dir}/parts" "${work}/debs"
: >"${apt_dir}/status"
: >"${apt_dir}/sources.list"
for suite in "${suites[@]}"; do
  echo "deb [signed-by=${keyring}] http://deb.debian.org/debian ${suite} main" >>"${apt_dir}/sources.list"
done
apt_opts=(
  -o "Dir::Etc::SourceList=${apt_dir}/sources.list" -o "Dir::Etc::SourceParts=${apt_dir}/parts"
  -o "Dir::Etc::Preferences=${apt_dir}/no-preferences" -o "Dir::Etc::PreferencesParts=${apt_dir}/parts"
  -o "Dir::State=${apt_dir}" -o "Dir::State::Lists=${apt_dir}/lists" -o "Dir::State::status=${apt_dir}/status"
  -o "Dir::Cache=${apt_dir}" -o "Dir::Cache::archives=${apt_dir}/archives"
  -o "APT::Sandbox::User=root" -o "Debug::NoLocking=1" -o "Acquire::Languages=none"
)
echo "--- deps-range: apt-get update (${suites[*]}, private state in ${apt_dir})"
apt-get "${apt_opts[@]}" -qq update

# ---- the headers of each release, unpacked under the build tree ----------------------------
# "name version include-dir" per line; bookworm's installed packages come first.
variants="${work}/variants.txt"
: >"${variants}"
installed_version() { dpkg-query -W -f='${Version}' "$1"; }
echo "fmt $(installed_version libfmt-dev) /usr/include" >>"${variants}"
echo "expected $(installed_version libexpected-dev) /usr/include" >>"${variants}"
for suite in "${suites[@]}"; do
  for package in libfmt-dev libexpected-dev; do
    version=$(apt-cache "${apt_opts[@]}" show "${package}/${suite}" 2>/dev/null | sed -n 's/^Version: //p' | head -n 1)
    if [ -z "${version}" ]; then
      echo "45-deps-range: ${suite} has no ${package}" >&2
      exit 1
    fi
    name=${package#lib}; name=${name%-dev}
    grep -q "^${name} ${version} " "${variants}" && continue  # two suites, one version
    dest="${work}/unpacked/${package}_${version}"
    if [ ! -d "${dest}/usr/include" ]; then
      (cd "${work}/debs" && apt-get "${apt_opts[@]}" -qq download "${package}=${version}")
      # apt names the file NAME_VERSION_ARCH.deb, an epoch's ':' written as %3a.
      deb=$(compgen -G "${work}/debs/${package}_${version//:/%3a}_*.deb" | head -n 1 || true)
      [ -n "${deb}" ] || { echo "45-deps-range: ${package} ${version} was not downloaded" >&2; exit 1; }
      rm -rf "${dest}"; mkdir -p "${dest}"
      dpkg -x "${deb}" "${dest}"
    fi
    echo "${name} ${version} ${dest}/usr/include" >>"${variants}"
  done
done
echo "--- deps-range: releases under test"
cat "${variants}"

# ---- builds -----------------------------------------------------------------------------------
warnings=(-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror)
builds="${work}/builds"
rm -rf "${builds}"
mkdir -p "${builds}"
jobs_file="${work}/jobs.txt"
: >"${jobs_file}"
while read -r _ fmt_version fmt_include; do
  while read -r _ expected_version expected_include; do
    echo "formatter ${fmt_version} ${fmt_include} ${expected_version} ${expected_include}" >>"${jobs_file}"
  done < <(grep '^expected ' "${variants}")
  echo "no-exceptions ${fmt_version} ${fmt_include} - -" >>"${jobs_file}"
done < <(grep '^fmt ' "${variants}")

# One build and run: KIND FMT_VERSION FMT_INCLUDE EXPECTED_VERSION EXPECTED_INCLUDE
build_one() {
  local kind=$1 fmt_version=$2 fmt_include=$3 expected_version=$4 expected_include=$5
  local name="${kind}-fmt${fmt_version}-expected${expected_version}"
  # The unpacked headers come before /usr/include, where bookworm's fmt and tl-expected are
  # (which need no flag: naming /usr/include with -isystem would break #include_next).
  local out="${builds}/${name}" includes=()
  for dir in "${fmt_include}" "${expected_include}"; do
    [ "${dir}" = - ] || [ "${dir}" = /usr/include ] || includes+=(-isystem "${dir}")
  done
  if [ "${kind}" = formatter ]; then
    "${cxx}" -std=c++17 "${warnings[@]}" -DFMT_HEADER_ONLY "${includes[@]}" -Iinclude \
      tests/unit/fmt.cpp -o "${out}" -lCatch2Main -lCatch2 >"${out}.log" 2>&1 &&
      "${out}" --reporter compact >>"${out}.log" 2>&1
  else
    "${cxx}" -std=c++17 "${warnings[@]}" -fno-exceptions -fno-rtti -DFMT_HEADER_ONLY "${includes[@]}" -Iinclude \
      tests/consumers/no_exceptions/main.cpp -o "${out}" >"${out}.log" 2>&1 && "${out}" >>"${out}.log" 2>&1
  fi
  local status=$?
  if [ "${status}" -eq 0 ]; then echo "ok     ${name}"; else echo "FAILED ${name}"; tail -n 30 "${out}.log"; fi
  return "${status}"
}
export -f build_one
export builds cxx
export warnings_list="${warnings[*]}"

status=0
# shellcheck disable=SC2016  # expanded by the inner bash
xargs -P "${jobs}" -L 1 bash -c 'read -r -a warnings <<<"${warnings_list}"; build_one "$@"' _ <"${jobs_file}" || status=1
echo "--- deps-range: versions each formatter test printed"
grep -h '^rsconn built with' "${builds}"/formatter-*.log | sort -u || true
if [ "${status}" -ne 0 ]; then
  echo "45-deps-range: a build against another fmt or tl-expected failed" >&2
  exit 1
fi
echo "deps-range: ok ($(wc -l <"${jobs_file}") builds)"
