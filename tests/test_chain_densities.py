"""Densities in a drawn chain: flows, legends, scales, 2-D views."""

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from scipy import stats

from mpl_flowchain import CM, Samples, Stage, flowchain
from mpl_flowchain.transforms import Affine, AffineCoupling, Tanh


@pytest.fixture
def ax():
    fig = Figure(figsize=(8, 3))
    FigureCanvasAgg(fig)
    axes = fig.add_subplot()
    axes.plot([0, 1], [0, 1])
    return axes


def curve_values(chain, index):
    """Return the (x, y) points of an inset's first curve, in layout points."""
    line = chain.insets[index].curves[0]
    return np.asarray(line.get_xdata()), np.asarray(line.get_ydata())


def test_flow_gives_every_stage_an_inset(ax):
    chain = flowchain(ax, ["z_0", "z_1", "z_2"], base=stats.norm(),
                      transforms=[Affine(2.0, 0.0), Affine(0.5, 1.0)])
    assert len(chain.insets) == 3


def test_flow_insets_select_stages(ax):
    chain = flowchain(ax, ["z_0", "z_1", ..., "z_k"], base=stats.norm(),
                      transforms=[Affine(2.0), [Affine(0.5), Affine(3.0)]],
                      insets=[0, 3])
    assert [inset.node for inset in chain.insets] == [0, 2]


def test_flow_insets_reject_gap_index(ax):
    with pytest.raises(ValueError, match=r"insets: stages\[2\] is not a node"):
        flowchain(ax, ["z_0", "z_1", ..., "z_k"], base=stats.norm(),
                  transforms=[Affine(2.0), Affine(0.5)], insets=[2])


def test_flow_affine_density_exact(ax):
    # z_1 = 2 z_0 + 1 with z_0 ~ N(0, 1) is N(1, 2).
    chain = flowchain(ax, ["z_0", "z_1"], base=stats.norm(),
                      transforms=[Affine(2.0, 1.0)], domain=(-3.0, 5.0),
                      density_scale=CM)
    inset = chain.layout.insets[1]
    x, y = curve_values(chain, 1)
    t = -3.0 + (x - inset.origin[0] - inset.xaxis[0]) / (
        inset.xaxis[1] - inset.xaxis[0]) * 8.0
    p = (y - inset.origin[1]) / CM
    np.testing.assert_allclose(p, stats.norm(1, 2).pdf(t), atol=1e-9)


def test_flow_domain_follows_mass(ax):
    chain = flowchain(ax, ["z_0", "z_1"], base=stats.norm(),
                      transforms=[Affine(10.0, 0.0)])
    low, high = chain.insets[0].plots[0].domain
    scaled_low, scaled_high = chain.insets[1].plots[0].domain
    # z_1 = 10 z_0, so the central mass of z_1 spans ten times as much.
    assert scaled_low == pytest.approx(10 * low, rel=0.02)
    assert scaled_high == pytest.approx(10 * high, rel=0.02)


def test_flow_missing_transforms(ax):
    with pytest.raises(ValueError, match="transforms= is missing"):
        flowchain(ax, ["z_0", "z_1"], base=stats.norm())


def test_flow_wrong_transform_count(ax):
    with pytest.raises(ValueError, match="transforms"):
        flowchain(ax, ["z_0", "z_1", "z_2"], base=stats.norm(),
                  transforms=[Affine(2.0)])


class HalfTransform:
    def forward(self, x):
        return x


def test_flow_transform_missing_method_names_stage(ax):
    with pytest.raises(TypeError, match=r"stages\[1\] \('z_1'\): transform: .*inverse"):
        flowchain(ax, ["z_0", "z_1"], base=stats.norm(), transforms=[HalfTransform()])


class WrongInverse:
    dim = 1

    def forward(self, x):
        return 2 * x

    def inverse(self, y):
        return y / 3

    def log_abs_det_jacobian(self, x):
        return np.full(np.shape(x), np.log(2.0))


def test_flow_bad_inverse_names_stage(ax):
    with pytest.raises(ValueError, match=r"stages\[2\] \('z_2'\): transform: "):
        flowchain(ax, ["z_0", "z_1", "z_2"], base=stats.norm(),
                  transforms=[Affine(2.0), WrongInverse()])


def test_flow_leaves_axes_on_error(ax):
    before = ax.get_children()
    with pytest.raises(ValueError):
        flowchain(ax, ["z_0", "z_1", "z_2"], base=stats.norm(),
                  transforms=[Affine(2.0), WrongInverse()])
    assert ax.get_children() == before


def test_flow_tanh_stays_inside(ax):
    chain = flowchain(ax, ["z_0", "z_1"], base=stats.norm(), transforms=[Tanh()])
    assert len(chain.insets[1].curves) == 1


def test_flow_2d_draws_heatmap(ax):
    base = stats.multivariate_normal(np.zeros(2), np.eye(2))
    chain = flowchain(ax, ["x_0", "x_1"], base=base,
                      transforms=[AffineCoupling(0.2, [0.0, 0.5], pass_through=0)],
                      domain=((-3, 3), (-3, 3)))
    assert len(chain.insets[1].fields) == 1
    assert chain.insets[1].fields[0].get_clip_path() is not None


@pytest.mark.parametrize("view", ["heatmap", "contours", "scatter"])
def test_2d_views(ax, view):
    density = stats.multivariate_normal([0, 0], [[1, 0.5], [0.5, 1]])
    chain = flowchain(ax, [Stage("x", density=density, domain=((-3, 3), (-3, 3)),
                                 view=view)])
    ax.figure.canvas.draw()
    assert len(chain.insets[0].fields) == 1


def test_2d_samples_scatter(ax):
    draws = np.random.default_rng(0).normal(size=(500, 2))
    chain = flowchain(ax, [Stage("x", density=Samples(draws), view="scatter")])
    assert len(chain.insets[0].fields) == 1


def test_bad_view_names_stage(ax):
    with pytest.raises(ValueError, match=r"stages\[0\] \('x'\): view: 'pie'"):
        flowchain(ax, [Stage("x", density=lambda t: t * 0 + 1, view="pie")])


def test_legend_one_entry_per_label(ax):
    stages = [Stage("z_0", density={"p": stats.norm(), "q": stats.norm(0.5)}),
              Stage("z_1", density={"p": stats.norm()})]
    chain = flowchain(ax, stages)
    assert [t.get_text() for t in chain.legend_labels] == ["$p$", "$q$"]
    assert len(chain.legend_handles) == 2


def test_legend_below_insets(ax):
    stages = [Stage("z_0", density={"p": stats.norm(), "q": stats.norm(0.5)})]
    chain = flowchain(ax, stages)
    entry = chain.layout.legend[0]
    inset = chain.layout.insets[0]
    assert entry.label.padded_bbox[3] <= inset.center[1] - inset.radius


def test_two_curves_differ_in_style(ax):
    chain = flowchain(ax, [Stage("z", density={"p": stats.norm(),
                                               "q": stats.norm(0.5)})])
    first, second = chain.insets[0].curves
    assert first.get_linestyle() != second.get_linestyle()


def test_shared_scale_equal_heights(ax):
    stages = [Stage("a", density=stats.norm(0, 1), domain=(-4, 4)),
              Stage("b", density=stats.norm(0, 0.5), domain=(-4, 4))]
    chain = flowchain(ax, stages, density_scale="shared")
    peaks = [curve_values(chain, i)[1].max() - chain.layout.insets[i].origin[1]
             for i in range(2)]
    # The narrower normal is twice as tall at its peak.
    assert peaks[1] / peaks[0] == pytest.approx(2.0, rel=1e-3)


def test_peak_scale_equal_peaks(ax):
    stages = [Stage("a", density=stats.norm(0, 1), domain=(-4, 4)),
              Stage("b", density=stats.norm(0, 0.5), domain=(-4, 4))]
    chain = flowchain(ax, stages, density_scale="peak")
    peaks = [curve_values(chain, i)[1].max() - chain.layout.insets[i].origin[1]
             for i in range(2)]
    assert peaks[0] == pytest.approx(CM, rel=1e-3)
    assert peaks[1] == pytest.approx(CM, rel=1e-3)


def test_density_scale_rejects_word(ax):
    with pytest.raises(ValueError, match="density_scale must be one of"):
        flowchain(ax, [Stage("a", density=stats.norm())], density_scale="tall")


def test_shade_fills_under_curve(ax):
    chain = flowchain(ax, [Stage("a", density=stats.norm())], shade=0.4)
    assert len(chain.insets[0].shades) == 1
    assert chain.insets[0].shades[0].get_alpha() == pytest.approx(0.4)


def test_bad_shade_names_stage(ax):
    with pytest.raises(ValueError, match=r"stages\[0\] \('a'\): shade"):
        flowchain(ax, [Stage("a", density=stats.norm(), shade=3)])


def test_legend_label_invalid_mathtext(ax):
    stage = Stage("z_0", density={r"p_{": stats.norm()})
    with pytest.raises(ValueError, match=r"stages\[0\] \('z_0'\): density: legend "):
        flowchain(ax, [stage])


def test_curve_beyond_circle_warns(ax):
    from mpl_flowchain import FlowChainWarning

    with pytest.warns(FlowChainWarning, match=r"stages\[0\] \('z'\): the density's"):
        flowchain(ax, [Stage("z", density="exp(-10*t^2)")], density_scale=60)


def test_curves_share_domain(ax):
    stage = Stage("z", density={"a": stats.norm(0, 1), "b": stats.norm(3, 0.2)})
    chain = flowchain(ax, [stage])
    first, second = chain.insets[0].plots
    assert first.domain == second.domain
    assert second.label == "b"


def test_vertical_axis_marks_zero(ax):
    chain = flowchain(ax, [Stage("z", density=stats.norm(3, 1), domain=(-1, 7))])
    inset = chain.layout.insets[0]
    x = chain.insets[0].yaxis.get_path().vertices[:, 0].mean()
    # t = 0 lies an eighth of the way along the 2 cm axis from -1 to 7.
    expected = inset.origin[0] + inset.xaxis[0] + (inset.xaxis[1] - inset.xaxis[0]) / 8
    assert x == pytest.approx(expected, abs=0.5)


def test_2d_domain_inside_circle(ax):
    density = stats.multivariate_normal([0, 0], [[1, 0], [0, 1]])
    chain = flowchain(ax, [Stage("x", density=density, domain=((-3, 3), (-3, 3)))])
    image = chain.insets[0].fields[0]
    x0, x1, y0, y1 = image.get_extent()
    inset = chain.layout.insets[0]
    for x in (x0, x1):
        for y in (y0, y1):
            assert np.hypot(x - inset.center[0], y - inset.center[1]) <= inset.radius


def test_samples_too_many(ax):
    with pytest.raises(ValueError, match=r"stages\[0\] \('z'\): density: samples must "
                                         "be at most"):
        flowchain(ax, [Stage("z", density=stats.norm(), samples=10**9)])


def test_cmap_unknown_names_stage(ax):
    draws = np.random.default_rng(0).normal(size=(200, 2))
    with pytest.raises(ValueError, match=r"stages\[0\] \('x'\): cmap: 'nope'"):
        flowchain(ax, [Stage("x", density=draws, cmap="nope")])


def test_view_on_1d_rejected(ax):
    with pytest.raises(ValueError, match=r"stages\[0\] \('x'\): view: 'contours'"):
        flowchain(ax, [Stage("x", density=stats.norm(), view="contours")])


class NanTransform:
    def forward(self, x):
        return x * np.nan

    def inverse(self, y):
        return y * np.nan

    def log_abs_det_jacobian(self, x):
        return x * 0.0


def test_nan_transform_names_stage(ax):
    with pytest.raises(ValueError, match=r"stages\[1\] \('z_1'\): transform: "):
        flowchain(ax, ["z_0", "z_1"], base=stats.norm(), transforms=[NanTransform()])
