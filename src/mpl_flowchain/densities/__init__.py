"""Density sources for the insets, evaluated to sampled curves and fields.

`evaluate` turns any accepted source into a `Curve` (one-dimensional), a
`Field` (a two-dimensional grid) or a `Scatter` (two-dimensional draws).
`to_function` turns a one-dimensional source into a vectorised function.
scipy and lark are imported only when a source needs them.
"""

from ._curve import Curve, Field, Scatter
from ._mixture import GaussianMixture
from ._pgfmath import Formula
from ._samples import Samples
from ._sources import evaluate, to_function
from ._two_d import Density2D

__all__ = [
    "Curve",
    "Density2D",
    "Field",
    "Formula",
    "GaussianMixture",
    "Samples",
    "Scatter",
    "evaluate",
    "to_function",
]
