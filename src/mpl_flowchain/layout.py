"""Geometry of a chain in points, computed without any artist.

`compute_layout` is a pure function: from the texts of a chain, where its
gaps and insets are, a `Style` and a way to measure text, it returns the
position of every part in matplotlib points (1/72 inch), with the origin
at the centre of the first node and y growing upwards.  The placement
rules are TikZ's: texts are boxes padded by an inner sep of 1/3 em,
anchors sit an outer sep beyond a box, and "above" puts a box's bottom on
the anchor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import _text
from .style import DEFAULT


@dataclass(frozen=True)
class TextBox:
    """A placed text.

    Attributes
    ----------
    text : str
        Mathtext with its dollar signs, as it is drawn.
    x, y : float
        Anchor: *y* is the baseline and *x* the centre (``ha="center"``)
        or the left end (``ha="left"``) of the text, in points.
    ha : {"center", "left"}
    fontsize : float
        Font size in points.
    width, ascent, descent : float
        Extent of the text's box, in points, from mathtext's layout.
    pad : float
        Padding that the text keeps around its box, in points.
    """

    text: str
    x: float
    y: float
    ha: str
    fontsize: float
    width: float
    ascent: float
    descent: float
    pad: float

    @property
    def left(self):
        return self.x - self.width / 2 if self.ha == "center" else self.x

    @property
    def bbox(self):
        """``(x0, y0, x1, y1)`` of the text's box, in points."""
        return (self.left, self.y - self.descent, self.left + self.width,
                self.y + self.ascent)

    @property
    def padded_bbox(self):
        """The box grown by its padding on every side."""
        x0, y0, x1, y1 = self.bbox
        return (x0 - self.pad, y0 - self.pad, x1 + self.pad, y1 + self.pad)

    @property
    def center(self):
        x0, y0, x1, y1 = self.bbox
        return ((x0 + x1) / 2, (y0 + y1) / 2)


@dataclass(frozen=True)
class NodeGeometry:
    """A node: a circle with its label at the centre.

    *radius* is the radius of the circle's path; *anchor_radius* adds half
    the border's width, where arrows and neighbours measure from.
    """

    center: tuple
    radius: float
    linewidth: float
    label: TextBox

    @property
    def anchor_radius(self):
        return self.radius + self.linewidth / 2


@dataclass(frozen=True)
class ArrowGeometry:
    """A straight arrow from node *source* to node *target*.

    *start* and *end* are where the arrow's ink begins and where its tip
    ends.  *midpoint* is the middle of the border-to-border path, which
    the label is centred on; *gap_mark* is the centre of the dots of a
    gap, or None.
    """

    source: int
    target: int
    start: tuple
    end: tuple
    midpoint: tuple
    linewidth: float
    label: TextBox | None
    gap_mark: tuple | None


@dataclass(frozen=True)
class InsetGeometry:
    """A density inset under node *node*.

    *origin* is where the inset's axes cross; one unit of the density's
    variable is *unit* points long on both axes.  *xaxis* and *yaxis* are
    the ends of the axes relative to *origin*, in points.
    """

    node: int
    center: tuple
    radius: float
    linewidth: float
    origin: tuple
    unit: float
    xaxis: tuple
    yaxis: tuple


@dataclass(frozen=True)
class LegendEntry:
    """A legend entry: a short line from *handle[0]* to *handle[1]* and a label."""

    handle: tuple
    label: TextBox


@dataclass(frozen=True)
class Layout:
    """Where every part of a chain goes, in points."""

    nodes: tuple
    arrows: tuple
    insets: tuple
    captions: tuple
    """One `TextBox` or None per node."""
    suffixes: tuple
    """One `TextBox` or None per node."""
    bbox: tuple
    """``(x0, y0, x1, y1)`` around every part, texts with their padding."""
    legend: tuple = ()
    """One `LegendEntry` per curve label, in a row under the chain."""

    @property
    def width(self):
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self):
        return self.bbox[3] - self.bbox[1]

    def texts(self):
        """Return every placed text, nodes' labels first."""
        boxes = [node.label for node in self.nodes]
        boxes += [arrow.label for arrow in self.arrows if arrow.label]
        boxes += [box for box in self.captions if box]
        boxes += [box for box in self.suffixes if box]
        boxes += [entry.label for entry in self.legend]
        return boxes


def measure_mathtext(text, fontsize, style):
    """Measure *text* with mathtext; the default *measure* of the layout."""
    return _text.measure(text, fontsize, style.math_fontfamily)


def compute_layout(labels, *, gaps=None, arrow_labels=None, captions=None,
                   suffixes=None, insets=None, legend=(), style=DEFAULT,
                   measure=measure_mathtext):
    """Place every part of a chain and return its `Layout`.

    Parameters
    ----------
    labels : list of str
        Mathtext of each node's label, with dollar signs.
    gaps : list of bool, optional
        For each node, whether a gap separates it from the node before;
        the first entry is ignored.  Default: no gaps.
    arrow_labels : list of (str or None), optional
        Mathtext of the label of each arrow, one fewer than *labels*.
    captions, suffixes : list of (str or None), optional
        Mathtext under each node's inset (or under the node) and right of
        each node.
    insets : list of bool, optional
        Whether each node has a density inset.
    legend : list of str, optional
        Mathtext of legend entries, set in a row under the chain.
    style : Style
        Sizes in points; the default reproduces the TikZ figure.
    measure : callable, optional
        ``measure(text, fontsize, style) -> (width, ascent, descent)`` in
        points.  Default: mathtext's own layout.
    """
    count = len(labels)
    gaps = list(gaps) if gaps is not None else [False] * count
    arrow_labels = list(arrow_labels or [None] * (count - 1))
    captions = list(captions or [None] * count)
    suffixes = list(suffixes or [None] * count)
    insets = list(insets or [False] * count)

    def place(text, x, y, ha="center", scale=1.0):
        fontsize = style.fontsize * scale
        width, ascent, descent = measure(text, fontsize, style)
        return TextBox(text, x, y, ha, fontsize, width, ascent, descent,
                       style.inner_sep * scale)

    def box_extent(text, scale=1.0):
        return measure(text, style.fontsize * scale, style)

    footprints = [_footprint(captions[index], insets[index], style, box_extent)
                  for index in range(count)]
    nodes = _place_nodes(labels, gaps, arrow_labels, footprints, style, place,
                         box_extent)
    arrows = _place_arrows(nodes, gaps, arrow_labels, style, place, box_extent)
    inset_list = tuple(_place_inset(index, nodes[index], style)
                       for index in range(count) if insets[index])
    inset_of = {inset.node: inset for inset in inset_list}
    caption_boxes = tuple(
        _place_caption(text, nodes[index], inset_of.get(index), style, place,
                       box_extent) if text else None
        for index, text in enumerate(captions))
    suffix_boxes = tuple(
        _place_suffix(text, nodes[index], style, place, box_extent)
        if text else None
        for index, text in enumerate(suffixes))
    bbox = _bounding_box(nodes, arrows, inset_list, caption_boxes, suffix_boxes,
                         style)
    entries = _place_legend(legend, bbox, style, place, box_extent)
    if entries:
        lowest = min(entry.label.padded_bbox[1] for entry in entries)
        bbox = (bbox[0], lowest, bbox[2], bbox[3])
    return Layout(nodes, arrows, inset_list, caption_boxes, suffix_boxes, bbox,
                  entries)


def _place_legend(labels, bbox, style, place, box_extent):
    """Set legend entries in a row, centred under *bbox*."""
    if not labels:
        return ()
    handle = 1.5 * style.fontsize
    between = 0.4 * style.fontsize
    spacing = 1.2 * style.fontsize
    extents = [box_extent(text) for text in labels]
    ascent = max(extent[1] for extent in extents)
    widths = [handle + between + extent[0] for extent in extents]
    total = sum(widths) + spacing * (len(labels) - 1)
    x = (bbox[0] + bbox[2]) / 2 - total / 2
    baseline = bbox[1] - style.inner_sep - ascent
    entries = []
    for text, width, extent in zip(labels, widths, extents):
        # The line sits at the height of the middle of a lowercase letter.
        middle = baseline + 0.25 * style.fontsize
        label = place(text, x + handle + between, baseline, ha="left")
        entries.append(LegendEntry(((x, middle), (x + handle, middle)), label))
        x += width + spacing
    return tuple(entries)


def _footprint(caption, inset, style, box_extent):
    """Return the half width that a node's inset and caption need below it."""
    half = 0.0
    if inset:
        half = style.inset_radius + style.inset_linewidth / 2
    if caption:
        width = box_extent(caption)[0]
        half = max(half, width / 2 + style.inner_sep)
    return half


def _place_nodes(labels, gaps, arrow_labels, footprints, style, place, box_extent):
    nodes = []
    x = 0.0
    for index, text in enumerate(labels):
        width, ascent, descent = box_extent(text)
        # As TikZ's circle shape: the circle holds the text's box, and the
        # style's radius is its minimum.
        radius = max(style.node_radius, math.hypot(width, ascent + descent) / 2)
        anchor = radius + style.node_linewidth / 2
        if index > 0:
            previous = nodes[-1]
            room = style.gap_distance if gaps[index] else style.node_distance
            # A label wider than the room between the borders widens it, so
            # that the label never reaches over a node.
            arrow_label = arrow_labels[index - 1]
            if arrow_label:
                label_width = box_extent(arrow_label)[0]
                room = max(room, label_width + 2 * (style.inner_sep
                                                    + style.text_outer_sep))
            step = previous.anchor_radius + room + anchor
            # Insets and captions of neighbours keep clear of each other.
            below = footprints[index - 1] + footprints[index]
            if footprints[index - 1] and footprints[index]:
                step = max(step, below + style.inner_sep)
            x = previous.center[0] + step
        baseline = -(ascent - descent) / 2
        label = place(text, x, baseline)
        nodes.append(NodeGeometry((x, 0.0), radius, style.node_linewidth, label))
    return tuple(nodes)


def _place_arrows(nodes, gaps, arrow_labels, style, place, box_extent):
    arrows = []
    for index in range(1, len(nodes)):
        source, target = nodes[index - 1], nodes[index]
        left = source.center[0] + source.anchor_radius
        right = target.center[0] - target.anchor_radius
        shorten = style.gap_arrow_shorten if gaps[index] else style.arrow_shorten
        midpoint = ((left + right) / 2, 0.0)
        mark = None
        if gaps[index]:
            mark = (left + style.gap_mark_position * (right - left), 0.0)
        label = None
        text = arrow_labels[index - 1]
        if text:
            _, _, descent = box_extent(text)
            baseline = style.text_outer_sep + style.inner_sep + descent
            label = place(text, midpoint[0], baseline)
        arrows.append(ArrowGeometry(
            index - 1, index, (left + shorten, 0.0),
            (right - style.arrow_shorten, 0.0), midpoint, style.arrow_linewidth,
            label, mark))
    return tuple(arrows)


def _place_inset(index, node, style):
    top = node.center[1] - node.anchor_radius - style.inset_gap
    half = style.inset_radius + style.inset_linewidth / 2
    center = (node.center[0], top - half)
    origin = (center[0], center[1] - style.inset_axis_drop)
    return InsetGeometry(index, center, style.inset_radius, style.inset_linewidth,
                         origin, style.inset_unit, tuple(style.inset_xaxis),
                         tuple(style.inset_yaxis))


def _place_caption(text, node, inset, style, place, box_extent):
    if inset is not None:
        top = inset.center[1] - inset.radius - inset.linewidth / 2
    else:
        top = node.center[1] - node.anchor_radius
    _, ascent, _ = box_extent(text)
    baseline = top - style.text_outer_sep - style.inner_sep - ascent
    return place(text, node.center[0], baseline)


def _place_suffix(text, node, style, place, box_extent):
    scale = style.suffix_scale
    width, ascent, descent = box_extent(text, scale)
    # TikZ's "right=0 of node, scale=1.2": the scaled box's west anchor,
    # outer and inner sep included, touches the node's east anchor, and
    # the box is centred on the node vertically.
    left = (node.center[0] + node.anchor_radius
            + (style.text_outer_sep + style.inner_sep) * scale)
    baseline = node.center[1] - (ascent - descent) / 2
    return place(text, left, baseline, ha="left", scale=scale)


def _bounding_box(nodes, arrows, insets, captions, suffixes, style):
    boxes = []
    for node in nodes:
        boxes.append(_square(node.center, node.anchor_radius))
    for arrow in arrows:
        half = arrow.linewidth * 2.55 * style.head_scale
        boxes.append((arrow.start[0], arrow.start[1] - half,
                      arrow.end[0], arrow.end[1] + half))
    for inset in insets:
        boxes.append(_square(inset.center, inset.radius + inset.linewidth / 2))
    texts = [node.label for node in nodes]
    texts += [arrow.label for arrow in arrows if arrow.label]
    texts += [box for box in captions if box]
    texts += [box for box in suffixes if box]
    boxes += [box.padded_bbox for box in texts]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _square(center, half):
    return (center[0] - half, center[1] - half, center[0] + half, center[1] + half)
