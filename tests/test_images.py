"""Image comparisons of drawn chains against baselines in baseline_images/.

The baselines were made with the matplotlib version pinned in the
project's test dependencies.  Regenerate one only after opening the new
image and the diff that pytest-mpl writes, and say in the commit why the
new picture is right.
"""

import pathlib

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mpl_flowchain import Stage, figure, flowchain, reference_stages

BASELINES = pathlib.Path(__file__).parent.parent / "baseline_images"
compare = pytest.mark.mpl_image_compare(baseline_dir=str(BASELINES),
                                        savefig_kwargs={"dpi": 150})


def gaussian(t):
    return np.exp(-8 * t**2)


@compare
def test_reference_figure():
    fig, _ = figure(reference_stages(), arrows="auto")
    return fig


@compare
def test_no_insets():
    stages = ["z_0", "z_1", ..., "z_i", "z_{i+1}", ..., "z_k"]
    fig, _ = figure(stages, arrows="auto")
    return fig


@compare
def test_single_stage():
    fig, _ = figure([Stage("x", density=gaussian, caption=r"x \sim p(x)",
                           suffix="= z")])
    return fig


@compare
def test_twelve_stages():
    stages = [Stage(f"z_{{{n}}}", density=gaussian if n % 4 == 0 else None)
              for n in range(12)]
    fig, _ = figure(stages, arrows="auto", captions="auto")
    return fig


@compare
def test_gaps_in_several_places():
    stages = ["z_0", ..., "z_3", "z_4", ..., "z_{k-1}", ..., "z_k"]
    fig, _ = figure(stages, arrows="auto")
    return fig


@compare
def test_highlight_colours():
    stages = [
        Stage("z_0", edgecolor="tab:red", facecolor="mistyrose"),
        Stage("z_1", edgecolor="tab:blue", facecolor="lightcyan"),
        Stage("z_2", facecolor="#ffe680"),
        Stage("z_3", edgecolor="tab:green"),
    ]
    fig, _ = figure(stages, arrows="auto")
    return fig


@compare
def test_long_arrow_labels():
    stages = ["x", Stage("h", arrow=r"\mathrm{Conv}_{3\times 3}(x) + x"),
              Stage("y", arrow=r"\sigma(W h + b)"), Stage("z", arrow="g")]
    fig, _ = figure(stages)
    return fig


@compare
def test_small_subplot_beside_plot():
    fig, (left, right) = plt.subplots(1, 2, figsize=(6.0, 2.0),
                                      width_ratios=(1, 2))
    left.plot([0, 1, 2], [0, 1, 4])
    flowchain(right, reference_stages(), arrows="auto")
    return fig
