"""
Both directions of a flow
=========================

A normalizing flow is used in two directions: ``f_i`` generates samples and
``f_i^{-1}`` normalizes data.  ``Arrow(direction="both")`` draws the two as
parallel arrows, each with its own label, and ``direction="inverse"``
draws only the normalizing one.
"""

import matplotlib.pyplot as plt

from mpl_flowchain import Arrow, Stage, figure

stages = [
    "z_0",
    Stage("z_1", arrow=Arrow(direction="both")),
    ...,
    Stage("z_k", arrow=Arrow(direction="both", color="tab:blue",
                             inverse=Arrow(color="tab:orange")),
          suffix="= x"),
]

fig, chain = figure(stages, arrows="auto")
plt.show()
