"""
Fitting a paper's column
========================

In an Axes that the user sized, the chain keeps its natural size when it
fits and shrinks uniformly, text and lines included, when it does not.
Shrinking suits a chain that is only a little too wide; for a long chain in
a narrow column, ``wrap=`` keeps the text at the paper's size instead.
"""

import matplotlib.pyplot as plt
import numpy as np

from mpl_flowchain import flowchain, reference_stages

fig, (plot_ax, shrunk, wrapped) = plt.subplots(
    3, 1, figsize=(3.3, 4.6), height_ratios=(1.2, 1, 2.2), layout="constrained")
t = np.linspace(0, 4, 100)
plot_ax.plot(t, np.exp(-t) * np.cos(4 * t))
plot_ax.set_title("an ordinary plot", fontsize=9)
flowchain(shrunk, reference_stages(), arrows="auto")
flowchain(wrapped, reference_stages(), arrows="auto", wrap=3)
plt.show()
