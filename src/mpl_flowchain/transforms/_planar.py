"""Planar and radial flows in 1-D and in d-D, from Rezende and Mohamed,
"Variational Inference with Normalizing Flows" (2015, arXiv:1505.05770)."""

from __future__ import annotations

import numpy as np

from ._base import PointTransform, check_scalar, check_vector, format_repr, log_cosh
from ._solve import solve_increasing


class Planar(PointTransform):
    """The planar flow ``y = x + u * tanh(w . x + b)``.

    Its log-Jacobian is ``log |1 + (w . u) sech^2(w . x + b)|``. The map is
    strictly increasing along ``w``, hence invertible, when ``w . u > -1``.
    Rezende and Mohamed state ``w . u >= -1``, but at equality the
    Jacobian vanishes on the line ``w . x + b = 0``, where the pushed
    density is infinite, so equality is rejected too. The inverse solves
    the scalar equation ``s + (w . u) tanh(s + b) = w . y`` for ``s = w . x``
    by safeguarded Newton iteration, to a relative step of 1e-13.

    Parameters
    ----------
    u, w : float or array_like of shape (d,)
        Numbers for a map of the real line, or vectors of the same length
        ``d`` for a map of ``R^d`` (``d = 2`` for the plane).
    b : float, default: 0
        Bias inside the tanh.

    Raises
    ------
    ValueError
        If ``w . u <= -1``, if *u* and *w* differ in shape, or if a
        parameter is not finite.
    """

    def __init__(self, u, w, b=0.0):
        u = check_vector(u, "u", "Planar")
        w = check_vector(w, "w", "Planar")
        if u.shape != w.shape:
            raise ValueError(
                f"Planar: u has shape {u.shape} but w has shape {w.shape}; give "
                "two numbers (1-D) or two vectors of the same length"
            )
        self.dim = 1 if u.ndim == 0 else u.size
        self.u = u.reshape(self.dim)
        self.w = w.reshape(self.dim)
        self.b = check_scalar(b, "b", "Planar")
        self._wu = float(self.w @ self.u)
        if self._wu <= -1.0:
            raise ValueError(
                f"Planar: w . u = {self._wu:.6g}, but the planar flow is invertible "
                "with a finite Jacobian only if w . u > -1; change u or w, for "
                "example shrink u or flip its sign"
            )

    def _forward(self, points):
        activation = np.tanh(points @ self.w + self.b)
        return points + activation[:, None] * self.u

    def _log_det(self, points):
        argument = points @ self.w + self.b
        sech2 = np.exp(-2.0 * log_cosh(argument))
        return np.log1p(self._wu * sech2)

    def _inverse(self, points):
        result = np.full_like(points, np.nan)
        target = points @ self.w
        finite = np.isfinite(target)
        target = target[finite]
        wu, b = self._wu, self.b

        def along_w(s):
            activation = np.tanh(s + b)
            return s + wu * activation, 1.0 + wu * (1.0 - activation**2)

        # |wu * tanh| <= |wu|, so the root lies within |wu| of the target.
        s = solve_increasing(along_w, target, target - abs(wu), target + abs(wu))
        result[finite] = points[finite] - np.tanh(s + b)[:, None] * self.u
        return result

    def __repr__(self):
        if self.dim == 1:
            return format_repr(self, u=float(self.u[0]), w=float(self.w[0]), b=self.b)
        return format_repr(self, u=self.u, w=self.w, b=self.b)


class Radial(PointTransform):
    """The radial flow ``y = x + beta * (x - center) / (alpha + |x - center|)``.

    Points move along rays from *center*, by a factor that depends only on
    the radius ``r = |x - center|``. In d dimensions the log-Jacobian is
    ``(d - 1) log(1 + beta h) + log(1 + beta alpha h^2)`` with
    ``h = 1 / (alpha + r)``. The map is invertible when ``alpha > 0`` and
    ``beta >= -alpha``. At ``beta = -alpha`` the Jacobian vanishes at the
    center, where the pushed density is infinite, so ``beta > -alpha`` is
    required. The inverse is exact: the radius solves a quadratic equation.

    Parameters
    ----------
    alpha : float
        Positive radius scale, in the units of ``x``.
    beta : float
        Strength of the expansion (``beta > 0``) or contraction
        (``-alpha < beta < 0``) around *center*.
    center : float or array_like of shape (d,), default: 0
        The fixed point of the map. A vector of length ``d`` makes the flow
        act on ``R^d``; a number makes it act on the real line.

    Raises
    ------
    ValueError
        If ``alpha <= 0`` or ``beta <= -alpha``, or a parameter is not finite.
    """

    def __init__(self, alpha, beta, center=0.0):
        self.alpha = check_scalar(alpha, "alpha", "Radial")
        self.beta = check_scalar(beta, "beta", "Radial")
        center = check_vector(center, "center", "Radial")
        self.dim = 1 if center.ndim == 0 else center.size
        self.center = center.reshape(self.dim)
        if self.alpha <= 0:
            raise ValueError(
                f"Radial: alpha must be positive, got {self.alpha}; alpha is the "
                "radius scale of the flow"
            )
        if self.beta <= -self.alpha:
            raise ValueError(
                f"Radial: beta = {self.beta:.6g} <= -alpha = {-self.alpha:.6g}, but "
                "the radial flow is invertible with a finite Jacobian only if "
                "beta > -alpha; raise beta or alpha"
            )

    def _forward(self, points):
        offset = points - self.center
        radius = np.linalg.norm(offset, axis=1)
        factor = 1.0 + self.beta / (self.alpha + radius)
        return self.center + factor[:, None] * offset

    def _log_det(self, points):
        radius = np.linalg.norm(points - self.center, axis=1)
        h = 1.0 / (self.alpha + radius)
        radial_part = np.log1p(self.beta * self.alpha * h**2)
        return (self.dim - 1) * np.log1p(self.beta * h) + radial_part

    def _inverse(self, points):
        offset = points - self.center
        rho = np.linalg.norm(offset, axis=1)
        # The input radius r solves r^2 + c r - alpha rho = 0 with
        # c = alpha + beta - rho; pick the form of the positive root that
        # avoids cancellation for either sign of c.
        c = self.alpha + self.beta - rho
        root = np.sqrt(c**2 + 4.0 * self.alpha * rho)
        with np.errstate(invalid="ignore", divide="ignore"):
            radius = np.where(
                c > 0, 2.0 * self.alpha * rho / (c + root), 0.5 * (root - c)
            )
        factor = (self.alpha + radius) / (self.alpha + radius + self.beta)
        return self.center + factor[:, None] * offset

    def __repr__(self):
        center = float(self.center[0]) if self.dim == 1 else self.center
        return format_repr(self, alpha=self.alpha, beta=self.beta, center=center)
