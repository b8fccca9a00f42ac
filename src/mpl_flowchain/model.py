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
    arrow : str, optional
        Label of the arrow into this node.  It takes precedence over the
        labels that ``flowchain(..., arrows="auto")`` derives.
    density : optional
        What the inset under the node plots: a function ``t -> p(t)``
        vectorised over numpy arrays, or any other source that
        `mpl_flowchain.densities.evaluate` accepts.  No inset when None.
    caption : str, optional
        Mathtext below the inset, or below the node when it has no inset.
    edgecolor, facecolor : color, optional
        Colours of the node's border and face; the chain's style gives
        the defaults (no border, light grey face).
    suffix : str, optional
        Mathtext set right of the node at 1.2 times the label size, such
        as ``"= x"``.
    domain : (float, float), optional
        Interval of the density's variable that the inset shows.
    samples : int, optional
        Number of points at which the density is evaluated.
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
