#!/bin/sh
# Copies the review page's layout library from node_modules (version pinned in package-lock.json) to
# client-web/vendor/, with its licence. The copies are committed: `make run` needs no npm.
# Run after changing the version: npm ci && scripts/vendor.sh (client-web/vendor/README.md lists them).
#
# The ForceAtlas2 package is published as CommonJS, which a browser cannot import: its files are wrapped
# here, without changes to their code, into two plain files that set globals: one iteration
# (fa2-iterate.js, global FA2Iterate) and its defaults and helpers (fa2-helpers.js, global FA2).
# client-web/js/review-layout.js imports both for that effect, on the page and in its layout worker.
# (sigma and graphology were vendored here until the graph was drawn on a 2D canvas: removed below.)
set -eu
cd "$(dirname "$0")/.."
NM=node_modules
OUT=client-web/vendor
[ -d "$NM/graphology-layout-forceatlas2" ] || { echo "node_modules is missing: run npm ci first" >&2; exit 1; }

version() { node -p "require('./$NM/$1/package.json').version"; }

rm -rf "$OUT/sigma" "$OUT/graphology" "$OUT/graphology-layout-forceatlas2"
mkdir -p "$OUT/graphology-layout-forceatlas2"

FA2="$NM/graphology-layout-forceatlas2"
FA2_OUT="$OUT/graphology-layout-forceatlas2"
cp "$FA2/LICENSE.txt" "$FA2_OUT/"
{
  echo "// graphology-layout-forceatlas2 $(version graphology-layout-forceatlas2) iterate.js, unchanged, as the global FA2Iterate (scripts/vendor.sh)."
  echo "(function () {"
  echo "var module = { exports: {} };"
  cat "$FA2/iterate.js"
  echo "self.FA2Iterate = module.exports;"
  echo "})();"
} >"$FA2_OUT/fa2-iterate.js"
{
  echo "// graphology-layout-forceatlas2 $(version graphology-layout-forceatlas2) defaults.js and helpers.js, unchanged, as the global FA2 (scripts/vendor.sh)."
  echo "(function () {"
  echo "var module = { exports: {} };"
  cat "$FA2/defaults.js"
  echo "var defaults = module.exports;"
  echo "module = { exports: {} }; var exports = module.exports;"
  cat "$FA2/helpers.js"
  echo "self.FA2 = { defaults: defaults, helpers: module.exports };"
  echo "})();"
} >"$FA2_OUT/fa2-helpers.js"

for p in graphology-layout-forceatlas2; do echo "$p $(version $p)"; done
