"""TeX for a chain: installation checks, TeX metrics and TeX sources of texts.

Two features run TeX.  PGF output (``fig.savefig("x.pgf")``) starts the
engine of ``rcParams["pgf.texsystem"]`` to measure every text, and
``usetex=True`` typesets every text with ``latex`` and ``dvipng`` through
matplotlib's `TexManager`.  The checks here run when the feature is
requested, so that a missing TeX program or package raises one
`TeXNotFoundError` that names what to install, not a LaTeX log at draw time.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sys

from matplotlib.text import Text

#: Debian packages that give each PGF engine what matplotlib's PGF preamble
#: loads: underscore.sty (texlive-latex-recommended) for every engine, and
#: fontspec (texlive-latex-recommended) with OpenType fonts for xelatex and
#: lualatex.  texlive-xetex depends on texlive-latex-extra, which has them.
PGF_PACKAGES = {
    "pdflatex": ("texlive-latex-recommended",),
    "xelatex": ("texlive-xetex",),
    "lualatex": ("texlive-luatex", "texlive-latex-recommended"),
}
#: The install advice that ends every error message about ``usetex=True``.
USETEX_INSTALL = (
    "install a TeX distribution with latex, dvipng, type1cm and cm-super; on "
    "Debian: apt-get install texlive-latex-extra cm-super-minimal dvipng"
)


class TeXError(RuntimeError):
    """TeX cannot run for the requested output; the message is one line."""


class TeXNotFoundError(TeXError):
    """A TeX program or LaTeX package that the requested output needs is missing.

    The message names what is missing and what to install.
    """


def pgf_install_hint(texsystem):
    """Return the install advice, naming Debian packages, for *texsystem*."""
    packages = " ".join(PGF_PACKAGES[texsystem])
    return (f"install a TeX distribution with {texsystem}; on Debian: apt-get "
            f"install {packages}")


def require_pgf(texsystem="pdflatex"):
    """Check that matplotlib's PGF backend can measure text with *texsystem*.

    Start the engine on matplotlib's PGF preamble once, as the backend does
    before it writes a file.

    Raises
    ------
    ValueError
        If *texsystem* is not pdflatex, xelatex or lualatex.
    TeXNotFoundError
        If the engine, or a LaTeX package of the preamble, is not installed.
    TeXError
        If LaTeX fails on the preamble for another reason, such as an error
        in ``rcParams["pgf.preamble"]``.
    """
    import matplotlib as mpl
    from matplotlib.backends.backend_pgf import LatexError, LatexManager

    if texsystem not in PGF_PACKAGES:
        raise ValueError(f"texsystem must be one of {', '.join(PGF_PACKAGES)}, got "
                         f"{texsystem!r}")
    if shutil.which(texsystem) is None:
        raise TeXNotFoundError(
            f"PGF output needs {texsystem} to measure text, and {texsystem} was not "
            f"found on PATH: {pgf_install_hint(texsystem)}"
        )
    with mpl.rc_context({"pgf.texsystem": texsystem}):
        try:
            LatexManager()
        except LatexError as err:
            reason = first_tex_error(err.latex_output)
            missing = _missing_file(err.latex_output)
            if missing:
                raise TeXNotFoundError(
                    f"PGF output needs the LaTeX file {missing}, which {texsystem} "
                    f"did not find: {pgf_install_hint(texsystem)}"
                ) from None
            raise TeXError(f"{texsystem} failed on matplotlib's PGF preamble: "
                           f"{reason}") from None


def require_usetex():
    """Check that matplotlib can typeset text with ``usetex``.

    latex and dvipng must be on PATH, and a probe typeset through
    matplotlib's `TexManager` must pass, which also checks for the LaTeX
    packages that matplotlib loads (type1cm, type1ec from cm-super,
    underscore and geometry).  TexManager caches the probe's DVI file, so
    after the first call the check costs no LaTeX run.

    Raises
    ------
    TeXNotFoundError
        If a program or package is missing.
    TeXError
        If LaTeX fails on the probe for another reason, such as an error in
        ``rcParams["text.latex.preamble"]``.
    """
    from matplotlib.texmanager import TexManager

    for program in ("latex", "dvipng"):
        if shutil.which(program) is None:
            raise TeXNotFoundError(
                f"usetex=True needs {program}, which was not found on PATH: "
                f"{USETEX_INSTALL}"
            )
    try:
        TexManager.get_text_width_height_descent("$x$", 10)
    except RuntimeError as err:
        log = str(err)
        missing = _missing_file(log)
        if "cm-super" in first_tex_error(log):
            # matplotlib's preamble raises this error when type1ec.sty is missing.
            missing = "type1ec.sty (cm-super)"
        if missing:
            raise TeXNotFoundError(
                f"usetex=True needs the LaTeX file {missing}, which latex did not "
                f"find: {USETEX_INSTALL}"
            ) from None
        raise TeXError(f"latex failed on matplotlib's usetex preamble: "
                       f"{first_tex_error(log)}") from None


def measure(text, fontsize):
    """Return ``(width, ascent, descent)`` of *text* typeset by LaTeX, in points.

    The metrics are those that matplotlib draws ``usetex`` text with:
    `TexManager` typesets *text* at *fontsize* points, with the preamble of
    the current rcParams, and reads the box from the DVI file.  TexManager
    keeps the DVI files in matplotlib's cache folder, so a text is typeset
    once per preamble.

    Raises
    ------
    ValueError
        If LaTeX fails on *text*; the message is LaTeX's first error.
    """
    from matplotlib.texmanager import TexManager

    try:
        width, height, descent = TexManager.get_text_width_height_descent(
            text, fontsize)
    except RuntimeError as err:
        reason = first_tex_error(str(err))
        raise ValueError(f"LaTeX failed on {text!r}: {reason}") from None
    return (width, height - descent, descent)


def first_tex_error(log):
    """Return the first error line (one that starts with ``!``) of a LaTeX log."""
    for line in log.splitlines():
        if line.startswith("!"):
            return " ".join(line.split())
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def _missing_file(log):
    match = re.search(r"File `([^']+)' not found", log)
    return match.group(1) if match else None


class SpacedMathtext(str):
    """Mathtext with spacing corrections that only mathtext understands.

    The string is what mathtext draws.  *tex* is the text before the
    corrections, which TeX spaces by itself: LaTeX would read the
    corrections' unitless ``\\hspace`` as an error.
    """

    tex: str

    def __new__(cls, spaced, tex):
        text = super().__new__(cls, spaced)
        text.tex = tex
        return text

    def __getnewargs__(self):
        # pickle calls __new__ with these, as when a figure is pickled.
        return (str(self), self.tex)


class ChainText(Text):
    """A `Text` that shows its TeX source where LaTeX typesets it.

    matplotlib's PGF backend passes each text to LaTeX, both to measure it
    and in the file it writes.  While the figure is saved through that
    backend, the text is *tex_source* in place of its mathtext, so that
    ``fig.savefig("x.pgf")`` works on any chain.

    Parameters
    ----------
    tex_source : str or None
        The text for LaTeX; None draws the text as it is everywhere.
    *args, **kwargs
        Those of `Text`.
    """

    def __init__(self, *args, tex_source=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.tex_source = tex_source

    def draw(self, renderer):
        with self._tex_text():
            super().draw(renderer)

    def get_window_extent(self, renderer=None, dpi=None):
        with self._tex_text():
            return super().get_window_extent(renderer, dpi)

    @contextlib.contextmanager
    def _tex_text(self):
        if self.tex_source is None or not _canvas_runs_latex(self.get_figure()):
            yield
            return
        mathtext = self.get_text()
        self.set_text(self.tex_source)
        try:
            yield
        finally:
            self.set_text(mathtext)


def _canvas_runs_latex(figure):
    """Return whether *figure* is being drawn by matplotlib's PGF backend."""
    # A figure can only have a PGF canvas once the backend is imported, so
    # drawing with other backends does not import it.
    backend_pgf = sys.modules.get("matplotlib.backends.backend_pgf")
    if figure is None or backend_pgf is None:
        return False
    return isinstance(figure.canvas, backend_pgf.FigureCanvasPgf)
