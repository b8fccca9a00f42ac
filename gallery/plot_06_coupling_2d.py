"""
A two-dimensional flow of coupling layers
=========================================

In the style of RealNVP: a standard normal in the plane passes through
affine coupling layers, each of which shifts and scales one coordinate by
a fixed function of the other, bending the Gaussian into a crescent.  Each
inset is the exact density at that stage, as a heat map clipped to its
circle.
"""

import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

from mpl_flowchain import figure
from mpl_flowchain.transforms import AffineCoupling

layers = [
    AffineCoupling(log_scale=0.0, shift=[0.0, 0.0, 0.9], pass_through=0),
    AffineCoupling(log_scale=[-0.3], shift=[0.0, 0.0], pass_through=1),
    AffineCoupling(log_scale=0.0, shift=[-0.6, 0.0, 0.0, 0.25], pass_through=0),
]
base = stats.multivariate_normal(np.zeros(2), np.eye(2))

fig, chain = figure(["x_0", "x_1", "x_2", "x_3"], arrows="auto", captions="auto",
                    base=base, transforms=layers,
                    domain=((-3.5, 3.5), (-3.5, 5.5)))
plt.show()
