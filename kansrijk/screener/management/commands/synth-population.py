"""`kansrijk synth-population OUT.npz`: a seeded synthetic population for what-if runs."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.rules.population import generate, save_npz
from kansrijk.screener.population import population_targets

DEFAULT_CSV = (
    Path(__file__).resolve().parents[3] / "municipalities" / "data" / "gemeenten_bevolking_oppervlakte_2024.csv"
)


class Command(BaseCommand):
    help = (
        "Write a synthetic population (households and children, numpy tables) calibrated per municipality to "
        "CBS: the number of households to its population, incomes to its income distribution (85711NED) and "
        "its share of children up to 120% of the social minimum (85309NED), as a .npz file (ADR 0032)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("output", type=Path, help="Path of the .npz file to write.")
        parser.add_argument("--seed", type=int, default=0)
        size = parser.add_mutually_exclusive_group()
        size.add_argument("--households", type=int, help="Total number of households.")
        size.add_argument(
            "--scale", type=float, default=1.0, help="Fraction of the real number of households (default 1)."
        )
        parser.add_argument("--municipality", help="Only this municipality, e.g. GM0363.")
        parser.add_argument("--date", default="2026-01-01", help="Reference date for the children's ages.")
        parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="CBS population per municipality.")
        parser.add_argument(
            "--income-year", type=int, help="Year of the CBS income distribution (default: the newest)."
        )
        parser.add_argument(
            "--uncalibrated", action="store_true", help="Incomes from fixed national distributions (as before 0032)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["households"] is not None and options["households"] < 1:
            raise CommandError("--households must be at least 1", returncode=2)
        try:
            on = dt.date.fromisoformat(options["date"])
        except ValueError:
            raise CommandError("--date must be like 2026-01-01", returncode=2) from None
        started = time.perf_counter()

        def progress(fraction: float, stage: str) -> None:
            sys.stderr.write(f"\r[{fraction:6.1%}] {stage:<60}")
            sys.stderr.flush()

        try:
            targets = None if options["uncalibrated"] else population_targets(income_year=options["income_year"])
            tables = generate(
                options["csv"],
                on=on,
                households=options["households"],
                scale=options["scale"],
                municipality=options["municipality"],
                seed=options["seed"],
                progress=progress,
                targets=targets,
            )
        except (OSError, ValueError) as error:
            raise CommandError(str(error), returncode=2) from None
        save_npz(tables, options["output"])
        sys.stderr.write("\n")
        if targets is not None:
            self.stdout.write(
                f"Calibrated to CBS 85711NED {targets.income_year} (income) and 85309NED {targets.child_year} "
                "(children up to 120% of the social minimum)."
            )
        self.stdout.write(
            f"{tables.size} households, {int(tables.n_children.sum())} children, "
            f"{len(tables.municipality_codes)} municipalities -> {options['output']} "
            f"({time.perf_counter() - started:.1f} s)"
        )
