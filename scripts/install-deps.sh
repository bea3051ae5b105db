#!/usr/bin/env bash
# Installs what rsconn's build and tests need on Debian 12, from Debian's archive only.
# Catch2 v3 comes from bookworm-backports, added as its own sources file.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git clang libclang-rt-14-dev valgrind
  libfmt-dev libexpected-dev libcli11-dev nlohmann-json3-dev librapidcheck-dev
  libbenchmark-dev libboost-url1.81-dev libpq-dev postgresql unixodbc unixodbc-dev odbc-postgresql
  default-jdk-headless awscli
)
backports=(libcatch2-dev)

missing=()
for p in "${packages[@]}" "${backports[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

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
