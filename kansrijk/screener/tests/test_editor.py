"""The scheme editor: validation per field, preview old vs new, a new version from its start date, audited."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import client_for, with_totp
from kansrijk.core.testing.developer_text import assert_no_developer_text
from kansrijk.organisations.models import Organisation
from kansrijk.organisations.tests.factories import MembershipFactory
from kansrijk.screener.models import Scheme, SchemeVersion
from kansrijk.screener.tests.conftest import leudal_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def kindpakket(demo: None) -> Scheme:
    return Scheme.objects.get(slug="kindpakket", municipality_id="GM1640")


@pytest.fixture
def beheerder(demo: None) -> Any:
    membership = Organisation.objects.get(name="Gemeente Leudal").memberships.get()
    with_totp(membership)
    return client_for(membership)


def _form(**changes: Any) -> dict[str, Any]:
    data = {
        "label": "Kindpakket Leudal", "start_date": "2026-12-01", "needs": ["sport", "cultuur", "schoolkosten"],
        "income_test": "bijstandsnorm", "income_limit_percent": "130", "norm_with_holiday": "on",
        "asset_limit": "16000.00", "child_age_min": "4", "child_age_max": "17", "amount_per_child": "250.00",
        "payment_route": "voucher", "applies_via": "self", "how_to_apply": "Bij de gemeente.", "apply_phone": "14 0475",
        "source_title": "Demo", "source_url": "/wat-kan-ik-krijgen/over-de-demo/",
        "change_note": "Grens naar 130%", "actie": "voorbeeld",
    }  # fmt: skip
    data.update(changes)
    return data


def _kindpakket(tmp_path: Path, on: str, net: str) -> dict[str, Any]:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(leudal_request(net=net, on=on)), encoding="utf-8")
    out = io.StringIO()
    call_command("screen", str(path), stdout=out)
    return next(r for r in json.loads(out.getvalue())["results"] if r["scheme"] == "GM1640/kindpakket")


def test_the_preview_shows_households_children_and_euros_old_and_new(beheerder, kindpakket):
    response = beheerder.post(reverse("screener:scheme_edit", args=[kindpakket.pk]), _form())
    assert response.status_code == 200
    preview = response.context["preview"]
    old, new = preview["old"], preview["new"]
    assert preview["households"] > 10_000
    assert new.households > old.households > 0
    assert new.children > old.children
    assert new.cost_cents > old.cost_cents
    assert "Kosten per jaar" in response.content.decode()
    assert SchemeVersion.objects.filter(scheme=kindpakket).count() == 1  # a preview stores nothing


def test_raising_the_limit_to_130_applies_from_its_start_date_and_is_audited(beheerder, kindpakket, tmp_path):
    # 125% of the bijstandsnorm (1 July 2026: € 1.419,46) is € 1.774,33: above 120%, below 130%.
    assert _kindpakket(tmp_path, "2026-12-01", "1774.33")["eligible"] is False
    response = beheerder.post(reverse("screener:scheme_edit", args=[kindpakket.pk]), _form(actie="opslaan"))
    assert response.status_code == 302
    assert _kindpakket(tmp_path, "2026-11-30", "1774.33")["eligible"] is False
    after = _kindpakket(tmp_path, "2026-12-01", "1774.33")
    assert after["eligible"] is True
    assert after["income_limit_percent"] == 130
    events = AuditEvent.objects.filter(action="screener.scheme.version_create", object_id=str(kindpakket.pk))
    event = events.get(detail__start_date="2026-12-01")
    assert event.detail["changes"]["income_limit_percent"] == ["120", "130"]
    assert event.actor_label == "beheerder@demo.kansrijk.nl"
    history = beheerder.get(reverse("screener:scheme", args=[kindpakket.pk])).content.decode()
    assert "Grens naar 130%" in history
    assert "30-11-2026" in history  # the old version now ends the day before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"income_limit_percent": "301"}, "income_limit_percent"),
        ({"income_limit_percent": "-1"}, "income_limit_percent"),
        ({"start_date": "2026-01-01"}, "start_date"),  # overlaps the existing version
        ({"end_date": "2026-11-01"}, "end_date"),
        ({"amount_per_child": "-5"}, "amount_per_child"),
        ({"child_age_min": "12", "child_age_max": "4"}, "child_age_max"),
        ({"amount_bands": "vier tot elf"}, "amount_bands"),
        ({"source_url": "ftp://x"}, "source_url"),
        ({"apply_phone": ""}, "apply_url"),  # no website, phone, address or intermediary: where to go?
        ({"apply_phone": "bel ons"}, "apply_phone"),
    ],
)
def test_bad_scheme_input_gets_field_errors_and_stores_nothing(beheerder, kindpakket, changes, field):
    before = (SchemeVersion.objects.count(), AuditEvent.objects.count())
    response = beheerder.post(reverse("screener:scheme_edit", args=[kindpakket.pk]), _form(actie="opslaan", **changes))
    assert response.status_code == 400
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert (SchemeVersion.objects.count(), AuditEvent.objects.count()) == before


def test_another_organisations_coordinator_gets_404_and_changes_nothing(kindpakket):
    stranger = MembershipFactory(organisation=Organisation.objects.get(name="Stichting Leergeld"), coordinator=True)
    with_totp(stranger)
    client = client_for(stranger)
    for name in ("screener:scheme", "screener:scheme_edit"):
        assert client.get(reverse(name, args=[kindpakket.pk])).status_code == 404
    assert client.post(reverse("screener:scheme_edit", args=[kindpakket.pk]), _form(actie="opslaan")).status_code == 404
    assert SchemeVersion.objects.filter(scheme=kindpakket).count() == 1


def test_a_plain_member_of_the_owner_cannot_edit(kindpakket):
    member = MembershipFactory(organisation=kindpakket.owner)
    with_totp(member)
    assert client_for(member).get(reverse("screener:scheme_edit", args=[kindpakket.pk])).status_code == 404


def test_the_fund_coordinator_sees_only_the_funds_schemes(demo):
    membership = Organisation.objects.get(name="Jeugdfonds Sport & Cultuur").memberships.get()
    with_totp(membership)
    page = client_for(membership).get(reverse("screener:scheme_list")).content.decode()
    assert "Jeugdfonds Sport &amp; Cultuur" in page
    assert "jeugdfonds_sport_cultuur" not in page  # a name, never a key
    assert "Kindpakket Leudal" not in page


def test_the_editor_pages_show_no_developer_text(beheerder, kindpakket):
    edit = reverse("screener:scheme_edit", args=[kindpakket.pk])
    beheerder.post(edit, _form(actie="opslaan", asset_limit="17000"))
    for page in (
        beheerder.get(reverse("screener:scheme_list")),
        beheerder.get(reverse("screener:scheme", args=[kindpakket.pk])),
        beheerder.get(edit),
        beheerder.post(edit, _form(actie="opslaan", apply_phone="bel ons")),
    ):
        assert_no_developer_text(page.content.decode())
    preview = beheerder.post(edit, _form(start_date="2027-01-01")).content.decode()
    visible = re.sub(r"<[^>]+>", " ", preview)  # the menu's links may carry the code in their URL
    assert "Voor een nagebootste bevolking van Leudal (" in visible and "GM1640" not in visible
    detail = beheerder.get(reverse("screener:scheme", args=[kindpakket.pk])).content.decode()
    assert "Vermogensgrens van € 16.000,00 naar € 17.000,00" in detail
    assert "Kindpakket Leudal</a>" in beheerder.get(reverse("screener:scheme_list")).content.decode()
