#!/usr/bin/python3
"""Render the digits 0-9 in Debian's handwriting-style fonts as an evaluation set.

The set stands in for handwriting the digit model never trained on. Every image varies,
from a seeded random stream, in canvas size, digit size, position, rotation, pen
thickness, antialiasing, contrast and polarity. Writes DIR/<font>/<digit>_<n>.png and
DIR/labels.csv (file,label,font,split). split is "tune" for fonts the feature pipeline and
augmentation were tuned on and "holdout" for fonts kept out of every such decision.

Needs /usr/bin/python3 with python3-pil and the fonts-* packages in scripts/install-deps.sh.
"""
import argparse
import csv
import zlib
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# (name, file, split). Families are split whole so no face of a held-out family is seen.
# femkeklaver is left out: its digits are hollow outlines, which no pen draws.
FONTS = [
    ("dkg", "truetype/fifthhorseman/dkg.ttf", "tune"),
    ("dkg-bold", "truetype/fifthhorseman/dkgBd.ttf", "tune"),
    ("dkg-oblique", "truetype/fifthhorseman/dkgIt.ttf", "tune"),
    ("bwht-build", "opentype/bwht/BecauseWeBuild-Regular.otf", "tune"),
    ("bwht-create", "opentype/bwht/BecauseWeCreate-Regular.otf", "tune"),
    ("bwht-learn", "opentype/bwht/BecauseWeLearn-Regular.otf", "tune"),
    ("comic-neue", "opentype/comic-neue/ComicNeue-Regular.otf", "tune"),
    ("comic-neue-bold-italic", "opentype/comic-neue/ComicNeue-BoldItalic.otf", "tune"),
    ("humor-sans", "truetype/humor-sans/Humor-Sans.ttf", "tune"),
    ("rufscript", "truetype/rufscript/Rufscript010.ttf", "tune"),
    ("dancing-script", "opentype/dancingscript/DancingScript-Regular.otf", "tune"),
    ("breip", "truetype/breip/Breip.ttf", "holdout"),
    ("sj-delphine", "truetype/sjfonts/Delphine.ttf", "holdout"),
    ("sj-stevehand", "truetype/sjfonts/SteveHand.ttf", "holdout"),
    ("ecolier-court", "truetype/ecolier-court/Ecolier-court.ttf", "holdout"),
    ("yusei-magic", "truetype/yusei-magic/YuseiMagic-Regular.ttf", "holdout"),
    ("klee-one", "truetype/klee/KleeOne-Regular.ttf", "holdout"),
    ("klee-one-semibold", "truetype/klee/KleeOne-SemiBold.ttf", "holdout"),
]
FONT_ROOT = Path("/usr/share/fonts")
BINARY = [0] * 128 + [255] * 128  # lookup table: antialiasing off


def glyph_mask(font_path, digit, size, stroke, rng, antialias):
    """The digit's ink as an 'L' mask (255 = ink), rotated a little, cropped to the ink."""
    font = ImageFont.truetype(str(font_path), size)
    pad = size // 2 + stroke
    mask = Image.new("L", (size * 2 + 2 * pad, size * 2 + 2 * pad), 0)
    ImageDraw.Draw(mask).text((pad, pad), str(digit), fill=255, font=font,
                              stroke_width=stroke, stroke_fill=255)
    mask = mask.rotate(rng.uniform(-12, 12), resample=Image.BICUBIC, expand=True, fillcolor=0)
    if not antialias:
        mask = mask.point(BINARY)
    box = mask.getbbox()
    return mask.crop(box) if box else None


def render(font_path, digit, rng):
    width = rng.choice([28, 48, 64, 128, 200, 280, 280, 400])
    height = int(width * rng.uniform(0.8, 1.25))
    # Digit height as a share of the canvas: from tiny scribbles to nearly full.
    size = max(12, int(height * rng.uniform(0.15, 0.85)))
    stroke = rng.choice([0, 0, 0, 1, max(1, size // 25), max(1, size // 12)])
    mask = glyph_mask(font_path, digit, size, stroke, rng, antialias=rng.random() < 0.75)
    if mask is None:
        return None
    if mask.width > width - 2 or mask.height > height - 2:  # shrink to fit the canvas
        scale = min((width - 2) / mask.width, (height - 2) / mask.height)
        mask = mask.resize((max(1, int(mask.width * scale)), max(1, int(mask.height * scale))),
                           Image.BICUBIC)
    paper, ink = rng.randint(215, 255), rng.randint(0, 70)
    if rng.random() < 0.2:  # light ink on a dark surface
        paper, ink = 255 - paper, 255 - ink
    canvas = Image.new("L", (width, height), paper)
    x = rng.randint(1, width - mask.width - 1)
    y = rng.randint(1, height - mask.height - 1)
    canvas.paste(Image.new("L", mask.size, ink), (x, y), mask)
    return canvas


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--per-digit", type=int, default=10,
                        help="images per font and digit (default 10)")
    parser.add_argument("--seed", type=int, default=20240603)
    args = parser.parse_args()
    if args.per_digit < 1:
        parser.error("--per-digit must be at least 1")

    missing = [f for _, f, _ in FONTS if not (FONT_ROOT / f).is_file()]
    if missing:
        sys.exit("missing fonts (run scripts/install-deps.sh): " + ", ".join(missing))
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, file, split in FONTS:
        rng = random.Random(args.seed * 100003 + zlib.crc32(name.encode()))  # order-independent
        (args.out / name).mkdir(exist_ok=True)
        for digit in range(10):
            for n in range(args.per_digit):
                image = render(FONT_ROOT / file, digit, rng)
                if image is None:
                    sys.exit(f"{name}: digit {digit} rendered no ink")
                rel = f"{name}/{digit}_{n}.png"
                image.save(args.out / rel)
                rows.append((rel, digit, name, split))
    with open(args.out / "labels.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "label", "font", "split"])
        writer.writerows(rows)
    print(f"{len(rows)} images in {args.out}")


if __name__ == "__main__":
    main()
