"""Tests of the bijections in mpl_flowchain.transforms."""

import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpl_flowchain.transforms import (
    Affine,
    AffineCoupling,
    Compose,
    GaussianMixtureCDF,
    Planar,
    Radial,
    RationalQuadraticSpline,
    SinhArcsinh,
    Tanh,
    Transform,
    check_transform,
)

# Round trips must hold to this absolute error, relative to max(1, |x|).
INVERSE_TOL = 1e-10

# Central differences with step 1e-6 have truncation error ~1e-12 times the
# third derivative and rounding error ~1e-10 times |f| / |f'|. A tolerance of
# 1e-6 on the log-derivative leaves room for both and is far below any real
# mistake.
STEP = 1e-6
JACOBIAN_TOL = 1e-6

TRANSFORMS_1D = {
    "affine": Affine(-2.5, 0.7),
    "tanh": Tanh(),
    "sinh_arcsinh": SinhArcsinh(skewness=0.6, tailweight=1.4),
    "sinh_arcsinh_light": SinhArcsinh(skewness=-0.3, tailweight=0.6),
    "planar": Planar(u=1.5, w=2.0, b=0.3),
    "planar_contracting": Planar(u=-0.45, w=2.0, b=-0.5),
    "radial": Radial(alpha=0.7, beta=2.0, center=0.4),
    "radial_contracting": Radial(alpha=1.0, beta=-0.8, center=-0.3),
    "spline": RationalQuadraticSpline(
        [-2.0, -0.5, 0.3, 2.5], [-1.0, 0.5, 0.7, 3.0], [0.4, 2.0, 0.1, 1.7]
    ),
    "spline_bins": RationalQuadraticSpline.from_bins(
        [1.0, 3.0, 0.5, 2.0], [2.0, 0.5, 1.0, 3.0], [0.3, 4.0, 1.2], bound=4.0
    ),
    "mixture_cdf": GaussianMixtureCDF([0.3, 0.7], [-2.0, 1.5], [0.4, 1.2]),
    "compose": Compose([Affine(0.5, 1.0), SinhArcsinh(0.3, 1.2), Planar(1.0, 1.0)]),
}

TRANSFORMS_2D = {
    "affine": Affine([[1.2, 0.4], [-0.3, 0.8]], [0.5, -1.0]),
    "planar": Planar(u=[1.0, -0.5], w=[0.8, 1.5], b=0.2),
    "planar_contracting": Planar(u=[-0.3, -0.2], w=[1.2, 1.0], b=0.0),
    "radial": Radial(alpha=0.5, beta=1.5, center=[0.3, -0.2]),
    "radial_contracting": Radial(alpha=1.0, beta=-0.7, center=[0.0, 0.5]),
    "coupling_polynomial": AffineCoupling([0.1, 0.3], [0.0, 0.5, 0.8]),
    "coupling_callable": AffineCoupling(
        lambda t: 0.5 * np.tanh(t), lambda t: np.sin(t), pass_through=1
    ),
    "compose": Compose(
        [
            AffineCoupling([0.0, 0.2], [0.0, 0.0, 0.5]),
            AffineCoupling(0.3, [1.0, -0.4], pass_through=1),
        ]
    ),
}


def roundtrip_error(a, b):
    """Return the largest |a - b| / max(1, |b|) over all elements."""
    return np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b)))


def finite_difference_log_det(transform, x):
    """Return log |f'(x)| by central differences (1-D)."""
    slope = (transform.forward(x + STEP) - transform.forward(x - STEP)) / (2 * STEP)
    return np.log(np.abs(slope))


def finite_difference_log_det_2d(transform, points):
    """Return log |det J(x)| by central differences, one column per axis."""
    columns = []
    for axis in range(2):
        offset = np.zeros(2)
        offset[axis] = STEP
        forward = transform.forward(points + offset)
        backward = transform.forward(points - offset)
        columns.append((forward - backward) / (2 * STEP))
    jacobian = np.stack(columns, axis=-1)
    return np.log(np.abs(np.linalg.det(jacobian)))


GRID_1D = np.linspace(-6.0, 6.0, 1201) + 1e-3  # off the knots of the splines
POINTS_2D = np.random.default_rng(3).normal(scale=2.0, size=(2000, 2))


# --- 1-D round trips and Jacobians ------------------------------------------


@pytest.mark.parametrize("name", list(TRANSFORMS_1D))
def test_inverse_of_forward_1d(name):
    transform = TRANSFORMS_1D[name]
    # tanh(x) rounds to within 1e-16 of 1 for large x, and atanh magnifies that
    # by 1 / (1 - y^2), so the round trip can be exact only for moderate |x|.
    x = GRID_1D if name != "tanh" else np.linspace(-5, 5, 1001)
    assert roundtrip_error(transform.inverse(transform.forward(x)), x) <= INVERSE_TOL


@pytest.mark.parametrize("name", list(TRANSFORMS_1D))
def test_forward_of_inverse_1d(name):
    transform = TRANSFORMS_1D[name]
    y = GRID_1D if name != "tanh" else np.linspace(-0.999, 0.999, 1001)
    assert roundtrip_error(transform.forward(transform.inverse(y)), y) <= INVERSE_TOL


@pytest.mark.parametrize("name", list(TRANSFORMS_1D))
def test_log_det_matches_difference_1d(name):
    transform = TRANSFORMS_1D[name]
    # Beyond |x| = 4 the slope of tanh is below 1e-3, and the rounding error of
    # the difference quotient grows past the tolerance.
    x = GRID_1D if name != "tanh" else np.linspace(-4, 4, 801)
    expected = finite_difference_log_det(transform, x)
    actual = transform.log_abs_det_jacobian(x)
    assert np.max(np.abs(actual - expected)) <= JACOBIAN_TOL


@pytest.mark.parametrize("name", list(TRANSFORMS_1D))
def test_forward_monotone_1d(name):
    y = TRANSFORMS_1D[name].forward(GRID_1D)
    sign = -1 if name == "affine" else 1  # the affine map has a negative scale
    assert np.all(sign * np.diff(y) > 0)


@pytest.mark.parametrize("name", list(TRANSFORMS_1D))
def test_shape_kept_1d(name):
    transform = TRANSFORMS_1D[name]
    x = np.linspace(-0.5, 0.5, 12).reshape(3, 4)
    assert transform.forward(x).shape == (3, 4)
    assert transform.inverse(x).shape == (3, 4)
    assert transform.log_abs_det_jacobian(x).shape == (3, 4)


def test_tanh_inverse_nan_outside():
    y = np.array([-2.0, -1.0, 1.0, 1.5])
    assert np.all(np.isnan(Tanh().inverse(y)))


def test_tanh_log_det_far_tail():
    # log sech^2(x) = -2|x| + 2 log 2 + O(exp(-2|x|)), which must not overflow.
    x = np.array([-400.0, 400.0])
    expected = -2 * 400.0 + 2 * np.log(2.0)
    assert np.allclose(Tanh().log_abs_det_jacobian(x), expected, rtol=0, atol=1e-12)


def test_spline_passes_through_knots():
    spline = TRANSFORMS_1D["spline"]
    assert np.allclose(spline.forward(spline.x_knots), spline.y_knots, atol=1e-14)


def test_spline_linear_tails():
    spline = TRANSFORMS_1D["spline"]
    x = np.array([-10.0, 10.0])
    expected = [
        spline.y_knots[0] + spline.derivatives[0] * (x[0] - spline.x_knots[0]),
        spline.y_knots[-1] + spline.derivatives[-1] * (x[1] - spline.x_knots[-1]),
    ]
    assert np.allclose(spline.forward(x), expected, atol=1e-14)


def test_spline_from_bins_identity_tails():
    spline = TRANSFORMS_1D["spline_bins"]
    x = np.array([-7.0, -4.5, 4.5, 7.0])
    assert np.allclose(spline.forward(x), x, atol=1e-14)


def test_spline_derivatives_at_knots():
    spline = TRANSFORMS_1D["spline"]
    slopes = np.exp(spline.log_abs_det_jacobian(spline.x_knots))
    assert np.allclose(slopes, spline.derivatives, rtol=1e-12)


def test_mixture_cdf_gaussianises_mixture():
    from scipy import stats

    mixture = TRANSFORMS_1D["mixture_cdf"]
    x = np.linspace(-4, 5, 7)
    cdf = sum(
        w * stats.norm(m, s).cdf(x)
        for w, m, s in zip(mixture.weights, mixture.means, mixture.scales, strict=True)
    )
    assert np.allclose(mixture.forward(x), stats.norm.ppf(cdf), atol=1e-12)


def test_mixture_cdf_far_tails():
    mixture = TRANSFORMS_1D["mixture_cdf"]
    y = np.array([-35.0, -20.0, 20.0, 35.0])
    x = mixture.inverse(y)
    assert np.all(np.isfinite(x))
    assert roundtrip_error(mixture.forward(x), y) <= INVERSE_TOL


def test_mixture_cdf_infinite_input():
    mixture = TRANSFORMS_1D["mixture_cdf"]
    y = np.array([-np.inf, np.inf, np.nan])
    x = mixture.inverse(y)
    assert x[0] == -np.inf
    assert x[1] == np.inf
    assert np.isnan(x[2])


def test_mixture_cdf_weights_normalised():
    mixture = GaussianMixtureCDF([2.0, 6.0], [0.0, 1.0], [1.0, 1.0])
    assert np.allclose(mixture.weights, [0.25, 0.75])


def test_radial_fixes_center():
    radial = TRANSFORMS_1D["radial"]
    assert radial.forward(np.array([0.4]))[0] == pytest.approx(0.4, abs=1e-15)
    assert radial.inverse(np.array([0.4]))[0] == pytest.approx(0.4, abs=1e-15)


def test_planar_inverse_zero_w():
    planar = Planar(u=[0.5, 1.0], w=[0.0, 0.0], b=0.7)
    y = POINTS_2D[:50]
    assert roundtrip_error(planar.forward(planar.inverse(y)), y) <= INVERSE_TOL


# --- 2-D round trips and Jacobians ------------------------------------------


@pytest.mark.parametrize("name", list(TRANSFORMS_2D))
def test_inverse_of_forward_2d(name):
    transform = TRANSFORMS_2D[name]
    x = POINTS_2D
    assert roundtrip_error(transform.inverse(transform.forward(x)), x) <= INVERSE_TOL


@pytest.mark.parametrize("name", list(TRANSFORMS_2D))
def test_forward_of_inverse_2d(name):
    transform = TRANSFORMS_2D[name]
    y = POINTS_2D
    assert roundtrip_error(transform.forward(transform.inverse(y)), y) <= INVERSE_TOL


@pytest.mark.parametrize("name", list(TRANSFORMS_2D))
def test_log_det_matches_difference_2d(name):
    transform = TRANSFORMS_2D[name]
    expected = finite_difference_log_det_2d(transform, POINTS_2D)
    actual = transform.log_abs_det_jacobian(POINTS_2D)
    assert actual.shape == (POINTS_2D.shape[0],)
    assert np.max(np.abs(actual - expected)) <= JACOBIAN_TOL


@pytest.mark.parametrize("name", list(TRANSFORMS_2D))
def test_dim_2d(name):
    assert TRANSFORMS_2D[name].dim == 2


@pytest.mark.parametrize("name", ["affine", "planar", "radial", "coupling_polynomial"])
def test_points_shape_rejected_2d(name):
    with pytest.raises(ValueError, match=r"shape \(N, 2\)"):
        TRANSFORMS_2D[name].forward(np.zeros(5))


def test_affine_2d_matches_matrix():
    affine = TRANSFORMS_2D["affine"]
    expected = POINTS_2D @ np.array([[1.2, 0.4], [-0.3, 0.8]]).T + [0.5, -1.0]
    assert np.allclose(affine.forward(POINTS_2D), expected, atol=1e-14)


def test_coupling_keeps_pass_through():
    coupling = TRANSFORMS_2D["coupling_callable"]
    y = coupling.forward(POINTS_2D)
    assert np.array_equal(y[:, 1], POINTS_2D[:, 1])


# --- hypothesis: random parameters -------------------------------------------

finite = st.floats(-5, 5, allow_nan=False)
positive = st.floats(0.05, 5, allow_nan=False)


@st.composite
def splines(draw):
    bins = draw(st.integers(1, 8))
    widths = np.array(draw(st.lists(positive, min_size=bins, max_size=bins)))
    heights = np.array(draw(st.lists(positive, min_size=bins, max_size=bins)))
    slopes = st.floats(0.05, 20, allow_nan=False)
    derivatives = draw(st.lists(slopes, min_size=bins + 1, max_size=bins + 1))
    x0, y0 = draw(finite), draw(finite)
    x_knots = x0 + np.concatenate([[0.0], np.cumsum(widths)])
    y_knots = y0 + np.concatenate([[0.0], np.cumsum(heights)])
    return RationalQuadraticSpline(x_knots, y_knots, derivatives)


def spline_grid(spline):
    low, high = spline.x_knots[0] - 3.0, spline.x_knots[-1] + 3.0
    return np.linspace(low, high, 997)


@settings(max_examples=60, deadline=None)
@given(splines())
def test_spline_roundtrip_random(spline):
    x = spline_grid(spline)
    assert roundtrip_error(spline.inverse(spline.forward(x)), x) <= INVERSE_TOL


@settings(max_examples=60, deadline=None)
@given(splines())
def test_spline_increasing_random(spline):
    y = spline.forward(spline_grid(spline))
    assert np.all(np.diff(y) > 0)


@settings(max_examples=60, deadline=None)
@given(splines())
def test_spline_log_det_random(spline):
    x = spline_grid(spline)
    # Points within 10 steps of a knot straddle a jump of the second derivative.
    distance = np.min(np.abs(x[:, None] - spline.x_knots), axis=1)
    x = x[distance > 10 * STEP]
    expected = finite_difference_log_det(spline, x)
    # Random knots give bins of curvature up to ~1e3, which raises the
    # truncation error of the difference quotient to ~1e-5; a wrong formula
    # is off by far more.
    assert np.max(np.abs(spline.log_abs_det_jacobian(x) - expected)) <= 1e-4


@settings(max_examples=60, deadline=None)
@given(finite.filter(lambda a: abs(a) > 1e-3), finite)
def test_affine_roundtrip_random(scale, shift):
    affine = Affine(scale, shift)
    x = GRID_1D
    assert roundtrip_error(affine.inverse(affine.forward(x)), x) <= INVERSE_TOL
    assert np.allclose(affine.log_abs_det_jacobian(x), np.log(abs(scale)))


@settings(max_examples=60, deadline=None)
@given(finite, finite, finite)
def test_planar_roundtrip_random(u, w, b):
    if u * w <= -0.99:
        u = -0.99 / w
    planar = Planar(u, w, b)
    y = GRID_1D * 3
    assert roundtrip_error(planar.forward(planar.inverse(y)), y) <= INVERSE_TOL


@settings(max_examples=60, deadline=None)
@given(positive, st.floats(-0.95, 5, allow_nan=False), finite)
def test_radial_roundtrip_random(alpha, beta_ratio, center):
    radial = Radial(alpha, beta_ratio * alpha, center)
    y = GRID_1D * 3
    assert roundtrip_error(radial.forward(radial.inverse(y)), y) <= INVERSE_TOL


@settings(max_examples=60, deadline=None)
@given(finite, st.floats(0.2, 3, allow_nan=False))
def test_sinh_arcsinh_roundtrip_random(skewness, tailweight):
    transform = SinhArcsinh(skewness, tailweight)
    x = GRID_1D
    assert roundtrip_error(transform.inverse(transform.forward(x)), x) <= INVERSE_TOL


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(positive, finite, st.floats(0.1, 3)), min_size=1, max_size=4))
def test_mixture_cdf_roundtrip_random(components):
    weights, means, scales = zip(*components, strict=True)
    mixture = GaussianMixtureCDF(weights, means, scales)
    y = np.linspace(-8, 8, 401)
    assert roundtrip_error(mixture.forward(mixture.inverse(y)), y) <= INVERSE_TOL


# --- invalid parameters ------------------------------------------------------


def test_affine_zero_scale():
    with pytest.raises(ValueError, match="scale is 0"):
        Affine(0.0, 1.0)


def test_affine_singular_matrix():
    with pytest.raises(ValueError, match="singular"):
        Affine([[1.0, 2.0], [2.0, 4.0]])


def test_affine_nearly_singular_matrix():
    with pytest.raises(ValueError, match="condition number"):
        Affine([[1.0, 1.0], [1.0, 1.0 + 1e-14]])


def test_affine_nonsquare_scale():
    with pytest.raises(ValueError, match="square matrix"):
        Affine([[1.0, 2.0, 3.0], [0.0, 1.0, 0.0]])


def test_affine_shift_shape():
    with pytest.raises(ValueError, match=r"shift has shape \(3,\)"):
        Affine(np.eye(2), [1.0, 2.0, 3.0])


def test_affine_infinite_scale():
    with pytest.raises(ValueError, match="finite"):
        Affine(np.inf)


def test_sinh_arcsinh_nonpositive_tailweight():
    with pytest.raises(ValueError, match="tailweight must be positive"):
        SinhArcsinh(tailweight=0.0)


def test_sinh_arcsinh_nan_skewness():
    with pytest.raises(ValueError, match="skewness must be finite"):
        SinhArcsinh(skewness=np.nan)


def test_planar_below_bound():
    with pytest.raises(ValueError, match=r"w \. u = -2"):
        Planar(u=-1.0, w=2.0)


def test_planar_at_bound():
    with pytest.raises(ValueError, match=r"w \. u > -1"):
        Planar(u=[-0.5, -0.5], w=[1.0, 1.0])


def test_planar_shape_mismatch():
    with pytest.raises(ValueError, match="same length"):
        Planar(u=[1.0, 0.0], w=1.0)


def test_planar_bias_array():
    with pytest.raises(ValueError, match="single number"):
        Planar(u=1.0, w=1.0, b=[0.0, 1.0])


def test_radial_nonpositive_alpha():
    with pytest.raises(ValueError, match="alpha must be positive"):
        Radial(alpha=0.0, beta=1.0)


def test_radial_beta_below_bound():
    with pytest.raises(ValueError, match="beta > -alpha"):
        Radial(alpha=1.0, beta=-1.5)


def test_radial_beta_at_bound():
    with pytest.raises(ValueError, match="beta > -alpha"):
        Radial(alpha=1.0, beta=-1.0)


def test_spline_knots_not_increasing():
    with pytest.raises(ValueError, match=r"x_knots\[1\] = 1 >= x_knots\[2\] = 1"):
        RationalQuadraticSpline([0.0, 1.0, 1.0], [0.0, 1.0, 2.0], [1.0, 1.0, 1.0])


def test_spline_y_knots_decreasing():
    with pytest.raises(ValueError, match="y_knots must be strictly increasing"):
        RationalQuadraticSpline([0.0, 1.0], [1.0, 0.0], [1.0, 1.0])


def test_spline_nonpositive_derivative():
    with pytest.raises(ValueError, match=r"derivatives\[1\] = 0"):
        RationalQuadraticSpline([0.0, 1.0, 2.0], [0.0, 1.0, 2.0], [1.0, 0.0, 1.0])


def test_spline_length_mismatch():
    with pytest.raises(ValueError, match="one y value and one derivative"):
        RationalQuadraticSpline([0.0, 1.0, 2.0], [0.0, 1.0], [1.0, 1.0, 1.0])


def test_spline_single_knot():
    with pytest.raises(ValueError, match="at least 2 numbers"):
        RationalQuadraticSpline([0.0], [0.0], [1.0])


def test_spline_bins_derivative_count():
    with pytest.raises(ValueError, match="2 inner knots"):
        RationalQuadraticSpline.from_bins([1, 1, 1], [1, 1, 1], [1.0])


def test_spline_bins_negative_width():
    with pytest.raises(ValueError, match="widths must be positive"):
        RationalQuadraticSpline.from_bins([1, -1], [1, 1], [1.0])


def test_spline_bins_negative_derivative():
    with pytest.raises(ValueError, match="derivatives must be positive"):
        RationalQuadraticSpline.from_bins([1, 1], [1, 1], [-1.0])


def test_mixture_cdf_negative_weight():
    with pytest.raises(ValueError, match="weights must be positive"):
        GaussianMixtureCDF([0.5, -0.5], [0.0, 1.0], [1.0, 1.0])


def test_mixture_cdf_zero_scale():
    with pytest.raises(ValueError, match="scales must be positive"):
        GaussianMixtureCDF([0.5, 0.5], [0.0, 1.0], [1.0, 0.0])


def test_mixture_cdf_length_mismatch():
    with pytest.raises(ValueError, match="one of each per component"):
        GaussianMixtureCDF([0.5, 0.5], [0.0], [1.0, 1.0])


def test_coupling_bad_pass_through():
    with pytest.raises(ValueError, match="pass_through must be 0 or 1"):
        AffineCoupling(pass_through=2)


def test_coupling_bad_conditioner():
    with pytest.raises(TypeError, match="log_scale must be a callable"):
        AffineCoupling(log_scale="quadratic")


def test_coupling_conditioner_wrong_shape():
    coupling = AffineCoupling(shift=lambda t: np.zeros((t.size, 2)))
    with pytest.raises(ValueError, match=r"shift returned an array of shape \(4, 2\)"):
        coupling.forward(np.zeros((4, 2)))


def test_coupling_constant_conditioner():
    coupling = AffineCoupling(log_scale=lambda t: 0.5, shift=1.0)
    y = coupling.forward(np.zeros((3, 2)))
    assert np.allclose(y[:, 1], 1.0)


# --- the protocol and Compose ------------------------------------------------


class ForwardOnly:
    def forward(self, x):
        return x


class NotCallableInverse:
    inverse = 3.0

    def forward(self, x):
        return x

    def log_abs_det_jacobian(self, x):
        return np.zeros_like(x)


def test_protocol_isinstance():
    assert isinstance(Affine(2.0), Transform)
    assert not isinstance(ForwardOnly(), Transform)


def test_check_transform_names_missing():
    with pytest.raises(TypeError, match="lacks inverse and log_abs_det_jacobian"):
        check_transform(ForwardOnly(), "transforms[1]")


def test_check_transform_not_callable():
    with pytest.raises(TypeError, match="has inverse that is not callable"):
        check_transform(NotCallableInverse())


def test_check_transform_class():
    with pytest.raises(TypeError, match=r"class Tanh, not a transform.*Tanh\(\.\.\.\)"):
        check_transform(Tanh)


def test_check_transform_bad_dim():
    transform = Affine(1.0)
    transform.dim = 0
    with pytest.raises(TypeError, match="dim=0"):
        check_transform(transform)


def test_compose_order():
    compose = Compose([Affine(2.0), Affine(1.0, 3.0)])
    assert compose.forward(np.array([1.0]))[0] == 5.0


def test_compose_log_det_sums():
    members = [Affine(2.0), SinhArcsinh(0.3, 1.5)]
    x = GRID_1D
    expected = np.log(2.0) + members[1].log_abs_det_jacobian(2.0 * x)
    assert np.allclose(Compose(members).log_abs_det_jacobian(x), expected)


def test_compose_empty():
    with pytest.raises(ValueError, match="at least one transform"):
        Compose([])


def test_compose_single_transform():
    with pytest.raises(TypeError, match="wrap a single transform in a list"):
        Compose(Tanh())


def test_compose_mixed_dims():
    with pytest.raises(ValueError, match="transforms\\[1\\] has dim=2"):
        Compose([Tanh(), Affine(np.eye(2))])


def test_compose_bad_member():
    with pytest.raises(TypeError, match=r"transforms\[1\] \(ForwardOnly\) lacks"):
        Compose([Tanh(), ForwardOnly()])


def test_repr_shows_parameters():
    assert repr(Planar(1.5, 2.0, 0.3)) == "Planar(u=1.5, w=2.0, b=0.3)"
    assert "alpha=0.7" in repr(TRANSFORMS_1D["radial"])


def test_import_without_scipy():
    code = (
        "import sys, mpl_flowchain.transforms, mpl_flowchain.flow; "
        "sys.exit('scipy' in sys.modules)"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    result = subprocess.run([sys.executable, "-c", code], env=env, check=False)
    assert result.returncode == 0


def test_planar_empty_vectors():
    with pytest.raises(ValueError, match="non-empty 1-D sequence"):
        Planar(u=[], w=[])
