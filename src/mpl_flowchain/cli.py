"""The ``mpl-flowchain`` command: write the reference figure to a file."""

from __future__ import annotations

import argparse
import pathlib
import sys

from ._tex import TeXError
from .output import save

# At 3600 dpi the reference figure is 21,082 x 6,023 pixels (1.3 * 10^8
# pixels, 0.5 GB of RGBA); more only exhausts memory.
MAX_DPI = 3600.0
FORMATS = ("pdf", "svg", "png", "pgf")


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a usage error in one line."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser():
    parser = _Parser(
        prog="mpl-flowchain",
        description="Draw the reference normalizing-flow chain and write it to a "
        "file at its natural size (421.7 x 120.5 pt).",
    )
    parser.add_argument(
        "-o", "--output", default="normalizing-flow.pdf", metavar="PATH",
        help="file to write; its extension picks the format (pdf, svg, png, or "
        "pgf, which needs pdflatex); default: normalizing-flow.pdf in the current "
        "folder",
    )
    parser.add_argument(
        "--dpi", type=float, default=200.0,
        help="resolution of a png in dots per inch; default: 200",
    )
    return parser


def main(argv=None):
    """Run the command; return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        path = write_reference(args.output, dpi=args.dpi)
    except (OSError, ValueError, TeXError) as err:
        print(f"mpl-flowchain: error: {err}", file=sys.stderr)
        return 1
    print(path)
    return 0


def write_reference(output, *, dpi=200.0):
    """Draw the reference chain and save it to *output*; return the path."""
    path = pathlib.Path(output)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(
            f"cannot write {str(path)!r}: unknown format {suffix or '(none)'!r}; "
            f"use a file name ending in one of {', '.join('.' + f for f in FORMATS)}"
        )
    if not dpi > 0 or dpi == float("inf"):
        raise ValueError(f"--dpi must be a positive number, got {dpi}")
    if dpi > MAX_DPI:
        raise ValueError(f"--dpi must be at most {MAX_DPI:g}, got {dpi:g}; a "
                         "larger raster would not fit in memory")
    if path.parent != pathlib.Path() and not path.parent.is_dir():
        raise ValueError(f"cannot write {str(path)!r}: folder {str(path.parent)!r} "
                         "does not exist")

    from .api import natural_figure
    from .examples import reference_stages

    fig, _ = natural_figure(reference_stages(), arrows="auto")
    # PGF output measures text with pdflatex, as the TikZ figure was made.
    save(fig, path, format=suffix, dpi=dpi, reproducible=True, texsystem="pdflatex")
    return path


if __name__ == "__main__":
    sys.exit(main())
