"""The figure in LaTeX documents, and usetex: these tests run TeX.

Without TeX the tests skip with a reason that names the packages to
install.  Under CI (where the CI environment variable is set, and .ci/run
installs TeX) a missing TeX fails them instead, so that a broken install
step cannot pass as a skip.
"""

import os
import re
import shutil
import subprocess
import sys

import matplotlib as mpl
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image
from pypdf import PdfReader

from mpl_flowchain import (
    Stage,
    Style,
    flowchain,
    natural_figure,
    reference_stages,
    save,
)
from mpl_flowchain.output import TeXError, TeXNotFoundError

INSTALL = ("texlive-latex-extra, cm-super-minimal and dvipng (Debian's package "
           "names; .ci/run installs them)")

STANDALONE = r"""\documentclass[border=0pt]{standalone}
\usepackage{graphicx}
\usepackage{pgf}
\begin{document}
%s
\end{document}
"""


def require(*programs):
    """Skip the test unless *programs* are on PATH; under CI, fail it."""
    missing = [program for program in programs if shutil.which(program) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not found on PATH; install {INSTALL}"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: CI must run the LaTeX tests")
    pytest.skip(message)


@pytest.fixture(scope="module")
def pdflatex():
    require("pdflatex")


@pytest.fixture(scope="module")
def usetex():
    require("latex", "dvipng")


def compile_document(folder, body):
    """Compile a standalone document around *body*; return (result, PDF path)."""
    (folder / "document.tex").write_text(STANDALONE % body)
    result = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "document.tex"],
        cwd=folder, capture_output=True, text=True, check=False)
    return result, folder / "document.pdf"


# The texts of the reference figure as written, in TeX.
REFERENCE_TEXTS = [
    "z_0", "z_1", "z_i", "z_{i+1}", "z_k",
    "f_1(z_0)", "f_i(z_{i-1})", "f_{i+1}(z_i)", "f_k(z_{k-1})",
    r"z_0 \sim p_0(z_0)", r"z_i \sim p_i(z_i)", r"z_k \sim p_k(z_k)",
    "= x",
]


def letters(text):
    """Return the letters and digits of *text*, without TeX commands."""
    return re.sub(r"[^A-Za-z0-9]", "", re.sub(r"\\[A-Za-z]+", "", text))


@pytest.fixture(scope="module")
def reference():
    return natural_figure(reference_stages(), arrows="auto")


# \input of the PGF output.

@pytest.fixture(scope="module")
def pgf_document(pdflatex, reference, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pgf")
    save(reference[0], folder / "flow.pgf")
    return compile_document(folder, r"\input{flow.pgf}")


def test_pgf_document_compiles(pgf_document):
    result, _ = pgf_document
    assert result.returncode == 0, result.stdout[-2000:]


def test_pgf_page_natural_size(pgf_document, reference):
    _, chain = reference
    box = PdfReader(pgf_document[1]).pages[0].mediabox
    assert float(box.width) == pytest.approx(chain.layout.width, rel=0.01)
    assert float(box.height) == pytest.approx(chain.layout.height, rel=0.01)


@pytest.mark.parametrize("text", REFERENCE_TEXTS)
def test_pgf_text_typeset_by_latex(pgf_document, text):
    extracted = PdfReader(pgf_document[1]).pages[0].extract_text()
    assert letters(text) in letters(extracted)


def test_pgf_symbols_from_latex(pgf_document):
    # pdflatex's fonts map \sim to U+223C; mathtext's Computer Modern does not.
    extracted = PdfReader(pgf_document[1]).pages[0].extract_text()
    assert "\N{TILDE OPERATOR}" in extracted


def test_pgf_has_tex_source(pdflatex, reference, tmp_path):
    save(reference[0], tmp_path / "flow.pgf")
    source = (tmp_path / "flow.pgf").read_text()
    assert r"$z_{i+1}$" in source
    assert r"\hspace" not in source


def test_pgf_without_local_paths(pdflatex, reference, tmp_path):
    save(reference[0], tmp_path / "flow.pgf")
    assert mpl.get_data_path() not in (tmp_path / "flow.pgf").read_text()


def test_plain_savefig_pgf(pdflatex, reference, tmp_path):
    with mpl.rc_context({"pgf.texsystem": "pdflatex"}):
        reference[0].savefig(tmp_path / "flow.pgf")
    assert r"$z_0 \sim p_0(z_0)$" in (tmp_path / "flow.pgf").read_text()


def test_texts_keep_mathtext_after_pgf(pdflatex, reference, tmp_path):
    save(reference[0], tmp_path / "flow.pgf")
    assert r"\hspace" in reference[1].captions[0].get_text()


# \includegraphics of the PDF output.

@pytest.fixture(scope="module")
def pdf_document(pdflatex, reference, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    save(reference[0], folder / "flow.pdf")
    return compile_document(folder, r"\includegraphics{flow.pdf}")


def test_pdf_document_compiles(pdf_document):
    result, _ = pdf_document
    assert result.returncode == 0, result.stdout[-2000:]


def test_pdf_document_natural_size(pdf_document, reference):
    _, chain = reference
    box = PdfReader(pdf_document[1]).pages[0].mediabox
    assert float(box.width) == pytest.approx(chain.layout.width, rel=0.01)
    assert float(box.height) == pytest.approx(chain.layout.height, rel=0.01)


# The command.

def run_command(*args, cwd):
    environment = dict(os.environ)
    environment.pop("MPLBACKEND", None)
    return subprocess.run([sys.executable, "-m", "mpl_flowchain", *args], cwd=cwd,
                          capture_output=True, text=True, env=environment,
                          check=False)


def test_cli_writes_pgf(pdflatex, tmp_path):
    result = run_command("-o", "flow.pgf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "flow.pgf").read_text().startswith(
        "%% Creator: Matplotlib, PGF backend")


def test_cli_pgf_reproducible(pdflatex, tmp_path):
    run_command("-o", "first.pgf", cwd=tmp_path)
    run_command("-o", "second.pgf", cwd=tmp_path)
    first = (tmp_path / "first.pgf").read_bytes()
    second = (tmp_path / "second.pgf").read_bytes()
    assert first == second


# TeX errors that name the missing package.

def test_pgf_missing_package(pdflatex, reference, tmp_path):
    with (mpl.rc_context({"pgf.preamble": r"\usepackage{nosuchpackage}"}),
          pytest.raises(TeXNotFoundError, match="nosuchpackage.sty")):
        save(reference[0], tmp_path / "flow.pgf")


def test_pgf_preamble_error(pdflatex, reference, tmp_path):
    with (mpl.rc_context({"pgf.preamble": r"\nosuchcommand"}),
          pytest.raises(TeXError, match="Undefined control sequence")):
        save(reference[0], tmp_path / "flow.pgf")


def test_usetex_missing_package(usetex):
    with (mpl.rc_context({"text.latex.preamble": r"\usepackage{nosuchpackage}"}),
          pytest.raises(TeXNotFoundError, match="nosuchpackage.sty")):
        natural_figure(["z_0", "z_1"], usetex=True)


# usetex=True.

@pytest.fixture(scope="module")
def tex_chain(usetex):
    fig, chain = natural_figure(reference_stages(), arrows="auto", usetex=True)
    fig.set_dpi(72)
    return fig, chain


def chain_texts(chain):
    return list(chain.findobj(Text, include_self=False))


def test_usetex_every_text(tex_chain):
    _, chain = tex_chain
    assert all(text.get_usetex() for text in chain_texts(chain))


def test_usetex_text_count(tex_chain):
    _, chain = tex_chain
    assert len(chain_texts(chain)) == 13


def test_usetex_keeps_tex_spacing_to_latex(tex_chain):
    _, chain = tex_chain
    assert chain.captions[0].get_text() == r"$z_0 \sim p_0(z_0)$"


def test_usetex_style_field(usetex):
    ax = Figure().add_subplot()
    chain = flowchain(ax, ["z_0", "z_1"], style=Style(usetex=True))
    assert chain.node_labels[0].get_usetex()


def extents(fig, artists):
    renderer = FigureCanvasAgg(fig).get_renderer()
    return [artist.get_window_extent(renderer) for artist in artists]


def test_usetex_text_widths_match_layout(tex_chain):
    # At 72 dpi a pixel is a point: the drawn width is the layout's.
    fig, chain = tex_chain
    boxes = chain.layout.texts()
    drawn = extents(fig, [*chain.node_labels, *filter(None, chain.arrow_labels),
                          *chain.captions, *chain.suffixes])
    for box, extent in zip(boxes, drawn):
        assert extent.width == pytest.approx(box.width, abs=0.5), box.text


def test_usetex_arrow_labels_above_arrows(tex_chain):
    fig, chain = tex_chain
    labels = extents(fig, chain.arrow_labels)
    for arrow, label in zip(chain.layout.arrows, labels):
        shaft_top = chain.transform.transform(
            (arrow.midpoint[0], arrow.midpoint[1] + arrow.linewidth / 2))[1]
        assert label.y0 > shaft_top, arrow.label.text


def test_usetex_labels_inside_nodes(tex_chain):
    fig, chain = tex_chain
    for circle, label in zip(chain.nodes, extents(fig, chain.node_labels)):
        node = circle.get_window_extent()
        assert node.x0 < label.x0 < label.x1 < node.x1
        assert node.y0 < label.y0 < label.y1 < node.y1


def test_usetex_captions_below_insets(tex_chain):
    fig, chain = tex_chain
    captions = extents(fig, chain.captions)
    for inset, caption in zip(chain.insets, captions):
        assert caption.y1 < inset.get_window_extent().y0


@pytest.mark.parametrize("suffix", ["pdf", "svg", "png", "pgf"])
def test_usetex_saves(tex_chain, tmp_path, suffix):
    fig, _ = tex_chain
    save(fig, tmp_path / f"flow.{suffix}")
    assert (tmp_path / f"flow.{suffix}").stat().st_size > 0


@pytest.mark.parametrize("dpi", [72, 150, 300])
def test_usetex_png_pixel_size(tex_chain, tmp_path, dpi):
    fig, chain = tex_chain
    save(fig, tmp_path / "flow.png", dpi=dpi)
    with Image.open(tmp_path / "flow.png") as image:
        width, height = image.size
    assert abs(width - chain.layout.width / 72 * dpi) <= 1
    assert abs(height - chain.layout.height / 72 * dpi) <= 1


@pytest.fixture(scope="module")
def tex_pdf_text(tex_chain, tmp_path_factory):
    path = tmp_path_factory.mktemp("usetex") / "flow.pdf"
    save(tex_chain[0], path)
    return PdfReader(path).pages[0].extract_text()


@pytest.mark.parametrize("text", REFERENCE_TEXTS)
def test_usetex_pdf_text(tex_pdf_text, text):
    assert letters(text) in letters(tex_pdf_text)


def test_usetex_user_macro(usetex, tmp_path):
    with mpl.rc_context({"text.latex.preamble": r"\newcommand{\state}[1]{z_{#1}}"}):
        fig, chain = natural_figure([r"\state{0}", r"\state{1}"], usetex=True)
        save(fig, tmp_path / "flow.png")
    assert chain.node_labels[1].get_text() == r"$\state{1}$"


def test_usetex_invalid_label_names_stage(usetex):
    with pytest.raises(ValueError, match=r"stages\[1\] \('\\\\nosuchmacro'\): label"):
        natural_figure(["z_0", r"\nosuchmacro"], usetex=True)


def test_usetex_invalid_label_reason(usetex):
    with pytest.raises(ValueError, match="Undefined control sequence"):
        natural_figure(["z_0", Stage("z_1", arrow=r"\nosuchmacro")], usetex=True)
