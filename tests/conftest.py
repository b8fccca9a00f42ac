"""Shared settings for the test suite."""

import json
import pathlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

DATA = pathlib.Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def tikz():
    """The TikZ reference figure's geometry, in TeX points."""
    return json.loads((DATA / "tikz-geometry.json").read_text())


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
