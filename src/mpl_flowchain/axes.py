"""`FlowChainAxes`: an Axes for chains, registered as ``"flowchain"``."""

from __future__ import annotations

from matplotlib.axes import Axes


class FlowChainAxes(Axes):
    """An Axes without frame or ticks, for drawing flow chains.

    Importing `mpl_flowchain` registers it as the projection
    ``"flowchain"``::

        fig, ax = plt.subplots(subplot_kw={"projection": "flowchain"})
        chain = ax.flowchain(["z_0", "z_1", "z_2"], arrows="auto")
    """

    name = "flowchain"

    def clear(self):
        super().clear()
        self.set_axis_off()

    def flowchain(self, stages, **options):
        """Draw a flow chain on this Axes; see `mpl_flowchain.flowchain`."""
        from .api import flowchain

        return flowchain(self, stages, **options)
