"""Tests of the densities and samples that mpl_flowchain.flow pushes through."""

import numpy as np
import pytest
from scipy import stats

from mpl_flowchain.densities import Density2D
from mpl_flowchain.flow import PushedDensity, push_forward, push_samples
from mpl_flowchain.transforms import (
    Affine,
    AffineCoupling,
    GaussianMixtureCDF,
    Planar,
    Radial,
    RationalQuadraticSpline,
    SinhArcsinh,
    Tanh,
)

SAMPLES = 200_000
SEED = 20240601

# Bin counts are binomial, so (count - expected) / sd is close to a standard
# normal for every bin with 20 or more expected samples. Over at most 400 bins
# the largest |z| exceeds 5 with probability below 1e-3, while the broken
# Jacobians below reach |z| > 20.
Z_LIMIT = 5.0
MIN_EXPECTED = 20

# Each stage must integrate to 1 within this.
MASS_TOL = 1e-3

CHAIN_1D = [
    Affine(0.8, 0.3),
    [SinhArcsinh(skewness=0.5, tailweight=0.9), Planar(u=1.5, w=2.0, b=0.2)],
    Radial(alpha=1.0, beta=-0.6, center=0.2),
    RationalQuadraticSpline.from_bins([1, 2, 1, 3], [2, 1, 3, 1], [0.5, 3.0, 0.8], 4.0),
    GaussianMixtureCDF([0.4, 0.6], [-1.5, 1.0], [0.5, 0.8]),
    [Affine(0.4), Tanh()],
]

SINGLE_1D = {
    "affine": Affine(-1.7, 0.4),
    "tanh": Tanh(),
    "sinh_arcsinh": SinhArcsinh(skewness=-0.8, tailweight=0.7),
    "planar": Planar(u=-0.8, w=1.1, b=0.5),
    "radial": Radial(alpha=0.5, beta=3.0, center=-0.4),
    "spline": RationalQuadraticSpline(
        [-2.0, -0.5, 0.3, 2.5], [-1.0, 0.5, 0.7, 3.0], [0.4, 2.0, 0.1, 1.7]
    ),
    "mixture_cdf": GaussianMixtureCDF([0.3, 0.7], [-2.0, 1.5], [0.4, 1.2]),
}

CHAIN_2D = [
    Affine([[1.2, 0.5], [-0.3, 0.9]], [0.5, -0.2]),
    Planar(u=[1.0, -0.6], w=[1.5, 0.8], b=0.3),
    Radial(alpha=0.8, beta=-0.5, center=[0.5, 0.0]),
    [
        AffineCoupling([0.0, 0.15], [0.0, 0.0, 0.6]),
        AffineCoupling(lambda t: 0.3 * np.tanh(t), np.sin, pass_through=1),
    ],
]


class FlippedJacobian:
    """A transform whose log-Jacobian has the wrong sign."""

    def __init__(self, transform):
        self.transform = transform
        self.dim = transform.dim
        self.forward = transform.forward
        self.inverse = transform.inverse

    def log_abs_det_jacobian(self, x):
        return -self.transform.log_abs_det_jacobian(x)


class DroppedJacobian(FlippedJacobian):
    """A transform whose log-Jacobian term is missing (always 0)."""

    def log_abs_det_jacobian(self, x):
        return np.zeros(np.shape(x)[: 1 if self.dim == 2 else None])


class ShiftMap:
    """``x -> 2 x + 1`` with an inverse that forgets the shift."""

    def forward(self, x):
        return 2 * x + 1

    def inverse(self, y):
        return y / 2

    def log_abs_det_jacobian(self, x):
        return np.full(np.shape(x), np.log(2.0))


class ForwardOnly:
    def forward(self, x):
        return x


class WrongShapeInverse(ShiftMap):
    def inverse(self, y):
        return (y - 1) / 2

    def log_abs_det_jacobian(self, x):
        return np.log(2.0)


# --- helpers -----------------------------------------------------------------


def base_samples_1d():
    return np.random.default_rng(SEED).standard_normal(SAMPLES)


def base_samples_2d():
    return np.random.default_rng(SEED).standard_normal((SAMPLES, 2))


def composite_nodes(edges, pieces=32, nodes=4):
    """Return Gauss-Legendre nodes and weights, *pieces* panels per bin.

    Splitting each bin keeps the rule accurate where the density has a kink
    (at the knots of a spline, whose second derivative jumps).
    """
    t, w = np.polynomial.legendre.leggauss(nodes)
    fine = np.linspace(edges[:-1], edges[1:], pieces + 1, axis=1)
    half = np.diff(fine, axis=1)[..., None] / 2
    centers = (fine[:, :-1, None] + fine[:, 1:, None]) / 2
    points = (centers + half * t).reshape(len(edges) - 1, -1)
    weights = (half * w).reshape(len(edges) - 1, -1)
    return points, weights


def bin_probabilities(density, edges):
    """Return the integral of *density* over each bin."""
    points, weights = composite_nodes(edges)
    return np.sum(density(points) * weights, axis=1)


def bin_probabilities_2d(density, x_edges, y_edges, nodes=5):
    """Return the integral of a 2-D *density* over each cell, by Gauss-Legendre."""
    t, w = np.polynomial.legendre.leggauss(nodes)

    def axis_points(edges):
        half = np.diff(edges)[:, None] / 2
        centers = (edges[:-1, None] + edges[1:, None]) / 2
        return centers + half * t, half * w

    xs, wx = axis_points(x_edges)
    ys, wy = axis_points(y_edges)
    # Axes: x bin, x node, y bin, y node.
    grid_x = np.broadcast_to(xs[:, :, None, None], xs.shape + ys.shape)
    grid_y = np.broadcast_to(ys[None, None, :, :], xs.shape + ys.shape)
    values = density(np.stack([grid_x, grid_y], axis=-1))
    weights = wx[:, :, None, None] * wy[None, None, :, :]
    return np.sum(values * weights, axis=(1, 3))


def max_zscore(expected_probability, counts):
    """Return the largest |z| of the bin counts against their probabilities."""
    expected = SAMPLES * expected_probability
    sd = np.sqrt(expected * (1 - expected_probability))
    used = expected >= MIN_EXPECTED
    assert used.sum() >= 10, "too few populated bins to compare"
    return np.max(np.abs(counts[used] - expected[used]) / sd[used])


def histogram_zscore(density, samples, bins=40):
    low, high = np.quantile(samples, [0.002, 0.998])
    edges = np.linspace(low, high, bins + 1)
    counts, _ = np.histogram(samples, edges)
    return max_zscore(bin_probabilities(density, edges), counts)


def histogram_zscore_2d(density, samples, bins=20):
    edges = [np.linspace(*np.quantile(s, [0.005, 0.995]), bins + 1) for s in samples.T]
    counts, _, _ = np.histogram2d(samples[:, 0], samples[:, 1], edges)
    return max_zscore(bin_probabilities_2d(density, *edges), counts)


def total_mass(density, samples):
    """Return the integral of a 1-D density over a wide interval.

    The interval reaches one sample range beyond the samples on each side
    (or stops at the image (-1, 1) of a final Tanh).
    """
    spread = samples.max() - samples.min()
    low, high = samples.min() - spread, samples.max() + spread
    if density.transforms and isinstance(density.transforms[-1], Tanh):
        low, high = -1.0, 1.0
    points, weights = composite_nodes(np.array([low, high]), pieces=4000)
    return np.sum(density(points) * weights)


def total_mass_2d(density, samples, points=501):
    """Return the integral of a 2-D density over a box around the samples.

    The box reaches half the sample range beyond the samples on each side.
    """
    axes = []
    for column in samples.T:
        margin = (column.max() - column.min()) / 2
        axes.append(np.linspace(column.min() - margin, column.max() + margin, points))
    grid = np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1)
    values = density(grid)
    return np.trapezoid(np.trapezoid(values, axes[1], axis=1), axes[0])


# --- 1-D chain ---------------------------------------------------------------


@pytest.fixture(scope="module")
def chain_1d():
    densities = push_forward(stats.norm(), CHAIN_1D, check_domain=(-6.0, 6.0))
    samples = push_samples(base_samples_1d(), CHAIN_1D)
    return densities, samples


@pytest.mark.parametrize("stage", range(len(CHAIN_1D) + 1))
def test_chain_mass_1d(chain_1d, stage):
    densities, samples = chain_1d
    assert total_mass(densities[stage], samples[stage]) == pytest.approx(
        1.0, abs=MASS_TOL
    )


@pytest.mark.parametrize("stage", range(len(CHAIN_1D) + 1))
def test_chain_histogram_1d(chain_1d, stage):
    densities, samples = chain_1d
    assert histogram_zscore(densities[stage], samples[stage]) < Z_LIMIT


def test_chain_stage_count(chain_1d):
    densities, samples = chain_1d
    assert len(densities) == len(CHAIN_1D) + 1
    assert len(samples) == len(CHAIN_1D) + 1


def test_gap_entry_applies_all(chain_1d):
    densities, _ = chain_1d
    assert len(densities[2].transforms) == 3


@pytest.mark.parametrize("name", list(SINGLE_1D))
def test_single_histogram_1d(name):
    transform = SINGLE_1D[name]
    density = push_forward(stats.norm(), [transform])[1]
    samples = transform.forward(base_samples_1d())
    assert histogram_zscore(density, samples) < Z_LIMIT


@pytest.mark.parametrize("name", list(SINGLE_1D))
def test_single_mass_1d(name):
    transform = SINGLE_1D[name]
    density = push_forward(stats.norm(), [transform])[1]
    samples = transform.forward(base_samples_1d())
    assert total_mass(density, samples) == pytest.approx(1.0, abs=MASS_TOL)


# --- the comparisons fail on a broken Jacobian -------------------------------


@pytest.mark.parametrize("name", ["sinh_arcsinh", "planar", "spline", "mixture_cdf"])
def test_flipped_sign_detected_1d(name):
    transform = SINGLE_1D[name]
    density = push_forward(stats.norm(), [FlippedJacobian(transform)])[1]
    samples = transform.forward(base_samples_1d())
    assert histogram_zscore(density, samples) > 4 * Z_LIMIT
    assert abs(total_mass(density, samples) - 1.0) > 10 * MASS_TOL


def test_dropped_term_detected_1d():
    broken = list(CHAIN_1D)
    broken[2] = DroppedJacobian(CHAIN_1D[2])
    density = push_forward(stats.norm(), broken)[3]
    samples = push_samples(base_samples_1d(), CHAIN_1D)[3]
    assert histogram_zscore(density, samples) > 4 * Z_LIMIT
    assert abs(total_mass(density, samples) - 1.0) > 10 * MASS_TOL


def test_dropped_term_in_gap_detected():
    broken = list(CHAIN_1D)
    broken[1] = [CHAIN_1D[1][0], DroppedJacobian(CHAIN_1D[1][1])]
    density = push_forward(stats.norm(), broken)[2]
    samples = push_samples(base_samples_1d(), CHAIN_1D)[2]
    assert histogram_zscore(density, samples) > 4 * Z_LIMIT


# --- exact densities ---------------------------------------------------------


def test_affine_gives_normal():
    density = push_forward(stats.norm(), [Affine(-2.0, 3.0)])[1]
    z = np.linspace(-10, 15, 101)
    assert np.allclose(density(z), stats.norm(3.0, 2.0).pdf(z), rtol=1e-12, atol=0)


def test_tanh_density_closed_form():
    density = push_forward(stats.norm(), [Tanh()])[1]
    z = np.linspace(-0.99, 0.99, 99)
    expected = stats.norm.pdf(np.arctanh(z)) / (1 - z**2)
    assert np.allclose(density(z), expected, rtol=1e-12, atol=0)


def test_tanh_zero_outside():
    density = push_forward(stats.norm(), [Tanh()])[1]
    z = np.array([-3.0, -1.0, 1.0, 1.5])
    assert np.all(density(z) == 0)
    assert np.all(density.logpdf(z) == -np.inf)


def test_mixture_cdf_gaussianises_base():
    weights, means, scales = [0.3, 0.7], [-2.0, 1.5], [0.4, 1.2]

    def mixture_pdf(t):
        return sum(
            w * stats.norm(m, s).pdf(t)
            for w, m, s in zip(weights, means, scales, strict=True)
        )

    density = push_forward(mixture_pdf, [GaussianMixtureCDF(weights, means, scales)])
    z = np.linspace(-6, 6, 121)
    assert np.allclose(density[1](z), stats.norm.pdf(z), rtol=1e-9, atol=0)


def test_logpdf_matches_pdf():
    density = push_forward(stats.norm(), CHAIN_1D)[4]
    z = np.linspace(-3, 3, 31)
    assert np.allclose(np.exp(density.logpdf(z)), density(z), rtol=1e-14)


def test_density_keeps_shape():
    density = push_forward(stats.norm(), CHAIN_1D)[3]
    assert density(np.zeros((2, 5))).shape == (2, 5)


def test_density_nan_input_zero():
    density = push_forward(stats.norm(), CHAIN_1D)[3]
    assert density(np.array([np.nan]))[0] == 0


def test_stage_zero_is_base():
    density = push_forward(stats.norm(), CHAIN_1D)[0]
    z = np.linspace(-4, 4, 9)
    assert np.allclose(density(z), stats.norm.pdf(z), rtol=1e-14)


def test_callable_base():
    def laplace(t):
        return 0.5 * np.exp(-np.abs(t))

    density = push_forward(laplace, [Affine(2.0)])[1]
    assert density(np.array([2.0]))[0] == pytest.approx(0.25 * np.exp(-1.0))


def test_pushed_density_type():
    densities = push_forward(stats.norm(), [Tanh()])
    assert all(isinstance(d, PushedDensity) for d in densities)
    assert densities[1].dim == 1


# --- 2-D ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def chain_2d():
    base = stats.multivariate_normal(np.zeros(2))
    domain = ((-5.0, 5.0), (-5.0, 5.0))
    densities = push_forward(base, CHAIN_2D, check_domain=domain)
    samples = push_samples(base_samples_2d(), CHAIN_2D)
    return densities, samples


@pytest.mark.parametrize("stage", range(len(CHAIN_2D) + 1))
def test_chain_mass_2d(chain_2d, stage):
    densities, samples = chain_2d
    assert total_mass_2d(densities[stage], samples[stage]) == pytest.approx(
        1.0, abs=MASS_TOL
    )


@pytest.mark.parametrize("stage", range(len(CHAIN_2D) + 1))
def test_chain_histogram_2d(chain_2d, stage):
    densities, samples = chain_2d
    assert histogram_zscore_2d(densities[stage], samples[stage]) < Z_LIMIT


def test_chain_dim_2d(chain_2d):
    densities, _ = chain_2d
    assert all(d.dim == 2 for d in densities)


def test_flipped_sign_detected_2d():
    broken = [*CHAIN_2D[:3], [CHAIN_2D[3][0], FlippedJacobian(CHAIN_2D[3][1])]]
    base = stats.multivariate_normal(np.zeros(2))
    density = push_forward(base, broken)[4]
    samples = push_samples(base_samples_2d(), CHAIN_2D)[4]
    assert histogram_zscore_2d(density, samples) > 4 * Z_LIMIT
    assert abs(total_mass_2d(density, samples) - 1.0) > 10 * MASS_TOL


def test_dropped_term_detected_2d():
    broken = [CHAIN_2D[0], DroppedJacobian(CHAIN_2D[1])]
    base = stats.multivariate_normal(np.zeros(2))
    density = push_forward(base, broken)[2]
    samples = push_samples(base_samples_2d(), CHAIN_2D[:2])[2]
    assert histogram_zscore_2d(density, samples) > 4 * Z_LIMIT


def test_affine_gives_normal_2d():
    matrix, shift = np.array([[1.2, 0.5], [-0.3, 0.9]]), np.array([0.5, -0.2])
    density = push_forward(
        stats.multivariate_normal(np.zeros(2)), [Affine(matrix, shift)]
    )
    points = np.random.default_rng(1).normal(size=(50, 2))
    expected = stats.multivariate_normal(shift, matrix @ matrix.T).pdf(points)
    assert np.allclose(density[1](points), expected, rtol=1e-12, atol=0)


def test_callable_base_2d():
    def normal(points):
        return np.exp(-0.5 * np.sum(points**2, axis=1)) / (2 * np.pi)

    density = push_forward(normal, [Affine(2 * np.eye(2))])[1]
    expected = stats.multivariate_normal(np.zeros(2), 4 * np.eye(2)).pdf([1.0, -1.0])
    assert density(np.array([[1.0, -1.0]]))[0] == pytest.approx(expected, rel=1e-12)


def test_xy_function_base_2d():
    def normal(x, y):
        return np.exp(-0.5 * (x**2 + y**2)) / (2 * np.pi)

    density = push_forward(normal, [Affine(2 * np.eye(2))])[1]
    expected = stats.multivariate_normal(np.zeros(2), 4 * np.eye(2)).pdf([1.0, -1.0])
    assert density(np.array([[1.0, -1.0]]))[0] == pytest.approx(expected, rel=1e-12)


def test_density2d_base():
    base = Density2D(lambda *xy: np.exp(-0.5 * (xy[0] ** 2 + xy[1] ** 2)) / (2 * np.pi))
    density = push_forward(base, [Affine(2 * np.eye(2))])[1]
    expected = stats.multivariate_normal(np.zeros(2), 4 * np.eye(2)).pdf([1.0, -1.0])
    assert density(np.array([[1.0, -1.0]]))[0] == pytest.approx(expected, rel=1e-12)


def test_kde_base_2d():
    samples = base_samples_2d()[:2000]
    kde = stats.gaussian_kde(samples.T)
    density = push_forward(kde, [Affine(np.eye(2), [1.0, 0.0])])[1]
    point = np.array([[1.3, 0.2]])
    assert density(point)[0] == pytest.approx(kde(np.array([[0.3], [0.2]]))[0])


def test_single_point_2d():
    density = push_forward(stats.multivariate_normal(np.zeros(2)), CHAIN_2D)[2]
    assert density(np.array([[0.1, 0.2]])).shape == (1,)


def test_explicit_dim_2d():
    def normal(points):
        return np.exp(-0.5 * np.sum(points**2, axis=1)) / (2 * np.pi)

    densities = push_forward(normal, [], dim=2)
    assert densities[0](np.zeros((3, 2))).shape == (3,)


# --- push_samples ------------------------------------------------------------


def test_push_samples_matches_forward():
    x = np.linspace(-2, 2, 11)
    stages = push_samples(x, CHAIN_1D)
    expected = CHAIN_1D[1][1].forward(CHAIN_1D[1][0].forward(CHAIN_1D[0].forward(x)))
    assert np.allclose(stages[2], expected, rtol=0, atol=0)


def test_push_samples_copies_base():
    x = np.linspace(-2, 2, 11)
    stages = push_samples(x, [Tanh()])
    stages[0][0] = 99.0
    assert x[0] == -2.0


def test_push_samples_shape_2d():
    stages = push_samples(base_samples_2d()[:10], CHAIN_2D)
    assert [s.shape for s in stages] == [(10, 2)] * (len(CHAIN_2D) + 1)


def test_push_samples_wrong_shape():
    with pytest.raises(ValueError, match=r"samples has shape \(5,\).*\(N, 2\)"):
        push_samples(np.zeros(5), [AffineCoupling()])


# --- validation --------------------------------------------------------------


def test_arrow_count_mismatch():
    with pytest.raises(ValueError, match="got 1 transforms for 2 arrows"):
        push_forward(stats.norm(), [Tanh()], arrows=2)


def test_arrow_count_gap_entry():
    densities = push_forward(stats.norm(), [Tanh(), [Affine(2.0), Tanh()]], arrows=2)
    assert len(densities) == 3


def test_single_transform_not_list():
    with pytest.raises(TypeError, match="wrap it in a list"):
        push_forward(stats.norm(), Tanh())


def test_transforms_not_sequence():
    with pytest.raises(TypeError, match="got int"):
        push_forward(stats.norm(), 3)


def test_empty_gap_entry():
    with pytest.raises(ValueError, match=r"transforms\[1\] is an empty sequence"):
        push_forward(stats.norm(), [Tanh(), []])


def test_missing_method_named():
    with pytest.raises(
        TypeError,
        match=r"transforms\[1\]\[0\] \(ForwardOnly\) lacks inverse and "
        "log_abs_det_jacobian",
    ):
        push_forward(stats.norm(), [Tanh(), [ForwardOnly(), Tanh()]])


def test_mixed_dims():
    with pytest.raises(
        ValueError, match=r"transforms\[1\] \(AffineCoupling\) has dim=2"
    ):
        push_forward(stats.norm(), [Tanh(), AffineCoupling()])


def test_base_dim_conflict():
    base = stats.multivariate_normal(np.zeros(2))
    with pytest.raises(ValueError, match="base density has dim=2"):
        push_forward(base, [Tanh()])


def test_dim_conflict():
    with pytest.raises(ValueError, match="dim=2 was given"):
        push_forward(stats.norm(), [Tanh()], dim=2)


def test_dim_invalid():
    with pytest.raises(ValueError, match="dim must be 1 or 2, got 3"):
        push_forward(stats.norm(), [], dim=3)


def test_bad_inverse_reported():
    with pytest.raises(
        ValueError,
        match=r"transforms\[0\] \(ShiftMap\): inverse does not invert forward.*"
        r"reaches 1 at z = -0\.99,",
    ):
        push_forward(stats.norm(), [ShiftMap()], check_domain=(-3.0, 3.0))


def test_bad_inverse_in_gap_named():
    with pytest.raises(ValueError, match=r"transforms\[1\]\[1\] \(ShiftMap\)"):
        push_forward(
            stats.norm(), [Tanh(), [Affine(2.0), ShiftMap()]], check_domain=(-3, 3)
        )


def test_bad_inverse_unchecked_without_domain():
    densities = push_forward(stats.norm(), [ShiftMap()])
    assert len(densities) == 2


def test_bad_inverse_skipped_stage():
    densities = push_forward(stats.norm(), [ShiftMap()], check_domain=[(-3, 3), None])
    assert len(densities) == 2


def test_bad_inverse_reported_2d():
    broken = AffineCoupling(shift=[0.0, 1.0])
    broken.inverse = lambda y: y
    with pytest.raises(ValueError, match=r"transforms\[0\] \(AffineCoupling\)"):
        push_forward(
            stats.multivariate_normal(np.zeros(2)),
            [broken],
            check_domain=((-2, 2), (-2, 2)),
        )


def test_inverse_nan_on_domain():
    with pytest.raises(ValueError, match="NaN or infinite values at every point"):
        push_forward(stats.norm(), [Tanh()], check_domain=(2.0, 3.0))


def test_domain_beyond_image_accepted():
    densities = push_forward(stats.norm(), [Tanh()], check_domain=(-2.0, 2.0))
    assert len(densities) == 2


def test_check_domain_count():
    with pytest.raises(ValueError, match="3 entries for 2 stages"):
        push_forward(stats.norm(), [Tanh()], check_domain=[(-1, 1)] * 3)


def test_check_domain_reversed():
    with pytest.raises(ValueError, match=r"low < high, got \(3\.0, -3\.0\)"):
        push_forward(stats.norm(), [Tanh()], check_domain=(3.0, -3.0))


def test_check_domain_not_pair():
    with pytest.raises(ValueError, match="check_domain must be a domain"):
        push_forward(stats.norm(), [Tanh()], check_domain=5.0)


def test_check_domain_2d_one_axis():
    base = stats.multivariate_normal(np.zeros(2))
    with pytest.raises(ValueError, match="one \\(low, high\\) pair per axis"):
        push_forward(base, [AffineCoupling()], check_domain=[[(-1, 1)], [(-1, 1)]])


def test_inverse_tol_invalid():
    with pytest.raises(ValueError, match="inverse_tol must be a positive number"):
        push_forward(stats.norm(), [Tanh()], check_domain=(-1, 1), inverse_tol=0)


def test_base_unsupported():
    with pytest.raises(TypeError, match="unsupported density of type object"):
        push_forward(object(), [Tanh()])


def test_base_unsupported_2d():
    with pytest.raises(TypeError, match="unsupported 2-D base density of type int"):
        push_forward(3, [AffineCoupling()])


def test_formula_base():
    density = push_forward("exp(-abs(t))/2", [Affine(2.0)])[1]
    assert density(np.array([2.0]))[0] == pytest.approx(0.25 * np.exp(-1.0))


def test_base_wrong_shape():
    density = push_forward(lambda t: np.ones((t.size, 2)), [Tanh()])[1]
    with pytest.raises(ValueError, match=r"returned an array of shape \(3, 2\)"):
        density(np.zeros(3))


def test_base_negative():
    density = push_forward(lambda t: -np.ones_like(t), [Tanh()])[1]
    with pytest.raises(ValueError, match="negative values"):
        density(np.zeros(3))


def test_base_nan():
    density = push_forward(lambda t: np.full_like(t, np.nan), [Tanh()])[1]
    with pytest.raises(ValueError, match="returned NaN at 3 of 3 points"):
        density(np.zeros(3))


def test_transform_output_shape():
    density = push_forward(stats.norm(), [WrongShapeInverse()])[1]
    with pytest.raises(ValueError, match="log_abs_det_jacobian returned an array"):
        density(np.zeros(3))


def test_points_shape_2d():
    density = push_forward(stats.multivariate_normal(np.zeros(2)), CHAIN_2D)[1]
    with pytest.raises(ValueError, match=r"z has shape \(4,\)"):
        density(np.zeros(4))


# --- use as a density source -------------------------------------------------


def test_densities_evaluate_1d():
    from mpl_flowchain.densities import evaluate

    density = push_forward(stats.norm(), [Tanh()])[1]
    curve = evaluate(density, domain=(-1.5, 1.5), samples=301)
    assert np.allclose(curve.p, density(curve.t), rtol=1e-14)
    assert curve.p[0] == 0


def test_densities_evaluate_2d():
    from mpl_flowchain.densities import evaluate

    base = stats.multivariate_normal(np.zeros(2))
    density = push_forward(base, CHAIN_2D)[4]
    field = evaluate(density, domain=((-3, 3), (-4, 4)), samples=41)
    grid_x, grid_y = np.meshgrid(field.x, field.y)
    expected = density(np.stack([grid_x, grid_y], axis=-1))
    assert np.allclose(field.z, expected, rtol=1e-14)
