"""Matplotlib artists made from a `Layout`, and the transform that places them."""

from __future__ import annotations

import contextlib

import matplotlib as mpl
import numpy as np
from matplotlib.artist import Artist
from matplotlib.patches import Circle, PathPatch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Affine2DBase, Bbox

from ._arrows import FlowArrow
from ._tex import ChainText


class ChainTransform(Affine2DBase):
    """Map a chain's layout, in points, to display pixels.

    The chain is centred in its Axes and scaled uniformly, so that
    circles stay circles at any figure size, DPI and aspect.  With
    ``scale="auto"`` it keeps its natural size when it fits the Axes and
    shrinks to fit otherwise; ``"fit"`` also enlarges it to fill the
    Axes, and a number fixes the factor.
    """

    is_separable = True

    def __init__(self, axes, bbox, scale="auto"):
        super().__init__()
        self._axes = axes
        self._bbox = tuple(float(value) for value in bbox)
        self._scale = scale
        self._mtx = None
        self.set_children(axes.bbox, axes.figure.dpi_scale_trans)

    def get_scale(self):
        """Return the factor from layout points to points on the figure."""
        if not isinstance(self._scale, str):
            return float(self._scale)
        x0, y0, x1, y1 = self._bbox
        pixels_per_point = self._axes.figure.dpi / 72
        width, height = self._axes.bbox.width, self._axes.bbox.height
        fit = min(width / ((x1 - x0) * pixels_per_point),
                  height / ((y1 - y0) * pixels_per_point))
        fit = max(fit, 0.0)
        return fit if self._scale == "fit" else min(1.0, fit)

    def is_fitted(self):
        """Tell whether the scale follows the Axes (``"auto"`` or ``"fit"``)."""
        return isinstance(self._scale, str)

    def needed_size(self):
        """Return the chain's size at the current scale, in inches."""
        x0, y0, x1, y1 = self._bbox
        scale = self.get_scale()
        return ((x1 - x0) * scale / 72, (y1 - y0) * scale / 72)

    def get_matrix(self):
        if self._invalid or self._mtx is None:
            x0, y0, x1, y1 = self._bbox
            factor = self.get_scale() * self._axes.figure.dpi / 72
            box = self._axes.bbox
            cx = (box.x0 + box.x1) / 2
            cy = (box.y0 + box.y1) / 2
            self._mtx = np.array([
                [factor, 0.0, cx - factor * (x0 + x1) / 2],
                [0.0, factor, cy - factor * (y0 + y1) / 2],
                [0.0, 0.0, 1.0]])
            self._inverted = None
            self._invalid = 0
        return self._mtx


class _Group(Artist):
    """An artist that draws a list of child artists."""

    def __init__(self):
        super().__init__()
        self._artists = []

    def get_children(self):
        return list(self._artists)

    def set_figure(self, fig):
        super().set_figure(fig)
        for child in self._artists:
            child.set_figure(fig)

    def get_window_extent(self, renderer=None):
        boxes = self._child_extents(renderer, self._scale())
        if not boxes:
            return Bbox.null()
        return Bbox.union(boxes)

    def get_tightbbox(self, renderer=None):
        return self.get_window_extent(renderer)

    def _scale(self):
        return 1.0

    def _child_extents(self, renderer, scale):
        boxes = []
        for child in self._artists:
            if not child.get_visible():
                continue
            if isinstance(child, _Group):
                boxes += child._child_extents(renderer, scale)
                continue
            with _scaled(child, scale):
                box = child.get_window_extent(renderer)
            if box.width > 0 or box.height > 0:
                boxes.append(box)
        return boxes

    def _draw_children(self, renderer, scale):
        for child in sorted(self._artists, key=lambda artist: artist.get_zorder()):
            if isinstance(child, _Group):
                child._draw_children(renderer, scale)
                continue
            with _scaled(child, scale):
                child.draw(renderer)


@contextlib.contextmanager
def _scaled(artist, scale):
    """Scale an artist's line width, font size and head size while drawing.

    Users see the natural-size values; the scaled ones live only for the
    draw call.  Dashes are scaled with the line width.
    """
    if scale == 1.0:
        yield
        return
    restore = []
    if isinstance(artist, Text):
        size = artist.get_fontsize()
        artist.set_fontsize(size * scale)
        restore.append(lambda: artist.set_fontsize(size))
    else:
        width = artist.get_linewidth()
        with _dashes_follow_width():
            artist.set_linewidth(width * scale)

        def restore_width():
            with _dashes_follow_width():
                artist.set_linewidth(width)

        restore.append(restore_width)
        if isinstance(artist, FlowArrow):
            mutation = artist.get_mutation_scale()
            artist.set_mutation_scale(mutation * scale)
            restore.append(lambda: artist.set_mutation_scale(mutation))
    try:
        yield
    finally:
        for undo in restore:
            undo()


@contextlib.contextmanager
def _dashes_follow_width():
    """Set ``lines.scale_dashes`` to True for a moment.

    Only this one rcParam changes, which costs far less per artist than
    copying all of them with `matplotlib.rc_context`.
    """
    previous = mpl.rcParams["lines.scale_dashes"]
    mpl.rcParams["lines.scale_dashes"] = True
    try:
        yield
    finally:
        mpl.rcParams["lines.scale_dashes"] = previous


def dashes_in_linewidths(dashes, linewidth):
    """Express a dash pattern in points as multiples of *linewidth*.

    matplotlib scales dash patterns by the line width when
    ``lines.scale_dashes`` is True.  The chain sets its dashes under that
    setting, so that they come out in points whatever the user's rcParams
    hold.
    """
    return tuple(length / linewidth for length in dashes)


def make_dashed_circle(center, radius, *, linewidth, dashes, **kwargs):
    """Return a circle stroked with *dashes* (on, off, ... in points).

    The dashes start at the circle's east point and run anticlockwise,
    as TikZ's do.
    """
    # A matplotlib circle's path starts at its south point; turning it by
    # 90 degrees starts it at the east point.
    with mpl.rc_context({"lines.scale_dashes": True}):
        circle = Circle(center, radius, angle=90, fill=False, linewidth=linewidth,
                        linestyle=(0, dashes_in_linewidths(dashes, linewidth)),
                        **kwargs)
    return circle


def make_gap_mark(center, style, transform, direction=(1.0, 0.0)):
    """Return three dots centred on *center*, along *direction*, as one patch."""
    radius = style.gap_dot_diameter / 2
    dx, dy = direction
    middle = (center[0] + style.gap_dot_shift * dx,
              center[1] + style.gap_dot_shift * dy)
    circles = [Path.circle((middle[0] + step * style.gap_dot_pitch * dx,
                            middle[1] + step * style.gap_dot_pitch * dy), radius)
               for step in (-1, 0, 1)]
    return PathPatch(Path.make_compound_path(*circles), facecolor=style.gap_mark_color,
                     edgecolor="none", linewidth=0, transform=transform)


def make_text(box, color, math_fontfamily, transform, **kwargs):
    """Return a `Text` drawn at a layout's `TextBox`.

    A text spaced for mathtext keeps its TeX source, which the PGF backend
    draws in its place.
    """
    return ChainText(box.x, box.y, box.text, fontsize=box.fontsize, ha=box.ha,
                     va="baseline", color=color, math_fontfamily=math_fontfamily,
                     transform=transform, tex_source=getattr(box.text, "tex", None),
                     **kwargs)


def head_extent(linewidth, head_scale):
    """Return how far a tip reaches sideways from its shaft, in points."""
    return linewidth * head_scale * 2.55

