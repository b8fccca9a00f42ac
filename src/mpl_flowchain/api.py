"""`flowchain` and `figure`: check a chain, lay it out and draw it."""

from __future__ import annotations

import dataclasses
import numbers
from dataclasses import dataclass

from . import _text
from .densities import evaluate
from .drawing import ChainTransform, make_gap_mark, make_text
from .insets import density_unit, make_inset
from ._arrows import FlowArrow
from .container import FlowChain
from .layout import compute_layout
from .model import build_chain
from .style import DEFAULT, Style

_STYLE_FIELDS = {item.name for item in dataclasses.fields(Style)}


@dataclass(frozen=True)
class _Prepared:
    """A checked chain with its texts, curves and layout, not yet drawn."""

    chain: object
    style: Style
    node_colors: tuple
    curves: tuple
    layout: object
    scale: object


def flowchain(ax, stages, *, arrows=None, captions=None, style=None,
              scale="auto", **style_options):
    """Draw a flow chain on *ax* and return it as a `FlowChain`.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The Axes to draw on.  Its frame and ticks are turned off.  The
        chain does not use data coordinates; it is placed in points,
        centred in the Axes.
    stages : list of (Stage, str, Gap or ...)
        The nodes in order.  A string is a `Stage` with that label, and
        ``...`` or ``Gap()`` is an ellipsis gap between two nodes.
    arrows : {None, "auto"} or list of (str or None), default: None
        Labels of the arrows.  None leaves arrows unlabelled, except where
        a stage gives ``arrow=``.  ``"auto"`` derives ``f_n(z_{n-1})`` from
        the label ``z_n`` of the node each arrow points to, which must be a
        symbol with a subscript (a number, a letter, or a letter plus or
        minus a number).  A list gives one label per arrow.
    captions : {None, "auto"}, default: None
        ``"auto"`` puts ``z_n \\sim p_n(z_n)`` under each inset whose stage
        has no caption of its own.
    style : Style, optional
        Sizes in points, colours and fonts; default: `Style()`, which
        reproduces the TikZ figure.
    scale : {"auto", "fit"} or float, default: "auto"
        ``"auto"`` draws the chain at its natural size when it fits the
        Axes and shrinks it uniformly (text, lines and arrow heads too)
        when it does not; ``"fit"`` also enlarges it to fill the Axes; a
        number fixes the factor.
    **style_options
        Fields of `Style` to change, for example ``node_distance=40``.

    Returns
    -------
    FlowChain

    Raises
    ------
    TypeError, ValueError
        On invalid input, before anything is drawn.  The message names the
        stage, by its index in *stages* and its label, and the field.
    """
    prepared = _prepare(stages, arrows=arrows, captions=captions, style=style,
                        scale=scale, style_options=style_options)
    return _attach(ax, prepared)


def figure(stages, **options):
    """Make a figure exactly the natural size of a chain and draw it.

    One point in the layout is one point on paper, as with TikZ's
    ``standalone`` document class, so the figure can be placed in a
    document at 100 %.  *options* are those of `flowchain`, but *scale*,
    which is 1.

    Returns
    -------
    fig : matplotlib.figure.Figure
    chain : FlowChain
    """
    import matplotlib.pyplot as plt

    if "scale" in options:
        raise TypeError("figure() draws at natural size and takes no scale option")
    prepared = _prepare(stages, scale=1.0, **_split_options(options))
    size = (prepared.layout.width / 72, prepared.layout.height / 72)
    fig = plt.figure(figsize=size)
    ax = fig.add_axes((0, 0, 1, 1), projection="flowchain")
    return fig, _attach(ax, prepared)


def natural_figure(stages, **options):
    """Like `figure`, but without pyplot: return a bare `Figure` and chain.

    Use it in scripts and servers that save figures and never show them.
    """
    from matplotlib.figure import Figure

    if "scale" in options:
        raise TypeError(
            "natural_figure() draws at natural size and takes no scale option"
        )
    prepared = _prepare(stages, scale=1.0, **_split_options(options))
    fig = Figure(figsize=(prepared.layout.width / 72, prepared.layout.height / 72))
    ax = fig.add_axes((0, 0, 1, 1), projection="flowchain")
    return fig, _attach(ax, prepared)


def _split_options(options):
    options = dict(options)
    return dict(arrows=options.pop("arrows", None),
                captions=options.pop("captions", None),
                style=options.pop("style", None), style_options=options)


def _prepare(stages, *, arrows=None, captions=None, style=None, scale="auto",
             style_options=None):
    chain = build_chain(stages)
    style = _resolve_style(style, style_options or {})
    scale = _check_scale(scale)
    labels = [_math(chain, node, "label", stage.label, style)
              for node, stage in enumerate(chain.stages)]
    arrow_labels = _arrow_labels(chain, arrows, style)
    caption_texts = _captions(chain, captions, style)
    suffixes = [_math(chain, node, "suffix", stage.suffix, style)
                if stage.suffix is not None else None
                for node, stage in enumerate(chain.stages)]
    node_colors = tuple(_node_colors(chain, node, style)
                        for node in range(len(chain)))
    curves = tuple(_curves(chain, node) for node in range(len(chain)))
    layout = compute_layout(
        labels, gaps=chain.gap_before, arrow_labels=arrow_labels,
        captions=caption_texts, suffixes=suffixes,
        insets=[bool(curve) for curve in curves], style=style)
    return _Prepared(chain, style, node_colors, curves, layout, scale)


def _resolve_style(style, options):
    if style is None:
        style = DEFAULT
    elif not isinstance(style, Style):
        raise TypeError(f"style must be a Style, got {type(style).__name__}")
    unknown = sorted(set(options) - _STYLE_FIELDS)
    if unknown:
        raise TypeError(
            f"unknown option {unknown[0]!r}; flowchain() takes arrows, captions, "
            "style, scale and the fields of mpl_flowchain.Style"
        )
    return style.replace(**options) if options else style


def _check_scale(scale):
    if isinstance(scale, str):
        if scale not in ("auto", "fit"):
            raise ValueError(f"scale must be 'auto', 'fit' or a number, got {scale!r}")
        return scale
    # numbers.Real admits numpy's integer and floating scalars too.
    if isinstance(scale, bool) or not isinstance(scale, numbers.Real):
        raise TypeError(f"scale must be 'auto', 'fit' or a number, got {scale!r}")
    if not scale > 0 or scale == float("inf"):
        raise ValueError(f"scale must be a positive finite number, got {scale!r}")
    return float(scale)


def _math(chain, node, field, text, style):
    """Check one text of a node and return it as spaced mathtext."""
    where = chain.where(node)
    if not isinstance(text, str):
        raise TypeError(
            f"{where}: {field} must be a string of mathtext, got "
            f"{type(text).__name__} {text!r}"
        )
    math = _text.as_mathtext(text)
    if math.replace(r"\$", "").count("$") % 2:
        raise ValueError(f"{where}: {field}: unbalanced dollar signs in {text!r}")
    try:
        _text.check_mathtext(math, style.math_fontfamily)
    except ValueError as err:
        raise ValueError(f"{where}: {field}: {err}") from None
    if style.tex_spacing:
        math = _text.tex_spacing(math)
    return math


def _arrow_labels(chain, arrows, style):
    count = len(chain) - 1
    if chain.stages[0].arrow is not None:
        raise ValueError(
            f"{chain.where(0)}: arrow: the first node has no arrow into it; "
            "give the label on the stage that the arrow points to"
        )
    if arrows is None or (isinstance(arrows, str) and arrows == "auto"):
        automatic = arrows == "auto"
        labels = []
        for target in range(1, len(chain)):
            stage = chain.stages[target]
            if stage.arrow is not None:
                labels.append(_math(chain, target, "arrow", stage.arrow, style))
            elif automatic:
                labels.append(_math(chain, target, "arrow",
                                    _auto_arrow(chain, target), style))
            else:
                labels.append(None)
        return labels
    if isinstance(arrows, str) or not hasattr(arrows, "__len__"):
        raise TypeError(
            f"arrows must be None, 'auto' or a list of labels, got {arrows!r}"
        )
    arrows = list(arrows)
    if len(arrows) != count:
        raise ValueError(
            f"arrows has {len(arrows)} labels but the chain has {count} arrows; "
            "give one label (or None) per arrow"
        )
    labels = []
    for target, label in enumerate(arrows, start=1):
        stage = chain.stages[target]
        if label is not None and stage.arrow is not None:
            raise ValueError(
                f"{chain.where(target)}: arrow: the label is given twice, as "
                f"arrows[{target - 1}]={label!r} and as Stage(arrow="
                f"{stage.arrow!r}); keep one"
            )
        text = label if label is not None else stage.arrow
        labels.append(None if text is None
                      else _math(chain, target, "arrow", text, style))
    return labels


def _auto_arrow(chain, target):
    for node, stage in enumerate(chain.stages):
        if _text.parse_indexed(stage.label) is None:
            raise ValueError(
                f"{chain.where(node)}: label: arrows='auto' needs every node label "
                "to be a symbol with a subscript that is a number, a letter, or a "
                "letter plus or minus a number (such as z_0, z_i, z_{i+1}); give "
                "the arrow labels as a list, or as Stage(..., arrow=...)"
            )
    return _text.auto_arrow_label(chain.stages[target].label)


def _captions(chain, captions, style):
    if captions not in (None, "auto"):
        raise ValueError(f"captions must be None or 'auto', got {captions!r}")
    texts = []
    for node, stage in enumerate(chain.stages):
        text = stage.caption
        if text is None and captions == "auto" and stage.density is not None:
            if _text.parse_indexed(stage.label) is None:
                raise ValueError(
                    f"{chain.where(node)}: caption: captions='auto' needs the label "
                    "to be a symbol with a subscript (such as z_i); give "
                    "Stage(..., caption=...)"
                )
            text = _text.auto_caption(stage.label)
        texts.append(None if text is None
                     else _math(chain, node, "caption", text, style))
    return texts


def _node_colors(chain, node, style):
    from matplotlib.colors import to_rgba

    stage = chain.stages[node]
    colors = []
    for field, value, default in (("edgecolor", stage.edgecolor, style.node_edgecolor),
                                  ("facecolor", stage.facecolor, style.node_facecolor)):
        value = default if value is None else value
        try:
            colors.append(to_rgba(value))
        except (ValueError, TypeError):
            raise ValueError(
                f"{chain.where(node)}: {field}: {value!r} is not a valid matplotlib "
                "colour"
            ) from None
    return tuple(colors)


def _curves(chain, node):
    stage = chain.stages[node]
    if stage.density is None:
        for field in ("domain", "samples"):
            if getattr(stage, field) is not None:
                raise ValueError(
                    f"{chain.where(node)}: {field}: given, but the stage has no "
                    "density to apply it to"
                )
        return ()
    try:
        curve = evaluate(stage.density, domain=stage.domain, samples=stage.samples)
    except (TypeError, ValueError) as err:
        raise type(err)(f"{chain.where(node)}: density: {err}") from err
    return (curve,)


def _attach(ax, prepared):
    """Make the artists of a prepared chain and add them to *ax*."""
    layout, style = prepared.layout, prepared.style
    transform = ChainTransform(ax, layout.bbox, prepared.scale)
    parts = _make_parts(prepared, transform)
    chain = FlowChain(layout=layout, style=style, transform=transform,
                      stages=prepared.chain.stages, parts=parts)
    ax.set_axis_off()
    ax.add_artist(chain)
    chain.set_figure(ax.figure)
    chain.set_clip_on(False)
    return chain


def _make_parts(prepared, transform):
    from matplotlib.patches import Circle

    layout, style = prepared.layout, prepared.style
    parts = dict(nodes=[], node_labels=[], arrows=[], arrow_labels=[],
                 gap_marks=[], gap_mark_targets=[], insets=[], captions=[],
                 suffixes=[])
    for node, (edge, face) in zip(layout.nodes, prepared.node_colors):
        parts["nodes"].append(Circle(node.center, node.radius, facecolor=face,
                                     edgecolor=edge, linewidth=node.linewidth,
                                     transform=transform, zorder=1))
        parts["node_labels"].append(make_text(node.label, style.text_color,
                                              style.math_fontfamily, transform,
                                              zorder=3))
    for arrow in layout.arrows:
        parts["arrows"].append(FlowArrow(
            arrow.start, arrow.end, linewidth=arrow.linewidth,
            mutation_scale=arrow.linewidth * style.head_scale,
            color=style.arrow_color, transform=transform, zorder=2))
        parts["arrow_labels"].append(
            make_text(arrow.label, style.text_color, style.math_fontfamily,
                      transform, zorder=3) if arrow.label else None)
        if arrow.gap_mark is not None:
            mark = make_gap_mark(arrow.gap_mark, style, transform)
            mark.set_zorder(2)
            parts["gap_marks"].append(mark)
            parts["gap_mark_targets"].append((arrow.target, mark))
    for inset in layout.insets:
        plots = prepared.curves[inset.node]
        curves = [plot for plot in plots if hasattr(plot, "p")]
        unit = density_unit(curves, inset, "auto")
        curve_styles = ((style.curve_color, "solid"), *style.curve_styles[1:])
        parts["insets"].append(make_inset(inset, plots, style, transform,
                                          axes=transform._axes, unit=unit,
                                          curve_styles=curve_styles))
    for key, boxes in (("captions", layout.captions), ("suffixes", layout.suffixes)):
        for box in boxes:
            parts[key].append(make_text(box, style.text_color, style.math_fontfamily,
                                        transform, zorder=3) if box else None)
    return parts
