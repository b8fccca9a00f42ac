"""Every gallery script runs, and the first draws the reference figure."""

import pathlib
import runpy

import matplotlib.pyplot as plt
import pytest

from mpl_flowchain import natural_figure, reference_stages

GALLERY = pathlib.Path(__file__).parent.parent / "gallery"
SCRIPTS = sorted(GALLERY.glob("plot_*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[path.stem for path in SCRIPTS])
def test_script_runs(script, monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *args, **kwargs: None)
    runpy.run_path(str(script), run_name="__main__")


def test_first_example_is_reference(monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *args, **kwargs: None)
    namespace = runpy.run_path(str(SCRIPTS[0]), run_name="__main__")
    _, expected = natural_figure(reference_stages(), arrows="auto")
    assert namespace["chain"].layout.bbox == expected.layout.bbox
    assert [n.center for n in namespace["chain"].layout.nodes] == [
        n.center for n in expected.layout.nodes]
