"""Image comparisons of orientations, wrapping, arrow directions and images.

The baselines in baseline_images/ were made with the matplotlib version
pinned in the test dependencies and checked by eye.
"""

import pathlib

import numpy as np
import pytest

from mpl_flowchain import Arrow, Stage, figure, reference_stages

BASELINES = pathlib.Path(__file__).parent.parent / "baseline_images"
compare = pytest.mark.mpl_image_compare(baseline_dir=str(BASELINES),
                                        savefig_kwargs={"dpi": 100})


@compare
@pytest.mark.parametrize("orientation", ["rl", "tb", "bt"])
def test_orientation(orientation):
    fig, _ = figure(reference_stages(), arrows="auto", orientation=orientation)
    return fig


@compare
def test_wrapped_rows():
    fig, _ = figure(reference_stages(), arrows="auto", wrap=2)
    return fig


@compare
def test_wrapped_columns():
    stages = [f"z_{n}" for n in range(7)]
    fig, _ = figure(stages, arrows="auto", orientation="tb", wrap=3)
    return fig


@compare
def test_both_directions():
    stages = ["z_0", Stage("z_1", arrow=Arrow(direction="both")), ...,
              Stage("z_k", arrow=Arrow(direction="inverse"))]
    fig, _ = figure(stages, arrows="auto")
    return fig


def _image(noise):
    rng = np.random.default_rng(11)
    u, v = np.meshgrid(np.linspace(-1, 1, 24), np.linspace(-1, 1, 24))
    clean = np.clip(1.1 - 1.5 * np.hypot(u, v), 0, 1)
    return np.clip((1 - noise) * clean + noise * rng.random(clean.shape), 0, 1)


@compare
def test_diffusion_figure():
    reverse = Arrow(r"p_\theta(x_{t-1} \mid x_t)", direction="both",
                    inverse=Arrow(r"q(x_t \mid x_{t-1})", linestyle="--", bend=-35))
    stages = [
        Stage("x_T", image=_image(1.0), shape="square"),
        ...,
        Stage("x_t", image=_image(0.6), shape="square"),
        Stage("x_{t-1}", image=_image(0.3), shape="square", arrow=reverse),
        ...,
        Stage("x_0", image=_image(0.0), shape="square"),
    ]
    fig, _ = figure(stages)
    return fig
