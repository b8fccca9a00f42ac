"""The reference figure: a normalizing flow with three density insets."""

from __future__ import annotations

import numpy as np

from .model import Stage


def _p0(t):
    return np.exp(-10 * t**2)


def _pi(t):
    return (np.exp(-10 * t**2) + np.exp(-60 * (t - 0.6) ** 2 - t)
            + np.exp(-60 * (t + 0.7) ** 2 - 0.2))


def _pk(t):
    return (np.exp(-60 * (t - 0.6) ** 2 - t) + np.exp(-60 * (t + 0.7) ** 2 - 0.2)
            + 0.5 * np.exp(-50 * (t + 0.3) ** 2) + np.exp(-50 * (t - 0.2) ** 2 + 0.1))


def reference_stages():
    """Return the stages of the reference normalizing-flow figure.

    Five nodes z_0, z_1, z_i, z_{i+1}, z_k with gaps after z_1 and
    z_{i+1}; z_0 has a red border and z_k a green one and the suffix
    ``= x``.  The insets under z_0, z_i and z_k plot the TikZ figure's
    densities with its sample counts (40, 70 and 90 points on [-1, 1]).
    Draw it with ``flowchain(ax, reference_stages(), arrows="auto")``.
    """
    return [
        Stage("z_0", density=_p0, caption=r"z_0 \sim p_0(z_0)", edgecolor="red",
              samples=40),
        "z_1",
        ...,
        Stage("z_i", density=_pi, caption=r"z_i \sim p_i(z_i)", samples=70),
        "z_{i+1}",
        ...,
        Stage("z_k", density=_pk, caption=r"z_k \sim p_k(z_k)",
              edgecolor=(0.0, 0.7, 0.0), suffix="= x", samples=90),
    ]
