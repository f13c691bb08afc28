#!/usr/bin/env bash
# Builds the headless CLI and the CLIP benchmarks against the CUDA LibTorch that ships inside
# a Python torch installation (e.g. the lent GPU machine), without Qt or the streaming stack.
#   scripts/build-gpu.sh [BUILD_DIR]      (default build-gpu; PYTHON picks the interpreter)
# DEPS_PREFIX names a prefix searched after the torch one (e.g. /opt/deps/usr, where Debian's
# -dev packages the machine lacks were unpacked); CMAKE_ARGS adds configure arguments.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-gpu}
python=${PYTHON:-python3}

prefix=$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')
# pip wheels may use the pre-C++11 std::string ABI; every TU must agree with LibTorch's.
abi=$("$python" -c 'import torch; print(int(torch.compiled_with_cxx11_abi()))')
echo "LibTorch from $prefix (cxx11 abi $abi)"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLIVEML_GUI=OFF -DLIVEML_STREAM=OFF -DLIVEML_TORCH=ON -DBUILD_TESTING=OFF \
  -DCMAKE_PREFIX_PATH="$prefix${DEPS_PREFIX:+;$DEPS_PREFIX}" -DCMAKE_CXX_FLAGS="-D_GLIBCXX_USE_CXX11_ABI=$abi" \
  ${CMAKE_ARGS:-}
cmake --build "$build" --target liveml liveml-clip bench_clip_embed -j"$(nproc)"
echo "built $build/app/cli/liveml and liveml-clip (which liveml clip runs)"
