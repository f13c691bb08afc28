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

With --peft (needs the peft package) it also fine-tunes LoRA adapters on the model with
`liveml clip finetune` (digits, a few shots), loads them onto the same CLIPModel with
`peft.PeftModel.from_pretrained`, and compares PEFT's forward with ours on the merged model:
the adapter files must mean to PEFT what they mean to us.
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
    parser.add_argument("--precision", default="fp32", help="liveml --precision (fp32, bf16)")
    parser.add_argument("--tolerance", type=float, default=1e-4)
    parser.add_argument("--peft", action="store_true", help="also check a LoRA adapter with PEFT")
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

    def compare(reference, model_dir):
        with torch.no_grad():
            ref = reference(input_ids=ids, pixel_values=pixels)
        subprocess.run([args.liveml, "clip", "embed", "--model", model_dir, "--inputs", inputs,
                        "--out", outputs, "--device", args.device, "--precision", args.precision,
                        "--json"], check=True,
                       stdout=subprocess.DEVNULL)
        ours = load_file(outputs)
        return {name: (ours[name] - getattr(ref, name)).abs().max().item()
                for name in ("logits_per_image", "image_embeds", "text_embeds")}

    report = {"model": directory, "max_abs_diff": compare(model, directory)}
    worst = max(report["max_abs_diff"].values())
    if args.peft:
        from peft import PeftModel
        adapter, merged = os.path.join(work, "adapter"), os.path.join(work, "merged")
        run = [args.liveml, "clip", "finetune", "--base", directory, "--dataset", "digits",
               "--shots", "4", "--epochs", "2", "--targets", "q,k,v,o,fc1,fc2,proj",
               "--eval-items", "50", "--device", args.device, "--json"]
        subprocess.run(run + ["--out", adapter], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([args.liveml, "clip", "finetune", "--merge", "--base", directory,
                        "--adapter", adapter, "--out", merged, "--json"], check=True,
                       stdout=subprocess.DEVNULL)
        tuned = PeftModel.from_pretrained(CLIPModel.from_pretrained(directory).eval(),
                                          adapter).eval()
        report["peft_max_abs_diff"] = compare(tuned, merged)
        with torch.no_grad():  # the adapter must have changed something to be a check at all
            report["peft_changed_logits"] = (
                tuned(input_ids=ids, pixel_values=pixels).logits_per_image -
                model(input_ids=ids, pixel_values=pixels).logits_per_image).abs().max().item()
        worst = max(worst, *report["peft_max_abs_diff"].values())
    ok = worst <= args.tolerance
    report.update({"tolerance": args.tolerance, "ok": ok})
    print(json.dumps(report))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
