"""Demo schemes: Leudal's kindpakket and meedoenregeling, and Leudal's local funds, on top of the
reference data (the national funds, `kansrijk.screener.services.load_reference`, loaded first and not demo).

Idempotent: a scheme that exists (owner, municipality, slug) is left alone, with its versions.
Leudal's rows are demo data (is_demo, source pointing at the demo note); the local funds'
criteria come from `kansrijk.rules.funds` with their real sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Organisation
from kansrijk.screener.constants import DEMO_NOTE_PATH, SchemeKind
from kansrijk.screener.models import Scheme
from kansrijk.screener.selectors import FUNDS, RANK_MUNICIPAL
from kansrijk.screener.services import VersionData, fund_version, load_reference, scheme_create, scheme_version_create

LEUDAL = "GM1640"
MUNICIPALITY = "Gemeente Leudal"
DEMO_SOURCE = "Demo: verzonnen regeling van de demo-gemeente Leudal (geen echte regeling)"
HOW_LEUDAL = "Vraag het aan bij de gemeente Leudal, online of aan de balie. Neem uw inkomen van de laatste maand mee."
HOW_LEUDAL_EN = "Apply to the municipality of Leudal, online or at the desk. Bring your income of the last month."
# Where to go (demo values that look like a municipality's contact routes).
LEUDAL_CONTACT: dict[str, Any] = {
    "apply_url": "https://www.leudal.nl",
    "apply_phone": "14 0475",
    "apply_address": "Gemeentehuis Leudal, Markt 1, Heythuysen",
}
# Local fund organisations of the demo world (the national funds are reference data).
FUND_OWNERS: dict[str, tuple[str, str]] = {
    "voedselbank": ("Voedselbank Leudal", LEUDAL),
    "speelgoedbank": ("Speelgoedbank Leudal", LEUDAL),
}
LEUDAL_SCHEMES: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "kindpakket",
        {
            "label": "Kindpakket Leudal",
            "needs": ("sport", "cultuur", "schoolkosten"),
            "income_limit_percent": 120,
            "asset_limit_cents": 16_000_00,
            "child_age_min": 4,
            "child_age_max": 17,
            "amount_per_child_cents": 250_00,
            "payment_route": "voucher",
            "how_to_apply": HOW_LEUDAL
            + " U krijgt een tegoed van € 250 per kind per jaar voor sport, cultuur en school.",
            "how_to_apply_en": HOW_LEUDAL_EN
            + " You get a credit of € 250 per child per year for sport, culture and school.",
        },
    ),
    (
        "meedoenregeling",
        {
            "label": "Meedoenregeling Leudal",
            "needs": ("uitje",),
            "income_limit_percent": 120,
            "asset_limit_cents": 16_000_00,
            "amount_per_household_cents": 150_00,
            "payment_route": "money",
            "how_to_apply": HOW_LEUDAL + " U krijgt € 150 per jaar voor een uitje of lidmaatschap.",
            "how_to_apply_en": HOW_LEUDAL_EN + " You get € 150 per year for a day out or a membership.",
        },
    ),
)


def _leudal(defaults: dict[str, Any]) -> VersionData:
    return VersionData(
        start_date=dt.date(2026, 1, 1),
        source_title=DEMO_SOURCE,
        source_url=DEMO_NOTE_PATH,
        income_test="bijstandsnorm",
        applies_via="self",
        change_note="Demo-gegevens geladen.",
        **LEUDAL_CONTACT,
        **defaults,
    )


def _ensure(owner_name: str, code: str | None, slug: str, kind: str, rank: int, *, demo: bool) -> Scheme | None:
    owner = Organisation.objects.filter(name=owner_name).first()
    if owner is None:
        return None
    existing = Scheme.objects.filter(owner=owner, municipality_id=code, slug=slug).first()
    if existing is not None:
        return None  # already loaded: leave it (and its versions) alone
    municipality = Municipality.objects.filter(code=code).first() if code else None
    return scheme_create(
        actor=None, owner=owner, municipality=municipality, slug=slug, kind=kind, rank=rank, is_demo=demo
    )


def load() -> None:
    load_reference()
    for slug, defaults in LEUDAL_SCHEMES:
        scheme = _ensure(MUNICIPALITY, LEUDAL, slug, SchemeKind.MUNICIPAL, RANK_MUNICIPAL, demo=True)
        if scheme is not None:
            scheme_version_create(actor=None, scheme=scheme, data=_leudal(defaults))
    created: dict[str, Scheme | None] = {}
    for template in FUNDS:
        key = template["key"]
        if key not in FUND_OWNERS:
            continue  # a national fund: reference data
        owner, code = FUND_OWNERS[key]
        if key not in created:
            created[key] = _ensure(owner, code, key, SchemeKind.FUND, template["rank"], demo=True)
        scheme = created[key]
        if scheme is not None:
            scheme_version_create(actor=None, scheme=scheme, data=fund_version(template))
