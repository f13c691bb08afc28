#!/usr/bin/python3
"""The Python-torch side of bench/bench_clip_embed: the same CLIP architecture and the same
weights (read from the model directory the C++ bench saved), timed the same way, twice: as
plain PyTorch (tests/clip/hf_forward_reference.py, transformers' forward written out), and with
its linear layers run through oneDNN (torch.ops mkldnn_linear), as our engine does.

usage: clip_torch_bench.py REFERENCE_PY MODEL_DIR THREADS SECONDS BATCHES SHORT_TOKENS MAX_CALL_S
                           SINGLE_CALL_FROM
BATCHES is a comma-separated list. Larger batches are skipped (null) for a cell whose first
call took longer than MAX_CALL_S seconds. Batches of SINGLE_CALL_FROM or more (0: none) are
timed as one call after a warm-up call.
prints one JSON object:
{"plain": {"image": {"1": per_s, ...}, "text": {...}, "text_short": {...}}, "onednn": {...}}
"""
import importlib.util
import json
import sys
import time

import torch


def load_reference(path):
    spec = importlib.util.spec_from_file_location("hf_forward_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def onednn_linear(x, w, prefix):
    flat = x.reshape(-1, x.shape[-1]).contiguous().to_mkldnn()
    y = torch._C._nn.mkldnn_linear(flat, w[prefix + ".weight"], w.get(prefix + ".bias"))
    return y.to_dense().view(*x.shape[:-1], -1)


def cnn_image_features(w, cfg, pixels):
    x = pixels
    for i in range(len(cfg["liveml_cnn_channels"])):
        x = torch.nn.functional.conv2d(x, w[f"vision_model.convs.{i}.weight"],
                                       w[f"vision_model.convs.{i}.bias"], padding=1)
        x = torch.nn.functional.max_pool2d(torch.relu(x), 2)
    x = torch.relu(torch.nn.functional.linear(x.flatten(1), w["vision_model.fc.weight"],
                                              w["vision_model.fc.bias"]))
    x = torch.nn.functional.layer_norm(x, (x.shape[-1],), w["vision_model.post_layernorm.weight"],
                                       w["vision_model.post_layernorm.bias"], 1e-5)
    return x @ w["visual_projection.weight"].t()


def timed(fn, batch, seconds, single_call):
    """(items per second, seconds of the first call); as the C++ side's per_second."""
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    if single_call:
        start = time.perf_counter()
        fn()
        return batch / (time.perf_counter() - start), first
    if first >= seconds:
        return batch / first, first
    calls, start = 0, time.perf_counter()
    while True:
        fn()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return batch * calls / elapsed, first


def text_ids(tc, batch, eos_at):
    ids = torch.randint(0, tc["vocab_size"] - 1, (batch, tc["max_position_embeddings"]))
    ids[:, eos_at] = tc["eos_token_id"]
    ids[:, eos_at + 1:] = 0
    return ids


def measure(ref, w, cfg, batches, seconds, short_tokens, max_call_s, single_call_from):
    vc, tc = cfg["vision_config"], cfg["text_config"]
    image_fn = cnn_image_features if vc.get("liveml_image_tower") == "cnn" else ref.image_features
    inputs = {
        "image": lambda b: torch.randn(b, vc["num_channels"], vc["image_size"], vc["image_size"]),
        "text": lambda b: text_ids(tc, b, tc["max_position_embeddings"] - 1),
        "text_short": lambda b: text_ids(tc, b, short_tokens - 1),
    }
    out = {}
    for name, make in inputs.items():
        fn = (lambda x: image_fn(w, vc, x)) if name == "image" else (
            lambda x: ref.text_features(w, tc, x))
        out[name] = {}
        too_slow = False
        for batch in batches:
            if too_slow:
                out[name][str(batch)] = None
                continue
            x = make(batch)
            single_call = 0 < single_call_from <= batch
            rate, first = timed(lambda: fn(x), batch, seconds, single_call)
            out[name][str(batch)] = rate
            too_slow = first > max_call_s
    return out


def main():
    if len(sys.argv) != 9:
        sys.exit(__doc__)
    ref = load_reference(sys.argv[1])
    model_dir, threads, seconds = sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    batches = [int(b) for b in sys.argv[5].split(",")]
    short_tokens, max_call_s = int(sys.argv[6]), float(sys.argv[7])
    single_call_from = int(sys.argv[8])
    torch.set_num_threads(threads)
    with open(f"{model_dir}/config.json") as f:
        cfg = json.load(f)
    w = ref.read_safetensors(f"{model_dir}/model.safetensors")
    torch.manual_seed(0)
    out = {}
    with torch.no_grad():
        args = (batches, seconds, short_tokens, max_call_s, single_call_from)
        out["plain"] = measure(ref, w, cfg, *args)
        ref.linear = onednn_linear  # the encoder looks `linear` up in the module at call time
        out["onednn"] = measure(ref, w, cfg, *args)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
