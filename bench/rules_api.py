"""Benchmark: POST /api/v1/screen under gunicorn, 20 concurrent clients on loopback.

Usage: .venv/bin/python bench/rules_api.py [--clients 20] [--seconds 15] [--workers 2] [--threads 1]
                                           [--load wrk|python]
Starts gunicorn itself on 127.0.0.1 with a fresh SQLite database (`kansrijk migrate` first,
which loads the municipalities), sends the contract's example household over keep-alive
connections, reports requests/s and latency percentiles, and stops gunicorn again.
The load generator runs on the same machine and takes CPU from the server, so it should be
cheap: `--load wrk` (default; Debian package `wrk`, one event-loop thread, a Lua script for the
POST and the percentiles) uses a fraction of the CPU of `--load python` (client threads with
http.client, kept for machines without wrk). `--threads N` > 1 runs gthread workers.
`--what-if cached-local-rules` measures a proposal, not the shipped code: the server process
keeps each municipality's local rules in memory instead of reading them from the database on
every request (see docs/benchmarks.md). Goal: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import http.client
import importlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BODY = json.dumps(
    {
        "date": "2026-05-01",
        "municipality": "GM0363",
        "household": {
            "adults": [
                {"age": 34, "taxable_income_yearly": "31000.00", "net_income_monthly": "1950.00", "insured": True},
                {"age": 36, "taxable_income_yearly": "12000.00", "net_income_monthly": "850.00", "insured": True},
            ],
            "children": [
                {"age": 4, "birth_date": "2021-05-02", "school": "primary"},
                {"age": 11, "birth_date": "2014-07-20", "school": "primary"},
            ],
            "partners": True,
            "assets": "2000.00",
            "rent_monthly": "780.00",
        },
    }
)
HEADERS = {"Content-Type": "application/json", "X-Forwarded-Proto": "https", "Host": "127.0.0.1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(connection: http.client.HTTPConnection) -> int:
    connection.request("POST", "/api/v1/screen", body=BODY, headers=HEADERS)
    response = connection.getresponse()
    response.read()
    return response.status


def wait_until_up(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            if post(connection) == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer 200 on POST /api/v1/screen")


def client(port: int, stop_at: float, latencies: list[float], errors: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while time.monotonic() < stop_at:
        started = time.perf_counter()
        status = post(connection)
        latencies.append(time.perf_counter() - started)
        if status != 200:
            errors.append(status)


WRK_SCRIPT = """
wrk.method = "POST"
wrk.body = [==[%s]==]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Host"] = "127.0.0.1"
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    errors.status + errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    math.floor(latency.mean), summary.bytes))
end
"""


def run_wrk(port: int, clients: int, seconds: float, directory: str) -> dict[str, float]:
    """wrk with one thread and `clients` keep-alive connections; latencies in ms."""
    script = Path(directory) / "post.lua"
    script.write_text(WRK_SCRIPT % BODY, encoding="utf-8")
    command = ["wrk", "-t1", f"-c{clients}", f"-d{round(seconds)}s", "--timeout", "10s", "-s", str(script),
               f"http://127.0.0.1:{port}/api/v1/screen"]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(row for row in output.splitlines() if row.startswith("RESULT "))
    requests, duration, errors, p50, p95, p99, slowest, _mean, _bytes = (int(x) for x in line.split()[1:])
    return {
        "requests": requests,
        "wall": duration / 1e6,
        "errors": errors,
        "p50": p50 / 1e3,
        "p95": p95 / 1e3,
        "p99": p99 / 1e3,
        "max": slowest / 1e3,
    }


def run(port: int, clients: int, seconds: float) -> tuple[list[float], list[int], float]:
    latencies: list[float] = []
    errors: list[int] = []
    stop_at = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(port, stop_at, latencies, errors)) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def run_python(port: int, clients: int, seconds: float) -> dict[str, float]:
    latencies, errors, wall = run(port, clients, seconds)
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1e3

    return {"requests": len(latencies), "wall": wall, "errors": len(errors), "p50": pct(0.5), "p95": pct(0.95),
            "p99": pct(0.99), "max": latencies[-1] * 1e3}  # fmt: skip


def what_if_cached_local_rules():  # type: ignore[no-untyped-def]
    """gunicorn app factory: the shipped application with local rules cached per process (a what-if)."""
    application = importlib.import_module("config.wsgi").application  # first: sets Django up
    api = importlib.import_module("kansrijk.screener.api")
    original, cache = api.local_rules_for, {}

    def cached(municipality):  # type: ignore[no-untyped-def]
        if municipality not in cache:
            cache[municipality] = original(municipality)
        return cache[municipality]

    api.local_rules_for = cached
    return application


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="> 1: gthread workers with this many threads")
    parser.add_argument("--load", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--what-if", choices=["cached-local-rules"], help="measure a proposal (see the docstring)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{directory}/bench.sqlite3",
        }
        subprocess.run([str(BIN / "kansrijk"), "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        port = free_port()
        app = "rules_api:what_if_cached_local_rules()" if args.what_if else "config.wsgi:application"
        command = [str(BIN / "gunicorn"), app, "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
                   "--pythonpath", f"{ROOT},{ROOT / 'bench'}", "--log-level", "warning"]  # fmt: skip
        if args.threads > 1:
            command += ["--worker-class", "gthread", "--threads", str(args.threads)]
        server = subprocess.Popen(command, cwd=ROOT, env=env)
        try:
            wait_until_up(port)
            run(port, args.clients, 2)  # warm up every worker
            if args.load == "wrk":
                found = run_wrk(port, args.clients, args.seconds, directory)
            else:
                found = run_python(port, args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    kind = f"gthread x {args.threads} threads" if args.threads > 1 else "sync"
    kind += f" (what-if: {args.what_if})" if args.what_if else ""
    print(
        f"POST /api/v1/screen, gunicorn {args.workers} {kind} workers, {args.clients} clients ({args.load}), "
        f"{found['wall']:.1f} s, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
    )
    rate = found["requests"] / found["wall"]
    print(f"{int(found['requests']):,} requests, {int(found['errors'])} errors, {rate:,.0f} requests/s")
    print(
        f"latency p50 {found['p50']:.1f} ms, p95 {found['p95']:.1f} ms, p99 {found['p99']:.1f} ms, "
        f"max {found['max']:.1f} ms"
    )


if __name__ == "__main__":
    main()
