"""Where the time of one `POST /api/v1/screen` goes: the WSGI application called in-process.

Usage: .venv/bin/python bench/rules_api_inprocess.py [--runs 1500]
Migrates a fresh SQLite database (like bench/rules_api.py), then calls `config.wsgi.application`
directly (no server, no sockets) with the benchmark's request and reports the median per request:
as shipped, then three what-ifs that are NOT shipped (they patch the running process to measure a
proposal): local rules cached per process, a persistent SQLite connection, an API-only middleware
stack. Also times the pure `screen()` call (rules, explanations; no Django) for comparison.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rules_api import BODY  # noqa: E402

API_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kansrijk.audit.middleware.AuditContextMiddleware",
]


def measure(label: str, call: Callable[[], object], runs: int) -> None:
    for _ in range(200):
        call()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    timings.sort()
    print(f"{label:58s} median {statistics.median(timings) * 1e3:6.3f} ms, min {timings[0] * 1e3:6.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1500)
    args = parser.parse_args()
    directory = tempfile.mkdtemp()
    os.environ.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{directory}/bench.sqlite3",
    )
    subprocess.run([str(Path(sys.executable).parent / "kansrijk"), "migrate", "--noinput", "-v0"], cwd=ROOT, check=True)
    warnings.filterwarnings("ignore")
    application = importlib.import_module("config.wsgi").application  # first: sets Django up
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connections

    import kansrijk.screener.api as api
    from kansrijk.rules import screen
    from kansrijk.screener.selectors import known_municipality_codes

    body = BODY.encode()
    handler: list[Any] = [application]

    def call() -> bytes:
        environ = {
            "REQUEST_METHOD": "POST", "PATH_INFO": "/api/v1/screen", "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)), "HTTP_X_FORWARDED_PROTO": "https", "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
            "wsgi.errors": sys.stderr,
        }  # fmt: skip
        status: list[str] = []
        chunks = handler[0](environ, lambda code, headers, exc=None: status.append(code))
        data = b"".join(chunks)
        chunks.close()
        assert status[0].startswith("200"), data[:300]
        return data

    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs, {args.runs} requests per line")
    measure("as shipped (WSGI call in-process)", call, args.runs)
    request, codes = json.loads(BODY), known_municipality_codes()
    original = api.local_rules_for
    measure("screen() alone, local rules from the database", lambda: screen(request, codes, original), args.runs)
    cache: dict[str, Any] = {}

    def cached(municipality: str) -> Any:
        if municipality not in cache:
            cache[municipality] = original(municipality)
        return cache[municipality]

    measure("screen() alone, local rules cached", lambda: screen(request, codes, cached), args.runs)
    connections["default"].settings_dict["CONN_MAX_AGE"] = 600
    measure("what-if: persistent SQLite connection", call, args.runs)
    api.local_rules_for = cached  # type: ignore[assignment]
    measure("what-if: + local rules cached per process", call, args.runs)
    settings.MIDDLEWARE = API_MIDDLEWARE
    handler[0] = WSGIHandler()
    measure("what-if: + API-only middleware (security, common, xframe, audit)", call, args.runs)


if __name__ == "__main__":
    main()
