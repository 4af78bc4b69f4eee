"""Platform staff walk through every Kansrijk page of the admin (/beheer/) and read Dutch.

One object of every registered model; its list and its change page open (200), the
title and the heading name the model in Dutch and never in English, every field label
is the Dutch verbose name, money shows as euros and stored JSON never shows raw.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.admin.utils import label_for_field
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import override

from kansrijk.accounts.models import ApiToken
from kansrijk.alliance.tests.factories import PledgeSignatureFactory, ProgressReportFactory
from kansrijk.audit.services import record
from kansrijk.conftest import login_with_two_factors, with_totp
from kansrijk.municipalities.models import PostcodeArea
from kansrijk.organisations.models import Organisation
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from kansrijk.referrals.tests.factories import ensure_need_taxonomy
from kansrijk.screener.models import SchemeVersion
from kansrijk.screener.tests.factories import SchemeVersionFactory

pytestmark = pytest.mark.django_db

STAFF_MODELS = sorted(
    (model for model in admin.site._registry if model.__module__.startswith("kansrijk.")),
    key=lambda m: m._meta.label,
)


@pytest.fixture
def staff_client(client: Any) -> Any:
    staff = UserFactory(staff=True, is_superuser=True, full_name="Beheerder Platform")
    with_totp(staff)
    return login_with_two_factors(client, staff)


@pytest.fixture
def one_of_each(db: None) -> None:
    organisation = OrganisationFactory(name="Stichting Leergeld Leudal", municipality_codes=["GM1640"])
    membership = MembershipFactory(organisation=organisation)
    ApiToken.objects.create(user=membership.user, prefix="kr_abcd", key_hash="f" * 64)
    PostcodeArea.objects.create(pc4="6093", municipality_id="GM1640", latitude=51.2, longitude=5.9)
    record(
        actor=membership.user,
        action="admin.change",
        obj=organisation,
        detail={"bericht": "Naam gewijzigd"},
        require_transaction=False,
    )
    ProgressReportFactory(indicator_values=[{"indicator": "leden", "unit": "kinderen", "target": 10, "value": 12}])
    PledgeSignatureFactory()
    SchemeVersionFactory(
        amount_per_child_cents=123456,
        amount_bands=[{"age_min": 4, "age_max": 11, "cents": 98765, "school": ""}],
    )
    ensure_need_taxonomy()


def _section(page: str, tag: str) -> str:
    match = re.search(rf"<{tag}[^>]*>(.*?)</{tag}>", page, re.S)
    assert match, f"no <{tag}>"
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))


def _names(model: type[models.Model], language: str) -> tuple[str, str]:
    with override(language):
        return str(model._meta.verbose_name), str(model._meta.verbose_name_plural)


def _assert_dutch_heading(page: str, model: type[models.Model], plural_ok: bool = False) -> None:
    dutch, dutch_plural = _names(model, "nl")
    english = _names(model, "en")
    for tag in ("title", "h1"):
        text = _section(page, tag)
        assert dutch.lower() in text.lower() or (plural_ok and dutch_plural.lower() in text.lower()), text
        for name in english:
            assert not re.search(rf"\b{re.escape(name)}\b", text, re.I), f"English {name!r} in {tag}: {text}"
        assert not re.search(r"\b(Select|Change|View|Add)\b", text), f"English admin text in {tag}: {text}"


@pytest.mark.parametrize("model", STAFF_MODELS, ids=lambda m: m._meta.label)
def test_staff_open_list_and_change_page_of_every_model_in_dutch(
    staff_client: Any, one_of_each: None, model: type[models.Model]
) -> None:
    info = (model._meta.app_label, model._meta.model_name)
    listing = staff_client.get(reverse("admin:{}_{}_changelist".format(*info)))
    assert listing.status_code == 200
    _assert_dutch_heading(listing.content.decode(), model)

    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"no {model._meta.label} to open"
    page = staff_client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
    assert page.status_code == 200
    content = page.content.decode()
    _assert_dutch_heading(content, model)
    model_admin = admin.site._registry[model]
    request = page.wsgi_request
    with override("nl"):
        for name in model_admin.get_fields(request, obj):
            label = capfirst(label_for_field(name, model, model_admin))
            assert f"{html.escape(label)}:" in content or f">{html.escape(label)}<" in content, (name, label)
    if model_admin.has_add_permission(request):
        assert staff_client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200
    visible = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", content, flags=re.S)))
    assert '{"' not in visible and '[{"' not in visible, "raw JSON on the page"


def test_the_admin_index_names_every_kansrijk_section_in_dutch(staff_client: Any) -> None:
    page = staff_client.get(reverse("admin:index")).content.decode()
    for section in ("Auditspoor", "Regelingen en fondsen", "Organisaties", "Sociale kaart", "Alliantie"):
        assert section in page
    for english in ("Audit trail", "Screener"):
        assert english not in page


def test_scheme_amounts_show_as_euros_never_as_cents(staff_client: Any, one_of_each: None) -> None:
    version = SchemeVersion.objects.get(amount_per_child_cents=123456)
    listing = staff_client.get(reverse("admin:screener_schemeversion_changelist")).content.decode()
    page = staff_client.get(reverse("admin:screener_schemeversion_change", args=[version.pk])).content.decode()
    for content in (listing, page):
        assert "€ 1.234,56" in html.unescape(content)
        assert "123456" not in content
    assert "€ 987,65" in html.unescape(page)
    assert "98765" not in page


def test_the_audit_trail_is_read_only_for_staff(staff_client: Any, one_of_each: None) -> None:
    from kansrijk.audit.models import AuditEvent

    event = AuditEvent.objects.get(action="admin.change")
    page = staff_client.get(reverse("admin:audit_auditevent_change", args=[event.pk])).content.decode()
    assert "Naam gewijzigd" in page
    assert 'name="action"' not in page  # nothing to edit
    delete = staff_client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"})
    assert delete.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_english_admin_still_speaks_english(staff_client: Any, one_of_each: None) -> None:
    organisation = Organisation.objects.get(name="Stichting Leergeld Leudal")
    with override("en"):
        listing_url = reverse("admin:organisations_organisation_changelist")
        change_url = reverse("admin:organisations_organisation_change", args=[organisation.pk])
    assert listing_url.startswith("/en/")
    listing = staff_client.get(listing_url).content.decode()
    assert "Select organisation to change" in _section(listing, "title")
    page = staff_client.get(change_url).content.decode()
    assert "KvK number:" in page
    assert "KvK-nummer" not in page
