"""Sampled densities, as the drawing code receives them, and their checks."""

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
    meta : dict
        Facts about how the curve was made, for example the kernel
        bandwidth of a kernel density estimate. Not compared by ``==``.
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


@dataclass(frozen=True)
class Field:
    """A two-dimensional density sampled on a rectangular grid.

    The layout follows matplotlib's ``contourf(x, y, z)`` and
    ``pcolormesh``: ``z[i, j]`` is the density at ``(x[j], y[i])``.

    Attributes
    ----------
    x : ndarray
        Strictly increasing, finite grid positions along the first axis,
        shape ``(nx,)``.
    y : ndarray
        Strictly increasing, finite grid positions along the second axis,
        shape ``(ny,)``.
    z : ndarray
        Finite, non-negative density values, shape ``(ny, nx)``.
    xedges, yedges : ndarray or None
        Cell edges of a two-dimensional histogram (``nx + 1`` and
        ``ny + 1`` values), else None.
    label : str or None
        Legend entry, as mathtext without dollar signs.
    meta : dict
        Facts about how the field was made. Not compared by ``==``.
    """

    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    xedges: np.ndarray | None = None
    yedges: np.ndarray | None = None
    label: str | None = None
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def domain(self):
        """The rectangle ``((xlow, xhigh), (ylow, yhigh))`` that the field covers."""
        if self.xedges is not None and self.yedges is not None:
            xs, ys = self.xedges, self.yedges
        else:
            xs, ys = self.x, self.y
        return (float(xs[0]), float(xs[-1])), (float(ys[0]), float(ys[-1]))


@dataclass(frozen=True)
class Scatter:
    """Two-dimensional draws, to be shown as a light scatter.

    Attributes
    ----------
    points : ndarray
        Finite points, shape ``(n, 2)``.
    domain : ((float, float), (float, float))
        The rectangle ``((xlow, xhigh), (ylow, yhigh))`` to show.
    label : str or None
        Legend entry, as mathtext without dollar signs.
    meta : dict
        Facts about how the points were chosen, for example the size of
        the data set they were thinned from. Not compared by ``==``.
    """

    points: np.ndarray
    domain: tuple
    label: str | None = None
    meta: dict = field(default_factory=dict, compare=False)


MAX_SAMPLES = 100_000
"""Largest number of sample points along one axis of an inset.  An inset is
a few centimetres wide, so more points draw nothing finer and only cost
time and memory."""


def check_samples(samples):
    """Return *samples* as an int from 2 to `MAX_SAMPLES`, or raise."""
    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)):
        raise TypeError(f"samples must be an integer, got {samples!r}")
    if samples < 2:
        raise ValueError(f"samples must be at least 2, got {samples}")
    if samples > MAX_SAMPLES:
        raise ValueError(f"samples must be at most {MAX_SAMPLES:,} points per axis, "
                         f"got {samples:,}; an inset cannot show more")
    return int(samples)


def call_density(function, args, subject):
    """Return ``function(*args)``, or raise ValueError chained to what it raised."""
    try:
        return function(*args)
    except Exception as err:
        shape = np.shape(args[0])
        raise ValueError(
            f"{subject} raised {type(err).__name__}: {err} (called with "
            f"{len(args)} array{'s' if len(args) > 1 else ''} of shape {shape}); it "
            "must accept numpy arrays and return one value per point"
        ) from err


def check_domain(domain, axis=None):
    """Return *domain* as a pair of floats, or raise ValueError.

    *axis* (for example ``"x"``) names the axis in messages about one
    side of a two-dimensional domain.
    """
    name = "domain" if axis is None else f"{axis} domain"
    try:
        low, high = (float(value) for value in domain)
    except (TypeError, ValueError) as err:
        raise ValueError(
            f"{name} must be a pair of numbers (low, high), got {domain!r}"
        ) from err
    if not (np.isfinite(low) and np.isfinite(high)):
        raise ValueError(f"{name} ends must be finite, got ({low}, {high})")
    if low == high:
        raise ValueError(f"{name} ends are equal ({low}); give low < high")
    if low > high:
        raise ValueError(f"{name} is reversed ({low} > {high}); give low < high")
    return low, high


def check_domain_2d(domain):
    """Return *domain* as ``((xlow, xhigh), (ylow, yhigh))`` floats, or raise."""
    if not is_domain_2d(domain):
        raise ValueError(
            "a two-dimensional domain must be a pair of intervals "
            f"((xlow, xhigh), (ylow, yhigh)), got {domain!r}"
        )
    return check_domain(domain[0], "x"), check_domain(domain[1], "y")


def is_domain_2d(domain):
    """Return whether *domain* has the form of a pair of intervals."""
    try:
        return len(domain) == 2 and all(len(interval) == 2 for interval in domain)
    except TypeError:
        return False


_ADVICE_NAN = (
    "a density must be defined on the whole domain, so fix the function or "
    "narrow the domain"
)
_ADVICE_INFINITE = (
    "it has a pole or overflows float64 there, so narrow the domain or rescale "
    "the function"
)
_ADVICE_NEGATIVE = "a density is never negative, so check the sign of the function"


def check_values(p, shape, *, subject="the density", coords=None):
    """Return *p* as a float array of *shape*, or raise ValueError.

    Rejects values that are NaN, infinite or negative, because none of
    them is a density.

    Parameters
    ----------
    p : array_like
        The values to check.
    shape : tuple of int
        The expected shape.
    subject : str, default: "the density"
        What produced *p*, as the subject of the error message.
    coords : dict of str to ndarray, optional
        Coordinate arrays of *shape*, such as ``{"t": t}``. The message
        then gives the position of the first bad value.
    """
    if np.iscomplexobj(p):
        raise ValueError(
            f"{subject} returned complex values; a density is real, so return "
            "the real part or the modulus"
        )
    try:
        p = np.asarray(p, dtype=float)
    except (TypeError, ValueError) as err:
        raise ValueError(
            f"{subject} returned {type(p).__name__} values that are not numbers"
        ) from err
    if p.shape != shape:
        raise ValueError(
            f"{subject} returned an array of shape {p.shape}; expected {shape}, "
            "one value per sample point (is the function vectorised over numpy "
            "arrays?)"
        )
    problems = (
        (np.isnan(p), "NaN", _ADVICE_NAN),
        (np.isinf(p), "infinite values", _ADVICE_INFINITE),
        (p < 0, "negative values", _ADVICE_NEGATIVE),
    )
    for mask, kind, advice in problems:
        if mask.any():
            where = _describe_first(mask, coords)
            raise ValueError(
                f"{subject} returned {kind} at {int(mask.sum())} of {p.size} "
                f"points{where}; {advice}"
            )
    return p


def _describe_first(mask, coords):
    """Return ' (first at t = 0.5)' for the first True entry of *mask*, or ''."""
    if not coords:
        return ""
    index = np.unravel_index(int(np.argmax(mask)), mask.shape)
    where = ", ".join(
        f"{name} = {values[index]:.6g}" for name, values in coords.items()
    )
    return f" (first at {where})"
