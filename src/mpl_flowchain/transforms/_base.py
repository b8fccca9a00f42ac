"""The transform protocol, its runtime check, array shapes and composition."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

PROTOCOL_METHODS = ("forward", "inverse", "log_abs_det_jacobian")


@runtime_checkable
class Transform(Protocol):
    """A bijection ``f`` of the real line or of the plane, as the flow uses it.

    Any object with these three methods is a transform. All three are
    vectorised over numpy arrays of float:

    - a 1-D transform (``dim == 1``) acts elementwise on an array of any
      shape, and `log_abs_det_jacobian` returns an array of that shape;
    - a 2-D transform (``dim == 2``) acts on points stored along the last
      axis, an array of shape ``(N, 2)`` (or ``(..., 2)``), and
      `log_abs_det_jacobian` returns an array of shape ``(N,)``.

    The attribute ``dim`` is optional. Without it, `push_forward` takes the
    dimension from the other transforms or from the base density.

    ``isinstance(obj, Transform)`` checks only that the three methods exist;
    `check_transform` also checks that they are callable and names what is
    missing.
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Return ``f(x)``."""

    def inverse(self, y: np.ndarray) -> np.ndarray:
        """Return ``f^{-1}(y)``, and NaN where *y* is outside the image of ``f``."""

    def log_abs_det_jacobian(self, x: np.ndarray) -> np.ndarray:
        """Return ``log |det df/dx|`` evaluated at the input *x* of `forward`."""


def check_transform(obj, name="transform"):
    """Return *obj* if it follows the `Transform` protocol, or raise.

    Parameters
    ----------
    obj : object
        The candidate transform.
    name : str, default: "transform"
        How the messages refer to *obj*, for example ``"transforms[2]"``.

    Raises
    ------
    TypeError
        If *obj* is a class rather than an instance, if it lacks one of
        `forward`, `inverse` and `log_abs_det_jacobian` or has one that is
        not callable, or if its ``dim`` is not a positive integer.
    """
    if isinstance(obj, type):
        raise TypeError(
            f"{name} is the class {obj.__name__}, not a transform; create an "
            f"instance, for example {obj.__name__}(...)"
        )
    missing = [method for method in PROTOCOL_METHODS if not hasattr(obj, method)]
    if missing:
        raise TypeError(
            f"{name} ({type(obj).__name__}) lacks {_join(missing)}; "
            "a transform needs the methods forward(x), inverse(y) and "
            "log_abs_det_jacobian(x), each on numpy arrays"
        )
    uncallable = [m for m in PROTOCOL_METHODS if not callable(getattr(obj, m))]
    if uncallable:
        raise TypeError(
            f"{name} ({type(obj).__name__}) has {_join(uncallable)} that is not "
            "callable; define it as a method that takes a numpy array"
        )
    dim = getattr(obj, "dim", None)
    if dim is not None and (
        isinstance(dim, bool) or not isinstance(dim, (int, np.integer)) or dim < 1
    ):
        raise TypeError(
            f"{name} ({type(obj).__name__}) has dim={dim!r}; dim must be a "
            "positive integer (1 for the real line, 2 for the plane) or absent"
        )
    return obj


def _join(names):
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def to_points(x, dim):
    """Return *x* as a float array of shape ``(M, dim)`` and its batch shape.

    A 1-D input of any shape is flattened into one column. For
    ``dim >= 2`` the last axis of *x* must have length *dim*.

    Raises
    ------
    ValueError
        If the last axis of *x* does not have length *dim*.
    """
    x = np.asarray(x, dtype=float)
    if dim == 1:
        return x.reshape(-1, 1), x.shape
    if x.ndim == 0 or x.shape[-1] != dim:
        raise ValueError(
            f"expected points of shape (N, {dim}), got an array of shape "
            f"{x.shape}; stack the {dim} coordinates along the last axis"
        )
    return x.reshape(-1, dim), x.shape[:-1]


def from_points(points, batch_shape, dim):
    """Reshape ``(M, dim)`` *points* back to the layout `to_points` read."""
    if dim == 1:
        return points.reshape(batch_shape)
    return points.reshape(batch_shape + (dim,))


def format_repr(obj, **fields):
    """Return ``Name(key=value, ...)`` with arrays printed as short lists."""
    parts = []
    for key, value in fields.items():
        if isinstance(value, np.ndarray):
            text = np.array2string(value, precision=4, separator=", ", threshold=8)
        else:
            text = repr(value)
        parts.append(f"{key}={text}")
    return f"{type(obj).__name__}({', '.join(parts)})"


class ElementwiseTransform:
    """Base of the 1-D transforms that map each array element on its own.

    Subclasses define ``_forward``, ``_inverse`` and ``_log_det`` on float
    arrays of any shape.
    """

    dim = 1

    def forward(self, x):
        """Return ``f(x)``, elementwise."""
        with np.errstate(over="ignore"):
            return self._forward(np.asarray(x, dtype=float))

    def inverse(self, y):
        """Return ``f^{-1}(y)``, elementwise."""
        with np.errstate(over="ignore"):
            return self._inverse(np.asarray(y, dtype=float))

    def log_abs_det_jacobian(self, x):
        """Return ``log |f'(x)|``, elementwise."""
        with np.errstate(over="ignore"):
            return self._log_det(np.asarray(x, dtype=float))


class PointTransform:
    """Base of the transforms of ``R^dim`` that work on rows of points.

    Subclasses set ``dim`` and define ``_forward``, ``_inverse`` and
    ``_log_det`` on float arrays of shape ``(M, dim)``; ``_log_det``
    returns shape ``(M,)``. With ``dim == 1`` the public methods accept
    arrays of any shape, as elementwise transforms do.
    """

    dim = 1

    def forward(self, x):
        """Return ``f(x)`` for 1-D values or for points of shape ``(N, dim)``."""
        points, batch_shape = to_points(x, self.dim)
        with np.errstate(over="ignore"):
            return from_points(self._forward(points), batch_shape, self.dim)

    def inverse(self, y):
        """Return ``f^{-1}(y)`` for 1-D values or points of shape ``(N, dim)``."""
        points, batch_shape = to_points(y, self.dim)
        with np.errstate(over="ignore"):
            return from_points(self._inverse(points), batch_shape, self.dim)

    def log_abs_det_jacobian(self, x):
        """Return ``log |det df/dx|`` at *x*, of shape ``(N,)`` for points."""
        points, batch_shape = to_points(x, self.dim)
        with np.errstate(over="ignore"):
            return self._log_det(points).reshape(batch_shape)


class Compose:
    """The composition of transforms, applied in order.

    ``Compose([f1, f2, f3]).forward(x)`` is ``f3(f2(f1(x)))``, its inverse
    runs the inverses in reverse order, and its log-Jacobian is the sum of
    the members' log-Jacobians at the intermediate points.

    Parameters
    ----------
    transforms : sequence of Transform
        At least one transform, all of the same ``dim``.

    Raises
    ------
    TypeError
        If *transforms* is not a sequence, or one of its entries does not
        follow the `Transform` protocol.
    ValueError
        If *transforms* is empty, or its entries declare different ``dim``.
    """

    def __init__(self, transforms):
        if isinstance(transforms, (str, bytes)) or not hasattr(transforms, "__iter__"):
            raise TypeError(
                f"Compose takes a sequence of transforms, got "
                f"{type(transforms).__name__}; wrap a single transform in a list"
            )
        transforms = tuple(transforms)
        if not transforms:
            raise ValueError("Compose needs at least one transform, got none")
        for index, transform in enumerate(transforms):
            check_transform(transform, f"transforms[{index}]")
        self.transforms = transforms
        self.dim = common_dim(transforms, "Compose")

    def forward(self, x):
        """Return ``f_n(...f_1(x))``."""
        for transform in self.transforms:
            x = transform.forward(x)
        return x

    def inverse(self, y):
        """Return ``f_1^{-1}(...f_n^{-1}(y))``."""
        for transform in reversed(self.transforms):
            y = transform.inverse(y)
        return y

    def log_abs_det_jacobian(self, x):
        """Return the sum of the members' log-Jacobians along the forward pass."""
        total = 0.0
        for transform in self.transforms:
            total = total + transform.log_abs_det_jacobian(x)
            x = transform.forward(x)
        return total

    def __len__(self):
        return len(self.transforms)

    def __repr__(self):
        return f"Compose({list(self.transforms)!r})"


def common_dim(transforms, name):
    """Return the ``dim`` that *transforms* declare, None if none declares one.

    Raises
    ------
    ValueError
        If two of *transforms* declare different ``dim``.
    """
    dims = {}
    for index, transform in enumerate(transforms):
        dim = getattr(transform, "dim", None)
        if dim is not None:
            dims.setdefault(int(dim), index)
    if len(dims) > 1:
        found = ", ".join(f"transforms[{i}] has dim={d}" for d, i in dims.items())
        raise ValueError(
            f"{name} mixes transforms of different dimension ({found}); all "
            "transforms of one flow act on the same space"
        )
    return next(iter(dims), None)


def check_scalar(value, name, owner):
    """Return *value* as a finite float, or raise naming *owner* and *name*."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(f"{owner}: {name} must be a number, got {value!r}") from err
    if array.ndim != 0:
        raise ValueError(
            f"{owner}: {name} must be a single number, got an array of shape "
            f"{array.shape}"
        )
    if not np.isfinite(array):
        raise ValueError(f"{owner}: {name} must be finite, got {float(array)}")
    return float(array)


def check_vector(value, name, owner):
    """Return *value* as a finite float array of 0 or 1 dimensions, or raise."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"{owner}: {name} must be a number or a sequence of numbers, got {value!r}"
        ) from err
    if array.ndim > 1 or array.size == 0:
        raise ValueError(
            f"{owner}: {name} must be a number or a non-empty 1-D sequence, got "
            f"an array of shape {array.shape}"
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{owner}: {name} must be finite, got {array}")
    return array


def log_cosh(u):
    """Return ``log(cosh(u))`` without overflow for large ``|u|``."""
    a = np.abs(u)
    return a + np.log1p(np.exp(-2.0 * a)) - np.log(2.0)
