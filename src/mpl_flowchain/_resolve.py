"""Arrows of a chain: their labels, directions and looks, checked."""

from __future__ import annotations

import math as _math_module
from dataclasses import dataclass, field

from . import _text
from .model import Arrow

DIRECTIONS = ("forward", "inverse", "both")


@dataclass(frozen=True)
class ResolvedArrow:
    """The arrows between two neighbouring nodes, ready for the layout.

    *label* and *inverse_label* are mathtext or None; *look* and
    *inverse_look* hold the artist properties (color, linewidth,
    linestyle) that the user set.
    """

    label: str | None = None
    direction: str = "forward"
    bend: float = 0.0
    inverse_label: str | None = None
    inverse_bend: float = 0.0
    look: dict = field(default_factory=dict)
    inverse_look: dict = field(default_factory=dict)


def resolve_arrows(chain, arrows, style, math):
    """Return one `ResolvedArrow` per pair of neighbouring nodes.

    *math(chain, node, field, text, style)* checks a text and returns it as
    mathtext.  Errors name the stage that the arrow points to.
    """
    if chain.stages[0].arrow is not None:
        raise ValueError(
            f"{chain.where(0)}: arrow: the first node has no arrow into it; "
            "give the label on the stage that the arrow points to"
        )
    automatic = isinstance(arrows, str) and arrows == "auto"
    given = _given_arrows(chain, arrows)
    resolved = []
    for target in range(1, len(chain)):
        stage = chain.stages[target]
        entry = given[target - 1]
        if entry is not None and stage.arrow is not None:
            raise ValueError(
                f"{chain.where(target)}: arrow: the label is given twice, as "
                f"arrows[{target - 1}]={entry!r} and as Stage(arrow="
                f"{stage.arrow!r}); keep one"
            )
        spec = entry if entry is not None else stage.arrow
        resolved.append(_resolve_one(chain, target, spec, automatic, style, math))
    return resolved


def _given_arrows(chain, arrows):
    count = len(chain) - 1
    if arrows is None or (isinstance(arrows, str) and arrows == "auto"):
        return [None] * count
    if isinstance(arrows, str) or not hasattr(arrows, "__len__"):
        raise TypeError(
            f"arrows must be None, 'auto' or a list of labels, got {arrows!r}"
        )
    arrows = list(arrows)
    if len(arrows) != count:
        raise ValueError(
            f"arrows has {len(arrows)} labels but the chain has {count} arrows; "
            "give one label (or None) per arrow"
        )
    return arrows


def _resolve_one(chain, target, spec, automatic, style, math):
    where = chain.where(target)
    if spec is None or isinstance(spec, str):
        spec = Arrow(spec)
    elif not isinstance(spec, Arrow):
        raise TypeError(
            f"{where}: arrow must be a string label or an Arrow, got "
            f"{type(spec).__name__} {spec!r}"
        )
    if spec.direction not in DIRECTIONS:
        raise ValueError(
            f"{where}: arrow: direction must be one of "
            f"{', '.join(map(repr, DIRECTIONS))}, got {spec.direction!r}"
        )
    bend = _check_bend(where, "bend", spec.bend)
    look = _check_look(where, "arrow", spec)
    label = spec.label
    if label is None and automatic:
        label = (auto_inverse_label(chain, target) if spec.direction == "inverse"
                 else auto_label(chain, target))
    label = None if label is None else math(chain, target, "arrow", label, style)
    inverse_label, inverse_bend, inverse_look = None, 0.0, {}
    if spec.direction == "both":
        inverse = spec.inverse
        if inverse is None or isinstance(inverse, str):
            inverse = Arrow(inverse, color=spec.color, linewidth=spec.linewidth,
                            linestyle=spec.linestyle)
        elif not isinstance(inverse, Arrow):
            raise TypeError(
                f"{where}: arrow: inverse must be a string label or an Arrow, got "
                f"{type(inverse).__name__}"
            )
        inverse_bend = _check_bend(where, "inverse bend", inverse.bend)
        inverse_look = _check_look(where, "inverse arrow", inverse)
        text = inverse.label
        if text is None and automatic:
            text = auto_inverse_label(chain, target)
        inverse_label = (None if text is None
                         else math(chain, target, "inverse arrow", text, style))
    elif spec.inverse is not None:
        raise ValueError(
            f"{where}: arrow: inverse= is given but direction is "
            f"{spec.direction!r}; give direction='both' to draw both arrows"
        )
    return ResolvedArrow(label, spec.direction, bend, inverse_label, inverse_bend,
                         look, inverse_look)


def _check_bend(where, name, bend):
    if isinstance(bend, bool) or not isinstance(bend, (int, float)):
        raise TypeError(f"{where}: arrow: {name} must be an angle in degrees, got "
                        f"{bend!r}")
    if not _math_module.isfinite(bend) or abs(bend) >= 90:
        raise ValueError(f"{where}: arrow: {name} must be an angle between -90 and "
                         f"90 degrees, got {bend!r}")
    return float(bend)


def _check_look(where, name, spec):
    from matplotlib.colors import to_rgba
    from matplotlib.lines import Line2D

    look = {}
    if spec.color is not None:
        try:
            look["color"] = to_rgba(spec.color)
        except (ValueError, TypeError):
            raise ValueError(f"{where}: {name}: color {spec.color!r} is not a valid "
                             "matplotlib colour") from None
    if spec.linewidth is not None:
        width = spec.linewidth
        if isinstance(width, bool) or not isinstance(width, (int, float)) or not (
                width > 0 and _math_module.isfinite(width)):
            raise ValueError(f"{where}: {name}: linewidth must be a positive number "
                             f"of points, got {width!r}")
        look["linewidth"] = float(width)
    if spec.linestyle is not None:
        try:
            Line2D([], []).set_linestyle(spec.linestyle)
        except (ValueError, TypeError):
            raise ValueError(f"{where}: {name}: linestyle {spec.linestyle!r} is not "
                             "a valid matplotlib line style") from None
        look["linestyle"] = spec.linestyle
    return look


def auto_label(chain, target):
    """Return ``f_n(z_{n-1})`` for the arrow into node ``z_n``."""
    _require_indexed(chain)
    return _text.auto_arrow_label(chain.stages[target].label)


def auto_inverse_label(chain, target):
    """Return ``f_n^{-1}(z_n)`` for the inverse of the arrow into ``z_n``."""
    _require_indexed(chain)
    return _text.auto_inverse_label(chain.stages[target].label)


def _require_indexed(chain):
    for node, stage in enumerate(chain.stages):
        if _text.parse_indexed(stage.label) is None:
            raise ValueError(
                f"{chain.where(node)}: label: arrows='auto' needs every node label "
                "to be a symbol with a subscript that is a number, a letter, or a "
                "letter plus or minus a number (such as z_0, z_i, z_{i+1}); give "
                "the arrow labels as a list, or as Stage(..., arrow=...)"
            )
