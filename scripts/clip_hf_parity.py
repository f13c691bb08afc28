#!/usr/bin/env python3
"""Parity of `liveml clip embed` with Hugging Face transformers' CLIPModel (fp32).

Needs python with torch + transformers + safetensors (the lent GPU machine has them; Debian
does not package transformers). Never downloads anything.

  scripts/clip_hf_parity.py --liveml build-gpu/app/cli/liveml [--model-dir DIR] [--work DIR]

Without --model-dir a small random CLIPModel is built and saved with save_pretrained; with it,
a local Hugging Face CLIP directory (e.g. a copy of openai/clip-vit-base-patch32 that the user
already has, holding vocab.json and merges.txt) is checked instead. Both sides embed the same
random pixel_values and token ids; the script prints one JSON line and exits 1 when the
largest difference of the logits or embeddings exceeds --tolerance (1e-4).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import torch
from safetensors.torch import load_file, save_file
from transformers import CLIPConfig, CLIPModel

SOT, EOT = 512, 513  # ids of the start/end tokens in the byte-level vocabulary below


def write_byte_vocab(directory):
    """A merge-free CLIP vocabulary (bytes, bytes+</w>, start, end): enough for our loader."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    symbols = [chr(c) for _, c in sorted(zip(bs, cs))]
    tokens = symbols + [s + "</w>" for s in symbols] + ["<|startoftext|>", "<|endoftext|>"]
    with open(os.path.join(directory, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump({t: i for i, t in enumerate(tokens)}, f, ensure_ascii=False)
    with open(os.path.join(directory, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n")


def random_model(directory):
    config = CLIPConfig(
        text_config=dict(vocab_size=EOT + 1, hidden_size=64, intermediate_size=128,
                         num_hidden_layers=2, num_attention_heads=4, max_position_embeddings=77,
                         bos_token_id=SOT, eos_token_id=EOT, pad_token_id=EOT),
        vision_config=dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                           num_attention_heads=4, image_size=64, patch_size=16),
        projection_dim=32)
    torch.manual_seed(0)
    model = CLIPModel(config).eval()
    with torch.no_grad():
        model.logit_scale.fill_(4.6052)
    model.save_pretrained(directory, safe_serialization=True)
    write_byte_vocab(directory)
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--liveml", required=True, help="path of the liveml binary")
    parser.add_argument("--model-dir", help="local Hugging Face CLIP directory to check")
    parser.add_argument("--work", help="scratch directory (default: a temporary one)")
    parser.add_argument("--device", default="cpu", help="liveml --device (cpu, cuda, …)")
    parser.add_argument("--tolerance", type=float, default=1e-4)
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="clip-parity-")
    os.makedirs(work, exist_ok=True)
    if args.model_dir:
        directory = args.model_dir
        model = CLIPModel.from_pretrained(directory, local_files_only=True).eval()
    else:
        directory = os.path.join(work, "model")
        model = random_model(directory)

    cfg = model.config
    torch.manual_seed(1)
    size = cfg.vision_config.image_size
    pixels = torch.randn(3, cfg.vision_config.num_channels, size, size)
    eot = cfg.text_config.vocab_size - 1
    ids = torch.randint(0, eot - 2, (4, 16))
    for row in range(ids.shape[0]):
        ids[row, 0] = eot - 1
        ids[row, 3 + 3 * row:] = eot
    inputs = os.path.join(work, "inputs.safetensors")
    outputs = os.path.join(work, "outputs.safetensors")
    save_file({"pixel_values": pixels.contiguous(), "input_ids": ids.contiguous()}, inputs)

    with torch.no_grad():
        ref = model(input_ids=ids, pixel_values=pixels)
    subprocess.run([args.liveml, "clip", "embed", "--model", directory, "--inputs", inputs,
                    "--out", outputs, "--device", args.device, "--json"], check=True,
                   stdout=subprocess.DEVNULL)
    ours = load_file(outputs)
    diffs = {
        "logits_per_image": (ours["logits_per_image"] - ref.logits_per_image).abs().max().item(),
        "image_embeds": (ours["image_embeds"] - ref.image_embeds).abs().max().item(),
        "text_embeds": (ours["text_embeds"] - ref.text_embeds).abs().max().item(),
    }
    ok = max(diffs.values()) <= args.tolerance
    print(json.dumps({"model": directory, "max_abs_diff": diffs, "tolerance": args.tolerance,
                      "ok": ok}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
