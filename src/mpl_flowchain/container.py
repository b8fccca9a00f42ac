"""`FlowChain`: the artist that contains a drawn chain."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from .drawing import _Group


@dataclass(frozen=True)
class StageArtists:
    """The artists of one node, as ``chain[i]`` returns them.

    Parts that the node does not have are None.  *arrow*, *arrow_label*
    and *gap_mark* belong to the arrow into the node; *inverse_arrow* and
    *inverse_arrow_label* to the arrow from the node back to the one
    before, where the chain draws it.
    """

    index: int
    stage: object
    node: object
    label: object
    arrow: object = None
    arrow_label: object = None
    inverse_arrow: object = None
    inverse_arrow_label: object = None
    gap_mark: object = None
    image: object = None
    sublabel: object = None
    inset: object = None
    caption: object = None
    suffix: object = None


class FlowChainWarning(UserWarning):
    """A chain was drawn in a way that its author may not expect."""


class FlowChain(_Group):
    """A drawn chain: one artist that contains and draws all of its parts.

    `flowchain` returns it.  Its parts are ordinary matplotlib artists,
    reachable by group and by node, so each can be restyled after the
    fact::

        chain = flowchain(ax, stages)
        chain.arrows[0].set_color("tab:blue")
        chain[2].label.set_fontsize(12)

    ``chain[i]`` is the i-th node, counting nodes only: in
    ``["z_0", "z_1", ..., "z_i"]``, ``chain[2]`` is z_i, which error
    messages call ``stages[3]`` after its place in the list.
    `get_children`, `remove`, `set_visible` and `get_window_extent` act
    on the whole chain.

    Attributes
    ----------
    nodes : list of Circle
        One per node.
    node_labels : list of Text
        One per node.
    node_images : list of AxesImage
        One per node that shows an image.
    sublabels : list of Text
        One per node that has a sublabel.
    arrows : list of FlowArrow
        One per pair of neighbouring nodes, or two where a pair has arrows
        in both directions, in the order of the chain.
    arrow_labels : list of (Text or None)
        One per arrow, None where the arrow has no label.
    gap_marks : list of PathPatch
        One per gap, in order.
    insets : list of Inset
        One per node that has a density.
    captions, suffixes : list of Text
        One per caption and suffix, in the order of their nodes.
    legend_handles, legend_labels : list
        The short lines (`Line2D`) and labels (`Text`) of the legend under
        the chain, one per distinct curve label; empty without labels.
    layout : Layout
        The geometry in layout points that the artists were made from.
    transform : ChainTransform
        Maps layout points to display pixels; pass it as ``transform=`` or
        ``xycoords=`` to place more artists relative to the chain.
    """

    def __init__(self, *, layout, style, transform, stages, parts):
        super().__init__()
        self._warned = False
        self.layout = layout
        self.style = style
        self.transform = transform
        self.nodes = parts["nodes"]
        self.node_images = parts["node_images"]
        self.sublabels = parts["sublabels"]
        self.node_labels = parts["node_labels"]
        self.arrows = parts["arrows"]
        self.arrow_labels = parts["arrow_labels"]
        self.gap_marks = parts["gap_marks"]
        self.insets = parts["insets"]
        self.captions = [text for text in parts["captions"] if text is not None]
        self.suffixes = [text for text in parts["suffixes"] if text is not None]
        self.legend_handles = parts["legend_handles"]
        self.legend_labels = parts["legend_labels"]
        self._stages = self._group_by_node(stages, parts)
        self._artists = [
            *self.nodes, *self.node_images, *self.arrows, *self.gap_marks,
            *self.insets, *self.node_labels, *self.sublabels,
            *(t for t in self.arrow_labels if t is not None),
            *self.captions, *self.suffixes, *self.legend_handles,
            *self.legend_labels,
        ]

    @staticmethod
    def _group_by_node(stages, parts):
        inset_of = {inset.node: inset for inset in parts["insets"]}
        mark_of = dict(parts["gap_mark_targets"])
        forward, inverse = {}, {}
        for arrow, label, (target, backwards) in zip(
                parts["arrows"], parts["arrow_labels"], parts["arrow_pairs"]):
            (inverse if backwards else forward)[target] = (arrow, label)
        images = iter(parts["node_images"])
        sublabels = iter(parts["sublabels"])
        grouped = []
        for index, stage in enumerate(stages):
            arrow, arrow_label = forward.get(index, inverse.get(index, (None, None)))
            back, back_label = (inverse.get(index, (None, None)) if index in forward
                                else (None, None))
            grouped.append(StageArtists(
                index=index,
                stage=stage,
                node=parts["nodes"][index],
                label=parts["node_labels"][index],
                arrow=arrow,
                arrow_label=arrow_label,
                inverse_arrow=back,
                inverse_arrow_label=back_label,
                gap_mark=mark_of.get(index),
                image=next(images) if stage.image is not None else None,
                sublabel=next(sublabels) if stage.sublabel is not None else None,
                inset=inset_of.get(index),
                caption=parts["captions"][index],
                suffix=parts["suffixes"][index],
            ))
        return grouped

    def __len__(self):
        return len(self._stages)

    def __getitem__(self, index):
        return self._stages[index]

    def __iter__(self):
        return iter(self._stages)

    def get_scale(self):
        """Return the factor from layout points to points on the figure.

        It is 1 at natural size and below 1 when the chain was shrunk to
        fit its Axes; it depends on the Axes' current size.
        """
        return self.transform.get_scale()

    def _scale(self):
        return self.get_scale()

    def _warn_if_cut(self):
        """Warn once when a fixed scale makes the chain larger than its Axes."""
        if self._warned or self.transform.is_fitted():
            return
        needed = self.transform.needed_size()
        box = self.axes.bbox
        dpi = self.axes.figure.dpi
        available = (box.width / dpi, box.height / dpi)
        if needed[0] <= available[0] + 1e-6 and needed[1] <= available[1] + 1e-6:
            return
        self._warned = True
        warnings.warn(
            f"the chain at scale {self.get_scale():g} needs {needed[0]:.2f} x "
            f"{needed[1]:.2f} in but its Axes has {available[0]:.2f} x "
            f"{available[1]:.2f} in, so it reaches beyond the Axes; enlarge the "
            "figure or the Axes, pass scale='auto' to shrink the chain, or wrap= "
            "to break it into rows",
            FlowChainWarning, stacklevel=2)

    def draw(self, renderer):
        if not self.get_visible():
            return
        self._warn_if_cut()
        renderer.open_group("flowchain", gid=self.get_gid())
        self._draw_children(renderer, self.get_scale())
        renderer.close_group("flowchain")
        self.stale = False
