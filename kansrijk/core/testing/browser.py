"""Browser-test support: Debian's chromium through Playwright, and axe-core checks.

Playwright's own browser download does not work offline, so the tests launch the
`chromium` that `make test` installs from Debian.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe-core" / "axe.min.js"
AXE_URL = "/static/vendor/axe-core/axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core (served from our own static files, never a CDN) on the current page."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Loaded from our own static files, so the page's CSP ('self') allows it.
        page.add_script_tag(url=AXE_URL)
    result = page.evaluate(
        "async (tags) => await window.axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return list(result["violations"])


def assert_accessible(page: Page) -> None:
    """The checks every page a journey visits must pass: axe-core's WCAG 2.1 AA rules, and no
    developer text (file names, scheme keys, field names, cents, ids) in what a reader sees or hears."""
    from kansrijk.core.testing.developer_text import developer_text

    found = developer_text(page.content())
    assert not found, f"Developer text reaches people on {page.url}:\n" + "\n".join(found)
    violations = axe_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[node['target'] for node in v['nodes']][:5]}" for v in violations
    ]
    assert not violations, f"axe-core found WCAG 2.1 AA violations on {page.url}:\n" + "\n".join(summary)


@contextmanager
def served_pages_checked() -> Iterator[list[str]]:
    """Check every HTML page the (in-process) live server serves while the block runs for developer
    text, whether or not the test calls `assert_accessible` on it: redirects' targets, htmx fragments,
    pages after a form post. Yields the list of findings ("GET /path: what"), filled as pages are
    served; the `page` fixtures fail the test when it is not empty at the end.

    Only the server's answers are seen, so text that JavaScript adds is checked by
    `assert_accessible` instead. The API's HTML documentation (`/api/`) is for developers and skipped.
    """
    from django.core.handlers.base import BaseHandler
    from django.http import HttpRequest, HttpResponseBase

    from kansrijk.core.testing.developer_text import developer_text

    original: Callable[[BaseHandler, HttpRequest], HttpResponseBase] = BaseHandler.get_response
    findings: list[str] = []

    def get_response(handler: BaseHandler, request: HttpRequest) -> HttpResponseBase:
        response = original(handler, request)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if is_html and not response.streaming and not request.path.startswith("/api/"):
            html = response.content.decode(response.charset or "utf-8")  # type: ignore[attr-defined]
            findings.extend(f"{request.method} {request.path}: {found}" for found in developer_text(html))
        return response

    BaseHandler.get_response = get_response  # type: ignore[method-assign]
    try:
        yield findings
    finally:
        BaseHandler.get_response = original  # type: ignore[method-assign]


def log_in(page: Page, email: str, password: str, secret: str, *, check_accessibility: bool = False) -> None:
    """Log in through the real pages: e-mail and password, then the TOTP code."""
    import re

    from kansrijk.core.totp import current_totp_code

    page.goto("/accounts/login/")
    if check_accessibility:
        assert_accessible(page)
    page.get_by_label(re.compile("^E-mail")).fill(email)
    page.get_by_label(re.compile("^Wachtwoord")).fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile("/accounts/2fa/authenticate/"))
    if check_accessibility:
        assert_accessible(page)
    # The server accepts only the current 30-second code (allauth's MFA_TOTP_TOLERANCE is 0): a
    # code read just before a period ends can arrive just after it. Then the same page asks
    # again, and a fresh code is entered once.
    for attempt in range(2):
        page.get_by_label(re.compile("code", re.IGNORECASE)).fill(current_totp_code(secret))
        page.get_by_role("button", name=re.compile("Inloggen|Aanmelden")).click()
        page.wait_for_load_state()
        if attempt or "/accounts/2fa/authenticate/" not in page.url:
            break
        page.wait_for_timeout(1_000)
