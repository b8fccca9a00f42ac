"""
A diffusion model
=================

The familiar figure of a denoising diffusion model: images that grow
noisier from x_0 to x_T, the learned reverse step p_theta(x_{t-1} | x_t)
as a solid arrow, and the fixed forward step q(x_t | x_{t-1}) as a dashed
arrow bent back above it.  Image nodes put their label underneath.
"""

import matplotlib.pyplot as plt
import numpy as np

from mpl_flowchain import Arrow, Stage, figure

rng = np.random.default_rng(3)
u, v = np.meshgrid(np.linspace(-1, 1, 48), np.linspace(-1, 1, 48))
clean = np.clip(1.2 - 1.6 * np.hypot(u + 0.25, v - 0.1), 0, 1) * 0.9 + 0.05


def noisy(level):
    """Mix the clean image with Gaussian noise, as the forward process does."""
    return np.clip(np.sqrt(1 - level) * clean + np.sqrt(level) * rng.normal(
        0.5, 0.3, clean.shape), 0, 1)


reverse = Arrow(r"p_\theta(x_{t-1} \mid x_t)", direction="both",
                inverse=Arrow(r"q(x_t \mid x_{t-1})", linestyle="--", bend=-35))
stages = [
    Stage("x_T", image=noisy(1.0), shape="square"),
    ...,
    Stage("x_t", image=noisy(0.6), shape="square"),
    Stage("x_{t-1}", image=noisy(0.35), shape="square", arrow=reverse),
    ...,
    Stage("x_0", image=clean, shape="square"),
]

fig, chain = figure(stages)
plt.show()
