"""Reference for the imaging tests: Pillow's BICUBIC resize and transformers' CLIP recipe.

usage: pil_reference.py IN.ppm OUT_DIR WIDTH HEIGHT CROP
Writes OUT_DIR/resized.rgb (raw RGB8 of IN resized to WIDTH x HEIGHT) and
OUT_DIR/clip.f32 (float32 CHW after center crop CROP, /255, CLIP mean/std), computed the way
transformers' CLIPImageProcessor does it (crop origin by integer division).
"""
import sys

import numpy as np
from PIL import Image

src, out_dir, width, height, crop = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])
image = Image.open(src).convert("RGB")
resized = image.resize((width, height), resample=Image.BICUBIC, reducing_gap=None)
array = np.asarray(resized, dtype=np.uint8)
array.tofile(f"{out_dir}/resized.rgb")

top, left = (height - crop) // 2, (width - crop) // 2
cropped = array[top:top + crop, left:left + crop].astype(np.float64) * (1 / 255)
cropped = cropped.astype(np.float32)
mean = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32)
std = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32)
normalized = (cropped - mean) / std
normalized.transpose(2, 0, 1).astype(np.float32).tofile(f"{out_dir}/clip.f32")
