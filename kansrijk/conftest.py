"""Fixtures shared by every app's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management.commands import flush
from django.test import Client

from kansrijk.audit.purge import purge_allowed
from kansrijk.organisations.models import Membership, Organisation
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory


@pytest.fixture(autouse=True, scope="session")
def _flush_may_purge_audit() -> Iterator[None]:
    """Transactional tests flush the database between tests; the audit trail refuses
    DELETE except inside `purge_allowed()`, so the test flush runs inside it."""
    original = flush.Command.handle

    def handle(self: flush.Command, *args: object, **options: object) -> object:
        with purge_allowed():
            return original(self, *args, **options)

    flush.Command.handle = handle  # type: ignore[method-assign]
    yield
    flush.Command.handle = original  # type: ignore[method-assign]


def with_totp(membership_or_user: Membership | object) -> str:
    """Give a user a TOTP authenticator; returns the secret."""
    user = getattr(membership_or_user, "user", membership_or_user)
    secret = generate_totp_secret()
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(user, secret)
    return secret


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory(municipality_codes=["GM1640"])


@pytest.fixture
def other_organisation(db: None) -> Organisation:
    return OrganisationFactory(municipality_codes=["GM0363"])


@pytest.fixture
def member(organisation: Organisation) -> Membership:
    membership = MembershipFactory(organisation=organisation)
    with_totp(membership)
    return membership


@pytest.fixture
def coordinator(organisation: Organisation) -> Membership:
    membership = MembershipFactory(organisation=organisation, coordinator=True)
    with_totp(membership)
    return membership


@pytest.fixture
def other_coordinator(other_organisation: Organisation) -> Membership:
    membership = MembershipFactory(organisation=other_organisation, coordinator=True)
    with_totp(membership)
    return membership


def client_for(membership: Membership) -> Client:
    """A logged-in client for a member who has set up two factors."""
    return login_with_two_factors(Client(), membership.user)


@pytest.fixture
def municipalities(db: None) -> None:
    """The 342 municipalities. The data migration loads them, but a transactional test's
    flush removes them; this puts them back when needed."""
    from kansrijk.municipalities.loading import read_municipalities
    from kansrijk.municipalities.models import Municipality

    if Municipality.objects.count() != 342:
        Municipality.objects.bulk_create(
            [Municipality(**row.__dict__) for row in read_municipalities()], ignore_conflicts=True
        )


@pytest.fixture
def cbs_figures(municipalities: None) -> None:
    """The CBS figures of `municipalities/data/cbs/` (ADR 0032). The data migration loads them, but
    a transactional test's flush removes them; this puts them back when needed."""
    from kansrijk.municipalities.cbs import read_shipped_figures
    from kansrijk.municipalities.models import CbsFigure

    if not CbsFigure.objects.exists():
        CbsFigure.objects.bulk_create(
            [
                CbsFigure(
                    **{k: v for k, v in row.__dict__.items() if k != "municipality"}, municipality_id=row.municipality
                )
                for row in read_shipped_figures()
            ],
            batch_size=2000,
        )


DATABASE_FIXTURES = (
    "db",
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
)


@pytest.fixture(autouse=True)
def _fresh_process_caches(request: pytest.FixtureRequest, django_db_blocker: object) -> None:
    """Each test starts without the caches a previous test may have filled.

    The default cache is the database cache (no Redis, ADR 0009): it is emptied for tests
    that use the database (a test's own writes are rolled back with its transaction; a
    transactional test's flush leaves the cache table alone); others cannot reach it.
    """
    from django.core.cache import cache

    from kansrijk.screener.selectors import forget_local_rules

    forget_local_rules()
    uses_database = request.node.get_closest_marker("django_db") is not None or any(
        name in request.fixturenames for name in DATABASE_FIXTURES
    )
    if uses_database:
        request.getfixturevalue("django_db_setup")
        with django_db_blocker.unblock():  # type: ignore[attr-defined]
            cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings: object) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless chromium for the whole session (Debian's package)."""
    import os

    from playwright.sync_api import sync_playwright

    from kansrijk.core.testing.browser import CHROMIUM_ARGS, chromium_path

    executable = chromium_path()
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it.")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    # make between page steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def served_pages_checked(live_server: object) -> Iterator[list[str]]:
    """Every HTML page the live server serves during a browser test is checked for developer text
    (file names, scheme keys, field names, cents, ids); the test fails on any finding."""
    from kansrijk.core.testing.browser import served_pages_checked as checked

    with checked() as findings:
        yield findings
    assert not findings, "Developer text reaches people on pages the journey visited:\n" + "\n".join(findings)


@pytest.fixture
def page(
    browser: object, live_server: object, municipalities: None, served_pages_checked: list[str]
) -> Iterator[object]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def page_without_javascript(
    browser: object, live_server: object, municipalities: None, served_pages_checked: list[str]
) -> Iterator[object]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _erasure_log_in_tmp(settings: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Erasures in tests are logged to a fresh temporary file, never beside the real database."""
    folder = tmp_path_factory.mktemp("erasure-log")
    settings.ERASURE_LOG_PATH = folder / "erasures.jsonl"  # type: ignore[attr-defined]


def login_with_two_factors(client: Client, user: object) -> Client:
    """Log `client` in as `user` with a session that passed password and TOTP, as the
    real login leaves it (the doors of ADR 0009 refuse a session without the TOTP step)."""
    import time

    from kansrijk.accounts.two_factor import mark_session_two_factors

    client.force_login(user)  # type: ignore[arg-type]
    session = client.session
    mark_session_two_factors(session, user, time.time())  # type: ignore[arg-type]
    session.save()
    return client


@pytest.fixture(autouse=True)
def _dutch_after_each_test() -> Iterator[None]:
    """A request under /en/ leaves English active in the test thread; the next test starts in Dutch."""
    from django.utils import translation

    yield
    translation.activate("nl")
