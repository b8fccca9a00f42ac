"""Flow-chain diagrams, drawn natively in matplotlib.

A chain of circular latent nodes z_0 -> z_1 -> ... -> z_k joined by
labelled arrows, with ellipsis gaps and density insets under chosen nodes:
the figure that papers on normalizing flows, diffusion models and Markov
chains draw by hand in TikZ.

>>> from mpl_flowchain import flowchain, Stage
"""

from matplotlib.projections import register_projection

from .api import figure, flowchain, natural_figure
from .axes import FlowChainAxes
from .container import FlowChain, FlowChainWarning, StageArtists
from .examples import reference_stages
from .densities import Density2D, Formula, GaussianMixture, Samples
from .model import Arrow, Gap, Stage
from .output import save
from .style import CM, MM, TEX_PT, Style

__version__ = "0.1.0"

__all__ = [
    "CM", "MM", "TEX_PT", "Arrow", "Density2D", "FlowChain", "FlowChainAxes",
    "FlowChainWarning", "Formula", "GaussianMixture", "Gap", "Samples", "Stage",
    "StageArtists", "Style", "figure", "flowchain", "natural_figure",
    "reference_stages", "save",
]

register_projection(FlowChainAxes)
