"""Gross -> net: the monthly wage tax (loonheffing) as the Belastingdienst's witte maandtabel has it.

The standard monthly table for an employee below AOW age, with loonheffingskorting (algemene
heffingskorting and arbeidskorting), computed the way the Belastingdienst's "Rekenvoorschriften
voor de geautomatiseerde loonadministratie" make the table (ADR 0033):

1. annual table wage W = floor(12 x monthly wage / 54) x 54 (whole euros; the table's steps);
2. X1 = tax + premies volksverzekeringen on W by the brackets (Wet IB 2001 art. 2.10), rounded
   down to whole euros; the amount at the start of each bracket is itself the exact amount there
   rounded down (13.900 = 35,75% x 38.883 rounded down);
3. algemene heffingskorting (art. 8.10) and arbeidskorting (art. 8.11) on W, each rounded up to
   whole euros; when together more than X1, the arbeidskorting gives way first;
4. the monthly amounts are the yearly ones / 12, rounded half up to the cent.

Vectorised over int64 arrays; whole euros and cents only, rates as exact fractions (no float).
`gross_for_net` is the inverse: the lowest monthly wage whose net is at least a given amount.
The inkomensafhankelijke combinatiekorting (art. 8.14a) is not in the monthly table (it comes
through the tax return or a provisional refund); `iack_yearly` computes it for the armoedeval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from kansrijk.rules.params import ParamsAt
from kansrijk.rules.tables import I64

# Rekenvoorschriften voor de geautomatiseerde loonadministratie (Belastingdienst): the monthly
# table steps by 54 euros of annual wage, i.e. 4,50 euros (450 cents) of monthly wage.
TABLE_STEP_EUROS = 54
MONTHS = 12
STEP_CENTS = TABLE_STEP_EUROS * 100 // MONTHS  # 450


@dataclass(frozen=True)
class TaxParameters:
    """The income-tax parameters of one date, in whole euros and exact rates."""

    bracket_ends: tuple[int, int]
    rates: tuple[Fraction, Fraction, Fraction]
    ahk_max: int
    ahk_from: int
    ahk_rate: Fraction
    ak_knik: tuple[int, int, int]
    ak_rates: tuple[Fraction, Fraction, Fraction]
    ak_max_2: int
    ak_max: int
    ak_afbouw: Fraction
    iack_from: int
    iack_rate: Fraction
    iack_max: int


def _euros(params: ParamsAt, name: str) -> int:
    return params.money(name) // 100


def tax_parameters(params: ParamsAt) -> TaxParameters:
    """Read the tax parameters in force on `params.on` (raises `MissingParameter` when unknown)."""
    ib, ahk, ak, iack = (
        "inkomstenbelasting.",
        "algemene_heffingskorting.",
        "arbeidskorting.",
        "inkomensafhankelijke_combinatiekorting.",
    )
    return TaxParameters(
        bracket_ends=(_euros(params, ib + "schijf_1_tot"), _euros(params, ib + "schijf_2_tot")),
        rates=tuple(params.rate(f"{ib}tarief_schijf_{n}") for n in (1, 2, 3)),  # type: ignore[arg-type]
        ahk_max=_euros(params, ahk + "maximum"),
        ahk_from=_euros(params, ahk + "afbouw_vanaf"),
        ahk_rate=params.rate(ahk + "afbouwpercentage"),
        ak_knik=(_euros(params, ak + "knik_1"), _euros(params, ak + "knik_2"), _euros(params, ak + "knik_3")),
        ak_rates=(params.rate(ak + "percentage_1"), params.rate(ak + "percentage_2"), params.rate(ak + "percentage_3")),
        ak_max_2=_euros(params, ak + "maximum_2"),
        ak_max=_euros(params, ak + "maximum"),
        ak_afbouw=params.rate(ak + "afbouwpercentage"),
        iack_from=_euros(params, iack + "vanaf"),
        iack_rate=params.rate(iack + "percentage"),
        iack_max=_euros(params, iack + "maximum"),
    )


def _floor_linear(base: Fraction, rate: Fraction, amount: I64) -> I64:
    """floor(base + rate x amount) for integer arrays, exactly."""
    denominator = base.denominator * rate.denominator
    numerator = base.numerator * rate.denominator + rate.numerator * base.denominator * amount
    result: I64 = numerator // denominator
    return result


def _ceil_linear(base: Fraction, rate: Fraction, amount: I64) -> I64:
    """ceil(base + rate x amount) for integer arrays, exactly."""
    result: I64 = -_floor_linear(-base, -rate, amount)
    return result


def annual_table_wage(monthly_cents: I64) -> I64:
    """W: the annual wage of the table row (whole euros), floor(12 x monthly / 54) x 54."""
    result: I64 = (monthly_cents * MONTHS) // (TABLE_STEP_EUROS * 100) * TABLE_STEP_EUROS
    return result


def tax_before_credits(wage: I64, p: TaxParameters) -> I64:
    """X1: tax and premies on an annual wage (whole euros), rounded down (bracket starts rounded down)."""
    end_1, end_2 = p.bracket_ends
    exact_2 = p.rates[0] * end_1  # the exact amount at the start of bracket 2 and 3
    exact_3 = exact_2 + p.rates[1] * (end_2 - end_1)
    start_2, start_3 = Fraction(math.floor(exact_2)), Fraction(math.floor(exact_3))
    first = _floor_linear(Fraction(0), p.rates[0], wage)
    second = _floor_linear(start_2, p.rates[1], wage - end_1)
    third = _floor_linear(start_3, p.rates[2], wage - end_2)
    result: I64 = np.where(wage <= end_1, first, np.where(wage <= end_2, second, third)).astype(np.int64)
    return result


def algemene_heffingskorting(income: I64, p: TaxParameters) -> I64:
    """Art. 8.10: the maximum, minus the afbouw above the threshold, not below 0; rounded up (euros)."""
    reduced = _ceil_linear(Fraction(p.ahk_max), -p.ahk_rate, income - p.ahk_from)
    result: I64 = np.where(income <= p.ahk_from, p.ahk_max, np.maximum(reduced, 0)).astype(np.int64)
    return result


def arbeidskorting(work_income: I64, p: TaxParameters) -> I64:
    """Art. 8.11 (below AOW age), rounded up to whole euros."""
    knik_1, knik_2, knik_3 = p.ak_knik
    rate_1, rate_2, rate_3 = p.ak_rates
    first = _ceil_linear(Fraction(0), rate_1, work_income)
    at_knik_1 = Fraction(math.ceil(rate_1 * knik_1))  # the law's whole-euro amount there (996 in 2026)
    second = np.minimum(_ceil_linear(at_knik_1, rate_2, work_income - knik_1), p.ak_max_2)
    third = np.minimum(_ceil_linear(Fraction(p.ak_max_2), rate_3, work_income - knik_2), p.ak_max)
    fourth = np.maximum(_ceil_linear(Fraction(p.ak_max), -p.ak_afbouw, work_income - knik_3), 0)
    result: I64 = np.select(
        [work_income <= knik_1, work_income <= knik_2, work_income <= knik_3],
        [first, second, third],
        fourth,
    ).astype(np.int64)
    return np.maximum(result, 0)


def iack_yearly(work_income: I64, p: TaxParameters) -> I64:
    """Art. 8.14a: percentage of the work income above the threshold, at most the maximum (euros,
    rounded down: the tax return's whole euros in favour of the taxpayer are not modelled)."""
    built = _floor_linear(Fraction(0), p.iack_rate, np.maximum(work_income - p.iack_from, 0))
    result: I64 = np.minimum(built, p.iack_max)
    return result


def per_month(euros: I64) -> I64:
    """A yearly amount in whole euros as cents per month, rounded half up to the cent."""
    result: I64 = (euros * 100 * 2 + MONTHS) // (2 * MONTHS)
    return result


@dataclass(frozen=True)
class WageTax:
    """The monthly table for an array of monthly wages (cents) and what it is made of."""

    monthly_wage: I64  # cents
    annual_table_wage: I64  # euros
    tax_yearly_without_credits: I64  # euros (X1)
    ahk_yearly: I64  # euros, as applied
    ak_yearly: I64  # euros, as applied
    wage_tax_monthly: I64  # cents
    wage_tax_monthly_without_credits: I64  # cents
    arbeidskorting_monthly: I64  # cents

    @property
    def net_monthly(self) -> I64:
        result: I64 = self.monthly_wage - self.wage_tax_monthly
        return result


def wage_tax(monthly_cents: I64, p: TaxParameters) -> WageTax:
    """The witte maandtabel (standard, with loonheffingskorting, below AOW age) for monthly wages."""
    wage = annual_table_wage(monthly_cents)
    x1 = tax_before_credits(wage, p)
    ahk = np.minimum(algemene_heffingskorting(wage, p), x1)
    ak = np.minimum(arbeidskorting(wage, p), x1 - ahk)  # the arbeidskorting gives way first
    return WageTax(
        monthly_wage=monthly_cents,
        annual_table_wage=wage,
        tax_yearly_without_credits=x1,
        ahk_yearly=ahk,
        ak_yearly=ak,
        wage_tax_monthly=per_month(x1 - ahk - ak),
        wage_tax_monthly_without_credits=per_month(x1),
        arbeidskorting_monthly=per_month(ak),
    )


@dataclass(frozen=True)
class StepTable:
    """The net range of every table step from 0 up to a highest monthly wage, for the inverse."""

    tax: I64  # cents per month, per step
    reach: I64  # the highest net reached up to and including each step (running maximum)


def step_table(p: TaxParameters, highest_monthly_cents: int) -> StepTable:
    steps = np.arange(0, highest_monthly_cents // STEP_CENTS + 2, dtype=np.int64)
    tax = wage_tax(steps * STEP_CENTS, p).wage_tax_monthly
    top_net = (steps + 1) * STEP_CENTS - 1 - tax  # the last cent of each step
    return StepTable(tax, np.maximum.accumulate(top_net))


def gross_for_net(net_cents: I64, p: TaxParameters) -> I64:
    """The lowest monthly wage (cents) whose net (wage minus the table's wage tax) is at least
    `net_cents`. Within a table step the tax is fixed and the net rises cent by cent; between
    steps it jumps, so the net is not monotonic at the cent and the lowest wage is the answer."""
    # net >= 50,5% of the wage (top rate 49,50%), so the wage is below twice the net
    table = step_table(p, int(net_cents.max(initial=0)) * 2 + 10 * STEP_CENTS)
    step = np.searchsorted(table.reach, net_cents, side="left")
    result: I64 = np.maximum(step * STEP_CENTS, net_cents + table.tax[step]).astype(np.int64)
    return result
