"""Invalid input to flowchain(): the error, its message, and an untouched Axes.

Every case must raise at flowchain() time, before anything is drawn, with a
message that names the stage (its index in the list the user gave and its
label) and the field.
"""

import re

import numpy as np
import pytest
from matplotlib.figure import Figure

from mpl_flowchain import FlowChainAxes, Gap, Stage, flowchain, natural_figure


def _flat(t):
    return np.ones_like(t)


def _raises(t):
    raise RuntimeError("no density here")


def _nan(t):
    return np.full_like(t, np.nan)


def _negative(t):
    return -np.ones_like(t)


def _short(t):
    return np.ones(3)


def _scalar(t):
    return 1.0


def where(position, label, field):
    """Return a regex for the ``stages[i] ('label'): field`` of a message."""
    return re.escape(f"stages[{position}] ({label!r}): {field}")


@pytest.fixture
def ax():
    """An Axes that already contains a line, so that its "before" is not empty."""
    axes = Figure().add_subplot()
    axes.plot([0, 1], [0, 1])
    return axes


# (id, stages, options, exception, regex that the message must match)
STAGE_CASES = [
    ("gap first", [..., "z_0", "z_1"], {}, ValueError,
     re.escape("stages[0] is a gap before the first node")),
    ("gap only", [...], {}, ValueError,
     re.escape("stages[0] is a gap before the first node")),
    ("gap last", ["z_0", "z_1", ...], {}, ValueError,
     re.escape("stages[2] is a gap after the last node")),
    ("gap object last", ["z_0", Gap()], {}, ValueError,
     re.escape("stages[1] is a gap after the last node")),
    ("gap twice", ["z_0", ..., ..., "z_1"], {}, ValueError,
     re.escape("stages[2] is a gap right after the gap at stages[1]")),
    ("gap and Gap", ["z_0", ..., Gap(), "z_1"], {}, ValueError,
     re.escape("stages[2] is a gap right after the gap at stages[1]")),
    ("label int", ["z_0", Stage(3)], {}, TypeError,
     re.escape("stages[1]: label must be a string")),
    ("label None", ["z_0", ..., Stage(None)], {}, TypeError,
     re.escape("stages[2]: label must be a string")),
    ("item int", ["z_0", 3], {}, TypeError,
     re.escape("stages[1] is of type int; give a Stage")),
    ("item dict", ["z_0", {"label": "z_1"}], {}, TypeError,
     re.escape("stages[1] is of type dict; give a Stage")),
    ("label mathtext brace", ["z_0", ..., "z_{1"], {}, ValueError,
     where(2, "z_{1", "label: invalid mathtext")),
    ("label mathtext symbol", [r"\notasymbol_0", "z_1"], {}, ValueError,
     where(0, r"\notasymbol_0", "label: invalid mathtext") + r".*\\notasymbol"),
    ("label empty", ["z_0", ""], {}, ValueError,
     where(1, "", "label: invalid mathtext") + ".*empty"),
    ("label dollars unbalanced", ["$z_0", "z_1"], {}, ValueError,
     where(0, "$z_0", "label: unbalanced dollar signs")),
    ("arrow mathtext stage", ["z_0", ..., Stage("z_i", arrow=r"\frac{")], {},
     ValueError, where(2, "z_i", "arrow: invalid mathtext")),
    ("arrow mathtext list", ["z_0", ..., "z_i"], {"arrows": [r"f_{"]},
     ValueError, where(2, "z_i", "arrow: invalid mathtext")),
    ("arrow mathtext auto", ["z_0", Stage("z_1", arrow="x^")], {"arrows": "auto"},
     ValueError, where(1, "z_1", "arrow: invalid mathtext")),
    ("arrow int", ["z_0", Stage("z_1", arrow=3)], {}, TypeError,
     where(1, "z_1", "arrow must be a string")),
    ("arrow on first node", [Stage("z_0", arrow="f"), "z_1"], {}, ValueError,
     where(0, "z_0", "arrow: the first node has no arrow")),
    ("caption mathtext", ["z_0", ..., Stage("z_i", caption="x^")], {},
     ValueError, where(2, "z_i", "caption: invalid mathtext")),
    ("caption int", [Stage("z_0", caption=0.5)], {}, TypeError,
     where(0, "z_0", "caption must be a string")),
    ("suffix mathtext", ["z_0", Stage("z_k", suffix=r"= \nosuchsymbol")], {},
     ValueError, where(1, "z_k", "suffix: invalid mathtext")),
    ("suffix int", ["z_0", Stage("z_k", suffix=1)], {}, TypeError,
     where(1, "z_k", "suffix must be a string")),
    ("edgecolor unknown", ["z_0", ..., Stage("z_i", edgecolor="notacolour")], {},
     ValueError, where(2, "z_i", "edgecolor: 'notacolour' is not a valid")),
    ("edgecolor short tuple", [Stage("z_0", edgecolor=(1, 0))], {}, ValueError,
     where(0, "z_0", "edgecolor: (1, 0) is not a valid")),
    ("facecolor unknown", ["z_0", Stage("z_1", facecolor="notacolour")], {},
     ValueError, where(1, "z_1", "facecolor: 'notacolour' is not a valid")),
    ("facecolor out of range", ["z_0", Stage("z_1", facecolor=(2, 0, 0))], {},
     ValueError, where(1, "z_1", "facecolor: (2, 0, 0) is not a valid")),
    ("density int", ["z_0", ..., Stage("z_i", density=3)], {}, TypeError,
     where(2, "z_i", "density:") + r".*\bint\b"),
    ("density object", ["z_0", Stage("z_1", density=object())], {}, TypeError,
     where(1, "z_1", "density:") + r".*\bobject\b"),
    ("density raises", ["z_0", Stage("z_1", density=_raises)], {}, ValueError,
     where(1, "z_1", "density:") + ".*raised.*no density here"),
    ("density NaN", ["z_0", Stage("z_1", density=_nan)], {}, ValueError,
     where(1, "z_1", "density:") + ".*NaN"),
    ("density negative", ["z_0", Stage("z_1", density=_negative)], {},
     ValueError, where(1, "z_1", "density:") + ".*negative"),
    ("density short", ["z_0", Stage("z_1", density=_short)], {}, ValueError,
     where(1, "z_1", "density:") + r".*shape \(3,\)"),
    ("density scalar", ["z_0", Stage("z_1", density=_scalar)], {}, ValueError,
     where(1, "z_1", "density:") + r".*shape \(\)"),
    ("density domain reversed",
     ["z_0", Stage("z_1", density=_flat, domain=(1, -1))], {}, ValueError,
     where(1, "z_1", "density:") + ".*domain is reversed"),
    ("density samples one", ["z_0", Stage("z_1", density=_flat, samples=1)], {},
     ValueError, where(1, "z_1", "density:") + ".*samples must be at least 2"),
    ("density samples float",
     ["z_0", Stage("z_1", density=_flat, samples=2.5)], {}, TypeError,
     where(1, "z_1", "density:") + ".*samples must be an integer"),
    ("domain without density", ["z_0", ..., Stage("z_i", domain=(0, 1))], {},
     ValueError, where(2, "z_i", "domain: given, but the stage has no density")),
    ("samples without density", [Stage("z_0", samples=50), "z_1"], {},
     ValueError, where(0, "z_0", "samples: given, but the stage has no density")),
    ("auto arrows plain label", ["z_0", ..., "x"], {"arrows": "auto"},
     ValueError, where(2, "x", "label: arrows='auto' needs every node label")),
    ("auto arrows no subscript", ["z", "z_1"], {"arrows": "auto"}, ValueError,
     where(0, "z", "label: arrows='auto' needs every node label")),
    ("auto arrows product index", ["z_0", "z_{2i}"], {"arrows": "auto"},
     ValueError, where(1, "z_{2i}", "label: arrows='auto' needs every node")),
    ("auto arrows superscript", ["z_0", "z_1^2"], {"arrows": "auto"},
     ValueError, where(1, "z_1^2", "label: arrows='auto' needs every node")),
    ("auto captions plain label", ["z_0", Stage("x", density=_flat)],
     {"captions": "auto"}, ValueError,
     where(1, "x", "caption: captions='auto' needs the label")),
    ("arrow given twice", ["z_0", ..., Stage("z_i", arrow="g")],
     {"arrows": ["f"]}, ValueError,
     where(2, "z_i", "arrow: the label is given twice")),
]

OPTION_CASES = [
    ("no stages", [], {}, ValueError, re.escape("stages is empty")),
    ("stages string", "z_0", {}, TypeError,
     re.escape("stages must be a list of Stage objects")),
    ("stages None", None, {}, TypeError,
     re.escape("stages must be a list of Stage objects")),
    ("arrows too many", ["z_0", "z_1"], {"arrows": ["f", "g"]}, ValueError,
     re.escape("arrows has 2 labels but the chain has 1 arrows")),
    ("arrows too few", ["z_0", ..., "z_i", "z_j"], {"arrows": ["f"]}, ValueError,
     re.escape("arrows has 1 labels but the chain has 2 arrows")),
    ("arrows empty list", ["z_0", "z_1"], {"arrows": []}, ValueError,
     re.escape("arrows has 0 labels but the chain has 1 arrows")),
    ("arrows unknown word", ["z_0", "z_1"], {"arrows": "yes"}, TypeError,
     re.escape("arrows must be None, 'auto' or a list of labels")),
    ("arrows number", ["z_0", "z_1"], {"arrows": 1}, TypeError,
     re.escape("arrows must be None, 'auto' or a list of labels")),
    ("captions unknown word", ["z_0"], {"captions": "yes"}, ValueError,
     re.escape("captions must be None or 'auto'")),
    ("option unknown", ["z_0", "z_1"], {"colour": "red"}, TypeError,
     re.escape("unknown option 'colour'")),
    ("option misspelt", ["z_0", "z_1"], {"node_radious": 3}, TypeError,
     re.escape("unknown option 'node_radious'")),
    ("style dict", ["z_0"], {"style": {"fontsize": 12}}, TypeError,
     re.escape("style must be a Style, got dict")),
    ("scale zero", ["z_0"], {"scale": 0}, ValueError,
     re.escape("scale must be a positive finite number, got 0")),
    ("scale negative", ["z_0"], {"scale": -1.5}, ValueError,
     re.escape("scale must be a positive finite number, got -1.5")),
    ("scale infinite", ["z_0"], {"scale": float("inf")}, ValueError,
     re.escape("scale must be a positive finite number, got inf")),
    ("scale NaN", ["z_0"], {"scale": float("nan")}, ValueError,
     re.escape("scale must be a positive finite number, got nan")),
    ("scale unknown word", ["z_0"], {"scale": "large"}, ValueError,
     re.escape("scale must be 'auto', 'fit' or a number, got 'large'")),
    ("scale None", ["z_0"], {"scale": None}, TypeError,
     re.escape("scale must be 'auto', 'fit' or a number, got None")),
    ("scale bool", ["z_0"], {"scale": True}, TypeError,
     re.escape("scale must be 'auto', 'fit' or a number, got True")),
    ("scale list", ["z_0"], {"scale": [1]}, TypeError,
     re.escape("scale must be 'auto', 'fit' or a number, got [1]")),
]

CASES = STAGE_CASES + OPTION_CASES
IDS = [case[0] for case in CASES]


@pytest.mark.parametrize("name, stages, options, error, pattern", CASES, ids=IDS)
def test_flowchain_rejects_input(ax, name, stages, options, error, pattern):
    with pytest.raises(error, match=pattern):
        flowchain(ax, stages, **options)


@pytest.mark.parametrize("name, stages, options, error, pattern", CASES, ids=IDS)
def test_rejected_input_keeps_children(ax, name, stages, options, error, pattern):
    before = ax.get_children()
    with pytest.raises(error):
        flowchain(ax, stages, **options)
    assert ax.get_children() == before


@pytest.mark.parametrize("name, stages, options, error, pattern", CASES, ids=IDS)
def test_rejected_input_keeps_axis_on(ax, name, stages, options, error, pattern):
    with pytest.raises(error):
        flowchain(ax, stages, **options)
    assert ax.axison


def test_error_names_position_after_gaps(ax):
    # The node z_i is the third node drawn but item 4 of the user's list.
    stages = ["z_0", ..., "z_1", ..., Stage("z_i", facecolor="notacolour")]
    with pytest.raises(ValueError, match=where(4, "z_i", "facecolor")):
        flowchain(ax, stages)


def test_error_quotes_label_with_dollars(ax):
    with pytest.raises(ValueError, match=where(1, "$z_1$", "edgecolor")):
        flowchain(ax, ["z_0", Stage("$z_1$", edgecolor="notacolour")])


def test_density_error_keeps_cause(ax):
    with pytest.raises(ValueError) as caught:
        flowchain(ax, ["z_0", Stage("z_1", density=_raises)])
    causes = []
    error = caught.value.__cause__
    while error is not None:
        causes.append(type(error))
        error = error.__cause__
    assert RuntimeError in causes


def test_mathtext_error_is_one_line(ax):
    with pytest.raises(ValueError) as caught:
        flowchain(ax, ["z_0", "z_{1"])
    assert "\n" not in str(caught.value)


def test_mathtext_error_drops_exception_class(ax):
    with pytest.raises(ValueError) as caught:
        flowchain(ax, ["z_0", "z_{1"])
    assert "ParseSyntaxException" not in str(caught.value)


def test_axes_method_rejects_input():
    ax = Figure().add_subplot(projection="flowchain")
    ax.plot([0, 1], [0, 1])
    before = ax.get_children()
    with pytest.raises(ValueError, match=where(1, "z_1", "edgecolor")):
        ax.flowchain(["z_0", Stage("z_1", edgecolor="notacolour")])
    assert isinstance(ax, FlowChainAxes)
    assert ax.get_children() == before


def test_failed_call_then_valid_call(ax):
    with pytest.raises(ValueError):
        flowchain(ax, ["z_0", ..., ...])
    chain = flowchain(ax, ["z_0", "z_1"])
    assert chain in ax.get_children()


@pytest.mark.parametrize("scale", [np.int64(2), np.float32(0.5), 1.5])
def test_scale_accepts_real_number(ax, scale):
    chain = flowchain(ax, ["z_0", "z_1"], scale=scale)
    assert chain.get_scale() == pytest.approx(float(scale))


def test_natural_figure_rejects_scale():
    with pytest.raises(TypeError, match="natural_figure.*takes no scale option"):
        natural_figure(["z_0", "z_1"], scale=2)


def test_natural_figure_rejects_bad_stage():
    with pytest.raises(ValueError, match=where(1, "z_1", "facecolor")):
        natural_figure(["z_0", Stage("z_1", facecolor="notacolour")])
