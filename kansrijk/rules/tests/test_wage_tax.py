"""Gross -> net: the witte maandtabel 2026 (standard, with loonheffingskorting, below AOW age).

The € 4.000 row is the Belastingdienst's documented example (witte maandtabel 2026, p. 24). The
other rows are derived by hand from the documented method (Rekenvoorschriften januari 2026),
at the table rows on both sides of every bracket and credit boundary. For each row:

    W   = floor(12 x monthly / 54) x 54                       (annual table wage, euros)
    X1  = floor(amount at bracket start + rate x (W - start))  (start amounts rounded down:
          bracket 2 starts at floor(35,75% x 38.883) = 13.900, bracket 3 at
          floor(13.900,6725 + 37,56% x 39.543) = floor(28.753,0233) = 28.753)
    AHK = ceil(3.115 - 6,398% x (W - 29.736)), 3.115 up to 29.736, not below 0
    AK  = ceil of: 8,324% x W up to 11.965; 996 + 31,009% x (W - 11.965), at most 5.300, up to
          25.845; 5.300 + 1,950% x (W - 25.845), at most 5.685, up to 45.592; then
          5.685 - 6,51% x (W - 45.592), not below 0
    tax = (X1 - AHK - AK) / 12, half a cent up; net = monthly - tax

A table row of the monthly table is 54 / 12 = € 4,50 wide, so "the rows on both sides" of a
boundary B are the last W below B (a multiple of 54) and the next one.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from kansrijk.rules.contract import InputError
from kansrijk.rules.net import net_monthly
from kansrijk.rules.params import load_parameters
from kansrijk.rules.wage_tax import gross_for_net, tax_parameters, wage_tax

P2026 = tax_parameters(load_parameters().at(dt.date(2026, 1, 1)))

# monthly wage -> (wage tax, without credits, arbeidskorting, net), per month; with the derivation.
ROWS = {
    # Documented: W 47.952; X1 = floor(13.900 + 37,56% x 9.069 = 3.406,32) = 17.306;
    # AHK = ceil(3.115 - 6,398% x 18.216 = 1.165,46) = 1.950; AK = ceil(5.685 - 6,51% x 2.360) = 5.532;
    # (17.306 - 1.950 - 5.532) / 12 = 818,67; 17.306 / 12 = 1.442,17; 5.532 / 12 = 461,00.
    "4000.00": ("818.67", "1442.17", "461.00", "3181.33"),
    # Bracket 1 ends at 38.883: W 38.880 (row 720). X1 = floor(35,75% x 38.880 = 13.899,6) = 13.899;
    # AHK = ceil(3.115 - 6,398% x 9.144 = 585,03) = 2.530; AK = ceil(5.300 + 1,95% x 13.035 = 254,18)
    # = 5.555; (13.899 - 2.530 - 5.555) / 12 = 5.814 / 12 = 484,50; 13.899 / 12 = 1.158,25;
    # 5.555 / 12 = 462,916 -> 462,92.
    "3240.00": ("484.50", "1158.25", "462.92", "2755.50"),
    # W 38.934 (row 721), bracket 2: X1 = floor(13.900 + 37,56% x 51 = 19,16) = 13.919;
    # AHK = ceil(3.115 - 6,398% x 9.198 = 588,49) = 2.527; AK = ceil(5.300 + 1,95% x 13.089 = 255,24)
    # = 5.556; 5.836 / 12 = 486,333 -> 486,33; 13.919 / 12 = 1.159,916 -> 1.159,92; 5.556 / 12 = 463,00.
    "3244.50": ("486.33", "1159.92", "463.00", "2758.17"),
    # AHK starts to fall above 29.736: W 29.700 (row 550): X1 = floor(10.617,75) = 10.617; AHK 3.115;
    # AK = ceil(5.300 + 1,95% x 3.855 = 75,17) = 5.376; 2.126 / 12 = 177,166 -> 177,17;
    # 10.617 / 12 = 884,75; 5.376 / 12 = 448,00.
    "2475.00": ("177.17", "884.75", "448.00", "2297.83"),
    # W 29.754 (row 551): X1 = floor(10.637,06) = 10.637; AHK = ceil(3.115 - 1,15) = 3.114;
    # AK = ceil(5.300 + 76,23) = 5.377; 2.146 / 12 = 178,833 -> 178,83; 10.637 / 12 = 886,416 -> 886,42;
    # 5.377 / 12 = 448,083 -> 448,08.
    "2479.50": ("178.83", "886.42", "448.08", "2300.67"),
    # AK first knik 11.965: W 11.934 (row 221): X1 = floor(4.266,41) = 4.266; AHK 3.115;
    # AK = ceil(8,324% x 11.934 = 993,39) = 994; 157 / 12 = 13,083 -> 13,08; 4.266 / 12 = 355,50;
    # 994 / 12 = 82,833 -> 82,83.
    "994.50": ("13.08", "355.50", "82.83", "981.42"),
    # W 11.988 (row 222): X1 = floor(4.285,71) = 4.285; AK = ceil(996 + 31,009% x 23 = 7,13) = 1.004;
    # 166 / 12 = 13,833 -> 13,83; 4.285 / 12 = 357,083 -> 357,08; 1.004 / 12 = 83,666 -> 83,67.
    "999.00": ("13.83", "357.08", "83.67", "985.17"),
    # AK second knik 25.845: W 25.812 (row 478): X1 = floor(9.227,79) = 9.227;
    # AK = ceil(996 + 31,009% x 13.847 = 4.293,82) = 5.290; 822 / 12 = 68,50; 9.227 / 12 = 768,916
    # -> 768,92; 5.290 / 12 = 440,833 -> 440,83.
    "2151.00": ("68.50", "768.92", "440.83", "2082.50"),
    # W 25.866 (row 479): X1 = floor(9.247,10) = 9.247; AK = ceil(5.300 + 1,95% x 21 = 0,41) = 5.301;
    # 831 / 12 = 69,25; 9.247 / 12 = 770,583 -> 770,58; 5.301 / 12 = 441,75.
    "2155.50": ("69.25", "770.58", "441.75", "2086.25"),
    # AK third knik 45.592: W 45.576 (row 844): X1 = floor(13.900 + 37,56% x 6.693 = 2.513,89) = 16.413;
    # AHK = ceil(3.115 - 6,398% x 15.840 = 1.013,44) = 2.102; AK = min(5.685, ceil(5.300 + 384,75)) = 5.685;
    # 8.626 / 12 = 718,833 -> 718,83; 16.413 / 12 = 1.367,75; 5.685 / 12 = 473,75.
    "3798.00": ("718.83", "1367.75", "473.75", "3079.17"),
    # W 45.630 (row 845): X1 = floor(13.900 + 2.534,17) = 16.434; AHK = ceil(3.115 - 1.016,90) = 2.099;
    # AK = ceil(5.685 - 6,51% x 38 = 2,47) = 5.683; 8.652 / 12 = 721,00; 16.434 / 12 = 1.369,50;
    # 5.683 / 12 = 473,583 -> 473,58.
    "3802.50": ("721.00", "1369.50", "473.58", "3081.50"),
    # Bracket 2 ends at 78.426: W 78.408 (row 1452): X1 = floor(13.900 + 37,56% x 39.525 = 14.845,59)
    # = 28.745; AHK = ceil(3.115 - 6,398% x 48.672 = 3.114,03) = 1; AK = ceil(5.685 - 6,51% x 32.816
    # = 2.136,32) = 3.549; 25.195 / 12 = 2.099,583 -> 2.099,58; 28.745 / 12 = 2.395,416 -> 2.395,42;
    # 3.549 / 12 = 295,75.
    "6534.00": ("2099.58", "2395.42", "295.75", "4434.42"),
    # W 78.462 (row 1453), bracket 3: X1 = floor(28.753 + 49,50% x 36 = 17,82) = 28.770; AHK = 0
    # (3.115 - 3.117,49 is below 0); AK = ceil(5.685 - 6,51% x 32.870 = 2.139,84) = 3.546;
    # 25.224 / 12 = 2.102,00; 28.770 / 12 = 2.397,50; 3.546 / 12 = 295,50.
    "6538.50": ("2102.00", "2397.50", "295.50", "4436.50"),
    # Credits above X1: W 5.994; X1 = floor(2.142,86) = 2.142; AHK 3.115 is cut to 2.142 and the
    # arbeidskorting (ceil(498,94) = 499) gives way first, to 0: no wage tax; 2.142 / 12 = 178,50.
    "500.00": ("0.00", "178.50", "0.00", "500.00"),
    # The row starts exactly at a multiple of € 4,50: € 3.239,99 is still row 719 (W 38.826):
    # X1 = floor(13.880,30) = 13.880; AHK = ceil(3.115 - 6,398% x 9.090 = 581,58) = 2.534;
    # AK = ceil(5.300 + 1,95% x 12.981 = 253,13) = 5.554; 5.792 / 12 = 482,666 -> 482,67;
    # 13.880 / 12 = 1.156,666 -> 1.156,67; 5.554 / 12 = 462,833 -> 462,83.
    "3239.99": ("482.67", "1156.67", "462.83", "2757.32"),
}


@pytest.mark.parametrize(("wage", "expected"), ROWS.items(), ids=list(ROWS))
def test_net_reproduces_the_witte_maandtabel_2026_to_the_cent(wage: str, expected: tuple[str, ...]) -> None:
    answer = net_monthly(wage, "2026-01-01")
    keys = ("wage_tax_monthly", "wage_tax_monthly_without_credits", "arbeidskorting_monthly", "net_monthly")
    assert tuple(answer[key] for key in keys) == expected


def test_the_documented_example_is_exactly_the_contract_answer() -> None:
    assert net_monthly("4000.00", "2026-01-01") == {
        "wage_tax_monthly": "818.67",
        "wage_tax_monthly_without_credits": "1442.17",
        "arbeidskorting_monthly": "461.00",
        "net_monthly": "3181.33",
    }


def test_2025_uses_the_2025_brackets_and_credits() -> None:
    # W 47.952 in 2025: X1 = floor(floor(35,82% x 38.441 = 13.769,57) + 37,48% x 9.511 = 3.564,72)
    # = 17.333; AHK = ceil(3.068 - 6,337% x 19.546 = 1.238,63) = 1.830; AK = ceil(5.599 - 6,51% x 4.881
    # = 317,75) = 5.282; (17.333 - 1.830 - 5.282) / 12 = 10.221 / 12 = 851,75.
    assert net_monthly("4000.00", "2025-06-01")["wage_tax_monthly"] == "851.75"


@pytest.mark.parametrize(
    ("wage", "date", "field"),
    [
        ("4000,00", "2026-01-01", "monthly-wage"),
        ("-1", "2026-01-01", "monthly-wage"),
        ("4000.001", "2026-01-01", "monthly-wage"),
        ("4000.00", "2026-13-01", "date"),
        ("4000.00", "1-1-2026", "date"),
        ("4000.00", "2027-01-01", "date"),  # the 2027 values are not in the law yet
    ],
)
def test_bad_input_names_the_field(wage: str, date: str, field: str) -> None:
    with pytest.raises(InputError) as raised:
        net_monthly(wage, date)
    assert raised.value.field == field


def test_the_table_is_vectorised_and_one_row_equals_the_table_of_one() -> None:
    wages = np.arange(0, 1_200_000, 1_234, dtype=np.int64)
    table = wage_tax(wages, P2026)
    for index in (0, 17, 300, len(wages) - 1):
        one = wage_tax(wages[index : index + 1], P2026)
        assert one.wage_tax_monthly[0] == table.wage_tax_monthly[index]


def test_gross_for_net_gives_the_lowest_wage_that_reaches_the_net() -> None:
    # Brute force over every cent of wage from 0 to € 2.500: the first wage whose net reaches each target.
    wages = np.arange(0, 250_001, dtype=np.int64)
    nets = wage_tax(wages, P2026).net_monthly
    reached = np.maximum.accumulate(nets)
    targets = np.arange(0, int(reached[-1]), 37, dtype=np.int64)
    expected = np.searchsorted(reached, targets, side="left")
    assert np.array_equal(gross_for_net(targets, P2026), wages[expected])


def test_gross_for_net_round_trips_the_documented_example() -> None:
    assert int(gross_for_net(np.array([318_133]), P2026)[0]) <= 400_000
    gross = gross_for_net(np.array([318_133]), P2026)
    assert int(wage_tax(gross, P2026).net_monthly[0]) >= 318_133
