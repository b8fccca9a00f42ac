"""`FlowChain`: the artist that holds a drawn chain."""

from __future__ import annotations

from dataclasses import dataclass

from .drawing import _Group


@dataclass(frozen=True)
class StageArtists:
    """The artists of one node, as ``chain[i]`` returns them.

    Parts that the node does not have are None.  *arrow*, *arrow_label*
    and *gap_mark* belong to the arrow into the node.
    """

    index: int
    stage: object
    node: object
    label: object
    arrow: object = None
    arrow_label: object = None
    gap_mark: object = None
    inset: object = None
    caption: object = None
    suffix: object = None


class FlowChain(_Group):
    """A drawn chain: one artist that holds and draws all of its parts.

    `flowchain` returns it.  Its parts are ordinary matplotlib artists,
    reachable by group and by node, so each can be restyled after the
    fact::

        chain = flowchain(ax, stages)
        chain.arrows[0].set_color("tab:blue")
        chain[2].label.set_fontsize(12)

    `get_children`, `remove`, `set_visible` and `get_window_extent` act
    on the whole chain.

    Attributes
    ----------
    nodes : list of Circle
        One per node.
    node_labels : list of Text
        One per node.
    arrows : list of FlowArrow
        One per pair of neighbouring nodes.
    arrow_labels : list of (Text or None)
        One per arrow, None where the arrow has no label.
    gap_marks : list of PathPatch
        One per gap, in order.
    insets : list of Inset
        One per node that has a density.
    captions, suffixes : list of Text
        One per caption and suffix, in the order of their nodes.
    layout : Layout
        The geometry in layout points that the artists were made from.
    transform : ChainTransform
        Maps layout points to display pixels; pass it as ``transform=`` or
        ``xycoords=`` to place more artists relative to the chain.
    """

    def __init__(self, *, layout, style, transform, stages, parts):
        super().__init__()
        self.layout = layout
        self.style = style
        self.transform = transform
        self.nodes = parts["nodes"]
        self.node_labels = parts["node_labels"]
        self.arrows = parts["arrows"]
        self.arrow_labels = parts["arrow_labels"]
        self.gap_marks = parts["gap_marks"]
        self.insets = parts["insets"]
        self.captions = [text for text in parts["captions"] if text is not None]
        self.suffixes = [text for text in parts["suffixes"] if text is not None]
        self._stages = self._group_by_node(stages, parts)
        self._artists = [
            *self.nodes, *self.arrows, *self.gap_marks, *self.insets,
            *self.node_labels, *(t for t in self.arrow_labels if t is not None),
            *self.captions, *self.suffixes,
        ]

    @staticmethod
    def _group_by_node(stages, parts):
        inset_of = {inset.node: inset for inset in parts["insets"]}
        mark_of = dict(parts["gap_mark_targets"])
        grouped = []
        for index, stage in enumerate(stages):
            incoming = index - 1
            grouped.append(StageArtists(
                index=index,
                stage=stage,
                node=parts["nodes"][index],
                label=parts["node_labels"][index],
                arrow=parts["arrows"][incoming] if index else None,
                arrow_label=parts["arrow_labels"][incoming] if index else None,
                gap_mark=mark_of.get(index),
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

    def draw(self, renderer):
        if not self.get_visible():
            return
        renderer.open_group("flowchain", gid=self.get_gid())
        self._draw_children(renderer, self.get_scale())
        renderer.close_group("flowchain")
        self.stale = False
