"""Density insets: the dashed circle, its axes, and what it plots."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from ._arrows import FlowArrow, arrow_style
from .densities import Curve, Scatter
from .drawing import _Group, make_dashed_circle

VIEWS = ("heatmap", "contours", "scatter")
SHADE_ALPHA = 0.25


class Inset(_Group):
    """A density inset: a dashed circle, two axis arrows and what it plots.

    Attributes
    ----------
    node : int
        Index of the node that the inset belongs to.
    circle : Circle
        The dashed circle; two-dimensional plots are clipped to it.
    xaxis, yaxis : FlowArrow
    curves : list of Line2D
        One line per one-dimensional density, in the order given.
    shades : list of PathPatch
        The filled areas under the curves, where shading is on.
    fields : list of Artist
        Heat maps (`AxesImage`), filled contours (`PathCollection`) or
        scatters (`Line2D`) of two-dimensional densities.
    plots : list
        The sampled densities drawn: `Curve`, `Field` and `Scatter` objects
        of `mpl_flowchain.densities`, with their domains and values.
    """

    def __init__(self, node, circle, xaxis, yaxis, curves=(), shades=(),
                 fields=(), plots=()):
        super().__init__()
        self.node = node
        self.plots = list(plots)
        self.circle = circle
        self.xaxis = xaxis
        self.yaxis = yaxis
        self.curves = list(curves)
        self.shades = list(shades)
        self.fields = list(fields)
        self._artists = [circle, *self.fields, *self.shades, xaxis, yaxis,
                         *self.curves]

    def draw(self, renderer):
        if self.get_visible():
            self._draw_children(renderer, 1.0)


def density_unit(curves, inset, mode):
    """Return the height in points of one unit of density in an inset.

    *mode* ``"auto"`` follows TikZ: one unit of density is as tall as one
    unit of the variable is long when every curve's domain is ``(-1, 1)``
    and the curves then stay under the top of the vertical axis, and
    otherwise the highest peak is drawn one unit tall.  ``"peak"`` always
    draws the highest peak one unit tall, and a number is the height in
    points itself.
    """
    if not isinstance(mode, str):
        return float(mode)
    peak = max((float(np.max(curve.p)) for curve in curves if len(curve.p)),
               default=0.0)
    if peak <= 0:
        return inset.unit
    if mode == "auto" and fits_tikz_rule(curves, inset):
        return inset.unit
    return inset.unit / peak


def fits_tikz_rule(curves, inset):
    """Tell whether curves on ``(-1, 1)`` fit under the vertical axis."""
    peak = max((float(np.max(curve.p)) for curve in curves if len(curve.p)),
               default=0.0)
    on_unit_domain = all(curve.domain == (-1.0, 1.0) for curve in curves)
    return on_unit_domain and peak * inset.unit <= inset.yaxis[1]


def curve_points(curve, inset, unit):
    """Map a `Curve` into the inset's frame, in layout points.

    The curve's domain spans the inset's horizontal axis; *unit* is the
    height in points of one unit of density.
    """
    low, high = curve.domain
    xaxis_low, xaxis_high = inset.xaxis
    if curve.drawstyle == "steps":
        edges = np.asarray(curve.edges, dtype=float)
        t = np.repeat(edges, 2)
        p = np.concatenate([[0.0], np.repeat(curve.p, 2), [0.0]])
    else:
        t = np.asarray(curve.t, dtype=float)
        p = np.asarray(curve.p, dtype=float)
    fraction = (t - low) / (high - low)
    x = inset.origin[0] + xaxis_low + fraction * (xaxis_high - xaxis_low)
    y = inset.origin[1] + p * unit
    return x, y


def make_inset(inset, plots, style, transform, *, axes, unit, shade=False,
               view=None, cmap=None, curve_styles=()):
    """Return the `Inset` artist of an `InsetGeometry`.

    *plots* are the `Curve`, `Field` and `Scatter` objects to draw;
    *unit* is the height in points of one unit of density, for curves.
    *curve_styles* gives ``(color, linestyle)`` for each curve in turn.
    """
    circle = make_dashed_circle(inset.center, inset.radius,
                                linewidth=inset.linewidth, dashes=style.inset_dashes,
                                edgecolor=style.inset_edgecolor, transform=transform)
    curves = [plot for plot in plots if isinstance(plot, Curve)]
    two_d = [plot for plot in plots if not isinstance(plot, Curve)]
    frame = _two_d_frame(inset) if two_d and not curves else None
    zero = _zero_offset(curves[0].domain, inset) if curves else 0.0
    xaxis, yaxis = _axis_arrows(inset, style, transform, frame, zero)
    lines, shades = [], []
    for index, curve in enumerate(curves):
        color, linestyle = curve_styles[index % len(curve_styles)]
        x, y = curve_points(curve, inset, unit)
        lines.append(Line2D(x, y, color=color, linestyle=linestyle,
                            linewidth=style.curve_linewidth, solid_capstyle="butt",
                            solid_joinstyle="round", transform=transform,
                            label=curve.label, zorder=3))
        if shade:
            alpha = SHADE_ALPHA if shade is True else float(shade)
            shades.append(_shade(x, y, inset.origin[1], color, alpha, transform))
    fields = []
    for plot in two_d:
        artist = _two_d_artist(plot, frame or _two_d_frame(inset), view,
                               cmap or style.inset_cmap, style, transform, axes)
        artist.set_clip_path(circle)
        fields.append(artist)
    return Inset(inset.node, circle, xaxis, yaxis, lines, shades, fields, plots)


def _zero_offset(domain, inset):
    """Return where the vertical axis crosses the horizontal one, in points.

    The vertical axis marks t = 0, as TikZ's does on ``(-1, 1)``, when the
    domain contains 0, and otherwise it is at the domain's lower end.  The
    offset is relative to the inset's centre.
    """
    low, high = domain
    xaxis_low, xaxis_high = inset.xaxis
    where = 0.0 if low <= 0.0 <= high else low
    return xaxis_low + (where - low) / (high - low) * (xaxis_high - xaxis_low)


def _axis_arrows(inset, style, transform, frame, zero=0.0):
    axis_style = dict(linewidth=style.inset_axis_linewidth,
                      mutation_scale=(style.inset_axis_linewidth * style.head_scale
                                      * style.inset_head_scale),
                      color=style.inset_axis_color, transform=transform, zorder=2)
    if frame is None:
        ox, oy = inset.origin
        x_ends = ((ox + inset.xaxis[0], oy), (ox + inset.xaxis[1], oy))
        # Away from the centre the vertical axis is shortened to stay inside
        # the circle.
        room = math.sqrt(max(inset.radius**2 - zero**2, 0.0)) * 0.95
        drop = inset.center[1] - oy
        bottom = max(inset.yaxis[0], drop - room)
        top = min(inset.yaxis[1], drop + room)
        y_ends = ((ox + zero, oy + bottom), (ox + zero, oy + top))
    else:
        (x0, x1), (y0, y1) = frame
        cx, cy = inset.center
        x_ends = ((x0, cy), (x1, cy))
        y_ends = ((cx, y0), (cx, y1))
    return (FlowArrow(*x_ends, arrowstyle=arrow_style(style), **axis_style),
            FlowArrow(*y_ends, arrowstyle=arrow_style(style), **axis_style))


def _two_d_frame(inset):
    """Return the square, in layout points, that a 2-D domain maps onto.

    The square is centred on the inset and inscribed in its circle, so that
    the whole domain shows and the circle clips nothing.
    """
    half = inset.radius / math.sqrt(2)
    cx, cy = inset.center
    return (cx - half, cx + half), (cy - half, cy + half)


def _shade(x, y, baseline, color, alpha, transform):
    vertices = np.concatenate([np.column_stack([x, y]),
                               [[x[-1], baseline], [x[0], baseline]]])
    return PathPatch(Path(vertices, closed=False), facecolor=color, alpha=alpha,
                     edgecolor="none", linewidth=0, transform=transform, zorder=1)


def _two_d_artist(plot, frame, view, cmap, style, transform, axes):
    (px0, px1), (py0, py1) = frame
    (dx0, dx1), (dy0, dy1) = plot.domain

    def to_points(x, y):
        return (px0 + (np.asarray(x) - dx0) / (dx1 - dx0) * (px1 - px0),
                py0 + (np.asarray(y) - dy0) / (dy1 - dy0) * (py1 - py0))

    if isinstance(plot, Scatter) or view == "scatter":
        points = plot.points if isinstance(plot, Scatter) else _field_points(plot)
        x, y = to_points(points[:, 0], points[:, 1])
        return Line2D(x, y, linestyle="none", marker="o", markersize=0.8,
                      markeredgewidth=0, color=style.curve_color, alpha=0.35,
                      transform=transform, zorder=1)
    if view == "contours":
        return _contours(plot, to_points, cmap, transform)
    from matplotlib.image import AxesImage

    image = AxesImage(axes, cmap=cmap, interpolation="bilinear",
                      origin="lower", transform=transform, zorder=1)
    image.set_data(plot.z)
    if plot.xedges is not None and plot.yedges is not None:
        x0, x1 = plot.xedges[0], plot.xedges[-1]
        y0, y1 = plot.yedges[0], plot.yedges[-1]
    else:
        x0, x1, y0, y1 = plot.x[0], plot.x[-1], plot.y[0], plot.y[-1]
    (ex0, ex1), (ey0, ey1) = to_points([x0, x1], [y0, y1])
    image.set_extent((ex0, ex1, ey0, ey1))
    return image


def _field_points(field):
    """Return grid points of a field drawn in proportion to its density."""
    rng = np.random.default_rng(0)
    weights = field.z.ravel() / field.z.sum()
    picks = rng.choice(weights.size, size=2000, p=weights)
    rows, cols = np.unravel_index(picks, field.z.shape)
    return np.column_stack([field.x[cols], field.y[rows]])


def _contours(field, to_points, cmap, transform, levels=8):
    import contourpy
    from matplotlib import colormaps
    from matplotlib.collections import PathCollection

    colormap = colormaps[cmap] if isinstance(cmap, str) else cmap
    bounds = np.linspace(0.0, float(field.z.max()), levels + 1)
    bounds[-1] *= 1.0 + 1e-9
    generator = contourpy.contour_generator(
        field.x, field.y, field.z, fill_type=contourpy.FillType.OuterCode)
    paths, colors = [], []
    for index in range(levels):
        polygons, codes = generator.filled(bounds[index], bounds[index + 1])
        if not polygons:
            continue
        vertices = np.concatenate(polygons)
        x, y = to_points(vertices[:, 0], vertices[:, 1])
        paths.append(Path(np.column_stack([x, y]), np.concatenate(codes)))
        colors.append(colormap((index + 0.5) / levels))
    return PathCollection(paths, facecolors=colors, edgecolors="none",
                          linewidths=0, transform=transform, zorder=1)
