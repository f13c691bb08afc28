#!/bin/bash
# The Experiments page screenshots of docs/studio-experiments.md, from the runs that
# test_experiments_page keeps with LIVEML_TEST_KEEP_RUNS:
#   LIVEML_TEST_KEEP_RUNS=/tmp/keep ctest --test-dir build/default -R test_experiments_page
#   scripts/experiments-screenshots.sh build/default /tmp/keep docs/images
# The page selects the newest run at start, so each screenshot gets a data folder holding the
# runs up to the one it shows (links into KEEP_DIR, whose absolute paths the runs name).
set -euo pipefail
build=${1:?usage: experiments-screenshots.sh BUILD_DIR KEEP_DIR OUT_DIR}
keep=${2:?usage: experiments-screenshots.sh BUILD_DIR KEEP_DIR OUT_DIR}
out=${3:?usage: experiments-screenshots.sh BUILD_DIR KEEP_DIR OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)

# The newest run of KIND in KEEP_DIR whose params.json matches PATTERN (grep -E).
pick() {
  local kind=$1 pattern=$2 run
  for run in $(ls -r "$keep" | grep -- "-$kind\$"); do
    if grep -Eq "$pattern" "$keep/$run/params.json" "$keep/$run/run.json"; then
      echo "$run"
      return
    fi
  done
  echo "experiments-screenshots: no $kind run matching $pattern in $keep" >&2
  exit 1
}

shoot() { # shoot NAME RUN
  local name=$1 run=$2 home
  home=$(mktemp -d)
  mkdir -p "$home/data/liveml/liveml-studio/experiments" "$home/config"
  for r in $(ls "$keep" | grep -E '^[0-9]{8}-'); do
    [[ "$r" > "$run" ]] && continue
    ln -s "$keep/$r" "$home/data/liveml/liveml-studio/experiments/$r"
  done
  DISPLAY= XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" LIVEML_NO_DEMO=1 \
    "$root/scripts/run-studio.sh" "$build" --page experiments \
    --screenshot "$out/studio-experiments-$name.png" --quit-after-ms 4000 >/dev/null 2>&1
  rm -rf "$home"
  echo "$out/studio-experiments-$name.png: $run"
}

shoot failed "$(pick eval '"failed"')"
shoot search "$(pick search '"text"')"
shoot ingest "$(pick ingest '"watch"')"
shoot eval "$(pick eval '"done"')"
shoot recall "$(pick zeroshot '"dataset"')"
shoot compare "$(pick compare '"model"')"
shoot finetune "$(pick finetune '"base"')"
shoot zeroshot "$(pick zeroshot '"images"')"
