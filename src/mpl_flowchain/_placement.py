"""The placement engine behind `compute_layout`.

Each node's parts (its circle, label, sublabel, suffix, inset and caption)
are first laid out around the node's own centre.  Nodes are then placed
one after the other along the chain's direction, each as close to the one
before as the style's spacing allows and no closer than keeps every part
clear of every part placed before it.  A wrapped chain is placed row by
row, and the arrow from the end of one row to the start of the next runs
around the rows through a lane kept free between them.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from ._arrows import head_half_width
from .layout import ArrowGeometry, InsetGeometry, NodeGeometry, TextBox

DIRECTIONS = {"lr": (1.0, 0.0), "rl": (-1.0, 0.0), "tb": (0.0, -1.0),
              "bt": (0.0, 1.0)}
# The direction in which a wrapped chain starts its next row (or column).
ROW_STEPS = {"lr": (0.0, -1.0), "rl": (0.0, -1.0), "tb": (1.0, 0.0),
             "bt": (1.0, 0.0)}
SIDES = {"above": (0.0, 1.0), "below": (0.0, -1.0), "left": (-1.0, 0.0),
         "right": (1.0, 0.0)}
INSET_SIDES = ("below", "above", "left", "right")
# Boxes that overlap by less than this many points do not count as
# overlapping, so that rounding never pushes nodes apart.
_EPSILON = 1e-6
SUBLABEL_SCALE = 0.8


@dataclass
class Placed:
    """The result of `place_chain`, which `compute_layout` completes."""

    nodes: tuple
    arrows: tuple
    insets: tuple
    captions: tuple
    suffixes: tuple
    bbox: tuple
    place: object
    extent: object


@dataclass
class _Parts:
    """A node's parts, placed around the node's centre at the origin."""

    node: NodeGeometry
    caption: TextBox | None
    suffix: TextBox | None
    inset: InsetGeometry | None
    boxes: list
    east: float
    """Distance from the centre to the east end of the node and suffix."""


class _Placer:
    def __init__(self, style, measure, orientation, label_side):
        self.style = style
        self.measure = measure
        self.direction = DIRECTIONS[orientation]
        self.row_step = ROW_STEPS[orientation]
        self.horizontal = orientation in ("lr", "rl")
        if label_side is None:
            label_side = "above" if self.horizontal else "left"
        if label_side not in SIDES:
            raise ValueError(f"label_side must be one of {', '.join(SIDES)}, got "
                             f"{label_side!r}")
        if _dot(SIDES[label_side], self.direction) != 0:
            raise ValueError(
                f"label_side {label_side!r} lies along a {orientation!r} chain; "
                "give a side across it"
            )
        self.label_side = label_side
        self.default_inset_side = "below" if self.horizontal else "right"

    # Texts.

    def extent(self, text, scale=1.0):
        return self.measure(text, self.style.fontsize * scale, self.style)

    def place(self, text, x, y, ha="center", scale=1.0):
        width, ascent, descent = self.extent(text, scale)
        return TextBox(text, x, y, ha, self.style.fontsize * scale, width, ascent,
                       descent, self.style.inner_sep * scale)

    def beside(self, text, point, side, scale=1.0):
        """Place *text* on *side* of *point*, as TikZ's ``above`` and the like."""
        width, ascent, descent = self.extent(text, scale)
        pad = (self.style.text_outer_sep + self.style.inner_sep) * scale
        x, y = point
        if side == "above":
            return self.place(text, x, y + pad + descent, "center", scale)
        if side == "below":
            return self.place(text, x, y - pad - ascent, "center", scale)
        middle = y - (ascent - descent) / 2
        if side == "right":
            return self.place(text, x + pad, middle, "left", scale)
        return self.place(text, x - pad, middle, "right", scale)

    def outer_edge(self, box, side):
        """Return the coordinate of a text's anchor on *side*, outer sep included."""
        x0, y0, x1, y1 = box.padded_bbox
        outer = self.style.text_outer_sep * (box.fontsize / self.style.fontsize)
        return {"below": y0 - outer, "above": y1 + outer, "left": x0 - outer,
                "right": x1 + outer}[side]

    # Nodes.

    def parts(self, spec, index):
        style = self.style
        width, ascent, descent = self.extent(spec.label)
        minimum = style.node_radius if spec.min_radius is None else spec.min_radius
        radius = minimum
        if spec.label_position == "center":
            # As in TikZ's circle shape, the circle contains the text's box,
            # and the style's radius is the minimum.
            needed = (math.hypot(width, ascent + descent) / 2 if spec.shape == "circle"
                      else max(width, ascent + descent) / 2)
            radius = max(minimum, needed)
        anchor = radius + style.node_linewidth / 2
        # Texts "under" a node go below it in a horizontal chain.  A vertical
        # chain's arrows leave below, so there they go beside the node, on
        # the side away from the inset.
        side, point = "below", (0.0, -anchor)
        if not self.horizontal:
            inset_side = spec.inset_side or self.default_inset_side
            side = "right" if inset_side == "left" else "left"
            point = (anchor if side == "right" else -anchor, 0.0)
        bottom = -anchor
        suffix = None
        east = anchor
        if spec.suffix:
            suffix = self.beside(spec.suffix, (anchor, 0.0), "right", style.suffix_scale)
            east = self.outer_edge(suffix, "right")
            if side == "right":
                # The suffix stays next to the node, and the other texts follow it.
                point = (east, 0.0)
        if spec.label_position == "center":
            label = self.place(spec.label, 0.0, -(ascent - descent) / 2)
        else:
            label = self.beside(spec.label, point, side)
            point = self._past(label, side, point)
        node = NodeGeometry((0.0, 0.0), radius, style.node_linewidth, label,
                            spec.shape)
        texts = [label]
        if spec.sublabel:
            sublabel = self.beside(spec.sublabel, point, side, SUBLABEL_SCALE)
            point = self._past(sublabel, side, point)
            node = dataclasses.replace(node, sublabel=sublabel)
            texts.append(sublabel)
        if side == "below":
            bottom = point[1]
        if suffix is not None:
            texts.append(suffix)
        inset, caption = self._inset_and_caption(spec, index, anchor, bottom, east,
                                                 (point, side))
        if caption is not None:
            texts.append(caption)
        boxes = [_square((0.0, 0.0), anchor)] + [box.padded_bbox for box in texts]
        if inset is not None:
            boxes.append(_square(inset.center, inset.radius + inset.linewidth / 2))
        return _Parts(node, caption, suffix, inset, boxes, east)

    def _past(self, box, side, point):
        """Return the anchor just beyond a text placed on *side* of *point*."""
        edge = self.outer_edge(box, side)
        if side in ("below", "above"):
            return (point[0], edge)
        return (edge, point[1])

    def _inset_and_caption(self, spec, index, anchor, bottom, east, under):
        style = self.style
        if not spec.inset:
            # Without an inset the caption joins the texts under the node,
            # which a vertical chain sets beside it.
            point, side = under
            if side == "below":
                point = (0.0, bottom)
            caption = (self.beside(spec.caption, point, side)
                       if spec.caption else None)
            return None, caption
        side = spec.inset_side or self.default_inset_side
        half = style.inset_radius + style.inset_linewidth / 2
        if side == "below":
            center = (0.0, bottom - style.inset_gap - half)
        elif side == "above":
            center = (0.0, anchor + style.inset_gap + half)
        elif side == "right":
            center = (east + style.inset_gap + half, 0.0)
        else:
            center = (-(anchor + style.inset_gap + half), 0.0)
        origin = (center[0], center[1] - style.inset_axis_drop)
        inset = InsetGeometry(index, center, style.inset_radius, style.inset_linewidth,
                              origin, style.inset_unit, tuple(style.inset_xaxis),
                              tuple(style.inset_yaxis))
        caption = None
        if spec.caption:
            if side == "above":
                caption = self.beside(spec.caption, (center[0], center[1] + half),
                                      "above")
            else:
                caption = self.beside(spec.caption, (center[0], center[1] - half),
                                      "below")
        return inset, caption

    # Arrows.

    def reach(self, parts, toward):
        """Return how far a node's parts reach from its centre along *toward*.

        That is the node's anchor, or the point where the line from the
        centre along the unit vector *toward* leaves the suffix's room
        (its padded box and outer sep) when the line runs through it.
        """
        anchor = parts.node.anchor_radius
        if parts.suffix is None:
            return anchor
        x0, y0, x1, y1 = parts.suffix.padded_bbox
        outer = self.style.text_outer_sep * (parts.suffix.fontsize
                                             / self.style.fontsize)
        leave = _ray_exit(toward, (x0 - outer, y0 - outer, x1 + outer, y1 + outer))
        return anchor if leave is None else max(anchor, leave)

    def arrows_between(self, source, target, spec, start_point, end_point,
                       source_parts, target_parts):
        """Return the geometries and label boxes of the arrows of one pair."""
        style = self.style
        d = _unit(_sub(end_point, start_point))
        reach_source = self.reach(source_parts, d)
        reach_target = self.reach(target_parts, _mul(d, -1.0))
        border_source = _add(start_point, _mul(d, reach_source))
        border_target = _sub(end_point, _mul(d, reach_target))
        midpoint = _mid(border_source, border_target)
        # A tail keeps arrow_start_shorten from its node, or gap_arrow_shorten
        # where it leaves the gap mark's side.
        tail_room = _start_shorten(style)
        gap_room = style.gap_arrow_shorten if spec.gap else None
        shorten_source = tail_room if gap_room is None else gap_room
        shorten_target = style.arrow_shorten
        mark = None
        if spec.gap:
            mark = _add(border_source, _mul(_sub(border_target, border_source),
                                             style.gap_mark_position))
        side = SIDES[self.label_side]
        opposite = self.label_side_opposite()
        arrows = []
        both = spec.direction == "both"
        offset = (style.parallel_arrow_offset
                  if both and spec.bend == 0 and spec.inverse_bend == 0 else 0.0)
        forward_side, inverse_side = self.label_side, opposite
        if both and spec.inverse_bend and not spec.bend:
            # The straight arrow's label goes on the side away from the arc.
            forward_side = _side_of(_mul(_bulge(_mul(d, -1.0), spec.inverse_bend),
                                         -1.0))
        if both and spec.bend and not spec.inverse_bend:
            inverse_side = _side_of(_mul(_bulge(d, spec.bend), -1.0))
        # A bent arrow's label sits outside its arc.  When both arcs of a
        # pair bulge to one side, the flatter one takes its label inside,
        # towards the line through the nodes, so that the labels never meet.
        inverse_bend = spec.inverse_bend if both else spec.bend
        forward_bulge = _bulge(d, spec.bend) if spec.bend else None
        inverse_bulge = _bulge(_mul(d, -1.0), inverse_bend) if inverse_bend else None
        if forward_bulge is not None:
            forward_side = _side_of(forward_bulge)
        if inverse_bulge is not None:
            inverse_side = _side_of(inverse_bulge)
        if (both and forward_bulge is not None and inverse_bulge is not None
                and _dot(forward_bulge, inverse_bulge) > 0):
            if abs(spec.bend) <= abs(spec.inverse_bend):
                forward_side = _side_of(_mul(forward_bulge, -1.0))
            else:
                inverse_side = _side_of(_mul(inverse_bulge, -1.0))
        if spec.direction in ("forward", "both"):
            arrows.append(self._one_arrow(
                source, target, start_point, end_point, source_parts, target_parts,
                shorten_source, shorten_target, spec.bend, _mul(side, offset),
                spec.label, forward_side, midpoint, mark, inverse=False))
        if spec.direction in ("inverse", "both"):
            label = spec.inverse_label if both else spec.label
            bend = spec.inverse_bend if both else spec.bend
            label_side = inverse_side if both or bend else self.label_side
            shift = _mul(side, -offset)
            arrows.append(self._one_arrow(
                source, target, end_point, start_point, target_parts, source_parts,
                tail_room, style.arrow_shorten if gap_room is None else gap_room,
                bend, shift, label, label_side,
                midpoint, mark if not both else None, inverse=True))
        return arrows

    def label_side_opposite(self):
        return {"above": "below", "below": "above", "left": "right",
                "right": "left"}[self.label_side]

    def _one_arrow(self, source, target, tail_center, head_center, tail_parts,
                   head_parts, shorten_tail, shorten_head, bend, shift, text,
                   label_side, midpoint, mark, inverse):
        style = self.style
        d = _unit(_sub(head_center, tail_center))
        if bend == 0:
            reach_tail = self.reach(tail_parts, d)
            reach_head = self.reach(head_parts, _mul(d, -1.0))
            start = _add(_add(tail_center, _mul(d, reach_tail + shorten_tail)), shift)
            end = _add(_sub(head_center, _mul(d, reach_head + shorten_head)), shift)
            anchor = _add(midpoint, shift)
            label = self.beside(text, anchor, label_side) if text else None
            return ArrowGeometry(source, target, start, end, anchor,
                                 style.arrow_linewidth, label, mark, 0.0, None,
                                 inverse, d)
        # A bent arrow leaves its tail at *bend* degrees to the left of the
        # straight line and meets its head symmetrically, along a quadratic
        # Bezier curve whose control point lies on the left normal.  Each
        # end keeps its room from the node's border along its own heading.
        angle = math.radians(bend)
        leave = _rotate(d, angle)
        enter = _mul(_rotate(d, -angle), -1.0)
        tail_anchor = self._node_anchor(tail_center, self.reach(tail_parts, leave),
                                        shorten_tail, leave)
        head_anchor = self._node_anchor(head_center, self.reach(head_parts, enter),
                                        shorten_head, enter)
        chord = _sub(head_anchor, tail_anchor)
        length = math.hypot(*chord)
        left = (-d[1], d[0])
        height = length / 2 * math.tan(angle)
        apex = _add(_mid(tail_anchor, head_anchor), _mul(left, height / 2))
        label = self.beside(text, apex, label_side) if text else None
        heading = d
        if mark is not None:
            control = _add(_mid(tail_anchor, head_anchor), _mul(left, height))
            t = style.gap_mark_position
            mark = _add(_add(_mul(tail_anchor, (1 - t) ** 2),
                             _mul(control, 2 * (1 - t) * t)), _mul(head_anchor, t * t))
            # The dots follow the curve's tangent there, the derivative of
            # the quadratic Bezier curve.
            heading = _unit(_add(_mul(_sub(control, tail_anchor), 1 - t),
                                 _mul(_sub(head_anchor, control), t)))
        return ArrowGeometry(source, target, tail_anchor, head_anchor, apex,
                             style.arrow_linewidth, label, mark, float(bend), None,
                             inverse, heading)

    @staticmethod
    def _node_anchor(center, reach, shorten, direction):
        return _add(center, _mul(direction, reach + shorten))


def _start_shorten(style):
    """Return the room between a node's border and the tail of an arrow."""
    if style.arrow_start_shorten is None:
        return style.arrow_shorten
    return style.arrow_start_shorten


def place_chain(specs, arrow_specs, *, orientation, wrap, label_side, style,
                measure):
    """Place a chain's nodes, arrows, insets and texts; return a `Placed`."""
    placer = _Placer(style, measure, orientation, label_side)
    for index, spec in enumerate(specs):
        side = spec.inset_side
        if side is not None and side not in INSET_SIDES:
            raise ValueError(f"node {index}: inset_side must be one of "
                             f"{', '.join(INSET_SIDES)}, got {side!r}")
    parts = [placer.parts(spec, index) for index, spec in enumerate(specs)]
    rows = _rows(len(specs), wrap)
    positions = [None] * len(specs)
    arrows = []
    row_boxes = []
    placed = []
    for row_index, row in enumerate(rows):
        local, local_arrows, boxes = _place_row(placer, parts, arrow_specs, row)
        if row_index == 0:
            offset = (0.0, 0.0)
        else:
            offset = _row_offset(placer, row_boxes[-1], boxes, arrow_specs[row[0] - 1])
        for index in row:
            positions[index] = _add(local[index], offset)
        arrows += [_moved_arrow(arrow, offset) for arrow in local_arrows]
        moved = [_moved_box(box, offset) for box in boxes]
        row_boxes.append(moved)
        placed += moved
    for number, (previous, row) in enumerate(zip(rows, rows[1:])):
        connector = _connector(placer, parts, positions, previous[-1], row[0],
                               arrow_specs[row[0] - 1],
                               (row_boxes[number], row_boxes[number + 1]))
        arrows.insert(_arrow_slot(arrows, row[0]), connector)
        if connector.label is not None:
            placed.append(connector.label.padded_bbox)
    nodes = tuple(_moved_node(parts[i].node, positions[i]) for i in range(len(specs)))
    insets = tuple(_moved_inset(parts[i].inset, positions[i])
                   for i in range(len(specs)) if parts[i].inset is not None)
    captions = tuple(_moved_text(parts[i].caption, positions[i])
                     for i in range(len(specs)))
    suffixes = tuple(_moved_text(parts[i].suffix, positions[i])
                     for i in range(len(specs)))
    bbox = _bounding_box(placed, arrows, style)
    return Placed(nodes, tuple(arrows), insets, captions, suffixes, bbox,
                  placer.place, placer.extent)


def _rows(count, wrap):
    if wrap is None:
        return [list(range(count))]
    if isinstance(wrap, bool) or not isinstance(wrap, int) or wrap < 1:
        raise ValueError(f"wrap must be a positive number of nodes per row, got "
                         f"{wrap!r}")
    return [list(range(start, min(start + wrap, count)))
            for start in range(0, count, wrap)]


def _place_row(placer, parts, arrow_specs, row):
    """Place one row along the chain's direction, from the origin."""
    style = placer.style
    d = placer.direction
    positions = {row[0]: (0.0, 0.0)}
    boxes = list(parts[row[0]].boxes)
    arrows = []
    for target in row[1:]:
        source = target - 1
        spec = arrow_specs[source]
        reach_source = placer.reach(parts[source], d)
        reach_target = placer.reach(parts[target], _mul(d, -1.0))
        room = style.gap_distance if spec.gap else style.node_distance
        for text in (spec.label, spec.inverse_label):
            if text:
                width, ascent, descent = placer.extent(text)
                along = width if placer.horizontal else ascent + descent
                room = max(room, along + 2 * (style.inner_sep + style.text_outer_sep))
        step = reach_source + room + reach_target
        start = positions[source]
        for box in parts[target].boxes:
            for other in boxes:
                if _overlap_across(other, box, d) > _EPSILON:
                    need = (_project_max(other, d) - _dot(start, d)
                            - _project_min(box, d))
                    step = max(step, need)
        for _ in range(12):
            end = _add(start, _mul(d, step))
            pair = placer.arrows_between(source, target, spec, start, end,
                                         parts[source], parts[target])
            label_boxes = [arrow.label.padded_bbox for arrow in pair if arrow.label]
            node_boxes = [_moved_box(box, end) for box in parts[target].boxes]
            push = 0.0
            for label in label_boxes:
                for other in boxes + node_boxes:
                    if (_overlap_across(other, label, d) > _EPSILON
                            and _overlap_along(other, label, d) > _EPSILON):
                        push = max(push, _overlap_along(other, label, d))
            if push <= _EPSILON:
                break
            step += 2 * push + _EPSILON
        positions[target] = end
        arrows += pair
        boxes += node_boxes + label_boxes
    return positions, arrows, boxes


def _row_offset(placer, previous_boxes, boxes, connector_spec):
    """Return the offset of a new row that keeps a lane free above it."""
    w = placer.row_step
    lane = _lane_width(placer, connector_spec)
    need = max(_project_max(a, w) for a in previous_boxes) - min(
        _project_min(b, w) for b in boxes) + lane
    return _mul(w, need)


def _lane_width(placer, spec):
    style = placer.style
    width = 2 * style.node_distance / 3
    if spec.label:
        # The label sits on one side of the lane's middle, so half the lane
        # must fit the label's extent across the lane.  That is its height
        # between rows, and its width between the columns of a vertical chain.
        text_width, ascent, descent = placer.extent(spec.label)
        across = ascent + descent if placer.horizontal else text_width
        width = max(width, 2 * (across + 2 * style.inner_sep
                                + 2 * style.text_outer_sep))
    return width


def _connector(placer, parts, positions, source, target, spec, row_boxes):
    """Return the arrow from the end of one row to the start of the next."""
    style = placer.style
    if spec.direction != "forward" or spec.bend:
        raise ValueError(
            f"the arrow from node {source} to node {target} crosses a row break, "
            "where only straight forward arrows can be drawn; move the break "
            "(wrap=) or draw this arrow forward"
        )
    d, w = placer.direction, placer.row_step
    margin = style.node_distance / 3
    previous_row, next_row = row_boxes
    tail, head = positions[source], positions[target]
    reach_tail = placer.reach(parts[source], d)
    reach_head = placer.reach(parts[target], _mul(d, -1.0))
    shorten_tail = style.gap_arrow_shorten if spec.gap else _start_shorten(style)
    start = _add(tail, _mul(d, reach_tail + shorten_tail))
    end = _sub(head, _mul(d, reach_head + style.arrow_shorten))
    u_out = max(max(_project_max(box, d) for box in previous_row) + margin,
                _dot(start, d) + margin)
    u_in = min(min(_project_min(box, d) for box in next_row) - margin,
               _dot(end, d) - margin)
    v_lane = (max(_project_max(box, w) for box in previous_row)
              + min(_project_min(box, w) for box in next_row)) / 2

    def point(u, v):
        return _add(_mul(d, u), _mul(w, v))

    corners = (start, point(u_out, _dot(tail, w)), point(u_out, v_lane),
               point(u_in, v_lane), point(u_in, _dot(head, w)), end)
    lane_middle = point((u_out + u_in) / 2, v_lane)
    label = None
    if spec.label:
        label = placer.beside(spec.label, lane_middle, _side_of(_mul(w, -1.0)))
    mark = None
    mark_direction = d
    if spec.gap:
        # The dots sit as far from the border as in a row at the gap's
        # distance, in the room before the ink.  A fraction of this longer
        # path would put them on the line.
        border = _add(tail, _mul(d, reach_tail))
        mark, mark_direction = _along_polyline(
            (border,) + corners[1:], style.gap_mark_position * style.gap_distance)
    return ArrowGeometry(source, target, start, end, lane_middle,
                         style.arrow_linewidth, label, mark, 0.0, corners, False,
                         mark_direction)


def _arrow_slot(arrows, target):
    for index, arrow in enumerate(arrows):
        if arrow.target > target or (arrow.target == target and arrow.source > target):
            return index
    return len(arrows)


def _along_polyline(points, distance):
    """Return the point *distance* along a polyline, and its heading.

    The heading is the unit vector of the segment that the point lies on,
    along which a gap mark's dots are set.
    """
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:])]
    remaining = distance
    heading = (1.0, 0.0)
    for (a, b), length in zip(zip(points, points[1:]), lengths):
        if length <= 0:
            continue
        heading = _unit(_sub(b, a))
        if remaining <= length:
            return _add(a, _mul(_sub(b, a), remaining / length)), heading
        remaining -= length
    return points[-1], heading


def _bounding_box(boxes, arrows, style):
    boxes = list(boxes)
    for arrow in arrows:
        half = head_half_width(style, arrow.linewidth)
        points = [arrow.start, arrow.end]
        if arrow.path is not None:
            points = list(arrow.path)
        elif arrow.bend:
            points.append(arrow.midpoint)
            points += _bent_extremes(arrow.start, arrow.end, arrow.bend)
        for x, y in points:
            boxes.append((x - half, y - half, x + half, y + half))
        if arrow.gap_mark is not None:
            boxes += _gap_mark_boxes(arrow.gap_mark, arrow.direction, style)
        if arrow.label is not None:
            boxes.append(arrow.label.padded_bbox)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _gap_mark_boxes(center, direction, style):
    """Return the boxes of a gap mark's dots, as the drawing places them."""
    radius = style.gap_dot_diameter / 2
    middle = _add(center, _mul(direction, style.gap_dot_shift))
    dots = [_add(middle, _mul(direction, step * style.gap_dot_pitch))
            for step in (-1, 0, 1)]
    return [_square(dot, radius) for dot in dots]


def _bent_extremes(start, end, bend):
    """Return the points where a bent arrow's curve is furthest along x or y.

    The curve is the quadratic Bezier curve that the drawing makes with
    matplotlib's ``arc3`` connection style: its control point lies on the
    left normal of the chord, ``tan(bend) / 2`` chord lengths from the
    chord's middle.
    """
    chord = _sub(end, start)
    lift = math.tan(math.radians(bend)) / 2
    control = _add(_mid(start, end), _mul((-chord[1], chord[0]), lift))
    points = []
    for axis in (0, 1):
        curvature = start[axis] - 2 * control[axis] + end[axis]
        if abs(curvature) < 1e-12:
            continue
        t = (start[axis] - control[axis]) / curvature
        if 0 < t < 1:
            points.append(_add(_add(_mul(start, (1 - t) ** 2),
                                    _mul(control, 2 * (1 - t) * t)), _mul(end, t * t)))
    return points


# Moving placed parts.

def _moved_box(box, offset):
    dx, dy = offset
    return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)


def _moved_text(box, offset):
    if box is None:
        return None
    return dataclasses.replace(box, x=box.x + offset[0], y=box.y + offset[1])


def _moved_node(node, offset):
    return dataclasses.replace(node, center=_add(node.center, offset),
                               label=_moved_text(node.label, offset),
                               sublabel=_moved_text(node.sublabel, offset))


def _moved_inset(inset, offset):
    return dataclasses.replace(inset, center=_add(inset.center, offset),
                               origin=_add(inset.origin, offset))


def _moved_arrow(arrow, offset):
    path = None
    if arrow.path is not None:
        path = tuple(_add(point, offset) for point in arrow.path)
    mark = None if arrow.gap_mark is None else _add(arrow.gap_mark, offset)
    return dataclasses.replace(
        arrow, start=_add(arrow.start, offset), end=_add(arrow.end, offset),
        midpoint=_add(arrow.midpoint, offset), label=_moved_text(arrow.label, offset),
        gap_mark=mark, path=path)


# Vectors and boxes.

def _add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def _sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def _mul(a, k):
    return (a[0] * k, a[1] * k)


def _mid(a, b):
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _dot(a, b):
    return a[0] * b[0] + a[1] * b[1]


def _unit(a):
    length = math.hypot(*a)
    return (a[0] / length, a[1] / length)


def _rotate(a, angle):
    c, s = math.cos(angle), math.sin(angle)
    return (a[0] * c - a[1] * s, a[0] * s + a[1] * c)


def _bulge(travel, bend):
    """Return the unit normal on the side to which a bent arrow bulges."""
    left = (-travel[1], travel[0])
    return left if bend > 0 else _mul(left, -1.0)


def _side_of(normal):
    """Return the side name of an axis-aligned unit vector."""
    best = max(SIDES, key=lambda name: _dot(SIDES[name], normal))
    return best


def _square(center, half):
    return (center[0] - half, center[1] - half, center[0] + half, center[1] + half)


def _project_min(box, d):
    return min(_dot((x, y), d) for x in (box[0], box[2]) for y in (box[1], box[3]))


def _project_max(box, d):
    return max(_dot((x, y), d) for x in (box[0], box[2]) for y in (box[1], box[3]))


def _overlap_across(a, b, d):
    """Return how far two boxes overlap across direction *d*."""
    across = (-d[1], d[0])
    return min(_project_max(a, across), _project_max(b, across)) - max(
        _project_min(a, across), _project_min(b, across))


def _ray_exit(direction, box):
    """Return where a ray from the origin along *direction* leaves *box*.

    *box* is ``(x0, y0, x1, y1)``.  Return the distance along the unit
    vector *direction*, or None when the ray misses the box.
    """
    near, far = -math.inf, math.inf
    for axis in (0, 1):
        low, high = box[axis], box[axis + 2]
        if abs(direction[axis]) < 1e-12:
            if not low <= 0.0 <= high:
                return None
            continue
        first, second = low / direction[axis], high / direction[axis]
        near = max(near, min(first, second))
        far = min(far, max(first, second))
    if far < max(near, 0.0):
        return None
    return far


def _overlap_along(a, b, d):
    return min(_project_max(a, d), _project_max(b, d)) - max(
        _project_min(a, d), _project_min(b, d))
