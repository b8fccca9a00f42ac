"""Geometry of a chain in points, computed without any artist.

`compute_layout` is a pure function.  It takes the texts of a chain, where
its gaps and insets are, a `Style` and a way to measure text.  It returns
the position of every part in matplotlib points (1/72 inch), with the
origin at the centre of the first node and y growing upwards.  The
placement rules are TikZ's: texts are boxes padded by an inner sep of
1/3 em, anchors sit an outer sep beyond a box, and "above" puts a box's
bottom on the anchor.  Nodes then move apart until nothing overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import _tex, _text
from .style import DEFAULT


@dataclass(frozen=True)
class TextBox:
    """A placed text.

    Attributes
    ----------
    text : str
        Mathtext with its dollar signs, as it is drawn.
    x, y : float
        Anchor: *y* is the baseline and *x* the centre (``ha="center"``),
        the left end (``ha="left"``) or the right end (``ha="right"``) of
        the text, in points.
    ha : {"center", "left", "right"}
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
        if self.ha == "center":
            return self.x - self.width / 2
        if self.ha == "right":
            return self.x - self.width
        return self.x

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
class NodeSpec:
    """The facts about one node that the layout needs.

    Attributes
    ----------
    label : str
        Mathtext of the label, with dollar signs.
    caption, suffix, sublabel : str or None
        Mathtext under the inset (or node), right of the node, and under
        the node.
    inset : bool
        Whether the node has a density inset.
    inset_side : {"below", "above", "left", "right"} or None
        Where the inset goes; None takes the orientation's default.
    label_position : {"center", "below"}
        Inside the node, or under it (as for image nodes).
    min_radius : float or None
        Smallest radius of the node's path in points; default: the style's.
    shape : {"circle", "square"}
    """

    label: str
    caption: str | None = None
    suffix: str | None = None
    sublabel: str | None = None
    inset: bool = False
    inset_side: str | None = None
    label_position: str = "center"
    min_radius: float | None = None
    shape: str = "circle"


@dataclass(frozen=True)
class ArrowSpec:
    """The facts about the arrows between two nodes that the layout needs.

    Attributes
    ----------
    label : str or None
        Mathtext of the arrow's label.
    gap : bool
        Whether an ellipsis gap elides steps between the two nodes.
    direction : {"forward", "inverse", "both"}
        ``"inverse"`` points from the later node to the earlier one;
        ``"both"`` draws two arrows, the inverse one with *inverse_label*.
    bend, inverse_bend : float
        Angle in degrees by which an arrow leaves its node to the left of
        the straight line (negative: to the right); 0 is straight.
    """

    label: str | None = None
    gap: bool = False
    direction: str = "forward"
    inverse_label: str | None = None
    bend: float = 0.0
    inverse_bend: float = 0.0


@dataclass(frozen=True)
class NodeGeometry:
    """A node: a circle (or square) with its label.

    *radius* is the radius (or half side) of the node's path;
    *anchor_radius* adds half the border's width, where arrows and
    neighbours measure from.  *sublabel* is None or the text under it.
    """

    center: tuple
    radius: float
    linewidth: float
    label: TextBox
    shape: str = "circle"
    sublabel: TextBox | None = None

    @property
    def anchor_radius(self):
        return self.radius + self.linewidth / 2


@dataclass(frozen=True)
class ArrowGeometry:
    """An arrow from *start* to *end*, between nodes *source* and *target*.

    *start* and *end* are where the arrow's ink begins and where its tip
    ends.  A straight arrow has ``bend == 0`` and *path* None; a bent one
    is a circular-looking arc that leaves *start* at *bend* degrees to
    the left of the straight line; an arrow from one row of a wrapped
    chain to the next follows *path*, a polyline in points whose corners
    the drawing rounds.  *inverse* arrows point from *target* back to
    *source*.  *midpoint* is where the label is centred on: the middle of
    the border-to-border path.  *gap_mark* is the centre of the dots of a
    gap, or None; *direction* is the unit vector along the arrow at the
    mark.
    """

    source: int
    target: int
    start: tuple
    end: tuple
    midpoint: tuple
    linewidth: float
    label: TextBox | None
    gap_mark: tuple | None
    bend: float = 0.0
    path: tuple | None = None
    inverse: bool = False
    direction: tuple = (1.0, 0.0)


@dataclass(frozen=True)
class InsetGeometry:
    """A density inset beside node *node*.

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
    """The position of every part of a chain, in points."""

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
        boxes += [node.sublabel for node in self.nodes if node.sublabel]
        boxes += [arrow.label for arrow in self.arrows if arrow.label]
        boxes += [box for box in self.captions if box]
        boxes += [box for box in self.suffixes if box]
        boxes += [entry.label for entry in self.legend]
        return boxes


def measure_mathtext(text, fontsize, style):
    """Measure *text*; the default *measure* of the layout.

    The metrics are mathtext's, or TeX's when ``style.usetex`` is set, so
    that they match the text as it is drawn.
    """
    if style.usetex:
        return _tex.measure(text, fontsize)
    return _text.measure(text, fontsize, style.math_fontfamily)


ORIENTATIONS = ("lr", "rl", "tb", "bt")


def compute_layout(nodes, arrows=None, *, orientation="lr", wrap=None,
                   label_side=None, legend=(), style=DEFAULT,
                   measure=measure_mathtext, gaps=None, arrow_labels=None,
                   captions=None, suffixes=None, insets=None):
    """Place every part of a chain and return its `Layout`.

    Parameters
    ----------
    nodes : list of NodeSpec or str
        The nodes in order.  A string is the mathtext of a node's label;
        *gaps*, *arrow_labels*, *captions*, *suffixes* and *insets* then
        give the rest as lists, one entry per node (per arrow for
        *arrow_labels*).
    arrows : list of ArrowSpec, optional
        One per pair of neighbouring nodes; default: plain arrows.
    orientation : {"lr", "rl", "tb", "bt"}, default: "lr"
        Left to right, right to left, top to bottom or bottom to top.
    wrap : int, optional
        Start a new row (a new column in a vertical chain) after every
        *wrap* nodes; the arrow between rows turns around the rows' ends.
    label_side : {"above", "below", "left", "right"}, optional
        Side of the arrows on which their labels sit; default ``"above"``
        in a horizontal chain and ``"left"`` in a vertical one.
    legend : list of str, optional
        Mathtext of legend entries, set in a row under the chain.
    style : Style
        Sizes in points; the default reproduces the TikZ figure.
    measure : callable, optional
        ``measure(text, fontsize, style) -> (width, ascent, descent)`` in
        points.  Default: mathtext's own layout.
    """
    from . import _placement

    specs, arrow_specs = _specs(nodes, arrows, gaps, arrow_labels, captions,
                                suffixes, insets)
    if orientation not in ORIENTATIONS:
        raise ValueError(f"orientation must be one of {', '.join(ORIENTATIONS)}, "
                         f"got {orientation!r}")
    placed = _placement.place_chain(specs, arrow_specs, orientation=orientation,
                                    wrap=wrap, label_side=label_side, style=style,
                                    measure=measure)
    entries = _place_legend(legend, placed.bbox, style, placed.place, placed.extent)
    bbox = placed.bbox
    if entries:
        lowest = min(entry.label.padded_bbox[1] for entry in entries)
        left = min(entry.label.padded_bbox[0] for entry in entries)
        right = max(entry.label.padded_bbox[2] for entry in entries)
        bbox = (min(bbox[0], left), lowest, max(bbox[2], right), bbox[3])
    return Layout(placed.nodes, placed.arrows, placed.insets, placed.captions,
                  placed.suffixes, bbox, entries)


def _specs(nodes, arrows, gaps, arrow_labels, captions, suffixes, insets):
    """Return the node and arrow specs, from specs or from plain lists."""
    nodes = list(nodes)
    count = len(nodes)
    if nodes and isinstance(nodes[0], str):
        captions = list(captions or [None] * count)
        suffixes = list(suffixes or [None] * count)
        insets = list(insets or [False] * count)
        nodes = [NodeSpec(label, caption=captions[index], suffix=suffixes[index],
                          inset=bool(insets[index]))
                 for index, label in enumerate(nodes)]
    if arrows is None:
        gaps = list(gaps) if gaps is not None else [False] * count
        arrow_labels = list(arrow_labels or [None] * (count - 1))
        arrows = [ArrowSpec(arrow_labels[index - 1], gap=bool(gaps[index]))
                  for index in range(1, count)]
    arrows = list(arrows)
    if len(arrows) != max(count - 1, 0):
        raise ValueError(f"{count} nodes need {count - 1} arrow specs, got "
                         f"{len(arrows)}")
    return nodes, arrows


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


