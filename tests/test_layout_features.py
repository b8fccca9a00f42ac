"""Orientations, wrapping, arrow directions and bends, image nodes, options."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from mpl_flowchain import (Arrow, FlowChainWarning, Stage, flowchain, natural_figure,
                           reference_stages)


@pytest.fixture
def ax():
    fig = Figure(figsize=(9, 5))
    FigureCanvasAgg(fig)
    return fig.add_subplot()


def plain(text):
    """Return a drawn label as its author wrote it, without braces."""
    source = text.tex_source or text.get_text()
    return source.replace("{", "").replace("}", "")


def centres(chain):
    return np.array([node.center for node in chain.layout.nodes])


@pytest.mark.parametrize("orientation, step", [
    ("lr", (1, 0)), ("rl", (-1, 0)), ("tb", (0, -1)), ("bt", (0, 1))])
def test_orientation_direction(ax, orientation, step):
    chain = flowchain(ax, ["z_0", "z_1", "z_2"], orientation=orientation)
    steps = np.diff(centres(chain), axis=0)
    for delta in steps:
        unit = delta / np.hypot(*delta)
        np.testing.assert_allclose(unit, step, atol=1e-12)


def test_unknown_orientation(ax):
    with pytest.raises(ValueError, match="orientation must be one of"):
        flowchain(ax, ["z_0", "z_1"], orientation="diagonal")


def test_vertical_labels_left(ax):
    chain = flowchain(ax, ["z_0", "z_1"], arrows="auto", orientation="tb")
    label = chain.layout.arrows[0].label
    assert label.bbox[2] < chain.layout.arrows[0].start[0]


def test_vertical_insets_right(ax):
    chain = flowchain(ax, [Stage("z_0", density=lambda t: np.exp(-t**2))],
                      orientation="tb")
    inset = chain.layout.insets[0]
    assert inset.center[0] > chain.layout.nodes[0].center[0]
    assert inset.center[1] == pytest.approx(chain.layout.nodes[0].center[1])


@pytest.mark.parametrize("side", ["below", "above", "left", "right"])
def test_inset_side_per_stage(ax, side):
    stage = Stage("z", density=lambda t: np.exp(-t**2), inset_side=side,
                  caption="c")
    chain = flowchain(ax, [stage])
    inset = chain.layout.insets[0].center
    sign = {"below": (0, -1), "above": (0, 1), "left": (-1, 0), "right": (1, 0)}
    direction = np.sign(np.round(inset, 9))
    np.testing.assert_array_equal(direction, sign[side])


def test_inset_side_rejects_word(ax):
    with pytest.raises(ValueError, match=r"stages\[0\] \('z'\): inset_side"):
        flowchain(ax, [Stage("z", density=lambda t: 1 + 0 * t, inset_side="inside")])


def test_wrap_makes_rows(ax):
    chain = flowchain(ax, [f"z_{n}" for n in range(7)], wrap=3)
    ys = sorted({round(y, 6) for _, y in centres(chain)}, reverse=True)
    assert len(ys) == 3


def test_wrap_connector_turns(ax):
    chain = flowchain(ax, [f"z_{n}" for n in range(4)], wrap=2, arrows="auto")
    connector = chain.layout.arrows[1]
    assert connector.path is not None
    assert len(connector.path) == 6
    assert connector.label is not None


def test_wrap_connector_clears_insets(ax):
    density = lambda t: np.exp(-8 * t**2)  # noqa: E731
    stages = [Stage(f"z_{n}", density=density) for n in range(4)]
    chain = flowchain(ax, stages, wrap=2)
    path = np.array(chain.layout.arrows[1].path)
    for inset in chain.layout.insets:
        reach = inset.radius + inset.linewidth
        for a, b in zip(path, path[1:]):
            # Each segment is axis-aligned: test it against the inset's square.
            xs, ys = sorted((a[0], b[0])), sorted((a[1], b[1]))
            apart = (xs[1] < inset.center[0] - reach or xs[0] > inset.center[0] + reach
                     or ys[1] < inset.center[1] - reach
                     or ys[0] > inset.center[1] + reach)
            assert apart, (a, b, inset.center)


def test_wrap_rejects_zero(ax):
    with pytest.raises(ValueError, match="wrap must be a positive number"):
        flowchain(ax, ["z_0", "z_1"], wrap=0)


def test_both_directions_two_arrows(ax):
    chain = flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow(direction="both"))],
                      arrows="auto")
    assert len(chain.arrows) == 2
    forward, back = chain.layout.arrows
    assert forward.start[0] < forward.end[0]
    assert back.start[0] > back.end[0]
    assert forward.start[1] > back.start[1]


def test_both_directions_auto_labels(ax):
    chain = flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow(direction="both"))],
                      arrows="auto")
    texts = [plain(label) for label in chain.arrow_labels]
    assert "f_1(z_0)" in texts[0]
    assert "f_1^-1(z_1)" in texts[1]


def test_both_labels_on_opposite_sides(ax):
    chain = flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow(direction="both"))],
                      arrows="auto")
    forward, back = chain.layout.arrows
    assert forward.label.bbox[1] > forward.start[1]
    assert back.label.bbox[3] < back.start[1]


def test_inverse_arrow_points_back(ax):
    chain = flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow(direction="inverse"))],
                      arrows="auto")
    arrow = chain.layout.arrows[0]
    assert arrow.start[0] > arrow.end[0]
    assert "f_1^-1(z_1)" in plain(chain.arrow_labels[0])
    assert chain[1].arrow is chain.arrows[0]


def test_bent_arrow_bulges_left(ax):
    chain = flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow("f", bend=30))])
    arrow = chain.layout.arrows[0]
    assert arrow.midpoint[1] > 0
    assert arrow.label.bbox[1] > arrow.midpoint[1]


def test_bend_out_of_range(ax):
    with pytest.raises(ValueError, match=r"stages\[1\] \('z_1'\): arrow: bend"):
        flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow(bend=120))])


def test_arrow_bad_direction(ax):
    with pytest.raises(ValueError, match=r"stages\[1\] \('z_1'\): arrow: direction"):
        flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow(direction="up"))])


def test_arrow_bad_linestyle(ax):
    with pytest.raises(ValueError, match=r"stages\[1\] \('z_1'\): arrow: linestyle"):
        flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow(linestyle="wavy"))])


def test_arrow_inverse_needs_both(ax):
    with pytest.raises(ValueError, match="direction='both'"):
        flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow(inverse="g"))])


def test_arrow_look_applied(ax):
    chain = flowchain(ax, ["z_0", Stage("z_1", arrow=Arrow(
        color="tab:red", linewidth=2.5, linestyle="--"))])
    arrow = chain.arrows[0]
    assert arrow.get_linewidth() == pytest.approx(2.5)
    assert arrow.get_linestyle() == "--"


def test_image_node_clipped(ax):
    image = np.linspace(0, 1, 64).reshape(8, 8)
    chain = flowchain(ax, [Stage("x_0", image=image, shape="square")])
    assert len(chain.node_images) == 1
    assert chain.node_images[0].get_clip_path() is not None
    assert chain[0].image is chain.node_images[0]


def test_image_node_label_below(ax):
    chain = flowchain(ax, [Stage("x_0", image=np.zeros((4, 4)))])
    node = chain.layout.nodes[0]
    assert node.label.bbox[3] < node.center[1] - node.radius


def test_image_rejects_shape(ax):
    with pytest.raises(ValueError, match=r"stages\[0\] \('x'\): image must have"):
        flowchain(ax, [Stage("x", image=np.zeros((4, 4, 2)))])


def test_image_rejects_nan(ax):
    image = np.full((4, 4), np.nan)
    with pytest.raises(ValueError, match=r"stages\[0\] \('x'\): image must be"):
        flowchain(ax, [Stage("x", image=image)])


def test_sublabel_under_node(ax):
    chain = flowchain(ax, [Stage("h", sublabel=r"\mathbb{R}^{64}")])
    node = chain.layout.nodes[0]
    assert node.sublabel.bbox[3] < node.center[1] - node.radius
    assert len(chain.sublabels) == 1


def test_node_shape_rejects_word(ax):
    with pytest.raises(ValueError, match=r"stages\[0\] \('x'\): shape"):
        flowchain(ax, [Stage("x", shape="star")])


def test_artist_kw_passed_on(ax):
    chain = flowchain(ax, ["z_0", "z_1"], node_kw={"hatch": "//"},
                      arrow_kw={"alpha": 0.5})
    assert chain.nodes[0].get_hatch() == "//"
    assert chain.arrows[0].get_alpha() == 0.5


def test_artist_kw_unknown_property(ax):
    before = ax.get_children()
    with pytest.raises(TypeError, match="node_kw"):
        flowchain(ax, ["z_0", "z_1"], node_kw={"sparkle": True})
    assert ax.get_children() == before


def test_fixed_scale_warns_once():
    fig, ax = plt.subplots(figsize=(3, 2))
    flowchain(ax, reference_stages(), scale=1)
    with pytest.warns(FlowChainWarning, match="needs 5.86 x 1.59 in"):
        fig.canvas.draw()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


def test_auto_scale_does_not_warn():
    fig, ax = plt.subplots(figsize=(3, 2))
    flowchain(ax, reference_stages())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


def test_natural_figure_holds_every_orientation():
    for orientation in ("lr", "rl", "tb", "bt"):
        fig, chain = natural_figure(reference_stages(), arrows="auto",
                                    orientation=orientation)
        FigureCanvasAgg(fig).draw()
        box = chain.get_window_extent(fig.canvas.get_renderer())
        assert box.x0 >= -1, orientation
        assert box.y0 >= -1, orientation
        assert box.x1 <= fig.bbox.x1 + 1, orientation
        assert box.y1 <= fig.bbox.y1 + 1, orientation


@pytest.mark.parametrize("orientation", ["tb", "bt"])
def test_vertical_sublabel_beside_node(ax, orientation):
    chain = flowchain(ax, [Stage("z_0", sublabel="d"), Stage("z_1", sublabel="e")],
                      orientation=orientation)
    for node in chain.layout.nodes:
        x0, y0, x1, y1 = node.sublabel.bbox
        assert x1 < node.center[0] - node.radius
        assert y0 < node.center[1] < y1


def test_vertical_caption_without_inset_beside(ax):
    chain = flowchain(ax, [Stage("z_0", caption="p_0"), "z_1"], orientation="tb")
    caption = chain.layout.captions[0]
    node = chain.layout.nodes[0]
    assert caption.bbox[2] < node.center[0] - node.radius


def test_gap_dots_follow_bent_arrow(ax):
    chain = flowchain(ax, ["z_0", ..., Stage("z_1", arrow=Arrow(bend=40))])
    arrow = chain.layout.arrows[0]
    # Near its start a curve bent 40 degrees left still climbs steeply.
    assert arrow.direction[1] > 0.3
    assert arrow.direction[0] > 0
