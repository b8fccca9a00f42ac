"""Kernel density estimates by linear binning: bandwidths, binning and accuracy.

Accuracy is checked against the exact `scipy.stats.gaussian_kde`, within
1 % of the peak. Speed is measured in benchmarks/bench_kde.py, not here.
"""

import numpy as np
import pytest
from scipy import stats

from mpl_flowchain.densities import Samples, _kde, evaluate

RNG = np.random.default_rng(11)


def max_error_1d(data, **options):
    """Return the largest difference from gaussian_kde, as a fraction of its peak."""
    samples = Samples(data, bandwidth=options.pop("bandwidth", "scott"))
    curve = evaluate(samples, **options)
    factor = samples.kernel_std / np.std(data, ddof=1)
    reference = stats.gaussian_kde(data, bw_method=factor)(curve.t)
    return np.abs(curve.p - reference).max() / reference.max()


def max_error_2d(points, **options):
    field = evaluate(points, **options)
    grid_x, grid_y = np.meshgrid(field.x, field.y)
    kde = stats.gaussian_kde(points.T)
    reference = kde(np.vstack([grid_x.ravel(), grid_y.ravel()])).reshape(grid_x.shape)
    return np.abs(field.z - reference).max() / reference.max()


@pytest.mark.parametrize("dimension", [1, 2])
def test_scott_matches_scipy(dimension):
    data = RNG.normal(size=(500, dimension)) @ np.triu(np.ones((dimension, dimension)))
    samples = Samples(data[:, 0] if dimension == 1 else data)
    kde = stats.gaussian_kde(data.T)
    np.testing.assert_allclose(samples.kernel_covariance, kde.covariance, rtol=1e-12)


@pytest.mark.parametrize("dimension", [1, 2])
def test_silverman_matches_scipy(dimension):
    data = RNG.normal(size=(500, dimension))
    samples = Samples(data[:, 0] if dimension == 1 else data, bandwidth="silverman")
    kde = stats.gaussian_kde(data.T, bw_method="silverman")
    np.testing.assert_allclose(samples.kernel_covariance, kde.covariance, rtol=1e-12)


def test_bandwidth_far_from_origin():
    data = RNG.normal(1e8, 1.0, size=1000)
    assert Samples(data).kernel_covariance[0, 0] == pytest.approx(
        stats.gaussian_kde(data).covariance[0, 0], rel=1e-6)


def test_binning_splits_one_sample():
    axis = _kde._Axis(0.0, 4.0, 5, 1.0, 0.0, 4.0, 1, 100)
    weights = _kde._bin_1d(np.array([axis.origin + 2.25 * axis.spacing]), axis, 0, 4)
    assert weights[2] == pytest.approx(0.75)
    assert weights[3] == pytest.approx(0.25)
    assert weights.sum() == pytest.approx(1.0)


def test_binning_keeps_mass():
    data = RNG.normal(size=100_000)
    axis = _kde._Axis(-6.0, 6.0, 200, 0.1, data.min(), data.max(), 8, 2**20)
    weights = _kde._bin_1d(data, axis, data.min(), data.max())
    assert weights.sum() == pytest.approx(len(data), rel=1e-12)


def test_binning_2d_splits_one_sample():
    axis = _kde._Axis(0.0, 4.0, 5, 1.0, 0.0, 4.0, 1, 100)
    x = np.array([axis.origin + 1.5 * axis.spacing])
    y = np.array([axis.origin + 2.25 * axis.spacing])
    weights = _kde._bin_2d(x, y, axis, axis, ((0, 4), (0, 4)))
    assert weights[2, 1] == pytest.approx(0.375)
    assert weights[2, 2] == pytest.approx(0.375)
    assert weights[3, 1] == pytest.approx(0.125)
    assert weights[3, 2] == pytest.approx(0.125)


def test_binning_2d_keeps_mass():
    points = RNG.normal(size=(300_000, 2))
    ranges = tuple((points[:, i].min(), points[:, i].max()) for i in (0, 1))
    axis = _kde._Axis(-6.0, 6.0, 64, 0.1, -6.0, 6.0, 4, 1024)
    weights = _kde._bin_2d(points[:, 0].copy(), points[:, 1].copy(), axis, axis, ranges)
    assert weights.sum() == pytest.approx(len(points), rel=1e-12)


def test_draws_beyond_grid_dropped():
    data = np.concatenate([RNG.normal(size=1000), [1e6, -1e6]])
    curve = evaluate(Samples(data, bandwidth=0.2), domain=(-3, 3))
    assert np.isfinite(curve.p).all()
    mass = np.trapezoid(curve.p, curve.t)
    assert mass == pytest.approx(1000 / 1002, rel=1e-2)


@pytest.mark.parametrize("count", [2, 5, 40, 1000, 20_000])
def test_accuracy_1d(count):
    assert max_error_1d(RNG.normal(size=count)) < 0.01


def test_accuracy_1d_narrow_domain():
    assert max_error_1d(RNG.normal(size=2000), domain=(-0.5, 0.2)) < 0.01


def test_accuracy_1d_coarse_grid():
    assert max_error_1d(RNG.normal(size=2000), samples=9) < 0.01


def test_accuracy_1d_fine_grid():
    assert max_error_1d(RNG.normal(size=2000), samples=5000) < 0.01


def test_accuracy_1d_wide_kernel():
    assert max_error_1d(RNG.normal(size=500), bandwidth=5.0) < 0.01


def test_accuracy_1d_narrow_kernel():
    assert max_error_1d(RNG.normal(size=500), bandwidth=0.002) < 0.01


def test_accuracy_1d_bimodal():
    data = np.concatenate([RNG.normal(-2, 0.1, 3000), RNG.normal(1, 0.5, 1000)])
    assert max_error_1d(data) < 0.01


def test_accuracy_1d_heavy_tails():
    assert max_error_1d(RNG.standard_cauchy(size=5000), domain=(-10, 10)) < 0.01


@pytest.mark.parametrize("count", [20, 1000, 10_000])
def test_accuracy_2d(count):
    points = RNG.multivariate_normal([0, 1], [[1.0, 0.8], [0.8, 2.0]], size=count)
    assert max_error_2d(points, samples=48) < 0.01


def test_accuracy_2d_narrow_domain():
    points = RNG.multivariate_normal([0, 0], [[1.0, -0.5], [-0.5, 1.0]], size=3000)
    assert max_error_2d(points, domain=((-0.5, 0.5), (0, 1)), samples=(30, 20)) < 0.01


def test_accuracy_2d_strong_correlation():
    points = RNG.multivariate_normal([0, 0], [[1.0, 0.98], [0.98, 1.0]], size=3000)
    assert max_error_2d(points, samples=40) < 0.01


def test_kde_integrates_to_one():
    curve = evaluate(Samples(RNG.normal(size=5000)), domain=(-8, 8), samples=2001)
    assert np.trapezoid(curve.p, curve.t) == pytest.approx(1.0, rel=1e-6)


def test_kde_2d_integrates_to_one():
    points = RNG.normal(size=(5000, 2))
    field = evaluate(points, domain=((-7, 7), (-7, 7)), samples=281)
    mass = np.trapezoid(np.trapezoid(field.z, field.x, axis=1), field.y)
    assert mass == pytest.approx(1.0, rel=1e-6)


def test_kde_never_negative():
    curve = evaluate(Samples(RNG.normal(size=50), bandwidth=0.01), domain=(-10, 10))
    assert (curve.p >= 0).all()
