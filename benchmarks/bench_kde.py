"""Benchmark the binned kernel density estimates against numpy and scipy.

Run from the repository root::

    python benchmarks/bench_kde.py

It takes about half a minute, most of it in the exact
`scipy.stats.gaussian_kde`. Every ratio comes from the timings of this one
run. A timing is the fastest of several repeats, and the repeats of two
methods that are compared alternate, so that load from other processes
hits both alike. The exit status is 1 if a target is missed.

Targets for 10**6 draws in 1-D, on 512 grid points:

- at most 3 times the time of one ``np.histogram`` with 512 bins;
- at most 1/100 of the time of ``gaussian_kde`` on the same draws and points;
- a largest difference from ``gaussian_kde`` under 1 % of its peak.

Targets for 10**6 draws in 2-D, on a 128 x 128 grid:

- at most 3 times the time of one ``np.histogram2d`` with 128 x 128 bins;
- at least 100 times faster than ``gaussian_kde``, which is timed on 10**4
  draws and scaled linearly to 10**6;
- on those 10**4 draws, a largest difference from ``gaussian_kde`` under
  1 % of its peak.
"""

import os
import platform
import sys
import time

import numpy as np
import scipy
from scipy.stats import gaussian_kde

from mpl_flowchain.densities import Samples, evaluate

COUNT = 10**6
SUBSAMPLE_2D = 10**4
POINTS_1D = 512
POINTS_2D = 128
REPEATS = 7


def best_times(functions, repeats=REPEATS):
    """Return the fastest time in seconds of each function, run in alternation."""
    best = [float("inf")] * len(functions)
    for _ in range(repeats):
        for i, function in enumerate(functions):
            start = time.perf_counter()
            function()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def time_once(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def cpu_model():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def show_time(label, seconds, note=""):
    print(f"  {label:<44} {seconds * 1e3:10.2f} ms{note}")


def check(results, name, value, limit, sense):
    """Record whether *value* meets *limit* (sense "<=" or ">=")."""
    met = value <= limit if sense == "<=" else value >= limit
    results.append(met)
    print(f"  {name:<44} {value:12.4g}   target {sense} {limit:g}   "
          f"{'ok' if met else 'MISSED'}")


def bench_1d(rng, results):
    data = rng.normal(0.0, 1.0, COUNT)
    curve = evaluate(Samples(data), samples=POINTS_1D)
    ours, histogram = best_times([
        lambda: evaluate(Samples(data), samples=POINTS_1D),
        lambda: np.histogram(data, bins=POINTS_1D),
    ])
    reference, exact = time_once(lambda: gaussian_kde(data)(curve.t))
    error = np.abs(curve.p - reference).max() / reference.max()
    print(f"1-D: {COUNT} draws of N(0, 1), {POINTS_1D} grid points")
    show_time(f"evaluate(Samples(data), samples={POINTS_1D})", ours)
    show_time(f"np.histogram(data, bins={POINTS_1D})", histogram)
    show_time("gaussian_kde(data)(t), all draws, one run", exact)
    check(results, "time / np.histogram", ours / histogram, 3, "<=")
    check(results, "time / gaussian_kde", ours / exact, 0.01, "<=")
    check(results, "max |difference| / peak", error, 0.01, "<=")


def bench_2d(rng, results):
    covariance = [[1.0, 0.5], [0.5, 2.0]]
    data = rng.multivariate_normal([0.0, 0.0], covariance, COUNT)
    x, y = np.ascontiguousarray(data[:, 0]), np.ascontiguousarray(data[:, 1])
    ours, histogram = best_times([
        lambda: evaluate(Samples(data), samples=POINTS_2D),
        lambda: np.histogram2d(x, y, bins=POINTS_2D),
    ], repeats=5)
    subsample = data[:SUBSAMPLE_2D]
    field = evaluate(subsample, samples=POINTS_2D)
    grid_x, grid_y = np.meshgrid(field.x, field.y)
    points = np.vstack([grid_x.ravel(), grid_y.ravel()])
    reference, exact = time_once(lambda: gaussian_kde(subsample.T)(points))
    reference = reference.reshape(grid_x.shape)
    error = np.abs(field.z - reference).max() / reference.max()
    scaled = exact * COUNT / SUBSAMPLE_2D
    print(f"2-D: {COUNT} draws of a normal with covariance {covariance}, "
          f"{POINTS_2D} x {POINTS_2D} grid")
    show_time(f"evaluate(Samples(data), samples={POINTS_2D})", ours)
    show_time(f"np.histogram2d(x, y, bins={POINTS_2D})", histogram)
    show_time(f"gaussian_kde on {SUBSAMPLE_2D} draws, one run", exact)
    show_time(f"the same scaled linearly to {COUNT} draws", scaled, " (estimate)")
    check(results, "time / np.histogram2d", ours / histogram, 3, "<=")
    check(results, "gaussian_kde (scaled) / time", scaled / ours, 100, ">=")
    check(results, f"max |difference| / peak ({SUBSAMPLE_2D} draws)", error, 0.01,
          "<=")


def main():
    print(f"machine: {cpu_model()}, {os.cpu_count()} logical CPUs, "
          f"{platform.system()} {platform.release()}")
    print(f"python {platform.python_version()}, numpy {np.__version__}, "
          f"scipy {scipy.__version__}")
    print()
    rng = np.random.default_rng(2026)
    results = []
    bench_1d(rng, results)
    print()
    bench_2d(rng, results)
    print()
    print("all targets met" if all(results) else "some targets MISSED")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
