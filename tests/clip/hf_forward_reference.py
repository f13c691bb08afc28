#!/usr/bin/python3
"""Independent reference for our CLIP forward pass: transformers' CLIPModel forward written
out in plain PyTorch from its published definition (no transformers import, so it runs with
Debian's python3-torch). Reads a Hugging Face model directory and an inputs file, writes the
outputs as safetensors.

usage: hf_forward_reference.py MODEL_DIR INPUTS.safetensors OUTPUTS.safetensors [ADAPTER_DIR]
ADAPTER_DIR: a LoRA adapter in PEFT's layout, applied as PEFT's LoraLayer does (a module is
adapted when its path matches target_modules by PEFT's rule; y = W x + b + alpha/r * B A x),
written from PEFT's documented behaviour, not from our code.
inputs: pixel_values F32 [B,C,S,S], input_ids I64 [B,T]
outputs: image_embeds, text_embeds (L2-normalised), logits_per_image (F32)
"""
import json
import math
import re
import struct
import sys

import numpy as np
import torch

DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64, "F64": np.float64}


def read_safetensors(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n])
    data = blob[8 + n:]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        arr = np.frombuffer(data[begin:end], dtype=DTYPES[info["dtype"]]).reshape(info["shape"])
        out[name] = torch.from_numpy(arr.astype(np.float32) if info["dtype"] != "I64" else arr.copy())
    return out


def write_safetensors(path, tensors):
    header, chunks, offset = {}, [], 0
    for name in sorted(tensors):
        raw = tensors[name].detach().contiguous().to(torch.float32).numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def act(x, name):
    if name == "quick_gelu":
        return x * torch.sigmoid(1.702 * x)
    return torch.nn.functional.gelu(x)


def layer_norm(x, w, prefix, eps):
    return torch.nn.functional.layer_norm(x, (x.shape[-1],), w[prefix + ".weight"],
                                          w[prefix + ".bias"], eps)


ADAPTERS = {}


def load_adapter(adapter_dir):
    with open(f"{adapter_dir}/adapter_config.json") as f:
        cfg = json.load(f)
    assert cfg["peft_type"] == "LORA"
    r = cfg["r"]
    scale = cfg["lora_alpha"] / (math.sqrt(r) if cfg.get("use_rslora") else r)
    targets = cfg["target_modules"]
    weights = read_safetensors(f"{adapter_dir}/adapter_model.safetensors")
    for key, tensor in weights.items():
        module, _, kind = key.removeprefix("base_model.model.").rpartition(".lora_")
        assert key.startswith("base_model.model.") and kind in ("A.weight", "B.weight"), key
        # PEFT: a list matches a module whose name equals or ends with "." + an entry; a string
        # is a regular expression the whole name must match.
        if isinstance(targets, str):
            matched = re.fullmatch(targets, module) is not None
        else:
            matched = any(module == t or module.endswith("." + t) for t in targets)
        assert matched, f"{module} is not picked by target_modules {targets}"
        ADAPTERS.setdefault(module, {"scale": scale})[kind[0]] = tensor


def linear(x, w, prefix):
    y = torch.nn.functional.linear(x, w[prefix + ".weight"], w.get(prefix + ".bias"))
    if prefix in ADAPTERS:
        a = ADAPTERS[prefix]
        y = y + a["scale"] * (x @ a["A"].t() @ a["B"].t())
    return y


def encoder(x, w, prefix, cfg, mask):
    heads = cfg["num_attention_heads"]
    eps = cfg.get("layer_norm_eps", 1e-5)
    b, t, d = x.shape
    hd = d // heads
    for i in range(cfg["num_hidden_layers"]):
        p = f"{prefix}.layers.{i}"
        h = layer_norm(x, w, p + ".layer_norm1", eps)
        q = linear(h, w, p + ".self_attn.q_proj") * hd ** -0.5
        k = linear(h, w, p + ".self_attn.k_proj")
        v = linear(h, w, p + ".self_attn.v_proj")
        split = lambda z: z.view(b, t, heads, hd).transpose(1, 2)
        att = split(q) @ split(k).transpose(-1, -2)
        if mask is not None:
            att = att + mask
        o = (att.softmax(-1) @ split(v)).transpose(1, 2).reshape(b, t, d)
        x = x + linear(o, w, p + ".self_attn.out_proj")
        h = layer_norm(x, w, p + ".layer_norm2", eps)
        x = x + linear(act(linear(h, w, p + ".mlp.fc1"), cfg.get("hidden_act", "quick_gelu")),
                       w, p + ".mlp.fc2")
    return x


def text_features(w, cfg, ids):
    t = ids.shape[1]
    x = w["text_model.embeddings.token_embedding.weight"][ids]
    x = x + w["text_model.embeddings.position_embedding.weight"][:t].unsqueeze(0)
    mask = torch.full((t, t), float("-inf")).triu(1)
    x = encoder(x, w, "text_model.encoder", cfg, mask)
    x = layer_norm(x, w, "text_model.final_layer_norm", cfg.get("layer_norm_eps", 1e-5))
    eos = cfg.get("eos_token_id", 2)
    pos = ids.argmax(-1) if eos == 2 else (ids == eos).int().argmax(-1)
    pooled = x[torch.arange(ids.shape[0]), pos]
    return linear(pooled, w, "text_projection")


def image_features(w, cfg, pixels):
    eps = cfg.get("layer_norm_eps", 1e-5)
    p = cfg["patch_size"]
    x = torch.nn.functional.conv2d(pixels, w["vision_model.embeddings.patch_embedding.weight"],
                                   stride=p)
    x = x.flatten(2).transpose(1, 2)
    cls = w["vision_model.embeddings.class_embedding"].expand(x.shape[0], 1, -1)
    x = torch.cat([cls, x], 1) + w["vision_model.embeddings.position_embedding.weight"]
    x = layer_norm(x, w, "vision_model.pre_layrnorm", eps)
    x = encoder(x, w, "vision_model.encoder", cfg, None)
    pooled = layer_norm(x[:, 0], w, "vision_model.post_layernorm", eps)
    return linear(pooled, w, "visual_projection")


def main():
    model_dir, inputs_path, outputs_path = sys.argv[1:4]
    if len(sys.argv) > 4:
        load_adapter(sys.argv[4])
    with open(f"{model_dir}/config.json") as f:
        cfg = json.load(f)
    w = read_safetensors(f"{model_dir}/model.safetensors")
    inputs = read_safetensors(inputs_path)
    with torch.no_grad():
        img = image_features(w, cfg["vision_config"], inputs["pixel_values"])
        txt = text_features(w, cfg["text_config"], inputs["input_ids"].long())
        img = img / img.norm(dim=-1, keepdim=True)
        txt = txt / txt.norm(dim=-1, keepdim=True)
        logits = w["logit_scale"].exp() * img @ txt.t()
    write_safetensors(outputs_path, {"image_embeds": img, "text_embeds": txt,
                                     "logits_per_image": logits})


if __name__ == "__main__":
    main()
