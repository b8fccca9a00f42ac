"""Write the ink boxes of a TikZ figure's texts, read from its SVG, as JSON.

    python extract_text_ink.py FIGURE.svg > tikz-text-ink.json

The SVG is pdflatex's output converted by a PDF-to-SVG tool, whose user
units differ from TeX points by a constant factor.  The script calibrates
that factor and the origin on the centres of the first two nodes (the
filled circles), whose TeX positions tikz-geometry.json gives, and returns
every glyph's box in TeX points relative to the first node's centre, y
upwards.  A glyph's box is the box of its outline's points, control points
included.
"""

import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
HERE = pathlib.Path(__file__).parent


def numbers(d):
    values = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return list(zip(values[0::2], values[1::2]))


def main(path):
    geometry = json.loads((HERE / "tikz-geometry.json").read_text())
    root = ET.parse(path).getroot()
    glyphs = {}
    for symbol in root.iter(SVG + "symbol"):
        points = [p for e in symbol.iter(SVG + "path") for p in numbers(e.get("d"))]
        if points:
            xs, ys = zip(*points)
            glyphs[symbol.get("id")] = (min(xs), min(ys), max(xs), max(ys))
    fills = []
    for element in root.iter(SVG + "path"):
        style = element.get("style", "")
        if "fill:rgb(89.99939%" in style and element.get("transform") is None:
            xs, ys = zip(*numbers(element.get("d")))
            fills.append(((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2))
    # The first node has a border, so its fill carries a transform; the
    # centres of the second and third nodes calibrate the map.
    (x1, y1), (x2, _) = sorted(fills)[:2]
    tex1 = geometry["nodes"]["z1"]["center"][0]
    tex2 = geometry["nodes"]["zi"]["center"][0]
    factor = (tex2 - tex1) / (x2 - x1)
    origin_x = x1 - tex1 / factor
    origin_y = y1

    boxes = []
    for use in root.iter(SVG + "use"):
        box = glyphs.get(use.get(XLINK + "href").lstrip("#"))
        if box is None:
            continue
        x, y = float(use.get("x")), float(use.get("y"))
        x0, y0, x1_, y1_ = box
        boxes.append({
            "glyph": use.get(XLINK + "href").lstrip("#"),
            "box": [round((x + x0 - origin_x) * factor, 3),
                    round(-(y + y1_ - origin_y) * factor, 3),
                    round((x + x1_ - origin_x) * factor, 3),
                    round(-(y + y0 - origin_y) * factor, 3)],
        })
    json.dump({"about": __doc__.strip().splitlines()[0],
               "units_per_tex_point": 1 / factor, "glyphs": boxes},
              sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
