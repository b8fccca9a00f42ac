"""Monotone rational-quadratic splines, as in Durkan et al., "Neural Spline
Flows" (2019, arXiv:1906.04032)."""

from __future__ import annotations

import numpy as np

from ._base import ElementwiseTransform, check_scalar, format_repr


class RationalQuadraticSpline(ElementwiseTransform):
    """A monotone rational-quadratic spline with linear tails.

    Between knots ``x_k`` and ``x_{k+1}`` the map is the monotone ratio of
    two quadratics used in Neural Spline Flows: it passes through the knots
    ``(x_k, y_k)`` with the given positive derivatives ``d_k``. Below the
    first knot and above the last one it continues as straight lines whose
    slopes are the end derivatives, so the map is a bijection of the real
    line with a continuous derivative. The inverse is exact: inside a bin
    it is the root of a quadratic equation.

    Parameters
    ----------
    x_knots, y_knots : array_like of shape (K + 1,)
        Strictly increasing knot positions, input and output, ``K >= 1``.
    derivatives : array_like of shape (K + 1,)
        Positive derivatives ``dy/dx`` at the knots.

    Raises
    ------
    ValueError
        If the knots are not strictly increasing, a derivative is not
        positive, the three arrays differ in length or hold fewer than two
        values, or a value is not finite.

    See Also
    --------
    RationalQuadraticSpline.from_bins : the parameterisation by bin widths
        and heights on ``[-bound, bound]`` with identity tails.
    """

    def __init__(self, x_knots, y_knots, derivatives):
        self.x_knots = _knots(x_knots, "x_knots")
        self.y_knots = _knots(y_knots, "y_knots")
        self.derivatives = _knots(derivatives, "derivatives", increasing=False)
        count = self.x_knots.size
        if self.y_knots.size != count or self.derivatives.size != count:
            raise ValueError(
                "RationalQuadraticSpline: x_knots, y_knots and derivatives have "
                f"{count}, {self.y_knots.size} and {self.derivatives.size} values; "
                "give one y value and one derivative per x knot"
            )
        if np.any(self.derivatives <= 0):
            index = int(np.argmax(self.derivatives <= 0))
            raise ValueError(
                f"RationalQuadraticSpline: derivatives[{index}] = "
                f"{self.derivatives[index]:.6g}, but a monotone spline needs "
                "positive derivatives at every knot"
            )
        self._widths = np.diff(self.x_knots)
        self._heights = np.diff(self.y_knots)
        self._slopes = self._heights / self._widths

    @classmethod
    def from_bins(cls, widths, heights, derivatives, bound=3.0):
        """Build the spline of Neural Spline Flows on ``[-bound, bound]``.

        Parameters
        ----------
        widths, heights : array_like of shape (K,)
            Positive relative sizes of the K bins, input and output. Each
            array is rescaled to sum to ``2 * bound``.
        derivatives : array_like of shape (K - 1,)
            Positive derivatives at the K - 1 inner knots. The derivative
            at both ends is 1, so the spline is the identity outside
            ``[-bound, bound]``.
        bound : float, default: 3
            Half-width of the interval that the spline deforms.

        Returns
        -------
        RationalQuadraticSpline
        """
        owner = "RationalQuadraticSpline.from_bins"
        bound = check_scalar(bound, "bound", owner)
        if bound <= 0:
            raise ValueError(f"{owner}: bound must be positive, got {bound}")
        sizes = []
        for name, values in (("widths", widths), ("heights", heights)):
            values = _knots(values, name, increasing=False)
            if np.any(values <= 0):
                raise ValueError(
                    f"{owner}: {name} must be positive, got {values.tolist()}"
                )
            sizes.append(values)
        if sizes[0].size != sizes[1].size:
            raise ValueError(
                f"{owner}: widths has {sizes[0].size} bins but heights has "
                f"{sizes[1].size}; give one height per width"
            )
        inner = np.atleast_1d(np.asarray(derivatives, dtype=float))
        if inner.shape != (sizes[0].size - 1,):
            raise ValueError(
                f"{owner}: derivatives has shape {inner.shape}, but {sizes[0].size} "
                f"bins have {sizes[0].size - 1} inner knots; give one derivative "
                "per inner knot"
            )
        if np.any(~np.isfinite(inner)) or np.any(inner <= 0):
            raise ValueError(
                f"{owner}: derivatives must be positive and finite, got "
                f"{inner.tolist()}"
            )
        edges = [
            -bound + 2.0 * bound * np.concatenate([[0.0], np.cumsum(s) / s.sum()])
            for s in sizes
        ]
        for knots in edges:
            knots[-1] = bound
        return cls(edges[0], edges[1], np.concatenate([[1.0], inner, [1.0]]))

    def _forward(self, x):
        xk, yk, dk = self.x_knots, self.y_knots, self.derivatives
        out = np.empty_like(x)
        below, above = x < xk[0], x > xk[-1]
        out[below] = yk[0] + dk[0] * (x[below] - xk[0])
        out[above] = yk[-1] + dk[-1] * (x[above] - xk[-1])
        inside = ~(below | above)
        k, xi = self._locate(x[inside], xk)
        s, d0, d1 = self._slopes[k], dk[k], dk[k + 1]
        interior = xi * (1.0 - xi)
        numerator = self._heights[k] * (s * xi**2 + d0 * interior)
        denominator = s + (d0 + d1 - 2.0 * s) * interior
        out[inside] = yk[k] + numerator / denominator
        return out

    def _log_det(self, x):
        xk, dk = self.x_knots, self.derivatives
        out = np.empty_like(x)
        below, above = x < xk[0], x > xk[-1]
        out[below] = np.log(dk[0])
        out[above] = np.log(dk[-1])
        inside = ~(below | above)
        k, xi = self._locate(x[inside], xk)
        s, d0, d1 = self._slopes[k], dk[k], dk[k + 1]
        interior = xi * (1.0 - xi)
        numerator = d1 * xi**2 + 2.0 * s * interior + d0 * (1.0 - xi) ** 2
        denominator = s + (d0 + d1 - 2.0 * s) * interior
        out[inside] = 2.0 * np.log(s) + np.log(numerator) - 2.0 * np.log(denominator)
        return out

    def _inverse(self, y):
        xk, yk, dk = self.x_knots, self.y_knots, self.derivatives
        out = np.empty_like(y)
        below, above = y < yk[0], y > yk[-1]
        out[below] = xk[0] + (y[below] - yk[0]) / dk[0]
        out[above] = xk[-1] + (y[above] - yk[-1]) / dk[-1]
        inside = ~(below | above)
        k, _ = self._locate(y[inside], yk)
        s, d0, d1, h = self._slopes[k], dk[k], dk[k + 1], self._heights[k]
        rise = y[inside] - yk[k]
        curvature = d0 + d1 - 2.0 * s
        # Clearing the denominator of the bin formula gives a xi^2 + b xi + c = 0
        # with these coefficients; the root in [0, 1] is taken in the form
        # 2c / (-b - sqrt(b^2 - 4ac)), which is stable because c <= 0.
        a = h * (s - d0) + rise * curvature
        b = h * d0 - rise * curvature
        c = -s * rise
        discriminant = np.maximum(b**2 - 4.0 * a * c, 0.0)
        xi = 2.0 * c / (-b - np.sqrt(discriminant))
        out[inside] = xk[k] + xi * self._widths[k]
        return out

    def _locate(self, values, knots):
        """Return the bin index of each value and its position in the bin."""
        k = np.clip(np.searchsorted(knots, values, side="right") - 1, 0, knots.size - 2)
        start = knots[k]
        span = knots[k + 1] - start
        return k, (values - start) / span

    def __repr__(self):
        return format_repr(
            self,
            x_knots=self.x_knots,
            y_knots=self.y_knots,
            derivatives=self.derivatives,
        )


def _knots(values, name, increasing=True):
    owner = "RationalQuadraticSpline"
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(f"{owner}: {name} must be a sequence of numbers") from err
    if array.ndim != 1 or array.size < (2 if increasing else 1):
        raise ValueError(
            f"{owner}: {name} must be a 1-D sequence of at least "
            f"{2 if increasing else 1} numbers, got shape {array.shape}"
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{owner}: {name} must be finite, got {array.tolist()}")
    if increasing and np.any(np.diff(array) <= 0):
        index = int(np.argmax(np.diff(array) <= 0))
        raise ValueError(
            f"{owner}: {name} must be strictly increasing, but {name}[{index}] = "
            f"{array[index]:.6g} >= {name}[{index + 1}] = {array[index + 1]:.6g}"
        )
    return array
