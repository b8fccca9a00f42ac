"""
A long chain in rows
====================

A chain of twelve steps fits a page when it breaks into rows: ``wrap=4``
starts a new row after every four nodes, and the arrow between rows turns
around the ends of the rows instead of crossing them.
"""

import matplotlib.pyplot as plt
import numpy as np

from mpl_flowchain import Stage, figure

stages = [Stage(f"z_{{{n}}}", density=(lambda t: np.exp(-8 * t**2)) if n % 4 == 0
                else None)
          for n in range(12)]

fig, chain = figure(stages, arrows="auto", captions="auto", wrap=4)
plt.show()
