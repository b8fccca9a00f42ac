"""Size: natural size, shrinking to fit, forced factors, round circles."""

import io
import re

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from mpl_flowchain import TEX_PT, FlowChainAxes, flowchain, reference_stages

NATURAL = (421.67, 120.46)  # points
RADIUS = 11 * TEX_PT


def chain_in(figsize, dpi=100, rect=(0, 0, 1, 1), **options):
    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes(rect)
    chain = flowchain(ax, reference_stages(), arrows="auto", **options)
    fig.canvas.draw()
    return fig, ax, chain


def drawn_radii(fig, patch):
    """Return a drawn circle's radii along x and y, in points."""
    path = patch.get_transform().transform_path(patch.get_path())
    extent = path.vertices.max(axis=0) - path.vertices.min(axis=0)
    return extent / 2 / (fig.dpi / 72)


def test_fits_keeps_natural_size():
    fig, _, chain = chain_in((8, 3))
    assert chain.get_scale() == 1.0
    np.testing.assert_allclose(drawn_radii(fig, chain.nodes[0]), RADIUS, rtol=1e-6)


def test_too_small_shrinks_to_fit():
    fig, ax, chain = chain_in((3, 2))
    expected = min(3 * 72 / NATURAL[0], 2 * 72 / NATURAL[1])
    assert chain.get_scale() == pytest.approx(expected, rel=1e-3)
    np.testing.assert_allclose(drawn_radii(fig, chain.nodes[0]), RADIUS * expected,
                               rtol=1e-3)


def test_shrunk_chain_inside_axes():
    fig, ax, chain = chain_in((3, 2), rect=(0.2, 0.1, 0.6, 0.8))
    box = chain.get_window_extent(fig.canvas.get_renderer())
    axes_box = ax.bbox
    assert box.x0 >= axes_box.x0 - 0.5
    assert box.x1 <= axes_box.x1 + 0.5
    assert box.y0 >= axes_box.y0 - 0.5
    assert box.y1 <= axes_box.y1 + 0.5


def test_fit_enlarges():
    fig, ax, chain = chain_in((12, 3), scale="fit")
    expected = min(12 * 72 / NATURAL[0], 3 * 72 / NATURAL[1])
    assert chain.get_scale() == pytest.approx(expected, rel=1e-3)
    assert chain.get_scale() > 1


def test_forced_factor():
    fig, _, chain = chain_in((8, 3), scale=0.5)
    assert chain.get_scale() == 0.5
    np.testing.assert_allclose(drawn_radii(fig, chain.nodes[0]), RADIUS / 2, rtol=1e-6)


@pytest.mark.parametrize("figsize", [(2, 6), (9, 1.2), (4, 4)])
@pytest.mark.parametrize("dpi", [50, 300])
def test_circles_stay_round(figsize, dpi):
    fig, _, chain = chain_in(figsize, dpi=dpi)
    for patch in chain.nodes + [inset.circle for inset in chain.insets]:
        rx, ry = drawn_radii(fig, patch)
        assert rx == pytest.approx(ry, rel=1e-3)


def test_resize_rescales():
    fig, _, chain = chain_in((8, 3))
    assert chain.get_scale() == 1.0
    fig.set_size_inches(3, 1)
    fig.canvas.draw()
    assert chain.get_scale() == pytest.approx(min(3 * 72 / NATURAL[0],
                                                  72 / NATURAL[1]), rel=1e-3)


def test_scaling_keeps_user_values():
    fig, _, chain = chain_in((3, 2))
    assert chain.get_scale() < 1
    assert chain.nodes[0].get_linewidth() == pytest.approx(1.2 * TEX_PT)
    assert chain.node_labels[0].get_fontsize() == pytest.approx(10 * TEX_PT)
    assert chain.arrows[0].get_mutation_scale() == pytest.approx(1.2 * TEX_PT)


def _svg_of(fig):
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    return buffer.getvalue()


def test_shrinking_scales_line_widths():
    fig, _, chain = chain_in((3, 2))
    chain.nodes[0].set_gid("first-node")
    svg = _svg_of(fig)
    element = re.search(r'<g id="first-node">.*?</g>', svg, re.DOTALL).group(0)
    width = float(re.search(r"stroke-width: ([0-9.]+)", element).group(1))
    # SVG lengths are in points: 1.2 TeX points times the chain's scale.
    assert width == pytest.approx(1.2 * TEX_PT * chain.get_scale(), rel=0.01)


def test_shrinking_scales_text():
    import matplotlib as mpl

    fig, _, chain = chain_in((3, 2))
    with mpl.rc_context({"svg.fonttype": "none"}):
        svg = _svg_of(fig)
    sizes = [float(v) for v in re.findall(r"font[^;\"]*?([0-9.]+)px", svg)]
    # The largest text is the suffix, at 1.2 times 10 TeX points.
    assert max(sizes) == pytest.approx(12 * TEX_PT * chain.get_scale(), rel=0.01)


def test_dashes_follow_points_not_rcparams():
    import matplotlib as mpl

    with mpl.rc_context({"lines.scale_dashes": False}):
        fig, _, chain = chain_in((8, 3))
    circle = chain.insets[0].circle
    circle.set_gid("inset")
    svg = _svg_of(fig)
    element = re.search(r'<g id="inset">.*?</g>', svg, re.DOTALL).group(0)
    dashes = [float(v) for v in
              re.search(r"stroke-dasharray: ([0-9., ]+)", element).group(1)
              .replace(",", " ").split()]
    assert dashes == pytest.approx([2.3 * TEX_PT, 2 * TEX_PT], rel=0.01)


def test_projection_axes():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(subplot_kw={"projection": "flowchain"})
    assert isinstance(ax, FlowChainAxes)
    chain = ax.flowchain(["z_0", "z_1"], arrows="auto")
    assert chain in ax.get_children()
    assert not ax.axison


def test_plain_axes_frame_off():
    fig = Figure()
    ax = fig.add_subplot()
    flowchain(ax, ["z_0", "z_1"])
    assert not ax.axison
