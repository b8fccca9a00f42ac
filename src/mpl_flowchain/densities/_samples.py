"""Draws from a density, with the options that turn them into a curve."""

from __future__ import annotations

import math
import numbers

import numpy as np

from . import _kde

BANDWIDTH_RULES = {"scott": _kde.scott_factor, "silverman": _kde.silverman_factor}
KINDS = ("kde", "hist", "scatter")


class Samples:
    """Draws from a density, shown as a kernel density estimate or a histogram.

    A bare ndarray of shape ``(n,)`` or ``(n, 2)`` passed as a density is
    read as ``Samples(data)``.

    Parameters
    ----------
    data : array_like
        Finite draws, shape ``(n,)`` for a one-dimensional density or
        ``(n, 2)`` for a two-dimensional one.
    bandwidth : {"scott", "silverman"} or float, default: "scott"
        Width of the Gaussian kernel. The rules are those of
        `scipy.stats.gaussian_kde`: the kernel covariance is the sample
        covariance times ``factor**2``, where *factor* is
        ``n ** (-1 / (d + 4))`` (Scott) or
        ``(n * (d + 2) / 4) ** (-1 / (d + 4))`` (Silverman) in *d*
        dimensions. A float is the kernel standard deviation in the units
        of *data*, the same along both axes in 2-D.
    kind : {"kde", "hist", "scatter"}, default: "kde"
        ``"kde"``: a Gaussian kernel density estimate. ``"hist"``: a
        histogram scaled to a density (counts divided by the number of
        draws and the bin size). ``"scatter"``: for 2-D draws only, the
        points themselves, as a `Scatter`.
    bins : int, str or sequence, default: "auto"
        Histogram bins for ``kind="hist"``: a count, a rule name of
        `numpy.histogram_bin_edges` (applied to each axis in 2-D), or the
        bin edges in 1-D. In 2-D an int or a pair ``(nx, ny)`` gives the
        counts.
    max_points : int, default: 2000
        For ``kind="scatter"``, the largest number of points shown; a
        larger set is thinned to a random subset (seeded, so that the
        figure is reproducible).

    Attributes
    ----------
    data : ndarray
        The draws as float64, not copied when *data* already is one.
    dimension : int
        1 or 2.
    count : int
        Number of draws.
    ranges : tuple of (float, float)
        ``(min, max)`` of the draws along each axis.
    kernel_covariance : ndarray or None
        Covariance matrix of the Gaussian kernel, shape ``(dimension,
        dimension)``, in squared units of *data*; None unless *kind* is
        ``"kde"``.

    Raises
    ------
    ValueError
        If *data* is empty, contains NaN or infinite values, or has a
        shape other than ``(n,)`` or ``(n, 2)``. Also if a bandwidth rule
        is requested for draws that are all equal, or in 2-D on one line,
        and if an option has an invalid value.
    TypeError
        If *data* is not numeric or an option has the wrong type.
    """

    def __init__(self, data, bandwidth="scott", kind="kde", bins="auto",
                 max_points=2000):
        self.data = _as_sample_array(data)
        self.dimension = 1 if self.data.ndim == 1 else 2
        self.count = len(self.data)
        self.kind = _check_choice("kind", kind, KINDS)
        if self.kind == "scatter" and self.dimension == 1:
            raise ValueError(
                "kind='scatter' needs two-dimensional draws of shape (n, 2); use "
                "kind='kde' or kind='hist' for draws of shape (n,)"
            )
        self.bandwidth = _check_bandwidth(bandwidth)
        self.bins = bins
        self.max_points = _check_positive_int("max_points", max_points)
        if self.dimension == 1:
            self.columns = (self.data,)
        else:
            self.columns = tuple(np.ascontiguousarray(self.data[:, i]) for i in (0, 1))
        self.ranges = tuple((float(c.min()), float(c.max())) for c in self.columns)
        self.kernel_covariance = (
            self._kernel_covariance() if self.kind == "kde" else None
        )

    @property
    def kernel_std(self):
        """Standard deviation of the kernel along each axis (a float in 1-D).

        None unless *kind* is ``"kde"``.
        """
        if self.kernel_covariance is None:
            return None
        std = np.sqrt(np.diag(self.kernel_covariance))
        return float(std[0]) if self.dimension == 1 else std

    def default_domain(self):
        """Return the interval (a pair of intervals in 2-D) to show by default.

        A kernel density estimate gets the data range widened by 3 kernel
        standard deviations, a histogram the data range, and a scatter the
        data range widened by 5 % on each side. A range of zero width (all
        draws equal) is widened by 0.5 on each side, as numpy.histogram does.
        """
        if self.kind == "kde":
            margins = np.atleast_1d(self.kernel_std) * 3
        elif self.kind == "hist":
            margins = [0.0] * self.dimension
        else:
            margins = [0.05 * (high - low) for low, high in self.ranges]
        domain = []
        for (low, high), margin in zip(self.ranges, margins):
            low, high = low - margin, high + margin
            if low == high:
                low, high = low - 0.5, high + 0.5
            domain.append((float(low), float(high)))
        return domain[0] if self.dimension == 1 else tuple(domain)

    def _kernel_covariance(self):
        if not isinstance(self.bandwidth, str):
            return np.eye(self.dimension) * self.bandwidth**2
        rule = self.bandwidth
        if self.count < 2:
            raise ValueError(
                f"the {rule!r} bandwidth rule needs at least 2 draws, got "
                f"{self.count}; give a bandwidth instead, for example "
                "Samples(data, bandwidth=0.1)"
            )
        covariance = self._sample_covariance()
        self._check_spread(covariance, rule)
        factor = BANDWIDTH_RULES[rule](self.count, self.dimension)
        return covariance * factor**2

    def _sample_covariance(self):
        """Return the covariance matrix with ddof=1, as ``np.cov`` does."""
        columns = self.columns
        means = [float(column.mean()) for column in columns]
        # sum(x*y) - n*mean(x)*mean(y) needs no temporary array. It loses
        # digits when the means are large next to the spread, so the
        # two-pass form then recomputes it from centred copies.
        products = np.array([[float(np.dot(a, b)) for b in columns] for a in columns])
        sums = products - self.count * np.outer(means, means)
        if (np.diag(sums) < 1e-4 * np.diag(products)).any():
            centered = [column - mean for column, mean in zip(columns, means)]
            sums = np.array([[float(np.dot(a, b)) for b in centered]
                             for a in centered])
        return sums / (self.count - 1)

    def _check_spread(self, covariance, rule):
        advice = ("give a bandwidth, for example Samples(data, bandwidth=0.1), or "
                  "use kind='hist'")
        if all(low == high for low, high in self.ranges):
            value = ", ".join(f"{low:.6g}" for low, _ in self.ranges)
            raise ValueError(
                f"all {self.count} draws equal ({value}), so the {rule!r} rule "
                "gives a zero bandwidth and the kernel density estimate is "
                f"undefined; {advice}"
            )
        if self.dimension == 2:
            variances = np.diag(covariance)
            determinant = np.linalg.det(covariance)
            if determinant <= 1e-12 * variances[0] * variances[1]:
                raise ValueError(
                    f"the {self.count} draws lie on one line, so their covariance "
                    f"matrix is singular and the {rule!r} rule gives a kernel of "
                    f"zero width across it; {advice} or kind='scatter'"
                )

    def __repr__(self):
        shape = "x".join(str(size) for size in self.data.shape)
        return (f"Samples(<{shape} array>, bandwidth={self.bandwidth!r}, "
                f"kind={self.kind!r})")


def _as_sample_array(data):
    array = np.asarray(data)
    if array.dtype.kind not in "biuf":
        raise TypeError(
            f"draws must be real numbers, got an array of dtype {array.dtype}"
        )
    array = np.asarray(array, dtype=float)
    if array.ndim not in (1, 2) or (array.ndim == 2 and array.shape[1] != 2):
        raise ValueError(
            f"draws must have shape (n,) or (n, 2), got {array.shape}; a table of "
            "values is given as a pair (t, p) instead"
        )
    if len(array) == 0:
        raise ValueError(
            "the array of draws is empty; a density estimate needs at least one "
            "draw (two or more for a bandwidth rule)"
        )
    # A finite sum proves every draw finite, in one fast pass.
    if not math.isfinite(float(array.sum())):
        _reject_non_finite(array)
    return array


def _reject_non_finite(array):
    flat = array.reshape(len(array), -1)
    rows = ~np.isfinite(flat).all(axis=1)
    cleanup = "data[np.isfinite(data)]" if array.ndim == 1 else (
        "data[np.isfinite(data).all(axis=1)]")
    if rows.any():
        kind = "NaN" if np.isnan(flat[rows]).any() else "infinite"
        raise ValueError(
            f"the draws contain {kind} values in {int(rows.sum())} of {len(array)} "
            f"rows (first at index {int(np.argmax(rows))}); remove them, for "
            f"example with {cleanup}"
        )
    raise ValueError(
        "the draws are too large to add up in float64 (largest magnitude "
        f"{np.abs(array).max():.3g}); rescale them"
    )


def _check_choice(name, value, choices):
    if value not in choices:
        raise ValueError(
            f"{name} must be one of {', '.join(map(repr, choices))}, got {value!r}"
        )
    return value


def _check_bandwidth(bandwidth):
    if isinstance(bandwidth, str):
        return _check_choice("bandwidth", bandwidth, tuple(BANDWIDTH_RULES))
    if isinstance(bandwidth, bool) or not isinstance(bandwidth, numbers.Real):
        raise TypeError(
            "bandwidth must be 'scott', 'silverman' or a positive number, got "
            f"{bandwidth!r}"
        )
    if not (math.isfinite(bandwidth) and bandwidth > 0):
        raise ValueError(
            f"bandwidth must be a positive, finite number, got {bandwidth!r}"
        )
    return float(bandwidth)


def _check_positive_int(name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return int(value)
