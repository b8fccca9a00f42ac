"""One-dimensional density sources: evaluate, to_function and bad input."""

import functools
import subprocess
import sys

import numpy as np
import pytest
from scipy import stats

from mpl_flowchain.densities import (
    Curve,
    Formula,
    GaussianMixture,
    Samples,
    evaluate,
    to_function,
)

RNG = np.random.default_rng(20261204)
DRAWS = RNG.normal(0.3, 0.5, size=3000)


def gaussian(t):
    return np.exp(-10 * t**2)


# Sources and their defaults.

def test_callable_default_grid():
    curve = evaluate(gaussian)
    assert curve.t.shape == (201,)
    assert curve.domain == (-1.0, 1.0)
    np.testing.assert_array_equal(curve.p, gaussian(curve.t))


def test_callable_domain_and_samples():
    curve = evaluate(gaussian, domain=(0, 2), samples=11)
    np.testing.assert_array_equal(curve.t, np.linspace(0, 2, 11))


def test_curve_passes_through():
    curve = Curve(np.array([0.0, 1.0]), np.array([1.0, 2.0]))
    assert evaluate(curve) is curve


def test_scipy_distribution_domain():
    dist = stats.gamma(2.0, scale=0.5)
    curve = evaluate(dist)
    assert curve.domain == (dist.ppf(0.001), dist.ppf(0.999))
    np.testing.assert_array_equal(curve.p, dist.pdf(curve.t))


def test_scipy_distribution_domain_override():
    curve = evaluate(stats.norm(0, 1), domain=(-2, 2))
    assert curve.domain == (-2.0, 2.0)


def test_mixture_values():
    mixture = GaussianMixture([0.7, 0.3], [-0.4, 0.5], [0.15, 0.1])
    curve = evaluate(mixture)
    expected = (0.7 * stats.norm(-0.4, 0.15).pdf(curve.t)
                + 0.3 * stats.norm(0.5, 0.1).pdf(curve.t))
    np.testing.assert_allclose(curve.p, expected, rtol=1e-13)


def test_mixture_domain():
    mixture = GaussianMixture([1, 1], [0.0, 2.0], [0.5, 0.25])
    assert evaluate(mixture).domain == (-2.0, 3.0)


def test_mixture_weights_normalised():
    mixture = GaussianMixture([2, 6], [0, 1], [1, 1])
    np.testing.assert_allclose(mixture.weights, [0.25, 0.75])


def test_mixture_integrates_to_one():
    mixture = GaussianMixture([3, 1, 1], [-1, 0, 2], [0.2, 0.5, 0.3])
    t = np.linspace(-5, 5, 20001)
    assert np.trapezoid(mixture(t), t) == pytest.approx(1.0, rel=1e-9)


def test_table_keeps_points():
    t = np.array([0.0, 0.5, 2.0])
    p = np.array([0.0, 1.0, 0.5])
    curve = evaluate((t, p))
    np.testing.assert_array_equal(curve.t, t)
    np.testing.assert_array_equal(curve.p, p)


def test_table_as_lists():
    curve = evaluate([[0, 1, 2], [1, 2, 1]])
    np.testing.assert_array_equal(curve.p, [1.0, 2.0, 1.0])


def test_table_resampled_zero_outside():
    curve = evaluate(([0.0, 1.0], [2.0, 4.0]), domain=(-1, 2), samples=7)
    np.testing.assert_array_equal(curve.t, np.linspace(-1, 2, 7))
    np.testing.assert_allclose(curve.p, [0, 0, 2, 3, 4, 0, 0])


def test_formula_source():
    curve = evaluate("exp(-10*t^2)", domain=(-0.5, 0.5))
    np.testing.assert_allclose(curve.p, gaussian(curve.t), rtol=1e-15)


def test_array_is_kde():
    curve = evaluate(DRAWS)
    assert curve.meta["kind"] == "kde"
    assert curve.drawstyle == "line"


def test_samples_kde_domain():
    samples = Samples(DRAWS)
    curve = evaluate(samples)
    width = 3 * samples.kernel_std
    assert curve.domain == pytest.approx((DRAWS.min() - width, DRAWS.max() + width))


def test_samples_kde_matches_scipy():
    curve = evaluate(DRAWS, samples=301)
    reference = stats.gaussian_kde(DRAWS)(curve.t)
    assert np.abs(curve.p - reference).max() < 0.01 * reference.max()


def test_samples_histogram():
    curve = evaluate(Samples(DRAWS, kind="hist", bins=30))
    counts, edges = np.histogram(DRAWS, bins=30)
    assert curve.drawstyle == "steps"
    np.testing.assert_array_equal(curve.edges, edges)
    np.testing.assert_allclose(curve.p, counts / (len(DRAWS) * np.diff(edges)))
    np.testing.assert_allclose(curve.t, (edges[:-1] + edges[1:]) / 2)


def test_histogram_domain_keeps_normalisation():
    # Draws outside the domain still count in the total, as for a KDE.
    curve = evaluate(Samples(DRAWS, kind="hist", bins=20), domain=(0, 0.5))
    inside = ((DRAWS >= 0) & (DRAWS <= 0.5)).mean()
    assert np.sum(curve.p * np.diff(curve.edges)) == pytest.approx(inside)


def test_histogram_of_equal_draws():
    curve = evaluate(Samples(np.full(10, 2.0), kind="hist", bins=4))
    assert curve.domain == (1.5, 2.5)


def test_samples_given_bandwidth():
    curve = evaluate(Samples(DRAWS, bandwidth=0.2))
    assert curve.meta["bandwidth"] == 0.2


# Telling the dimension of a function apart.

def test_one_parameter_function_is_1d():
    assert isinstance(evaluate(lambda t: t * 0 + 1), Curve)


def test_ufunc_is_1d():
    assert isinstance(evaluate(np.exp), Curve)


def test_defaults_do_not_count():
    def density(t, scale=1.0):
        return np.exp(-(t / scale) ** 2)

    assert isinstance(evaluate(density), Curve)


def test_partial_is_1d():
    def density(t, width):
        return np.exp(-(t / width) ** 2)

    assert isinstance(evaluate(functools.partial(density, width=0.5)), Curve)


def test_unclear_signature_is_1d():
    assert isinstance(evaluate(lambda *args: np.exp(-args[0] ** 2)), Curve)


# to_function.

def test_to_function_callable_as_is():
    assert to_function(gaussian) is gaussian


def test_to_function_distribution():
    dist = stats.norm(0.2, 0.3)
    t = np.linspace(-1, 1, 9)
    np.testing.assert_array_equal(to_function(dist)(t), dist.pdf(t))


def test_to_function_mixture():
    mixture = GaussianMixture([1], [0], [1])
    assert to_function(mixture) is mixture


def test_to_function_formula():
    function = to_function("exp(-10*t^2)")
    assert isinstance(function, Formula)
    assert function(0.5) == np.exp(-2.5)


def test_to_function_samples_matches_scipy():
    function = to_function(DRAWS)
    t = np.linspace(-2.5, 3, 1001)
    reference = stats.gaussian_kde(DRAWS)(t)
    assert np.abs(function(t) - reference).max() < 0.01 * reference.max()


def test_to_function_samples_zero_far_away():
    assert to_function(DRAWS)(np.array([-100.0, 100.0])).tolist() == [0.0, 0.0]


def test_to_function_histogram():
    function = to_function(Samples([0.0, 0.1, 0.6, 0.9], kind="hist", bins=2))
    np.testing.assert_allclose(function([-1, 0.0, 0.2, 0.7, 0.9, 2]),
                               [0, 1.1111111, 1.1111111, 1.1111111, 1.1111111, 0])


def test_to_function_table():
    function = to_function(([0.0, 1.0], [2.0, 4.0]))
    np.testing.assert_allclose(function([-1, 0, 0.5, 1, 2]), [0, 2, 3, 4, 0])


def test_to_function_curve():
    curve = evaluate(gaussian, samples=11)
    function = to_function(curve)
    np.testing.assert_allclose(function(curve.t), curve.p)
    assert function(5.0) == 0.0


def test_to_function_scalar():
    assert np.ndim(to_function(DRAWS)(0.3)) == 0


def test_to_function_rejects_2d():
    with pytest.raises(TypeError, match="one-dimensional.*two-dimensional"):
        to_function(RNG.normal(size=(100, 2)))


# Bad input: each raises its own clear error.

def test_function_nan():
    with pytest.raises(ValueError, match=r"returned NaN at 100 of 201 points "
                                         r"\(first at t = -1\)"):
        evaluate(lambda t: np.where(t < 0, np.nan, 1.0))


def test_function_infinite():
    with pytest.raises(ValueError, match="returned infinite values at 1 of 201.*pole"):
        evaluate(lambda t: np.where(t == 0, np.inf, 1.0))


def test_function_negative():
    with pytest.raises(ValueError, match="returned negative values.*t = -1.*sign"):
        evaluate(lambda t: t)


def test_function_raises_keeps_cause():
    def broken(t):
        raise ZeroDivisionError("division by zero")

    with pytest.raises(ValueError, match="raised ZeroDivisionError: division by "
                                         "zero") as info:
        evaluate(broken)
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_function_wrong_shape():
    with pytest.raises(ValueError, match=r"shape \(3,\); expected \(201,\).*vector"):
        evaluate(lambda t: np.ones(3))


def test_function_scalar_result():
    with pytest.raises(ValueError, match=r"shape \(\); expected \(201,\)"):
        evaluate(lambda t: 1.0)


def test_distribution_pdf_nan_domain():
    with pytest.raises(ValueError, match="domain ends must be finite"):
        evaluate(stats.norm(0, 1), domain=(0, np.nan))


def test_samples_empty():
    with pytest.raises(ValueError, match="array of draws is empty"):
        evaluate(np.array([]))


def test_samples_nan():
    data = DRAWS.copy()
    data[[5, 9]] = np.nan
    with pytest.raises(ValueError, match=r"NaN values in 2 of 3000 rows \(first at "
                                         r"index 5\).*np.isfinite"):
        evaluate(data)


def test_samples_infinite():
    data = DRAWS.copy()
    data[7] = -np.inf
    with pytest.raises(ValueError, match="infinite values in 1 of 3000 rows"):
        evaluate(data)


def test_samples_all_equal():
    with pytest.raises(ValueError, match=r"all 50 draws equal \(1\.5\).*undefined.*"
                                         r"bandwidth=0\.1"):
        evaluate(np.full(50, 1.5))


def test_samples_all_equal_with_bandwidth():
    curve = evaluate(Samples(np.full(50, 1.5), bandwidth=0.1))
    assert curve.t[np.argmax(curve.p)] == pytest.approx(1.5, abs=0.01)


def test_samples_single_draw_rule():
    with pytest.raises(ValueError, match="needs at least 2 draws"):
        Samples([1.0])


def test_samples_bad_shape():
    with pytest.raises(ValueError, match=r"shape \(n,\) or \(n, 2\), got \(2, 50\)"):
        evaluate(np.ones((2, 50)))


def test_samples_not_numbers():
    with pytest.raises(TypeError, match="real numbers"):
        Samples(np.array(["a", "b"]))


def test_samples_complex():
    with pytest.raises(TypeError, match="real numbers.*complex"):
        Samples(np.array([1j, 2j]))


def test_samples_bad_bandwidth():
    with pytest.raises(ValueError, match="bandwidth must be one of 'scott', "
                                         "'silverman', got 'wide'"):
        Samples(DRAWS, bandwidth="wide")


def test_samples_negative_bandwidth():
    with pytest.raises(ValueError, match="positive, finite number, got -1"):
        Samples(DRAWS, bandwidth=-1)


def test_samples_bad_kind():
    with pytest.raises(ValueError, match="kind must be one of"):
        Samples(DRAWS, kind="violin")


def test_samples_scatter_needs_2d():
    with pytest.raises(ValueError, match="kind='scatter' needs two-dimensional"):
        Samples(DRAWS, kind="scatter")


def test_samples_bad_bins():
    with pytest.raises(ValueError, match="invalid bins 'many'"):
        evaluate(Samples(DRAWS, kind="hist", bins="many"))


def test_table_unequal_lengths():
    with pytest.raises(ValueError, match="3 values of t but 2 values of p"):
        evaluate(([0, 1, 2], [1, 1]))


def test_table_not_increasing():
    with pytest.raises(ValueError, match=r"strictly increasing.*t\[2\] = 1 follows "
                                         r"t\[1\] = 1.*argsort"):
        evaluate(([0, 1, 1], [1, 1, 1]))


def test_table_negative():
    with pytest.raises(ValueError, match="tabulated density returned negative"):
        evaluate(([0, 1], [1, -1]))


def test_table_nan():
    with pytest.raises(ValueError, match="tabulated density returned NaN"):
        evaluate(([0, 1], [1, np.nan]))


def test_mixture_negative_weight():
    with pytest.raises(ValueError, match="weights must be non-negative"):
        GaussianMixture([1, -1], [0, 1], [1, 1])


def test_mixture_zero_std():
    with pytest.raises(ValueError, match="stds must be positive"):
        GaussianMixture([1], [0], [0])


def test_mixture_lengths_differ():
    with pytest.raises(ValueError, match="lengths 2, 1 and 2"):
        GaussianMixture([1, 1], [0], [1, 1])


def test_domain_equal_ends():
    with pytest.raises(ValueError, match=r"domain ends are equal \(1.0\)"):
        evaluate(gaussian, domain=(1, 1))


def test_domain_reversed():
    with pytest.raises(ValueError, match=r"domain is reversed \(1.0 > -1.0\)"):
        evaluate(gaussian, domain=(1, -1))


def test_domain_not_finite():
    with pytest.raises(ValueError, match=r"ends must be finite, got \(0.0, inf\)"):
        evaluate(gaussian, domain=(0, np.inf))


def test_domain_not_a_pair():
    with pytest.raises(ValueError, match="domain must be a pair of numbers"):
        evaluate(gaussian, domain=(0, 1, 2))


def test_domain_2d_for_1d_source():
    with pytest.raises(ValueError, match="one-dimensional, but the domain .* is a "
                                         "rectangle"):
        evaluate("exp(-t^2)", domain=((0, 1), (0, 1)))


def test_samples_too_few():
    with pytest.raises(ValueError, match="samples must be at least 2"):
        evaluate(gaussian, samples=1)


def test_unsupported_type():
    with pytest.raises(TypeError, match="unsupported density of type dict; give a "
                                        "function t -> p"):
        evaluate({"mean": 0})


def test_unsupported_list_hint():
    with pytest.raises(TypeError, match=r"type list \(wrap a list of draws in "
                                        r"Samples"):
        evaluate([0.1, 0.2, 0.3])


def test_scipy_family_not_frozen():
    with pytest.raises(TypeError, match="family of distributions; freeze it"):
        evaluate(stats.norm)


def test_scipy_discrete_rejected():
    with pytest.raises(TypeError, match="poisson is a discrete distribution"):
        evaluate(stats.poisson(3))


def test_import_stays_light():
    code = ("import sys, mpl_flowchain, mpl_flowchain.densities; "
            "heavy = [m for m in ('scipy', 'lark') if m in sys.modules]; "
            "print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == ""


def test_function_complex():
    with pytest.raises(ValueError, match="returned complex values"):
        evaluate(lambda t: t + 1j)
