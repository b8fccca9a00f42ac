"""Formulas in pgfmath notation: parsing, precedence, evaluation and errors."""

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpl_flowchain.densities import Formula, evaluate
from mpl_flowchain.densities._pgfmath import MAX_LENGTH, MAX_NESTING, render

T = np.linspace(-1, 1, 201)

# The formulas of the reference TikZ figure, with numpy versions in which
# -60*(t-0.6)^2 is -(60*((t-0.6)**2)).
REFERENCE = [
    ("exp(-10*t^2)", lambda t: np.exp(-10 * t**2)),
    (
        "exp(-10*t^2) + exp(-60*(t-0.6)^2 - t) + exp(-60*(t+0.7)^2 - 0.2)",
        lambda t: (np.exp(-10 * t**2) + np.exp(-(60 * (t - 0.6) ** 2) - t)
                   + np.exp(-(60 * (t + 0.7) ** 2) - 0.2)),
    ),
    (
        (
            "exp(-60*(t-0.6)^2 - t) + exp(-60*(t+0.7)^2 - 0.2) "
            "+ 0.5*exp(-50*(t+0.3)^2) + exp(-50*(t-0.2)^2 + 0.1)"
        ),
        lambda t: (np.exp(-(60 * (t - 0.6) ** 2) - t)
                   + np.exp(-(60 * (t + 0.7) ** 2) - 0.2)
                   + 0.5 * np.exp(-(50 * (t + 0.3) ** 2))
                   + np.exp(-(50 * (t - 0.2) ** 2) + 0.1)),
    ),
]


def value(text, t=0.0):
    return float(Formula(text)(t))


@pytest.mark.parametrize("text, expected", REFERENCE, ids=["z0", "zi", "zk"])
def test_reference_formula_matches_numpy(text, expected):
    np.testing.assert_allclose(Formula(text)(T), expected(T), rtol=1e-14, atol=0)


def test_reference_grouping_of_square():
    assert Formula("-60*(t-0.6)^2").parenthesized == "-(60 * ((t - 0.6) ^ 2))"


def test_power_left_associative():
    assert value("2^3^2") == 64


def test_unary_minus_below_power():
    assert value("-2^2") == -4


def test_unary_minus_takes_product():
    # pgfmath gives unary minus the precedence of +, so it takes the
    # product that follows an exponent: 2^-3*4 is 2^(-(3*4)).
    assert Formula("2^-3*4").parenthesized == "2 ^ (-(3 * 4))"
    assert value("2^-3*4") == 2.0**-12


def test_unary_minus_stops_at_plus():
    assert Formula("e^-t+1").parenthesized == "(e ^ (-t)) + 1"


def test_parenthesised_negative_base():
    assert value("(-2)^2") == 4


def test_subtraction_left_associative():
    assert value("1-2-3") == -4


def test_division_left_associative():
    assert value("8/4/2") == 1


def test_product_before_sum():
    assert value("2+3*4") == 14
    assert value("2*3+4") == 10


def test_unary_plus_ignored():
    assert Formula("+t").parenthesized == "t"


def test_double_minus():
    assert value("--2") == 2
    assert value("1 - -2") == 3


def test_sine_takes_degrees():
    assert value("sin(30)") == pytest.approx(0.5, rel=1e-15)
    assert value("cos(60)") == pytest.approx(0.5, rel=1e-15)
    assert value("tan(45)") == pytest.approx(1.0, rel=1e-15)


def test_radian_suffix():
    assert value("sin(3.14159r)") == pytest.approx(np.sin(3.14159), rel=1e-12)
    assert value("cos(pi r)") == -1.0


def test_radian_suffix_takes_product():
    assert value("pi/2 r") == pytest.approx(90.0, rel=1e-15)
    assert value("sin(pi/2 r)") == 1.0


def test_radian_suffix_before_power():
    # r has precedence 600 and waits on pgfmath's operator stack, so the
    # power after it is computed first.
    assert Formula("2r^2").parenthesized == "(2 ^ 2) r"


def test_function_without_parentheses():
    assert value("sin 30*2") == pytest.approx(1.0, rel=1e-15)


def test_function_before_power():
    assert Formula("sin(30)^2").parenthesized == "sin(30) ^ 2"


@pytest.mark.parametrize("name, function", [
    ("exp", np.exp), ("ln", np.log), ("log10", np.log10), ("sqrt", np.sqrt),
    ("abs", np.abs),
])
def test_function_values(name, function):
    t = np.linspace(0.1, 3, 7)
    np.testing.assert_array_equal(Formula(f"{name}(t)")(t), function(t))


def test_constants_full_precision():
    assert value("pi") == np.pi
    assert value("e") == np.e


@pytest.mark.parametrize("text, expected", [
    ("2", 2.0), ("0.5", 0.5), (".5", 0.5), ("5.", 5.0), ("1e-3", 1e-3),
    ("2E2", 200.0), ("1.5e+2", 150.0), ("0", 0.0), ("0.25", 0.25),
])
def test_number_formats(text, expected):
    assert value(text) == expected


@pytest.mark.parametrize("text", ["t", "x", "\\t", "\\x"])
def test_variable_spellings(text):
    formula = Formula(f"exp(-10*{text}^2)")
    np.testing.assert_array_equal(formula(T), np.exp(-10 * T**2))


def test_tikz_macro_in_parentheses():
    formula = Formula("exp(-10*(\\t)^2)")
    np.testing.assert_array_equal(formula(T), np.exp(-10 * T**2))


def test_variable_reported():
    assert Formula("x^2").variable == "x"
    assert Formula("\\t + t").variable == "t"
    assert Formula("2").variable is None


def test_constant_formula_broadcasts():
    result = Formula("0.5")(T)
    assert result.shape == T.shape
    assert (result == 0.5).all()


def test_scalar_input_gives_scalar():
    assert Formula("t^2")(3.0).shape == ()


def test_whitespace_and_newlines():
    assert value("exp(-10 *\n  t ^ 2)", 0.5) == np.exp(-2.5)


def test_formula_string_in_evaluate():
    curve = evaluate(REFERENCE[1][0])
    np.testing.assert_allclose(curve.p, REFERENCE[1][1](curve.t), rtol=1e-14)
    assert curve.domain == (-1.0, 1.0)


def test_formula_equality():
    assert Formula("t^2") == Formula("t^2")
    assert Formula("t^2") != Formula("t*t")


def test_parse_leaves_no_eval():
    with pytest.raises(ValueError, match="not part of the notation"):
        Formula("__import__('os').system('true')")


# Each bad formula below raises ValueError with its own message.

def test_implicit_multiplication_rejected():
    with pytest.raises(ValueError, match="no implicit multiplication.*2\\*pi"):
        Formula("2pi")


def test_implicit_multiplication_before_paren():
    with pytest.raises(ValueError, match="no implicit multiplication"):
        Formula("2(t+1)")


def test_variable_called_as_function():
    with pytest.raises(ValueError, match=r"'t' .* followed by '\('.*t\*\("):
        Formula("t(2)")


def test_unclosed_parenthesis():
    with pytest.raises(ValueError, match=r"'\(' at column 4 is never closed"):
        Formula("exp(-10*t^2")


def test_unopened_parenthesis():
    with pytest.raises(ValueError, match=r"'\)' at column 4 has no matching"):
        Formula("t+1)")


def test_error_shows_caret():
    with pytest.raises(ValueError) as info:
        Formula("t+1)")
    assert str(info.value).endswith("\n    t+1)\n       ^")


def test_unknown_name():
    with pytest.raises(ValueError, match="unknown name 'y' at column 3"):
        Formula("t+y")


def test_unsupported_pgfmath_function():
    with pytest.raises(ValueError, match="pgfmath function 'cosh'.*not supported"):
        Formula("cosh(t)")


def test_unknown_function():
    with pytest.raises(ValueError, match="unknown name 'foo'"):
        Formula("foo(t)")


def test_unknown_macro():
    with pytest.raises(ValueError, match=r"unknown TeX macro '\\\\y'"):
        Formula("\\y^2")


@pytest.mark.parametrize("text, char", [
    ("t%2", "%"), ("t!", "!"), ("t>0", ">"), ("t==1", "="), ("t?1:0", "?"),
    ("t,1", ","), ("{1,2}", "{"), ("t&&1", "&"),
])
def test_operator_outside_notation(text, char):
    with pytest.raises(ValueError, match=f"'\\{char}' at column .* not part of"):
        Formula(text)


def test_double_star_power():
    with pytest.raises(ValueError, match="'\\*\\*' is not an operator.*'\\^'"):
        Formula("t**2")


def test_trailing_operator():
    with pytest.raises(ValueError, match="ends where a value is expected"):
        Formula("t+")


def test_lone_radian_suffix():
    with pytest.raises(ValueError, match="'r' .* must follow a value"):
        Formula("r")


def test_two_variables():
    with pytest.raises(ValueError, match="uses both t and x"):
        Formula("t+x")


def test_octal_looking_number():
    with pytest.raises(ValueError, match="octal number \\(010 would be 8\\)"):
        Formula("010")


def test_number_too_large():
    with pytest.raises(ValueError, match="1e400 .* too large for float64"):
        Formula("1e400")


def test_empty_formula():
    with pytest.raises(ValueError, match="formula is empty"):
        Formula("  ")


def test_non_string_formula():
    with pytest.raises(TypeError, match="must be a str"):
        Formula(2.0)


def test_formula_too_long():
    with pytest.raises(ValueError, match=f"at most {MAX_LENGTH}"):
        Formula("+".join(["t"] * MAX_LENGTH))


def test_deep_parentheses_rejected():
    depth = MAX_NESTING + 1
    with pytest.raises(ValueError, match=f"nested more than {MAX_NESTING} deep"):
        Formula("(" * depth + "t" + ")" * depth)


def test_thousands_of_parentheses_rejected_fast():
    start = time.perf_counter()
    with pytest.raises(ValueError, match="characters long"):
        Formula("(" * 5000 + "t" + ")" * 5000)
    assert time.perf_counter() - start < 1.0


def test_deep_operator_chain_rejected():
    with pytest.raises(ValueError, match="operations are nested more than"):
        Formula("2^-" * 400 + "2")


def test_nested_functions_rejected():
    with pytest.raises(ValueError, match="operations are nested more than"):
        Formula("exp " * 300 + "t")


def test_long_flat_sum_accepted():
    formula = Formula("+".join(["t"] * 900))
    assert formula(1.0) == 900


def test_exponent_tower_rejected():
    with pytest.raises(ValueError, match="infinite values.*overflows float64"):
        evaluate("9^9^9^9^9")


def test_formula_nan_rejected():
    with pytest.raises(ValueError, match="formula 'ln\\(t\\)' returned NaN"):
        evaluate("ln(t)")


def test_formula_negative_rejected():
    with pytest.raises(ValueError, match="formula 't' returned negative values"):
        evaluate("t")


# Expressions built from the grammar: rendering the parsed tree with every
# operation in parentheses and parsing that again gives the same tree and
# the same values.

_leaves = st.sampled_from(["t", "2", "0.5", "pi", "e", "3", "\\t"])
_infix = st.sampled_from(["+", "-", "*", "/", "^"])


@st.composite
def _formulas(draw, depth=3):
    if depth == 0 or draw(st.booleans()):
        text = draw(_leaves)
    else:
        parts = [draw(_formulas(depth=depth - 1))]
        for _ in range(draw(st.integers(0, 3))):
            parts += [draw(_infix), draw(_formulas(depth=depth - 1))]
        text = " ".join(parts)
        wrap = draw(st.sampled_from(["", "()", "-", "exp", "sin", "r"]))
        if wrap == "()":
            text = f"({text})"
        elif wrap == "-":
            text = f"-{text}"
        elif wrap == "r":
            text = f"({text}) r"
        elif wrap:
            text = f"{wrap}({text})"
    return text


@settings(max_examples=200, deadline=None)
@given(_formulas())
def test_parenthesized_round_trip(text):
    formula = Formula(text)
    again = Formula(formula.parenthesized)
    assert render(again.tree) == formula.parenthesized
    t = np.linspace(0.1, 0.9, 5)
    np.testing.assert_array_equal(again(t), formula(t))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="tx\\0123456789.e+-*/^() rpisncoxlqab%", max_size=40))
def test_any_text_parses_or_raises_value_error(text):
    try:
        formula = Formula(text)
    except ValueError:
        return
    formula(np.linspace(-1, 1, 5))
