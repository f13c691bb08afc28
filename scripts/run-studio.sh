#!/usr/bin/env bash
# Starts the studio from a build folder: scripts/run-studio.sh BUILD_DIR [studio options…]
# On a machine without a display it runs under a virtual X server (xvfb-run), so
# `make run` works headless too (add e.g. --screenshot out.png --quit-after-ms 500).
# Until a cluster is saved on the Stream page the studio starts in demo mode (local broker,
# Redis, trainer and producer), so a first run shows live data; LIVEML_NO_DEMO=1 turns it off.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 BUILD_DIR [liveml-studio options…]" >&2
  exit 2
fi
build_dir=$1
shift
if [ -z "${LIVEML_NO_DEMO:-}" ]; then
  set -- --demo-unless-configured "$@"
fi
studio="$build_dir/app/studio/liveml-studio"
if [ ! -x "$studio" ]; then
  echo "run-studio: $studio not found; build first (make build)" >&2
  exit 1
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$studio" "$@"
fi

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "run-studio: no DISPLAY or WAYLAND_DISPLAY and xvfb-run is missing (apt-get install xvfb xauth)" >&2
  exit 1
fi
echo "run-studio: neither DISPLAY nor WAYLAND_DISPLAY is set; running under a virtual X server" >&2
echo "run-studio: (xvfb-run -a). Nothing is shown on screen; use --screenshot FILE.png to see it." >&2
exec xvfb-run -a -s "-screen 0 1280x800x24" "$studio" "$@"
