"""Every size, colour and font of a chain, in one frozen dataclass.

Sizes are matplotlib points (1/72 inch).  The defaults reproduce the TikZ
figure that the package is modelled on, whose sizes are TeX points
(1/72.27 inch): `TEX_PT` converts them.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

#: One TeX point (1/72.27 inch) in matplotlib points (1/72 inch).
TEX_PT = 72 / 72.27
#: One centimetre in matplotlib points.
CM = 72 / 2.54
#: One millimetre in matplotlib points.
MM = CM / 10

_FONT_SIZE = 10 * TEX_PT
# The x-height of Computer Modern Roman at 10 pt (cmr10's fontdimen5), which
# TikZ's "5ex" arrow shortening after a gap refers to.
_EX = 4.30554 * TEX_PT


@dataclass(frozen=True)
class Style:
    """Sizes, colours and fonts of a chain.

    All lengths are matplotlib points (1/72 inch).  The defaults reproduce
    a TikZ figure drawn with ``very thick`` lines, 22 pt nodes two
    centimetres apart and inset circles of radius 12 mm.  Build a variant
    with `dataclasses.replace` or `Style.replace`.
    """

    # Nodes.
    node_radius: float = 11 * TEX_PT
    """Radius of the node circle's path; the border is centred on it."""
    node_linewidth: float = 1.2 * TEX_PT
    node_facecolor: object = (0.9, 0.9, 0.9)
    node_edgecolor: object = "none"
    color_substitutions: tuple = ()
    """Pairs ``(given, drawn)`` of colours: a stage's edgecolor or facecolor
    equal to *given* is drawn in *drawn*.  A theme uses them to redraw the
    highlight colours of stages written for another look in its own."""
    node_distance: float = 2 * CM
    """Room between the outer edges of two neighbouring nodes' borders."""
    gap_distance: float = 2.5 * CM
    """Room between the outer edges of two nodes' borders across a gap."""

    # Arrows.
    arrow_linewidth: float = 1.2 * TEX_PT
    arrow_color: object = "black"
    arrow_shorten: float = 3 * TEX_PT
    """Room between a node's border and the end of an arrow."""
    arrow_start_shorten: float | None = None
    """Room between a node's border and the start of an arrow that does not
    follow a gap; None takes *arrow_shorten*."""
    gap_arrow_shorten: float = 5 * _EX
    """Room between the left node's border and the start of an arrow
    across a gap, where the gap mark sits."""
    parallel_arrow_offset: float = 4 * TEX_PT
    """Distance of each of two opposite arrows between the same nodes from
    the line through the nodes' centres."""
    turn_radius: float = 6 * TEX_PT
    """Radius of the rounded corners of an arrow from one row to the next."""
    image_radius: float = 0.6 * CM
    """Radius (or half side) of a node that shows an image."""
    head_scale: float = 1.0
    """Size of the arrow head as a multiple of TikZ's default ``to`` tip,
    whose size follows the shaft's line width."""
    head_linewidth_ratio: float = 0.8
    """Stroke width of the barbs as a fraction of the shaft's."""
    arrow_head: str = "tikz"
    """Shape of the arrow heads: ``"tikz"``, TikZ's ``to`` tip, or
    ``"triangle"``, a filled triangle as CeTZ's ``">"`` mark draws it."""

    # Gap marks: three dots.
    gap_mark_position: float = 0.16
    """Centre of the dots as a fraction of the border-to-border path."""
    gap_dot_diameter: float = 1.56 * TEX_PT
    gap_dot_pitch: float = 5.11 * TEX_PT
    """Distance between the centres of neighbouring dots."""
    gap_dot_shift: float = -0.96 * TEX_PT
    """Offset of the middle dot from the mark's centre along the arrow;
    TeX's ``\\dots`` ends in a kern, so its dots sit left of its centre."""
    gap_mark_color: object = "black"

    # Text.
    fontsize: float = _FONT_SIZE
    math_fontfamily: str = "cm"
    text_color: object = "black"
    text_outer_sep: float = 0.6 * TEX_PT
    """Room that an anchor keeps outside a text's padded box."""
    suffix_scale: float = 1.2
    tex_spacing: bool = True
    """Give relations and binary operators TeX's spacing in mathtext."""
    usetex: bool = False
    """Typeset every text with LaTeX (matplotlib's ``usetex``) and lay the
    chain out with TeX's metrics; needs latex, dvipng, type1cm and cm-super."""

    # Insets.
    inset_radius: float = 12 * MM
    inset_gap: float = 0.2 * CM
    """Room between a node's border and the top of its inset's stroke."""
    inset_linewidth: float = 0.8 * TEX_PT
    inset_dashes: tuple = (2.3 * TEX_PT, 2 * TEX_PT)
    """Dash pattern of the inset circle, on and off lengths in points."""
    inset_edgecolor: object = "black"
    inset_unit: float = CM
    """Length of one unit of the density's variable on the inset's axis."""
    inset_axis_drop: float = 0.4 * CM
    """Distance from the inset's centre down to its horizontal axis."""
    inset_xaxis: tuple = (-CM, CM)
    inset_yaxis: tuple = (-0.5 * CM, 1.25 * CM)
    """Ends of the vertical axis relative to the horizontal axis."""
    inset_axis_linewidth: float = 0.8 * TEX_PT
    inset_axis_color: object = "black"
    inset_head_scale: float = 1.0
    """Size of the heads of the inset axes as a multiple of *head_scale*,
    at the axes' line width."""
    inset_cmap: object = "Blues"
    """Colour map of two-dimensional densities."""
    curve_color: object = (0.0, 0.0, 0.6)
    curve_linewidth: float = 1.2 * TEX_PT
    curve_styles: tuple = (
        ((0.0, 0.0, 0.6), "solid"),
        ((0.8, 0.33, 0.0), (0, (3.0, 1.5))),
        ((0.0, 0.45, 0.25), (0, (1.0, 1.2))),
        ((0.55, 0.0, 0.45), (0, (4.0, 1.2, 1.0, 1.2))),
    )
    """Colour and line style of the first, second, ... curve of an inset,
    after the first, which takes *curve_color*; dashes tell them apart in
    grey scale."""

    @property
    def inner_sep(self):
        """Padding around each text, one third of an em as in TikZ."""
        return self.fontsize / 3

    def __post_init__(self):
        for item in dataclasses.fields(self):
            _check_field(item.name, getattr(self, item.name))

    def replace(self, **changes):
        """Return a copy of this style with *changes* applied."""
        return dataclasses.replace(self, **changes)


_POSITIVE = frozenset({
    "node_radius", "fontsize", "inset_radius", "inset_unit", "suffix_scale",
    "head_scale", "head_linewidth_ratio", "gap_dot_pitch", "image_radius",
    "inset_head_scale",
})
ARROW_HEADS = ("tikz", "triangle")
_SIGNED = frozenset({"gap_dot_shift"})


def _check_field(name, value):
    """Raise if a style field has a value that cannot be drawn."""
    if name in _SPECIAL_CHECKS:
        _SPECIAL_CHECKS[name](value)
        return
    if name.endswith("color"):
        from matplotlib.colors import to_rgba

        try:
            to_rgba(value)
        except (ValueError, TypeError):
            raise ValueError(
                f"Style: {name}: {value!r} is not a valid matplotlib colour"
            ) from None
        return
    default = _DEFAULTS.get(name)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(f"Style: {name} must be True or False, got {value!r}")
        return
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"Style: {name} must be a number of points, got {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"Style: {name} must be finite, got {value!r}")
        if name in _POSITIVE and value <= 0:
            raise ValueError(f"Style: {name} must be positive, got {value!r}")
        if name not in _POSITIVE and name not in _SIGNED and value < 0:
            raise ValueError(f"Style: {name} must not be negative, got {value!r}")
        if name == "gap_mark_position" and value > 1:
            raise ValueError(f"Style: gap_mark_position is a fraction of the "
                             f"arrow's path, from 0 to 1; got {value!r}")
    if name == "inset_dashes":
        if len(value) < 2 or len(value) % 2 or any(
                not isinstance(v, (int, float)) or not v > 0 for v in value):
            raise ValueError(
                "Style: inset_dashes must be an even number of positive lengths "
                f"(on, off, ...) in points, got {value!r}"
            )


def _check_arrow_head(value):
    if value not in ARROW_HEADS:
        raise ValueError(f"Style: arrow_head must be one of {', '.join(ARROW_HEADS)}, "
                         f"got {value!r}")


def _check_start_shorten(value):
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("Style: arrow_start_shorten must be None or a number of "
                        f"points, got {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError("Style: arrow_start_shorten must be finite and not "
                         f"negative, got {value!r}")


def _check_substitutions(value):
    from matplotlib.colors import to_rgba

    if not isinstance(value, tuple):
        raise TypeError("Style: color_substitutions must be a tuple of "
                        f"(given, drawn) colour pairs, got {value!r}")
    for index, pair in enumerate(value):
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise ValueError(f"Style: color_substitutions[{index}] must be a "
                             f"(given, drawn) pair of colours, got {pair!r}")
        for color in pair:
            try:
                to_rgba(color)
            except (ValueError, TypeError):
                raise ValueError(
                    f"Style: color_substitutions[{index}]: {color!r} is not a "
                    "valid matplotlib colour"
                ) from None


_SPECIAL_CHECKS = {
    "arrow_head": _check_arrow_head,
    "arrow_start_shorten": _check_start_shorten,
    "color_substitutions": _check_substitutions,
}
_DEFAULTS = {}
#: The default style.
DEFAULT = Style()
_DEFAULTS.update({item.name: item.default for item in dataclasses.fields(Style)})
