#!/usr/bin/env bash
# Records the feedback-loop demonstration for the docs: the studio in local mode under a
# virtual X server with the producer running at its default rate (as `make run` starts it), a
# user's "7" that the stream's model misreads, a few corrections from the feedback bar (its
# default copies per correction), and the canvas reading it once the trainer's next model is
# reloaded.
#   scripts/record-adaptation-demo.sh [BUILD_DIR [OUTPUT_DIR]]
# Defaults: build/default and docs/images. Writes studio-adapt-before.png,
# studio-adapt-after.png and studio-adapt-dashboard.png there and prints the figures
# (probabilities before/after, corrections, seconds). Exit code 3: the model did not adapt.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$root/build/default}
out_dir=${2:-$root/docs/images}
studio="$build_dir/app/studio/liveml-studio"
cli="$build_dir/app/cli/liveml"
for program in "$studio" "$cli"; do
  if [ ! -x "$program" ]; then
    echo "record-adaptation-demo: $program not found; build first (make build)" >&2
    exit 1
  fi
done
mkdir -p "$out_dir"

# Private settings: the demo never reads or changes the user's saved Stream page settings.
settings=$(mktemp -d)
trap 'rm -rf "$settings"' EXIT

# Bounded: the studio's own steps time out long before this.
LIVEML_CLI="$cli" XDG_CONFIG_HOME="$settings" \
  timeout 300 xvfb-run -a -s "-screen 0 1400x900x24" \
  "$studio" --feedback-demo "$out_dir"
