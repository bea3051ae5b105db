#!/usr/bin/env bash
# Installs what rsconn's build and tests need on Debian 12, from Debian's archive only.
# Catch2 v3 comes from bookworm-backports, added as its own sources file.
#
# Every command a script or test calls is listed in scripts/required-tools.txt; the CI stage
# scripts/ci/00-tools.sh checks that each one belongs to a package installed here, so that a
# fresh Debian 12 (which has none of them) runs the suite exactly as this machine does.
# scripts/fresh-debian.sh proves it on a minimal Debian 12 root filesystem.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git clang libclang-rt-14-dev
  # library, tests and CLI dependencies
  libfmt-dev libexpected-dev libcli11-dev nlohmann-json3-dev librapidcheck-dev
  libbenchmark-dev libboost-url1.81-dev
  # real consumers the tests run: libpq and a PostgreSQL server, unixODBC and the PostgreSQL
  # ODBC driver, Java for the JDBC oracle, the AWS CLI, Python 3 for the CLI tests
  libpq-dev postgresql unixodbc unixodbc-dev odbc-postgresql default-jdk-headless awscli python3
  # SQLAlchemy's URL parser reads rsconn's SQLAlchemy URLs (tests/cli/sqlalchemy_consumer.py)
  python3-sqlalchemy
  # analysis: valgrind (callgrind), clang-tidy and cppcheck (scripts/ci/50-lint.sh)
  valgrind clang-tidy cppcheck
  # the CLI manual page is checked with groff (tests/cli/cli_manual.py)
  groff-base
  # apt-get download of newer fmt and tl-expected (scripts/ci/45-deps-range.sh) checks the
  # archive's signatures with this keyring; mmdebstrap builds scripts/fresh-debian.sh's rootfs
  debian-archive-keyring mmdebstrap
)
backports=(libcatch2-dev)

# --list: the packages, one a line (scripts/ci/00-tools.sh reads them).
if [ "${1:-}" = --list ]; then
  printf '%s\n' "${packages[@]}" "${backports[@]}"
  exit 0
fi

missing=()
for p in "${packages[@]}" "${backports[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
list=/etc/apt/sources.list.d/bookworm-backports.list
if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" | $sudo tee "$list" >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
$sudo apt-get install -y -qq --no-install-recommends -t bookworm-backports "${backports[@]}"
