"""Smooth monotone nonlinearities of the real line."""

from __future__ import annotations

import numpy as np

from ._base import ElementwiseTransform, check_scalar, format_repr, log_cosh


class Tanh(ElementwiseTransform):
    """The hyperbolic tangent ``y = tanh(x)``, a bijection onto ``(-1, 1)``.

    The pushed density is zero outside ``(-1, 1)``, where `inverse`
    returns NaN. Compose with `Affine` to change the interval.
    """

    def _forward(self, x):
        return np.tanh(x)

    def _inverse(self, y):
        inside = np.abs(y) < 1.0
        with np.errstate(invalid="ignore"):
            return np.where(inside, np.arctanh(np.where(inside, y, 0.0)), np.nan)

    def _log_det(self, x):
        # d tanh / dx = sech(x)^2, and log sech(x) = -log cosh(x).
        return -2.0 * log_cosh(x)

    def __repr__(self):
        return "Tanh()"


class SinhArcsinh(ElementwiseTransform):
    """The sinh-arcsinh map ``y = sinh((asinh(x) + skewness) * tailweight)``.

    This transform skews a symmetric density and makes its tails lighter
    or heavier (Jones and Pewsey, "Sinh-arcsinh distributions", Biometrika
    96, 2009). The parameterisation is that of the SinhArcsinh bijector of
    TensorFlow Probability. It maps the real line onto itself, and its
    inverse ``x = sinh(asinh(y) / tailweight - skewness)`` is exact.

    Parameters
    ----------
    skewness : float, default: 0
        Shift inside the sinh. Positive values skew a density centred at 0
        to the right.
    tailweight : float, default: 1
        Positive factor. Values above 1 make the tails heavier and values
        below 1 lighter, since ``|y|`` grows like ``|x| ** tailweight``.

    Raises
    ------
    ValueError
        If *tailweight* is not positive (the map is then not increasing),
        or a parameter is not finite.
    """

    def __init__(self, skewness=0.0, tailweight=1.0):
        self.skewness = check_scalar(skewness, "skewness", "SinhArcsinh")
        self.tailweight = check_scalar(tailweight, "tailweight", "SinhArcsinh")
        if self.tailweight <= 0:
            raise ValueError(
                f"SinhArcsinh: tailweight must be positive, got {self.tailweight}; "
                "with tailweight <= 0 the map is not increasing, so it is not a "
                "bijection of the real line"
            )

    def _argument(self, x):
        return (np.arcsinh(x) + self.skewness) * self.tailweight

    def _forward(self, x):
        return np.sinh(self._argument(x))

    def _inverse(self, y):
        return np.sinh(np.arcsinh(y) / self.tailweight - self.skewness)

    def _log_det(self, x):
        # dy/dx = tailweight * cosh(u) / sqrt(1 + x^2), u the sinh argument.
        u = self._argument(x)
        return np.log(self.tailweight) + log_cosh(u) - np.log(np.hypot(1.0, x))

    def __repr__(self):
        return format_repr(self, skewness=self.skewness, tailweight=self.tailweight)
