"""A one-dimensional Gaussian mixture density."""

from __future__ import annotations

import math

import numpy as np

DOMAIN_STDS = 4.0
"""The default domain reaches this many standard deviations past each mean."""


class GaussianMixture:
    """A mixture of normal densities, ``sum_k w_k N(t; mu_k, sigma_k**2)``.

    Parameters
    ----------
    weights : array_like
        Non-negative component weights, not all zero. They are divided by
        their sum, so ``[1, 1]`` means two equal halves.
    means : array_like
        Component means, in the units of t.
    stds : array_like
        Positive component standard deviations, in the units of t.

    Raises
    ------
    ValueError
        If the three arrays differ in length or are empty, if any value is
        not finite, if a weight is negative or all are zero, or if a
        standard deviation is not positive.

    Examples
    --------
    >>> mixture = GaussianMixture([0.7, 0.3], [-0.4, 0.5], [0.15, 0.1])
    >>> mixture.domain
    (-1.0, 0.9)
    """

    def __init__(self, weights, means, stds):
        arrays = {}
        for name, values in (("weights", weights), ("means", means), ("stds", stds)):
            array = np.atleast_1d(np.asarray(values, dtype=float))
            if array.ndim != 1:
                raise ValueError(
                    f"{name} must be a 1-D sequence of numbers, got shape {array.shape}"
                )
            if not np.isfinite(array).all():
                raise ValueError(f"{name} must be finite, got {array.tolist()}")
            arrays[name] = array
        lengths = {name: len(array) for name, array in arrays.items()}
        if len(set(lengths.values())) != 1:
            raise ValueError(
                "weights, means and stds must have one entry per component, got "
                f"lengths {lengths['weights']}, {lengths['means']} and "
                f"{lengths['stds']}"
            )
        if lengths["weights"] == 0:
            raise ValueError("a Gaussian mixture needs at least one component")
        weights, means, stds = arrays["weights"], arrays["means"], arrays["stds"]
        if (weights < 0).any() or weights.sum() == 0:
            raise ValueError(
                "weights must be non-negative and not all zero, got "
                f"{weights.tolist()}"
            )
        if (stds <= 0).any():
            raise ValueError(f"stds must be positive, got {stds.tolist()}")
        self.weights = weights / weights.sum()
        self.means = means
        self.stds = stds

    @property
    def domain(self):
        """The default domain: lowest ``mean - 4 std`` to highest ``mean + 4 std``."""
        low = self.means - DOMAIN_STDS * self.stds
        high = self.means + DOMAIN_STDS * self.stds
        return float(low.min()), float(high.max())

    def __call__(self, t):
        """Return the mixture density at *t*, an array of the shape of *t*."""
        t = np.asarray(t, dtype=float)
        z = (t[..., np.newaxis] - self.means) / self.stds
        scale = self.weights / (self.stds * math.sqrt(2 * math.pi))
        return np.exp(-0.5 * z * z) @ scale

    def __repr__(self):
        return (f"GaussianMixture(weights={self.weights.tolist()}, "
                f"means={self.means.tolist()}, stds={self.stds.tolist()})")
