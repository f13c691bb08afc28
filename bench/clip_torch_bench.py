#!/usr/bin/python3
"""The Python-torch side of bench/clip_embed_bench: the same CLIP architecture and the same
weights (read from the model directory the C++ bench saved), timed the same way.

usage: clip_torch_bench.py REFERENCE_PY MODEL_DIR THREADS ITERS
prints one JSON object: {"image": {"1": per_s, "64": per_s}, "text": {...}}
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


def per_second(fn, batch, iters):
    fn()  # warm-up
    start = time.perf_counter()
    for _ in range(iters):
        fn()
    return batch * iters / (time.perf_counter() - start)


def main():
    ref = load_reference(sys.argv[1])
    model_dir, threads, iters = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    with open(f"{model_dir}/config.json") as f:
        cfg = json.load(f)
    w = ref.read_safetensors(f"{model_dir}/model.safetensors")
    vc, tc = cfg["vision_config"], cfg["text_config"]
    image_fn = cnn_image_features if vc.get("liveml_image_tower") == "cnn" else ref.image_features
    out = {"image": {}, "text": {}}
    torch.manual_seed(0)
    with torch.no_grad():
        for batch in (1, 64):
            n = iters if batch == 1 else max(1, iters // 8)
            pixels = torch.randn(batch, vc["num_channels"], vc["image_size"], vc["image_size"])
            out["image"][str(batch)] = per_second(lambda: image_fn(w, vc, pixels), batch, n)
            ids = torch.randint(0, tc["vocab_size"] - 1, (batch, tc["max_position_embeddings"]))
            ids[:, -1] = tc["vocab_size"] - 1
            out["text"][str(batch)] = per_second(lambda: ref.text_features(w, tc, ids), batch, n)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
