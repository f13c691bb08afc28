#!/usr/bin/env bash
# Installs the .deb of BUILD_DIR into a clean Debian 12 root and runs the installed programs
# there, as a user's fresh machine would (docs/packaging.md).
#   scripts/package-test.sh [BUILD_DIR]        (root; needs debootstrap and network to Debian)
# The pristine root (debootstrap --variant=minbase bookworm) and apt's downloads are cached
# under build/package-test/ between runs; every run installs into a fresh copy of the root,
# with Recommends off, so the package's Depends alone must make the programs run.
set -euo pipefail

build_dir=${1:-build/default}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
work=$source_dir/build/package-test
base=$work/bookworm-base
root=$work/root
mirror=http://deb.debian.org/debian

fail() { echo "package-test: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "must run as root (debootstrap, chroot)"
command -v debootstrap >/dev/null || fail "debootstrap is missing (scripts/install-deps.sh)"

mkdir -p "$work"
mounts=("$root/proc" "$root/var/cache/apt/archives" "$root/var/lib/apt/lists")
unmount_all() {
  for m in "${mounts[@]}"; do
    if mountpoint -q "$m"; then umount "$m"; fi
  done
}
trap unmount_all EXIT

echo "== package"
(cd "$build_dir" && cpack -G DEB >/dev/null) || fail "cpack failed in $build_dir"
deb=$(ls -t "$build_dir"/liveml-studio_*.deb | head -1)
echo "$deb"
dpkg-deb -f "$deb" Depends Recommends Suggests

if [ ! -d "$base" ]; then
  echo "== debootstrap bookworm (once; cached in $base)"
  rm -rf "$base.tmp"
  debootstrap --variant=minbase bookworm "$base.tmp" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    fail "debootstrap failed, see $work/debootstrap.log"
  mv "$base.tmp" "$base"
fi

echo "== fresh root"
unmount_all
if findmnt -rn -o TARGET | grep -q "^$root/"; then fail "something is still mounted under $root"; fi
rm -rf "$root"
cp -a "$base" "$root"
cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$work/apt-archives/partial" "$work/apt-lists/partial"
mount --bind "$work/apt-archives" "$root/var/cache/apt/archives"
mount --bind "$work/apt-lists" "$root/var/lib/apt/lists"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
echo "== apt-get install (Depends only)"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "/tmp/$(basename "$deb")" >"$work/apt-install.log" 2>&1 ||
  { tail -30 "$work/apt-install.log"; fail "installing the package failed"; }
echo "installed: $(in_root dpkg-query -W -f='${Package} ${Version}' liveml-studio)"

# Each command's whole output goes to a log (no pipe to cut it short); its start is shown.
run_logged() {
  local name=$1
  shift
  echo "== $*"
  in_root "$@" >"$work/$name.log" 2>&1 || { cat "$work/$name.log"; fail "'$*' failed in the root"; }
  head -3 "$work/$name.log"
}
run_logged liveml-help liveml --help
# The CLIP jobs: liveml-clip itself, and `liveml clip`, which execs it from beside liveml. A
# LibTorch build must ship it (install component `clip`); a -DLIVEML_TORCH=OFF build has none.
if grep -q '^LIVEML_TORCH:BOOL=ON' "$build_dir/CMakeCache.txt"; then
  in_root test -x /usr/bin/liveml-clip || fail "liveml-clip is not in the package"
  run_logged liveml-clip-help liveml-clip --help
  run_logged liveml-clip-via-liveml liveml clip --help
else
  echo "== liveml-clip: not built (LIVEML_TORCH=OFF), not in this package"
fi
run_logged studio env QT_QPA_PLATFORM=offscreen liveml-studio --screenshot /tmp/studio.png
cp "$root/tmp/studio.png" "$work/studio.png"
# A PNG header and more than a blank window's worth of bytes: the window was really drawn.
[ "$(head -c 8 "$work/studio.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
  fail "the screenshot is not a PNG"
[ "$(stat -c %s "$work/studio.png")" -gt 10000 ] || fail "the screenshot is nearly empty"
echo "screenshot: $work/studio.png ($(stat -c %s "$work/studio.png") bytes)"
# The studio trains its default model from the packaged digits at first start and caches it:
# the cache proves it found its data where the package put it (the screenshot alone would
# also be drawn with "No model").
cache=$(cd "$root" && find root/.local/share -name default-model.livemlm | head -1)
[ -n "$cache" ] || fail "the studio trained no default model (bundled data not found?)"
run_logged default-model liveml model show "/$cache"
run_logged redis-version redis-server --version
echo "package-test: OK"
