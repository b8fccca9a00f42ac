"""Turn what a user passes as ``density=`` into a `Curve`, `Field` or `Scatter`."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

import numpy as np

from . import _kde, _two_d
from ._curve import (
    Curve,
    Field,
    Scatter,
    call_density,
    check_domain,
    check_samples,
    check_values,
    is_domain_2d,
)
from ._mixture import GaussianMixture
from ._pgfmath import Formula
from ._samples import Samples
from ._two_d import Density2D

__all__ = ["check_samples", "evaluate", "to_function"]

DEFAULT_DOMAIN = (-1.0, 1.0)
DEFAULT_SAMPLES = 201

PPF_TAIL = 0.001
"""A scipy.stats distribution is shown from its ``ppf(0.001)`` to ``ppf(0.999)``."""

ACCEPTED_KINDS = (
    "a function t -> p(t) vectorised over numpy arrays (or (x, y) -> p in 2-D), "
    "a formula string such as 'exp(-10*t^2)', a frozen scipy.stats distribution "
    "such as norm(0, 1) or multivariate_normal(...), Samples(data) or an array "
    "of draws of shape (n,) or (n, 2), a tabulated pair (t, p), "
    "GaussianMixture(weights, means, stds), Density2D(f), or a Curve, Field or "
    "Scatter"
)


@dataclass(frozen=True)
class _Source:
    """A density source after its kind has been recognised.

    *kind* is one of ``"function"``, ``"formula"``, ``"mixture"``,
    ``"distribution"`` (a frozen scipy.stats continuous distribution),
    ``"pdf"`` (another object with a ``pdf`` method), ``"gaussian_kde"``,
    ``"table"``, ``"samples"`` and ``"function_2d"``. *dimension* is None
    when only the domain can tell (a function whose signature does not).
    """

    kind: str
    obj: object
    dimension: int | None
    subject: str


def evaluate(source, *, domain=None, samples=None):
    """Sample a density source and return a `Curve`, `Field` or `Scatter`.

    Parameters
    ----------
    source : object
        One of these kinds, one-dimensional unless stated:

        - a function ``t -> p(t)`` vectorised over numpy arrays; with
          exactly two required positional parameters, ``(x, y) -> p``, it
          is two-dimensional (see `Density2D`);
        - a formula string in pgfmath notation, such as
          ``"exp(-10*t^2)"`` (see `Formula`);
        - a frozen `scipy.stats` continuous distribution, such as
          ``norm(0, 1)``, drawn from its ``pdf``;
        - a frozen `scipy.stats.multivariate_normal` in two dimensions, or
          any object with a ``pdf`` method (see below);
        - a `scipy.stats.gaussian_kde` of one- or two-dimensional data;
        - `Samples`, or a bare ndarray of draws of shape ``(n,)`` or
          ``(n, 2)``, read as ``Samples(data)``;
        - a tabulated curve, a tuple or list ``(t, p)`` of two 1-D arrays;
        - a `GaussianMixture`;
        - a `Density2D`;
        - a `Curve`, `Field` or `Scatter`, returned as it is.

        An object with a ``pdf`` method is one-dimensional if it also has
        a ``ppf`` method or ``dim == 1``, two-dimensional if ``dim == 2``,
        and otherwise takes the dimension of *domain*. Its 2-D ``pdf`` is
        called as scipy.stats multivariate distributions take points:
        one array with the two coordinates on the last axis.
    domain : (float, float) or ((float, float), (float, float)), default: by source
        The interval to sample, or in 2-D the rectangle
        ``((xlow, xhigh), (ylow, yhigh))``. The default depends on the
        source:

        - functions, formulas and other ``pdf`` objects: ``(-1, 1)``, on
          each axis in 2-D;
        - a scipy.stats distribution: ``ppf(0.001)`` to ``ppf(0.999)``, and
          for a multivariate normal the marginal 0.1 % to 99.9 % interval
          on each axis;
        - samples: the data range widened by 3 kernel standard deviations
          for a kernel density estimate, the data range for a histogram;
        - a tabulated curve: its own range;
        - a mixture: the lowest ``mean - 4 std`` to the highest
          ``mean + 4 std``.
    samples : int or (int, int), default: 201, or 101 per axis in 2-D
        Number of grid points. In 2-D a pair gives ``(nx, ny)``. A
        tabulated curve with neither *domain* nor *samples* keeps its own
        points. A histogram takes its bins from `Samples` and a scatter
        shows the draws, so both ignore *samples*.

    Returns
    -------
    Curve, Field or Scatter
        A `Curve` for a one-dimensional source, a `Field` for a
        two-dimensional one, a `Scatter` for ``Samples(..., kind="scatter")``.

    Raises
    ------
    TypeError
        If *source* is of a kind that this function does not accept.
    ValueError
        If the values are NaN, infinite, negative or of the wrong shape,
        if a function raised, if the domain is invalid or of the wrong
        dimension, or if a formula, samples or table is invalid.
    """
    if isinstance(source, (Curve, Field, Scatter)):
        return source
    resolved = _resolve(source)
    dimension = resolved.dimension
    if dimension is None:
        dimension = 2 if domain is not None and is_domain_2d(domain) else 1
    _check_domain_dimension(domain, dimension, resolved.subject)
    if dimension == 2:
        return _evaluate_2d(resolved, domain, samples)
    return _evaluate_1d(resolved, domain, samples)


def to_function(source):
    """Return a vectorised function ``t -> p(t)`` for a one-dimensional source.

    The function takes an array of points (or a scalar) and returns the
    density there, for a change of variables at arbitrary points.

    ============================  ==============================================
    source                        function
    ============================  ==============================================
    function                      the function itself
    formula string, `Formula`     the parsed `Formula`
    scipy.stats distribution      its ``pdf``
    `GaussianMixture`             the mixture itself
    `Samples` (``kind="kde"``)    the kernel density estimate, computed once on
                                  a grid of 8 points per kernel standard
                                  deviation and interpolated linearly; zero
                                  farther than 5 kernel std from the data
    `Samples` (``kind="hist"``)   the histogram, constant on each bin and zero
                                  outside the bins
    tabulated pair ``(t, p)``     linear interpolation, zero outside the table
    `Curve`                       linear interpolation (steps for a histogram),
                                  zero outside the curve
    ============================  ==============================================

    Values are not checked; `evaluate` checks them on its grid.

    Raises
    ------
    TypeError
        If *source* is two-dimensional or of a kind that is not accepted.
    ValueError
        If *source* is invalid (an unparsable formula, bad samples or table).
    """
    if isinstance(source, Curve):
        return _curve_function(source)
    if isinstance(source, (Field, Scatter)):
        raise TypeError(
            "to_function takes one-dimensional densities, got a "
            f"{type(source).__name__}"
        )
    resolved = _resolve(source)
    if resolved.dimension == 2:
        raise TypeError(
            f"to_function takes one-dimensional densities, but {resolved.subject} is "
            "two-dimensional"
        )
    kind, obj = resolved.kind, resolved.obj
    if kind in ("function", "formula", "mixture"):
        return obj
    if kind in ("distribution", "pdf", "gaussian_kde"):
        return obj.pdf
    if kind == "table":
        t, p = obj
        return _interpolator(t, p)
    if obj.kind == "hist":
        return _curve_function(_histogram_1d(obj, obj.default_domain()))
    return _kde.kde_function(obj.data, obj.kernel_std, data_range=obj.ranges[0])


def _resolve(source):
    """Recognise the kind of *source*, or raise TypeError listing the kinds."""
    if isinstance(source, str):
        source = Formula(source)
    if isinstance(source, Formula):
        return _Source("formula", source, 1, f"the formula {source.text!r}")
    if isinstance(source, GaussianMixture):
        return _Source("mixture", source, 1, "the Gaussian mixture")

    if isinstance(source, np.ndarray):
        source = Samples(source)
    if isinstance(source, Samples):
        return _Source("samples", source, source.dimension, "the samples")
    if isinstance(source, Density2D):
        return _Source("function_2d", source.function, 2, "the density function")
    if _is_table(source):
        return _Source("table", _check_table(*source), 1, "the tabulated density")

    # scipy is imported only for objects that come from it.
    if type(source).__module__.startswith("scipy."):
        resolved = _resolve_scipy(source)
        if resolved is not None:
            return resolved
    if hasattr(source, "pdf") and callable(source.pdf):
        return _resolve_pdf(source)
    if callable(source):
        dimension = {1: 1, 2: 2}.get(_required_positional_count(source))
        return _Source("function", source, dimension, "the density function")

    hint = ""
    if isinstance(source, (list, tuple)):
        hint = (" (wrap a list of draws in Samples(...) or np.asarray; a tabulated "
                "curve is a pair (t, p) of 1-D arrays)")
    raise TypeError(
        f"unsupported density of type {type(source).__name__}{hint}; give "
        f"{ACCEPTED_KINDS}"
    )


def _resolve_scipy(source):
    """Recognise scipy.stats objects; return None for other scipy objects."""
    import scipy.stats

    if isinstance(source, scipy.stats.gaussian_kde):
        if source.d not in (1, 2):
            raise ValueError(
                f"the gaussian_kde has {source.d}-dimensional data; give one- or "
                "two-dimensional data"
            )
        return _Source("gaussian_kde", source, source.d, "the gaussian_kde")
    if isinstance(source, (scipy.stats.rv_continuous, scipy.stats.rv_discrete)):
        raise TypeError(
            f"scipy.stats.{source.name} is a family of distributions; freeze it with "
            f"parameters, for example scipy.stats.{source.name}(loc=0, scale=1)"
        )
    dist = getattr(source, "dist", None)
    if isinstance(dist, scipy.stats.rv_discrete):
        raise TypeError(
            f"scipy.stats.{dist.name} is a discrete distribution, which has a "
            "probability mass function and no density; give a continuous one"
        )
    if isinstance(dist, scipy.stats.rv_continuous):
        return _Source("distribution", source, 1, f"the pdf of scipy.stats.{dist.name}")
    return None


def _resolve_pdf(source):
    name = type(source).__name__
    subject = f"the pdf of the {name}"
    if hasattr(source, "ppf"):
        return _Source("distribution", source, 1, subject)
    dim = getattr(source, "dim", None)
    if dim in (1, 2):
        return _Source("pdf", source, dim, subject)
    if dim is not None:
        raise ValueError(
            f"the {name} is {dim}-dimensional; give a one- or two-dimensional "
            "distribution"
        )
    return _Source("pdf", source, None, subject)


def _required_positional_count(function):
    """Return the number of required positional parameters, or None if unclear."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    count = 0
    for parameter in signature.parameters.values():
        if parameter.kind is parameter.VAR_POSITIONAL:
            return None
        positional = parameter.kind in (parameter.POSITIONAL_ONLY,
                                        parameter.POSITIONAL_OR_KEYWORD)
        if positional and parameter.default is parameter.empty:
            count += 1
    return count


def _is_table(source):
    return (isinstance(source, (tuple, list)) and len(source) == 2
            and all(np.ndim(item) == 1 for item in source))


def _check_table(t, p):
    """Return the tabulated curve ``(t, p)`` as float arrays, or raise ValueError."""
    subject = "the tabulated density"
    t = np.asarray(t, dtype=float)
    p = np.asarray(p, dtype=float)
    if len(t) != len(p):
        raise ValueError(
            f"{subject} has {len(t)} values of t but {len(p)} values of p; give "
            "one p per t"
        )
    if len(t) < 2:
        raise ValueError(f"{subject} needs at least 2 points, got {len(t)}")
    if not np.isfinite(t).all():
        raise ValueError(f"t of {subject} must be finite; remove the NaN or inf")
    steps = np.diff(t)
    if (steps <= 0).any():
        i = int(np.argmax(steps <= 0))
        raise ValueError(
            f"t of {subject} must be strictly increasing, but t[{i + 1}] = "
            f"{t[i + 1]:.6g} follows t[{i}] = {t[i]:.6g}; sort the pairs by t "
            "(np.argsort) and drop repeated values"
        )
    p = check_values(p, t.shape, subject=subject, coords={"t": t})
    return t, p


def _check_domain_dimension(domain, dimension, subject):
    if domain is None or is_domain_2d(domain) == (dimension == 2):
        return
    if dimension == 2:
        raise ValueError(
            f"{subject} is two-dimensional, but the domain {domain!r} is an "
            "interval; give ((xlow, xhigh), (ylow, yhigh))"
        )
    raise ValueError(
        f"{subject} is one-dimensional, but the domain {domain!r} is a rectangle; "
        "give (low, high), or wrap a function of (x, y) in Density2D"
    )


def _evaluate_1d(resolved, domain, samples):
    kind, obj = resolved.kind, resolved.obj
    if kind == "table":
        return _table_curve(obj, domain, samples)
    if kind == "samples":
        return _samples_curve(obj, domain, samples)
    if domain is None:
        domain = _default_domain_1d(kind, obj)
    low, high = check_domain(domain)
    count = check_samples(DEFAULT_SAMPLES if samples is None else samples)
    t = np.linspace(low, high, count)
    function = obj.pdf if kind in ("distribution", "pdf", "gaussian_kde") else obj
    p = call_density(function, (t,), resolved.subject)
    return Curve(t, check_values(p, t.shape, subject=resolved.subject,
                                 coords={"t": t}))


def _default_domain_1d(kind, obj):
    if kind == "mixture":
        return obj.domain
    if kind == "distribution":
        return float(obj.ppf(PPF_TAIL)), float(obj.ppf(1 - PPF_TAIL))
    if kind == "gaussian_kde":
        reach = 3 * float(np.sqrt(obj.covariance[0, 0]))
        return float(obj.dataset.min()) - reach, float(obj.dataset.max()) + reach
    return DEFAULT_DOMAIN


def _evaluate_2d(resolved, domain, samples):
    kind, obj = resolved.kind, resolved.obj
    if kind == "samples":
        if obj.kind == "scatter":
            return _two_d.scatter_from_samples(obj, domain)
        return _two_d.field_from_samples(obj, domain, samples)
    if kind == "gaussian_kde":
        default, function, convention = _two_d.default_kde_domain(obj), obj.pdf, "rows"
    elif kind == "pdf":
        default, function, convention = _two_d.default_pdf_domain(obj), obj.pdf, "last"
    else:
        default, function, convention = _two_d.DEFAULT_DOMAIN_2D, obj, "xy"
    return _two_d.field_from_function(
        function, default if domain is None else domain, samples, resolved.subject,
        convention=convention,
    )


def _table_curve(table, domain, samples):
    t, p = table
    if domain is None and samples is None:
        return Curve(t, p)
    low, high = check_domain((t[0], t[-1]) if domain is None else domain)
    count = check_samples(DEFAULT_SAMPLES if samples is None else samples)
    grid = np.linspace(low, high, count)
    return Curve(grid, np.interp(grid, t, p, left=0.0, right=0.0))


def _samples_curve(source, domain, samples):
    if source.kind == "hist":
        return _histogram_1d(source, domain)
    low, high = check_domain(source.default_domain() if domain is None else domain)
    count = check_samples(DEFAULT_SAMPLES if samples is None else samples)
    t = np.linspace(low, high, count)
    p = _kde.kde_1d(source.data, source.kernel_std, t, data_range=source.ranges[0])
    meta = {"kind": "kde", "bandwidth": source.kernel_std, "draws": source.count}
    return Curve(t, p, meta=meta)


def _histogram_1d(source, domain):
    interval = check_domain(source.default_domain() if domain is None else domain)
    try:
        edges = np.histogram_bin_edges(source.data, bins=source.bins, range=interval)
    except (TypeError, ValueError) as err:
        raise ValueError(
            f"invalid bins {source.bins!r} ({err}); give an integer, a rule name "
            "such as 'auto', or increasing bin edges"
        ) from err
    counts, edges = np.histogram(source.data, bins=edges)
    p = counts / (source.count * np.diff(edges))
    centers = 0.5 * (edges[:-1] + edges[1:])
    meta = {"kind": "hist", "draws": source.count}
    return Curve(centers, p, drawstyle="steps", edges=edges, meta=meta)


def _interpolator(t, p):
    def density(points):
        return np.interp(np.asarray(points, dtype=float), t, p, left=0.0, right=0.0)

    return density


def _curve_function(curve):
    if curve.drawstyle != "steps" or curve.edges is None:
        return _interpolator(curve.t, curve.p)
    edges, p = curve.edges, curve.p

    def density(points):
        points = np.asarray(points, dtype=float)
        index = np.searchsorted(edges, points, side="right") - 1
        inside = (index >= 0) & (index < len(p))
        # The last bin includes its right edge, as in numpy.histogram.
        last = points == edges[-1]
        index = np.where(last, len(p) - 1, index)
        inside |= last
        return np.where(inside, p[np.clip(index, 0, len(p) - 1)], 0.0)

    return density
