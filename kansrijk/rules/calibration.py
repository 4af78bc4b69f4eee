"""Calibration of the synthetic population to CBS figures per municipality (ADR 0032). Pure numpy.

Two targets per municipality:
- its income distribution: the share of its households in each national 10%-group of
  standardised income (CBS 85711NED);
- its share of children in households up to 120% of the social minimum (CBS 85309NED).

Incomes are drawn in "national quantile" space u in [0, 1): the municipality's density of u is
piecewise constant, its ten pieces being the 85711NED shares. A household's standardised income
is the national distribution's quantile at u: a lognormal through the national median and mean
of the same year (85711NED, Nederland). The 120%-of-social-minimum line is a standardised income
`threshold` (euro a year), which sits at national quantile u_T.

Households with children are below u_T with probability equal to the child share (children per
household do not depend on income, so the share of children follows); they draw u from the
municipality's density on [0, u_T) or [u_T, 1). Households without children fill what is left
of each 10%-group, so that all households together keep the 85711NED shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
EDGES = np.linspace(0.0, 1.0, 11)
_NORMAL = NormalDist()
# CBS standardises household income with an equivalence scale; (adults + 0.8 x children) ** 0.45
# stays within a few percent of it for the common household types (couple 1.37, couple with two
# children 1.8).
EQUIVALENCE_EXPONENT = 0.45
CHILD_WEIGHT = 0.8


@dataclass(frozen=True)
class Targets:
    """CBS targets for some municipalities, in the order of `codes`."""

    codes: tuple[str, ...]
    deciles: Floats  # (n, 10), shares of households summing to 1 per row
    child_share: Floats  # (n,), fraction of children up to 120% of the social minimum
    national_median: float  # standardised income, euro a year
    national_mean: float
    threshold: float  # the 120%-of-social-minimum line as standardised income, euro a year
    income_year: int
    child_year: int

    def index(self, code: str) -> int:
        return self.codes.index(code)

    @property
    def sigma(self) -> float:
        return float(np.sqrt(2.0 * np.log(self.national_mean / self.national_median)))

    def quantile_of(self, income: float) -> float:
        """National quantile u of a standardised income."""
        return _NORMAL.cdf(np.log(income / self.national_median) / self.sigma)

    def income_at(self, u: Floats) -> Floats:
        """Standardised income (euro a year) at national quantiles u."""
        z = normal_quantile(np.clip(np.asarray(u, dtype=np.float64), 1e-12, 1 - 1e-12))
        return np.asarray(self.national_median * np.exp(self.sigma * z), dtype=np.float64)

    def decile_bounds(self) -> Floats:
        """The nine national boundaries between the 10%-groups (euro a year)."""
        return self.income_at(EDGES[1:-1])


# Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
_A = (
    -3.969683028665376e01,
    2.209460984245205e02,
    -2.759285104469687e02,
    1.383577518672690e02,
    -3.066479806614716e01,
    2.506628277459239e00,
)
_B = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02, 6.680131188771972e01, -1.328068155288572e01)
_C = (
    -7.784894002430293e-03,
    -3.223964580411365e-01,
    -2.400758277161838e00,
    -2.549732539343734e00,
    4.374664141464968e00,
    2.938163982698783e00,
)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
_LOW = 0.02425


def _poly(coefficients: tuple[float, ...], x: Floats) -> Floats:
    result = np.zeros_like(x)
    for c in coefficients:
        result = result * x + c
    return result


def normal_quantile(p: Floats) -> Floats:
    """The standard normal quantile of each p in (0, 1), vectorised."""
    z = np.empty_like(p)
    tail = p < _LOW
    upper = p > 1 - _LOW
    middle = ~(tail | upper)
    q = p[middle] - 0.5
    r = q * q
    z[middle] = _poly(_A, r) * q / (_poly(_B, r) * r + 1)
    for mask, sign, values in ((tail, 1.0, p[tail]), (upper, -1.0, 1 - p[upper])):
        t = np.sqrt(-2 * np.log(values))
        z[mask] = sign * _poly(_C, t) / (_poly(_D, t) * t + 1)
    return z


def equivalence(adults: npt.NDArray[np.integer], children: npt.NDArray[np.integer]) -> Floats:
    return np.asarray((adults + CHILD_WEIGHT * children) ** EQUIVALENCE_EXPONENT, dtype=np.float64)


def _mass(shares: Floats, low: float, high: float) -> Floats:
    """Mass of each 10%-group inside [low, high) under the piecewise-constant density."""
    overlap = np.clip(np.minimum(EDGES[1:], high) - np.maximum(EDGES[:-1], low), 0.0, None)
    return np.asarray(shares * overlap * 10.0, dtype=np.float64)


def _draw(rng: np.random.Generator, shares: Floats, low: float, high: float, size: int) -> Floats:
    """u drawn from the density given by `shares`, restricted to [low, high)."""
    mass = _mass(shares, low, high)
    if size == 0 or mass.sum() <= 0:
        return np.full(size, (low + high) / 2)
    group = rng.choice(10, size, p=mass / mass.sum())
    start = np.maximum(EDGES[group], low)
    stop = np.minimum(EDGES[group + 1], high)
    return np.asarray(start + rng.random(size) * (stop - start), dtype=np.float64)


def draw_quantiles(
    rng: np.random.Generator, shares: Floats, child_share: float, u_t: float, with_children: npt.NDArray[np.bool_]
) -> Floats:
    """National quantiles for one municipality's households (see the module's docstring)."""
    size = with_children.shape[0]
    n_families = int(with_children.sum())
    below = rng.random(n_families) < child_share
    u = np.empty(size)
    families = np.empty(n_families)
    families[below] = _draw(rng, shares, 0.0, u_t, int(below.sum()))
    families[~below] = _draw(rng, shares, u_t, 1.0, int((~below).sum()))
    u[with_children] = families
    below_mass, above_mass = _mass(shares, 0.0, u_t), _mass(shares, u_t, 1.0)
    expected = n_families * (
        child_share * below_mass / max(below_mass.sum(), 1e-12)
        + (1 - child_share) * above_mass / max(above_mass.sum(), 1e-12)
    )
    rest = np.clip(size * shares - expected, 0.0, None)
    others = size - n_families
    u[~with_children] = _draw(rng, rest / rest.sum() if rest.sum() > 0 else shares, 0.0, 1.0, others)
    return u


def decile_shares(targets: Targets, standardised: Floats) -> Floats:
    """Share of households in each national 10%-group (to check the calibration)."""
    groups = np.searchsorted(targets.decile_bounds(), standardised, side="right")
    return np.bincount(groups, minlength=10) / max(len(standardised), 1)
