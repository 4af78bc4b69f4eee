"""The family's side: the offer on the answer page and in the PDF, the code (readable, hard to
guess, rate-limited lookups), clear errors, answered once, nothing else about the family kept."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.takeup import protect
from kansrijk.takeup.constants import CODE_ALPHABET, LOOKUPS_PER_HOUR
from kansrijk.takeup.models import FamilyFollowUp, TakeUpAnswer
from kansrijk.takeup.tests.journey import STEP_2, follow_up_form, make_code

pytestmark = pytest.mark.django_db


def test_codes_use_no_ambiguous_characters_and_are_different():
    codes = {protect.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert not set("".join(codes).replace("-", "")) & set("01OILSB58")
    assert set(CODE_ALPHABET).isdisjoint("01OILSB58")


def test_a_code_is_read_as_typed_in_small_letters_or_with_spaces():
    code = protect.new_code()
    assert protect.code_hash(code.lower().replace("-", " ")) == protect.code_hash(code)
    assert protect.normalise_code("0OIL-1234") == ""


def test_the_address_is_encrypted_and_opens_with_an_older_key(settings):
    settings.TAKEUP_ENCRYPTION_KEYS = ["old-key-" + "x" * 40]
    sealed = protect.seal_contact(email="a@example.org", code="AAAA-2222")
    settings.TAKEUP_ENCRYPTION_KEYS = ["new-key-" + "y" * 40, "old-key-" + "x" * 40]
    assert protect.open_contact(sealed) == ("a@example.org", "AAAA-2222")
    settings.TAKEUP_ENCRYPTION_KEYS = ["new-key-" + "y" * 40]
    assert protect.open_contact(sealed) is None


def test_the_answer_page_offers_the_follow_up_and_the_check_alone_stores_nothing(client, demo):
    fields = dict(follow_up_form(client))
    assert fields["vervolg"]
    assert not FamilyFollowUp.objects.exists()


def test_the_follow_up_keeps_only_the_schemes_the_municipality_and_the_date(client, demo):
    _code, page = make_code(client)
    follow_up = FamilyFollowUp.objects.get()
    assert follow_up.contact == ""
    assert follow_up.municipality_id == "GM1640"
    assert all(set(item) == {"key", "kind"} for item in follow_up.schemes)
    assert "1500" not in repr(FamilyFollowUp.objects.values().get())
    assert "We bewaren alleen deze regelingen" in page
    assert AuditEvent.objects.filter(action="takeup.follow_up_create").count() == 1


def test_a_forged_or_changed_list_of_schemes_is_refused(client, demo):
    response = client.post(reverse("takeup:family_start"), {"vervolg": "x" * 40, "email": ""})
    assert response.status_code == 400
    assert "Doe de check opnieuw" in response.content.decode()
    assert not FamilyFollowUp.objects.exists()


def test_a_wrong_address_is_an_error_in_the_summary_and_nothing_is_stored(client, demo):
    fields = follow_up_form(client)
    data = {name: value for name, value in fields}
    data["email"] = "geen-adres"
    response = client.post(reverse("takeup:family_start"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_email"' in page and "naam@voorbeeld.nl" in page
    assert not FamilyFollowUp.objects.exists()


def test_the_pdf_carries_the_code_and_where_to_come_back(client, demo):
    code, _page = make_code(client)
    response = client.post(reverse("screener:check_pdf"), {**STEP_2, "vervolgcode": code})
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert code in text
    assert "/wat-kan-ik-krijgen/hoe-ging-het/" in text
    plain = client.post(reverse("screener:check_pdf"), STEP_2)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(plain.content)).pages)
    assert "een code maken" in text


def test_every_scheme_needs_an_answer_and_didnt_manage_needs_what_went_wrong(client, demo):
    code, _page = make_code(client)
    response = client.post(
        reverse("takeup:family_answer"), {"stap": "antwoorden", "code": code, "antwoord_1": "didnt_manage"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="#id_reden_1_0"' in page
    assert 'href="#id_antwoord_2_0"' in page
    assert not TakeUpAnswer.objects.exists()


def test_a_follow_up_is_answered_once(client, demo):
    code, _page = make_code(client)
    follow_up = FamilyFollowUp.objects.get()
    data = {"stap": "antwoorden", "code": code}
    data.update({f"antwoord_{i}": "didnt_try" for i in range(1, len(follow_up.schemes) + 1)})
    client.post(reverse("takeup:family_answer"), data)
    again = client.post(reverse("takeup:family_answer"), data)
    assert "al gegeven" in again.content.decode()
    assert TakeUpAnswer.objects.count() == len(follow_up.schemes)


def test_wrong_codes_are_counted_and_the_lookups_stop_after_the_limit(client, demo):
    code, _page = make_code(client)
    for _attempt in range(LOOKUPS_PER_HOUR):
        wrong = client.post(reverse("takeup:family_answer"), {"stap": "code", "code": "2222-2222"})
        assert wrong.status_code == 400
    refused = client.post(reverse("takeup:family_answer"), {"stap": "code", "code": code})
    assert refused.status_code == 429
    assert "over een uur" in refused.content.decode()


def test_the_funnel_takes_the_same_number_of_queries_for_few_or_many_answers(django_assert_num_queries, demo):
    from kansrijk.takeup.selectors import funnel

    def add(n):
        TakeUpAnswer.objects.bulk_create(
            TakeUpAnswer(
                municipality_code="GM1640", scheme_key="GM1640/kindpakket", scheme_kind="municipal",
                source="family", answer=("received", "applied", "didnt_manage")[i % 3],
                reason="forms" if i % 3 == 2 else "", answered_on="2026-05-01",
            )
            for i in range(n)
        )  # fmt: skip

    add(3)
    with django_assert_num_queries(2):
        funnel(municipality="GM1640", year=2026)
    add(300)
    with django_assert_num_queries(2):
        row = funnel(municipality="GM1640", year=2026)[0]
    assert (row.suggested, row.applied, row.received, row.didnt_manage) == (303, 202, 101, 101)
    assert row.didnt_manage_reasons["forms"] == 101 and row.name == "Kindpakket Leudal"


def test_the_privacy_statement_tells_what_the_follow_up_keeps(client):
    page = client.get("/privacy/").content.decode()
    assert "na 60 dagen" in page and "versleuteld" in page


def test_production_without_its_own_address_key_is_warned(settings):
    from kansrijk.takeup.checks import check_takeup_encryption_keys

    settings.DEBUG = False
    settings.TAKEUP_ENCRYPTION_KEYS = []
    assert [w.id for w in check_takeup_encryption_keys()] == ["takeup.W001"]
    settings.TAKEUP_ENCRYPTION_KEYS = ["k" * 48]
    assert check_takeup_encryption_keys() == []


def test_the_follow_up_pages_speak_english_under_en(client, demo):
    page = client.get("/en/wat-kan-ik-krijgen/hoe-ging-het/").content.decode()
    assert "How did it go?" in page and "Your code" in page
    wrong = client.post("/en/wat-kan-ik-krijgen/hoe-ging-het/", {"stap": "code", "code": "2222-2222"})
    assert "We do not know this code" in wrong.content.decode()
