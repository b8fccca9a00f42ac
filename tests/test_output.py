"""`mpl_flowchain.save`: page sizes, text as text, reproducible bytes, TeX errors.

None of these tests needs TeX: the PGF and usetex errors are tested with an
empty PATH.  tests/test_latex.py runs TeX itself.
"""

import io
import os
import pickle
import re
import subprocess
import sys
from xml.etree import ElementTree

import matplotlib as mpl
import pytest
from PIL import Image
from pypdf import PdfReader

from mpl_flowchain import natural_figure, reference_stages, save
from mpl_flowchain.output import SVG_HASH_SALT, TeXNotFoundError

SVG = "{http://www.w3.org/2000/svg}"

# The texts of the reference figure as written, in TeX.
REFERENCE_TEXTS = [
    "z_0", "z_1", "z_i", "z_{i+1}", "z_k",
    "f_1(z_0)", "f_i(z_{i-1})", "f_{i+1}(z_i)", "f_k(z_{k-1})",
    r"z_0 \sim p_0(z_0)", r"z_i \sim p_i(z_i)", r"z_k \sim p_k(z_k)",
    "= x",
]

# A chain of the user's own, saved in a fresh process by each call of
# save_in_process: argv[1] is the path and argv[2] "yes" or "no" for
# reproducible.
USER_CHAIN_SCRIPT = r"""
import sys

import numpy as np

from mpl_flowchain import Stage, natural_figure, save

stages = [
    Stage("x_0", density=lambda t: np.exp(-8 * t**2), edgecolor="tab:blue"),
    "x_1",
    ...,
    Stage("x_n", density=lambda t: np.exp(-30 * (t - 0.4) ** 2),
          edgecolor="tab:orange", suffix=r"\approx \theta"),
]
fig, _ = natural_figure(stages, arrows="auto", captions="auto", node_distance=50)
save(fig, sys.argv[1], reproducible=sys.argv[2] == "yes")
"""


def letters(text):
    """Return the letters and digits of *text*, without TeX commands."""
    return re.sub(r"[^A-Za-z0-9]", "", re.sub(r"\\[A-Za-z]+", "", text))


@pytest.fixture(scope="module")
def reference():
    return natural_figure(reference_stages(), arrows="auto")


@pytest.fixture(scope="module")
def pdf_text(reference, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "flow.pdf"
    save(reference[0], path)
    return PdfReader(path).pages[0].extract_text()


@pytest.fixture(scope="module")
def svg_root(reference, tmp_path_factory):
    path = tmp_path_factory.mktemp("svg") / "flow.svg"
    with mpl.rc_context({"svg.fonttype": "none"}):
        save(reference[0], path)
    return ElementTree.parse(path).getroot()


def svg_texts(root):
    """Return the string of each ``<text>`` element, its glyphs in reading order.

    matplotlib writes a formula's glyphs grouped by font, each in a
    ``<tspan>`` with its own x, so they are sorted by x here.
    """
    texts = []
    for element in root.iter(f"{SVG}text"):
        spans = sorted(element.iter(f"{SVG}tspan"),
                       key=lambda span: float(span.get("x")))
        texts.append("".join(span.text or "" for span in spans))
    return texts


# Sizes: the natural-size figure is 1:1 in every format.

def test_pdf_page_natural_size(reference, tmp_path):
    fig, chain = reference
    save(fig, tmp_path / "flow.pdf")
    box = PdfReader(tmp_path / "flow.pdf").pages[0].mediabox
    assert float(box.width) == pytest.approx(chain.layout.width, abs=0.01)
    assert float(box.height) == pytest.approx(chain.layout.height, abs=0.01)


def test_svg_natural_size(reference, tmp_path):
    fig, chain = reference
    save(fig, tmp_path / "flow.svg")
    root = ElementTree.parse(tmp_path / "flow.svg").getroot()
    assert float(root.get("width").removesuffix("pt")) == pytest.approx(
        chain.layout.width, abs=0.01)
    assert float(root.get("height").removesuffix("pt")) == pytest.approx(
        chain.layout.height, abs=0.01)


@pytest.mark.parametrize("dpi", [72, 150, 300])
def test_png_pixel_size(reference, tmp_path, dpi):
    fig, chain = reference
    save(fig, tmp_path / "flow.png", dpi=dpi)
    with Image.open(tmp_path / "flow.png") as image:
        width, height = image.size
    assert abs(width - chain.layout.width / 72 * dpi) <= 1
    assert abs(height - chain.layout.height / 72 * dpi) <= 1


def test_returns_path(reference, tmp_path):
    path = tmp_path / "flow.svg"
    assert save(reference[0], path) == path


def test_file_object_with_format(reference):
    buffer = io.BytesIO()
    save(reference[0], buffer, format="svg")
    assert buffer.getvalue().startswith(b"<?xml")


def test_file_object_needs_format(reference):
    with pytest.raises(TypeError, match="format="):
        save(reference[0], io.BytesIO())


# Text stays text.

@pytest.mark.parametrize("text", REFERENCE_TEXTS)
def test_pdf_text_extractable(pdf_text, text):
    assert letters(text) in letters(pdf_text)


def test_pdf_fonts_embedded(reference, tmp_path):
    save(reference[0], tmp_path / "flow.pdf")
    fonts = PdfReader(tmp_path / "flow.pdf").pages[0]["/Resources"]["/Font"]
    for name, font in fonts.items():
        font = font.get_object()
        if font["/Subtype"] == "/Type3":
            assert "/CharProcs" in font, name
        else:
            descriptor = font["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), name


@pytest.mark.parametrize("text", REFERENCE_TEXTS)
def test_svg_text_extractable(svg_root, text):
    assert letters(text) in letters("".join(svg_texts(svg_root)))


def test_svg_one_element_per_text(svg_root):
    assert len(svg_texts(svg_root)) == len(REFERENCE_TEXTS)


# Reproducible bytes.

def save_in_process(path, *, reproducible=True, env=None):
    environment = dict(os.environ)
    environment.pop("SOURCE_DATE_EPOCH", None)
    environment.pop("MPLBACKEND", None)
    environment.update(env or {})
    result = subprocess.run(
        [sys.executable, "-c", USER_CHAIN_SCRIPT, str(path),
         "yes" if reproducible else "no"],
        capture_output=True, text=True, env=environment, check=False)
    assert result.returncode == 0, result.stderr
    return path.read_bytes()


@pytest.mark.parametrize("suffix", ["pdf", "svg", "png"])
def test_reproducible_across_processes(tmp_path, suffix):
    first = save_in_process(tmp_path / f"first.{suffix}")
    second = save_in_process(tmp_path / f"second.{suffix}")
    assert first == second


def test_unreproducible_svg_differs(tmp_path):
    # matplotlib dates an SVG to the microsecond, so two saves differ.
    first = save_in_process(tmp_path / "first.svg", reproducible=False)
    second = save_in_process(tmp_path / "second.svg", reproducible=False)
    assert first != second


def test_pdf_without_creation_date(reference, tmp_path):
    save(reference[0], tmp_path / "flow.pdf")
    metadata = PdfReader(tmp_path / "flow.pdf").metadata
    assert "/CreationDate" not in metadata


def test_svg_without_date(reference, tmp_path):
    save(reference[0], tmp_path / "flow.svg")
    assert b"<dc:date>" not in (tmp_path / "flow.svg").read_bytes()


def test_source_date_epoch_kept(reference, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")
    save(reference[0], tmp_path / "flow.pdf")
    assert b"/CreationDate (D:20000101000000Z)" in (tmp_path / "flow.pdf").read_bytes()


def test_user_metadata_wins(reference, tmp_path):
    save(reference[0], tmp_path / "flow.pdf", metadata={"Title": "A flow"})
    metadata = PdfReader(tmp_path / "flow.pdf").metadata
    assert metadata.title == "A flow"
    assert "/CreationDate" not in metadata


def test_svg_salt_restored(reference, tmp_path):
    save(reference[0], tmp_path / "flow.svg")
    assert mpl.rcParams["svg.hashsalt"] != SVG_HASH_SALT


# TeX errors, raised when the output is requested.

@pytest.fixture
def no_tex(tmp_path, monkeypatch):
    """A PATH on which no TeX program is found."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def test_pgf_without_tex(reference, tmp_path, no_tex):
    with pytest.raises(TeXNotFoundError, match="texlive-latex-recommended"):
        save(reference[0], tmp_path / "flow.pgf")


def test_pgf_without_tex_writes_nothing(reference, tmp_path, no_tex):
    with pytest.raises(TeXNotFoundError):
        save(reference[0], tmp_path / "flow.pgf")
    assert not (tmp_path / "flow.pgf").exists()


def test_pgf_texsystem_checked(reference, tmp_path):
    with pytest.raises(ValueError, match="texsystem must be one of"):
        save(reference[0], tmp_path / "flow.pgf", texsystem="latex")


def test_usetex_without_tex(no_tex):
    with pytest.raises(TeXNotFoundError, match="texlive-latex-extra"):
        natural_figure(["z_0", "z_1"], usetex=True)


def test_usetex_without_tex_names_dvipng(no_tex):
    with pytest.raises(TeXNotFoundError, match="dvipng"):
        natural_figure(["z_0", "z_1"], usetex=True)


def test_cli_pgf_without_tex(tmp_path):
    empty = tmp_path / "empty-path"
    empty.mkdir()
    environment = dict(os.environ, PATH=str(empty))
    environment.pop("MPLBACKEND", None)
    result = subprocess.run([sys.executable, "-m", "mpl_flowchain", "-o", "flow.pgf"],
                            cwd=tmp_path, capture_output=True, text=True,
                            env=environment, check=False)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert len(lines) == 1, result.stderr
    assert "pdflatex" in lines[0]
    assert "texlive-latex-recommended" in lines[0]
    assert not (tmp_path / "flow.pgf").exists()


def test_pickled_figure_keeps_tex_sources(reference):
    fig, _ = reference
    chain = pickle.loads(pickle.dumps(fig)).axes[0].artists[0]
    assert chain.captions[0].tex_source == r"$z_0 \sim p_0(z_0)$"
