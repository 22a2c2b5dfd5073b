#!/bin/sh
# Copies the review page's graph library from node_modules (versions pinned in package-lock.json) to
# client-web/vendor/, with each package's licence. The copies are committed: `make run` needs no npm.
# Run after changing a version: npm ci && scripts/vendor.sh (client-web/vendor/README.md lists them).
#
# The page's Content-Security-Policy refuses inline scripts and eval, so no inline import map and no
# blob worker: sigma and graphology load as their UMD builds (globals Sigma and graphology), and the
# ForceAtlas2 package, published as CommonJS, is wrapped here into two plain files without changes
# to its code: one iteration (fa2-iterate.js, global FA2Iterate, loaded by the page's layout worker
# client-web/js/review-layout-worker.js) and its helpers (fa2-helpers.js, global FA2).
set -eu
cd "$(dirname "$0")/.."
NM=node_modules
OUT=client-web/vendor
[ -d "$NM/sigma" ] || { echo "node_modules is missing: run npm ci first" >&2; exit 1; }

version() { node -p "require('./$NM/$1/package.json').version"; }

rm -rf "$OUT/sigma" "$OUT/graphology" "$OUT/graphology-layout-forceatlas2"
mkdir -p "$OUT/sigma" "$OUT/graphology" "$OUT/graphology-layout-forceatlas2"

cp "$NM/sigma/dist/sigma.min.js" "$NM/sigma/LICENSE.txt" "$OUT/sigma/"
cp "$NM/graphology/dist/graphology.umd.min.js" "$NM/graphology/LICENSE.txt" "$OUT/graphology/"

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

for p in sigma graphology graphology-layout-forceatlas2; do echo "$p $(version $p)"; done
