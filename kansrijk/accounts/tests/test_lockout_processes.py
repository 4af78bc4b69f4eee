"""The lockout holds across worker processes without Redis (ADR 0009).

Two gunicorn workers (4 threads each) run against a fresh database made by `migrate`
(which creates the cache table): a SQLite file, or, when the suite runs on PostgreSQL, a
fresh database `<name>_lockout` on the same server. Sixteen wrong passwords for one address arrive at once;
a hasher that writes a line per password check counts how many were checked.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
EMAIL = "target@example.org"
WRONG = "a-wrong-password-1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database for the server processes."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'db.sqlite3'}"
        return
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + "_lockout"
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield parts._replace(path=f"/{name}").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(tmp_path: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        DEBUG="1",
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="kansrijk.accounts.tests.settings_counting",
        DATABASE_URL=database_url,
        KANSRIJK_COUNT_PASSWORD_CHECKS=str(tmp_path / "checks.log"),
        LOG_LEVEL="WARNING",
    )
    return env


def _prepare(env: dict[str, str]) -> None:
    subprocess.run([BIN / "kansrijk", "migrate", "--no-input", "-v", "0"], env=env, check=True, cwd=ROOT)
    create = (
        "import django; django.setup();"
        "from kansrijk.accounts.models import User;"
        f"User.objects.create_user('{EMAIL}', 'the-right-password-42')"
    )
    subprocess.run([sys.executable, "-c", create], env=env, check=True, cwd=ROOT)


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn stopped"
        try:
            urllib.request.urlopen(f"{base}/accounts/login/", timeout=20)  # noqa: S310 — local test server
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    pytest.fail("gunicorn did not answer within 60 s")


def _login_form(base: str) -> tuple[str, str]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(f"{base}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token is not None
    cookie = next(c.value for c in jar if c.name == "csrftoken")
    return token.group(1), cookie


def _wrong_login(base: str, csrf: tuple[str, str]) -> str:
    data = urllib.parse.urlencode({"login": EMAIL, "password": WRONG, "csrfmiddlewaretoken": csrf[0]}).encode()
    request = urllib.request.Request(  # noqa: S310 — local test server
        f"{base}/accounts/login/", data=data, headers={"Cookie": f"csrftoken={csrf[1]}", "Referer": base}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.read().decode()


def test_sixteen_parallel_wrong_logins_on_two_workers_reach_at_most_five_password_checks(tmp_path, database_url):
    env = _env(tmp_path, database_url)
    _prepare(env)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "config.wsgi",
            "--workers",
            "2",
            "--threads",
            "4",
            "--bind",
            f"127.0.0.1:{port}",
            "--no-control-socket",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "gunicorn.log").open("wb"),
    )
    try:
        _wait_until_up(base, server)
        csrf = _login_form(base)
        with ThreadPoolExecutor(max_workers=16) as pool:
            pages = list(pool.map(lambda _: _wrong_login(base, csrf), range(16)))
    finally:
        server.terminate()
        server.wait(timeout=30)
    checks = (tmp_path / "checks.log").read_text().splitlines()
    assert 1 <= len(checks) <= 5, f"{len(checks)} password checks"
    assert sum("Te veel inlogpogingen" in page for page in pages) >= 16 - len(checks)
