#!/usr/bin/python3
"""Plot bench/correction_curve's table as an SVG line chart (standard library only).

Reads the markdown table correction_curve prints (stdin or a file) and draws accuracy against
corrections for one copies setting: one colour per writer, solid for the canvas preset,
dashed for the SGD model.

  build/default/bench/correction_curve --writer … | scripts/plot-correction-curve.py - out.svg
"""
import argparse
import sys

WIDTH, HEIGHT = 760, 400
LEFT, RIGHT, TOP, BOTTOM = 60, 250, 30, 50
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]


def read_rows(lines):
    header, rows = None, []
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or cells[0].startswith("---"):
            continue
        if cells[0] == "writer":
            header = [int(c) for c in cells[3:]]
            continue
        if header:
            rows.append((cells[0], cells[1], int(cells[2]), [float(c) for c in cells[3:]]))
    if not header or not rows:
        sys.exit("no correction_curve table in the input")
    return header, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", help="correction_curve output, or - for stdin")
    parser.add_argument("out", help="the SVG to write")
    parser.add_argument("--copies", type=int, default=32, help="which copies setting to plot")
    args = parser.parse_args()
    text = sys.stdin if args.table == "-" else open(args.table, encoding="utf-8")
    at, rows = read_rows(text)
    rows = [r for r in rows if r[2] == args.copies]
    if not rows:
        sys.exit(f"no rows with {args.copies} copies")
    writers = list(dict.fromkeys(r[0] for r in rows))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i):  # corrections on an even spacing: 0, 100, 300, 1000 are the points that matter
        return LEFT + plot_w * i / (len(at) - 1)

    def y(acc):
        return TOP + plot_h * (1 - acc)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
           f'<text x="{LEFT}" y="18" font-size="14">Accuracy on a new writer after k corrections '
           f'({args.copies} copies each)</text>']
    for tick in range(0, 11, 2):
        v = tick / 10
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 8}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.1f}</text>')
    for i, k in enumerate(at):
        out.append(f'<text x="{x(i):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{k}</text>')
    out.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 10}" text-anchor="middle">'
               f'corrections</text>')
    legend_y = TOP + 10
    for writer, learner, _, accs in rows:
        colour = COLOURS[writers.index(writer) % len(COLOURS)]
        dash = "" if "canvas" in learner else ' stroke-dasharray="6 4"'
        points = " ".join(f"{x(i):.1f},{y(a):.1f}" for i, a in enumerate(accs))
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" '
                   f'stroke-width="2"{dash}/>')
        for i, a in enumerate(accs):
            out.append(f'<circle cx="{x(i):.1f}" cy="{y(a):.1f}" r="3" fill="{colour}"/>')
        lx = WIDTH - RIGHT + 15
        out.append(f'<line x1="{lx}" x2="{lx + 24}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
                   f'stroke="{colour}" stroke-width="2"{dash}/>')
        short = "canvas preset" if "canvas" in learner else "SGD (sklearn)"
        out.append(f'<text x="{lx + 30}" y="{legend_y}">{writer}, {short}</text>')
        legend_y += 18
    out.append("</svg>")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
