#!/usr/bin/env bash
# Installs what relaydb needs to build, test and benchmark on Debian 12, idempotently:
# when every package is already installed it does nothing (no apt-get at all).
# Runs as root (CI) or through sudo. A MariaDB server installed here is not started:
# the tests start their own mariadbd processes.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake pkg-config libsqlite3-dev sqlite3 libssl-dev zlib1g-dev
  libgtest-dev libgmock-dev googletest
  # the reference server, its clients and the C connector used by the tests
  mariadb-server mariadb-client libmariadb-dev
  # tests and benchmarks
  sysbench python3 python3-pytest python3-pymysql gnuplot-nox procps
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  SUDO=(sudo)
fi

# Keep package scripts from starting services (mariadb-server would start mariadbd),
# unless the machine already has a policy of its own.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
  "${SUDO[@]}" chmod 755 "$policy"
  trap '"${SUDO[@]}" rm -f "$policy"' EXIT
fi

"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "${missing[@]}" </dev/null
echo "install-deps: done"
