"""Arrows with TikZ's default ``to`` tip, as matplotlib patches."""

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


class FlowArrow(FancyArrowPatch):
    """A straight or bent arrow whose tip is TikZ's ``to`` tip.

    With the default `TikzTip` style the barbs are stroked at 0.8 times
    the shaft's width, solid and with round caps, as TikZ draws them.
    Any other arrow style of `FancyArrowPatch` may be set instead.
    """

    def __init__(self, posA, posB, **kwargs):
        kwargs.setdefault("arrowstyle", TikzTip())
        kwargs.setdefault("shrinkA", 0)
        kwargs.setdefault("shrinkB", 0)
        kwargs.setdefault("capstyle", "butt")
        kwargs.setdefault("joinstyle", "round")
        super().__init__(posA, posB, **kwargs)

    def draw(self, renderer):
        style = self.get_arrowstyle()
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
