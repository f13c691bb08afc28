#!/usr/bin/env python3
"""Images/s of `liveml clip embed` on preprocessed pixel tensors, whole path: safetensors read,
host-to-device copies in the encoder's batches, ViT forward, embeddings back.

  scripts/gpu_embed_throughput.py --liveml build-gpu/app/cli/liveml [--device cuda]
      [--precision fp32,bf16] [--images 512,8192] [--work DIR]

The model is a random ViT-B/32 (transformers' default CLIPConfig: 224 px, patch 32, 12 layers
of 768, text 12 of 512). Each precision embeds two gallery sizes in separate processes and
reports (n2 - n1) / (t2 - t1), which cancels process start and model load. Prints one JSON
line. Needs torch, transformers and safetensors (the lent GPU machine has them).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import torch
from safetensors.torch import save_file
from transformers import CLIPConfig, CLIPModel

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clip_hf_parity import write_byte_vocab  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--liveml", required=True)
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--precision", default="fp32,bf16")
    parser.add_argument("--images", default="512,8192")
    parser.add_argument("--work")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="clip-throughput-")
    model_dir = os.path.join(work, "vit-b32")
    torch.manual_seed(0)
    CLIPModel(CLIPConfig()).save_pretrained(model_dir, safe_serialization=True)
    write_byte_vocab(model_dir)
    sizes = [int(n) for n in args.images.split(",")]
    inputs = {}
    for n in sizes:
        inputs[n] = os.path.join(work, f"pixels-{n}.safetensors")
        save_file({"pixel_values": torch.randn(n, 3, 224, 224)}, inputs[n])
    report = {"model": "ViT-B/32 (random)", "device": args.device, "images": sizes}
    for precision in args.precision.split(","):
        seconds = []
        for n in sizes:
            start = time.perf_counter()
            subprocess.run([args.liveml, "clip", "embed", "--model", model_dir, "--inputs",
                            inputs[n], "--out", os.path.join(work, "out.safetensors"),
                            "--device", args.device, "--precision", precision, "--json"],
                           check=True, stdout=subprocess.DEVNULL)
            seconds.append(time.perf_counter() - start)
        report[precision] = {"seconds": seconds,
                             "images_per_s": (sizes[-1] - sizes[0]) / (seconds[-1] - seconds[0])}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
