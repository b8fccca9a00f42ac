"""Saving a chain's figure for a paper: `save` and its reproducible settings."""

from __future__ import annotations

import os
import pathlib

from ._tex import TeXError, TeXNotFoundError, require_pgf

__all__ = ["SVG_HASH_SALT", "TeXError", "TeXNotFoundError", "reproducible_metadata",
           "save"]

#: The ``svg.hashsalt`` that `save` uses unless one is set already.  matplotlib
#: salts the hashes that name clip paths, hatches and markers in an SVG with it,
#: and with a random salt when it is None.
SVG_HASH_SALT = "mpl_flowchain"


def reproducible_metadata(fmt):
    """Return the ``metadata`` for `Figure.savefig` that keeps *fmt* reproducible.

    matplotlib writes the time of saving into PDF (``CreationDate``) and SVG
    (``Date``) files, or the time that the ``SOURCE_DATE_EPOCH`` environment
    variable gives (seconds since 1970) when it is set.  Without that
    variable the date is left out; with it, matplotlib's date stays.  Other
    formats get an empty dict.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return {}
    if fmt == "pdf":
        return {"CreationDate": None}
    if fmt == "svg":
        return {"Date": None}
    return {}


def save(fig, path, *, reproducible=True, texsystem="pdflatex", **savefig_kwargs):
    """Save *fig* to *path*, by default with the same bytes on every run.

    A figure from `mpl_flowchain.figure` or `natural_figure` is the chain's
    natural size, so that the page of a PDF, SVG or PGF file is that size
    in points and a PNG is that size times *dpi* in pixels.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to save.
    path : str, path-like or binary file object
        Where to write.  The extension picks the format (``.pdf``, ``.svg``,
        ``.png``, ``.pgf`` or any other that matplotlib writes), unless
        ``format=`` is given; a file object needs ``format=``.
    reproducible : bool, default: True
        Write PDF, SVG, PNG and PGF files that are the same byte for byte
        each time the same figure is saved, in any process, with the same
        matplotlib and fonts.  The PDF and SVG get no creation date, or the
        date of ``SOURCE_DATE_EPOCH`` when that variable is set, and the SVG
        a fixed ``svg.hashsalt`` (`SVG_HASH_SALT`, unless one is set).
        PostScript output still carries the time of saving unless
        ``SOURCE_DATE_EPOCH`` is set.

        NOTE: a PDF of a ``usetex=True`` chain still differs between
        processes with matplotlib 3.11.2, which names Type 1 font subsets
        after the ``hash`` of an object, and so after its id.
    texsystem : {"pdflatex", "xelatex", "lualatex"}, default: "pdflatex"
        The TeX engine that matplotlib's PGF backend runs to measure text
        when it writes PGF; matplotlib's own default is xelatex.  Other
        formats ignore it.
    **savefig_kwargs
        Passed on to `Figure.savefig`, for example ``dpi=300`` for a PNG.
        Entries of ``metadata=`` take precedence over those that
        *reproducible* sets.

    Returns
    -------
    path
        *path* as given.

    Raises
    ------
    TeXNotFoundError
        For PGF output, if *texsystem* or a LaTeX package of matplotlib's
        PGF preamble is not installed.  It is raised before the file is
        opened, as are the two errors below.
    TeXError
        For PGF output, if *texsystem* fails on matplotlib's PGF preamble
        for another reason, such as an error in ``rcParams["pgf.preamble"]``.
    ValueError
        For PGF output, if *texsystem* is not one of the three engines.
    """
    import matplotlib as mpl

    fmt = (savefig_kwargs.pop("format", None) or _format_of(path)).lower()
    rc = {}
    if fmt == "pgf":
        require_pgf(texsystem)
        rc["pgf.texsystem"] = texsystem
        if texsystem == "pdflatex":
            # pgf.rcfonts only sets fonts for xelatex and lualatex, and it
            # writes the paths of matplotlib's font files into the file.
            rc["pgf.rcfonts"] = False
    if reproducible:
        rc["svg.hashsalt"] = mpl.rcParams["svg.hashsalt"] or SVG_HASH_SALT
        metadata = {**reproducible_metadata(fmt),
                    **(savefig_kwargs.pop("metadata", None) or {})}
        if metadata:
            savefig_kwargs["metadata"] = metadata
    with mpl.rc_context(rc):
        fig.savefig(path, format=fmt, **savefig_kwargs)
    return path


def _format_of(path):
    import matplotlib as mpl

    if not isinstance(path, (str, os.PathLike)):
        raise TypeError("save() needs format= to write to a file object")
    suffix = pathlib.Path(path).suffix.lstrip(".").lower()
    return suffix or mpl.rcParams["savefig.format"]
