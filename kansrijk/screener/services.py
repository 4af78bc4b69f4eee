"""Writes of the screener: schemes and their versions (a change is a new version), audited."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import transaction

from kansrijk.accounts.models import User
from kansrijk.audit.services import record
from kansrijk.core.errors import InvalidInput
from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.constants import Kind
from kansrijk.organisations.models import Organisation
from kansrijk.organisations.services import organisation_create
from kansrijk.rules.funds import FUNDS
from kansrijk.rules.local import MAX_PERCENT
from kansrijk.screener.constants import NEED_NAMES, IncomeTest, SchemeKind, School
from kansrijk.screener.models import Scheme, SchemeVersion
from kansrijk.screener.selectors import RULES_GENERATION_KEY

MAX_CHILD_AGE = 30
MAX_CENTS = 100_000_000_00


@dataclass(frozen=True)
class VersionData:
    """The rules of one version; money in cents, dates as dates."""

    label: str
    start_date: dt.date
    source_title: str
    source_url: str
    needs: tuple[str, ...] = ()
    end_date: dt.date | None = None
    income_test: str = IncomeTest.NORM
    income_limit_percent: int | None = None
    norm_with_holiday: bool = True
    leefgeld_base_cents: int | None = None
    leefgeld_per_person_cents: int | None = None
    asset_limit_cents: int | None = None
    child_age_min: int | None = None
    child_age_max: int | None = None
    schools: tuple[str, ...] = ()
    amount_per_child_cents: int | None = None
    amount_per_household_cents: int | None = None
    amount_bands: tuple[dict[str, Any], ...] = field(default=())
    payment_route: str = "voucher"
    applies_via: str = "self"
    how_to_apply: str = ""
    how_to_apply_en: str = ""
    apply_url: str = ""
    apply_phone: str = ""
    apply_address: str = ""
    apply_intermediary: str = ""
    apply_intermediary_en: str = ""
    unverified: bool = False
    unknown_reason: str = ""
    change_note: str = ""

    @classmethod
    def from_version(cls, version: SchemeVersion) -> VersionData:
        values = {name: getattr(version, name) for name in cls.__dataclass_fields__}
        values.update(needs=tuple(version.needs), schools=tuple(version.schools), change_note="")
        values["amount_bands"] = tuple(version.amount_bands)
        return cls(**values)


def _check_amounts(data: VersionData, errors: dict[str, list[str]]) -> None:
    for name in (
        "asset_limit_cents",
        "amount_per_child_cents",
        "amount_per_household_cents",
        "leefgeld_base_cents",
        "leefgeld_per_person_cents",
    ):
        value = getattr(data, name)
        if value is not None and not 0 <= value <= MAX_CENTS:
            errors.setdefault(name, []).append("Vul een bedrag van 0 euro of meer in.")
    for band in data.amount_bands:
        if int(band.get("cents", -1)) < 0 or int(band.get("age_min", 0)) > int(band.get("age_max", 0)):
            errors.setdefault("amount_bands", []).append("Elk bedrag is 0 of meer en de leeftijd van ≤ tot.")


def _check_income(data: VersionData, errors: dict[str, list[str]]) -> None:
    if data.income_test == IncomeTest.NORM:
        percent = data.income_limit_percent
        if percent is None or not 0 <= percent <= MAX_PERCENT:
            errors.setdefault("income_limit_percent", []).append(
                f"Vul een percentage van 0 tot en met {MAX_PERCENT} in."
            )
    if data.income_test == IncomeTest.LEEFGELD and not data.unknown_reason:
        for name in ("leefgeld_base_cents", "leefgeld_per_person_cents"):
            if getattr(data, name) is None:
                errors.setdefault(name, []).append("Vul de leefgeldnorm in.")


def _check_children(data: VersionData, errors: dict[str, list[str]]) -> None:
    low, high = data.child_age_min, data.child_age_max
    for name, value in (("child_age_min", low), ("child_age_max", high)):
        if value is not None and not 0 <= value <= MAX_CHILD_AGE:
            errors.setdefault(name, []).append(f"Vul een leeftijd van 0 tot en met {MAX_CHILD_AGE} in.")
    if low is not None and high is not None and low > high:
        errors.setdefault("child_age_max", []).append("De hoogste leeftijd moet gelijk of hoger zijn dan de laagste.")
    if set(data.schools) - set(School.values):
        errors.setdefault("schools", []).append("Kies een bestaand schooltype.")
    if set(data.needs) - set(NEED_NAMES):
        errors.setdefault("needs", []).append("Kies een bestaande behoefte.")


def _check_dates(scheme: Scheme | None, data: VersionData, errors: dict[str, list[str]]) -> None:
    if data.end_date is not None and data.end_date < data.start_date:
        errors.setdefault("end_date", []).append("De einddatum ligt voor de begindatum.")
    if scheme is None:
        return
    for other in scheme.versions.all():
        other_end = other.end_date
        same = other.start_date == data.start_date
        runs_into = other.start_date < data.start_date and other_end is not None and other_end >= data.start_date
        overlaps_later = data.end_date is not None and data.start_date < other.start_date <= data.end_date
        if same or runs_into or overlaps_later:
            period = other.start_date.strftime("%d-%m-%Y") + (
                f" tot en met {other_end.strftime('%d-%m-%Y')}" if other_end else ""
            )
            errors.setdefault("start_date", []).append(
                f"Deze datums overlappen met de versie vanaf {period}. Kies een andere begindatum."
            )
            return


CONTACT_FIELDS = ("apply_url", "apply_phone", "apply_address", "apply_intermediary")
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}$")


def _check_contact(data: VersionData, errors: dict[str, list[str]]) -> None:
    """A family must know where to go: a website, a phone number, an address or who applies for them."""
    if not any(getattr(data, name).strip() for name in CONTACT_FIELDS):
        errors.setdefault("apply_url", []).append(
            "Vul in waar een gezin heen kan: een website, een telefoonnummer, een adres, "
            "of wie het voor het gezin aanvraagt."
        )
    if data.apply_url and not data.apply_url.startswith("https://"):
        errors.setdefault("apply_url", []).append("Vul een website in die begint met https://.")
    if data.apply_phone and not PHONE.match(data.apply_phone.strip()):
        errors.setdefault("apply_phone", []).append("Vul een telefoonnummer in, bijvoorbeeld 0475 123 456.")


def version_errors(*, scheme: Scheme | None, data: VersionData) -> dict[str, list[str]]:
    """Field-level problems with a version (empty when it may be stored)."""
    errors: dict[str, list[str]] = {}
    _check_contact(data, errors)
    if not data.label.strip():
        errors["label"] = ["Vul een naam in."]
    if not data.source_url.startswith(("https://", "/")):
        errors.setdefault("source_url", []).append("Vul een bron in die begint met https://.")
    _check_amounts(data, errors)
    _check_income(data, errors)
    _check_children(data, errors)
    _check_dates(scheme, data, errors)
    return errors


def _changes(before: VersionData | None, after: VersionData) -> dict[str, Any]:
    new = asdict(after)
    if before is None:
        return {key: ["", str(value)] for key, value in new.items() if key != "change_note"}
    old = asdict(before)
    return {key: [str(old[key]), str(new[key])] for key in new if old[key] != new[key] and key != "change_note"}


def _bump_rules_generation() -> None:
    try:
        cache.incr(RULES_GENERATION_KEY)
    except ValueError:
        cache.set(RULES_GENERATION_KEY, 1, timeout=None)


def _rules_changed() -> None:
    """Tell every process that its cached local rules are out of date: now (this process
    and this transaction) and again after the commit (so a copy read by another process
    before the commit is not kept)."""
    _bump_rules_generation()
    transaction.on_commit(_bump_rules_generation)


@transaction.atomic
def scheme_create(
    *,
    actor: User | None,
    owner: Organisation,
    slug: str,
    kind: str,
    rank: int,
    municipality: Municipality | None = None,
    is_demo: bool = False,
) -> Scheme:
    scheme = Scheme.objects.create(
        owner=owner, municipality=municipality, slug=slug, kind=kind, rank=rank, is_demo=is_demo
    )
    record(actor=actor, action="screener.scheme.create", obj=scheme, detail={"key": scheme.key})
    _rules_changed()
    return scheme


@transaction.atomic
def scheme_version_create(*, actor: User | None, scheme: Scheme, data: VersionData) -> SchemeVersion:
    """Add a version (a change takes effect from its start date); raises DomainError."""
    Scheme.objects.select_for_update().filter(pk=scheme.pk).first()  # one change at a time per scheme
    errors = version_errors(scheme=scheme, data=data)
    if errors:
        raise InvalidInput.from_problems(errors)
    previous = scheme.versions.filter(start_date__lt=data.start_date).order_by("-start_date").first()
    values = asdict(data)
    values.update(needs=list(data.needs), schools=list(data.schools), amount_bands=list(data.amount_bands))
    version = SchemeVersion.objects.create(scheme=scheme, created_by=actor, **values)
    before = VersionData.from_version(previous) if previous is not None else None
    record(
        actor=actor,
        action="screener.scheme.version_create",
        obj=scheme,
        detail={
            "version": str(version.pk),
            "start_date": data.start_date.isoformat(),
            "changes": _changes(before, data),
        },
    )
    _rules_changed()
    return version


# -- reference data ------------------------------------------------------------------------------
# Reference data every install needs, demo or not: the national funds and their criteria.
#
# The need taxonomy (socialmap migration 0003) and the pledge text (alliance migration 0002)
# come with `kansrijk migrate`. The national funds need an organisation row to own them (the
# fund keeps its criteria up to date in the editor), so they are loaded by `kansrijk
# load-reference`, which `make run`, the demo and the production notes call (ADR 0016).
#
# Idempotent: an organisation that exists (by name) is reused; a fund scheme that exists is
# left alone with its versions (the fund may have edited them since).


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
