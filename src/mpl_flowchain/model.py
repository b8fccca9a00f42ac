"""Stages and gaps: what a chain is made of, and how it is checked."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stage:
    """One latent node of a chain.

    Parameters
    ----------
    label : str
        The node's label as mathtext, with or without dollar signs
        (``"z_0"`` and ``"$z_0$"`` are the same).
    arrow : str or Arrow, optional
        Label of the arrow into this node, or an `Arrow` that also sets
        its direction and look.  A label takes precedence over the labels
        that ``flowchain(..., arrows="auto")`` derives.
    density : optional
        What the inset under the node plots: a function ``t -> p(t)``
        vectorised over numpy arrays, or any other source that
        `mpl_flowchain.densities.evaluate` accepts, or a dict
        ``{legend label: source}`` that draws several curves in one inset
        and lists their labels in a legend under the chain.  No inset
        when None, unless the chain computes densities through a flow.
    caption : str, optional
        Mathtext below the inset, or below the node when it has no inset.
    edgecolor, facecolor : color, optional
        Colours of the node's border and face; the chain's style gives
        the defaults (no border, light grey face).
    suffix : str, optional
        Mathtext set right of the node at 1.2 times the label size, such
        as ``"= x"``.
    domain : (float, float) or ((float, float), (float, float)), optional
        Interval of the density's variable that the inset shows, or the
        rectangle of a two-dimensional density.
    samples : int, optional
        Number of points at which the density is evaluated.
    sublabel : str, optional
        Short mathtext under the node at 0.8 times the label size, such
        as the dimension or the name of a layer.
    inset_side : {"below", "above", "left", "right"}, optional
        Where the inset goes; default: the chain's *inset_side*.
    image : array_like, optional
        A 2-D (grey) or RGB(A) image drawn inside the node, clipped to its
        circle, or to a rounded square with ``shape="square"``.
    shape : {"circle", "square"}, default: "circle"
        Shape of the node; ``"square"`` suits image nodes.
    label_position : {"center", "below"}, optional
        Where the label goes; default ``"center"``, or ``"below"`` for a
        node with an image.
    shade : bool or float, optional
        Fill the area under the inset's curves; a number is the fill's
        alpha (default 0.25).  Default: the chain's *shade* option.
    view : {"heatmap", "contours", "scatter"}, optional
        How a two-dimensional density is drawn; default ``"heatmap"``,
        which for samples is their kernel density estimate.  ``"scatter"``
        draws the samples themselves.
    cmap : str or Colormap, optional
        Colour map of a two-dimensional density; default: the style's.
    """

    label: str
    arrow: str | None = field(default=None, kw_only=True)
    density: object = field(default=None, kw_only=True)
    caption: str | None = field(default=None, kw_only=True)
    edgecolor: object = field(default=None, kw_only=True)
    facecolor: object = field(default=None, kw_only=True)
    suffix: str | None = field(default=None, kw_only=True)
    domain: tuple | None = field(default=None, kw_only=True)
    samples: int | None = field(default=None, kw_only=True)
    sublabel: str | None = field(default=None, kw_only=True)
    inset_side: str | None = field(default=None, kw_only=True)
    image: object = field(default=None, kw_only=True)
    shape: str = field(default="circle", kw_only=True)
    label_position: str | None = field(default=None, kw_only=True)
    shade: bool | float | None = field(default=None, kw_only=True)
    view: str | None = field(default=None, kw_only=True)
    cmap: object = field(default=None, kw_only=True)


@dataclass(frozen=True)
class Arrow:
    """The arrow into a stage, when it needs more than a label.

    Give it as ``Stage(..., arrow=Arrow(...))`` or in the list of
    ``flowchain(..., arrows=[...])``.

    Parameters
    ----------
    label : str, optional
        Mathtext of the label.  With ``arrows="auto"`` a missing label is
        derived from the node labels.
    direction : {"forward", "inverse", "both"}, default: "forward"
        ``"forward"`` points along the chain (f_i, the generative
        direction), ``"inverse"`` against it (f_i^{-1}, the normalizing
        direction), and ``"both"`` draws the two, side by side or, when
        either is bent, as two arcs.
    color : color, optional
    linewidth : float, optional
        Width of the line in points.
    linestyle : str or tuple, optional
        A matplotlib line style, such as ``"--"``.
    bend : float, default: 0
        Angle in degrees at which the arrow leaves its node to the left of
        the straight line, as TikZ's ``bend left``; negative bends right.
    inverse : Arrow or str, optional
        With ``direction="both"``, the label or the look of the inverse
        arrow; by default it takes this arrow's look and, with
        ``arrows="auto"``, the label ``f_n^{-1}(z_n)``.
    """

    label: str | None = None
    direction: str = field(default="forward", kw_only=True)
    color: object = field(default=None, kw_only=True)
    linewidth: float | None = field(default=None, kw_only=True)
    linestyle: object = field(default=None, kw_only=True)
    bend: float = field(default=0.0, kw_only=True)
    inverse: object = field(default=None, kw_only=True)


@dataclass(frozen=True)
class Gap:
    """An ellipsis between two nodes: elided steps of the chain.

    The two nodes move further apart and three dots sit on the arrow
    between them.  Python's ``...`` in a list of stages means the same.
    """


@dataclass(frozen=True)
class Chain:
    """A checked sequence of stages.

    Attributes
    ----------
    stages : tuple of Stage
        The drawn nodes, in order.
    positions : tuple of int
        Index of each node in the list the user gave, for messages.
    gap_before : tuple of bool
        Whether a gap separates each node from the one before it.
    """

    stages: tuple
    positions: tuple
    gap_before: tuple

    def __len__(self):
        return len(self.stages)

    def where(self, node):
        """Return ``stages[i] ('label')`` naming node *node* for messages."""
        return describe(self.positions[node], self.stages[node].label)


def describe(position, label):
    """Name an item of the user's list of stages for an error message."""
    if isinstance(label, str):
        return f"stages[{position}] ({label!r})"
    return f"stages[{position}]"


def build_chain(stages):
    """Check a list of stages and gaps and return a `Chain`.

    Strings become stages with that label, and ``...`` becomes a `Gap`.

    Raises
    ------
    TypeError
        If *stages* is not a sequence, or an item or label has the wrong
        type.
    ValueError
        If there are no stages, or a gap is first, last or next to
        another gap.
    """
    if isinstance(stages, (str, Stage, Gap)) or not hasattr(stages, "__iter__"):
        raise TypeError(
            "stages must be a list of Stage objects, strings and gaps (... or "
            f"Gap()), got {type(stages).__name__}"
        )
    items = list(stages)
    nodes, positions, gap_before = [], [], []
    pending_gap = None
    for position, item in enumerate(items):
        if item is Ellipsis or isinstance(item, Gap):
            if not nodes:
                raise ValueError(
                    f"stages[{position}] is a gap before the first node; a gap "
                    "must sit between two nodes"
                )
            if pending_gap is not None:
                raise ValueError(
                    f"stages[{position}] is a gap right after the gap at "
                    f"stages[{pending_gap}]; give one gap between two nodes"
                )
            pending_gap = position
            continue
        if isinstance(item, str):
            item = Stage(item)
        elif not isinstance(item, Stage):
            raise TypeError(
                f"stages[{position}] is of type {type(item).__name__}; give a Stage, "
                "a string label, or ... for a gap"
            )
        if not isinstance(item.label, str):
            raise TypeError(
                f"stages[{position}]: label must be a string of mathtext, got "
                f"{type(item.label).__name__} {item.label!r}"
            )
        nodes.append(item)
        positions.append(position)
        gap_before.append(pending_gap is not None)
        pending_gap = None
    if not nodes:
        raise ValueError("stages is empty; give at least one stage")
    if pending_gap is not None:
        raise ValueError(
            f"stages[{pending_gap}] is a gap after the last node; a gap must sit "
            "between two nodes"
        )
    return Chain(tuple(nodes), tuple(positions), tuple(gap_before))
