"""pg_dump gets its connection settings through libpq's environment, never on its command line."""

import subprocess
from types import SimpleNamespace

import pytest

from kansrijk.backups import postgres
from kansrijk.backups.files import BackupError

SETTINGS = {
    "NAME": "kansrijk",
    "USER": "app",
    "PASSWORD": "s3cret-Pa55",
    "HOST": "db.internal",
    "PORT": 5433,
    "OPTIONS": {"sslmode": "verify-full"},
}


def test_connection_settings_become_libpq_environment_variables():
    env = postgres.environment(SETTINGS)
    assert (env["PGDATABASE"], env["PGUSER"], env["PGPASSWORD"]) == ("kansrijk", "app", "s3cret-Pa55")
    assert (env["PGHOST"], env["PGPORT"], env["PGSSLMODE"]) == ("db.internal", "5433", "verify-full")


def test_the_password_is_never_on_the_command_line(monkeypatch, tmp_path):
    calls = []

    def run(command, **kwargs):
        calls.append((command, kwargs["env"]))
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(postgres.subprocess, "run", run)
    monkeypatch.setattr(postgres, "tool", lambda name, version: f"/usr/bin/{name}")
    connection = SimpleNamespace(settings_dict=SETTINGS, pg_version=150020, ensure_connection=lambda: None)
    postgres.backup(connection, tmp_path / "b.dump")
    [(command, env)] = calls
    assert command[0] == "/usr/bin/pg_dump"
    assert "--format=custom" in command
    assert not any("s3cret" in part or "db.internal" in part for part in command)
    assert env["PGPASSWORD"] == "s3cret-Pa55"


def test_a_pg_bin_dir_without_the_tool_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PG_BIN_DIR", str(tmp_path))
    with pytest.raises(BackupError, match=f"{tmp_path}/pg_dump is not an executable"):
        postgres.tool("pg_dump", 150020)


def test_the_client_tools_of_the_servers_major_version_are_chosen(monkeypatch):
    monkeypatch.delenv("PG_BIN_DIR", raising=False)
    installed = [p for p in postgres.Path("/usr/lib/postgresql").glob("*/bin/pg_dump")]
    if not installed:
        pytest.skip("No PostgreSQL client tools under /usr/lib/postgresql.")
    major = int(installed[0].parent.parent.name)
    assert postgres.tool("pg_dump", major * 10000) == str(installed[0])
