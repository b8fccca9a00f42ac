"""Properties of drawn chains, over random chains, Axes sizes and DPIs.

Each example builds a random chain of 1 to 40 stages.  The chains vary in
label lengths, gaps, insets on every side, captions, suffixes, sublabels,
arrow directions and bends, orientation and wrapping.  The test draws the
chain once with an Agg canvas at a random DPI from 50 to 600, reads the
drawn artists back through their transforms in points, and checks that

- every arrow starts and ends at its shortened node border;
- no text overlaps another text, or a node other than its own;
- every node is a circle;
- every artist lies inside its Axes (with ``scale="auto"``) or inside its
  natural-size figure.

The explicit examples are chains that the placement once got wrong.
"""

import math

import numpy as np
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path
from matplotlib.text import Text

from mpl_flowchain import Arrow, Stage, flowchain, natural_figure
from mpl_flowchain._arrows import HEAD_STROKE
from mpl_flowchain.drawing import _Group, _scaled

ARROW_TOLERANCE = 0.5  # points
# Each text's extent shrinks by this many points on every side, or by one
# pixel where that is more, because antialiasing spreads an edge over a
# pixel and FreeType's hinting rounds the glyphs' boxes to whole pixels.
TEXT_TOLERANCE = 0.5
CIRCLE_TOLERANCE = 1e-3  # relative
# Points by which an artist's ink may cross its frame, for rounding errors.
INSIDE_TOLERANCE = 0.01
# matplotlib raises a font size below 1 pt to 1 pt (FontProperties.set_size),
# so a text that the chain shrinks below that is drawn larger than planned,
# and the checks leave it out.
MIN_FONTSIZE = 1.0
# Agg allocates the whole canvas, so a natural figure is drawn at a lower
# DPI where the random one would need more pixels than this, or more than
# Agg's limit of 2**16 on a side.
MAX_PIXELS = 2.5e7
MAX_SIDE = 60000

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    database=None, suppress_health_check=[HealthCheck.too_slow])


def density(t):
    return np.exp(-8 * t**2)


# Random chains.

NODE_LABELS = ("z_{%d}", r"h_{\mathrm{layer}%d}", r"x^{(%d)}_{\mathrm{data}}")
ARROW_LABELS = (None, "f_{%d}", r"g_{\mathrm{coupling}}^{(%d)}(z)",
                r"\mathrm{affine\ coupling\ layer\ number\ %d}")
CAPTIONS = (None, "p_{%d}(z)", r"z_{%d} \sim p_{\mathrm{base}}(z_{%d})")
SUFFIXES = (None, "= x", r"= \mathrm{data\ point}")
SUBLABELS = (None, r"\mathbb{R}^{%d}")
# Two thirds of the arrows are straight.
BENDS = st.one_of(st.just(0.0), st.just(0.0), st.integers(-80, 80).map(float))
ACROSS = {"lr": ("above", "below"), "rl": ("above", "below"),
          "tb": ("left", "right"), "bt": ("left", "right")}

arrow_specs = st.fixed_dictionaries({
    "label": st.sampled_from(ARROW_LABELS),
    "direction": st.sampled_from(("forward", "inverse", "both")),
    "bend": BENDS,
    "inverse_label": st.sampled_from(ARROW_LABELS),
    "inverse_bend": BENDS,
})

# Indices of one to three digits.  Few of them let texts repeat within a
# chain, which keeps mathtext's parse cache warm, because parsing each text
# takes most of the run time.
node_specs = st.fixed_dictionaries({
    "label": st.sampled_from(NODE_LABELS),
    "index": st.sampled_from((0, 7, 12, 345)),
    "gap_before": st.booleans(),
    "inset": st.booleans(),
    "inset_side": st.sampled_from((None, "below", "above", "left", "right")),
    "caption": st.sampled_from(CAPTIONS),
    "suffix": st.sampled_from(SUFFIXES),
    "sublabel": st.sampled_from(SUBLABELS),
    "arrow": arrow_specs,
})


@st.composite
def chains(draw):
    """Return ``(stages, options)``, the options of `flowchain` that shape it."""
    # Half the chains are short, which keeps the run time down.
    count = draw(st.one_of(st.integers(1, 12), st.integers(13, 40)))
    nodes = draw(st.lists(node_specs, min_size=count, max_size=count))
    orientation = draw(st.sampled_from(("lr", "rl", "tb", "bt")))
    wrap = draw(st.one_of(st.none(), st.integers(1, len(nodes))))
    label_side = draw(st.one_of(st.none(), st.sampled_from(ACROSS[orientation])))
    options = dict(orientation=orientation, wrap=wrap, label_side=label_side)
    return build_stages(nodes, wrap), options


def fill(template, index):
    return None if template is None else template.replace("%d", str(index))


def build_stages(nodes, wrap):
    """Turn drawn node specs into a list of stages and gaps.

    A gap goes before a node, never the first, so that gaps are never
    first, last or doubled.
    """
    stages = []
    for position, node in enumerate(nodes):
        index = node["index"]
        if position > 0 and node["gap_before"]:
            stages.append(...)
        arrow = None
        if position > 0:
            row_break = wrap is not None and position % wrap == 0
            arrow = make_arrow(node["arrow"], index, row_break)
        stages.append(Stage(
            fill(node["label"], index),
            arrow=arrow,
            density=density if node["inset"] else None,
            inset_side=node["inset_side"],
            caption=fill(node["caption"], index),
            suffix=node["suffix"],
            sublabel=fill(node["sublabel"], index % 9 + 1),
        ))
    return stages


def make_arrow(spec, index, row_break):
    label = fill(spec["label"], index)
    if row_break:
        # Only a straight forward arrow can cross a row break.
        return Arrow(label)
    inverse = None
    if spec["direction"] == "both":
        inverse = Arrow(fill(spec["inverse_label"], index), bend=spec["inverse_bend"])
    return Arrow(label, direction=spec["direction"], bend=spec["bend"],
                 inverse=inverse)


def gaps_of(stages):
    """Return the indices of the nodes that a gap precedes."""
    gaps, count, pending = set(), 0, False
    for item in stages:
        if item is Ellipsis:
            pending = True
            continue
        if pending:
            gaps.add(count)
        count, pending = count + 1, False
    return gaps


# The Axes' width and height as fractions of the chain's natural ones, and
# its place as (left, bottom, width, height) in fractions of the figure.
axes_sizes = st.tuples(st.floats(0.1, 1.5), st.floats(0.1, 1.5))
axes_rects = st.tuples(st.floats(0.0, 0.5), st.floats(0.0, 0.5), st.floats(0.3, 1.0),
                       st.floats(0.3, 1.0)).map(
    lambda r: (r[0], r[1], r[2] * (1 - r[0]), r[3] * (1 - r[1])))
dpis = st.integers(50, 600)


def canvas_dpi(dpi, size):
    """Return *dpi*, or less where the canvas would get too large for Agg."""
    width, height = size
    largest = min(math.sqrt(MAX_PIXELS / (width * height)),
                  MAX_SIDE / max(width, height))
    if dpi <= largest:
        return dpi
    event("the DPI is lowered to fit the canvas")
    return largest


# Drawing and reading back.

def leaves(artist):
    """Return the artists that *artist* draws, groups unpacked."""
    if isinstance(artist, _Group):
        return [leaf for child in artist.get_children() for leaf in leaves(child)]
    return [artist]


class Drawn:
    """A chain drawn with Agg, read back in points on the figure.

    At a scale below 1, every length of the layout is that much shorter
    in these points.
    """

    def __init__(self, fig, chain):
        FigureCanvasAgg(fig)
        fig.canvas.draw()
        self.chain = chain
        self.renderer = fig.canvas.get_renderer()
        self.scale = chain.get_scale()
        self.per_point = fig.dpi / 72
        self._paths = {}

    def path(self, artist):
        """Return the artist's path in points, as it is drawn.

        Of the artists with a path, only an arrow's depends on the line
        width and head size that the chain scales while drawing.
        """
        if artist in self._paths:
            return self._paths[artist]
        scale = self.scale if isinstance(artist, FancyArrowPatch) else 1.0
        with _scaled(artist, scale):
            path = artist.get_transform().transform_path(artist.get_path())
        path = Path(path.vertices / self.per_point, path.codes)
        self._paths[artist] = path
        return path

    def linewidth(self, artist):
        return artist.get_linewidth() * self.scale

    def extent(self, text):
        """Return a text's window extent ``(x0, y0, x1, y1)`` in points."""
        with _scaled(text, self.scale):
            box = text.get_window_extent(self.renderer)
        return np.array([box.x0, box.y0, box.x1, box.y1]) / self.per_point

    def circle(self, patch):
        """Return the centre and the width and height of a node's path."""
        box = self.path(patch).get_extents()
        return np.array([box.x0 + box.x1, box.y0 + box.y1]) / 2, box.size

    def to_scale(self, text):
        """Tell whether *text* is drawn at its font size times the scale."""
        return text.get_fontsize() * self.scale >= MIN_FONTSIZE

    def text_extent(self, text):
        """Return a text's extent, shrunk by the text tolerance on every side."""
        shrink = max(TEXT_TOLERANCE, 1 / self.per_point)
        return self.extent(text) + np.array([1, 1, -1, -1]) * shrink

    def ink(self, artist):
        """Return a box around an artist's ink, or None if it draws nothing."""
        if isinstance(artist, Text):
            return self.text_extent(artist)
        path = self.path(artist)
        if len(path.vertices) == 0:
            return None
        box = path.get_extents()
        half = self.linewidth(artist) / 2
        return np.array([box.x0 - half, box.y0 - half, box.x1 + half, box.y1 + half])

    def arrow_ends(self, arrow):
        """Return where an arrow's ink starts and where its tip's ink ends.

        The shaft has butt caps, so its ink starts at its first vertex.
        The tip is TikZ's ``to`` tip: two barbs that meet at the apex,
        stroked with round caps at `HEAD_STROKE` times the shaft's width,
        so its ink ends half that stroke beyond the apex.
        """
        pieces = split_at_moves(self.path(arrow))
        shaft, barbs = pieces[0], pieces[1:]
        start = shaft[0]
        apex = barbs[0][-1]
        barb_ends = np.array([barb[0] for barb in barbs])
        heading = unit(apex - barb_ends.mean(axis=0))
        end = apex + heading * self.linewidth(arrow) * HEAD_STROKE / 2
        return start, end


def split_at_moves(path):
    """Return the vertices of each subpath of *path*."""
    pieces = []
    for vertex, code in zip(path.vertices, path.codes):
        if code == Path.MOVETO:
            pieces.append([])
        pieces[-1].append(np.array(vertex))
    return pieces


def unit(vector):
    vector = np.asarray(vector, dtype=float)
    return vector / np.hypot(*vector)


def rotate(vector, degrees):
    angle = math.radians(degrees)
    c, s = math.cos(angle), math.sin(angle)
    return np.array([vector[0] * c - vector[1] * s, vector[0] * s + vector[1] * c])


def ray_exit(origin, direction, box):
    """Return where a ray from *origin* leaves *box*, or None if it misses.

    *box* is ``(x0, y0, x1, y1)``, and the result is a distance along the
    unit vector *direction*.
    """
    near, far = -math.inf, math.inf
    for axis in (0, 1):
        low, high = box[axis], box[axis + 2]
        if abs(direction[axis]) < 1e-12:
            if not low <= origin[axis] <= high:
                return None
            continue
        first = (low - origin[axis]) / direction[axis]
        second = (high - origin[axis]) / direction[axis]
        near = max(near, min(first, second))
        far = min(far, max(first, second))
    if far < max(near, 0.0):
        return None
    return far


def show(box):
    return "(" + ", ".join(f"{value:.2f}" for value in box) + ")"


# The properties.

DIRECTIONS = {"lr": (1.0, 0.0), "rl": (-1.0, 0.0), "tb": (0.0, -1.0),
              "bt": (0.0, 1.0)}
SIDES = {"above": (0.0, 1.0), "below": (0.0, -1.0), "left": (-1.0, 0.0),
         "right": (1.0, 0.0)}


def suffix_rooms(drawn):
    """Return the room of each node's suffix in points, by node.

    The room is the suffix's box grown by its padding and outer sep.  It
    is the layout's box placed by the chain's transform, because a text's
    window extent is never shorter than the letters "lp" of its font, and
    a suffix such as "= x" is.
    """
    chain, style = drawn.chain, drawn.chain.style
    rooms = {}
    for node, box in enumerate(chain.layout.suffixes):
        if box is None:
            continue
        outer = style.text_outer_sep * box.fontsize / style.fontsize
        x0, y0, x1, y1 = box.padded_bbox
        corners = chain.transform.transform([(x0 - outer, y0 - outer),
                                             (x1 + outer, y1 + outer)])
        rooms[node] = corners.ravel() / drawn.per_point
    return rooms


def check_arrow_ends(drawn, options, gaps):
    """Check every arrow's ends against its nodes' shortened borders.

    A node's border, seen from its centre along a heading, is its anchor
    circle (the path's radius plus half the border's width), or the far
    end of its suffix's room where the heading runs through that room.
    An arrow starts ``arrow_start_shorten`` (``arrow_shorten`` when that
    is None) beyond its start node's border and its tip ends
    ``arrow_shorten`` before its end node's border.  Between two nodes
    across a gap, the end at the earlier node keeps ``gap_arrow_shorten``
    instead, for the gap's dots, whichever way the arrow points.

    A straight arrow runs along the line between the two centres, and two
    opposite straight arrows between the same nodes are moved apart
    across it by ``parallel_arrow_offset`` each, the forward one towards
    the labels' side.  A bent arrow meets each border along that line
    turned by its bend.  An arrow between rows of a wrapped chain leaves
    and enters its nodes along the chain's direction, as a straight arrow
    of an unwrapped chain does.
    """
    chain, style, scale = drawn.chain, drawn.chain.style, drawn.scale
    orientation = options["orientation"]
    label_side = options["label_side"] or ("above" if orientation in ("lr", "rl")
                                           else "left")
    direction = np.array(DIRECTIONS[orientation])
    side = np.array(SIDES[label_side])
    circles = [drawn.circle(patch) for patch in chain.nodes]
    centres = [centre for centre, _ in circles]
    anchors = [size[0] / 2 + drawn.linewidth(patch) / 2
               for (_, size), patch in zip(circles, chain.nodes)]
    rooms = suffix_rooms(drawn)
    start_shorten = (style.arrow_shorten if style.arrow_start_shorten is None
                     else style.arrow_start_shorten)
    pairs = {}
    for geometry in chain.layout.arrows:
        pairs.setdefault(geometry.source, []).append(geometry)

    def border(node, heading):
        reach = anchors[node]
        if node in rooms:
            leave = ray_exit(centres[node], heading, rooms[node])
            if leave is not None:
                reach = max(reach, leave)
        return reach

    bad_starts, bad_ends = [], []
    for number, (artist, geometry) in enumerate(zip(chain.arrows, chain.layout.arrows)):
        tail, head = geometry.source, geometry.target
        if geometry.inverse:
            tail, head = head, tail
        shorten = {tail: start_shorten, head: style.arrow_shorten}
        if geometry.target in gaps:
            shorten[geometry.source] = style.gap_arrow_shorten
        if geometry.path is not None:
            leave = arrive = direction
        else:
            line = unit(centres[head] - centres[tail])
            leave = rotate(line, geometry.bend)
            arrive = rotate(line, -geometry.bend)
        shift = np.zeros(2)
        pair = pairs[geometry.source]
        if len(pair) == 2 and all(other.bend == 0 for other in pair):
            offset = style.parallel_arrow_offset * scale
            shift = side * (-offset if geometry.inverse else offset)
        expected_start = (centres[tail] + shift
                          + leave * (border(tail, leave) + shorten[tail] * scale))
        expected_end = (centres[head] + shift
                        - arrive * (border(head, -arrive) + shorten[head] * scale))
        start, end = drawn.arrow_ends(artist)
        name = f"arrow {number} (node {tail} -> node {head}, bend {geometry.bend:g})"
        miss = np.hypot(*(start - expected_start))
        if miss > ARROW_TOLERANCE:
            bad_starts.append(f"{name} starts at {start.round(2)}, expected "
                              f"{expected_start.round(2)}: {miss:.2f} pt off")
        miss = np.hypot(*(end - expected_end))
        if miss > ARROW_TOLERANCE:
            bad_ends.append(f"{name} ends at {end.round(2)}, expected "
                            f"{expected_end.round(2)}: {miss:.2f} pt off")
    assert not bad_starts, "arrows start off their borders:\n" + "\n".join(bad_starts)
    assert not bad_ends, "arrow tips end off their borders:\n" + "\n".join(bad_ends)


def named_texts(chain):
    """Return ``(name, text, node)`` for every text, where *node* owns a label."""
    texts = []
    for node in chain:
        texts.append((f"label of node {node.index}", node.label, node.index))
        for field in ("sublabel", "caption", "suffix", "arrow_label",
                      "inverse_arrow_label"):
            text = getattr(node, field)
            if text is not None:
                texts.append((f"{field} of node {node.index}", text, None))
    for number, text in enumerate(chain.legend_labels):
        texts.append((f"legend label {number}", text, None))
    return texts


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_texts_apart(drawn):
    """Check that no text overlaps another text, or a node but its own."""
    texts = []
    for name, text, owner in named_texts(drawn.chain):
        if not drawn.to_scale(text):
            event("a text is below 1 pt")
            continue
        texts.append((f"{name} {text.get_text()!r}", drawn.text_extent(text), owner))
    nodes = [(f"node {index}", drawn.path(patch).get_extents().extents)
             for index, patch in enumerate(drawn.chain.nodes)]
    clashes = []
    for number, (name, box, _) in enumerate(texts):
        for other, other_box, _ in texts[number + 1:]:
            if overlap(box, other_box):
                clashes.append(f"{name} {show(box)} and {other} {show(other_box)}")
    assert not clashes, "texts overlap:\n" + "\n".join(clashes)
    covered = []
    for name, box, owner in texts:
        for index, (node, node_box) in enumerate(nodes):
            if index != owner and overlap(box, node_box):
                covered.append(f"{name} {show(box)} and {node} {show(node_box)}")
    assert not covered, "texts overlap nodes:\n" + "\n".join(covered)


def check_circles(drawn):
    """Check that every node's drawn path is as wide as it is tall."""
    flat = []
    for index, patch in enumerate(drawn.chain.nodes):
        _, (width, height) = drawn.circle(patch)
        if abs(width - height) > CIRCLE_TOLERANCE * max(width, height):
            flat.append(f"node {index}: {width:.4f} x {height:.4f} pt")
    assert not flat, "nodes are not circles:\n" + "\n".join(flat)


def check_inside(drawn, frame):
    """Check that the ink of every artist of the chain lies inside *frame*."""
    outside = []
    low = np.asarray(frame[:2]) - INSIDE_TOLERANCE
    high = np.asarray(frame[2:]) + INSIDE_TOLERANCE
    for artist in leaves(drawn.chain):
        if not artist.get_visible():
            continue
        if isinstance(artist, Text) and not drawn.to_scale(artist):
            continue
        box = drawn.ink(artist)
        if box is None:
            continue
        if (box[:2] < low).any() or (box[2:] > high).any():
            outside.append(f"{describe(artist)} at {show(box)}")
    assert not outside, f"artists outside {show(frame)}:\n" + "\n".join(outside)


def describe(artist):
    if isinstance(artist, Text):
        return f"text {artist.get_text()!r}"
    return type(artist).__name__


def check_properties(drawn, options, gaps, frame):
    check_arrow_ends(drawn, options, gaps)
    check_texts_apart(drawn)
    check_circles(drawn)
    check_inside(drawn, frame)


# The tests.

def chain_options(**options):
    return dict(dict(orientation="lr", wrap=None, label_side=None), **options)


LONG = r"\mathrm{affine\ coupling\ layer\ number\ 3}"


@SETTINGS
@given(chain=chains(), size=axes_sizes, rect=axes_rects, dpi=dpis)
def test_chain_in_axes(chain, size, rect, dpi):
    stages, options = chain
    fig = Figure()
    ax = fig.add_axes(rect)
    flow = flowchain(ax, stages, **options)
    # The chain takes the Axes' size when it is drawn.
    figsize = (flow.layout.width / 72 * size[0] / rect[2],
               flow.layout.height / 72 * size[1] / rect[3])
    fig.set_size_inches(figsize)
    fig.set_dpi(canvas_dpi(dpi, figsize))
    drawn = Drawn(fig, flow)
    box = ax.bbox
    frame = np.array([box.x0, box.y0, box.x1, box.y1]) / drawn.per_point
    check_properties(drawn, options, gaps_of(stages), frame)


@SETTINGS
@given(chain=chains(), dpi=dpis)
# A bent arrow meets a node with a suffix along its own heading, where the
# suffix does not lie, and not at the suffix's end.
@example(chain=([Stage("z_0", suffix="= x"), Stage("z_1", arrow=Arrow(bend=20))],
                chain_options()), dpi=100)
# A bent arrow whose heading runs through a suffix starts beyond it, and the
# natural size contains the whole arc.
@example(chain=([Stage("z_0", suffix="= x"), Stage("z_1", arrow=Arrow(bend=80))],
                chain_options(orientation="tb")), dpi=100)
# Between the columns of a wrapped vertical chain, the lane is wide enough
# for the label of the arrow from one column to the next.
@example(chain=([Stage("z_0"), Stage("z_1", arrow=LONG)],
                chain_options(orientation="tb", wrap=1)), dpi=100)
# Two arcs that bulge to one side keep their labels apart.
@example(chain=([Stage("z_0"), Stage("z_1", arrow=Arrow(
    LONG, direction="both", bend=33, inverse=Arrow(LONG, bend=-77)))],
    chain_options(orientation="tb")), dpi=100)
@example(chain=([Stage("z_0"), Stage("z_1", arrow=Arrow(
    r"g_{\mathrm{coupling}}^{(4)}(z)", direction="both", bend=-45,
    inverse=Arrow("f_{4}", bend=56)))], chain_options()), dpi=100)
# The label of a flat arc across a gap clears the node it points to.
@example(chain=([Stage("z_0"), ..., Stage(r"h_{\mathrm{layer}3}", arrow=Arrow(
    r"\mathrm{affine\ coupling\ layer\ number\ 33}", bend=10))],
    chain_options()), dpi=100)
# The dots of a gap between rows sit before the arrow's ink, inside the
# figure, and further on they follow the segment that they sit on.
@example(chain=([Stage("z_0", density=density), ..., Stage("z_1", density=density)],
                chain_options(wrap=1)), dpi=100)
@example(chain=([Stage("z_0"), ..., Stage("z_1")],
                chain_options(wrap=1, gap_mark_position=0.9)), dpi=100)
# In a vertical chain, a sublabel beside the node follows its suffix.
@example(chain=([Stage("z_0", suffix="= x", sublabel=r"\mathbb{R}^{2}",
                       inset_side="left")], chain_options(orientation="tb")), dpi=100)
def test_natural_figure(chain, dpi):
    stages, options = chain
    fig, flow = natural_figure(stages, **options)
    width, height = fig.get_size_inches()
    fig.set_dpi(canvas_dpi(dpi, (width, height)))
    drawn = Drawn(fig, flow)
    frame = np.array([0.0, 0.0, width * 72, height * 72])
    check_properties(drawn, options, gaps_of(stages), frame)
