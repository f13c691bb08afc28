#!/usr/bin/env bash
# Runs every libFuzzer target of a `fuzz` preset build for a fixed time each, starting from the
# seed corpus in fuzz/corpus/<name>/, and prints executions, coverage and crashes per target.
#   scripts/run-fuzzers.sh [BUILD_DIR] [SECONDS_PER_TARGET] [NAME…]
# New interesting inputs go to BUILD_DIR/corpus/<name>/ (kept between runs, never into the
# repository); crashing inputs to BUILD_DIR/crashes/<name>/. Exit status 1 if any target crashed.
set -uo pipefail

build_dir=${1:-build/fuzz}
seconds=${2:-60}
shift $(($# > 2 ? 2 : $#))
source_dir=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for d in "$source_dir"/fuzz/corpus/*/; do names+=("$(basename "$d")"); done
fi

failed=0
printf '%-16s %12s %10s %8s %8s\n' target executions exec/s cov crashes
for name in "${names[@]}"; do
  binary=$build_dir/fuzz/${name}_fuzz
  if [ ! -x "$binary" ]; then
    echo "run-fuzzers: $binary is missing (cmake --build --preset fuzz)" >&2
    exit 2
  fi
  work=$build_dir/corpus/$name
  crashes=$build_dir/crashes/$name
  log=$build_dir/logs/$name.log
  mkdir -p "$work" "$crashes" "$(dirname "$log")"
  dict=()
  [ -f "$source_dir/fuzz/dicts/$name.dict" ] && dict=(-dict="$source_dir/fuzz/dicts/$name.dict")
  # A target stops at its first crash. The RSS cap turns runaway allocation into a reported
  # failure instead of an OOM kill of a shared machine.
  "$binary" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 -timeout=10 \
    "${dict[@]}" -artifact_prefix="$crashes/" "$work" "$source_dir/fuzz/corpus/$name" >"$log" 2>&1
  status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  found=$(find "$crashes" -type f | wc -l)
  printf '%-16s %12s %10s %8s %8s\n' "$name" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$found"
  if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    failed=1
    echo "  $name: exit $status, see $log and $crashes/" >&2
  fi
done
exit $failed
