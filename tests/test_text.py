"""Mathtext labels: TeX spacing by measured width, indexed labels, auto texts.

Widths come from `_text.measure` at 10 pt.  TeX's em at 10 pt is 10 pt, so
its thick space (5/18 em) is 2.78 pt and its medium space (4/18 em) 2.22 pt.
mathtext pads a relation with 0.2 of its own em on each side, even when the
relation is the whole formula.  `glyph` subtracts that padding to get the
bare width.
"""

import pytest
from matplotlib.figure import Figure

from mpl_flowchain import Stage, flowchain, reference_stages
from mpl_flowchain import _text

SIZE = 10.0
THICK = 5 / 18 * SIZE
MEDIUM = 4 / 18 * SIZE
TOLERANCE = 0.05
# mathtext sets a first-level sub- or superscript at 0.7 times the size of
# its base (SHRINK_FACTOR in matplotlib's _mathtext module).
SCRIPT = 0.7


def width(text):
    return _text.measure(text, SIZE)[0]


def spaced(text):
    return width(_text.tex_spacing(text))


def source(text):
    """Return the text of a drawn label as its author wrote it."""
    return text.tex_source or text.get_text()


def mathtext_em():
    return width(r"$\hspace{1}$")


def glyph(relation):
    """Return the width of a relation symbol without mathtext's padding."""
    return width(f"${relation}$") - 2 * 0.2 * mathtext_em()


def sign(operator):
    """Return the width of a binary operator that mathtext does not pad."""
    return width(f"${{{operator}}}$")


# as_mathtext.

@pytest.mark.parametrize("label, expected", [
    ("z_0", "$z_0$"),
    ("$z_0$", "$z_0$"),
    ("step $z_0$", "step $z_0$"),
    (r"\$5", r"$\$5$"),
])
def test_as_mathtext(label, expected):
    assert _text.as_mathtext(label) == expected


# measure.

def test_measure_needs_dollars():
    with pytest.raises(ValueError, match="no math between dollar signs"):
        _text.measure("z_0", SIZE)


def test_measure_scales_with_size():
    assert _text.measure("$z_0$", 20.0)[0] == pytest.approx(
        2 * width("$z_0$"), abs=0.02)


def test_measure_descent_of_subscript():
    assert _text.measure("$z_0$", SIZE)[2] > 0


# tex_spacing: relations.

def test_leading_relation_no_left_space():
    expected = glyph("=") + THICK + width("$x$")
    assert spaced("$= x$") == pytest.approx(expected, abs=TOLERANCE)


def test_leading_relation_narrower():
    assert spaced("$= x$") < width("$= x$")


def test_relation_thick_both_sides():
    expected = width("$a$") + THICK + glyph("=") + THICK + width("$b$")
    assert spaced("$a = b$") == pytest.approx(expected, abs=TOLERANCE)


def test_trailing_relation_no_right_space():
    expected = width("$x$") + THICK + glyph("=")
    assert spaced("$x =$") == pytest.approx(expected, abs=TOLERANCE)


def test_caption_relation_thick():
    caption = r"$z_i \sim p_i(z_i)$"
    expected = (spaced("$z_i$") + THICK + glyph(r"\sim") + THICK
                + spaced("$p_i(z_i)$"))
    assert spaced(caption) == pytest.approx(expected, abs=TOLERANCE)


def test_adjacent_relations_no_space_between():
    expected = width("$a$") + THICK + glyph(":") + glyph("=") + THICK + width("$b$")
    assert spaced("$a := b$") == pytest.approx(expected, abs=TOLERANCE)


def test_relation_after_parenthesis():
    expected = width("$(x)$") + glyph("=") + THICK
    assert spaced("$(= x)$") == pytest.approx(expected, abs=TOLERANCE)


def test_relation_in_subscript_unspaced():
    expected = spaced("$x_{ab}$") + SCRIPT * glyph("=")
    assert spaced("$x_{a=b}$") == pytest.approx(expected, abs=TOLERANCE)


# tex_spacing: binary operators and signs.

def test_binary_medium_both_sides():
    expected = width("$a$") + MEDIUM + sign("+") + MEDIUM + width("$b$")
    assert spaced("$a + b$") == pytest.approx(expected, abs=TOLERANCE)


def test_leading_sign_unspaced():
    assert spaced("$-x$") == pytest.approx(sign("-") + width("$x$"), abs=TOLERANCE)


def test_sign_after_relation_unspaced():
    expected = (width("$a$") + THICK + glyph("=") + THICK + sign("-")
                + width("$b$"))
    assert spaced("$a = -b$") == pytest.approx(expected, abs=TOLERANCE)


def test_sign_after_parenthesis_unspaced():
    expected = width("$(x)$") + sign("-")
    assert spaced("$(-x)$") == pytest.approx(expected, abs=TOLERANCE)


def test_sign_after_comma_unspaced():
    expected = width("$a,b$") + sign("-")
    assert spaced("$a,-b$") == pytest.approx(expected, abs=TOLERANCE)


def test_subscript_narrower_after_spacing():
    assert spaced("$z_{i+1}$") < width("$z_{i+1}$")


def test_script_letters_spaced_apart():
    # TeX's seven-point letters are wider for their size than mathtext's
    # scaled ten-point ones, so script letters get 0.05 em of room each.
    assert spaced("$x_{ab}$") == pytest.approx(
        width("$x_{ab}$") + 2 * 0.05 * SCRIPT * mathtext_em(), abs=TOLERANCE)


def test_bare_script_stays_one_token():
    assert width(_text.tex_spacing("$z_0 = x_=$")) > 0


def test_superscript_narrower_after_spacing():
    assert spaced("$x^{n-1}$") < width("$x^{n-1}$")


# tex_spacing: what it leaves alone.

@pytest.mark.parametrize("text", [
    "$z$",
    r"$\hspace{-0.5}z$",
    r"$\text{a-b = c}$",
    r"$\operatorname{arg-max} x$",
    "plain = text - here",
])
def test_spacing_leaves_text_alone(text):
    assert _text.tex_spacing(text) == text


def test_spacing_only_inside_dollars():
    spaced_text = _text.tex_spacing("a = b $x = y$")
    assert spaced_text.startswith("a = b $")


def test_spacing_keeps_escaped_dollar():
    spaced_text = _text.tex_spacing(r"$\$ = x$")
    assert spaced_text.startswith(r"$\$")


@pytest.mark.parametrize("text", [
    r"$a\hspace{-1}b = c$",
    r"$x_\text{a-b} = 1$",
    r"$\frac{-1}{2} + x$",
    r"$\left(a = b\right)$",
    r"$10^{-3} \cdot x$",
])
def test_spacing_output_parses(text):
    _text.check_mathtext(_text.tex_spacing(text))


# check_mathtext.

@pytest.mark.parametrize("text", ["$z_{1$", r"$\nosuchsymbol$", "$x^$"])
def test_check_mathtext_rejects(text):
    with pytest.raises(ValueError, match="invalid mathtext"):
        _text.check_mathtext(text)


def test_check_mathtext_quotes_text():
    with pytest.raises(ValueError, match=r"'\$z_\{1\$'"):
        _text.check_mathtext("$z_{1$")


def test_check_mathtext_gives_reason():
    with pytest.raises(ValueError, match=r"Unknown symbol: \\nosuchsymbol"):
        _text.check_mathtext(r"$\nosuchsymbol$")


def test_check_mathtext_rejects_empty():
    with pytest.raises(ValueError, match="empty"):
        _text.check_mathtext("$$")


# Indexed labels.

@pytest.mark.parametrize("label, expected", [
    ("z_0", ("z", "0")),
    ("z_i", ("z", "i")),
    ("z_{i+1}", ("z", "i+1")),
    ("z_{i - 1}", ("z", "i - 1")),
    ("z_{10}", ("z", "10")),
    ("z_{n}", ("z", "n")),
    ("$z_k$", ("z", "k")),
    (" z_1 ", ("z", "1")),
    (r"\theta_2", (r"\theta", "2")),
    (r"x_{\alpha}", ("x", r"\alpha")),
])
def test_parse_indexed(label, expected):
    assert _text.parse_indexed(label) == expected


@pytest.mark.parametrize("label", [
    "x", "z", "z_{2i}", "z_{i+j}", "z_{i*2}", "z_1^2", "f(z_0)", "zz_0",
    "$z_0$ and $z_1$", "",
])
def test_parse_indexed_rejects(label):
    assert _text.parse_indexed(label) is None


@pytest.mark.parametrize("index, step, expected", [
    ("0", 1, "1"),
    ("9", 1, "10"),
    ("1", -1, "0"),
    ("i", 1, "i+1"),
    ("i", -1, "i-1"),
    ("i+1", -1, "i"),
    ("i-1", 1, "i"),
    ("i+1", 1, "i+2"),
    ("k", -1, "k-1"),
    ("i - 2", 1, "i-1"),
])
def test_shift_index(index, step, expected):
    assert _text.shift_index(index, step) == expected


@pytest.mark.parametrize("target, expected", [
    ("z_1", "f_1(z_0)"),
    ("z_i", "f_i(z_{i-1})"),
    ("z_{i+1}", "f_{i+1}(z_i)"),
    ("z_k", "f_k(z_{k-1})"),
    ("z_{10}", "f_{10}(z_9)"),
    ("$z_2$", "f_2(z_1)"),
    (r"\theta_2", r"f_2(\theta_1)"),
])
def test_auto_arrow_label(target, expected):
    assert _text.auto_arrow_label(target) == expected


@pytest.mark.parametrize("label, expected", [
    ("z_i", r"z_i \sim p_i(z_i)"),
    ("z_{i+1}", r"z_{i+1} \sim p_{i+1}(z_{i+1})"),
    ("z_0", r"z_0 \sim p_0(z_0)"),
])
def test_auto_caption(label, expected):
    assert _text.auto_caption(label) == expected


# Texts of a drawn chain.

def drawn(text):
    """Return *text* as flowchain() draws it: mathtext with TeX spacing."""
    return _text.tex_spacing(_text.as_mathtext(text))


def texts(artists):
    return [None if artist is None else artist.get_text() for artist in artists]


@pytest.fixture
def ax():
    return Figure().add_subplot()


def test_auto_arrows_across_gaps(ax):
    chain = flowchain(ax, reference_stages(), arrows="auto")
    expected = ["f_1(z_0)", "f_i(z_{i-1})", "f_{i+1}(z_i)", "f_k(z_{k-1})"]
    assert texts(chain.arrow_labels) == [drawn(label) for label in expected]


def test_auto_arrow_after_gap_ignores_drawn_node(ax):
    chain = flowchain(ax, ["z_0", "z_1", ..., "z_i"], arrows="auto")
    assert "z_1" not in chain.arrow_labels[1].get_text()


def test_auto_arrows_dollar_labels(ax):
    chain = flowchain(ax, ["$z_0$", "$z_1$"], arrows="auto")
    assert chain.arrow_labels[0].get_text() == drawn("f_1(z_0)")


def test_stage_arrow_overrides_auto(ax):
    chain = flowchain(ax, ["z_0", Stage("z_1", arrow="g"), "z_2"], arrows="auto")
    assert texts(chain.arrow_labels) == ["$g$", drawn("f_2(z_1)")]


def test_auto_arrows_all_explicit(ax):
    # The only arrow has its own label, so no node label needs a subscript.
    chain = flowchain(ax, ["a", Stage("b", arrow="g")], arrows="auto")
    assert texts(chain.arrow_labels) == ["$g$"]


def test_no_arrows_unlabelled(ax):
    chain = flowchain(ax, ["z_0", "z_1", ..., "z_k"])
    assert chain.arrow_labels == [None, None]


def test_no_arrows_keeps_stage_arrow(ax):
    chain = flowchain(ax, ["z_0", "z_1", Stage("z_2", arrow="h")], arrows=None)
    assert texts(chain.arrow_labels) == [None, "$h$"]


def test_arrow_list_with_none(ax):
    chain = flowchain(ax, ["z_0", "z_1", "z_2"], arrows=["f", None])
    assert texts(chain.arrow_labels) == ["$f$", None]


def test_arrow_list_fills_from_stage(ax):
    chain = flowchain(ax, ["z_0", "z_1", Stage("z_2", arrow="h")],
                      arrows=["f", None])
    assert texts(chain.arrow_labels) == ["$f$", "$h$"]


@pytest.mark.parametrize("label", ["z_1", "$z_1$"])
def test_label_dollars_optional(ax, label):
    chain = flowchain(ax, ["z_0", label])
    assert source(chain[1].label) == "$z_1$"


def test_label_mixed_text_kept(ax):
    chain = flowchain(ax, ["z_0", "step $z_1$"])
    assert source(chain[1].label) == "step $z_1$"


def test_auto_captions_under_insets(ax):
    density = reference_stages()[0].density
    stages = [Stage("z_0", density=density), "z_1", ...,
              Stage("z_i", density=density)]
    chain = flowchain(ax, stages, captions="auto")
    expected = [r"z_0 \sim p_0(z_0)", r"z_i \sim p_i(z_i)"]
    assert texts(chain.captions) == [drawn(caption) for caption in expected]


def test_auto_captions_skip_nodes_without_inset(ax):
    density = reference_stages()[0].density
    chain = flowchain(ax, ["z_0", Stage("z_1", density=density)], captions="auto")
    assert chain[0].caption is None


def test_stage_caption_overrides_auto(ax):
    density = reference_stages()[0].density
    stage = Stage("z_1", density=density, caption="q")
    chain = flowchain(ax, ["z_0", stage], captions="auto")
    assert chain[1].caption.get_text() == "$q$"


def test_drawn_caption_relation_thick(ax):
    chain = flowchain(ax, reference_stages())
    expected = (spaced("$z_0$") + THICK + glyph(r"\sim") + THICK
                + spaced("$p_0(z_0)$"))
    drawn_width = width(chain.captions[0].get_text())
    assert drawn_width == pytest.approx(expected, abs=TOLERANCE)


def test_drawn_suffix_leading_relation(ax):
    chain = flowchain(ax, reference_stages())
    expected = glyph("=") + THICK + width("$x$")
    assert width(chain.suffixes[0].get_text()) == pytest.approx(
        expected, abs=TOLERANCE)


def test_style_without_tex_spacing(ax):
    chain = flowchain(ax, ["z_0", "z_1", ..., "z_{i+1}"], arrows="auto",
                      tex_spacing=False)
    assert chain.arrow_labels[1].get_text() == "$f_{i+1}(z_i)$"
