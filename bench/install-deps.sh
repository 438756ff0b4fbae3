#!/usr/bin/env bash
# What the benchmark needs beyond scripts/install-deps.sh: matplotlib for the PNG plots.
# Idempotent: does nothing (no apt-get at all) when it is already importable.
set -euo pipefail

if /usr/bin/python3 -c 'import matplotlib' 2>/dev/null; then
  echo "bench/install-deps: matplotlib present"
  exit 0
fi
PACKAGES=(python3-matplotlib)
echo "bench/install-deps: installing ${PACKAGES[*]}"
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "bench/install-deps: need root or sudo to install ${PACKAGES[*]}" >&2; exit 1; }
  SUDO=(sudo)
fi
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "${PACKAGES[@]}" </dev/null
/usr/bin/python3 -c 'import matplotlib' 
echo "bench/install-deps: done"
