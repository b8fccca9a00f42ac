"""Mathtext labels: wrapping, TeX spacing, checking, measuring, deriving."""

from __future__ import annotations

import functools
import re

# mathtext puts 0.2 em around every relation and binary operator, in any
# style.  TeX puts a thick space (5/18 em) around a relation and a medium
# space (4/18 em) around a binary operator.  It puts none in sub- and
# superscripts, none before a leading relation and none around a binary
# operator used as a sign.  These are the em fractions of TeX's spaces.
_MATHTEXT_SPACE = 0.2
_THICK = 5 / 18
_MEDIUM = 4 / 18
# TeX sets scripts in cmr7 and cmsy7, whose + and - are wider for their size
# than the cmr10 and cmsy10 glyphs that mathtext scales down.  This much room
# on each side of a binary operator in a script makes up the difference.
_SCRIPT_OPTICAL = 0.05
# For the same reason TeX's script letters and digits (cmmi7, cmr7) are about
# 14 % wider than the cmmi10 and cmr10 glyphs that mathtext scales to 70 %.
# This much room, half on each side of each, makes up most of the difference.
_SCRIPT_LETTER_SPACE = 0.05
_GREEK = re.compile(r"\\(alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|"
                    r"vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|"
                    r"phi|varphi|chi|psi|omega)$")

_RELATIONS = frozenset(r"""
    = < > : \leq \geq \equiv \models \prec \succ \sim \perp \preceq \succeq
    \simeq \mid \ll \gg \asymp \parallel \subset \supset \approx \subseteq
    \supseteq \cong \neq \ne \in \ni \propto \vdash \dashv \le \ge \to
    \rightarrow \leftarrow \mapsto \Rightarrow \Leftarrow \leftrightarrow
    \Leftrightarrow \longrightarrow \longleftarrow \approxeq \backsim
    \lesssim \gtrsim \triangleq \doteq
    """.split())
_BINARIES = frozenset(r"""
    + - * \pm \mp \times \div \ast \star \circ \bullet \cdot \cap \cup
    \oplus \ominus \otimes \oslash \odot \wedge \vee \setminus
    """.split())
# Atom classes that change TeX's space next to a relation or binary operator.
# A binary operator after an opening delimiter or punctuation, or before a
# closing delimiter, punctuation or a relation, is a sign.
_OPENERS = frozenset("( [ \\{ \\langle \\lbrace \\left".split())
_CLOSERS = frozenset(") ] \\} \\rangle \\rbrace \\right".split())
_PUNCTUATION = frozenset(", ;".split())

# Commands whose braced argument is a length or text, not math: spacing
# it would break the length or print the inserted commands as text.
_VERBATIM = frozenset(r"\hspace \text \operatorname".split())

_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|.", re.DOTALL)


def as_mathtext(label):
    """Return *label* as a mathtext string with its dollar signs.

    A label without dollar signs is math as a whole; one with dollar
    signs is passed on as it is, so text and math may be mixed.
    """
    if "$" in label.replace(r"\$", ""):
        return label
    return f"${label}$"


def tex_spacing(text):
    """Give the math parts of *text* TeX's spacing around operators.

    Each relation and binary operator that mathtext pads with 0.2 em gets
    ``\\hspace`` corrections to TeX's thick or medium space, or to none in
    sub- and superscripts, before a leading relation, between two
    relations and around a sign.
    """
    parts = re.split(r"(?<!\\)\$", text)
    for index in range(1, len(parts), 2):
        parts[index] = _respace(parts[index])
    return "$".join(parts)


def _respace(math):
    tokens = _TOKEN.findall(math)
    output = []
    # One entry per open group: whether the group is a sub- or superscript.
    scripts = [False]
    script_next = False
    previous = None  # the last atom at this level: "rel", "bin", "open", ...
    verbatim_end = -1  # the last token of a verbatim argument
    for position, token in enumerate(tokens):
        if token.isspace() or position <= verbatim_end:
            output.append(token)
            continue
        if token in _VERBATIM:
            verbatim_end = _argument_end(tokens, position + 1)
            output.append(token)
            if token != r"\hspace":
                previous = "ord"
            script_next = False
            continue
        in_script = scripts[-1] or script_next
        if token == "{":
            scripts.append(in_script)
            script_next = False
            previous = "open"
            output.append(token)
            continue
        if token == "}":
            if len(scripts) > 1:
                scripts.pop()
            previous = "ord"
            output.append(token)
            continue
        if token in ("_", "^"):
            script_next = True
            output.append(token)
            continue
        following = _next_atom(tokens, position + 1)
        ends_operand = following in (None, "}") or following in _CLOSERS or (
            following in _PUNCTUATION or following in _RELATIONS)
        if token in _RELATIONS:
            # As in TeX's table of inter-atom spaces, a relation gets no space
            # after an opening delimiter, next to another relation (as in
            # ":=") or before a closing delimiter.  After punctuation,
            # mathtext already adds 0.2 em, close to TeX's thin space.
            leading = previous in (None, "rel", "open", "punct")
            left = 0.0 if in_script or leading else _THICK
            right = 0.0 if in_script or ends_operand else _THICK
            output.append(_group(_hspace(left - _MATHTEXT_SPACE) + token
                                 + _hspace(right - _MATHTEXT_SPACE), script_next))
            previous = "rel"
        elif token in _BINARIES:
            sign = previous in (None, "rel", "bin", "open", "punct") or ends_operand
            if in_script:
                space = 0.0 if sign else _SCRIPT_OPTICAL
            else:
                space = 0.0 if sign else _MEDIUM
            # Braces stop mathtext from spacing the operator, whatever
            # precedes it, so that the space is the one given here.
            output.append(_group(_hspace(space) + "{" + token + "}" + _hspace(space),
                                 script_next))
            previous = "bin"
        else:
            glyph = in_script and (token.isalnum() or _GREEK.match(token))
            if glyph:
                kern = _hspace(_SCRIPT_LETTER_SPACE / 2)
                output.append(_group(kern + token + kern, script_next))
            else:
                output.append(token)
            if token in _OPENERS:
                previous = "open"
            elif token in _PUNCTUATION:
                previous = "punct"
            else:
                previous = "ord"
        script_next = False
    return "".join(output)


def _argument_end(tokens, start):
    """Return the index of the ``}`` that closes the group opening at *start*.

    Spaces before the ``{`` are skipped.  Return ``start - 1`` when no group
    opens there, and the last index when the group is not closed.
    """
    position = start
    while position < len(tokens) and tokens[position].isspace():
        position += 1
    if position >= len(tokens) or tokens[position] != "{":
        return start - 1
    depth = 0
    for index in range(position, len(tokens)):
        if tokens[index] == "{":
            depth += 1
        elif tokens[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return len(tokens) - 1


def _next_atom(tokens, start):
    for token in tokens[start:]:
        if not token.isspace():
            return token
    return None


def _group(math, bare_script):
    """Brace *math* when it stands for the single token of a bare script."""
    return "{" + math + "}" if bare_script else math


def _hspace(em):
    if abs(em) < 1e-9:
        return ""
    return rf"\hspace{{{em:.4f}}}"


@functools.lru_cache(maxsize=1)
def _parser():
    from matplotlib.mathtext import MathTextParser

    return MathTextParser("path")


def _font(fontsize, math_fontfamily):
    from matplotlib.font_manager import FontProperties

    return FontProperties(size=fontsize, math_fontfamily=math_fontfamily)


def check_mathtext(text, math_fontfamily="cm"):
    """Raise ValueError with mathtext's reason if *text* does not parse."""
    if not text.replace("$", "").strip():
        raise ValueError(f"invalid mathtext {text!r}: the text is empty")
    try:
        measure(text, 10.0, math_fontfamily)
    except ValueError as err:
        raise ValueError(f"invalid mathtext {text!r}: {_parse_reason(err)}") from None


def _parse_reason(error):
    """Return the reason of a mathtext parse error on one line.

    mathtext's message is the math, a line with a caret under the failing
    character, and then the pyparsing exception.  Only the exception's
    message is kept, without its class name and line and column.
    """
    lines = [line for line in str(error).splitlines() if line.strip()]
    reason = lines[-1] if lines else str(error)
    reason = re.sub(r"^\w*Parse\w*Exception:\s*", "", reason.strip())
    reason = re.sub(r",\s*\(line:\d+, col:\d+\)$", "", reason)
    return " ".join(reason.split())


@functools.lru_cache(maxsize=4096)
def measure(text, fontsize, math_fontfamily="cm"):
    """Return ``(width, ascent, descent)`` of mathtext *text* in points.

    The metrics come from mathtext's own layout at 72 dpi, so they do not
    depend on the renderer or the figure's DPI.
    """
    if "$" not in text.replace(r"\$", ""):
        raise ValueError(f"{text!r} contains no math between dollar signs")
    # mathtext rounds its boxes to whole pixels, so lay out at a large size
    # and scale down.
    parse = _parser().parse(text, 72, _font(_MEASURE_SIZE, math_fontfamily))
    scale = fontsize / _MEASURE_SIZE
    return (parse.width * scale, (parse.height - parse.depth) * scale,
            parse.depth * scale)


_MEASURE_SIZE = 1000.0


# A symbol (a letter, or a command such as \theta) with a subscript that is a
# number, a letter, or a letter plus or minus a number.
_INDEXED = re.compile(
    r"""^\s*(?P<symbol>[A-Za-z]|\\[A-Za-z]+)\s*_\s*
    (?:\{\s*(?P<braced>[^{}]*?)\s*\}|(?P<bare>[A-Za-z0-9]))\s*$""",
    re.VERBOSE,
)
_INDEX = re.compile(
    r"^(?:(?P<number>\d+)|(?P<letter>[A-Za-z]|\\[A-Za-z]+)"
    r"(?:\s*(?P<sign>[+-])\s*(?P<offset>\d+))?)$"
)


def parse_indexed(label):
    """Split a label such as ``z_{i+1}`` into ``("z", "i+1")``.

    Return None unless the label is a symbol with a subscript that is a
    number, a letter, or a letter plus or minus a number.
    """
    label = label.strip()
    if label.startswith("$") and label.endswith("$") and label.count("$") == 2:
        label = label[1:-1]
    match = _INDEXED.match(label)
    if match is None:
        return None
    index = match["braced"] if match["braced"] is not None else match["bare"]
    if _INDEX.match(index) is None:
        return None
    return match["symbol"], index


def shift_index(index, step):
    """Return the subscript *index* plus *step*, written as TeX would."""
    match = _INDEX.match(index)
    if match["number"] is not None:
        return str(int(match["number"]) + step)
    offset = int(match["offset"] or 0)
    if match["sign"] == "-":
        offset = -offset
    offset += step
    letter = match["letter"]
    if offset == 0:
        return letter
    sign = "+" if offset > 0 else "-"
    return f"{letter}{sign}{abs(offset)}"


def subscript(symbol, index):
    """Return ``symbol_index`` with braces where the index needs them."""
    if len(index) == 1:
        return f"{symbol}_{index}"
    return f"{symbol}_{{{index}}}"


def auto_arrow_label(target, function="f"):
    """Return the label ``f_n(z_{n-1})`` of the arrow into node ``z_n``."""
    symbol, index = parse_indexed(target)
    argument = subscript(symbol, shift_index(index, -1))
    return f"{subscript(function, index)}({argument})"


def auto_inverse_label(target, function="f"):
    """Return the label ``f_n^{-1}(z_n)`` of the arrow from ``z_n`` back."""
    symbol, index = parse_indexed(target)
    return f"{subscript(function, index)}^{{-1}}({subscript(symbol, index)})"


def auto_caption(label, density="p"):
    """Return the caption ``z_n \\sim p_n(z_n)`` of node ``z_n``."""
    symbol, index = parse_indexed(label)
    node = subscript(symbol, index)
    return rf"{node} \sim {subscript(density, index)}({node})"
