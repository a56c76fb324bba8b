#!/usr/bin/env bash
# Runs one libFuzzer target: Fuzz/run.sh <front-matter|raw-text|template> [seconds] [extra libFuzzer flags...]
# New inputs go to Fuzz/.work/<target>/ (ignored by git); the seed corpus in Fuzz/Corpus/<target>/
# is only read. A crash, hang (over -timeout seconds) or leak stops the run with a report and
# writes the input to Fuzz/.work/artifacts/<target>-crash-… (or timeout-…, leak-…).
set -euo pipefail
target=${1:?usage: Fuzz/run.sh <front-matter|raw-text|template> [seconds]}
seconds=${2:-600}
shift $(( $# > 1 ? 2 : 1 ))
here=$(cd "$(dirname "$0")" && pwd)
case $target in
  front-matter) binary=FrontMatterFuzzer ;;
  raw-text) binary=RawTextFuzzer ;;
  template) binary=TemplateFuzzer ;;
  *) echo "unknown fuzz target '$target' (expected front-matter, raw-text or template)" >&2; exit 64 ;;
esac
mkdir -p "$here/.work/$target" "$here/.work/artifacts"
echo "Fuzzing $target for ${seconds}s (corpus $here/Corpus/$target, new inputs in $here/.work/$target)"
# The Swift runtime's own backtracer would hold a crashing process for 30 s; libFuzzer and
# AddressSanitizer report crashes themselves.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
  "$here/.build/release/$binary" \
  -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
  -print_final_stats=1 -dict="$here/Dictionaries/$target.dict" \
  -artifact_prefix="$here/.work/artifacts/$target-" "$@" \
  "$here/.work/$target" "$here/Corpus/$target"
