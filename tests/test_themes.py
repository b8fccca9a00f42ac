"""Themes: their names, styles, style sheets and the figures they draw."""

import fnmatch
import pathlib
from importlib.resources import files

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import rc_params_from_file
from matplotlib.colors import to_hex, to_rgba
from matplotlib.path import Path

from mpl_flowchain import CM, Style, figure, reference_stages, themes
from mpl_flowchain._arrows import (
    FlowArrow,
    TikzTip,
    TriangleTip,
    arrow_style,
    head_half_width,
)

ROOT = pathlib.Path(__file__).parent.parent
BASELINES = ROOT / "baseline_images"
compare = pytest.mark.mpl_image_compare(baseline_dir=str(BASELINES),
                                        savefig_kwargs={"dpi": 150})
NAMES = ("tikz", "cetz", "paper")

def draw(name):
    """Return the reference figure and chain drawn in theme *name*."""
    return figure(reference_stages(), arrows="auto", theme=name)


# Names and lookup.

def test_available_names():
    assert themes.available() == NAMES


def test_unknown_name_lists_themes():
    with pytest.raises(ValueError, match="unknown theme 'tikzz'; the themes are "
                                         "tikz, cetz, paper"):
        themes.get("tikzz")


def test_name_of_wrong_type():
    with pytest.raises(TypeError, match="theme must be a theme name or a Theme"):
        themes.get(3)


def test_none_gives_default():
    assert themes.get(None).name == "tikz"


def test_theme_passes_through():
    theme = themes.get("paper")
    assert themes.get(theme) is theme


def test_default_style_unchanged():
    assert themes.get("tikz").style == Style()


def test_rc_read_only():
    with pytest.raises(TypeError):
        themes.get("cetz").rc["font.size"] = 12


def test_style_sheet_name():
    assert themes.get("cetz").style_sheet == "mpl_flowchain.cetz"


# Style sheets.

@pytest.mark.parametrize("name", NAMES)
def test_sheet_matches_rc(name):
    theme = themes.get(name)
    path = files("mpl_flowchain") / f"{name}.mplstyle"
    parsed = rc_params_from_file(path, use_default_template=False)
    expected = mpl.RcParams(theme.rc)
    assert sorted(parsed) == sorted(expected)
    for key in expected:
        assert parsed[key] == expected[key], key


@pytest.mark.parametrize("name", NAMES)
def test_style_use_loads_sheet(name):
    theme = themes.get(name)
    expected = mpl.RcParams(theme.rc)
    with mpl.rc_context():
        plt.style.use(f"mpl_flowchain.{name}")
        for key in expected:
            assert mpl.rcParams[key] == expected[key], key


def test_changed_value_detected():
    # The comparison above must see a changed colour inside the cycler.
    rc = dict(themes.get("cetz").rc)
    rc["axes.prop_cycle"] = mpl.cycler(color=["#005dae"])
    assert mpl.RcParams(rc)["axes.prop_cycle"] != mpl.RcParams(
        themes.get("cetz").rc)["axes.prop_cycle"]


@pytest.mark.parametrize("name", NAMES)
def test_rc_follows_style(name):
    theme = themes.get(name)
    style, rc = theme.style, mpl.RcParams(theme.rc)
    assert rc["font.size"] == style.fontsize
    assert rc["mathtext.fontset"] == style.math_fontfamily
    assert rc["lines.linewidth"] == style.curve_linewidth
    assert rc["axes.linewidth"] == style.inset_axis_linewidth
    assert rc["image.cmap"] == style.inset_cmap
    assert to_hex(rc["text.color"]) == to_hex(style.text_color)
    cycle = rc["axes.prop_cycle"].by_key()
    assert cycle["color"][0] == to_hex(style.curve_color)
    expected = [to_hex(color) for color, _ in style.curve_styles[1:]]
    assert cycle["color"][1:] == expected


def test_sheets_in_package_data():
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["mpl_flowchain"]
    for name in NAMES:
        sheet = f"{name}.mplstyle"
        assert any(fnmatch.fnmatch(sheet, pattern) for pattern in patterns), sheet


# The CeTZ numbers, in layout points.

def test_cetz_node_geometry():
    _, chain = draw("cetz")
    centres = [node.center[0] for node in chain.layout.nodes]
    assert np.diff(centres) == pytest.approx([3 * CM] * 4)
    assert chain.layout.nodes[0].radius == pytest.approx(0.4 * CM)


def test_cetz_inset_geometry():
    _, chain = draw("cetz")
    node, inset = chain.layout.nodes[0], chain.layout.insets[0]
    assert inset.radius == pytest.approx(1.0 * CM)
    assert node.center[1] - inset.center[1] == pytest.approx(1.7 * CM)
    assert node.center[1] - inset.origin[1] == pytest.approx(2.0 * CM)
    assert inset.xaxis == pytest.approx((-0.8 * CM, 0.8 * CM))
    assert inset.yaxis == pytest.approx((-0.5 * CM, 1.1 * CM))


def test_cetz_arrow_tip_gap():
    _, chain = draw("cetz")
    arrow, target = chain.layout.arrows[0], chain.layout.nodes[1]
    assert target.center[0] - arrow.end[0] == pytest.approx(0.5 * CM)


def test_cetz_text_size():
    assert themes.get("cetz").style.fontsize == 11.0


def test_cetz_arrow_starts_on_node():
    _, chain = draw("cetz")
    arrow, source = chain.layout.arrows[0], chain.layout.nodes[0]
    # On the border's outer edge, half a 1 pt stroke outside CeTZ's start.
    assert arrow.start[0] - source.center[0] == pytest.approx(0.4 * CM + 0.5)


def test_cetz_draws_triangles():
    _, chain = draw("cetz")
    assert isinstance(chain.arrows[0].get_arrowstyle(), TriangleTip)
    assert isinstance(chain.insets[0].xaxis.get_arrowstyle(), TriangleTip)


def test_cetz_highlight_colours():
    _, chain = draw("cetz")
    assert chain.nodes[0].get_edgecolor() == to_rgba("#ff4136")
    assert chain.nodes[4].get_edgecolor() == to_rgba("#2d862d")


# Colour substitutions.

def test_substitute_red_cetz():
    style = themes.get("cetz").style
    assert themes.substitute_color(style, "red") == "#ff4136"


def test_substitute_matches_rgba():
    style = themes.get("cetz").style
    assert themes.substitute_color(style, (1.0, 0.0, 0.0)) == "#ff4136"


def test_substitute_keeps_others():
    style = themes.get("cetz").style
    assert themes.substitute_color(style, "tab:purple") == "tab:purple"
    assert themes.substitute_color(style, None) is None


def test_default_substitutes_nothing():
    assert themes.substitute_color(Style(), "red") == "red"


# The "paper" theme.

def test_paper_colours_okabe_ito():
    style = themes.get("paper").style
    palette = set(themes.OKABE_ITO.values())
    for _, drawn in style.color_substitutions:
        assert drawn in palette, drawn
    for color, _ in style.curve_styles:
        assert color in palette, color
    assert style.curve_color in palette


def test_paper_curves_distinct_dashes():
    styles = [linestyle for _, linestyle in themes.get("paper").style.curve_styles]
    assert len(set(map(str, styles))) == len(styles)


def _luma(fig):
    """Return the figure's pixels as ITU-R 601 luma, 0 to 255."""
    fig.canvas.draw()
    rgb = np.asarray(fig.canvas.buffer_rgba())[:, :, :3].astype(float)
    return rgb @ np.array([0.299, 0.587, 0.114])


def _ring_luma(luma, circle, inner, outer):
    """Return the median luma between *inner* and *outer* radii of *circle*.

    The radii are fractions of the circle's radius.
    """
    # The data transform maps layout points to pixels; get_transform would
    # also apply the circle's own centre and radius.
    transform = circle.get_data_transform()
    cx, cy = transform.transform(circle.center)
    edge_x, _ = transform.transform((circle.center[0] + circle.get_radius(),
                                     circle.center[1]))
    radius = edge_x - cx
    rows, cols = np.indices(luma.shape)
    distance = np.hypot(cols + 0.5 - cx, luma.shape[0] - rows - 0.5 - cy)
    ring = (distance >= inner * radius) & (distance <= outer * radius)
    return float(np.median(luma[ring]))


def test_paper_grey_scale():
    fig, chain = draw("paper")
    fig.set_dpi(300)
    luma = _luma(fig)
    width = chain.layout.nodes[0].linewidth / 2 / chain.layout.nodes[0].radius
    first = _ring_luma(luma, chain.nodes[0], 1 - width / 2, 1 + width / 2)
    last = _ring_luma(luma, chain.nodes[4], 1 - width / 2, 1 + width / 2)
    face = _ring_luma(luma, chain.nodes[1], 0.6, 0.8)
    # 40 of 255 (16 %) is a chosen margin, not a measured limit of print.
    assert abs(first - last) >= 40
    assert abs(face - first) >= 40
    assert abs(face - last) >= 40


# Arrow heads.

def test_arrow_style_per_head():
    assert isinstance(arrow_style(Style()), TikzTip)
    assert isinstance(arrow_style(Style(arrow_head="triangle")), TriangleTip)


def test_arrow_style_new_object():
    style = Style(arrow_head="triangle")
    assert arrow_style(style) is not arrow_style(style)


def _triangle(mutation_size, linewidth, part):
    tip = TriangleTip()
    tip.part = part
    path, _ = tip(Path([(0.0, 0.0), (100.0, 0.0)]), mutation_size, linewidth)
    return path.vertices


def test_triangle_ink_ends_at_path_end():
    head = _triangle(0.8, 1.0, "head")
    assert head[:, 0].max() == pytest.approx(100.0)


def test_triangle_mitred_apex():
    # CeTZ's 0.16 by 0.12 cm mark on a 1 pt line: the stroke's mitre reaches
    # 0.5 pt / sin(atan(0.06 / 0.16)) = 1.424 pt past the triangle's apex.
    head = _triangle(0.8, 1.0, "head")
    length = head[:, 0].max() - head[:, 0].min()
    assert length == pytest.approx(0.16 * CM + 1.424 + 0.5, abs=0.01)


def test_triangle_half_width():
    head = _triangle(0.8, 1.0, "head")
    style = Style(arrow_head="triangle", head_scale=0.8)
    assert head[:, 1].max() == pytest.approx(head_half_width(style, 1.0))


def test_triangle_shaft_under_head():
    shaft = _triangle(0.8, 1.0, "shaft")
    head = _triangle(0.8, 1.0, "head")
    assert shaft[-1, 0] > head[:, 0].min()
    assert shaft[-1, 0] < head[:, 0].max()


def test_triangle_head_stays_solid():
    fig = plt.figure(figsize=(1, 0.5), dpi=200)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 100)
    ax.set_ylim(-10, 10)
    arrow = FlowArrow((5, 0), (95, 0), arrowstyle=TriangleTip(), linewidth=1.0,
                      mutation_scale=0.8, color="black", linestyle="--")
    ax.add_patch(arrow)
    luma = _luma(fig)
    tip_x, tip_y = ax.transData.transform((93.0, 0.0))
    row = int(luma.shape[0] - tip_y)
    assert luma[row, int(tip_x)] < 64
    assert arrow.get_linestyle() == "--"
    assert arrow.get_edgecolor() == to_rgba("black")
    assert arrow.get_facecolor() == to_rgba("black")


# New Style fields are checked.

@pytest.mark.parametrize("changes, error, message", [
    ({"arrow_head": "stealth"}, ValueError, "arrow_head must be one of tikz"),
    ({"arrow_start_shorten": -1.0}, ValueError, "arrow_start_shorten must be"),
    ({"arrow_start_shorten": "0"}, TypeError, "arrow_start_shorten must be None"),
    ({"inset_head_scale": 0.0}, ValueError, "inset_head_scale must be positive"),
    ({"color_substitutions": (("red",),)}, ValueError, r"color_substitutions\[0\]"),
    ({"color_substitutions": (("red", "nope"),)}, ValueError, "'nope' is not"),
    ({"color_substitutions": [("red", "blue")]}, TypeError, "must be a tuple"),
])
def test_invalid_theme_field(changes, error, message):
    with pytest.raises(error, match=message):
        Style(**changes)


# Drawn figures.

@compare
def test_tikz_figure():
    fig, _ = draw("tikz")
    return fig


@compare
def test_cetz_figure():
    fig, _ = draw("cetz")
    return fig


@compare
def test_paper_figure():
    fig, _ = draw("paper")
    return fig
