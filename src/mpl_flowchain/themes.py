"""Ready-made looks for a chain: ``"tikz"``, ``"cetz"`` and ``"paper"``.

A `Theme` pairs a `Style`, which the chain draws with, and a dict of
matplotlib rcParams (fonts, mathtext, line widths, colours) for the rest of
a figure.  The rcParams ship as style sheets too, so that
``plt.style.use("mpl_flowchain.cetz")`` gives other plots the same look::

    from mpl_flowchain import figure, themes

    fig, chain = figure(stages, theme="paper")
    themes.get("paper").style.node_facecolor

Style sheets hold only rcParams, so the chain's own settings (node sizes,
arrow heads, gap marks) live in the theme's `Style`.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field

from cycler import cycler

from .style import CM, Style

#: The eight colours of Okabe and Ito's palette for colour universal design,
#: which readers with any of the common colour vision deficiencies tell apart.
OKABE_ITO = types.MappingProxyType({
    "black": "#000000",
    "orange": "#e69f00",
    "sky blue": "#56b4e9",
    "bluish green": "#009e73",
    "yellow": "#f0e442",
    "blue": "#0072b2",
    "vermillion": "#d55e00",
    "reddish purple": "#cc79a7",
})

#: The theme that `get` returns for None, and the look of `Style()`.
DEFAULT_THEME = "tikz"

# The highlight green of the TikZ figure, green!70!black.
_TIKZ_GREEN = (0.0, 0.7, 0.0)


@dataclass(frozen=True)
class Theme:
    """A named look: a chain `Style` and the rcParams that go with it.

    Attributes
    ----------
    name : str
        The name that `get` takes, such as ``"cetz"``.
    style : Style
        Sizes in points, colours and fonts of the chain.
    rc : mapping
        matplotlib rcParams for the rest of the figure, read-only.  They
        equal the style sheet ``mpl_flowchain.<name>``.
    description : str
        One paragraph on what the theme looks like and where it comes from.
    """

    name: str
    style: Style
    rc: types.MappingProxyType = field(hash=False)
    description: str = ""

    @property
    def style_sheet(self):
        """The name that ``plt.style.use`` takes for this theme's rcParams."""
        return f"mpl_flowchain.{self.name}"


def get(name=None):
    """Return the theme called *name*; None returns the default, ``"tikz"``.

    A `Theme` is returned as it is, so callers can accept either.

    Raises
    ------
    ValueError
        If no theme has that name; the message lists the names.
    TypeError
        If *name* is neither a string, a `Theme` nor None.
    """
    if name is None:
        name = DEFAULT_THEME
    if isinstance(name, Theme):
        return name
    if not isinstance(name, str):
        raise TypeError(f"theme must be a theme name or a Theme, got {name!r}")
    try:
        return _THEMES[name]
    except KeyError:
        raise ValueError(
            f"unknown theme {name!r}; the themes are {', '.join(available())}"
        ) from None


def available():
    """Return the names of the themes, the default first."""
    return tuple(_THEMES)


def substitute_color(style, color):
    """Return the colour that *style* draws for a stage's *color*.

    The first pair of ``style.color_substitutions`` whose given colour
    equals *color* gives the drawn colour.  Colours are compared as RGBA,
    so ``"red"`` matches ``"#ff0000"``.  Any other colour, and None, is
    returned unchanged.
    """
    if color is None or not style.color_substitutions:
        return color
    from matplotlib.colors import to_rgba

    rgba = to_rgba(color)
    for given, drawn in style.color_substitutions:
        if to_rgba(given) == rgba:
            return drawn
    return color


def _hex(color):
    from matplotlib.colors import to_hex

    return to_hex(color, keep_alpha=False)


def _rc(style, serif):
    """Return the rcParams that match *style*, with *serif* as text fonts.

    Text is serif with Computer Modern math, lines are as wide as the
    inset curves, axes as wide as the inset axes, and the colour cycle
    runs through the inset curves' colours and line styles.
    """
    curves = ((style.curve_color, "solid"), *style.curve_styles[1:])
    return {
        "font.family": ["serif"],
        "font.serif": list(serif),
        "font.size": style.fontsize,
        "mathtext.fontset": style.math_fontfamily,
        # Tick labels then draw their minus sign in math, which cmr10 lacks.
        "axes.formatter.use_mathtext": True,
        "text.color": _hex(style.text_color),
        "axes.edgecolor": _hex(style.inset_axis_color),
        "axes.linewidth": style.inset_axis_linewidth,
        "lines.linewidth": style.curve_linewidth,
        "axes.prop_cycle": cycler(color=[_hex(color) for color, _ in curves],
                                  linestyle=[linestyle for _, linestyle in curves]),
        "image.cmap": style.inset_cmap,
    }


def _tikz():
    style = Style()
    return Theme(
        name="tikz",
        style=style,
        rc=types.MappingProxyType(_rc(style, ["cmr10", "DejaVu Serif"])),
        description=(
            "The TikZ figure that the package is modelled on: very thick (1.2 pt) "
            "lines, TikZ's 'to' arrow tips, light grey nodes with red and green "
            "highlights, dark blue density curves, and Computer Modern at 10 pt."),
    )


# CeTZ measures its canvas in centimetres and Typst its strokes and text in
# PostScript points, which are matplotlib's points.
_TYPST_STROKE = 1.0  # Typst's default stroke, 1 pt
_CETZ_NODE_RADIUS = 0.4 * CM
_CETZ_NODE_ANCHOR = _CETZ_NODE_RADIUS + _TYPST_STROKE / 2
_CETZ_NODE_SPACING = 3 * CM  # between node centres, gaps included
_CETZ_NODE_DISTANCE = _CETZ_NODE_SPACING - 2 * _CETZ_NODE_ANCHOR
_TYPST_GREY_TRANSPARENT = (170 / 255, 170 / 255, 170 / 255, 0.3)
_TYPST_BLUE_DARKENED = "#005dae"


def _cetz_style():
    """Return the `Style` of the CeTZ version of the figure.

    Each number is read off the CeTZ source of the figure, except those
    whose comment marks them as measured on the figure's 200 dpi PNG.
    """
    return Style(
        node_radius=_CETZ_NODE_RADIUS,  # circle(radius: 0.4)
        node_linewidth=_TYPST_STROKE,  # highlighted nodes keep the default stroke
        # Typst's gray is luma(170), and gray.transparentize(70%) leaves it
        # 30 % opaque, which is 229 of 255 on white.
        node_facecolor=_TYPST_GREY_TRANSPARENT,
        node_edgecolor="none",
        # Typst's red is #ff4136, the figure gives z_k rgb("#2d862d"), and
        # Typst's green and blue are #2ecc40 and #0074d9.
        color_substitutions=(
            ("red", "#ff4136"), (_TIKZ_GREEN, "#2d862d"),
            ("green", "#2ecc40"), ("blue", "#0074d9")),
        node_distance=_CETZ_NODE_DISTANCE,  # centres 3 apart
        gap_distance=_CETZ_NODE_DISTANCE,  # a gap adds no room in CeTZ
        arrow_linewidth=_TYPST_STROKE,
        arrow_color="black",
        # The mark's offset of 0.1 ends the tip 0.1 cm before the circle's path.
        arrow_shorten=0.1 * CM - _TYPST_STROKE / 2,
        # line("z0", "z1") starts on the circle's path, half a stroke inside
        # the border's outer edge, which a shortening cannot reach.
        arrow_start_shorten=0.0,
        # line("dots1.east", ...) starts at the east side of the dots, past 0.7
        # cm to their centre, half the width of $dots.c$ and padding 4pt.  It
        # measured 1.0 cm from the node's centre.
        gap_arrow_shorten=1.0 * CM - _CETZ_NODE_ANCHOR,
        arrow_head="triangle",  # mark: (end: ">", fill: black)
        head_scale=0.8,  # the arrows' mark scale
        inset_head_scale=0.5 / 0.8,  # the inset axes' mark scale is 0.5
        # content((rel: (0.7, 0), to: "z1"), $dots.c$): the dots' centre.
        gap_mark_position=(0.7 * CM - _CETZ_NODE_ANCHOR) / _CETZ_NODE_DISTANCE,
        gap_dot_diameter=1.13,  # measured
        gap_dot_pitch=3.03,  # measured
        gap_dot_shift=0.0,  # $dots.c$ is centred on its anchor
        # NOTE: CeTZ's dots sit 0.9 pt below the arrow (measured), and the
        # chain draws them on it.
        gap_mark_color="black",
        fontsize=11.0,  # Typst's default text size
        math_fontfamily="cm",  # Typst's math font, New Computer Modern Math
        text_color="black",
        # Labels keep 3 pt of padding from their anchor and no outer sep.
        # The layout pads every text by a third of an em, 3.67 pt at 11 pt.
        text_outer_sep=0.0,
        suffix_scale=1.0,  # $= x$ is set at the text size
        inset_radius=1.0 * CM,  # circle(radius: 1)
        # The circle's centre is 0.3 above the axis, which is 2 below the
        # node's centre, so its top is 0.7 below the node's centre.
        inset_gap=(1.7 - 1.0) * CM - _CETZ_NODE_ANCHOR - _TYPST_STROKE / 2,
        inset_linewidth=_TYPST_STROKE,
        inset_dashes=(3.0, 3.0),  # Typst's "dashed" is 3 pt on, 3 pt off
        inset_edgecolor="black",
        inset_axis_drop=0.3 * CM,
        inset_xaxis=(-0.8 * CM, 0.8 * CM),  # line((x - 0.8, y), (x + 0.8, y))
        inset_yaxis=(-0.5 * CM, 1.1 * CM),  # line((x, y - 0.5), (x, y + 1.1))
        # The plot is 1.1 high for densities from 0 to y-max 1.5.
        inset_unit=1.1 / 1.5 * CM,
        inset_axis_linewidth=_TYPST_STROKE,
        inset_axis_color="black",
        # blue.darken(20%) scales each sRGB component of #0074d9 by 0.8.
        curve_color=_TYPST_BLUE_DARKENED,
        curve_linewidth=1.2,  # stroke: ... + 1.2pt
        # Further curves: Typst's red, green and purple with its "dashed",
        # "dotted" and "dash-dotted" patterns, in multiples of the 1.2 pt line.
        curve_styles=(
            (_TYPST_BLUE_DARKENED, "solid"),
            ("#ff4136", (0, (2.5, 2.5))),
            ("#2ecc40", (0, (1.0, 2 / 1.2))),
            ("#b10dc9", (0, (2.5, 2 / 1.2, 1.0, 2 / 1.2))),
        ),
    )


def _cetz():
    style = _cetz_style()
    return Theme(
        name="cetz",
        style=style,
        # Typst sets text in Libertinus Serif.  DejaVu Serif, which matplotlib
        # ships, replaces it where it is not installed.
        rc=types.MappingProxyType(_rc(style, ["Libertinus Serif", "DejaVu Serif"])),
        description=(
            "The CeTZ (Typst) version of the figure: 1 pt lines, filled "
            "triangular arrow heads, nodes 3 cm apart with gaps no wider, "
            "Typst's red and a dark green for highlights, curves in Typst's "
            "blue darkened by 20 %, and Computer Modern math at 11 pt."),
    )


def _paper_style():
    """Return the `Style` of the grey-scale and colour-blind-safe theme."""
    ito = OKABE_ITO
    return Style(
        # 15 % black, a little darker than the TikZ look's 10 %.
        node_facecolor=(0.85, 0.85, 0.85),
        # Red and green highlights become Okabe-Ito orange and bluish
        # green, which also differ in grey: their luma (ITU-R 601) is 162
        # and 106 of 255, and the faces' 217.
        color_substitutions=(
            ("red", ito["orange"]), ("tab:red", ito["orange"]),
            (_TIKZ_GREEN, ito["bluish green"]), ("green", ito["bluish green"]),
            ("tab:green", ito["bluish green"]),
            ("blue", ito["blue"]), ("tab:blue", ito["blue"]),
        ),
        curve_color=ito["blue"],
        # Line styles tell the curves apart where colours print alike.
        curve_styles=(
            (ito["blue"], "solid"),
            (ito["vermillion"], (0, (3.0, 1.5))),
            (ito["bluish green"], (0, (1.0, 1.2))),
            (ito["reddish purple"], (0, (4.0, 1.2, 1.0, 1.2))),
        ),
        # cividis was designed for colour vision deficiency, and its
        # lightness grows steadily, so it also reads in grey.
        inset_cmap="cividis",
    )


def _paper():
    style = _paper_style()
    return Theme(
        name="paper",
        style=style,
        rc=types.MappingProxyType(_rc(style, ["cmr10", "DejaVu Serif"])),
        description=(
            "The TikZ layout for print: grey nodes, highlights and curves from "
            "the Okabe-Ito palette, which colour-blind readers can tell apart, "
            "in colours that also differ in grey or in line style, the cividis "
            "colour map, and Computer Modern at 10 pt."),
    )


_THEMES = {theme.name: theme for theme in (_tikz(), _cetz(), _paper())}
