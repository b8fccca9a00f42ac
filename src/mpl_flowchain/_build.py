"""Make the matplotlib artists of a prepared chain from its layout."""

from __future__ import annotations

import math
import warnings

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyBboxPatch
from matplotlib.path import Path

from ._arrows import FlowArrow, arrow_style
from .drawing import make_gap_mark, make_text
from .insets import density_unit, fits_tikz_rule, make_inset


def make_parts(prepared, transform, axes):
    """Return the artists of *prepared*, grouped as `FlowChain` takes them."""
    layout, style = prepared.layout, prepared.style
    parts = dict(nodes=[], node_labels=[], node_images=[], sublabels=[], arrows=[],
                 arrow_labels=[], arrow_pairs=[], gap_marks=[], gap_mark_targets=[],
                 insets=[], captions=[], suffixes=[], legend_handles=[],
                 legend_labels=[])
    kw = prepared.artist_kw
    for index, (node, (edge, face)) in enumerate(zip(layout.nodes,
                                                     prepared.node_colors)):
        patch = _node_patch(node, edge, face, transform)
        patch.set(**kw.get("node", {}))
        parts["nodes"].append(patch)
        image = prepared.images[index]
        if image is not None:
            parts["node_images"].append(_node_image(node, image, patch, transform,
                                                    axes))
        parts["node_labels"].append(_text(node.label, style, transform, kw))
        if node.sublabel is not None:
            parts["sublabels"].append(_text(node.sublabel, style, transform, kw))
    for arrow in layout.arrows:
        resolved = prepared.arrows[arrow.source]
        look = dict(resolved.inverse_look if (arrow.inverse
                                              and resolved.direction == "both")
                    else resolved.look)
        artist = _arrow(arrow, look, style, transform)
        artist.set(**kw.get("arrow", {}))
        parts["arrows"].append(artist)
        parts["arrow_pairs"].append((arrow.target, arrow.inverse))
        parts["arrow_labels"].append(_text(arrow.label, style, transform, kw)
                                     if arrow.label else None)
        if arrow.gap_mark is not None:
            mark = make_gap_mark(arrow.gap_mark, style, transform, arrow.direction)
            mark.set_zorder(2)
            parts["gap_marks"].append(mark)
            parts["gap_mark_targets"].append((arrow.target, mark))
    units = density_units(prepared)
    for inset in layout.insets:
        content = prepared.plots[inset.node]
        made = make_inset(inset, content.plots, style, transform, axes=axes,
                          unit=units[inset.node], shade=content.shade,
                          view=content.view, cmap=content.cmap,
                          curve_styles=curve_styles(style))
        for line in made.curves:
            line.set(**kw.get("curve", {}))
        _warn_if_outside(prepared, inset, made)
        parts["insets"].append(made)
    for entry, (color, linestyle) in zip(layout.legend, prepared.legend_styles):
        (x0, y0), (x1, y1) = entry.handle
        parts["legend_handles"].append(Line2D(
            [x0, x1], [y0, y1], color=color, linestyle=linestyle,
            linewidth=style.curve_linewidth, solid_capstyle="butt",
            transform=transform, zorder=3))
        parts["legend_labels"].append(_text(entry.label, style, transform, kw))
    for key, boxes in (("captions", layout.captions), ("suffixes", layout.suffixes)):
        for box in boxes:
            parts[key].append(_text(box, style, transform, kw) if box else None)
    return parts


def _warn_if_outside(prepared, inset, made):
    """Warn when a curve reaches beyond its inset's circle."""
    from .container import FlowChainWarning

    for line in made.curves:
        x = np.asarray(line.get_xdata()) - inset.center[0]
        y = np.asarray(line.get_ydata()) - inset.center[1]
        reach = float(np.max(np.hypot(x, y))) if len(x) else 0.0
        if reach > inset.radius + inset.linewidth / 2:
            where = prepared.chain.where(inset.node)
            warnings.warn(
                f"{where}: the density's curve reaches {reach - inset.radius:.1f} pt "
                f"beyond its inset's circle at density_scale="
                f"{prepared.density_scale!r}; a smaller density_scale, or 'peak', "
                "keeps it inside", FlowChainWarning, stacklevel=5)
            return


def curve_styles(style):
    """Return ``(color, linestyle)`` of the first, second, ... curve of an inset."""
    return ((style.curve_color, "solid"), *style.curve_styles[1:])


def density_units(prepared):
    """Return the height in points of one unit of density, per node."""
    layout = prepared.layout
    mode = prepared.density_scale
    curves_of = {inset.node: [plot for plot in prepared.plots[inset.node].plots
                              if hasattr(plot, "p")] for inset in layout.insets}
    if mode != "shared":
        return {inset.node: density_unit(curves_of[inset.node], inset, mode)
                for inset in layout.insets}
    if not layout.insets:
        return {}
    # One height for every inset: TikZ's when all of them fit it, else the
    # one that draws the highest peak of all 1 cm tall.
    fitting = all(fits_tikz_rule(curves_of[inset.node], inset)
                  for inset in layout.insets if curves_of[inset.node])
    every = [curve for curves in curves_of.values() for curve in curves]
    reference = layout.insets[0]
    unit = (reference.unit if fitting or not every
            else density_unit(every, reference, "peak"))
    return {inset.node: unit for inset in layout.insets}


def _text(box, style, transform, kw):
    text = make_text(box, style.text_color, style.math_fontfamily, transform,
                     zorder=3)
    text.set(**kw.get("text", {}))
    return text


def _node_patch(node, edge, face, transform):
    if node.shape == "square":
        side = 2 * node.radius
        # TikZ's "rounded corners" default radius, 4 pt.
        return FancyBboxPatch((node.center[0] - node.radius,
                               node.center[1] - node.radius), side, side,
                              boxstyle="round,pad=0,rounding_size=4",
                              facecolor=face, edgecolor=edge,
                              linewidth=node.linewidth, transform=transform,
                              zorder=1)
    return Circle(node.center, node.radius, facecolor=face, edgecolor=edge,
                  linewidth=node.linewidth, transform=transform, zorder=1)


def _node_image(node, image, patch, transform, axes):
    from matplotlib.image import AxesImage

    artist = AxesImage(axes, cmap="gray", interpolation="antialiased",
                       origin="upper", transform=transform, zorder=1.5)
    artist.set_data(image)
    if image.ndim == 2:
        artist.set_clim(float(np.min(image)), float(np.max(image)) or 1.0)
    x, y = node.center
    r = node.radius
    artist.set_extent((x - r, x + r, y - r, y + r))
    artist.set_clip_path(patch)
    return artist


def _arrow(arrow, look, style, transform):
    linewidth = look.get("linewidth", arrow.linewidth)
    options = dict(linewidth=linewidth, mutation_scale=linewidth * style.head_scale,
                   color=look.get("color", style.arrow_color), transform=transform,
                   zorder=2, arrowstyle=arrow_style(style))
    if "linestyle" in look:
        options["linestyle"] = look["linestyle"]
    if arrow.path is not None:
        return FlowArrow(path=_rounded_path(arrow.path, style.turn_radius), **options)
    if arrow.bend:
        rad = -math.tan(math.radians(arrow.bend)) / 2
        options["connectionstyle"] = f"arc3,rad={rad!r}"
    return FlowArrow(arrow.start, arrow.end, **options)


def _rounded_path(points, radius):
    """Return a polyline through *points* with its corners rounded."""
    points = [np.asarray(point, dtype=float) for point in points]
    vertices = [points[0]]
    codes = [Path.MOVETO]
    for before, corner, after in zip(points, points[1:], points[2:]):
        into, out = before - corner, after - corner
        size = min(radius, np.hypot(*into) / 2, np.hypot(*out) / 2)
        if size <= 0:
            vertices.append(corner)
            codes.append(Path.LINETO)
            continue
        vertices += [corner + into / np.hypot(*into) * size, corner,
                     corner + out / np.hypot(*out) * size]
        codes += [Path.LINETO, Path.CURVE3, Path.CURVE3]
    vertices.append(points[-1])
    codes.append(Path.LINETO)
    return Path(np.array(vertices), codes)
