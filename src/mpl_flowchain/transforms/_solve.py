"""Vectorised root finding for inverses without a closed form."""

from __future__ import annotations

import numpy as np

#: Relative step size at which `solve_increasing` stops, ``|dx| <= XTOL (1 + |x|)``.
XTOL = 1e-13

#: Iteration cap of `solve_increasing`. The bracket halves at least every other
#: step, so 200 steps shrink it by a factor of at least 2**100.
MAX_ITER = 200


def solve_increasing(func, target, lower, upper):
    """Solve ``func(x) = target`` for an increasing *func*, elementwise.

    Runs Newton's method safeguarded by bisection, in the manner of the
    classic ``rtsafe``: a point takes the bracket midpoint in place of its
    Newton step when that step leaves the bracket or is not at most half
    its previous step. The bracket then halves at least every other
    iteration, so every point converges, and near the root Newton's
    quadratic convergence takes over. A point stops once its step is at
    most ``XTOL * (1 + |x|)``, and later iterations evaluate *func* only at
    the points still moving.

    Parameters
    ----------
    func : callable
        ``x -> (value, slope)`` on 1-D float arrays, elementwise, strictly
        increasing in *x* with ``slope = d value / dx``.
    target : ndarray
        Finite right-hand sides, shape ``(M,)``.
    lower, upper : ndarray
        Finite brackets with ``func(lower) <= target <= func(upper)``.

    Returns
    -------
    ndarray
        The roots, shape ``(M,)``, to a relative step of `XTOL`.
    """
    target = np.asarray(target, dtype=float)
    lower = np.array(lower, dtype=float)
    upper = np.array(upper, dtype=float)
    x = 0.5 * (lower + upper)
    previous_step = np.full_like(x, np.inf)
    moving = np.arange(x.size)
    for _ in range(MAX_ITER):
        if moving.size == 0:
            break
        current = x[moving]
        value, slope = func(current)
        residual = value - target[moving]
        exact = residual == 0
        above = residual > 0
        low = np.where(above | exact, lower[moving], current)
        high = np.where(above, current, upper[moving])
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            newton = current - residual / slope
        use_newton = (
            np.isfinite(newton)
            & (newton >= low)
            & (newton <= high)
            & (np.abs(newton - current) <= 0.5 * previous_step[moving])
        )
        new = np.where(use_newton, newton, 0.5 * (low + high))
        new = np.where(exact, current, new)
        step = np.abs(new - current)
        x[moving] = new
        lower[moving], upper[moving] = low, high
        previous_step[moving] = step
        moving = moving[step > XTOL * (1.0 + np.abs(new))]
    return x
