"""Drawn artists read back through their transforms, against TikZ.

Each check renders the reference chain, reads the positions of the drawn
artists in display pixels, converts them to points relative to the first
node's centre and compares them with the TikZ figure's geometry.
"""

import json

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextPath

from mpl_flowchain import TEX_PT, flowchain, natural_figure, reference_stages
from mpl_flowchain._arrows import HEAD_STROKE
from conftest import DATA

TOLERANCE = 0.5  # points
INK_TOLERANCE = 2.0  # points; mathtext is not TeX
NODES = ["z0", "z1", "zi", "zip1", "zk"]
INSETS = {"f0": 0, "fi": 2, "fk": 4}


def natural(dpi):
    fig, chain = natural_figure(reference_stages(), arrows="auto")
    fig.set_dpi(dpi)
    return fig, chain


def embedded(dpi):
    """The chain in a larger, non-square figure, where it fits as it is."""
    fig = Figure(figsize=(9.0, 4.5), dpi=dpi)
    ax = fig.add_axes((0.05, 0.1, 0.9, 0.8))
    chain = flowchain(ax, reference_stages(), arrows="auto")
    return fig, chain


SETUPS = [pytest.param((natural, dpi), id=f"natural-{dpi}dpi") for dpi in (72, 100, 300)]
SETUPS += [pytest.param((embedded, dpi), id=f"embedded-{dpi}dpi")
           for dpi in (72, 100, 300)]


class Reader:
    """Read artists back in points relative to the first node's centre."""

    def __init__(self, fig, chain):
        FigureCanvasAgg(fig).draw()
        self.fig = fig
        self.chain = chain
        self.per_point = fig.dpi / 72
        self.origin = self.circle(chain.nodes[0], raw=True)[0]

    def points(self, xy_display):
        xy = np.asarray(xy_display, dtype=float)
        return (xy - self.origin) / self.per_point

    def circle(self, patch, raw=False):
        """Return the centre and radius of a drawn circle."""
        path = patch.get_transform().transform_path(patch.get_path())
        lows, highs = path.vertices.min(axis=0), path.vertices.max(axis=0)
        centre = (lows + highs) / 2
        radii = (highs - lows) / 2
        if raw:
            return centre, radii
        return self.points(centre), radii / self.per_point

    def arrow(self, arrow):
        """Return where an arrow's ink starts and where its tip ends."""
        path = arrow.get_transform().transform_path(arrow.get_path())
        vertices = path.vertices
        start = self.points(vertices[0])
        apex = self.points(vertices[np.argmax(vertices[:, 0])])
        end = apex + np.array([arrow.get_linewidth() * HEAD_STROKE / 2, 0.0])
        return start, end

    def anchor(self, text):
        return self.points(text.get_transform().transform(text.get_position()))

    def extent(self, text):
        box = text.get_window_extent(self.fig.canvas.get_renderer())
        return self.points([box.x0, box.y0]), self.points([box.x1, box.y1])


def tex(point):
    return np.asarray(point, dtype=float) * TEX_PT


@pytest.fixture(params=SETUPS)
def reader(request):
    make, dpi = request.param
    return Reader(*make(dpi))


def test_node_centres(reader, tikz):
    for patch, name in zip(reader.chain.nodes, NODES):
        centre, _ = reader.circle(patch)
        expected = tex(tikz["nodes"][name]["center"])
        np.testing.assert_allclose(centre, expected, atol=TOLERANCE, err_msg=name)


def test_node_radii(reader, tikz):
    expected = tikz["node_rules"]["radii_pt"]["path"] * TEX_PT
    for patch in reader.chain.nodes:
        _, radii = reader.circle(patch)
        np.testing.assert_allclose(radii, expected, atol=TOLERANCE)


def test_nodes_are_circles(reader):
    for patch in reader.chain.nodes:
        _, (rx, ry) = reader.circle(patch)
        assert rx == pytest.approx(ry, rel=1e-3)


def test_arrow_ends(reader, tikz):
    shorten = tikz["arrows"]["shorten_end_pt"]
    anchor = tikz["node_rules"]["radii_pt"]["anchor"]
    centres = [tikz["nodes"][name]["center"][0] for name in NODES]
    for index, arrow in enumerate(reader.chain.arrows):
        _, end = reader.arrow(arrow)
        expected = tex((centres[index + 1] - anchor - shorten, 0.0))
        np.testing.assert_allclose(end, expected, atol=TOLERANCE)


def test_arrow_starts(reader, tikz):
    anchor = tikz["node_rules"]["radii_pt"]["anchor"]
    centres = [tikz["nodes"][name]["center"][0] for name in NODES]
    # After a gap the arrow starts 5 ex (21.53 TeX points) past the border.
    shortens = [3.0, 21.53, 3.0, 21.53]
    for index, arrow in enumerate(reader.chain.arrows):
        start, _ = reader.arrow(arrow)
        expected = tex((centres[index] + anchor + shortens[index], 0.0))
        np.testing.assert_allclose(start, expected, atol=TOLERANCE)


def test_arrow_label_anchors(reader, tikz):
    expected = list(tikz["labels"]["arrow_labels_base"].values())[:4]
    for text, anchor in zip(reader.chain.arrow_labels, expected):
        np.testing.assert_allclose(reader.anchor(text), tex(anchor), atol=TOLERANCE)


def test_arrow_labels_centred(reader, tikz):
    expected = list(tikz["labels"]["arrow_labels_base"].values())[:4]
    for text, anchor in zip(reader.chain.arrow_labels, expected):
        (x0, _), (x1, _) = reader.extent(text)
        assert (x0 + x1) / 2 == pytest.approx(tex(anchor)[0], abs=TOLERANCE)


def test_caption_anchors(reader, tikz):
    expected = list(tikz["labels"]["captions_base"].values())[:3]
    for text, anchor in zip(reader.chain.captions, expected):
        np.testing.assert_allclose(reader.anchor(text), tex(anchor), atol=TOLERANCE)


def test_gap_mark_centres(reader, tikz):
    # TeX's \dots ends in a kern, so its ink sits 0.96 TeX points left of
    # the centre of its box, which the geometry gives.
    expected = list(tikz["labels"]["ellipsis_centres"].values())
    for mark, centre in zip(reader.chain.gap_marks, expected):
        path = mark.get_transform().transform_path(mark.get_path())
        lows, highs = path.vertices.min(axis=0), path.vertices.max(axis=0)
        ink = reader.points((lows + highs) / 2)
        np.testing.assert_allclose(ink, tex(centre) - tex((0.96, 0)), atol=TOLERANCE)


def test_inset_centres_and_radii(reader, tikz):
    radius = tikz["insets"]["circle_radius_pt"] * TEX_PT
    by_node = {inset.node: inset for inset in reader.chain.insets}
    for name, node in INSETS.items():
        centre, radii = reader.circle(by_node[node].circle)
        np.testing.assert_allclose(centre, tex(tikz["insets"][name]["center"]),
                                   atol=TOLERANCE, err_msg=name)
        np.testing.assert_allclose(radii, radius, atol=TOLERANCE, err_msg=name)


def test_inset_axes_cross_below_centre(reader, tikz):
    # The axes cross 0.4 cm below the inset's centre.
    drop = 0.4 * 72 / 2.54
    for inset in reader.chain.insets:
        centre, _ = reader.circle(inset.circle)
        start, _ = reader.arrow(inset.yaxis)
        assert start[0] == pytest.approx(centre[0], abs=TOLERANCE)
        xstart, xend = reader.arrow(inset.xaxis)
        assert xstart[1] == pytest.approx(centre[1] - drop, abs=TOLERANCE)
        assert xend[0] - xstart[0] == pytest.approx(2 * 72 / 2.54, abs=TOLERANCE)


def test_suffix_anchor(reader, tikz):
    base_west = tex(tikz["labels"]["suffix_eq_x"]["base_west"])
    padding = (0.6 + 10 / 3) * 1.2 * TEX_PT
    anchor = reader.anchor(reader.chain.suffixes[0])
    np.testing.assert_allclose(anchor - [padding, 0.0], base_west, atol=TOLERANCE)


def _tex_ink(tikz_ink):
    """Group TeX's glyph boxes into the reference figure's texts."""
    groups = {}
    arrow_xs = [40.05, 127.27, 214.49, 301.71]
    node_xs = [0.0, 80.11, 174.44, 254.54, 348.87]
    for glyph in tikz_ink["glyphs"]:
        x0, y0, x1, y1 = glyph["box"]
        x, y = (x0 + x1) / 2, (y0 + y1) / 2
        if y > 4:
            key = ("arrow", int(np.argmin([abs(x - a) for a in arrow_xs])))
        elif y < -80:
            key = ("caption", int(np.argmin([abs(x - a) for a in (0, 174.44, 348.87)])))
        elif x > 362:
            key = ("suffix", 0)
        elif abs(y) < 1.0 and y1 - y0 < 2:
            continue  # a dot of a gap mark
        else:
            key = ("node", int(np.argmin([abs(x - a) for a in node_xs])))
        boxes = groups.setdefault(key, [])
        boxes.append(glyph["box"])
    return {key: tex((min(b[0] for b in boxes), min(b[1] for b in boxes),
                      max(b[2] for b in boxes), max(b[3] for b in boxes)))
            for key, boxes in groups.items()}


def _ink(text):
    """Return the ink box of a drawn text in layout points."""
    prop = FontProperties(size=text.get_fontsize(),
                          math_fontfamily=text.get_math_fontfamily())
    path = TextPath((0, 0), text.get_text(), prop=prop)
    x, y = text.get_position()
    vertices = path.vertices
    if text.get_horizontalalignment() == "center":
        from mpl_flowchain._text import measure

        width = measure(text.get_text(), text.get_fontsize(),
                        text.get_math_fontfamily())[0]
        x -= width / 2
    return (vertices[:, 0].min() + x, vertices[:, 1].min() + y,
            vertices[:, 0].max() + x, vertices[:, 1].max() + y)


def test_text_ink_near_tex():
    tikz_ink = json.loads((DATA / "tikz-text-ink.json").read_text())
    expected = _tex_ink(tikz_ink)
    fig, chain = natural_figure(reference_stages(), arrows="auto")
    drawn = {}
    for index, text in enumerate(chain.node_labels):
        drawn[("node", index)] = text
    for index, text in enumerate(chain.arrow_labels):
        drawn[("arrow", index)] = text
    for index, text in enumerate(chain.captions):
        drawn[("caption", index)] = text
    drawn[("suffix", 0)] = chain.suffixes[0]
    assert sorted(drawn) == sorted(expected)
    for key, text in drawn.items():
        np.testing.assert_allclose(_ink(text), expected[key], atol=INK_TOLERANCE,
                                   err_msg=str(key))
