"""Reference data every install needs, demo or not: the national funds and their criteria.

The need taxonomy (socialmap migration 0003) and the pledge text (alliance migration 0002)
come with `kansrijk migrate`. The national funds need an organisation row to own them (the
fund keeps its criteria up to date in the editor), so they are loaded by `kansrijk
load-reference`, which `make run`, the demo and the production notes call (ADR 0016).

Idempotent: an organisation that exists (by name) is reused; a fund scheme that exists is
left alone with its versions (the fund may have edited them since).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from kansrijk.organisations.constants import Kind
from kansrijk.organisations.models import Organisation
from kansrijk.organisations.services import organisation_create
from kansrijk.rules.funds import FUNDS
from kansrijk.screener.constants import SchemeKind
from kansrijk.screener.models import Scheme
from kansrijk.screener.services import VersionData, scheme_create, scheme_version_create


@dataclass(frozen=True)
class NationalFund:
    name: str
    website: str
    description: str


# The funds that work in every municipality (parameter notes: PARAMETERS.md §6). Voedselbank, Speelgoedbank
# are local organisations: a local row is added by that organisation (the demo adds Leudal's).
NATIONAL_FUNDS: dict[str, NationalFund] = {
    "jeugdfonds_sport_cultuur": NationalFund(
        "Jeugdfonds Sport & Cultuur",
        "https://www.jeugdfondssportencultuur.nl",
        "Betaalt contributie, lesgeld en spullen voor sport en cultuur, via een intermediair.",
    ),
    "leergeld": NationalFund(
        "Stichting Leergeld",
        "https://www.leergeld.nl",
        "Helpt kinderen van 4 tot 18 jaar met schoolspullen, een fiets of een laptop.",
    ),
    "kinderhulp": NationalFund(
        "Nationaal Fonds Kinderhulp",
        "https://www.kinderhulp.nl",
        "Helpt kinderen tot 21 jaar als er geen andere regeling is, altijd via een professional.",
    ),
    "jarige_job": NationalFund(
        "Stichting Jarige Job",
        "https://www.jarigejob.nl",
        "Geeft verjaardagsboxen, zodat elk kind zijn verjaardag kan vieren.",
    ),
}


@dataclass(frozen=True)
class LoadSummary:
    organisations: int
    schemes: int
    versions: int


def fund_version(template: dict[str, Any]) -> VersionData:
    """One entry of `kansrijk.rules.funds.FUNDS` as a scheme version (money in cents)."""
    keep = set(VersionData.__dataclass_fields__)
    cents = {"leefgeld_base": "leefgeld_base_cents", "leefgeld_per_person": "leefgeld_per_person_cents"}
    cents.update(amount_per_child="amount_per_child_cents", asset_limit="asset_limit_cents")
    values = {cents.get(k, k): v for k, v in template.items() if cents.get(k, k) in keep}
    values["start_date"] = dt.date.fromisoformat(template["start"])
    values["end_date"] = dt.date.fromisoformat(template["end"]) if template.get("end") else None
    return VersionData(
        source_title=template["source"]["title"],
        source_url=template["source"]["href"],
        change_note="Criteria geladen uit de openbare bronnen van het fonds.",
        **values,
    )


def _organisation(fund: NationalFund) -> tuple[Organisation, bool]:
    found = Organisation.objects.filter(name__iexact=fund.name).first()
    if found is not None:
        return found, False
    created = organisation_create(
        actor=None, name=fund.name, kind=Kind.FUND, website=fund.website, description=fund.description
    )
    return created, True


def load_reference() -> LoadSummary:
    """Create the national funds' organisations and criteria where missing (one transaction)."""
    organisations = schemes = versions = 0
    with transaction.atomic():
        for key, fund in NATIONAL_FUNDS.items():
            owner, created = _organisation(fund)
            organisations += created
            if Scheme.objects.filter(owner=owner, municipality=None, slug=key).exists():
                continue
            templates = [t for t in FUNDS if t["key"] == key]
            scheme = scheme_create(
                actor=None, owner=owner, municipality=None, slug=key, kind=SchemeKind.FUND, rank=templates[0]["rank"]
            )
            schemes += 1
            for template in templates:
                scheme_version_create(actor=None, scheme=scheme, data=fund_version(template))
                versions += 1
    return LoadSummary(organisations, schemes, versions)
