#!/bin/sh
# The correction curve in docs/learners.md: renders three writers (held-out handwriting faces,
# from a seed no evaluation uses) through the canvas feature pipeline, runs
# bench/correction_curve on them and plots the studio's default of 32 copies per correction.
#
#   bench/correction_curve.sh [BUILD_DIR] [SVG]    (defaults: build/default, docs/images/correction-curve.svg)
set -eu
build=${1:-build/default}
svg=${2:-docs/images/correction-curve.svg}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
writers=""
for face in sj-delphine ecolier-court breip; do
  /usr/bin/python3 "$here/scripts/make-font-digits.py" --writer "$face" --per-digit 140 \
    --out "$work/$face" --features-out "$work/$face.csv.gz" --liveml "$build/app/cli/liveml" >/dev/null
  writers="$writers --writer $work/$face.csv.gz"
done
# shellcheck disable=SC2086 # one --writer FILE pair per face
"$build/bench/correction_curve" $writers | tee "$work/curve.md"
/usr/bin/python3 "$here/scripts/plot-correction-curve.py" "$work/curve.md" "$svg"
echo "plot: $svg"
