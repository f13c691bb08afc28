#!/bin/bash
# Parallel CLIP on this machine's CPU, each mode next to its one-process / one-worker baseline
# in the same run (docs/parallel.md, docs/benchmarks.md):
#   1. training, 1 rank x T threads vs `--nproc 2` (T threads shared), and the two models'
#      max |dw| (they must agree: the global batch is the same);
#   2. zero-shot eval of the Fashion-MNIST test split: one model vs `--devices cpu,cpu`
#      replicas vs `--placement towers`;
#   3. embedding preprocessed tensors (`clip embed`), one model vs two replicas;
#   4. indexing a folder of JPEGs (224 px, so decoding and resizing cost something): the
#      pipelined index with 1 and 2 decode workers, on one and two replicas.
#   bench/clip_parallel_bench.sh [BUILD_DIR] [THREADS] [TRAIN_ITEMS] [GALLERY_IMAGES]
set -euo pipefail
build=${1:-build/default}
threads=${2:-2}
items=${3:-8192}
gallery_size=${4:-2000}
clip=$build/app/cli/liveml-clip
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The last JSON line of a job's stdout (its result).
result() { tail -n 1; }
field() { /usr/bin/python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); print(eval(sys.argv[1], {}, {"r": r}))' "$1"; }

echo "== training: Fashion-MNIST, $items items, 3 epochs, batch 256, $threads threads in all"
one=$("$clip" train --dataset fashion-mnist --max-items "$items" --epochs 3 --batch-size 256 \
  --out "$work/one" --threads "$threads" --json | result)
two=$("$clip" train --dataset fashion-mnist --max-items "$items" --epochs 3 --batch-size 256 \
  --out "$work/two" --threads "$threads" --nproc 2 --json 2>/dev/null | result)
for run in one two; do
  r=${!run}
  printf '%-28s %6.2f s  %7.0f pairs/s  final loss %.5f\n' \
    "$([ $run = one ] && echo '1 rank' || echo '2 ranks (--nproc 2)')" \
    "$(echo "$r" | field 'r["seconds"]')" \
    "$(echo "$r" | field "r['step'] * 256 / r['seconds']")" "$(echo "$r" | field 'r["final_loss"]')"
done
/usr/bin/python3 - "$work/one/model.safetensors" "$work/two/model.safetensors" <<'PY'
import json, struct, sys, numpy as np
def load(path):
    b = open(path, "rb").read(); n = struct.unpack("<Q", b[:8])[0]; h = json.loads(b[8:8 + n])
    return {k: np.frombuffer(b[8 + n + v["data_offsets"][0]:8 + n + v["data_offsets"][1]], np.float32)
            for k, v in h.items() if k != "__metadata__"}
a, b = load(sys.argv[1]), load(sys.argv[2])
print("max |dw| 1 rank vs 2 ranks: %.3g" % max(float(np.abs(a[k] - b[k]).max()) for k in a))
PY

echo "== zero-shot eval: Fashion-MNIST test split (10,000 images)"
for devices in "" "cpu,cpu" "cpu,cpu towers"; do
  flags=()
  [ -n "$devices" ] && flags=(--devices "${devices%% *}")
  [[ "$devices" == *towers ]] && flags+=(--placement towers)
  r=$("$clip" eval --model "$work/one" --dataset fashion-mnist --split test --latency-queries 5 \
    --threads "$threads" "${flags[@]}" --json | result)
  printf '%-28s %6.2f s  top-1 %.4f\n' "${devices:-one model}" \
    "$(echo "$r" | field 'r["seconds"]')" "$(echo "$r" | field 'r["zeroshot"]["top1"]')"
done

echo "== embed: 20,000 preprocessed 28x28 images (clip embed, wall time including the model load)"
/usr/bin/python3 - "$work/pixels.safetensors" <<'PY'
import json, struct, sys, numpy as np
x = np.random.default_rng(0).standard_normal((20000, 1, 28, 28), dtype=np.float32)
header = json.dumps({"pixel_values": {"dtype": "F32", "shape": list(x.shape),
                                      "data_offsets": [0, x.nbytes]}}).encode()
open(sys.argv[1], "wb").write(struct.pack("<Q", len(header)) + header + x.tobytes())
PY
for devices in cpu cpu,cpu; do
  start=$(date +%s.%N)
  "$clip" embed --model "$work/one" --inputs "$work/pixels.safetensors" --out "$work/emb.safetensors" \
    --devices "$devices" --threads "$threads" >/dev/null 2>&1
  end=$(date +%s.%N)
  /usr/bin/python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print('%-28s %6.2f s  %7.0f images/s' % (sys.argv[3], s, 20000/s))" \
    "$start" "$end" "$devices"
done

echo "== index: $gallery_size JPEGs of 224x224 (Fashion-MNIST upscaled)"
mkdir -p "$work/gallery"
/usr/bin/python3 - "$work/gallery" "$gallery_size" <<'PY'
import gzip, sys
from PIL import Image
out, count = sys.argv[1], int(sys.argv[2])
pixels = gzip.open("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz").read()[16:]
for i in range(count):
    j = i % 10000
    img = Image.frombytes("L", (28, 28), pixels[j * 784:(j + 1) * 784]).resize((224, 224))
    img.convert("RGB").save(f"{out}/{i:05d}.jpg", quality=90)
PY
for setting in "cpu 1" "cpu 2" "cpu,cpu 1" "cpu,cpu 2"; do
  set -- $setting
  rm -rf "$work/idx"
  r=$("$clip" index --model "$work/one" --index "$work/idx" --gallery "$work/gallery" \
    --devices "$1" --decode-workers "$2" --threads "$threads" --json | result)
  printf '%-10s decode workers %s  %6.2f s  %6.0f images/s  stages: decode %.2f s, embed %.2f s, insert %.2f s\n' \
    "$1" "$2" "$(echo "$r" | field 'r["seconds"]')" \
    "$(echo "$r" | field 'r["added"] / r["seconds"]')" \
    "$(echo "$r" | field 'r["stage_seconds"]["decode"]')" \
    "$(echo "$r" | field 'r["stage_seconds"]["embed"]')" \
    "$(echo "$r" | field 'r["stage_seconds"]["insert"]')"
done
