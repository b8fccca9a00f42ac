"""Turn what a user passes as ``density=`` into a `Curve`."""

from __future__ import annotations

import numpy as np

from ._curve import Curve, check_domain, check_values

DEFAULT_DOMAIN = (-1.0, 1.0)
DEFAULT_SAMPLES = 201


def evaluate(source, *, domain=None, samples=None):
    """Sample a density source on a grid and return a `Curve`.

    Parameters
    ----------
    source : callable or Curve
        A function ``t -> p(t)`` vectorised over numpy arrays, or a
        `Curve` that is returned as it is.
    domain : (float, float), optional
        The interval to sample; default ``(-1, 1)``.
    samples : int, optional
        Number of sample points; default 201.

    Raises
    ------
    TypeError
        If *source* is of a kind that this function does not accept.
    ValueError
        If the values are NaN, infinite, negative or of the wrong shape,
        or if the callable raised.
    """
    if isinstance(source, Curve):
        return source
    if callable(source):
        low, high = check_domain(DEFAULT_DOMAIN if domain is None else domain)
        count = check_samples(DEFAULT_SAMPLES if samples is None else samples)
        t = np.linspace(low, high, count)
        try:
            p = source(t)
        except Exception as err:
            raise ValueError(f"the density function raised {err!r}") from err
        return Curve(t, check_values(p, t.shape))
    raise TypeError(
        f"unsupported density of type {type(source).__name__}; give a "
        "function t -> p(t) vectorised over numpy arrays"
    )


def check_samples(samples):
    """Return *samples* as an int of at least 2, or raise."""
    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)):
        raise TypeError(f"samples must be an integer, got {samples!r}")
    if samples < 2:
        raise ValueError(f"samples must be at least 2, got {samples}")
    return int(samples)
