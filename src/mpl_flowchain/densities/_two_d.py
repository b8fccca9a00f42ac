"""Two-dimensional densities, sampled to a `Field` or shown as a `Scatter`."""

from __future__ import annotations

import numpy as np

from . import _kde
from ._curve import (
    Field,
    Scatter,
    call_density,
    check_domain_2d,
    check_samples,
    check_values,
)

DEFAULT_DOMAIN_2D = ((-1.0, 1.0), (-1.0, 1.0))
DEFAULT_SAMPLES_2D = 101

NORMAL_QUANTILE_999 = 3.090232306167813
"""The 99.9 % quantile of the standard normal distribution."""


class Density2D:
    """A two-dimensional density given as a function ``(x, y) -> p``.

    The dimension of a function passed as a density is decided in this order:

    1. A function wrapped in ``Density2D`` is two-dimensional.
    2. A function with exactly two required positional parameters, as
       `inspect.signature` reports them, is two-dimensional, and one with
       exactly one is one-dimensional. Parameters with defaults,
       keyword-only parameters and the ``self`` of a bound method do not
       count, so ``def p(t, scale=1)`` is one-dimensional and
       ``np.hypot`` two-dimensional.
    3. Any other function (no readable signature, ``*args``, or another
       count, as for a `numpy.vectorize` object) takes the dimension of the
       domain given to `evaluate`, and is one-dimensional without one.

    Wrap a function in ``Density2D`` whenever rule 2 would not apply.

    Parameters
    ----------
    function : callable
        Called once with two arrays *x* and *y* of shape ``(ny, nx)`` (a
        `numpy.meshgrid` of the grid) and returning the density as an
        array of that shape.
    """

    def __init__(self, function):
        if not callable(function):
            raise TypeError(
                "Density2D takes a function (x, y) -> p, got "
                f"{type(function).__name__}"
            )
        self.function = function

    def __call__(self, x, y):
        return self.function(x, y)

    def __repr__(self):
        return f"Density2D({self.function!r})"


def default_pdf_domain(obj):
    """Return the default domain of an object with a two-dimensional ``pdf``.

    An object with ``mean`` and ``cov`` attributes, such as a frozen
    `scipy.stats.multivariate_normal`, gets the central 99.8 % interval of
    each marginal normal. Any other object gets ``(-1, 1)`` on each axis.
    """
    mean = getattr(obj, "mean", None)
    cov = getattr(obj, "cov", None)
    if callable(mean) or callable(cov):
        return DEFAULT_DOMAIN_2D
    try:
        mean = np.asarray(mean, dtype=float).reshape(2)
        std = np.sqrt(np.diag(np.asarray(cov, dtype=float).reshape(2, 2)))
    except (TypeError, ValueError):
        return DEFAULT_DOMAIN_2D
    reach = NORMAL_QUANTILE_999 * std
    return tuple((float(m - r), float(m + r)) for m, r in zip(mean, reach))


def default_kde_domain(kde):
    """Return the data range of a 2-D gaussian_kde, widened by 3 kernel std."""
    reach = 3 * np.sqrt(np.diag(kde.covariance))
    low = kde.dataset.min(axis=1) - reach
    high = kde.dataset.max(axis=1) + reach
    return tuple((float(a), float(b)) for a, b in zip(low, high))


def grid_2d(domain, samples):
    """Return the grid positions ``(x, y)`` for *domain* and *samples*."""
    (x_low, x_high), (y_low, y_high) = check_domain_2d(domain)
    if samples is None:
        samples = DEFAULT_SAMPLES_2D
    if isinstance(samples, (tuple, list)):
        if len(samples) != 2:
            raise ValueError(
                f"samples must be an integer or a pair (nx, ny), got {samples!r}"
            )
        nx, ny = (check_samples(count) for count in samples)
    else:
        nx = ny = check_samples(samples)
    if nx * ny > MAX_GRID_POINTS:
        raise ValueError(f"a 2-D grid of {nx} x {ny} samples is too large; give at "
                         f"most {MAX_GRID_POINTS:,} points in all, such as 512 x 512")
    return np.linspace(x_low, x_high, nx), np.linspace(y_low, y_high, ny)


#: Largest number of points of a 2-D grid, 2048 x 2048.
MAX_GRID_POINTS = 2048 * 2048


def field_from_function(function, domain, samples, subject, *, convention="xy"):
    """Sample a two-dimensional density on a grid and return a `Field`.

    *convention* names how *function* takes its points:

    - ``"xy"``: two arrays, ``f(X, Y)``;
    - ``"last"``: one array with the coordinates on the last axis, as
      scipy.stats multivariate distributions take them;
    - ``"rows"``: one array of shape ``(2, m)``, as `scipy.stats.gaussian_kde`
      takes them.
    """
    x, y = grid_2d(domain, samples)
    grid_x, grid_y = np.meshgrid(x, y)
    shape = grid_x.shape
    if convention == "xy":
        z = call_density(function, (grid_x, grid_y), subject)
    elif convention == "last":
        z = call_density(function, (np.dstack([grid_x, grid_y]),), subject)
    else:
        points = np.vstack([grid_x.ravel(), grid_y.ravel()])
        z = np.asarray(call_density(function, (points,), subject))
        if z.size == grid_x.size:
            z = z.reshape(shape)
    z = check_values(z, shape, subject=subject, coords={"x": grid_x, "y": grid_y})
    return Field(x, y, z)


def field_from_samples(source, domain, samples):
    """Return the kernel density estimate or histogram of `Samples` in 2-D."""
    if domain is None:
        domain = source.default_domain()
    if source.kind == "hist":
        return _histogram_2d(source, check_domain_2d(domain))
    x, y = grid_2d(domain, samples)
    z = _kde.kde_2d(*source.columns, source.kernel_covariance, x, y,
                    data_ranges=source.ranges)
    meta = {"kind": "kde", "kernel_covariance": source.kernel_covariance,
            "draws": source.count}
    return Field(x, y, z, meta=meta)


def scatter_from_samples(source, domain):
    """Return 2-D draws as a `Scatter`, thinned to ``source.max_points``."""
    domain = check_domain_2d(source.default_domain() if domain is None else domain)
    points = source.data
    if source.count > source.max_points:
        generator = np.random.default_rng(0)
        keep = np.sort(generator.choice(source.count, source.max_points, replace=False))
        points = points[keep]
    meta = {"kind": "scatter", "draws": source.count, "shown": len(points)}
    return Scatter(points, domain, meta=meta)


def _histogram_2d(source, domain):
    x, y = source.columns
    bins = source.bins
    if isinstance(bins, (str, int, np.integer)):
        bins = (bins, bins)
    elif not (isinstance(bins, (tuple, list)) and len(bins) == 2):
        raise ValueError(
            f"invalid bins {bins!r} for a 2-D histogram; give an integer, a pair "
            "(nx, ny) or a rule name such as 'auto'"
        )
    try:
        edges = [np.histogram_bin_edges(column, bins=rule, range=interval)
                 for column, rule, interval in zip((x, y), bins, domain)]
        counts, x_edges, y_edges = np.histogram2d(x, y, bins=edges)
    except (TypeError, ValueError) as err:
        raise ValueError(
            f"invalid bins {source.bins!r} for a 2-D histogram ({err}); give an "
            "integer, a pair (nx, ny) or a rule name such as 'auto'"
        ) from err
    areas = np.outer(np.diff(y_edges), np.diff(x_edges))
    z = counts.T / (source.count * areas)
    meta = {"kind": "hist", "draws": source.count}
    return Field(_centers(x_edges), _centers(y_edges), z, x_edges, y_edges, meta=meta)


def _centers(edges):
    return 0.5 * (edges[:-1] + edges[1:])
