"""Sampled densities, as the drawing code receives them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Curve:
    """A one-dimensional density sampled on a grid.

    Attributes
    ----------
    t : ndarray
        Strictly increasing, finite sample positions.
    p : ndarray
        Finite, non-negative density values at *t*, same shape as *t*.
    drawstyle : {"line", "steps"}
        ``"line"`` joins the samples with straight segments; ``"steps"``
        draws a histogram whose bin edges are *edges*.
    edges : ndarray or None
        Bin edges of a histogram (``len(p) + 1`` values), else None.
    label : str or None
        Legend entry of the curve, as mathtext without dollar signs.
    """

    t: np.ndarray
    p: np.ndarray
    drawstyle: str = "line"
    edges: np.ndarray | None = None
    label: str | None = None
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def domain(self):
        """The interval ``(low, high)`` that the curve covers."""
        if self.edges is not None:
            return float(self.edges[0]), float(self.edges[-1])
        return float(self.t[0]), float(self.t[-1])


def check_domain(domain):
    """Return *domain* as a pair of floats, or raise ValueError."""
    try:
        low, high = (float(value) for value in domain)
    except (TypeError, ValueError) as err:
        raise ValueError(
            f"domain must be a pair of numbers (low, high), got {domain!r}"
        ) from err
    if not (np.isfinite(low) and np.isfinite(high)):
        raise ValueError(f"domain ends must be finite, got ({low}, {high})")
    if low == high:
        raise ValueError(f"domain ends are equal ({low}); give low < high")
    if low > high:
        raise ValueError(f"domain is reversed ({low} > {high}); give low < high")
    return low, high


def check_values(p, shape):
    """Return *p* as a float array of *shape*, or raise ValueError.

    Rejects values that are NaN, infinite or negative, because none of
    them is a density.
    """
    p = np.asarray(p, dtype=float)
    if p.shape != shape:
        raise ValueError(
            f"returned an array of shape {p.shape}; expected {shape}, one value "
            "per sample point (is the function vectorised over numpy arrays?)"
        )
    bad = ~np.isfinite(p)
    if bad.any():
        kind = "NaN" if np.isnan(p).any() else "infinite"
        raise ValueError(f"returned {kind} values at {int(bad.sum())} of {p.size} points")
    if (p < 0).any():
        raise ValueError(f"returned negative values (minimum {p.min():.3g})")
    return p
