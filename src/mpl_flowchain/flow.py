"""Densities and samples carried through a chain of transforms.

Stage 0 of a flow chain has the base density ``p_0`` of ``z_0``, and arrow
i carries the bijection ``f_i``, so that ``z_i = f_i(z_{i-1})``. By the
change of variables, the density of stage i is given by

    log p_i(z) = log p_0(x_0) - sum_{j=1..i} log abs(det J_{f_j}(x_{j-1}))

where ``x_i = z`` and ``x_{j-1} = f_j^{-1}(x_j)`` are the points that the
chain of inverses visits. `push_forward` returns these densities, and
`push_samples` moves samples through the same chain.
"""

from __future__ import annotations

import inspect

import numpy as np

from .densities import Density2D, to_function
from .transforms._base import check_transform

#: Number of grid points per axis on which `push_forward` checks inverses,
#: in 1-D and in 2-D.
CHECK_POINTS_1D = 401
CHECK_POINTS_2D = 61

#: Default largest round-trip error ``|forward(inverse(z)) - z| / max(1, |z|)``
#: that the inverse check accepts.
DEFAULT_INVERSE_TOL = 1e-6


class PushedDensity:
    """The density of one stage of a flow, a vectorised function of z.

    Instances come from `push_forward`. Calling one returns the density
    ``p_i(z)``; `logpdf` returns its logarithm, computed in log space
    through the chain of inverses.

    Attributes
    ----------
    dim : int
        1 for densities on the real line, 2 for densities on the plane.
    transforms : tuple of Transform
        The transforms from the base to this stage, in the order applied.
    """

    def __init__(self, log_base, transforms, dim):
        self._log_base = log_base
        self.transforms = tuple(transforms)
        self.dim = dim

    def logpdf(self, z):
        """Return ``log p_i(z)``.

        Parameters
        ----------
        z : array_like
            Points of the stage: any shape in 1-D, shape ``(N, 2)`` (or
            ``(..., 2)``) in 2-D.

        Returns
        -------
        ndarray
            ``log p_i(z)``, of shape ``z.shape`` in 1-D and ``z.shape[:-1]``
            in 2-D; ``-inf`` where the density is zero, including points
            outside the image of a transform.
        """
        points, batch_shape = _as_points(z, self.dim, "z")
        log_density = np.full(points.shape[0], -np.inf)
        log_jacobian = np.zeros(points.shape[0])
        alive = np.nonzero(_finite_rows(points))[0]
        x = points[alive]
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            for transform in reversed(self.transforms):
                previous = _call(transform, "inverse", x, x.shape)
                inside = _finite_rows(previous)
                x = previous[inside]
                alive = alive[inside]
                term = _call(transform, "log_abs_det_jacobian", x, (x.shape[0],))
                log_jacobian[alive] += term
            log_density[alive] = self._log_base(x) - log_jacobian[alive]
        log_density[np.isnan(log_density)] = -np.inf
        return log_density.reshape(batch_shape)

    def pdf(self, z):
        """Return the density ``p_i(z)``, of the shape that `logpdf` returns."""
        with np.errstate(over="ignore"):
            return np.exp(self.logpdf(z))

    __call__ = pdf

    def __repr__(self):
        return f"PushedDensity(dim={self.dim}, transforms={list(self.transforms)!r})"


def push_forward(
    base,
    transforms,
    *,
    arrows=None,
    check_domain=None,
    dim=None,
    inverse_tol=DEFAULT_INVERSE_TOL,
):
    """Return the density of every stage of a flow, by change of variables.

    Parameters
    ----------
    base : density source
        The density ``p_0`` of ``z_0``. In 1-D, any source that
        `mpl_flowchain.densities.to_function` accepts: a function
        ``t -> p(t)`` vectorised over numpy arrays, a formula string, a
        frozen `scipy.stats` distribution, `Samples`, a `GaussianMixture`, a
        tabulated pair ``(t, p)``. In 2-D, a function ``(x, y) -> p`` or
        `Density2D`, a function of an ``(N, 2)`` array returning shape
        ``(N,)``, an object with ``logpdf`` or ``pdf`` of such arrays (for
        example `scipy.stats.multivariate_normal`), or a
        `scipy.stats.gaussian_kde`.
    transforms : sequence
        One entry per arrow. An entry is a transform (see
        `mpl_flowchain.transforms.Transform`), or a list or tuple of
        transforms applied in order, for the arrow after a gap that elides
        several steps.
    arrows : int, optional
        The number of arrows of the chain. When given, *transforms* must
        have exactly this many entries.
    check_domain : (float, float) or sequence, optional
        Where to check that every inverse inverts its forward. A single
        domain, ``(low, high)`` in 1-D or ``((xlow, xhigh), (ylow, yhigh))``
        in 2-D, applies to every stage. A sequence with one domain (or None
        to skip) per stage, stage 0 first, sets each stage's own. Each
        transform is checked on a grid of its stage's domain (401 points in
        1-D, 61 x 61 in 2-D). In an entry of several transforms, each one
        is checked at the points to which the later ones pull the grid
        back. Default: no check.
    dim : {1, 2}, optional
        The dimension of the flow. Default: the ``dim`` that the transforms
        declare, else the ``dim`` attribute of *base*, else 1.
    inverse_tol : float, default: 1e-6
        Largest accepted ``|forward(inverse(z)) - z| / max(1, |z|)`` in the
        inverse check, ``|.|`` being the Euclidean norm in 2-D.

    Returns
    -------
    list of PushedDensity
        ``len(transforms) + 1`` densities, stage 0 (the base) first. Each is
        a vectorised callable ``z -> p_i(z)`` with a `PushedDensity.logpdf`
        method.

    Raises
    ------
    TypeError
        If *transforms* is not a sequence, an entry lacks part of the
        `Transform` protocol, or *base* is not a density that this function
        accepts.
    ValueError
        If the number of entries differs from *arrows*, an entry is an
        empty sequence, the transforms mix dimensions, a domain is invalid,
        or an inverse fails the check on its domain.
    """
    steps = _steps(transforms, arrows)
    dim = _flow_dim(steps, base, dim)
    log_base = _base_log_density(base, dim)
    if check_domain is not None:
        domains = _stage_domains(check_domain, len(steps) + 1, dim)
        tol = _check_tol(inverse_tol)
        for members, domain in zip(steps, domains[1:], strict=True):
            if domain is not None:
                _check_inverses(members, domain, dim, tol)
    densities = [PushedDensity(log_base, (), dim)]
    applied = []
    for members in steps:
        applied.extend(transform for _, transform in members)
        densities.append(PushedDensity(log_base, applied, dim))
    return densities


def push_samples(samples, transforms, *, arrows=None):
    """Return the samples of every stage, moved through the forward maps.

    Parameters
    ----------
    samples : array_like
        Samples of ``z_0``: shape ``(N,)`` in 1-D, ``(N, 2)`` in 2-D.
    transforms : sequence
        One entry per arrow, as for `push_forward`.
    arrows : int, optional
        The number of arrows; when given, *transforms* must have this
        many entries.

    Returns
    -------
    list of ndarray
        ``len(transforms) + 1`` float arrays of the shape of *samples*,
        stage 0 (a copy of *samples*) first. For an entry of several
        transforms, the stage contains the samples after the last of them.

    Raises
    ------
    TypeError, ValueError
        As `push_forward` for *transforms*; ValueError also if *samples*
        has a shape that does not fit the dimension of the transforms.
    """
    steps = _steps(transforms, arrows)
    values = np.array(samples, dtype=float)
    declared = _declared_dim(steps)
    inferred = values.shape[-1] if values.ndim == 2 else 1
    dim = declared if declared is not None else inferred
    points, _ = _as_points(values, dim, "samples")
    stages = [values.copy()]
    for members in steps:
        for _, transform in members:
            points = _call(transform, "forward", points, points.shape)
        stages.append(points.reshape(values.shape))
    return stages


def _steps(transforms, arrows):
    """Return the entries of *transforms* as lists of ``(label, transform)``."""
    if hasattr(transforms, "forward"):
        raise TypeError(
            f"transforms must be a sequence with one entry per arrow, got the "
            f"single transform {transforms!r}; wrap it in a list"
        )
    if isinstance(transforms, (str, bytes)) or not hasattr(transforms, "__len__"):
        raise TypeError(
            f"transforms must be a sequence with one entry per arrow, got "
            f"{type(transforms).__name__}; wrap a single transform in a list"
        )
    transforms = list(transforms)
    if arrows is not None and len(transforms) != arrows:
        raise ValueError(
            f"got {len(transforms)} transforms for {arrows} arrows; give one "
            "entry per arrow (a list of transforms for an arrow after a gap)"
        )
    steps = []
    for index, entry in enumerate(transforms):
        if isinstance(entry, (list, tuple)):
            if not entry:
                raise ValueError(
                    f"transforms[{index}] is an empty sequence; give at least "
                    "one transform for the arrow"
                )
            labels = [f"transforms[{index}][{j}]" for j in range(len(entry))]
            members = list(zip(labels, entry, strict=True))
        else:
            members = [(f"transforms[{index}]", entry)]
        for label, transform in members:
            check_transform(transform, label)
        steps.append(members)
    return steps


def _declared_dim(steps):
    """Return the ``dim`` that the transforms declare, or None."""
    found = {}
    for members in steps:
        for label, transform in members:
            dim = getattr(transform, "dim", None)
            if dim is not None:
                found.setdefault(int(dim), f"{label} ({type(transform).__name__})")
    if len(found) > 1:
        listed = " but ".join(f"{label} has dim={d}" for d, label in found.items())
        raise ValueError(
            f"the transforms mix dimensions: {listed}; every transform of a "
            "flow acts on the same space"
        )
    return next(iter(found), None)


def _flow_dim(steps, base, dim):
    declared = _declared_dim(steps)
    base_dim = getattr(base, "dim", None)
    if dim is not None:
        if dim not in (1, 2) or isinstance(dim, bool):
            raise ValueError(f"dim must be 1 or 2, got {dim!r}")
        if declared is not None and declared != dim:
            raise ValueError(
                f"dim={dim} was given, but the transforms act in dimension "
                f"{declared}; remove dim or make them agree"
            )
        return dim
    if declared is not None:
        if isinstance(base_dim, (int, np.integer)) and base_dim != declared:
            raise ValueError(
                f"the base density has dim={base_dim}, but the transforms act "
                f"in dimension {declared}; give a base density of dimension "
                f"{declared}"
            )
        return declared
    if isinstance(base_dim, (int, np.integer)) and base_dim in (1, 2):
        return int(base_dim)
    return 1


def _density_function(source):
    """Return the vectorised function ``t -> p(t)`` of a 1-D density source."""
    return to_function(source)


def _base_log_density(source, dim):
    """Return ``x -> log p_0(x)`` on flat (1-D) or ``(M, 2)`` arrays."""
    if dim == 1:
        density = _density_function(source)
        return lambda x: _log_of(density(x), x.shape[:1])
    if isinstance(source, Density2D):
        function = source.function
        return lambda x: _log_of(function(x[:, 0], x[:, 1]), x.shape[:1])
    if hasattr(source, "dataset") and hasattr(source, "logpdf"):
        # scipy.stats.gaussian_kde takes points as columns, shape (2, M).
        return lambda x: _checked(source.logpdf(x.T), x.shape[:1])
    if hasattr(source, "logpdf") and callable(source.logpdf):
        return lambda x: _checked(source.logpdf(x), x.shape[:1])
    if hasattr(source, "pdf") and callable(source.pdf):
        return lambda x: _log_of(source.pdf(x), x.shape[:1])
    if callable(source):
        if _required_positional_count(source) == 2:
            return lambda x: _log_of(source(x[:, 0], x[:, 1]), x.shape[:1])
        return lambda x: _log_of(source(x), x.shape[:1])
    raise TypeError(
        f"unsupported 2-D base density of type {type(source).__name__}; give a "
        "function (x, y) -> p, a function of an (N, 2) array returning shape "
        "(N,), Density2D(f), or an object with a logpdf or pdf method of (N, 2) "
        "arrays such as scipy.stats.multivariate_normal"
    )


def _required_positional_count(function):
    """Return how many positional parameters *function* requires, or None."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return sum(
        1
        for parameter in signature.parameters.values()
        if parameter.kind in kinds and parameter.default is parameter.empty
    )


def _checked(values, shape):
    values = np.asarray(values, dtype=float)
    if values.size == int(np.prod(shape)) and values.shape != shape:
        # scipy.stats multivariate densities drop the axis of a single point.
        values = values.reshape(shape)
    if values.shape != shape:
        raise ValueError(
            f"the base density returned an array of shape {values.shape} for "
            f"{shape[0]} points; it must return one value per point (is it "
            "vectorised over numpy arrays?)"
        )
    if np.isnan(values).any():
        raise ValueError(
            f"the base density returned NaN at {int(np.isnan(values).sum())} of "
            f"{values.size} points; it must return a density value at every point"
        )
    return values


def _log_of(values, shape):
    values = _checked(values, shape)
    if (values < 0).any():
        raise ValueError(
            f"the base density returned negative values (minimum "
            f"{values.min():.3g}); a density is non-negative everywhere"
        )
    with np.errstate(divide="ignore"):
        return np.log(values)


def _as_points(z, dim, name):
    """Return *z* as flat (1-D) or ``(M, dim)`` float points, and its batch shape."""
    z = np.asarray(z, dtype=float)
    if dim == 1:
        return z.reshape(-1), z.shape
    if z.ndim == 0 or z.shape[-1] != dim:
        raise ValueError(
            f"{name} has shape {z.shape}, but a flow of dimension {dim} needs "
            f"points of shape (N, {dim})"
        )
    return z.reshape(-1, dim), z.shape[:-1]


def _finite_rows(points):
    finite = np.isfinite(points)
    return finite if finite.ndim == 1 else finite.all(axis=1)


def _call(transform, method, x, shape):
    """Return ``transform.method(x)`` as a float array, checking its shape."""
    result = np.asarray(getattr(transform, method)(x), dtype=float)
    if result.shape != shape:
        raise ValueError(
            f"{type(transform).__name__}.{method} returned an array of shape "
            f"{result.shape} for input of shape {x.shape}; expected shape {shape}"
        )
    return result


def _check_tol(tol):
    number = isinstance(tol, (int, float, np.floating)) and not isinstance(tol, bool)
    if not (number and np.isfinite(tol) and tol > 0):
        raise ValueError(f"inverse_tol must be a positive number, got {tol!r}")
    return float(tol)


def _stage_domains(check_domain, stages, dim):
    """Return one validated domain (or None) per stage."""
    depth = _nesting_depth(check_domain)
    single = 1 if dim == 1 else 2
    if depth >= 1 and any(item is None for item in check_domain):
        depth = single + 1
    if depth == single:
        domains = [check_domain] * stages
    elif depth == single + 1:
        domains = list(check_domain)
        if len(domains) != stages:
            raise ValueError(
                f"check_domain has {len(domains)} entries for {stages} stages; "
                "give one domain (or None) per stage, stage 0 first, or a "
                "single domain for all stages"
            )
    else:
        example = "(low, high)" if dim == 1 else "((xlow, xhigh), (ylow, yhigh))"
        raise ValueError(
            f"check_domain must be a domain {example} or a sequence of them, one "
            f"per stage, got {check_domain!r}"
        )
    return [None if d is None else _domain(d, dim) for d in domains]


def _nesting_depth(value):
    if isinstance(value, (list, tuple, np.ndarray)):
        return 1 + max((_nesting_depth(item) for item in value), default=0)
    return 0


def _domain(domain, dim):
    pairs = [domain] if dim == 1 else list(domain)
    if len(pairs) != dim:
        raise ValueError(
            f"a 2-D domain needs one (low, high) pair per axis, got {domain!r}"
        )
    result = []
    for pair in pairs:
        try:
            low, high = (float(value) for value in pair)
        except (TypeError, ValueError) as err:
            raise ValueError(
                f"a domain must be a pair of numbers (low, high), got {pair!r}"
            ) from err
        if not (np.isfinite(low) and np.isfinite(high) and low < high):
            raise ValueError(
                f"a domain must have finite ends with low < high, got ({low}, {high})"
            )
        result.append((low, high))
    return result[0] if dim == 1 else tuple(result)


def _norms(points):
    """Return the absolute values (1-D) or the Euclidean norms of the rows."""
    return np.abs(points) if points.ndim == 1 else np.linalg.norm(points, axis=1)


def _grid(domain, dim):
    if dim == 1:
        return np.linspace(*domain, CHECK_POINTS_1D)
    axes = [np.linspace(low, high, CHECK_POINTS_2D) for low, high in domain]
    return np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(-1, 2)


def _check_inverses(members, domain, dim, tol):
    """Raise ValueError if an inverse of *members* fails on their stage's domain.

    A grid of *domain* is pulled back through the members, last first, and
    each member is checked at the points that reach it.
    """
    y = _grid(domain, dim)
    for label, transform in reversed(members):
        name = f"{label} ({type(transform).__name__})"
        with np.errstate(all="ignore"):
            x = _call(transform, "inverse", y, y.shape)
        inside = _finite_rows(x)
        if not inside.any():
            raise ValueError(
                f"{name}: inverse returned NaN or infinite values at every point "
                f"of the domain {domain} that reaches it, so the density there is "
                "zero; check the domain against the image of forward"
            )
        y, x = y[inside], x[inside]
        with np.errstate(all="ignore"):
            back = _call(transform, "forward", x, x.shape)
            _call(transform, "log_abs_det_jacobian", x, (x.shape[0],))
        error = _norms(back - y) / np.maximum(1.0, _norms(y))
        error = np.where(np.isnan(error), np.inf, error)
        worst = int(np.argmax(error))
        if error[worst] > tol:
            where = np.array2string(y[worst], precision=6)
            raise ValueError(
                f"{name}: inverse does not invert forward on the domain {domain}; "
                f"the relative error |forward(inverse(z)) - z| / max(1, |z|) "
                f"reaches {error[worst]:.3g} at z = {where}, above the tolerance "
                f"{tol:g}; fix inverse so that forward(inverse(z)) returns z"
            )
        y = x
