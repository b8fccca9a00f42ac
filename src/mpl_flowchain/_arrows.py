"""Arrows with TikZ's default ``to`` tip or a filled triangle, as matplotlib patches."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path

# TikZ's "to" tip, in units of the shaft's line width, with the tip's apex
# (the centre of its stroke) at the origin and the shaft along -x.  The
# barbs are cubic Bezier curves from their ends to the apex.  Values read
# off pdflatex's output for a 1.2 pt line.
_BARB_END = (-2.0, 2.133)
_BARB_CONTROL_1 = (-1.868, 1.335)
_BARB_CONTROL_2 = (-0.400, 0.134)
# The shaft stops this far behind the apex, so that its butt end hides
# under the barbs.
_SHAFT_SETBACK = 0.4
# The tip is stroked at this fraction of the shaft's width; half of that
# stroke lies beyond the apex, and the arrow's end point is where it ends.
HEAD_STROKE = 0.8

# CeTZ's default mark is 0.2 cm long and 0.15 cm wide whatever the line
# width.  These are those sizes in multiples of a 1 pt line.
_TRIANGLE_LENGTH = 0.2 * 72 / 2.54
_TRIANGLE_WIDTH = 0.15 * 72 / 2.54


class TikzTip:
    """Arrow style for `FancyArrowPatch`: a shaft with TikZ's ``to`` tip.

    The size of the tip follows the patch's *mutation_scale* in points,
    which `FlowArrow` sets to the shaft's line width, so that the tip
    grows with the line as TikZ's does.  The ink of the tip ends at the
    end of the arrow's path.
    """

    def __init__(self):
        self.part = "both"

    def __call__(self, path, mutation_size, linewidth, aspect_ratio=1):
        vertices = np.asarray(path.vertices, dtype=float)
        end = vertices[-1]
        before = vertices[-2]
        direction = end - before
        length = np.hypot(*direction)
        if length == 0:
            return path, False
        direction /= length
        normal = np.array([-direction[1], direction[0]])
        unit = mutation_size
        apex = end - direction * HEAD_STROKE * unit / 2
        shaft_end = apex - direction * _SHAFT_SETBACK * unit

        def point(x, y):
            return apex + direction * x * unit + normal * y * unit

        shaft = Path(np.vstack([vertices[:-1], shaft_end]),
                     None if path.codes is None else path.codes)
        barb_points, barb_codes = [], []
        for side in (1, -1):
            barb_points += [point(_BARB_END[0], side * _BARB_END[1]),
                            point(_BARB_CONTROL_1[0], side * _BARB_CONTROL_1[1]),
                            point(_BARB_CONTROL_2[0], side * _BARB_CONTROL_2[1]),
                            apex]
            barb_codes += [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4]
        head = Path(np.array(barb_points), barb_codes)
        if self.part == "shaft":
            return shaft, False
        if self.part == "head":
            return head, False
        return Path.make_compound_path(shaft, head), False


class TriangleTip:
    """Arrow style for `FancyArrowPatch`: a shaft with a filled triangle.

    The triangle is *length* long and *width* wide in multiples of the
    patch's *mutation_scale* in points, which `FlowArrow` sets to the
    shaft's line width times the style's *head_scale*.  The defaults are
    CeTZ's ``">"`` mark for a 1 pt line.  As CeTZ does, the triangle's
    outline is stroked as wide as the shaft with mitred corners, so the
    ink is the triangle grown by half a line width on every side.  The
    head is drawn as that grown triangle, filled and not stroked, so it
    looks the same in every backend, and its apex ends at the end of the
    arrow's path.
    """

    def __init__(self, length=_TRIANGLE_LENGTH, width=_TRIANGLE_WIDTH):
        if not length > 0 or not width > 0:
            raise ValueError(f"TriangleTip: length and width must be positive, "
                             f"got {length!r} and {width!r}")
        self.length = float(length)
        self.width = float(width)
        self.part = "both"

    def __call__(self, path, mutation_size, linewidth, aspect_ratio=1):
        vertices = np.asarray(path.vertices, dtype=float)
        end = vertices[-1]
        direction = end - vertices[-2]
        distance = np.hypot(*direction)
        if distance == 0:
            return path, False
        direction /= distance
        normal = np.array([-direction[1], direction[0]])
        length = self.length * mutation_size
        half_width = self.width * mutation_size / 2

        # Growing a triangle by a stroke of half width *grow* with mitred
        # corners scales it about its incentre by (r + grow) / r, where r
        # is its inradius.
        grow = linewidth / 2
        side = np.hypot(length, half_width)
        inradius = length * half_width / (half_width + side)
        factor = (inradius + grow) / inradius
        apex = end - direction * (length - inradius) * (factor - 1)
        base = apex - direction * length
        incentre = apex - direction * (length - inradius)
        corners = np.array([apex, base + normal * half_width,
                            base - normal * half_width])
        outline = incentre + (corners - incentre) * factor
        head = Path(np.vstack([outline, outline[:1]]),
                    [Path.MOVETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY])

        # The shaft stops at the triangle's base, under the grown head.
        shaft = Path(np.vstack([vertices[:-1], base]),
                     None if path.codes is None else path.codes)
        if self.part == "shaft":
            return shaft, False
        if self.part == "head":
            return head, True
        return [shaft, head], [False, True]


def arrow_style(style):
    """Return a new arrow style object for the arrows of a `Style`.

    A `TikzTip` when ``style.arrow_head`` is ``"tikz"`` and a
    `TriangleTip` when it is ``"triangle"``.  Give each `FlowArrow` its
    own object, because drawing changes its *part* for a moment.
    """
    if style.arrow_head == "triangle":
        return TriangleTip()
    if style.arrow_head == "tikz":
        return TikzTip()
    raise ValueError(f"unknown arrow_head {style.arrow_head!r}; expected 'tikz' "
                     "or 'triangle'")


def head_half_width(style, linewidth):
    """Return how far a head reaches sideways from its shaft, in points.

    *linewidth* is the shaft's width in points, and the head's size is
    *linewidth* times ``style.head_scale``, as `FlowArrow` draws it.
    """
    unit = linewidth * style.head_scale
    if style.arrow_head == "triangle":
        tip = TriangleTip()
        length = tip.length * unit
        half_width = tip.width * unit / 2
        inradius = length * half_width / (half_width + np.hypot(length, half_width))
        return half_width * (inradius + linewidth / 2) / inradius
    return unit * 2.55


class FlowArrow(FancyArrowPatch):
    """A straight or bent arrow whose tip is TikZ's ``to`` tip.

    With the default `TikzTip` style the barbs are stroked at 0.8 times
    the shaft's width, solid and with round caps, as TikZ draws them.
    With a `TriangleTip` the head is filled in the arrow's edge colour and
    stays solid when the shaft is dashed.  Any other arrow style of
    `FancyArrowPatch` may be set instead.
    """

    def __init__(self, posA=None, posB=None, **kwargs):
        kwargs.setdefault("arrowstyle", TikzTip())
        kwargs.setdefault("shrinkA", 0)
        kwargs.setdefault("shrinkB", 0)
        kwargs.setdefault("capstyle", "butt")
        kwargs.setdefault("joinstyle", "round")
        super().__init__(posA, posB, **kwargs)

    def draw(self, renderer):
        style = self.get_arrowstyle()
        if isinstance(style, TriangleTip) and self.get_visible():
            self._draw_triangle(renderer, style)
            return
        if not isinstance(style, TikzTip) or not self.get_visible():
            super().draw(renderer)
            return
        linewidth = self.get_linewidth()
        linestyle = self.get_linestyle()
        capstyle = self.get_capstyle()
        try:
            style.part = "shaft"
            super().draw(renderer)
            style.part = "head"
            self.set_linewidth(linewidth * HEAD_STROKE)
            self.set_linestyle("solid")
            self.set_capstyle("round")
            super().draw(renderer)
        finally:
            style.part = "both"
            self.set_linewidth(linewidth)
            self.set_linestyle(linestyle)
            self.set_capstyle(capstyle)

    def _draw_triangle(self, renderer, style):
        facecolor = self.get_facecolor()
        edgecolor = self.get_edgecolor()
        try:
            style.part = "shaft"
            super().draw(renderer)
            style.part = "head"
            self.set_facecolor(edgecolor)
            self.set_edgecolor("none")
            super().draw(renderer)
        finally:
            style.part = "both"
            self.set_facecolor(facecolor)
            self.set_edgecolor(edgecolor)
