"""The outcomes pages as charts (ADR 0030): each page's measures turned into `Chart`s, so the
picture, the table alternative and the CSV come from one object. Counts are suppressed for
outsiders (`public=True`) inside `core.charts`; a partner's own page is exact.

Reads the anonymous facts only (`kansrijk.facts`); a fixed number of queries per page."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kansrijk.core.charts import Chart, Kind, cells_from
from kansrijk.core.charts.values import Cell
from kansrijk.facts.constants import Step
from kansrijk.facts.models import ReferralFact
from kansrijk.municipalities.selectors import places
from kansrijk.outcomes.measures import STAGES, BetterOff, Filters, HowMuch, HowWell, better_off, how_much, how_well
from kansrijk.referrals.constants import DeclineReason, FamilyAnswer
from kansrijk.socialmap.constants import NEEDS

STAGE_LABELS = {
    "concern_to_consent": _("Van zorg tot toestemming"),
    "consent_to_referral": _("Van toestemming tot verwijzing"),
    "referral_to_accepted": _("Van verwijzing tot geaccepteerd"),
    "accepted_to_delivered": _("Van geaccepteerd tot hulp gegeven"),
    "concern_to_delivered": _("Van zorg tot hulp gegeven (totaal)"),
}
# The child's own smiley scale, as the feedback form asks it (1 to 5).
SMILEYS = {1: _("Heel verdrietig"), 2: _("Niet blij"), 3: _("Gewoon"), 4: _("Blij"), 5: _("Heel blij")}


def need_label(code: str) -> str:
    english = (get_language() or "nl").startswith("en")
    for need in NEEDS:
        if need.code == code:
            return need.name_en if english else need.name_nl
    return str(_("Overige hulp"))


def _stage_rows(stages: dict[str, Any], public: bool) -> list[tuple[str, str, float | None]]:
    """Median days per stage; outside the owner only when at least 10 cases stand behind it."""
    rows = []
    for name, _start, _end in STAGES:
        duration = stages.get(name)
        enough = duration is not None and (not public or duration.count >= 10)
        value = duration.median_days if duration is not None and enough else None
        rows.append((name, str(STAGE_LABELS[name]), None if value is None else float(value)))
    return rows


def _how_much_chart(measure: HowMuch, *, public: bool, csv_url: str) -> Chart:
    rows = [(need or "other", need_label(need), counts.helped) for need, counts in sorted(measure.by_need.items())]
    return Chart(
        key="geholpen",
        title=_("Hoeveel kinderen kregen hulp, per soort hulp"),
        description=_("Aantal verwijzingen waarbij de hulp is gegeven, in dit jaar, per soort hulp."),
        label_header=_("Soort hulp"),
        value_header=_("Aantal"),
        kind=Kind.COUNT,
        cells=cells_from(rows, kind=Kind.COUNT, public=public),
        public=public,
        higher_is_better=True,
        csv_url=csv_url,
    )


def _steps_chart(measure: HowMuch, *, public: bool, csv_url: str) -> Chart:
    total = measure.total
    rows = [
        ("referred", str(_("Verwezen")), total.referred),
        ("accepted", str(_("Geaccepteerd")), total.accepted),
        ("helped", str(_("Hulp gegeven")), total.helped),
        ("declined", str(_("Afgewezen")), total.declined),
        ("withdrawn", str(_("Ingetrokken")), total.withdrawn),
    ]
    return Chart(
        key="stappen",
        title=_("Verwijzingen per stap"),
        description=_("Hoeveel verwijzingen in dit jaar elke stap bereikten."),
        label_header=_("Stap"),
        value_header=_("Aantal"),
        kind=Kind.COUNT,
        cells=cells_from(rows, kind=Kind.COUNT, public=public),
        public=public,
        csv_url=csv_url,
    )


def _time_chart(measure: HowWell, *, public: bool, csv_url: str) -> Chart:
    return Chart(
        key="tijd",
        title=_("Hoe lang het duurt tot er hulp is"),
        description=_(
            "Mediaan in dagen per stap, bij hulp die dit jaar is gegeven. Zonder waarde: minder dan 10 gevallen."
        ),
        label_header=_("Stap"),
        value_header=_("Mediaan"),
        kind=Kind.DAYS,
        cells=cells_from(_stage_rows(measure.stages, public), kind=Kind.DAYS, public=public),
        public=public,
        higher_is_better=False,
        csv_url=csv_url,
    )


def _declines_chart(measure: HowWell, *, public: bool, csv_url: str) -> Chart:
    labels = dict(DeclineReason.choices)
    rows = [(reason, str(labels.get(reason, reason)), count) for reason, count in measure.decline_reasons]
    return Chart(
        key="afwijzingen",
        title=_("Waarom hulp werd afgewezen"),
        description=_("Redenen van afwijzen, de grootste eerst."),
        label_header=_("Reden"),
        value_header=_("Aantal"),
        kind=Kind.COUNT,
        cells=cells_from(rows, kind=Kind.COUNT, public=public),
        public=public,
        csv_url=csv_url,
    )


def _voice_charts(measure: BetterOff, *, public: bool, csv_url: str) -> list[Chart]:
    answers = dict(FamilyAnswer.choices)
    family = [(code, str(answers[code]), measure.family_answers.get(code, 0)) for code in answers]
    children = [(str(score), str(label), measure.child_scores.get(score, 0)) for score, label in SMILEYS.items()]
    needs = sorted(set(measure.wishes) | set(measure.wishes_met))
    wishes = [(code, need_label(code), measure.wishes_met.get(code, 0)) for code in needs]
    made = [
        ("ouders", _("Hielp de hulp? Wat ouders zeggen"), _("Antwoord"), family),
        ("kinderen", _("Wat kinderen zeggen met een smiley"), _("Smiley"), children),
        ("wensen", _("Wensen van kinderen die uitkwamen"), _("Wens"), wishes),
    ]
    return [
        Chart(
            key=key,
            title=title,
            description=_("Aantal antwoorden of wensen in dit jaar."),
            label_header=header,
            value_header=_("Aantal"),
            kind=Kind.COUNT,
            cells=cells_from(rows, kind=Kind.COUNT, public=public),
            public=public,
            higher_is_better=True,
            csv_url=f"{csv_url}?grafiek={key}",
        )
        for key, title, header, rows in made
    ]


def dashboard_charts(filters: Filters, *, public: bool, csv_url: str) -> list[Chart]:
    """How much, how well and is anyone better off, as charts (eight queries)."""
    much, well, off = how_much(filters), how_well(filters), better_off(filters)
    return [
        _steps_chart(much, public=public, csv_url=csv_url + "?grafiek=stappen"),
        _how_much_chart(much, public=public, csv_url=csv_url + "?grafiek=geholpen"),
        _time_chart(well, public=public, csv_url=csv_url + "?grafiek=tijd"),
        _declines_chart(well, public=public, csv_url=csv_url + "?grafiek=afwijzingen"),
        *_voice_charts(off, public=public, csv_url=csv_url),
    ]


@dataclass(frozen=True)
class National:
    year: int
    map: Chart
    provinces: Chart


def helped_by_municipality(year: int) -> dict[str, int]:
    """Help delivered per municipality in the year (one grouped query over the facts' index)."""
    rows = (
        ReferralFact.objects.filter(step=Step.DONE, on__gte=date(year, 1, 1), on__lte=date(year, 12, 31))
        .values_list("municipality_code")
        .annotate(n=Count("id"))
        .order_by()
    )
    return dict(rows)


def national(year: int, *, csv_url: str) -> National:
    """The alliance's national view: help delivered per municipality (map) and per province, from
    one grouped query. The national how well / better off are in the yearly monitor: over all
    facts of a year they take seconds (see docs/benchmarks.md)."""
    helped = helped_by_municipality(year)
    everywhere = places()
    cells: list[Cell] = []
    per_province: dict[str, int] = defaultdict(int)
    for place, cell in zip(
        everywhere,
        cells_from(((p.code, p.name, helped.get(p.code, 0)) for p in everywhere), kind=Kind.COUNT, public=True),
        strict=True,
    ):
        cells.append(Cell(**{**cell.__dict__, "group": place.province}))
        per_province[place.province] += helped.get(place.code, 0)
    map_chart = Chart(
        key="kaart",
        title=_("Kinderen die hulp kregen, per gemeente"),
        description=_("Aantal verwijzingen met gegeven hulp in %(year)s, per gemeente.") % {"year": year},
        label_header=_("Gemeente"),
        value_header=_("Aantal"),
        group_header=_("Provincie"),
        kind=Kind.COUNT,
        cells=tuple(cells),
        higher_is_better=True,
        csv_url=f"{csv_url}?grafiek=kaart",
    )
    provinces = Chart(
        key="provincies",
        title=_("Kinderen die hulp kregen, per provincie"),
        description=_("Aantal verwijzingen met gegeven hulp in %(year)s, per provincie.") % {"year": year},
        label_header=_("Provincie"),
        value_header=_("Aantal"),
        kind=Kind.COUNT,
        cells=cells_from(
            ((name, name, count) for name, count in sorted(per_province.items())), kind=Kind.COUNT, public=True
        ),
        higher_is_better=True,
        csv_url=f"{csv_url}?grafiek=provincies",
    )
    return National(year=year, map=map_chart, provinces=provinces)


def partner_charts(*, receiver_id: uuid.UUID, year: int, csv_url: str) -> list[Chart]:
    return dashboard_charts(Filters.for_year(year, receiver_id=receiver_id), public=False, csv_url=csv_url)
