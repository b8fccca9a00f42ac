"""
A vertical chain
================

``orientation="tb"`` runs the chain from top to bottom (``"bt"``, ``"rl"``
run the other ways).  Arrow labels move to the left of the arrows and the
insets to the right of the nodes; ``label_side=`` and ``inset_side=`` move
them elsewhere.
"""

import matplotlib.pyplot as plt
import numpy as np

from mpl_flowchain import Stage, figure

stages = [
    Stage("z_0", density=lambda t: np.exp(-10 * t**2)),
    "z_1",
    ...,
    Stage("z_k", density="exp(-40*(t-0.4)^2) + 0.7*exp(-40*(t+0.4)^2)"),
]

fig, chain = figure(stages, arrows="auto", captions="auto", orientation="tb")
plt.show()
