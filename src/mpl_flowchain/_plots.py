"""Evaluate what each inset plots: stage densities and flow densities."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .densities import Curve, Density2D, Field, evaluate
from .insets import VIEWS

DENSITY_SCALES = ("auto", "peak", "shared")


@dataclass(frozen=True)
class InsetPlots:
    """The plots of one node's inset, and the options they are drawn with."""

    plots: tuple
    shade: object
    view: str | None
    cmap: object


def evaluate_plots(chain, *, base=None, transforms=None, insets=None, domain=None,
                   shade=False):
    """Return one `InsetPlots` or None per node of *chain*.

    Raises
    ------
    TypeError, ValueError
        Naming the stage and the field, for any invalid density, domain,
        option or transform.
    """
    flow = _flow_densities(chain, base, transforms, insets, domain)
    result = []
    for node, stage in enumerate(chain.stages):
        plots = []
        if flow[node] is not None:
            plots.append(flow[node])
        plots += _stage_plots(chain, node, in_flow=flow[node] is not None)
        if not plots:
            result.append(None)
            continue
        plots = _on_common_domain(chain, node, plots)
        _check_view(chain, node, plots)
        _check_cmap(chain, node)
        stage_shade = shade if stage.shade is None else stage.shade
        _check_shade(chain, node, stage_shade)
        result.append(InsetPlots(tuple(plots), stage_shade, stage.view, stage.cmap))
    return tuple(result)


def _stage_plots(chain, node, in_flow):
    stage = chain.stages[node]
    where = chain.where(node)
    if stage.density is None:
        if not in_flow:
            for field in ("domain", "samples"):
                if getattr(stage, field) is not None:
                    raise ValueError(
                        f"{where}: {field}: given, but the stage has no density to "
                        "apply it to"
                    )
        return []
    sources = stage.density
    if isinstance(sources, dict):
        if not sources:
            raise ValueError(f"{where}: density: the dict of densities is empty")
        items = list(sources.items())
    else:
        items = [(None, sources)]
    plots = []
    for label, source in items:
        if label is not None and not isinstance(label, str):
            raise TypeError(
                f"{where}: density: legend labels must be strings, got {label!r}"
            )
        try:
            plot = evaluate(source, domain=stage.domain, samples=stage.samples)
        except (TypeError, ValueError) as err:
            raise type(err)(f"{where}: density: {err}") from err
        plot.meta.setdefault("source", source)
        if label is not None:
            plot = _with_label(plot, label)
        plots.append(plot)
    return plots


def _with_label(plot, label):
    import dataclasses

    return dataclasses.replace(plot, label=label)


def _on_common_domain(chain, node, plots):
    """Re-sample the curves of one inset on one domain, their union.

    An inset maps a curve's domain onto its horizontal axis, so curves drawn
    together must share a domain to be compared.
    """
    curves = [plot for plot in plots if isinstance(plot, Curve)]
    if len(curves) < 2 or len({curve.domain for curve in curves}) == 1:
        return plots
    low = min(curve.domain[0] for curve in curves)
    high = max(curve.domain[1] for curve in curves)
    stage = chain.stages[node]
    shared = []
    for plot in plots:
        if isinstance(plot, Curve) and plot.domain != (low, high):
            source = plot.meta.get("source")
            if source is None or isinstance(source, Curve):
                raise ValueError(
                    f"{chain.where(node)}: density: its curves cover different "
                    "domains, and a ready-made Curve cannot be sampled again; give "
                    f"the stage domain=({low:g}, {high:g}) and curves on it"
                )
            try:
                resampled = evaluate(source, domain=(low, high),
                                     samples=stage.samples)
            except (TypeError, ValueError) as err:
                raise type(err)(f"{chain.where(node)}: density: {err}") from err
            resampled.meta.setdefault("source", source)
            plot = _with_label(resampled, plot.label)
        shared.append(plot)
    return shared


def _check_view(chain, node, plots):
    view = chain.stages[node].view
    if view is None:
        return
    if view not in VIEWS:
        raise ValueError(
            f"{chain.where(node)}: view: {view!r} is not one of "
            f"{', '.join(repr(v) for v in VIEWS)}"
        )
    if all(isinstance(plot, Curve) for plot in plots):
        raise ValueError(
            f"{chain.where(node)}: view: {view!r} applies to two-dimensional "
            "densities, and this stage's density is one-dimensional"
        )


def _check_cmap(chain, node):
    cmap = chain.stages[node].cmap
    if cmap is None or not isinstance(cmap, str):
        return
    from matplotlib import colormaps

    if cmap not in colormaps:
        raise ValueError(
            f"{chain.where(node)}: cmap: {cmap!r} is not a matplotlib colour map, "
            "such as 'Blues' or 'viridis'"
        )


def _check_shade(chain, node, shade):
    if isinstance(shade, bool):
        return
    if not isinstance(shade, (int, float)) or not 0 <= shade <= 1:
        raise ValueError(
            f"{chain.where(node)}: shade: give True, False or an alpha from 0 to 1, "
            f"got {shade!r}"
        )


def _flow_densities(chain, base, transforms, insets, domain):
    """Return the density computed through the flow for each node, or None."""
    count = len(chain)
    if base is None and transforms is None:
        if insets is not None:
            raise ValueError("insets= selects the stages that show densities "
                             "computed through a flow; give base= and transforms=")
        return [None] * count
    if base is None or transforms is None:
        missing = "base" if base is None else "transforms"
        raise ValueError(
            f"{missing}= is missing: a flow needs both base= (the density of the "
            "first stage) and transforms= (one per arrow)"
        )
    from .flow import push_forward, push_samples

    nodes = _inset_nodes(chain, insets)
    base_plot = _evaluate_base(base, chain, domain)
    dim = 1 if isinstance(base_plot, Curve) else 2
    domains = _stage_domains(chain, base_plot, transforms, domain, dim, push_samples)
    try:
        densities = push_forward(base, transforms, arrows=count - 1,
                                 check_domain=domains, dim=dim)
    except (TypeError, ValueError) as err:
        raise type(err)(_name_transform_stage(chain, str(err))) from err
    result = [None] * count
    for node in nodes:
        stage = chain.stages[node]
        density = densities[node]
        source = density if dim == 1 else Density2D(_planar(density))
        try:
            result[node] = evaluate(source, domain=domains[node],
                                    samples=stage.samples)
        except (TypeError, ValueError) as err:
            raise type(err)(f"{chain.where(node)}: density through the flow: "
                            f"{err}") from err
        result[node].meta.setdefault("source", source)
    return result


def _name_transform_stage(chain, message):
    """Prefix a transform's error with the stage its arrow points to."""
    import re

    match = re.search(r"transforms\[(\d+)\]", message)
    if match is None or int(match.group(1)) + 1 >= len(chain):
        return f"transforms: {message}"
    target = int(match.group(1)) + 1
    return f"{chain.where(target)}: transform: {message}"


def _planar(density):
    def function(x, y):
        return density(np.stack([x, y], axis=-1))

    return function


def _inset_nodes(chain, insets):
    if insets is None or insets == "all":
        return list(range(len(chain)))
    if isinstance(insets, str) or not hasattr(insets, "__iter__"):
        raise TypeError(
            f"insets must be 'all' or a list of indices into stages, got {insets!r}"
        )
    nodes = []
    for position in insets:
        if isinstance(position, bool) or not isinstance(position, (int, np.integer)):
            raise TypeError(f"insets: {position!r} is not an index into stages")
        if position not in chain.positions:
            raise ValueError(
                f"insets: stages[{position}] is not a node of the chain (a gap, or "
                f"out of range: the chain has {chain.positions[-1] + 1} items)"
            )
        nodes.append(chain.positions.index(position))
    return sorted(set(nodes))


def _evaluate_base(base, chain, domain):
    stage = chain.stages[0]
    base_domain = stage.domain if stage.domain is not None else None
    if base_domain is None and domain is not None and not callable(domain):
        base_domain = domain
    try:
        return evaluate(base, domain=base_domain)
    except (TypeError, ValueError) as err:
        raise type(err)(f"base: {err}") from err


def _stage_domains(chain, base_plot, transforms, domain, dim, push_samples):
    """Return the domain that each node's inset shows.

    A stage's own domain comes first, then the chain's *domain*.  Otherwise
    the base's grid is pushed through the flow, each point weighted by the
    base's probability mass there, and the domain is the central 99.8 % of
    that mass at the stage, as a scipy.stats distribution's default domain
    is.
    """
    points, weights = _base_mass(base_plot, dim)
    try:
        pushed = push_samples(points, transforms, arrows=len(chain) - 1)
    except (TypeError, ValueError) as err:
        raise type(err)(_name_transform_stage(chain, str(err))) from err
    domains = []
    for node, stage in enumerate(chain.stages):
        if stage.domain is not None:
            domains.append(stage.domain)
        elif domain is not None:
            domains.append(domain)
        else:
            try:
                domains.append(_central_range(pushed[node], weights, dim))
            except ValueError as err:
                raise ValueError(f"{chain.where(node)}: transform: {err}; check "
                                 "the forward method of the arrows into this "
                                 "stage") from None
    return domains


def _base_mass(base_plot, dim):
    """Return grid points of the base and the probability mass of each."""
    if dim == 1:
        t = np.asarray(base_plot.t, dtype=float)
        p = np.asarray(base_plot.p, dtype=float)
        return t, p * np.gradient(t)
    if isinstance(base_plot, Field):
        xs, ys = np.meshgrid(base_plot.x, base_plot.y)
        points = np.column_stack([xs.ravel(), ys.ravel()])
        return points, np.asarray(base_plot.z, dtype=float).ravel()
    points = np.asarray(base_plot.points, dtype=float)
    return points, np.ones(len(points))


def _central_range(points, weights, dim, tail=0.001):
    points = np.asarray(points, dtype=float)
    columns = [points] if dim == 1 else [points[:, 0], points[:, 1]]
    ranges = []
    for values in columns:
        keep = np.isfinite(values) & (weights > 0)
        if not keep.any():
            raise ValueError("the transforms send every point of the base's domain "
                             "to NaN or infinity")
        order = np.argsort(values[keep])
        sorted_values = values[keep][order]
        cumulative = np.cumsum(weights[keep][order])
        cumulative /= cumulative[-1]
        low = sorted_values[np.searchsorted(cumulative, tail)]
        high = sorted_values[min(np.searchsorted(cumulative, 1 - tail),
                                 len(sorted_values) - 1)]
        if not high > low:
            low, high = sorted_values[0], sorted_values[-1]
        ranges.append((float(low), float(high)))
    return ranges[0] if dim == 1 else tuple(ranges)


def check_density_scale(scale):
    """Return *scale* if it is a valid ``density_scale`` option, else raise."""
    if isinstance(scale, str):
        if scale not in DENSITY_SCALES:
            raise ValueError(
                f"density_scale must be one of {', '.join(map(repr, DENSITY_SCALES))} "
                f"or a height in points, got {scale!r}"
            )
        return scale
    if isinstance(scale, bool) or not isinstance(scale, (int, float, np.number)):
        raise TypeError(f"density_scale must be a string or a number, got {scale!r}")
    if not np.isfinite(scale) or scale <= 0:
        raise ValueError(f"density_scale must be a positive height in points, "
                         f"got {scale!r}")
    return float(scale)
