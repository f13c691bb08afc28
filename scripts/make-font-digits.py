#!/usr/bin/python3
"""Render the digits 0-9 in Debian's handwriting-style fonts as an evaluation set.

The set stands in for handwriting the digit model never trained on. Every image varies,
from a seeded random stream, in canvas size, digit size, position, rotation, pen
thickness, antialiasing, contrast and polarity. Writes DIR/<font>/<digit>_<n>.png and
DIR/labels.csv (file,label,font,split). split is "tune" for fonts the feature pipeline and
augmentation were tuned on and "holdout" for fonts kept out of every such decision.

With --training it renders the canvas preset's training digits instead, from another seed:
the tune fonts plus "train" fonts that no evaluation uses (never a holdout font or any face
of a holdout family), and with --features-out also writes their 8x8 features, as the studio
canvas computes them (`liveml predict --features`), in the digits CSV format: that is
resources/data/font-digits-train.csv.gz.

With --writer FACE it renders one face (any split) from its own seed, as one "writer" for
bench/correction_curve (how the Draw page's learners adapt to a hand through corrections);
--features-out then writes that writer's features.

Needs /usr/bin/python3 with python3-pil and the fonts-* packages in scripts/install-deps.sh.
"""
import argparse
import csv
import gzip
import json
import random
import subprocess
import sys
import tempfile
import zlib
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
    # Training only (the canvas preset): more hands, and a few plain faces for the digits'
    # basic shapes. More printed faces than these lowered the tuning accuracy.
    ("kristi", "truetype/kristi/Kristi.ttf", "train"),
    ("kaushan-script", "opentype/kaushanscript/KaushanScript-Regular.otf", "train"),
    ("cabin-sketch", "truetype/cabinsketch/CabinSketch-Regular.ttf", "train"),
    ("seto", "truetype/seto/setofont.ttf", "train"),
    ("kiloji", "truetype/kiloji/kiloji.ttf", "train"),
    ("kiloji-b", "truetype/kiloji/kiloji_b.ttf", "train"),
    ("tomson-talks", "truetype/tomsontalks/TomsonTalks.ttf", "train"),
    ("z003", "opentype/urw-base35/Z003-MediumItalic.otf", "train"),
    ("dejavu-sans", "truetype/dejavu/DejaVuSans.ttf", "train"),
    ("dejavu-sans-oblique", "truetype/dejavu/DejaVuSans-Oblique.ttf", "train"),
    ("dejavu-serif-italic", "truetype/dejavu/DejaVuSerif-Italic.ttf", "train"),
    ("c059-italic", "opentype/urw-base35/C059-Italic.otf", "train"),
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


def write_features(liveml, rows, root, out):
    """Runs the images through `liveml predict --features` and writes 64 counts + label rows."""
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "any.lvm"  # predict needs a model; only its features are kept
        digits = Path(__file__).resolve().parent.parent / "resources" / "data" / "digits.csv.gz"
        subprocess.run([liveml, "fit", "-i", str(digits), "-o", str(model)], check=True,
                       stdout=subprocess.DEVNULL)
        features = {}
        for start in range(0, len(rows), 500):
            files = [str(root / rel) for rel, *_ in rows[start:start + 500]]
            answer = subprocess.run([liveml, "predict", "-m", str(model), "--features", *files],
                                    check=True, capture_output=True, text=True).stdout
            for line in answer.splitlines():
                item = json.loads(line)
                if "features" not in item:
                    sys.exit(f"{item['file']}: {item.get('error')}")
                features[item["file"]] = item["features"]
    text = "".join(",".join(map(str, features[str(root / rel)] + [label])) + "\n"
                   for rel, label, _, _ in rows)
    with open(out, "wb") as f:  # mtime 0: the same renders give the same bytes
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as z:
            z.write(text.encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--per-digit", type=int, default=None,
                        help="images per font and digit (default 10, 60 with --training)")
    parser.add_argument("--seed", type=int, default=None,
                        help="default 20240603, 20241203 with --training")
    parser.add_argument("--training", action="store_true",
                        help="the preset's training fonts (tune and train) instead")
    parser.add_argument("--writer", choices=[name for name, _, _ in FONTS],
                        help="render only this face, as one writer (default seed 20261205)")
    parser.add_argument("--features-out", type=Path,
                        help="with --training or --writer: also write the features CSV (.csv.gz)")
    parser.add_argument("--liveml", default="liveml", help="the liveml binary for features")
    args = parser.parse_args()
    per_digit = args.per_digit or (60 if args.training else 10)
    default_seed = 20261205 if args.writer else 20241203 if args.training else 20240603
    seed = args.seed if args.seed is not None else default_seed
    if per_digit < 1:
        parser.error("--per-digit must be at least 1")
    if args.training and args.writer:
        parser.error("--training and --writer exclude each other")
    if args.features_out and not (args.training or args.writer):
        parser.error("--features-out needs --training or --writer")
    splits = ("tune", "train") if args.training else ("tune", "holdout")
    fonts = ([font for font in FONTS if font[0] == args.writer] if args.writer else
             [font for font in FONTS if font[2] in splits])

    missing = [f for _, f, _ in fonts if not (FONT_ROOT / f).is_file()]
    if missing:
        sys.exit("missing fonts (run scripts/install-deps.sh): " + ", ".join(missing))
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, file, split in fonts:
        rng = random.Random(seed * 100003 + zlib.crc32(name.encode()))  # order-independent
        (args.out / name).mkdir(exist_ok=True)
        for digit in range(10):
            for n in range(per_digit):
                # A pen too thin for a tiny size can leave no ink: draw that one again (the
                # bundled and evaluation renders never needed to, so they are unchanged).
                for _ in range(10):
                    image = render(FONT_ROOT / file, digit, rng)
                    if image is not None:
                        break
                else:
                    sys.exit(f"{name}: digit {digit} rendered no ink ten times")
                rel = f"{name}/{digit}_{n}.png"
                image.save(args.out / rel)
                rows.append((rel, digit, name, split))
    with open(args.out / "labels.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "label", "font", "split"])
        writer.writerows(rows)
    print(f"{len(rows)} images in {args.out}")
    if args.features_out:
        write_features(args.liveml, rows, args.out, args.features_out)
        print(f"{len(rows)} feature rows in {args.features_out}")


if __name__ == "__main__":
    main()
