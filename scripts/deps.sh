#!/usr/bin/env bash
# Installs what `make run` (build), `make test` and the benchmarks (build + Node and chromium), `make fuzz`
# (clang and its libFuzzer runtime) or `make kirkman-sat` (cadical) need on Debian 12.
# As root it runs apt-get itself; otherwise it prints the one line to run and stops.
set -euo pipefail
need=(g++ cmake make libboost1.81-dev libboost-graph1.81-dev libpugixml-dev nlohmann-json3-dev libsqlite3-dev
      libssl-dev doctest-dev libjemalloc-dev)
if [ "${1:-}" = "test" ]; then
  need+=(nodejs sqlite3 chromium libxml2-utils)
fi
if [ "${1:-}" = "sat" ]; then
  need+=(cadical)  # the SAT solver of `make kirkman-sat`
fi
if [ "${1:-}" = "fuzz" ]; then
  # libFuzzer (libclang_rt.fuzzer) is only a recommendation of clang; llvm-symbolizer names the frames.
  need+=(clang libclang-rt-14-dev llvm)
fi

missing=()
for pkg in "${need[@]}"; do
  if [ "$pkg" = nodejs ] && command -v node >/dev/null && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

# nodejs from Debian ships without npm, which the browser tests need.
for pkg in "${missing[@]}"; do [ "$pkg" = nodejs ] && missing+=(npm); done
line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing packages. Run as root, then try again:" >&2
  echo "  sudo apt-get update && sudo $line" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
$line </dev/null
