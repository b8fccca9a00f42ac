"""The FlowChain container: groups, indexing, restyling, visibility, removal.

Also the "flowchain" projection and the weight of ``import mpl_flowchain``.
Pixel checks render with the Agg canvas and read RGB values at points of
the chain's layout, mapped to pixels by ``chain.transform``.
"""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, PathPatch
from matplotlib.projections import get_projection_class
from matplotlib.text import Text

import mpl_flowchain
from mpl_flowchain import (FlowChain, FlowChainAxes, Gap, Stage, StageArtists,
                           flowchain, reference_stages)
from mpl_flowchain.insets import Inset

GROUPS = ["nodes", "node_labels", "arrows", "arrow_labels", "gap_marks", "insets",
          "captions", "suffixes"]
WHITE = (255, 255, 255)
RED = (255, 0, 0)
BLUE = (0, 0, 255)
MAGENTA = (255, 0, 255)


@pytest.fixture
def fig():
    # 7 x 2.5 inches holds the reference chain at its natural size.
    figure = Figure(figsize=(7, 2.5), dpi=150)
    FigureCanvasAgg(figure)
    return figure


@pytest.fixture
def ax(fig):
    return fig.add_axes((0, 0, 1, 1))


@pytest.fixture
def chain(ax):
    """The reference chain: z_0, z_1, gap, z_i, z_{i+1}, gap, z_k."""
    return flowchain(ax, reference_stages(), arrows="auto")


def render(fig):
    """Draw *fig* and return its pixels as an (rows, columns, RGB) array."""
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()


def pixel(image, chain, point):
    """Return the RGB tuple of the pixel under a layout point of *chain*."""
    x, y = chain.transform.transform(point)
    row = int(image.shape[0] - y)
    return tuple(int(value) for value in image[row, int(x)])


def near(color, expected, tolerance=40):
    """Whether two RGB tuples differ by at most *tolerance* per channel."""
    return all(abs(a - b) <= tolerance for a, b in zip(color, expected))


def count_color(image, expected, tolerance=40):
    """Count the pixels within *tolerance* of *expected*."""
    difference = np.abs(image.astype(int) - np.array(expected))
    return int((difference <= tolerance).all(axis=-1).sum())


def above_center(chain, index):
    """A point inside node *index*, above its label: the face shows there."""
    node = chain.layout.nodes[index]
    return (node.center[0], node.center[1] + 0.7 * node.radius)


def grouped_artists(chain):
    return [artist for group in GROUPS for artist in getattr(chain, group)
            if artist is not None]


# Groups and their sizes.

@pytest.mark.parametrize("group, count", [
    ("nodes", 5), ("node_labels", 5), ("arrows", 4), ("arrow_labels", 4),
    ("gap_marks", 2), ("insets", 3), ("captions", 3), ("suffixes", 1),
])
def test_group_size(chain, group, count):
    assert len(getattr(chain, group)) == count


@pytest.mark.parametrize("group, kind", [
    ("nodes", Circle), ("node_labels", Text), ("arrows", FancyArrowPatch),
    ("arrow_labels", Text), ("gap_marks", PathPatch), ("insets", Inset),
    ("captions", Text), ("suffixes", Text),
])
def test_group_artist_type(chain, group, kind):
    for artist in getattr(chain, group):
        assert isinstance(artist, kind)


def test_unlabelled_arrows_have_none(ax):
    chain = flowchain(ax, ["z_0", "z_1", "z_2"])
    assert chain.arrow_labels == [None, None]


def test_flowchain_returns_flowchain(chain):
    assert isinstance(chain, FlowChain)


# get_children.

def test_children_unique(chain):
    ids = [id(artist) for artist in chain.get_children()]
    assert len(ids) == len(set(ids))


def test_children_cover_groups(chain):
    children = {id(artist) for artist in chain.get_children()}
    assert children == {id(artist) for artist in grouped_artists(chain)}


def test_children_count_matches_groups(chain):
    assert len(chain.get_children()) == len(grouped_artists(chain))


def test_children_skip_missing_labels(ax):
    chain = flowchain(ax, ["z_0", "z_1", "z_2"])
    assert None not in chain.get_children()


def test_children_returns_copy(chain):
    chain.get_children().clear()
    assert len(chain.get_children()) == len(grouped_artists(chain))


# len, iter and indexing.

def test_len_counts_nodes(chain):
    assert len(chain) == 5


def test_iter_yields_stage_artists(chain):
    assert all(isinstance(item, StageArtists) for item in chain)


def test_iter_in_node_order(chain):
    assert [item.index for item in chain] == [0, 1, 2, 3, 4]


def test_iter_stage_labels(chain):
    labels = [item.stage.label for item in chain]
    assert labels == ["z_0", "z_1", "z_i", "z_{i+1}", "z_k"]


def test_string_stage_becomes_stage(chain):
    assert chain[1].stage == Stage("z_1")


def test_negative_index(chain):
    assert chain[-1] is chain[4]


def test_index_past_end(chain):
    with pytest.raises(IndexError):
        chain[5]


# (node index, StageArtists field, group it comes from, index in the group);
# None for the group means the node has no such part.
STAGE_PARTS = [
    (0, "node", "nodes", 0),
    (3, "node", "nodes", 3),
    (2, "label", "node_labels", 2),
    (0, "arrow", None, None),
    (1, "arrow", "arrows", 0),
    (4, "arrow", "arrows", 3),
    (0, "arrow_label", None, None),
    (2, "arrow_label", "arrow_labels", 1),
    (1, "gap_mark", None, None),
    (2, "gap_mark", "gap_marks", 0),
    (3, "gap_mark", None, None),
    (4, "gap_mark", "gap_marks", 1),
    (0, "inset", "insets", 0),
    (1, "inset", None, None),
    (2, "inset", "insets", 1),
    (4, "inset", "insets", 2),
    (0, "caption", "captions", 0),
    (3, "caption", None, None),
    (4, "caption", "captions", 2),
    (0, "suffix", None, None),
    (4, "suffix", "suffixes", 0),
]


@pytest.mark.parametrize("index, field, group, position", STAGE_PARTS)
def test_stage_part(chain, index, field, group, position):
    expected = None if group is None else getattr(chain, group)[position]
    assert getattr(chain[index], field) is expected


@pytest.mark.parametrize("gap", [..., Gap()], ids=["ellipsis", "Gap"])
def test_gap_marks_arrow(ax, gap):
    chain = flowchain(ax, ["z_0", gap, "z_1"])
    assert chain[1].gap_mark is chain.gap_marks[0]


def test_inset_knows_its_node(chain):
    assert [inset.node for inset in chain.insets] == [0, 2, 4]


# Restyling after the fact shows in the rendered figure.

def test_restyle_node_face(fig, chain):
    point = above_center(chain, 1)
    before = pixel(render(fig), chain, point)
    chain.nodes[1].set_facecolor("red")
    after = pixel(render(fig), chain, point)
    assert before != RED
    assert after == RED


def test_restyle_node_face_by_index(fig, chain):
    chain[3].node.set_facecolor("blue")
    assert pixel(render(fig), chain, above_center(chain, 3)) == BLUE


def test_restyle_node_edge(fig, chain):
    node = chain.layout.nodes[0]
    point = (node.center[0] + node.radius, node.center[1])
    before = pixel(render(fig), chain, point)
    chain.nodes[0].set_edgecolor("blue")
    after = pixel(render(fig), chain, point)
    assert near(before, RED)
    assert near(after, BLUE)


def test_restyle_arrow_color(fig, chain):
    arrow = chain.layout.arrows[0]
    point = (arrow.start[0] + 0.25 * (arrow.end[0] - arrow.start[0]), arrow.start[1])
    before = pixel(render(fig), chain, point)
    chain.arrows[0].set_color("blue")
    after = pixel(render(fig), chain, point)
    assert near(before, (0, 0, 0))
    assert near(after, BLUE)


def test_hide_one_node(fig, chain):
    chain.nodes[1].set_visible(False)
    assert pixel(render(fig), chain, above_center(chain, 1)) == WHITE


def test_restyle_label_color(fig, chain):
    before = count_color(render(fig), RED)
    chain[1].label.set_color("red")
    after = count_color(render(fig), RED)
    assert after > before


def test_restyle_arrow_label_color(fig, chain):
    before = count_color(render(fig), MAGENTA)
    chain.arrow_labels[1].set_color("magenta")
    after = count_color(render(fig), MAGENTA)
    assert before == 0
    assert after > 0


def test_restyle_caption_color(fig, chain):
    chain.captions[0].set_color("magenta")
    assert count_color(render(fig), MAGENTA) > 0


def test_restyle_curve_color(fig, chain):
    chain.insets[0].curves[0].set_color("magenta")
    assert count_color(render(fig), MAGENTA) > 0


def test_restyle_gap_mark_color(fig, chain):
    chain.gap_marks[0].set_facecolor("magenta")
    assert count_color(render(fig), MAGENTA) > 0


def test_restyle_label_fontsize(fig, chain):
    render(fig)
    before = chain[2].label.get_window_extent().width
    chain[2].label.set_fontsize(20)
    render(fig)
    after = chain[2].label.get_window_extent().width
    assert after > 1.5 * before


def test_shrunk_draw_keeps_fontsize(ax):
    # An Axes 1 inch wide shrinks the chain, so its texts are drawn smaller.
    # The draw must restore the font size that the user set.
    ax.figure.set_size_inches(1, 1)
    chain = flowchain(ax, reference_stages())
    chain[0].label.set_fontsize(14)
    render(ax.figure)
    assert chain.get_scale() < 1
    assert chain[0].label.get_fontsize() == 14


def test_shrunk_draw_keeps_linewidth(ax):
    ax.figure.set_size_inches(1, 1)
    chain = flowchain(ax, reference_stages())
    chain.arrows[0].set_linewidth(3)
    render(ax.figure)
    assert chain.arrows[0].get_linewidth() == 3


# Whole-chain visibility and removal.

def test_chain_draws_something(fig, chain):
    assert not (render(fig) == 255).all()


def test_set_visible_false_blank(fig, chain):
    chain.set_visible(False)
    assert (render(fig) == 255).all()


def test_set_visible_true_restores(fig, chain):
    before = render(fig)
    chain.set_visible(False)
    render(fig)
    chain.set_visible(True)
    assert (render(fig) == before).all()


def test_remove_leaves_axes(ax, chain):
    chain.remove()
    assert chain not in ax.get_children()


def test_remove_restores_children(fig):
    ax = fig.add_axes((0, 0, 1, 1))
    before = ax.get_children()
    chain = flowchain(ax, reference_stages())
    chain.remove()
    assert ax.get_children() == before


def test_remove_blanks_figure(fig, chain):
    render(fig)
    chain.remove()
    assert (render(fig) == 255).all()


def test_chain_added_once(ax, chain):
    assert ax.get_children().count(chain) == 1


def test_chain_axes_set(ax, chain):
    assert chain.axes is ax


def test_flowchain_turns_axis_off(ax, chain):
    assert not ax.axison


def test_two_chains_share_axes(ax):
    first = flowchain(ax, ["z_0", "z_1"])
    second = flowchain(ax, ["x_0", "x_1"])
    children = ax.get_children()
    assert first in children
    assert second in children


# The "flowchain" projection and plain Axes.

def test_projection_registered():
    assert get_projection_class("flowchain") is FlowChainAxes


def test_projection_makes_flowchain_axes():
    ax = Figure().add_subplot(projection="flowchain")
    assert isinstance(ax, FlowChainAxes)


def test_projection_axis_off():
    ax = Figure().add_subplot(projection="flowchain")
    assert not ax.axison


def test_projection_clear_keeps_axis_off():
    ax = Figure().add_subplot(projection="flowchain")
    ax.clear()
    assert not ax.axison


def test_axes_method_draws_chain():
    ax = Figure().add_subplot(projection="flowchain")
    chain = ax.flowchain(["z_0", "z_1", "z_2"])
    assert chain in ax.get_children()


def test_axes_method_passes_options():
    ax = Figure().add_subplot(projection="flowchain")
    chain = ax.flowchain(["z_0", "z_1"], arrows=["g"])
    assert chain.arrow_labels[0].get_text() == "$g$"


def test_plain_axes_draws_chain():
    ax = Figure().add_subplot()
    chain = flowchain(ax, ["z_0", "z_1"])
    assert type(ax) is Axes
    assert chain in ax.get_children()


# What importing the package loads.

@pytest.fixture(scope="module")
def imported_modules():
    """Names in sys.modules after ``import mpl_flowchain`` in a fresh process."""
    source = Path(mpl_flowchain.__file__).resolve().parent.parent
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(source), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("MPLBACKEND", None)
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys, mpl_flowchain; print('\\n'.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True, env=env, timeout=120)
    return set(result.stdout.split())


def test_import_loads_package(imported_modules):
    assert "mpl_flowchain" in imported_modules


@pytest.mark.parametrize("heavy", ["matplotlib.pyplot", "scipy"])
def test_import_skips_heavy_module(imported_modules, heavy):
    loaded = [name for name in imported_modules
              if name == heavy or name.startswith(heavy + ".")]
    assert loaded == []
