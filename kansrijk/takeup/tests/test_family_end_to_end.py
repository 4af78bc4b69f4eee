"""Acceptance 4 of issue 16: the family's follow-up end to end — check → code → (six days later)
mail → answers → counted in the funnel → address gone. Scheme names, never keys, everywhere."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from kansrijk.core.testing.developer_text import assert_no_developer_text
from kansrijk.takeup.models import FamilyFollowUp, TakeUpAnswer
from kansrijk.takeup.selectors import funnel
from kansrijk.takeup.tests.journey import make_code

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
ADDRESS = "ouder@example.org"


def _answers(page: str) -> dict[str, str]:
    """Answer every scheme on the page: the first 'received' with a happy smiley, the rest 'didn't manage: DigiD'."""
    count = len(set(re.findall(r'name="antwoord_(\d+)"', page)))
    assert count >= 2, "the check should have suggested several schemes"
    data = {"stap": "antwoorden", "code": re.search(r'name="code" value="([^"]+)"', page).group(1)}
    for index in range(1, count + 1):
        data[f"antwoord_{index}"] = "received" if index == 1 else "didnt_manage"
        if index == 1:
            data[f"smiley_{index}"] = "5"
        else:
            data[f"reden_{index}"] = "digid"
    return data


def test_the_family_follow_up_from_check_to_funnel_and_the_address_is_gone(
    client, demo, django_capture_on_commit_callbacks
):
    with time_machine.travel(START, tick=False):
        code, code_page = make_code(client, email=ADDRESS)
        assert_no_developer_text(code_page)
        assert "Kindpakket Leudal" in code_page
        follow_up = FamilyFollowUp.objects.get()
        assert follow_up.contact and ADDRESS not in follow_up.contact
        with connection.cursor() as cursor:  # the address is nowhere in the table in the clear
            cursor.execute("SELECT * FROM takeup_familyfollowup")
            stored = repr(cursor.fetchall())
        assert ADDRESS not in stored
        assert code not in stored and code.replace("-", "") not in stored
        assert {item["key"] for item in follow_up.schemes} >= {"GM1640/kindpakket"}
        call_command("takeup-questions", "--now")
        assert mail.outbox == [], "nothing is sent before six days"

    with time_machine.travel(START + dt.timedelta(days=6), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("takeup-questions", "--now")
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [ADDRESS]
        assert code in message.body
        assert "Kindpakket Leudal" in message.body
        assert_no_developer_text(message.subject + "\n" + message.body)
        link = re.search(r"http\S+hoe-ging-het/\?code=\S+", message.body).group(0)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("takeup-questions", "--now")
        assert len(mail.outbox) == 1, "the question is sent once"

        path = link.split("8000", 1)[-1]
        form_page = client.get(path).content.decode()
        assert f'value="{code}"' in form_page
        assert_no_developer_text(form_page)
        answers_page = client.post(reverse("takeup:family_answer"), {"stap": "code", "code": code.lower()})
        assert answers_page.status_code == 200
        page = answers_page.content.decode()
        assert "Kindpakket Leudal" in page
        assert_no_developer_text(page)
        data = _answers(page)
        thanks = client.post(reverse("takeup:family_answer"), data)
        assert thanks.status_code == 200
        assert "Dank u wel" in thanks.content.decode()

    follow_up.refresh_from_db()
    assert follow_up.contact == "" and follow_up.answered_at is not None
    facts = TakeUpAnswer.objects.all()
    assert facts.count() == len(follow_up.schemes)
    assert {f.source for f in facts} == {"family"}
    rows = {row.scheme_key: row for row in funnel(municipality="GM1640", year=2026)}
    first = follow_up.schemes[0]["key"]
    assert rows[first].received == 1 and rows[first].applied == 1 and rows[first].helped_scores == {5: 1}
    others = [rows[item["key"]] for item in follow_up.schemes[1:]]
    assert all(r.didnt_manage == 1 and r.didnt_manage_reasons["digid"] == 1 and r.applied == 0 for r in others)
    assert all(r.name and "/" not in r.name for r in rows.values())
    assert funnel(municipality="GM0363", year=2026) == []
    assert funnel(municipality="GM1640", year=2025) == []


def test_a_follow_up_without_answer_is_deleted_after_sixty_days_with_its_address(
    client, demo, django_capture_on_commit_callbacks
):
    with time_machine.travel(START, tick=False):
        code, _page = make_code(client, email=ADDRESS)
    with time_machine.travel(START + dt.timedelta(days=59), tick=False):
        call_command("takeup-questions", "--now")
        assert FamilyFollowUp.objects.exclude(contact="").count() == 1
    with time_machine.travel(START + dt.timedelta(days=60), tick=False):
        call_command("takeup-questions", "--now")
        assert not FamilyFollowUp.objects.exists()
        response = client.post(reverse("takeup:family_answer"), {"stap": "code", "code": code})
        assert response.status_code == 400
        assert "We kennen deze code niet" in response.content.decode()
