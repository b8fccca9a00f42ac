"""
Distributions from scipy.stats
===============================

A frozen ``scipy.stats`` distribution is drawn from its ``pdf`` over its
central 99.8 % interval, unless a stage gives its own domain.  With one
domain for all and ``density_scale="shared"``, every inset draws a unit of
density at the same height, so that the curves can be compared.
"""

import matplotlib.pyplot as plt
from scipy import stats

from mpl_flowchain import Stage, figure

domain = (-4, 4)
stages = [
    Stage("z_0", density=stats.norm(0, 1), domain=domain),
    Stage("z_1", density=stats.t(2), domain=domain),
    Stage("z_2", density=stats.laplace(0, 0.7), domain=domain),
    Stage("z_3", density=stats.logistic(0, 0.5), domain=domain),
]

fig, chain = figure(stages, arrows="auto", captions="auto", density_scale="shared")
plt.show()
