"""The traffic light of a commitment's yearly progress report: a pure function of dates.

The rule, exactly (dates are calendar days in Europe/Amsterdam):

    anchor      = date of the latest progress report, or the commitment's start date
                  when it has none yet
    due_from    = anchor + 10 calendar months
    anniversary = anchor + 12 calendar months

    green  when today <  due_from                    (reported, not yet due)
    amber  when due_from <= today <= anniversary     (due: within 2 months of the anniversary)
    red    when today >  anniversary                 (overdue: more than 12 months)

So on the anniversary itself the light is still amber; it turns red the day after.
"N calendar months later" keeps the day of the month and clamps it to the last day of a
shorter month: 31 March + 10 months = 31 January, 31 December + 2 months = 28/29 February,
29 February + 12 months = 28 February.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from kansrijk.alliance.constants import REPORT_DUE_AFTER_MONTHS, REPORT_INTERVAL_MONTHS, TrafficLight


def add_months(day: date, months: int) -> date:
    """`day` plus whole calendar months, clamped to the last day of the target month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReportStatus:
    light: TrafficLight
    due_from: date
    due_on: date

    @property
    def label(self) -> str:
        return str(self.light.label)


def report_status(*, anchor: date, today: date) -> ReportStatus:
    """The traffic light for a commitment whose last report (or start) was on `anchor`."""
    due_from = add_months(anchor, REPORT_DUE_AFTER_MONTHS)
    due_on = add_months(anchor, REPORT_INTERVAL_MONTHS)
    if today < due_from:
        light = TrafficLight.GREEN
    elif today <= due_on:
        light = TrafficLight.AMBER
    else:
        light = TrafficLight.RED
    return ReportStatus(light=light, due_from=due_from, due_on=due_on)
