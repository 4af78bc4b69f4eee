"""The municipality's journey in the scheme editor: names not keys, the change log in words and euros,
and example families around the new income limit."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse

from kansrijk.conftest import client_for, with_totp
from kansrijk.organisations.models import Organisation
from kansrijk.rules.params import load_parameters_last_known
from kansrijk.rules.schemes.bijstandsnorm import norm_parameters
from kansrijk.screener.changelog import euros, version_changes
from kansrijk.screener.models import Scheme
from kansrijk.screener.preview import around_limit_households, examples, income_limit
from kansrijk.screener.selectors import version_to_rule
from kansrijk.screener.tests.factories import SchemeVersionFactory
from kansrijk.screener.tests.test_editor import _form

pytestmark = pytest.mark.django_db
KEY = re.compile(r"GM\d{4}/|kindpakket\b")


@pytest.fixture
def kindpakket(demo: None) -> Scheme:
    return Scheme.objects.get(slug="kindpakket", municipality_id="GM1640")


@pytest.fixture
def beheerder(demo: None) -> Any:
    membership = Organisation.objects.get(name="Gemeente Leudal").memberships.get()
    with_totp(membership)
    return client_for(membership)


def test_a_scheme_is_named_by_its_label_with_the_municipality_where_needed(municipalities):
    version = SchemeVersionFactory(label="Kindpakket")
    scheme = version.scheme
    assert scheme.name == "Kindpakket"
    assert str(scheme) == "Kindpakket (Leudal)"
    version.label = "Kindpakket Leudal"
    version.save()
    assert str(scheme) == "Kindpakket Leudal"


def test_the_editor_list_scheme_page_and_form_show_names_not_keys(beheerder, kindpakket):
    pages = [
        beheerder.get(reverse("screener:scheme_list")),
        beheerder.get(reverse("screener:scheme", args=[kindpakket.pk])),
        beheerder.get(reverse("screener:scheme_edit", args=[kindpakket.pk])),
        beheerder.post(reverse("screener:scheme_edit", args=[kindpakket.pk]), _form()),
    ]
    for response in pages:
        html = response.content.decode()
        assert "Kindpakket Leudal" in html
        assert not KEY.search(re.sub(r'(href|action|value|name|id|for)="[^"]*"', "", html)), response.request


def test_the_preview_names_the_municipality_not_its_code(beheerder, kindpakket):
    html = beheerder.post(reverse("screener:scheme_edit", args=[kindpakket.pk]), _form()).content.decode()
    assert "nagebootste bevolking van Leudal" in html


def test_the_change_log_says_each_change_in_words_and_euros_with_who_and_when(beheerder, kindpakket):
    form = _form(actie="opslaan", amount_per_child="300,00", asset_limit="16000.00")
    assert beheerder.post(reverse("screener:scheme_edit", args=[kindpakket.pk]), form).status_code == 302
    html = beheerder.get(reverse("screener:scheme", args=[kindpakket.pk])).content.decode()
    log = html.split("Logboek", 1)[1]
    assert "Inkomensgrens van 120% naar 130% van de bijstandsnorm" in log
    assert "Bedrag per kind van € 250,00 naar € 300,00" in log
    assert "Startdatum van 1 januari 2026 naar 1 december 2026" in log
    membership = Organisation.objects.get(name="Gemeente Leudal").memberships.get()
    assert str(membership.user) in log
    for forbidden in ("income_limit_percent", "amount_per_child", "25000", "30000", str(kindpakket.pk)):
        assert forbidden not in log


def test_a_first_version_is_described_not_diffed(municipalities):
    version = SchemeVersionFactory(amount_per_child_cents=123_456)
    sentences = version_changes(None, version)
    assert sentences[0] == "Eerste versie: Kindpakket Test."
    assert "Inkomensgrens: 120% van de bijstandsnorm" in sentences
    assert "Bedrag per kind: € 1.234,56" in sentences


def test_euros_always_show_two_decimals_and_dutch_separators():
    assert euros(25_000) == "€ 250,00"
    assert euros(123_456_78) == "€ 123.456,78"
    assert euros(None) == "geen"


def _rule(**changes: Any) -> Any:
    version = SchemeVersionFactory(**changes)
    return version_to_rule(version, None)


def test_the_example_families_sit_one_percent_below_at_and_above_the_limit(municipalities):
    on = dt.date(2026, 12, 1)
    rule = _rule(income_limit_percent=130)
    named = around_limit_households(rule, "GM1640", on)
    assert len(named) == 6
    params = norm_parameters(load_parameters_last_known().at(on))
    for single_or_couple, norm in ((named[:3], params.single), (named[3:], params.couple)):
        limit = norm * 130 // 100
        incomes = [h.adults[0].net_income_monthly for _name, h in single_or_couple]
        assert incomes == [limit * 99 // 100, limit, -(-limit * 101 // 100)]
        assert income_limit(rule, single_or_couple[0][1], on) == limit
    assert "1% onder de grens" in named[0][0] and "precies op de grens" in named[1][0]
    assert "€" in named[0][0] and "1% boven de grens" in named[2][0]


def test_the_preview_shows_families_around_the_new_limit_with_what_they_get(beheerder, kindpakket):
    response = beheerder.post(reverse("screener:scheme_edit", args=[kindpakket.pk]), _form())
    preview = response.context["preview"]
    rows = preview["examples"]
    assert [bool(r["new"]["eligible"]) for r in rows] == [True, True, False] * 2
    assert [bool(r["old"]["eligible"]) for r in rows] == [False, False, False] * 2  # 120% is below them all
    assert rows[0]["new"]["amount_text"] == "€ 250,00"
    html = response.content.decode()
    assert "net onder de nieuwe inkomensgrens ligt (1% lager), precies op de grens, of net erboven" in html
    assert "Ja, € 250,00 per jaar" in html


def test_children_of_the_examples_fit_the_schemes_ages_so_only_income_decides(municipalities):
    rule = _rule(child_age_min=12, child_age_max=17, schools=["secondary"])
    named = around_limit_households(rule, "GM1640", dt.date(2026, 12, 1))
    for _name, household in named:
        assert all(12 <= c.age <= 17 and c.school == "secondary" for c in household.children)


def test_a_scheme_without_an_income_test_keeps_fixed_families(municipalities):
    rule = _rule(income_test="none", income_limit_percent=None)
    assert around_limit_households(rule, "GM1640", dt.date(2026, 12, 1)) == []
    rows, note = examples(None, rule, "GM1640", dt.date(2026, 12, 1))
    assert len(rows) == 4
    assert note.startswith("Deze regeling heeft geen inkomensgrens die we kunnen uitrekenen")


def test_a_leefgeld_scheme_gets_families_around_its_norm_plus_rent(municipalities):
    rule = _rule(income_test="leefgeld", income_limit_percent=None, leefgeld_base_cents=300_00,
                 leefgeld_per_person_cents=100_00)  # fmt: skip
    named = around_limit_households(rule, "GM1640", dt.date(2026, 12, 1))
    single = named[1][1]  # exactly at the limit: one parent, one child
    assert single.adults[0].net_income_monthly == 300_00 + 100_00 + single.rent_monthly


def test_the_change_log_reads_in_english_too(municipalities):
    from django.utils import translation

    before = SchemeVersionFactory()
    after = SchemeVersionFactory(
        scheme=before.scheme, start_date=dt.date(2027, 1, 1), income_limit_percent=130, amount_per_child_cents=300_00
    )
    with translation.override("en"):
        sentences = version_changes(before, after)
    assert "Income limit from 120% to 130% of the social assistance norm" in sentences
    assert "Amount per child from € 250,00 to € 300,00" in sentences
