"""
The reference normalizing flow
==============================

A chain z_0 -> z_1 -> ... -> z_i -> z_{i+1} -> ... -> z_k = x with density
insets under z_0, z_i and z_k, drawn at its natural size (421.7 x 120.5
points), as the TikZ figure it reproduces.
"""

import matplotlib.pyplot as plt
import numpy as np

from mpl_flowchain import Stage, figure


def base(t):
    return np.exp(-10 * t**2)


def middle(t):
    return (np.exp(-10 * t**2) + np.exp(-60 * (t - 0.6) ** 2 - t)
            + np.exp(-60 * (t + 0.7) ** 2 - 0.2))


def target(t):
    return (np.exp(-60 * (t - 0.6) ** 2 - t) + np.exp(-60 * (t + 0.7) ** 2 - 0.2)
            + 0.5 * np.exp(-50 * (t + 0.3) ** 2) + np.exp(-50 * (t - 0.2) ** 2 + 0.1))


stages = [
    Stage("z_0", density=base, caption=r"z_0 \sim p_0(z_0)", edgecolor="red"),
    "z_1",
    ...,
    Stage("z_i", density=middle, caption=r"z_i \sim p_i(z_i)"),
    "z_{i+1}",
    ...,
    Stage("z_k", density=target, caption=r"z_k \sim p_k(z_k)",
          edgecolor=(0.0, 0.7, 0.0), suffix="= x"),
]

fig, chain = figure(stages, arrows="auto")
plt.show()
