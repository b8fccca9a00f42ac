"""Style fields are checked when a Style is made."""

import pytest
from matplotlib.figure import Figure

from mpl_flowchain import CM, TEX_PT, Style, flowchain


@pytest.mark.parametrize("changes, error, message", [
    ({"fontsize": "big"}, TypeError, "fontsize must be a number"),
    ({"node_radius": -5.0}, ValueError, "node_radius must be positive"),
    ({"node_distance": float("nan")}, ValueError, "node_distance must be finite"),
    ({"arrow_shorten": -1.0}, ValueError, "arrow_shorten must not be negative"),
    ({"arrow_color": "notacolour"}, ValueError, "arrow_color: 'notacolour'"),
    ({"node_facecolor": 12}, ValueError, "node_facecolor"),
    ({"inset_dashes": (1.0,)}, ValueError, "inset_dashes must be an even"),
    ({"gap_mark_position": 2.0}, ValueError, "gap_mark_position is a fraction"),
])
def test_invalid_field(changes, error, message):
    with pytest.raises(error, match=message):
        Style(**changes)


def test_option_checked_before_drawing():
    ax = Figure().add_subplot()
    before = ax.get_children()
    with pytest.raises(ValueError, match="curve_color"):
        flowchain(ax, ["z_0", "z_1"], curve_color="nope")
    assert ax.get_children() == before


def test_defaults_match_tikz():
    style = Style()
    assert style.node_radius == pytest.approx(11 * TEX_PT)
    assert style.node_distance == pytest.approx(2 * CM)
    assert style.gap_distance == pytest.approx(2.5 * CM)
    assert style.inset_radius == pytest.approx(12 / 10 * CM)
    assert style.inner_sep == pytest.approx(10 / 3 * TEX_PT)


def test_replace_returns_copy():
    style = Style()
    wider = style.replace(node_distance=3 * CM)
    assert wider.node_distance == pytest.approx(3 * CM)
    assert style.node_distance == pytest.approx(2 * CM)
