"""The layout's numbers against the TikZ reference figure."""

import pytest

from mpl_flowchain import TEX_PT, reference_stages
from mpl_flowchain.api import _prepare
from mpl_flowchain.layout import compute_layout

TOLERANCE = 0.5 * TEX_PT
NODES = ["z0", "z1", "zi", "zip1", "zk"]
INSETS = {"f0": 0, "fi": 2, "fk": 4}


@pytest.fixture(scope="module")
def layout():
    return _prepare(reference_stages(), arrows="auto").layout


def tex(point):
    """Convert a point in TeX points to matplotlib points."""
    return tuple(value * TEX_PT for value in point)


def test_node_centres(layout, tikz):
    for node, name in zip(layout.nodes, NODES):
        expected = tex(tikz["nodes"][name]["center"])
        assert node.center == pytest.approx(expected, abs=TOLERANCE), name


def test_node_radii(layout, tikz):
    rules = tikz["node_rules"]["radii_pt"]
    for node in layout.nodes:
        assert node.radius == pytest.approx(rules["path"] * TEX_PT, abs=1e-9)
        assert node.anchor_radius == pytest.approx(rules["anchor"] * TEX_PT, abs=1e-9)


def test_centre_spacing(layout, tikz):
    spacing = tikz["node_rules"]["centre_spacing_pt"]
    xs = [node.center[0] for node in layout.nodes]
    steps = [b - a for a, b in zip(xs, xs[1:])]
    expected = [spacing["plain"], spacing["across_ellipsis"], spacing["plain"],
                spacing["across_ellipsis"]]
    assert steps == pytest.approx([s * TEX_PT for s in expected], abs=1e-3)


def test_arrow_ends(layout, tikz):
    shorten = tikz["arrows"]["shorten_start_pt"] * TEX_PT
    for arrow in layout.arrows:
        source = layout.nodes[arrow.source]
        target = layout.nodes[arrow.target]
        end = target.center[0] - target.anchor_radius - shorten
        assert arrow.end[0] == pytest.approx(end, abs=1e-9)
        if arrow.gap_mark is None:
            start = source.center[0] + source.anchor_radius + shorten
            assert arrow.start[0] == pytest.approx(start, abs=1e-9)


def test_arrow_start_after_gap(layout):
    # 5 ex of Computer Modern at 10 pt is 21.5 TeX points.
    for arrow in layout.arrows:
        if arrow.gap_mark is not None:
            source = layout.nodes[arrow.source]
            room = arrow.start[0] - source.center[0] - source.anchor_radius
            assert room == pytest.approx(21.53 * TEX_PT, abs=0.01)


def test_arrow_label_anchors(layout, tikz):
    expected = list(tikz["labels"]["arrow_labels_base"].values())[:4]
    for arrow, anchor in zip(layout.arrows, expected):
        assert (arrow.label.x, arrow.label.y) == pytest.approx(tex(anchor),
                                                               abs=TOLERANCE)


def test_gap_mark_centres(layout, tikz):
    expected = list(tikz["labels"]["ellipsis_centres"].values())
    marks = [arrow.gap_mark for arrow in layout.arrows if arrow.gap_mark]
    assert len(marks) == len(expected)
    for mark, centre in zip(marks, expected):
        assert mark == pytest.approx(tex(centre), abs=TOLERANCE)


def test_inset_centres_and_radii(layout, tikz):
    radius = tikz["insets"]["circle_radius_pt"] * TEX_PT
    by_node = {inset.node: inset for inset in layout.insets}
    assert sorted(by_node) == sorted(INSETS.values())
    for name, node in INSETS.items():
        inset = by_node[node]
        expected = tex(tikz["insets"][name]["center"])
        assert inset.center == pytest.approx(expected, abs=TOLERANCE), name
        assert inset.radius == pytest.approx(radius, abs=1e-3)


def test_caption_anchors(layout, tikz):
    expected = list(tikz["labels"]["captions_base"].values())[:3]
    captions = [box for box in layout.captions if box is not None]
    assert len(captions) == 3
    for box, anchor in zip(captions, expected):
        assert (box.x, box.y) == pytest.approx(tex(anchor), abs=TOLERANCE)


def test_suffix_anchor(layout, tikz):
    suffix = layout.suffixes[-1]
    base_west = tex(tikz["labels"]["suffix_eq_x"]["base_west"])
    # The text starts after the scaled outer and inner sep of its node.
    padding = (0.6 + 10 / 3) * 1.2 * TEX_PT
    assert suffix.x - padding == pytest.approx(base_west[0], abs=TOLERANCE)
    assert suffix.y == pytest.approx(base_west[1], abs=TOLERANCE)


def test_natural_size(layout, tikz):
    page = tikz["page_size_pt"]
    assert layout.width == pytest.approx(page["width"], rel=0.01)
    assert layout.height == pytest.approx(page["height"], rel=0.01)


def test_natural_size_to_a_tenth(layout, tikz):
    # Within 1 % is the promise; the rules reproduce TikZ far closer.
    page = tikz["page_size_pt"]
    assert layout.width == pytest.approx(page["width"], abs=0.1)
    assert layout.height == pytest.approx(page["height"], abs=0.1)


def fixed_measure(text, fontsize, style):
    return (10.0 * len(text) / 5, 7.0, 2.0)


def test_layout_is_pure():
    first = compute_layout(["$a_1$", "$a_2$"], arrow_labels=["$f$"],
                           measure=fixed_measure)
    second = compute_layout(["$a_1$", "$a_2$"], arrow_labels=["$f$"],
                            measure=fixed_measure)
    assert first == second


def test_long_label_widens_node():
    short = compute_layout(["$a$", "$b$"], measure=fixed_measure)
    wide = compute_layout(["$a$", "$" + "b" * 40 + "$"], measure=fixed_measure)
    assert wide.nodes[1].radius > short.nodes[1].radius
    gap = (wide.nodes[1].center[0] - wide.nodes[1].anchor_radius
           - wide.nodes[0].center[0] - wide.nodes[0].anchor_radius)
    assert gap == pytest.approx(short.nodes[1].center[0] - 2 * short.nodes[0]
                                .anchor_radius)


def test_single_node_bbox_holds_label():
    layout = compute_layout(["$z$"], measure=fixed_measure)
    x0, y0, x1, y1 = layout.bbox
    node = layout.nodes[0]
    assert x0 <= -node.anchor_radius
    assert x1 >= node.anchor_radius
    assert layout.arrows == ()
