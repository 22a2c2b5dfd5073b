#!/usr/bin/env bash
# Runs each fuzz target of BUILD_DIR for FUZZ_SECONDS (default 120), one after the other, from the seeds
# of fuzz/seeds.sh and the corpus kept from earlier runs. Crashes go to BUILD_DIR/crashes/, full logs to
# BUILD_DIR/logs/. Prints each target's figures; fails if any target found a crash.
# Usage: fuzz/run.sh BUILD_DIR TARGET...
set -uo pipefail
build=${1:?usage: run.sh BUILD_DIR TARGET...}
shift
seconds=${FUZZ_SECONDS:-120}
here=$(cd "$(dirname "$0")" && pwd)

"$here/seeds.sh" "$here/../shared/protocol.md" "$build/seeds" || exit 1
mkdir -p "$build/crashes" "$build/logs"
failed=()
for target in "$@"; do
    # The HTTP target finds many features per input, where libFuzzer's entropic schedule costs it two
    # thirds of its executions: it runs without.
    case $target in
    http_request) dict=http.dict max_len=16384 entropic=0 ;;
    *) dict=protocol.dict max_len=8192 entropic=1 ;;
    esac
    mkdir -p "$build/corpus/$target"
    log=$build/logs/$target.log
    echo "== $target: ${seconds} s (log: $log)"
    # New inputs go to the first folder, the kept corpus; the seeds are read only.
    "$build/fuzz_$target" "$build/corpus/$target" "$build/seeds/$target" -dict="$here/$dict" \
        -max_total_time="$seconds" -max_len="$max_len" -entropic="$entropic" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 >"$log" 2>&1
    status=$?
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log"
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        grep -E 'ERROR:|invariant broken|SUMMARY|Test unit written|^artifact_prefix' "$log" | head -20
    fi
done
if [ "${#failed[@]}" -ne 0 ]; then
    echo "fuzz: crashes in ${failed[*]}: reproduce with $build/fuzz_TARGET $build/crashes/FILE" >&2
    exit 1
fi
echo "fuzz: no crash in $*"
