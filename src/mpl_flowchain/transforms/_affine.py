"""Affine maps of the real line and of the plane."""

from __future__ import annotations

import numpy as np

from ._base import PointTransform, format_repr

#: Largest condition number of an `Affine` matrix. The inverse of a matrix
#: with condition number k loses about log10(k) digits, so beyond 1e12 the
#: round trip forward(inverse(y)) is no longer good to 1e-4 relative.
MAX_CONDITION = 1e12


class Affine(PointTransform):
    """The affine map ``y = scale * x + shift`` in 1-D, ``y = A x + b`` in d-D.

    Parameters
    ----------
    scale : float or array_like of shape (d, d), default: 1
        A non-zero number for a map of the real line, or a non-singular
        square matrix ``A`` for a map of ``R^d`` (``d = 2`` for the plane).
    shift : float or array_like of shape (d,), default: 0
        The offset ``b``, in the units of the output. A number is added to
        every coordinate.

    Raises
    ------
    ValueError
        If *scale* is zero or a singular (or numerically singular) matrix,
        if the shapes of *scale* and *shift* do not match, or if a value is
        not finite.
    """

    def __init__(self, scale=1.0, shift=0.0):
        matrix = _as_matrix(scale)
        self.dim = matrix.shape[0]
        self.matrix = matrix
        self.shift = _as_shift(shift, self.dim)
        sign, log_det = np.linalg.slogdet(matrix)
        if self.dim == 1:
            if sign == 0:
                raise ValueError(
                    "Affine: scale is 0, so the map sends every x to one point "
                    "and is not invertible; give a non-zero scale"
                )
        else:
            condition = np.linalg.cond(matrix)
            if sign == 0 or not condition <= MAX_CONDITION:
                raise ValueError(
                    f"Affine: the scale matrix {matrix.tolist()} is singular "
                    f"(determinant {sign * np.exp(log_det):.3g}, condition number "
                    f"{condition:.3g} > {MAX_CONDITION:.0e}), so the map is not "
                    "invertible; give a matrix with linearly independent rows"
                )
        self._log_det_value = float(log_det)

    @property
    def scale(self):
        """The factor ``scale`` (a float in 1-D) or the matrix ``A`` (d-D)."""
        return float(self.matrix[0, 0]) if self.dim == 1 else self.matrix.copy()

    def _forward(self, points):
        return points @ self.matrix.T + self.shift

    def _inverse(self, points):
        return np.linalg.solve(self.matrix, (points - self.shift).T).T

    def _log_det(self, points):
        return np.full(points.shape[0], self._log_det_value)

    def __repr__(self):
        if self.dim == 1:
            return format_repr(self, scale=self.scale, shift=float(self.shift[0]))
        return format_repr(self, scale=self.matrix, shift=self.shift)


def _as_matrix(scale):
    try:
        matrix = np.asarray(scale, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"Affine: scale must be a number or a square matrix, got {scale!r}"
        ) from err
    if matrix.ndim == 0:
        matrix = matrix.reshape(1, 1)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(
            f"Affine: scale must be a number (1-D) or a square matrix (d-D), got "
            f"an array of shape {matrix.shape}"
        )
    if not np.all(np.isfinite(matrix)):
        raise ValueError(f"Affine: scale must be finite, got {matrix.tolist()}")
    return matrix


def _as_shift(shift, dim):
    try:
        offset = np.asarray(shift, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"Affine: shift must be a number or a vector, got {shift!r}"
        ) from err
    if offset.ndim == 0:
        offset = np.full(dim, float(offset))
    if offset.shape != (dim,):
        raise ValueError(
            f"Affine: shift has shape {offset.shape}, but a scale of dimension "
            f"{dim} needs a number or a vector of shape ({dim},)"
        )
    if not np.all(np.isfinite(offset)):
        raise ValueError(f"Affine: shift must be finite, got {offset.tolist()}")
    return offset
