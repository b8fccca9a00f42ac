"""Bijections of the real line and of the plane, the arrows of a flow chain.

Every transform has three vectorised methods, the `Transform` protocol:

``forward(x)``
    The map ``f``.
``inverse(y)``
    Its inverse ``f^{-1}``, exact or solved to a relative step of 1e-13.
    It returns NaN where *y* is outside the image of ``f`` (only `Tanh`
    has a bounded image here).
``log_abs_det_jacobian(x)``
    ``log |det df/dx|`` at the input *x* of `forward`.

A 1-D transform (``dim == 1``) acts elementwise on arrays of any shape. A
2-D transform (``dim == 2``) acts on points of shape ``(N, 2)`` and returns
log-Jacobians of shape ``(N,)``. Any object with these methods can serve
as a transform; the classes below are the common ones.

======================================  ==========  ============================
class                                   dim         inverse
======================================  ==========  ============================
`Affine`                                1 or d      exact (linear solve)
`Tanh`                                  1           exact, onto ``(-1, 1)``
`SinhArcsinh`                           1           exact
`Planar`                                1 or d      Newton along ``w``
`Radial`                                1 or d      exact (quadratic)
`RationalQuadraticSpline`               1           exact (quadratic per bin)
`GaussianMixtureCDF`                    1           Newton, bracketed
`AffineCoupling`                        2           exact
`Compose`                               any         members in reverse order
======================================  ==========  ============================

The module imports scipy only inside `GaussianMixtureCDF`, when it is used.
"""

from ._affine import Affine
from ._base import Compose, Transform, check_transform
from ._coupling import AffineCoupling
from ._elementwise import SinhArcsinh, Tanh
from ._mixture import GaussianMixtureCDF
from ._planar import Planar, Radial
from ._spline import RationalQuadraticSpline

__all__ = [
    "Affine",
    "AffineCoupling",
    "Compose",
    "GaussianMixtureCDF",
    "Planar",
    "Radial",
    "RationalQuadraticSpline",
    "SinhArcsinh",
    "Tanh",
    "Transform",
    "check_transform",
]
