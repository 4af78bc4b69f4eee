"""Benchmark: POST /api/v1/screen under gunicorn, 20 concurrent clients on loopback.

Usage: .venv/bin/python bench/rules_api.py [--clients 20] [--seconds 15] [--workers 4]
Starts gunicorn itself on 127.0.0.1 with a fresh SQLite database (`kansrijk migrate` first,
which loads the municipalities), sends the contract's example household from keep-alive
client threads, reports requests/s and latency percentiles, and stops gunicorn again.
The clients run on the same machine, so they take CPU from the server. Goal: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=4)
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
        command = [str(BIN / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
                   "--workers", str(args.workers), "--log-level", "warning"]  # fmt: skip
        server = subprocess.Popen(command, cwd=ROOT, env=env)
        try:
            wait_until_up(port)
            run(port, args.clients, 2)  # warm up every worker
            latencies, errors, wall = run(port, args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1e3

    print(
        f"POST /api/v1/screen, gunicorn {args.workers} sync workers, {args.clients} clients, "
        f"{wall:.1f} s, {os.cpu_count()} CPUs"
    )
    print(f"{len(latencies):,} requests, {len(errors)} non-200, {len(latencies) / wall:,.0f} requests/s")
    slowest = latencies[-1] * 1e3
    print(f"latency p50 {pct(0.5):.1f} ms, p95 {pct(0.95):.1f} ms, p99 {pct(0.99):.1f} ms, max {slowest:.1f} ms")


if __name__ == "__main__":
    main()
