#!/usr/bin/env bash
# The checks a lent GPU machine runs in one go, writing logs and results to OUT_DIR:
#   scripts/gpu-checks.sh BUILD_DIR OUT_DIR
# 1. builds the headless CLI and bench_clip_embed against the machine's CUDA LibTorch
#    (scripts/build-gpu.sh; DEPS_PREFIX/CMAKE_ARGS pass through);
# 2. ViT-B/32 embedding throughput on cuda, fp32 and bf16 autocast: the engine alone
#    (bench_clip_embed, batches 1 to 1024) and `liveml clip embed`'s whole path
#    (scripts/gpu_embed_throughput.py);
# 3. our forward vs transformers' CLIPModel on cuda (fp32; bf16 autocast within 0.5 logits = 5e-3 in cosine) and
#    on cpu, and a LoRA adapter written by `liveml clip finetune` loaded with PEFT
#    (scripts/clip_hf_parity.py --peft);
# 4. training on cuda, then eval on one model, two replicas on the GPU, and towers split
#    between the GPU and the CPU: the three zero-shot results must agree (docs/parallel.md).
# Each step's output is in OUT_DIR/<step>.log; the exit status counts the failed steps.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: gpu-checks.sh BUILD_DIR OUT_DIR}
out=${2:?usage: gpu-checks.sh BUILD_DIR OUT_DIR}
mkdir -p "$out"
failed=0
step() { # step NAME COMMAND…: runs it, logs it, counts a failure
    local name=$1
    shift
    echo "== $name: $*"
    local start=$SECONDS
    "$@" >"$out/$name.log" 2>&1
    local rc=$?
    echo "   rc $rc in $((SECONDS - start)) s"
    tail -n 25 "$out/$name.log"
    [ $rc -eq 0 ] || failed=$((failed + 1))
    return $rc
}
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
step build "$root/scripts/build-gpu.sh" "$build" || exit 1
bench="$build/bench/bench_clip_embed"
for precision in fp32 bf16; do
    step "embed-$precision" "$bench" --device cuda --models vit-b32 --skip-python --seconds 2 \
        --batches 1,64,256,1024 --precision "$precision"
done
step embed-path python3 "$root/scripts/gpu_embed_throughput.py" \
    --liveml "$build/app/cli/liveml" --images 512,4096 --work /tmp/embed-path
step parity-cuda python3 "$root/scripts/clip_hf_parity.py" --liveml "$build/app/cli/liveml" \
    --device cuda --peft --work /tmp/parity-cuda
step parity-cuda-bf16 python3 "$root/scripts/clip_hf_parity.py" \
    --liveml "$build/app/cli/liveml" --device cuda --precision bf16 --tolerance 0.5 \
    --work /tmp/parity-bf16
step parity-cpu python3 "$root/scripts/clip_hf_parity.py" --liveml "$build/app/cli/liveml" \
    --device cpu --peft --work /tmp/parity-cpu
parallel_cuda() {
    local liveml="$build/app/cli/liveml" model=/tmp/parallel-model
    "$liveml" clip train --dataset digits --out "$model" --epochs 2 --device cuda --json | tail -n 1
    local placement
    for placement in "" "--devices cuda:0,cuda:0" "--devices cuda:0,cpu --placement towers"; do
        # shellcheck disable=SC2086 # the placement flags split on purpose
        "$liveml" clip eval --model "$model" --dataset digits --split test --device cuda \
            $placement --json | tail -n 1 |
            python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["device"], r["zeroshot"]["top1"], r["seconds"])'
    done
}
step parallel-cuda parallel_cuda
exit $failed
