"""
A formula pasted from TikZ
==========================

The density of an existing TikZ figure can be pasted as it stands, in
pgfmath's notation: ``^`` binds tighter than unary minus and trigonometric
functions take degrees, as in TikZ.  The formula is parsed, never run as
Python.
"""

import matplotlib.pyplot as plt

from mpl_flowchain import Stage, figure

pasted = r"exp(-60*(\x-0.6)^2 - \x) + exp(-60*(\x+0.7)^2 - 0.2) + 0.5*exp(-50*(\x+0.3)^2)"

stages = [
    Stage("z_0", density="exp(-10*x^2)"),
    ...,
    Stage("z_k", density=pasted, edgecolor="green", suffix="= x"),
]

fig, chain = figure(stages, arrows="auto", captions="auto")
plt.show()
