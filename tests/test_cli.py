"""The main job: ``python -m mpl_flowchain`` and ``mpl-flowchain``."""

import os
import shutil
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image, ImageFilter
from pypdf import PdfReader

from conftest import DATA
from mpl_flowchain import natural_figure, reference_stages

PAGE = (421.681, 120.457)  # points, the TikZ figure's page


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "mpl_flowchain", *args], cwd=cwd,
                          capture_output=True, text=True, env=_env())


def _env():
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    return env


def test_default_output_is_pdf(tmp_path):
    result = run(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "normalizing-flow.pdf").is_file()


def test_pdf_page_is_natural_size(tmp_path):
    run(cwd=tmp_path)
    page = PdfReader(tmp_path / "normalizing-flow.pdf").pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert width == pytest.approx(PAGE[0], rel=0.01)
    assert height == pytest.approx(PAGE[1], rel=0.01)


def _size(path):
    with Image.open(path) as image:
        return image.size


@pytest.mark.parametrize("dpi", [72, 150, 300])
def test_png_pixel_size(tmp_path, dpi):
    result = run("-o", "flow.png", "--dpi", str(dpi), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    fig, _ = natural_figure(reference_stages(), arrows="auto")
    inches = fig.get_size_inches()
    width, height = _size(tmp_path / "flow.png")
    assert abs(width - inches[0] * dpi) <= 1
    assert abs(height - inches[1] * dpi) <= 1


@pytest.mark.parametrize("suffix", ["pdf", "svg"])
def test_output_is_reproducible(tmp_path, suffix):
    run("-o", f"first.{suffix}", cwd=tmp_path)
    run("-o", f"second.{suffix}", cwd=tmp_path)
    first = (tmp_path / f"first.{suffix}").read_bytes()
    second = (tmp_path / f"second.{suffix}").read_bytes()
    assert first == second


@pytest.mark.parametrize("args, message", [
    (["-o", "flow.jpg"], "unknown format 'jpg'"),
    (["-o", "missing/flow.pdf"], "does not exist"),
    (["--dpi", "0"], "--dpi must be a positive number"),
    (["--dpi", "many"], "invalid float value"),
    (["--colour", "red"], "unrecognized arguments"),
])
def test_error_is_one_line(tmp_path, args, message):
    result = run(*args, cwd=tmp_path)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_console_script(tmp_path):
    command = shutil.which("mpl-flowchain")
    if command is None:
        pytest.skip("mpl-flowchain is not on PATH; install the package to test it")
    result = subprocess.run([command, "-o", "flow.svg"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "flow.svg").read_text().startswith("<?xml")


def _ink(path):
    """Return a mask of dark or coloured pixels, cropped to its ink."""
    with Image.open(path) as image:
        rgb = np.asarray(image.convert("RGB"), dtype=float)
    mask = (1 - rgb.min(axis=2) / 255) > 0.25
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    return mask[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def _grow(mask, pixels):
    image = Image.fromarray(mask.astype(np.uint8) * 255)
    return np.asarray(image.filter(ImageFilter.MaxFilter(2 * pixels + 1))) > 0


def test_png_overlays_tikz(tmp_path):
    # At 200 dpi the drawing and pdflatex's rendering of the TikZ figure
    # agree pixel for pixel but for antialiasing and mathtext's glyphs.
    run("-o", "flow.png", "--dpi", "200", cwd=tmp_path)
    mine_size = _size(tmp_path / "flow.png")
    tikz_size = _size(DATA / "normalizing-flow-tikz.png")
    assert mine_size[0] == pytest.approx(tikz_size[0], rel=0.01)
    assert mine_size[1] == pytest.approx(tikz_size[1], rel=0.01)
    mine, tikz = _ink(tmp_path / "flow.png"), _ink(DATA / "normalizing-flow-tikz.png")
    shape = tuple(max(a, b) for a, b in zip(mine.shape, tikz.shape))
    padded = []
    for mask in (mine, tikz):
        full = np.zeros(shape, bool)
        full[:mask.shape[0], :mask.shape[1]] = mask
        padded.append(full)
    mine, tikz = padded
    # Ink more than 2 pixels (0.7 pt) from any ink of the other image.
    lone_tikz = (tikz & ~_grow(mine, 2)).sum() / tikz.sum()
    lone_mine = (mine & ~_grow(tikz, 2)).sum() / mine.sum()
    assert lone_tikz < 0.01
    assert lone_mine < 0.01
