"""Two-dimensional density sources: fields, scatters and bad input."""

import numpy as np
import pytest
from scipy import stats

from mpl_flowchain.densities import (
    Curve,
    Density2D,
    Field,
    Samples,
    Scatter,
    evaluate,
)

RNG = np.random.default_rng(7)
POINTS = RNG.multivariate_normal([0.5, -1.0], [[1.0, 0.6], [0.6, 2.0]], size=4000)


def bump(x, y):
    return np.exp(-(x**2 + 2 * y**2))


def exact_kde(points, field):
    grid_x, grid_y = np.meshgrid(field.x, field.y)
    kde = stats.gaussian_kde(points.T)
    return kde(np.vstack([grid_x.ravel(), grid_y.ravel()])).reshape(grid_x.shape)


def test_two_parameter_function_is_2d():
    field = evaluate(bump)
    assert isinstance(field, Field)
    assert field.domain == ((-1.0, 1.0), (-1.0, 1.0))
    assert field.z.shape == (101, 101)


def test_field_layout_follows_matplotlib():
    field = evaluate(bump, domain=((0, 2), (-1, 0)), samples=(5, 3))
    np.testing.assert_array_equal(field.x, np.linspace(0, 2, 5))
    np.testing.assert_array_equal(field.y, np.linspace(-1, 0, 3))
    assert field.z.shape == (3, 5)
    assert field.z[2, 4] == bump(2.0, 0.0)


def test_wrapper_forces_2d():
    field = evaluate(Density2D(lambda *xy: bump(*xy)))
    assert isinstance(field, Field)


def test_unclear_signature_follows_domain():
    field = evaluate(lambda *xy: bump(*xy), domain=((-1, 1), (-2, 2)))
    assert isinstance(field, Field)


def test_callable_object_with_two_parameters():
    class Bump:
        def __call__(self, x, y):
            return bump(x, y)

    assert isinstance(evaluate(Bump()), Field)


def test_bound_method_one_parameter():
    class Density:
        def pdf(self, t):
            return np.exp(-t * t)

    assert isinstance(evaluate(Density().pdf), Curve)


def test_binary_ufunc_is_2d():
    assert isinstance(evaluate(np.hypot), Field)


def test_multivariate_normal():
    dist = stats.multivariate_normal([0.0, 1.0], [[1.0, 0.3], [0.3, 0.5]])
    field = evaluate(dist, samples=21)
    (x_low, x_high), (y_low, y_high) = field.domain
    assert (x_low, x_high) == pytest.approx((-3.0902323, 3.0902323))
    reach = 3.0902323 * np.sqrt(0.5)
    assert (y_low, y_high) == pytest.approx((1 - reach, 1 + reach))
    grid_x, grid_y = np.meshgrid(field.x, field.y)
    np.testing.assert_allclose(field.z, dist.pdf(np.dstack([grid_x, grid_y])))


def test_scipy_gaussian_kde_2d():
    kde = stats.gaussian_kde(POINTS[:300].T)
    field = evaluate(kde, samples=15)
    np.testing.assert_allclose(field.z, exact_kde(POINTS[:300], field))


def test_scipy_gaussian_kde_1d():
    kde = stats.gaussian_kde(POINTS[:300, 0])
    curve = evaluate(kde, samples=15)
    np.testing.assert_allclose(curve.p, kde(curve.t))


def test_pdf_object_without_dim():
    class Bump:
        def pdf(self, points):
            return bump(points[..., 0], points[..., 1])

    field = evaluate(Bump(), domain=((-1, 1), (-1, 1)), samples=5)
    assert field.z[2, 2] == 1.0


def test_samples_kde_matches_scipy():
    field = evaluate(POINTS, samples=40)
    reference = exact_kde(POINTS, field)
    assert np.abs(field.z - reference).max() < 0.01 * reference.max()


def test_samples_kde_narrow_domain():
    field = evaluate(POINTS, domain=((0, 1), (-1.5, -0.5)), samples=25)
    reference = exact_kde(POINTS, field)
    assert np.abs(field.z - reference).max() < 0.01 * reference.max()


def test_samples_kde_default_domain():
    samples = Samples(POINTS)
    field = evaluate(samples)
    reach = 3 * samples.kernel_std
    (x_low, _), (_, y_high) = field.domain
    assert x_low == pytest.approx(POINTS[:, 0].min() - reach[0])
    assert y_high == pytest.approx(POINTS[:, 1].max() + reach[1])


def test_samples_histogram():
    field = evaluate(Samples(POINTS, kind="hist", bins=(8, 6)))
    counts, x_edges, y_edges = np.histogram2d(POINTS[:, 0], POINTS[:, 1], bins=(8, 6))
    np.testing.assert_array_equal(field.xedges, x_edges)
    areas = np.outer(np.diff(y_edges), np.diff(x_edges))
    np.testing.assert_allclose(field.z, counts.T / (len(POINTS) * areas))
    assert field.z.shape == (6, 8)


def test_samples_scatter_thinned():
    scatter = evaluate(Samples(POINTS, kind="scatter", max_points=500))
    assert isinstance(scatter, Scatter)
    assert scatter.points.shape == (500, 2)
    assert scatter.meta["draws"] == 4000


def test_samples_scatter_reproducible():
    first = evaluate(Samples(POINTS, kind="scatter", max_points=100))
    second = evaluate(Samples(POINTS, kind="scatter", max_points=100))
    np.testing.assert_array_equal(first.points, second.points)


def test_samples_scatter_domain():
    scatter = evaluate(Samples(POINTS[:10], kind="scatter"))
    (x_low, _), _ = scatter.domain
    span = np.ptp(POINTS[:10, 0])
    assert x_low == pytest.approx(POINTS[:10, 0].min() - 0.05 * span)
    assert len(scatter.points) == 10


def test_bandwidth_float_isotropic():
    samples = Samples(POINTS, bandwidth=0.3)
    np.testing.assert_array_equal(samples.kernel_covariance, np.eye(2) * 0.09)


# Bad input: each raises its own clear error.

def test_function_nan_2d():
    with pytest.raises(ValueError, match=r"returned NaN at .* \(first at x = -1, "
                                         r"y = -1\)"):
        evaluate(lambda x, y: np.where(x < 0, np.nan, 1.0))


def test_function_negative_2d():
    with pytest.raises(ValueError, match="returned negative values"):
        evaluate(lambda x, y: x * y)


def test_function_wrong_shape_2d():
    with pytest.raises(ValueError, match=r"shape \(101,\); expected \(101, 101\)"):
        evaluate(lambda x, y: x[0])


def test_function_raises_2d():
    def broken(x, y):
        raise KeyError("y")

    with pytest.raises(ValueError, match="raised KeyError") as info:
        evaluate(broken)
    assert isinstance(info.value.__cause__, KeyError)


def test_samples_all_equal_2d():
    with pytest.raises(ValueError, match=r"all 30 draws equal \(1, 2\).*bandwidth"):
        evaluate(np.tile([1.0, 2.0], (30, 1)))


def test_samples_on_a_line():
    data = np.column_stack([np.arange(10.0), 2 * np.arange(10.0)])
    with pytest.raises(ValueError, match="lie on one line.*singular.*kind='scatter'"):
        evaluate(data)


def test_samples_nan_2d():
    data = POINTS.copy()
    data[3, 1] = np.nan
    with pytest.raises(ValueError, match=r"NaN values in 1 of 4000 rows \(first at "
                                         r"index 3\).*all\(axis=1\)"):
        evaluate(data)


def test_domain_1d_for_2d_source():
    with pytest.raises(ValueError, match="two-dimensional, but the domain .* is an "
                                         "interval"):
        evaluate(POINTS, domain=(0, 1))


def test_domain_2d_reversed_axis():
    with pytest.raises(ValueError, match=r"y domain is reversed \(1.0 > 0.0\)"):
        evaluate(bump, domain=((0, 1), (1, 0)))


def test_domain_2d_not_finite():
    with pytest.raises(ValueError, match="x domain ends must be finite"):
        evaluate(bump, domain=((0, np.inf), (0, 1)))


def test_samples_pair_wrong_length():
    with pytest.raises(ValueError, match=r"integer or a pair \(nx, ny\)"):
        evaluate(bump, samples=(5, 5, 5))


def test_histogram_bad_bins_2d():
    with pytest.raises(ValueError, match="invalid bins .* 2-D histogram"):
        evaluate(Samples(POINTS, kind="hist", bins=(1, 2, 3)))


def test_wrapper_needs_callable():
    with pytest.raises(TypeError, match="Density2D takes a function"):
        Density2D(3)


def test_three_dimensional_kde_rejected():
    kde = stats.gaussian_kde(RNG.normal(size=(3, 50)))
    with pytest.raises(ValueError, match="3-dimensional data"):
        evaluate(kde)
