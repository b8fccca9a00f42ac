"""`flowchain` and `figure`: check a chain, lay it out and draw it."""

from __future__ import annotations

import dataclasses
import numbers
from dataclasses import dataclass

from . import _tex, _text
from ._build import curve_styles as _curve_styles
from ._build import make_parts
from ._plots import check_density_scale, evaluate_plots
from ._resolve import resolve_arrows
from .container import FlowChain
from .drawing import ChainTransform
from .layout import ArrowSpec, NodeSpec, compute_layout
from .model import build_chain
from .style import DEFAULT, Style

_STYLE_FIELDS = {item.name for item in dataclasses.fields(Style)}


@dataclass(frozen=True)
class _Prepared:
    """A checked chain with its texts, curves and layout, not yet drawn."""

    chain: object
    style: Style
    node_colors: tuple
    plots: tuple
    layout: object
    scale: object
    density_scale: object = "auto"
    legend_styles: tuple = ()
    arrows: tuple = ()
    images: tuple = ()
    artist_kw: dict = None


def flowchain(ax, stages, *, arrows=None, captions=None, style=None, theme=None,
              scale="auto", orientation="lr", wrap=None, label_side=None,
              inset_side=None, base=None, transforms=None, insets=None,
              domain=None, density_scale="auto", shade=False, node_kw=None,
              arrow_kw=None, text_kw=None, curve_kw=None, **style_options):
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
        Sizes in points, colours and fonts; default: the theme's style,
        which for the default theme reproduces the TikZ figure.
    theme : {"tikz", "cetz", "paper"} or Theme, optional
        A ready-made look (see `mpl_flowchain.themes`); default ``"tikz"``.
        Give *theme* or *style*, not both.
    scale : {"auto", "fit"} or float, default: "auto"
        ``"auto"`` draws the chain at its natural size when it fits the
        Axes and shrinks it uniformly (text, lines and arrow heads too)
        when it does not; ``"fit"`` also enlarges it to fill the Axes; a
        number fixes the factor.
    orientation : {"lr", "rl", "tb", "bt"}, default: "lr"
        Left to right, right to left, top to bottom or bottom to top.
    wrap : int, optional
        Start a new row (a new column in a vertical chain) after every
        *wrap* nodes, for a long chain in a narrow space; the arrow between
        rows turns around the rows' ends.  Prefer it to shrinking when the
        text would otherwise come out smaller than the paper's.
    label_side : {"above", "below", "left", "right"}, optional
        Side of the arrows on which their labels sit; default ``"above"``
        in a horizontal chain and ``"left"`` in a vertical one.
    inset_side : {"below", "above", "left", "right"}, optional
        Where insets go, unless a stage says otherwise; default
        ``"below"`` in a horizontal chain and ``"right"`` in a vertical one.
    base : density source, optional
        The density of the first stage.  With *transforms*, the chain
        computes the exact density of every stage by the change of
        variables ``p_i(z) = p_{i-1}(f_i^{-1}(z)) |d f_i^{-1}/dz|``.
    transforms : list, optional
        One bijection per arrow (see `mpl_flowchain.transforms.Transform`);
        the entry for the arrow after a gap may be a list of transforms,
        applied in order, for the steps that the gap elides.
    insets : "all" or list of int, optional
        Which stages show the density computed through the flow, as
        indices into *stages*; default ``"all"``.
    domain : (float, float) or ((float, float), (float, float)), optional
        The interval (or rectangle, in 2-D) that insets of flow densities
        show, unless a stage gives its own.  Default: the range that the
        base's domain takes at each stage.
    density_scale : {"auto", "peak", "shared"} or float, default: "auto"
        Height of one unit of density in the insets.  ``"auto"`` follows
        TikZ: one unit is as tall as one unit of the variable is long (1 cm)
        when the domain is ``(-1, 1)`` and the curve fits under the
        vertical axis, and otherwise the peak is drawn 1 cm tall.
        ``"peak"`` draws each inset's peak 1 cm tall; ``"shared"`` uses
        one height for all insets, so that they can be compared; a number
        is the height of one unit of density in points.
    shade : bool or float, default: False
        Fill the area under every curve; a number is the fill's alpha.
    node_kw, arrow_kw, text_kw, curve_kw : dict, optional
        Properties passed on to every node patch, arrow (`FlowArrow`),
        text and density curve, as matplotlib's own plotting functions
        pass their keyword arguments on to the artists they make.
    **style_options
        Fields of `Style` to change, for example ``node_distance=40``, or
        ``usetex=True`` to typeset every text with LaTeX.

    Returns
    -------
    FlowChain

    Raises
    ------
    TypeError, ValueError
        On invalid input, before anything is drawn.  The message names the
        stage, by its index in *stages* and its label, and the field.
    mpl_flowchain.output.TeXNotFoundError
        With ``usetex=True``, if latex, dvipng or a LaTeX package that
        matplotlib loads is not installed.
    """
    prepared = _prepare(stages, arrows=arrows, captions=captions, style=style,
                        theme=theme, scale=scale, style_options=style_options,
                        densities=dict(base=base, transforms=transforms,
                                       insets=insets, domain=domain, shade=shade),
                        density_scale=density_scale,
                        layout_options=dict(orientation=orientation, wrap=wrap,
                                            label_side=label_side,
                                            inset_side=inset_side),
                        artist_kw=dict(node=node_kw, arrow=arrow_kw, text=text_kw,
                                       curve=curve_kw))
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
    densities = {key: options.pop(key) for key in _DENSITY_OPTIONS if key in options}
    layout_options = {key: options.pop(key) for key in _LAYOUT_OPTIONS
                      if key in options}
    artist_kw = {key[:-3]: options.pop(key) for key in _ARTIST_OPTIONS
                 if key in options}
    return dict(arrows=options.pop("arrows", None),
                captions=options.pop("captions", None),
                style=options.pop("style", None),
                theme=options.pop("theme", None),
                density_scale=options.pop("density_scale", "auto"),
                densities=densities, layout_options=layout_options,
                artist_kw=artist_kw, style_options=options)


_DENSITY_OPTIONS = ("base", "transforms", "insets", "domain", "shade")
_LAYOUT_OPTIONS = ("orientation", "wrap", "label_side", "inset_side")
_ARTIST_OPTIONS = ("node_kw", "arrow_kw", "text_kw", "curve_kw")


def _prepare(stages, *, arrows=None, captions=None, style=None, theme=None,
             scale="auto", style_options=None, densities=None,
             density_scale="auto", layout_options=None, artist_kw=None):
    chain = build_chain(stages)
    style = _resolve_style(_theme_style(style, theme), style_options or {})
    if style.usetex:
        _tex.require_usetex()
    scale = _check_scale(scale)
    labels = [_math(chain, node, "label", stage.label, style)
              for node, stage in enumerate(chain.stages)]
    resolved_arrows = resolve_arrows(chain, arrows, style, _math)
    suffixes = [_math(chain, node, "suffix", stage.suffix, style)
                if stage.suffix is not None else None
                for node, stage in enumerate(chain.stages)]
    node_colors = tuple(_node_colors(chain, node, style)
                        for node in range(len(chain)))
    density_scale = check_density_scale(density_scale)
    plots = evaluate_plots(chain, **(densities or {}))
    caption_texts = _captions(chain, captions, style,
                              [plot is not None for plot in plots])
    legend = _legend(chain, plots, style)
    layout_options = dict(layout_options or {})
    inset_side = layout_options.pop("inset_side", None)
    images = tuple(_image(chain, node) for node in range(len(chain)))
    node_specs = [
        _node_spec(chain, node, labels[node], caption_texts[node], suffixes[node],
                   plots[node] is not None, images[node], inset_side, style)
        for node in range(len(chain))]
    arrow_specs = [
        ArrowSpec(arrow.label, gap=chain.gap_before[index + 1],
                  direction=arrow.direction, inverse_label=arrow.inverse_label,
                  bend=arrow.bend, inverse_bend=arrow.inverse_bend)
        for index, arrow in enumerate(resolved_arrows)]
    try:
        layout = compute_layout(node_specs, arrow_specs,
                                legend=[text for text, _ in legend], style=style,
                                **layout_options)
    except ValueError as err:
        raise ValueError(f"layout: {err}") from None
    return _Prepared(chain, style, node_colors, plots, layout, scale,
                     density_scale, tuple(item for _, item in legend),
                     tuple(resolved_arrows), images,
                     _check_artist_kw(artist_kw or {}))


def _theme_style(style, theme):
    if theme is None:
        return style
    if style is not None:
        raise TypeError("give style= or theme=, not both; a theme is a style with "
                        "a name (themes.get(name).style.replace(...) changes one)")
    from . import themes

    if isinstance(theme, str):
        return themes.get(theme).style
    if isinstance(theme, themes.Theme):
        return theme.style
    raise TypeError(f"theme must be a theme name or a Theme, got {theme!r}")


_NODE_SHAPES = ("circle", "square")
_LABEL_POSITIONS = ("center", "below")


def _node_spec(chain, node, label, caption, suffix, inset, image, inset_side,
               style):
    stage = chain.stages[node]
    where = chain.where(node)
    if stage.shape not in _NODE_SHAPES:
        raise ValueError(f"{where}: shape must be one of "
                         f"{', '.join(map(repr, _NODE_SHAPES))}, got {stage.shape!r}")
    position = stage.label_position
    if position is None:
        position = "below" if image is not None else "center"
    if position not in _LABEL_POSITIONS:
        raise ValueError(f"{where}: label_position must be one of "
                         f"{', '.join(map(repr, _LABEL_POSITIONS))}, got "
                         f"{position!r}")
    side = stage.inset_side if stage.inset_side is not None else inset_side
    if side is not None and side not in ("below", "above", "left", "right"):
        field = "inset_side"
        raise ValueError(f"{where}: {field} must be 'below', 'above', 'left' or "
                         f"'right', got {side!r}")
    sublabel = (None if stage.sublabel is None
                else _math(chain, node, "sublabel", stage.sublabel, style))
    return NodeSpec(label, caption=caption, suffix=suffix, sublabel=sublabel,
                    inset=inset, inset_side=side, label_position=position,
                    min_radius=style.image_radius if image is not None else None,
                    shape=stage.shape)


def _image(chain, node):
    import numpy as np

    image = chain.stages[node].image
    if image is None:
        return None
    where = chain.where(node)
    try:
        array = np.asarray(image, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{where}: image must be an array of numbers, got "
                        f"{type(image).__name__}") from None
    if not (array.ndim == 2 or (array.ndim == 3 and array.shape[2] in (3, 4))):
        raise ValueError(f"{where}: image must have shape (M, N), (M, N, 3) or "
                         f"(M, N, 4), got {array.shape}")
    if array.size == 0 or not np.isfinite(array).all():
        raise ValueError(f"{where}: image must be non-empty and finite")
    if array.ndim == 3 and (array.min() < 0 or array.max() > 1):
        raise ValueError(f"{where}: an RGB(A) image must hold values from 0 to 1, "
                         f"got {array.min():.3g} to {array.max():.3g}")
    return array


def _check_artist_kw(artist_kw):
    """Check each artist property dict against the artist it goes to."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle
    from matplotlib.text import Text

    from ._arrows import FlowArrow

    probes = {"node": lambda: Circle((0, 0), 1), "arrow": lambda: FlowArrow((0, 0),
                                                                            (1, 0)),
              "text": lambda: Text(0, 0, ""), "curve": lambda: Line2D([], [])}
    checked = {}
    for key, properties in artist_kw.items():
        if properties is None:
            continue
        if not isinstance(properties, dict):
            raise TypeError(f"{key}_kw must be a dict of artist properties, got "
                            f"{type(properties).__name__}")
        try:
            probes[key]().set(**properties)
        except (AttributeError, TypeError, ValueError) as err:
            raise TypeError(f"{key}_kw: {err}") from None
        checked[key] = dict(properties)
    return checked


def _legend(chain, plots, style):
    """Return ``(mathtext, (color, linestyle))`` for each distinct curve label."""
    entries = []
    seen = set()
    styles = _curve_styles(style)
    for node, inset in enumerate(plots):
        if inset is None:
            continue
        curves = [plot for plot in inset.plots if hasattr(plot, "p")]
        for index, curve in enumerate(curves):
            if curve.label is None:
                continue
            look = styles[index % len(styles)]
            key = (curve.label, look)
            if key in seen:
                continue
            seen.add(key)
            try:
                math = _prepared_text(curve.label, style)
            except ValueError as err:
                raise ValueError(f"{chain.where(node)}: density: legend label "
                                 f"{curve.label!r}: {err}") from None
            entries.append((math, look))
    return entries


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
    try:
        return _prepared_text(text, style)
    except ValueError as err:
        raise ValueError(f"{where}: {field}: {err}") from None


def _prepared_text(text, style):
    """Return *text* as the mathtext (or LaTeX) that is drawn, or raise.

    The ValueError describes what is wrong without naming where the text is.
    """
    math = _text.as_mathtext(text)
    if math.replace(r"\$", "").count("$") % 2:
        raise ValueError(f"unbalanced dollar signs in {text!r}")
    if style.usetex:
        # LaTeX checks the text, which may use the author's own macros, and
        # spaces it by itself.  The layout reuses the typeset result.
        _tex.measure(math, style.fontsize)
        return math
    _text.check_mathtext(math, style.math_fontfamily)
    if style.tex_spacing:
        math = _tex.SpacedMathtext(_text.tex_spacing(math), math)
    return math


def _captions(chain, captions, style, has_inset):
    if captions not in (None, "auto"):
        raise ValueError(f"captions must be None or 'auto', got {captions!r}")
    texts = []
    for node, stage in enumerate(chain.stages):
        text = stage.caption
        if text is None and captions == "auto" and has_inset[node]:
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

    from . import themes

    stage = chain.stages[node]
    colors = []
    for field, value, default in (("edgecolor", stage.edgecolor, style.node_edgecolor),
                                  ("facecolor", stage.facecolor, style.node_facecolor)):
        value = default if value is None else themes.substitute_color(style, value)
        try:
            colors.append(to_rgba(value))
        except (ValueError, TypeError):
            raise ValueError(
                f"{chain.where(node)}: {field}: {value!r} is not a valid matplotlib "
                "colour"
            ) from None
    return tuple(colors)


def _attach(ax, prepared):
    """Make the artists of a prepared chain and add them to *ax*."""
    layout, style = prepared.layout, prepared.style
    transform = ChainTransform(ax, layout.bbox, prepared.scale)
    parts = make_parts(prepared, transform, ax)
    chain = FlowChain(layout=layout, style=style, transform=transform,
                      stages=prepared.chain.stages, parts=parts)
    if style.usetex:
        from matplotlib.text import Text

        for text in chain.findobj(Text):
            text.set_usetex(True)
    ax.set_axis_off()
    ax.add_artist(chain)
    chain.set_figure(ax.figure)
    chain.set_clip_on(False)
    return chain
