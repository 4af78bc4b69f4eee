"""The scheme's change log in words and euros: each change to a scheme as a sentence, with who and when.

The audit trail says who changed what and when (`screener.scheme.version_create` names the new
version); the sentences come from comparing that version with the one before it, field by field,
in plain Dutch (B1): "Inkomensgrens van 120% naar 130% van de bijstandsnorm", "Bedrag per kind van
€ 250,00 naar € 300,00". No field names, no cents, no ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from kansrijk.audit.models import AuditEvent
from kansrijk.core.money import format_euros
from kansrijk.screener.constants import NEED_NAMES, AppliesVia, IncomeTest, PaymentRoute, School
from kansrijk.screener.models import SchemeVersion

# Money fields: the words before "van … naar …".
MONEY_FIELDS: dict[str, str] = {
    "amount_per_child_cents": N_("Bedrag per kind"),
    "amount_per_household_cents": N_("Bedrag per gezin"),
    "asset_limit_cents": N_("Vermogensgrens"),
    "leefgeld_base_cents": N_("Leefgeldnorm voor de eerste persoon"),
    "leefgeld_per_person_cents": N_("Leefgeldnorm voor elke volgende persoon"),
}


def euros(cents: int | None) -> str:
    """Dutch money with two decimals: 25000 -> "€ 250,00", 123456 -> "€ 1.234,56"; None -> "geen"."""
    if cents is None:
        return _("geen")
    return format_euros(int(cents))


def day(value: dt.date | None) -> str:
    return formats.date_format(value, "j F Y") if value is not None else _("geen einddatum")


def _ages(version: SchemeVersion) -> str:
    low, high = version.child_age_min, version.child_age_max
    if low is None and high is None:
        return _("elke leeftijd")
    if high is None:
        return _("%(low)s jaar en ouder") % {"low": low}
    return _("%(low)s tot en met %(high)s jaar") % {"low": low or 0, "high": high}


def _names(codes: Sequence[str], names: dict[str, Any]) -> str:
    return ", ".join(str(names.get(code, code)).lower() for code in codes) or _("geen")


def _bands(bands: Sequence[dict[str, Any]]) -> str:
    return "; ".join(f"{b['age_min']}–{b['age_max']} jaar: {euros(int(b['cents']))}" for b in bands) or _("geen")


def _limit(version: SchemeVersion) -> str:
    if version.income_test != IncomeTest.NORM:
        return str(IncomeTest(version.income_test).label).lower()
    return _("%(percent)s%% van de bijstandsnorm") % {"percent": version.income_limit_percent}


def _income_changes(before: SchemeVersion, after: SchemeVersion) -> list[str]:
    """ "Inkomensgrens van 120% naar 130% van de bijstandsnorm"; the holiday allowance as its own sentence."""
    sentences = []
    both_norm = before.income_test == after.income_test == IncomeTest.NORM
    if both_norm and before.income_limit_percent != after.income_limit_percent:
        sentences.append(
            _("Inkomensgrens van %(old)s%% naar %(new)s%% van de bijstandsnorm")
            % {"old": before.income_limit_percent, "new": after.income_limit_percent}
        )
    elif not both_norm and _limit(before) != _limit(after):
        sentences.append(_("Inkomensgrens van %(old)s naar %(new)s") % {"old": _limit(before), "new": _limit(after)})
    if after.income_test == IncomeTest.NORM and before.norm_with_holiday != after.norm_with_holiday:
        sentences.append(
            _("De grens telt nu met vakantiegeld")
            if after.norm_with_holiday
            else _("De grens telt nu zonder vakantiegeld")
        )
    return sentences


def _yes_no(value: bool) -> str:
    return _("ja") if value else _("nee")


# What a version says, in words, per subject; compared between two versions.
SUBJECTS: list[tuple[str, Callable[[SchemeVersion], str]]] = [
    (N_("Naam"), lambda v: f"„{v.label}”"),
    (N_("Startdatum"), lambda v: day(v.start_date)),
    (N_("Einddatum"), lambda v: day(v.end_date)),
    (N_("Leeftijd van de kinderen"), _ages),
    (N_("Schooltype"), lambda v: _names(v.schools, dict(School.choices)) if v.schools else _("elk schooltype")),
    (N_("Waar het bij helpt"), lambda v: _names(v.needs, dict(NEED_NAMES))),
    (N_("Bedrag per leeftijd"), lambda v: _bands(v.amount_bands)),
    (N_("Hoe het gezin het krijgt"), lambda v: str(PaymentRoute(v.payment_route).label).lower()),
    (N_("Wie het kan aanvragen"), lambda v: str(AppliesVia(v.applies_via).label).lower()),
    (N_("Website om aan te vragen"), lambda v: v.apply_url or _("geen")),
    (N_("Bron"), lambda v: f"„{v.source_title}”"),
    (N_("Bron nog niet gecontroleerd"), lambda v: _yes_no(v.unverified)),
]
TEXT_SUBJECTS: list[tuple[str, str]] = [
    ("how_to_apply", N_("De uitleg over aanvragen is aangepast.")),
    ("unknown_reason", N_("De uitleg waarom de regels onbekend zijn is aangepast.")),
]


def _money_changes(before: SchemeVersion, after: SchemeVersion) -> list[str]:
    sentences = []
    for name, words in MONEY_FIELDS.items():
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            values = {"what": _(words), "old": euros(old), "new": euros(new)}
            sentences.append(_("%(what)s van %(old)s naar %(new)s") % values)
    return sentences


def version_changes(before: SchemeVersion | None, after: SchemeVersion) -> list[str]:
    """What `after` changed compared with `before`, one sentence per change (the first version: what it says)."""
    if before is None:
        facts = [f"{_(what)}: {describe(after)}" for what, describe in SUBJECTS[1:4]]
        facts.append(_("Inkomensgrens: %(limit)s") % {"limit": _limit(after)})
        facts += [f"{_(words)}: {euros(getattr(after, name))}" for name, words in MONEY_FIELDS.items()
                  if getattr(after, name) is not None]  # fmt: skip
        return [_("Eerste versie: %(label)s.") % {"label": after.label}, *facts]
    sentences = [*_income_changes(before, after), *_money_changes(before, after)]
    for what, describe in SUBJECTS:
        old, new = describe(before), describe(after)
        if old != new:
            sentences.append(_("%(what)s van %(old)s naar %(new)s") % {"what": _(what), "old": old, "new": new})
    sentences += [_(text) for name, text in TEXT_SUBJECTS if getattr(before, name) != getattr(after, name)]
    return sentences or [_("Geen inhoudelijke wijziging.")]


@dataclass(frozen=True)
class LogEntry:
    when: dt.datetime
    who: str
    sentences: list[str]
    note: str


def _who(event: AuditEvent) -> str:
    actor = event.actor
    return str(actor) if actor is not None else (event.actor_label or _("systeem"))


def _before(version: SchemeVersion, versions: Sequence[SchemeVersion]) -> SchemeVersion | None:
    """The version this one was compared with when it was made: the latest earlier start made before it."""
    earlier = [v for v in versions if v.start_date < version.start_date and v.created_at <= version.created_at]
    return max(earlier, key=lambda v: v.start_date) if earlier else None


def _entry(event: AuditEvent, by_id: dict[str, SchemeVersion], versions: Sequence[SchemeVersion]) -> LogEntry:
    if event.action == "screener.scheme.create":
        return LogEntry(event.timestamp, _who(event), [_("De regeling is toegevoegd.")], "")
    version = by_id.get(str(event.detail.get("version", "")))
    if version is None:
        return LogEntry(event.timestamp, _who(event), [_("Een versie die niet meer bestaat.")], "")
    sentences = version_changes(_before(version, versions), version)
    return LogEntry(event.timestamp, _who(event), sentences, version.change_note)


def change_log(events: Sequence[AuditEvent], versions: Sequence[SchemeVersion]) -> list[LogEntry]:
    """The scheme's audit events (newest first) as entries in words."""
    by_id = {str(v.pk): v for v in versions}
    return [_entry(event, by_id, versions) for event in events]
