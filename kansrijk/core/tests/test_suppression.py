"""One suppression rule for every count of people shown outside the owning organisation
(`kansrijk.core.suppression`, ADR 0013), and a meta-test that holds every aggregate page
to it: the aggregate views are found from the URL list, not from memory."""

from __future__ import annotations

import csv
import html as html_lib
import re
from collections.abc import Callable, Iterator

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from kansrijk.alliance.tests.factories import (
    CommitmentFactory,
    PledgeSignatureFactory,
    PledgeVersionFactory,
    ProgressReportFactory,
)
from kansrijk.conftest import client_for, with_totp
from kansrijk.core.suppression import (
    SUPPRESSED_LABEL,
    SmallCellCountField,
    is_aggregate_view,
    is_publishable,
    suppress,
)
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import BarrierFactory

COUNT_MARKUP = re.compile(r'<data class="kr-count" value="(\d*)">([^<]*)</data>')


def _counts(html: str) -> list[tuple[str, str]]:
    """Every count marked up by the `small_cell` filter: (value, text shown)."""
    return [(value, html_lib.unescape(text)) for value, text in COUNT_MARKUP.findall(html)]


# Numbers in an aggregate API answer that are not counts: the year asked for, a smiley's value,
# and days (median, 90th percentile), which are `null` below 10 cases (ADR 0029).
NOT_COUNTS = ("year", "score")


def _json_counts(data: object, key: str = "") -> list[tuple[str, str]]:
    """Every number and null in an aggregate API answer (all of them counts, except years, scores
    and days), shaped like `_counts`."""
    if isinstance(data, dict):
        return [count for name, value in data.items() for count in _json_counts(value, name)]
    if isinstance(data, list):
        return [count for value in data for count in _json_counts(value, key)]
    if key in NOT_COUNTS or key.endswith("_days"):
        return []
    if data is None:
        return [("", SUPPRESSED_LABEL)]
    if isinstance(data, int) and not isinstance(data, bool):
        return [(str(data), str(data))]
    return []


def _csv_counts(content: bytes) -> list[tuple[str, str]]:
    """The column "Aantal" of a CSV export, shaped like `_counts`; rows whose value is not a count
    (days, euros: the column "Waarde" of the chart exports) leave it empty and are skipped."""
    rows = list(csv.DictReader(content.decode("utf-8-sig").splitlines(), delimiter=";"))
    return [
        ("" if row["Aantal"] == SUPPRESSED_LABEL else row["Aantal"], row["Aantal"]) for row in rows if row["Aantal"]
    ]


PDF_COUNT = re.compile(r": (< 10|\d+)$", re.MULTILINE)


def _pdf_counts(content: bytes) -> list[tuple[str, str]]:
    """Lines "label: count" of a PDF (the yearly monitor), shaped like `_counts`."""
    import io

    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return [("" if shown == SUPPRESSED_LABEL else shown, shown) for shown in PDF_COUNT.findall(text)]


def _counts_in(response) -> list[tuple[str, str]]:
    content_type = response["Content-Type"]
    if content_type.startswith("application/pdf"):
        return _pdf_counts(response.content)
    if content_type.startswith("application/json"):
        return _json_counts(response.json())
    if content_type.startswith("text/csv"):
        return _csv_counts(response.content)
    return _counts(response.content.decode())


# --- the rule ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (0, 0),
        (1, None),
        (5, None),
        (9, None),
        (10, 10),
        (12, 10),
        (13, 15),
        (17, 15),
        (18, 20),
        (250, 250),
        (1003, 1005),
    ],
)
def test_small_counts_are_hidden_and_the_rest_rounded_to_five(count, shown):
    assert suppress(count) == shown


def test_suppressing_twice_changes_nothing():
    assert all(suppress(suppress(n) or 0) == (suppress(n) or 0) for n in range(0, 300))


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError, match="negative"):
        suppress(-1)


def test_the_template_filter_shows_small_counts_as_less_than_ten():
    template = Template("{% load suppression %}{{ a|small_cell }} {{ b|small_cell }} {{ c|small_cell }}")
    html = template.render(Context({"a": 3, "b": 27, "c": None}))
    assert _counts(html) == [("", SUPPRESSED_LABEL), ("25", "25"), ("", SUPPRESSED_LABEL)]


def test_the_api_field_gives_null_for_small_counts():
    field = SmallCellCountField()
    assert [field.to_representation(n) for n in (0, 3, 9, 13, None)] == [0, None, None, 15, None]


# --- every aggregate page ------------------------------------------------------------------------------------


def _municipal_figures() -> tuple[Client, str]:
    """A policy officer of GM1640 (outside the school and fund that own the referrals)."""
    officer = MembershipFactory(organisation=OrganisationFactory(municipality=True, municipality_codes=["GM1640"]))
    with_totp(officer)
    return client_for(officer), reverse("referrals:municipality", args=["GM1640"])


def _add_barrier() -> None:
    """One concern, one referral, one barrier: each count on the municipal page grows by one."""
    BarrierFactory(category="transport")


def _public_commitment() -> tuple[Client, str]:
    """An anonymous visitor of a partner's commitment page."""
    partner = OrganisationFactory(municipality_codes=["GM1640"])
    PledgeSignatureFactory(organisation=partner, pledge_version=PledgeVersionFactory())
    commitment = CommitmentFactory(organisation=partner, municipality_codes=["GM1640"])
    ProgressReportFactory(commitment=commitment, realised_reach=0)
    return Client(), reverse("alliance:commitment_detail", args=[commitment.pk])


def _one_more_reached() -> None:
    from kansrijk.alliance.models import ProgressReport

    report = ProgressReport.objects.get()
    ProgressReport.objects.filter(pk=report.pk).update(realised_reach=report.realised_reach + 1)


def _municipal_figures_api() -> tuple[Client, str]:
    client, _ = _municipal_figures()
    return client, reverse("api:municipality-figures", args=["GM1640"])


def _municipal_figures_csv() -> tuple[Client, str]:
    client, _ = _municipal_figures()
    return client, reverse("referrals:municipality_csv", args=["GM1640"])


# The outcomes scenarios' world (a school and two funds), made afresh by each scenario's setup.
_OUTCOMES: dict[str, object] = {}


def _outcomes_world() -> None:
    from kansrijk.outcomes.tests.world import make_world

    _OUTCOMES["world"] = make_world()


def _outcomes(measure: str) -> Callable[[], tuple[Client, str]]:
    """An anonymous visitor of the open data of GM1640 for this year."""

    def setup() -> tuple[Client, str]:
        _outcomes_world()
        url = reverse(f"api:outcomes-{measure}") + f"?municipality=GM1640&year={timezone.localdate().year}"
        return Client(), url

    return setup


def _outcomes_csv() -> tuple[Client, str]:
    _outcomes_world()
    return Client(), reverse("api:outcomes-export") + f"?year={timezone.localdate().year}"


def _one_more_of_everything() -> None:
    """One more family in GM1640, through the referral services: a concern with a sign and a wish,
    a referral that is helped with the family's answer and one that is declined. Every count the
    outcomes show (steps, reasons, stages, answers, scores, wishes, wishes met) grows by one."""
    from kansrijk.outcomes.tests.world import World, journey
    from kansrijk.referrals import services

    world = _OUTCOMES["world"]
    assert isinstance(world, World)
    now = timezone.localtime().replace(hour=12)
    helped = journey(world, municipality="GM1640", fund=0, path="done", start=now, gaps=[0])
    services.feedback_record(actor=world.teacher.user, referral=helped, family_answer="yes", child_score=5)
    journey(world, municipality="GM1640", fund=0, path="declined", start=now, gaps=[0])


def _outcomes_page(name: str, *args: str) -> Callable[[], tuple[Client, str]]:
    """An anonymous visitor of an outcomes page (or its CSV) for this year."""

    def setup() -> tuple[Client, str]:
        _outcomes_world()
        return Client(), reverse(name, args=args) + f"?jaar={timezone.localdate().year}"

    return setup


# URL name -> (who looks and where, what adds one event behind every count on the page).
SCENARIOS: dict[str, tuple[Callable[[], tuple[Client, str]], Callable[[], None]]] = {
    "referrals:municipality": (_municipal_figures, _add_barrier),
    "api:municipality-figures": (_municipal_figures_api, _add_barrier),
    "referrals:municipality_csv": (_municipal_figures_csv, _add_barrier),
    "alliance:commitment_detail": (_public_commitment, _one_more_reached),
    **{f"api:outcomes-{m}": (_outcomes(m), _one_more_of_everything) for m in ("reach", "time-to-help", "declines")},
    "api:outcomes-feedback": (_outcomes("feedback"), _one_more_of_everything),
    "api:outcomes-export": (_outcomes_csv, _one_more_of_everything),
    "outcomes:national": (_outcomes_page("outcomes:national"), _one_more_of_everything),
    "outcomes:national_csv": (_outcomes_page("outcomes:national_csv"), _one_more_of_everything),
    "outcomes:municipality": (_outcomes_page("outcomes:municipality", "GM1640"), _one_more_of_everything),
    "outcomes:municipality_csv": (_outcomes_page("outcomes:municipality_csv", "GM1640"), _one_more_of_everything),
    "outcomes:monitor": (_outcomes_page("outcomes:monitor"), _one_more_of_everything),
    "outcomes:monitor_pdf": (_outcomes_page("outcomes:monitor_pdf"), _one_more_of_everything),
}

# Project URLs that show no count of people or events outside the owning organisation.
# A new URL must be added here or to SCENARIOS (with `@aggregate_view` on its view).
NO_COUNTS_OF_PEOPLE = {
    # The alliance: organisations, pledges, commitments and their *planned* reach (a partner's
    # own target, not a count of events); coverage counts partners, not people.
    *("alliance:" + n for n in ("commitment_create", "commitment_update", "export", "index", "municipality")),
    *("alliance:" + n for n in ("municipality_joining", "overview", "partners", "pledge", "pledge_sign")),
    *("alliance:" + n for n in ("coverage", "pledge_withdraw", "progress_create")),
    "api:commitment-list",
    "api:municipality-coverage",
    "api:partner-list",
    "api:organisation-detail",
    "api:organisation-list",
    "api:root",
    "api:concern-signals",
    # A partner's own outcomes dashboard and its CSV: its own records, exact (another organisation's are a 404).
    "outcomes:partner",
    "outcomes:partner_csv",
    # Own records only (another organisation's are a 404); the progress report goes back to its author.
    "api:commitment-progress",
    *("api:" + n for n in ("concern-consent-withdraw", "concern-consents", "concern-detail", "concern-list")),
    *("api:" + n for n in ("referral-detail", "referral-list", "referral-transitions")),
    *("referrals:" + n for n in ("barrier_create", "concern", "concern_create", "consent_create")),
    *("referrals:" + n for n in ("consent_withdraw", "conversation_guide", "feedback", "index", "referral")),
    *("referrals:" + n for n in ("referral_create", "referral_list", "referral_step")),
    # The screener stores nothing; the scheme editor's preview counts a *synthetic* population
    # and is shown only to the scheme's owner.
    "api:screen",
    *("screener:" + n for n in ("check", "check_pdf", "check_professional", "demo_note", "scheme", "scheme_edit")),
    "screener:scheme_list",
    # The social map: services, locations, organisations (counts of services, not people).
    *("hsds:" + n for n in ("organization", "organizations", "service", "service_at_locations", "services")),
    *("hsds:" + n for n in ("taxonomies", "taxonomy_term", "taxonomy_terms")),
    *("socialmap:" + n for n in ("location_create", "location_edit", "manage", "search", "service")),
    *("socialmap:" + n for n in ("service_confirm", "service_create", "service_edit")),
    *("organisations:" + n for n in ("detail", "list")),
    *("core:" + n for n in ("accessibility", "home", "privacy")),
    # Mijn Kansrijk counts the person's own organisations' work, for the person.
    "home:dashboard",
    *("hsds:" + n for n in ("root", "service_at_location", "taxonomy")),
    # Own records and own people (another organisation's are a 404): closing a concern, who
    # looked at it, the access review, the person's own API tokens, the fixed decline reasons.
    *("referrals:" + n for n in ("access_log", "access_log_pdf", "concern_close", "concern_reopen")),
    *("organisations:" + n for n in ("access_end", "access_review")),
    *("accounts:" + n for n in ("tokens", "token_revoke")),
    "api:referral-decline-reasons",
    # Platform staff's work list: organisations that have referrals waiting and no users, so staff
    # can contact them; not published, and staff run the platform.
    "referrals:waiting_without_users",
    # Take-up (ADR 0031): the family's own follow-up (its code and its schemes) and the professional's
    # own concern; the funnel is a selector for `outcomes`, which suppresses what it shows.
    *("takeup:" + n for n in ("concern", "family_answer", "family_start")),
    # The admin's login only sends people to the site's login.
    "admin:login",
}


def _project_urls(patterns: list[URLPattern | URLResolver], namespace: str = "") -> Iterator[tuple[str, object]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _project_urls(pattern.url_patterns, inner)
        elif getattr(pattern.callback, "__module__", "").startswith("kansrijk."):
            yield f"{namespace}{pattern.name}", pattern.callback


def test_every_project_url_is_classified_for_suppression():
    urls = dict(_project_urls(get_resolver().url_patterns))
    unclassified = set(urls) - set(SCENARIOS) - NO_COUNTS_OF_PEOPLE
    assert not unclassified, f"Shows it counts of people? Add to SCENARIOS or NO_COUNTS_OF_PEOPLE: {unclassified}"
    assert not (set(SCENARIOS) | NO_COUNTS_OF_PEOPLE) - set(urls), "classified URLs that no longer exist"


def test_every_aggregate_view_has_a_scenario_and_every_scenario_is_registered():
    urls = dict(_project_urls(get_resolver().url_patterns))
    registered = {name for name, view in urls.items() if is_aggregate_view(view)}
    assert registered == set(SCENARIOS)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_no_count_from_one_to_nine_is_ever_shown_outside_the_owner(name, municipalities):
    """One event at a time, from 1 to 13: every count on the page is "< 10", 0 or a multiple
    of 5, so comparing two moments never gives away one event."""
    setup, add_event = SCENARIOS[name]
    client, url = setup()
    for events in range(1, 14):
        add_event()
        response = client.get(url)
        assert response.status_code == 200
        counts = _counts_in(response)
        assert counts, f"{name}: no count on the page (marked with the `small_cell` filter)"
        for value, text in counts:
            shown = int(value) if value else None
            assert is_publishable(shown), f"{name} after {events} events shows {text!r}"
            assert text == (SUPPRESSED_LABEL if shown is None else value)
        if events == 13:
            assert ("15", "15") in counts, f"{name}: 13 events are shown as 15"
        elif events < 10:
            assert ("", SUPPRESSED_LABEL) in counts


@pytest.mark.django_db
def test_the_partner_itself_sees_its_exact_reach():
    """Suppression is for outsiders: the organisation that owns the report sees 3, not "< 10"."""
    partner = OrganisationFactory(municipality_codes=["GM1640"])
    PledgeSignatureFactory(organisation=partner, pledge_version=PledgeVersionFactory())
    commitment = CommitmentFactory(organisation=partner, municipality_codes=["GM1640"])
    ProgressReportFactory(commitment=commitment, realised_reach=3)
    coordinator = MembershipFactory(organisation=partner, coordinator=True)
    with_totp(coordinator)
    url = reverse("alliance:commitment_detail", args=[commitment.pk])
    own = client_for(coordinator).get(url).content.decode()
    assert "3 van 100" in own
    assert not _counts(own)
    assert _counts(Client().get(url).content.decode()) == [("", SUPPRESSED_LABEL)]
