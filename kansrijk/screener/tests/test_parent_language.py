"""The family check in English: explanations, texts a municipality writes, and a language switch
that keeps the answers (part of issue 14, the parent's journey)."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from kansrijk.rules import local
from kansrijk.rules.schemes import national_schemes
from kansrijk.screener.models import SchemeVersion
from kansrijk.screener.selectors import forget_local_rules
from kansrijk.screener.tests.test_family_check import STEP_2

pytestmark = pytest.mark.django_db


def _english(client, data=STEP_2) -> str:
    response = client.post("/en/wat-kan-ik-krijgen/", data)
    assert response.status_code == 200
    return response.content.decode()


def _templates() -> list[str]:
    found = [text for scheme in national_schemes() for c in scheme.conditions for text in (c.holds, c.fails)]
    found += [*local.INCOME_HOLDS.values(), *local.INCOME_FAILS.values()]
    found += [text for pair in local.CHILD_TEXTS.values() for text in pair]
    row = {"key": "x", "label": "X", "kind": "municipal", "rank": 10, "provider": "Gemeente X"}
    row.update(municipality="GM1640", start="2026-01-01", source={"title": "t", "href": "https://x.nl"})
    rule = local.rule_from_dict({**row, "income_test": "leefgeld", "asset_limit": 100, "child_age_min": 4})
    found += [text for spec in local.condition_specs(rule) for text in (spec.holds, spec.fails)]
    return found


def test_every_explanation_template_has_an_english_translation_with_the_same_placeholders():
    with translation.override("en"):
        for template in _templates():
            english = translation.gettext(template)
            assert english != template, template
            assert sorted(re.findall(r"\{(\w+)\}", english)) == sorted(re.findall(r"\{(\w+)\}", template))


def test_the_why_lines_are_english_on_the_english_answer(client, demo):
    page = _english(client)
    assert "A child aged 4 to 17 lives with you." in page
    assert "is not more than the limit of € 1.703,35. That is 120% of the social assistance norm" in page
    assert "Er woont" not in page
    assert "Uw netto inkomen" not in page
    dutch = client.post("/wat-kan-ik-krijgen/", STEP_2).content.decode()
    assert "Er woont een kind van 4 tot en met 17 jaar bij u." in dutch


def test_a_municipal_text_written_in_english_is_shown_in_english(client, demo):
    page = _english(client)
    assert "Apply to the municipality of Leudal, online or at the desk." in page


def test_a_municipal_text_without_english_falls_back_to_dutch_marked_lang_nl(client, demo):
    SchemeVersion.objects.filter(label="Kindpakket Leudal").update(how_to_apply_en="")
    page = _english(client)
    assert re.search(r'<p class="utrecht-paragraph" lang="nl">Vraag het aan bij de gemeente Leudal', page)
    dutch = client.post("/wat-kan-ik-krijgen/", STEP_2).content.decode()
    assert 'lang="nl">Vraag het aan' not in dutch


def test_the_language_switch_on_the_answer_sends_the_answers_to_the_other_language(client, demo):
    page = client.post(reverse("screener:check"), STEP_2).content.decode()
    form = re.search(r'<form method="post" action="/en/wat-kan-ik-krijgen/".*?</form>', page, re.S)
    assert form is not None, "no language switch that carries the answers"
    sent = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(0)))
    assert {k: v for k, v in sent.items() if k in STEP_2} == STEP_2
    english = _english(client, sent)
    assert "What you can probably get" in english or "Probably yes" in english
    back = re.search(r'<form method="post" action="/wat-kan-ik-krijgen/".*?</form>', english, re.S)
    assert back is not None and 'lang="nl">Nederlands' in back.group(0)


def test_who_applies_is_english_when_written_and_marked_dutch_when_not(client, demo):
    page = _english(client)
    assert "The school, the neighbourhood team, Leergeld or your financial administrator" in page
    SchemeVersion.objects.filter(label="Nationaal Fonds Kinderhulp").update(apply_intermediary_en="")
    cache.clear()  # the rules cache: a queryset update bypasses the service that would refresh it
    forget_local_rules()
    page = _english(client)
    assert '<span lang="nl">De school, het wijkteam, Leergeld of uw bewindvoerder</span>' in page


def test_a_reason_the_catalogue_knows_is_english(client, demo):
    page = _english(client)
    assert "We have not found the Voedselbank&#x27;s (food bank&#x27;s) norm for this year." in page
    assert "De leefgeldnorm van de Voedselbank" not in page


def test_why_a_local_scheme_cannot_be_worked_out_is_english_without_repeating_its_label(client, demo):
    young = {**STEP_2, "ouder1_leeftijd": "19"}  # the bijstandsnorm (and limits built on it) starts at 21
    page = _english(client, young)
    assert "The social assistance norm here only applies from 21 to the state pension (AOW) age." in page
    assert "Kindpakket Leudal: De bijstandsnorm" not in page


def test_a_condition_with_a_bad_parameter_falls_back_to_its_dutch_text_not_an_error():
    from kansrijk.screener.explain import condition_text

    condition = {
        "message": "Er woont een kind van {age_min} jaar of ouder bij u (school: {schools}).",
        "params": {"age_min": "4", "school_codes": "university"},
        "explanation": "Nederlandse tekst.",
    }
    with translation.override("en"):
        assert condition_text(condition) == "Nederlandse tekst."
        condition["params"] = {"age_min": "4", "schools": "basisschool", "school_codes": "primary"}
        assert condition_text(condition) == "A child aged 4 or older lives with you (school: primary school)."


def test_a_dutch_source_title_on_the_english_page_is_marked_dutch(client, demo):
    page = _english(client)
    assert re.search(r'<a class="utrecht-link" href="https://www\.leergeldvenlo\.nl" lang="nl">Leergeld: ', page)
