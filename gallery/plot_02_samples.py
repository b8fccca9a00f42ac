"""
Densities from samples
======================

An inset can show draws instead of a formula: a kernel density estimate
(Scott's rule by default) or a histogram.  Here the draws of a two-component
mixture are shown both ways, and the true density beside them.
"""

import matplotlib.pyplot as plt
import numpy as np

from mpl_flowchain import GaussianMixture, Samples, Stage, figure

rng = np.random.default_rng(7)
draws = np.concatenate([rng.normal(-0.4, 0.15, 4000), rng.normal(0.35, 0.2, 6000)])

stages = [
    Stage("x_0", density=Samples(draws), caption=r"\mathrm{KDE}"),
    Stage("x_1", density=Samples(draws, kind="hist", bins=30),
          caption=r"\mathrm{histogram}"),
    Stage("x_2", density=GaussianMixture([0.4, 0.6], [-0.4, 0.35], [0.15, 0.2]),
          caption=r"\mathrm{true\ density}"),
]

fig, chain = figure(stages, domain=None, shade=True)
plt.show()
