"""
Densities computed through a spline flow
========================================

With ``base=`` and ``transforms=`` the chain draws the exact density of
every stage by the change of variables, instead of a sketch.  A standard
normal passes through an affine map and a monotone rational-quadratic
spline that splits it into two modes.
"""

import matplotlib.pyplot as plt
from scipy import stats

from mpl_flowchain import figure
from mpl_flowchain.transforms import Affine, RationalQuadraticSpline

spline = RationalQuadraticSpline(
    x_knots=[-3, -1.5, -0.6, 0, 0.6, 1.5, 3],
    y_knots=[-3, -1.9, -1.0, 0, 1.0, 1.9, 3],
    derivatives=[1, 1.1, 0.8, 2.6, 0.8, 1.1, 1],
)

fig, chain = figure(["z_0", "z_1", "z_2"], arrows="auto", captions="auto",
                    base=stats.norm(), transforms=[Affine(1.1, 0.0), spline],
                    domain=(-3, 3), shade=True)
plt.show()
