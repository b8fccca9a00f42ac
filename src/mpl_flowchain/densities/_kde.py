"""Gaussian kernel density estimates by linear binning and FFT convolution.

Each sample is split between the two nearest nodes of a regular grid (four
in 2-D) in proportion to its distance from them, which is linear binning.
The binned weights are then convolved with the Gaussian kernel sampled on
the same grid (``scipy.signal.fftconvolve``). The cost is a few vectorised
passes over the samples plus one FFT of the grid, instead of one kernel
evaluation per sample and grid point.

The grid is finer than the output grid when the kernel is narrow: it has at
least ``CELLS_PER_SIGMA_1D`` (or ``_2D``) cells per kernel standard
deviation. Linear binning then shifts each kernel value by at most
``spacing**2 / 8`` times its second derivative. That is 1/512 of the kernel
peak in 1-D and 1/128 per axis in 2-D. Output points that fall between grid
nodes are read off by linear interpolation, which adds as much again. The
errors of neighbouring samples have opposite signs, so on large samples the
error is far smaller.
"""

from __future__ import annotations

import math

import numpy as np

KERNEL_CUTOFF = 5.0
"""Kernel support in standard deviations; the kernel is 3.7e-6 of its peak there."""

CELLS_PER_SIGMA_1D = 8
CELLS_PER_SIGMA_2D = 4
"""Minimum grid cells per kernel standard deviation. In 2-D the standard
deviation along an axis is the conditional one, ``1 / sqrt(inv(cov)[i, i])``,
which sets the curvature of the kernel along that axis."""

MAX_CELLS_1D = 2**22
MAX_CELLS_2D_AXIS = 2**10

BLOCK = 2**16
"""Samples binned per pass in 1-D. In 2-D a block has at least as many
samples as the grid has cells, because every block adds four bincounts of
the whole grid."""


def scott_factor(count, dimension):
    """Return Scott's bandwidth factor, as in ``scipy.stats.gaussian_kde``."""
    return count ** (-1.0 / (dimension + 4))


def silverman_factor(count, dimension):
    """Return Silverman's bandwidth factor, as in ``scipy.stats.gaussian_kde``."""
    return (count * (dimension + 2) / 4.0) ** (-1.0 / (dimension + 4))


def kde_1d(data, sigma, t, *, data_range=None):
    """Return the Gaussian KDE of *data* at the evenly spaced points *t*.

    Parameters
    ----------
    data : ndarray
        Finite samples, shape ``(n,)``.
    sigma : float
        Kernel standard deviation, in the units of *data*.
    t : ndarray
        Evenly spaced, increasing evaluation points (``np.linspace``).
    data_range : (float, float), optional
        ``(data.min(), data.max())`` if already known.
    """
    low, high = float(t[0]), float(t[-1])
    data_low, data_high = data_range or (float(data.min()), float(data.max()))
    axis = _Axis(low, high, len(t), sigma, data_low, data_high, CELLS_PER_SIGMA_1D,
                 MAX_CELLS_1D)
    weights = _bin_1d(data, axis, data_low, data_high)
    offsets = np.arange(-axis.half_width, axis.half_width + 1) * axis.spacing
    kernel = np.exp(-0.5 * (offsets / sigma) ** 2) / (sigma * math.sqrt(2 * math.pi))
    density = _convolve(weights, kernel) / len(data)
    return np.interp(axis.positions(t), np.arange(axis.size), density)


def kde_function(data, sigma, *, data_range=None):
    """Return a vectorised function ``t -> KDE of data at t``.

    The estimate is computed once on a grid of ``CELLS_PER_SIGMA_1D``
    points per kernel standard deviation that reaches ``KERNEL_CUTOFF``
    standard deviations beyond the data, and interpolated linearly. It is
    zero beyond that grid.
    """
    data_low, data_high = data_range or (float(data.min()), float(data.max()))
    low = data_low - KERNEL_CUTOFF * sigma
    high = data_high + KERNEL_CUTOFF * sigma
    cells = math.ceil((high - low) * CELLS_PER_SIGMA_1D / sigma)
    points = min(MAX_CELLS_1D, cells + 1)
    grid = np.linspace(low, high, points)
    values = kde_1d(data, sigma, grid, data_range=(data_low, data_high))

    def density(t):
        return np.interp(np.asarray(t, dtype=float), grid, values, left=0.0, right=0.0)

    return density


def kde_2d(x, y, covariance, gx, gy, *, data_ranges=None):
    """Return the Gaussian KDE of the points ``(x, y)`` on the grid *gx* by *gy*.

    Parameters
    ----------
    x, y : ndarray
        Finite coordinates of the samples, shape ``(n,)`` each.
    covariance : ndarray
        Kernel covariance matrix, shape ``(2, 2)``, positive definite.
    gx, gy : ndarray
        Evenly spaced, increasing grid positions along each axis.
    data_ranges : ((float, float), (float, float)), optional
        The ranges of *x* and *y* if already known.

    Returns
    -------
    ndarray
        Density values, shape ``(len(gy), len(gx))``; ``z[i, j]`` is the
        density at ``(gx[j], gy[i])``.
    """
    if data_ranges is None:
        data_ranges = (float(x.min()), float(x.max())), (float(y.min()), float(y.max()))
    (x_low, x_high), (y_low, y_high) = data_ranges
    sigma_x, sigma_y = np.sqrt(np.diag(covariance))
    across_x, across_y = 1 / np.sqrt(np.diag(np.linalg.inv(covariance)))
    axis_x = _Axis(float(gx[0]), float(gx[-1]), len(gx), sigma_x, x_low, x_high,
                   CELLS_PER_SIGMA_2D, MAX_CELLS_2D_AXIS, resolve=across_x)
    axis_y = _Axis(float(gy[0]), float(gy[-1]), len(gy), sigma_y, y_low, y_high,
                   CELLS_PER_SIGMA_2D, MAX_CELLS_2D_AXIS, resolve=across_y)
    weights = _bin_2d(x, y, axis_x, axis_y, data_ranges)
    kernel = _gaussian_kernel_2d(covariance, axis_x, axis_y)
    density = _convolve(weights, kernel) / len(x)
    along_x = _interpolate_axis(density, axis_x.positions(gx), axis=1)
    return _interpolate_axis(along_x, axis_y.positions(gy), axis=0)


class _Axis:
    """The binning grid along one axis: ``origin + spacing * arange(size)``.

    The grid covers the output interval ``[low, high]`` and, where samples
    lie beyond it, up to ``half_width`` cells more on each side, because
    those samples still add to the density inside the interval.
    """

    def __init__(self, low, high, points, sigma, data_low, data_high,
                 cells_per_sigma, max_cells, resolve=None):
        # *sigma* sets how far the kernel reaches; *resolve* (default
        # *sigma*) is the width that the cells must resolve.
        step = (high - low) / (points - 1)
        target = (sigma if resolve is None else resolve) / cells_per_sigma
        # Keep the output points on grid nodes where possible: a grid finer
        # than the output divides its step, a coarser one is a multiple of it.
        if step > target:
            spacing = step / math.ceil(step / target)
        else:
            spacing = step * math.floor(target / step)
        # NOTE: a kernel narrower than (high - low) / max_cells gets a coarser
        # grid than cells_per_sigma sets, and a less accurate estimate.
        reach = KERNEL_CUTOFF * sigma
        span = high - low + 2 * reach
        spacing = max(spacing, span / (max_cells - 3))
        self.spacing = spacing
        self.half_width = math.ceil(reach / spacing)
        pad_low = min(self.half_width, max(0, math.ceil((low - data_low) / spacing)))
        pad_high = min(self.half_width, max(0, math.ceil((data_high - high) / spacing)))
        interior = math.ceil((high - low) / spacing - 1e-9) + 1
        self.origin = low - pad_low * spacing
        self.size = pad_low + interior + pad_high

    @property
    def end(self):
        return self.origin + (self.size - 1) * self.spacing

    def positions(self, values):
        """Return *values* in units of cells from the origin."""
        return (np.asarray(values, dtype=float) - self.origin) / self.spacing


def _chunks(count, block):
    """Yield slices of ``range(count)`` of at most *block* items."""
    for start in range(0, count, block):
        yield slice(start, min(start + block, count))


def _cell_positions(values, axis, out):
    """Write the positions of *values* in cells from the origin of *axis* to *out*."""
    np.subtract(values, axis.origin, out=out)
    out *= 1.0 / axis.spacing
    return out


def _split(position, index):
    """Write the node below each position to *index*, and the fraction past it
    to *position*, in place."""
    index[...] = position  # truncates, which is floor for positions >= 0
    np.subtract(position, index, out=position)


def _bin_1d(data, axis, data_low, data_high):
    """Return linear-binning weights of *data* on *axis*, shape ``(axis.size,)``."""
    # Blocks of BLOCK samples keep the temporaries in the CPU cache, which
    # makes binning about twice as fast as whole-array operations.
    trim = data_low < axis.origin or data_high > axis.end
    length = axis.size + 1
    counts = np.zeros(length)
    upper = np.zeros(length)
    position = np.empty(min(BLOCK, len(data)))
    index = np.empty(len(position), dtype=np.intp)
    for part in _chunks(len(data), BLOCK):
        p = _cell_positions(data[part], axis, position[: part.stop - part.start])
        if trim:
            p = p[(p >= 0) & (p <= axis.size - 1)]
        i = index[: len(p)]
        _split(p, i)
        # A sample at fraction f past node i puts 1 - f on node i and f on
        # node i + 1. Summing counts and fractions per node gives both
        # parts with one plain and one weighted bincount.
        counts += np.bincount(i, minlength=length)
        upper += np.bincount(i, weights=p, minlength=length)
    weights = counts - upper
    weights[1:] += upper[:-1]
    return weights[: axis.size]


def _bin_2d(x, y, axis_x, axis_y, data_ranges):
    """Return bilinear-binning weights, shape ``(axis_y.size, axis_x.size)``."""
    (x_low, x_high), (y_low, y_high) = data_ranges
    trim = (x_low < axis_x.origin or x_high > axis_x.end
            or y_low < axis_y.origin or y_high > axis_y.end)

    # Rows follow y and columns follow x, with one spare row and column
    # for the upper neighbours of samples on the last node.
    columns = axis_x.size + 1
    shape = (axis_y.size + 1, columns)
    length = shape[0] * shape[1]
    counts, sum_x, sum_y, sum_xy = (np.zeros(length) for _ in range(4))
    block = min(max(BLOCK, length), len(x))
    position_x, position_y, product = (np.empty(block) for _ in range(3))
    index_x, index_y = (np.empty(block, dtype=np.intp) for _ in range(2))

    for part in _chunks(len(x), block):
        size = part.stop - part.start
        px = _cell_positions(x[part], axis_x, position_x[:size])
        py = _cell_positions(y[part], axis_y, position_y[:size])
        if trim:
            inside = (px >= 0) & (px <= axis_x.size - 1)
            inside &= (py >= 0) & (py <= axis_y.size - 1)
            px, py = px[inside], py[inside]
        ix, iy = index_x[: len(px)], index_y[: len(px)]
        _split(px, ix)
        _split(py, iy)
        iy *= columns
        iy += ix
        flat = iy
        counts += np.bincount(flat, minlength=length)
        sum_x += np.bincount(flat, weights=px, minlength=length)
        sum_y += np.bincount(flat, weights=py, minlength=length)
        fx_fy = np.multiply(px, py, out=product[: len(px)])
        sum_xy += np.bincount(flat, weights=fx_fy, minlength=length)

    counts, sum_x, sum_y, sum_xy = (
        total.reshape(shape) for total in (counts, sum_x, sum_y, sum_xy)
    )
    # Weights of the four corners: (1-fx)(1-fy), fx(1-fy), (1-fx)fy, fx fy.
    weights = counts - sum_x - sum_y + sum_xy
    weights[:, 1:] += (sum_x - sum_xy)[:, :-1]
    weights[1:, :] += (sum_y - sum_xy)[:-1, :]
    weights[1:, 1:] += sum_xy[:-1, :-1]
    return weights[: axis_y.size, : axis_x.size]


def _gaussian_kernel_2d(covariance, axis_x, axis_y):
    """Return the Gaussian with *covariance* sampled on the grid offsets."""
    offsets_x = np.arange(-axis_x.half_width, axis_x.half_width + 1) * axis_x.spacing
    offsets_y = np.arange(-axis_y.half_width, axis_y.half_width + 1) * axis_y.spacing
    dx, dy = np.meshgrid(offsets_x, offsets_y)
    inverse = np.linalg.inv(covariance)
    quadratic = (inverse[0, 0] * dx**2 + 2 * inverse[0, 1] * dx * dy
                 + inverse[1, 1] * dy**2)
    norm = 2 * math.pi * math.sqrt(np.linalg.det(covariance))
    return np.exp(-0.5 * quadratic) / norm


def _convolve(weights, kernel):
    # scipy is imported here, not at module level, to keep
    # ``import mpl_flowchain`` fast.
    from scipy.signal import fftconvolve

    density = fftconvolve(weights, kernel, mode="same")
    # The FFT leaves round-off of about 1e-17 where the density is zero,
    # sometimes negative.
    return np.maximum(density, 0.0, out=density)


def _interpolate_axis(values, positions, axis):
    """Interpolate *values* linearly along *axis* at fractional cell *positions*."""
    size = values.shape[axis]
    lower = np.clip(np.floor(positions).astype(np.intp), 0, size - 2)
    fraction = np.clip(positions - lower, 0.0, 1.0)
    below = np.take(values, lower, axis=axis)
    above = np.take(values, lower + 1, axis=axis)
    shape = [1, 1]
    shape[axis] = -1
    fraction = fraction.reshape(shape)
    return below * (1 - fraction) + above * fraction
