"""Density sources for the insets, evaluated to sampled curves."""

from ._curve import Curve
from ._sources import evaluate

__all__ = ["Curve", "evaluate"]
