"""Affine coupling layers of the plane with a fixed conditioner."""

from __future__ import annotations

import numpy as np

from ._base import PointTransform, format_repr


class AffineCoupling(PointTransform):
    """An affine coupling layer of the plane, as in RealNVP.

    One coordinate, ``x_c`` (index *pass_through*), is copied unchanged and
    conditions the affine map of the other one, ``x_t``::

        y_c = x_c
        y_t = x_t * exp(log_scale(x_c)) + shift(x_c)

    The log-Jacobian is ``log_scale(x_c)``, and the inverse is exact:
    ``x_t = (y_t - shift(y_c)) * exp(-log_scale(y_c))``. The layer is
    invertible for every finite conditioner. Alternate *pass_through*
    between 0 and 1 in successive layers so that both coordinates change.

    Parameters
    ----------
    log_scale, shift : callable, float or array_like
        The conditioner. A callable takes the array of ``x_c`` values, of
        shape ``(N,)``, and returns an array of shape ``(N,)``. A sequence
        of numbers gives polynomial coefficients, lowest degree first, as in
        `numpy.polynomial.polynomial.polyval`; a number is a constant.
    pass_through : {0, 1}, default: 0
        Index of the coordinate that passes through unchanged.

    Raises
    ------
    TypeError
        If a conditioner is neither callable nor numbers.
    ValueError
        If polynomial coefficients are not finite, or *pass_through* is not
        0 or 1. At evaluation time, if a conditioner callable returns an
        array of the wrong shape.
    """

    dim = 2

    def __init__(self, log_scale=0.0, shift=0.0, *, pass_through=0):
        if pass_through not in (0, 1) or isinstance(pass_through, bool):
            raise ValueError(
                f"AffineCoupling: pass_through must be 0 or 1 (the index of the "
                f"coordinate left unchanged), got {pass_through!r}"
            )
        self.pass_through = int(pass_through)
        self.log_scale = _conditioner(log_scale, "log_scale")
        self.shift = _conditioner(shift, "shift")

    def _split(self, points):
        return points[:, self.pass_through], points[:, 1 - self.pass_through]

    def _join(self, conditioning, changed):
        out = np.empty((conditioning.size, 2))
        out[:, self.pass_through] = conditioning
        out[:, 1 - self.pass_through] = changed
        return out

    def _condition(self, conditioning):
        return (
            _evaluate(self.log_scale, conditioning, "log_scale"),
            _evaluate(self.shift, conditioning, "shift"),
        )

    def _forward(self, points):
        conditioning, changed = self._split(points)
        log_scale, shift = self._condition(conditioning)
        return self._join(conditioning, changed * np.exp(log_scale) + shift)

    def _inverse(self, points):
        conditioning, changed = self._split(points)
        log_scale, shift = self._condition(conditioning)
        return self._join(conditioning, (changed - shift) * np.exp(-log_scale))

    def _log_det(self, points):
        conditioning, _ = self._split(points)
        return _evaluate(self.log_scale, conditioning, "log_scale")

    def __repr__(self):
        return format_repr(
            self,
            log_scale=_describe(self.log_scale),
            shift=_describe(self.shift),
            pass_through=self.pass_through,
        )


def _conditioner(value, name):
    if callable(value):
        return value
    try:
        coefficients = np.atleast_1d(np.asarray(value, dtype=float))
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"AffineCoupling: {name} must be a callable or polynomial "
            f"coefficients (numbers), got {value!r}"
        ) from err
    if coefficients.ndim != 1:
        raise ValueError(
            f"AffineCoupling: {name} coefficients must be a 1-D sequence, got "
            f"shape {coefficients.shape}"
        )
    if not np.all(np.isfinite(coefficients)):
        raise ValueError(
            f"AffineCoupling: {name} coefficients must be finite, got "
            f"{coefficients.tolist()}"
        )
    return coefficients


def _evaluate(conditioner, conditioning, name):
    if isinstance(conditioner, np.ndarray):
        return np.polynomial.polynomial.polyval(conditioning, conditioner)
    values = np.asarray(conditioner(conditioning), dtype=float)
    if values.ndim == 0:
        return np.full(conditioning.shape, float(values))
    if values.shape != conditioning.shape:
        raise ValueError(
            f"AffineCoupling: {name} returned an array of shape {values.shape} for "
            f"input of shape {conditioning.shape}; it must return one value per input "
            "point (is it vectorised over numpy arrays?)"
        )
    return values


def _describe(conditioner):
    if isinstance(conditioner, np.ndarray):
        return conditioner
    return getattr(conditioner, "__name__", type(conditioner).__name__)
