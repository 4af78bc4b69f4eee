"""The family check's answer: the rules contract's results, made readable (B1), in order of use.

Nothing is stored. Links to help go to the social map's search page by URL (need code and
municipality as query parameters): the screener does not import the social map.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from kansrijk.rules import screen
from kansrijk.rules.money import format_euros_nl, parse_cents
from kansrijk.screener.constants import NATIONAL_APPLY, NEED_NAMES, AppliesVia, PaymentRoute
from kansrijk.screener.explain import translated, why, written_text
from kansrijk.screener.honesty import MUNICIPALITY_REGISTER_URL, has_scheme_data, norms_note, parameters_last_known
from kansrijk.screener.selectors import known_municipality_codes, local_rules_for, municipality_name

KIND_TITLES = {"national": "Van het Rijk", "municipal": "Van uw gemeente", "fund": "Van een fonds"}


@dataclass
class Item:
    """One scheme in the answer, ready to show."""

    scheme: str
    label: str
    kind: str
    order: int
    status: str  # yes | no | unknown | fallback
    amount: str = ""
    why: list[dict[str, Any]] = field(default_factory=list)
    reason: str = ""
    how: str = ""
    how_lang: str = ""  # "nl" when the organisation wrote no text in the reader's language
    url: str = ""
    phone: str = ""
    address: str = ""
    intermediary: str = ""
    intermediary_lang: str = ""
    reason_lang: str = ""
    via: str = ""
    route: str = ""
    unverified: bool = False
    is_demo: bool = False
    source: dict[str, str] = field(default_factory=dict)
    first: list[tuple[str, str]] = field(default_factory=list)  # (scheme that comes first, for which needs)
    may_help: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (need name, social map URL)


@dataclass
class Answer:
    municipality: str
    municipality_name: str
    date: str
    items: list[Item]
    total_yearly: str
    yardstick: str
    norms_note: str = ""  # set when the national norms for the date are not yet published
    has_scheme_data: bool = True  # False: we know no municipal schemes for this municipality
    register_url: str = MUNICIPALITY_REGISTER_URL


def _status(result: dict[str, Any]) -> str:
    if not result["available"]:
        return "unknown"
    if result.get("fallback"):
        return "fallback"
    return "yes" if result["eligible"] else "no"


def _amount(result: dict[str, Any], note: str) -> str:
    yearly, monthly = result.get("amount_yearly"), result.get("amount_monthly")
    if not result["eligible"] or yearly is None:
        return ""
    text = _("%(amount)s per jaar") % {"amount": format_euros_nl(parse_cents(yearly))}
    if monthly is not None:
        text += " · " + _("%(amount)s per maand") % {"amount": format_euros_nl(parse_cents(monthly))}
    return f"{text} ({note})" if note else text


def _links(needs: list[str], municipality: str) -> list[tuple[str, str]]:
    search = reverse("socialmap:search")
    return [(str(NEED_NAMES[n]), f"{search}?{urlencode({'behoefte': n, 'gemeente': municipality})}") for n in needs]


def _where(apply: dict[str, Any], national: dict[str, Any]) -> dict[str, str]:
    """How to apply and where to go, in the reader's language where the owner wrote it."""
    how, how_lang = str(national.get("how", "")), ""
    if apply.get("how"):
        how, how_lang = written_text(str(apply["how"]), str(apply.get("how_en") or ""))
    who, who_lang = written_text(str(apply.get("intermediary") or ""), str(apply.get("intermediary_en") or ""))
    return {
        "how": how,
        "how_lang": how_lang,
        "url": str(apply.get("url") or national.get("url", "")),
        "phone": str(apply.get("phone") or ""),
        "address": str(apply.get("address") or ""),
        "intermediary": who,
        "intermediary_lang": who_lang,
    }


def _item(result: dict[str, Any], labels: dict[str, str], municipality: str, note: str) -> Item:
    national = NATIONAL_APPLY.get(result["scheme"], {})
    apply = result.get("apply") or {}
    first: dict[str, list[str]] = {}
    for need, ids in (result.get("covered_by") or {}).items():
        for scheme in ids:
            first.setdefault(labels[scheme], []).append(str(NEED_NAMES[need]).lower())
    # A local scheme's reason repeats its label ("Kindpakket Leudal: …"); the page shows the label above it.
    reason, reason_lang = translated((result["reason"] or "").removeprefix(f"{result['label']}: "))
    return Item(
        scheme=result["scheme"],
        label=result["label"],
        kind=result["kind"],
        order=result["order"],
        status=_status(result),
        amount=_amount(result, note),
        why=why(result["conditions"]),
        reason=reason,
        reason_lang=reason_lang,
        **_where(apply, national),
        via=str(AppliesVia(apply["via"]).label) if apply.get("via") else "",
        route=str(PaymentRoute(result["payment_route"]).label) if result.get("payment_route") else "",
        unverified=bool(result["unverified"]),
        is_demo=bool(result.get("is_demo")),
        source=result.get("source") or {},
        first=[(label, ", ".join(needs)) for label, needs in first.items()],
        may_help=[labels[s] for s in result.get("may_still_help", [])],
        links=_links(result.get("needs", []), municipality),
    )


def _total(results: list[dict[str, Any]]) -> int:
    """National amounts plus municipal and fund amounts, each need counted once (no fallbacks)."""
    total = 0
    for result in results:
        if result["kind"] == "yardstick" or not result["eligible"] or result.get("fallback"):
            continue
        if result.get("amount_yearly") is not None:
            total += parse_cents(result["amount_yearly"])
    return total


def family_answer(payload: dict[str, Any]) -> Answer:
    """Screen one family (raises `kansrijk.rules.InputError` on bad input) and make it readable."""
    answer = screen(payload, known_municipality_codes(), local_rules_for, parameters_last_known())
    assert isinstance(answer, dict)
    note = norms_note(dt.date.fromisoformat(answer["date"]))
    results: list[dict[str, Any]] = answer["results"]
    labels = {r["scheme"]: r["label"] for r in results}
    yardstick = next((r for r in results if r["kind"] == "yardstick"), None)
    norm = ""
    if yardstick is not None and yardstick["available"]:
        norm = format_euros_nl(parse_cents(yardstick["amount_monthly"]))
        norm = f"{norm} ({note})" if note else norm
    code = answer["municipality"]
    return Answer(
        municipality=code,
        municipality_name=municipality_name(code),
        date=answer["date"],
        items=[_item(r, labels, code, note) for r in results if r["kind"] != "yardstick"],
        total_yearly=format_euros_nl(_total(results)),
        yardstick=norm,
        norms_note=note,
        has_scheme_data=has_scheme_data(code),
    )
