"""PostgreSQL: backup with `pg_dump -Fc`, restore with `pg_restore` into one transaction.

Connection settings come from Django's DATABASES through libpq's environment variables
(PGHOST, PGPASSWORD, …), never through the command line, where any user of the machine could
read a password in the process list. The client tools of the server's major version are used
(`/usr/lib/postgresql/<major>/bin`, or `PG_BIN_DIR`): a pg_dump older than the server refuses.

A restore replaces the whole `public` schema in one transaction: `DROP SCHEMA public CASCADE`,
then the archive's SQL (`pg_restore --no-owner --file=-`), then COMMIT only when pg_restore
finished without error. Anything else rolls back and leaves the database as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import IO, Any

from kansrijk.backups.files import BackupError

ENVIRONMENT = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
    "NAME": "PGDATABASE",
}
OPTION_ENVIRONMENT = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}
PREFIX = (
    b"BEGIN;\nDROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\n"
)
KANSRIJK_TABLE = "TABLE public django_migrations "


def environment(settings_dict: dict[str, Any]) -> dict[str, str]:
    """The environment for pg_dump/pg_restore/psql: libpq variables from Django's settings."""
    env = dict(os.environ)
    for key, variable in ENVIRONMENT.items():
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    for key, variable in OPTION_ENVIRONMENT.items():
        if settings_dict.get("OPTIONS", {}).get(key):
            env[variable] = str(settings_dict["OPTIONS"][key])
    env["PGAPPNAME"] = "kansrijk-backup"
    return env


def tool(name: str, server_version: int) -> str:
    """The client tool `name` for the server's major version (or newer), else the one on PATH."""
    major = server_version // 10000
    folder = os.environ.get("PG_BIN_DIR")
    if folder:
        candidate = Path(folder) / name
        if not os.access(candidate, os.X_OK):
            raise BackupError(f"PG_BIN_DIR is set, but {candidate} is not an executable.", bad_input=False)
        return str(candidate)
    installed = sorted(
        (int(path.parent.parent.name), path)
        for path in Path("/usr/lib/postgresql").glob(f"*/bin/{name}")
        if path.parent.parent.name.isdigit()
    )
    for version, path in installed:
        if version >= major:
            return str(path)
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} for PostgreSQL {major} is not installed (Debian: postgresql-client-{major}); "
            "or set PG_BIN_DIR to the folder holding it.",
            bad_input=False,
        )
    return found


def _run(command: list[str], env: dict[str, str], what: str) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip() or result.returncode}", bad_input=False)
    return result.stdout


def backup(connection: Any, target: Path) -> None:
    connection.ensure_connection()
    env = environment(connection.settings_dict)
    pg_dump = tool("pg_dump", connection.pg_version)
    _run([pg_dump, "--format=custom", "--no-password", f"--file={target}"], env, "pg_dump")


def check_archive(connection: Any, path: Path) -> None:
    """The file is a pg_dump archive that holds Kansrijk's tables."""
    pg_restore = tool("pg_restore", connection.pg_version)
    result = subprocess.run(  # noqa: S603
        [pg_restore, "--list", str(path)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{path} is not a readable PostgreSQL archive: {result.stderr.strip()}")
    if KANSRIJK_TABLE not in result.stdout:
        raise BackupError(f"{path} is a PostgreSQL archive, but not of a Kansrijk database (no django_migrations).")


def other_sessions(connection: Any) -> int:
    """How many other connections the database has (app servers, workers, a psql …)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        (count,) = cursor.fetchone()
    return int(count)


def _feed(script: IO[bytes], psql: subprocess.Popen[bytes], restorer: subprocess.Popen[bytes]) -> bool:
    """Stream the archive's SQL into psql after PREFIX; COMMIT only when pg_restore succeeded."""
    assert psql.stdin is not None
    try:
        psql.stdin.write(PREFIX)
        shutil.copyfileobj(script, psql.stdin, 1 << 20)
        committed = restorer.wait() == 0
        if committed:
            psql.stdin.write(b"COMMIT;\n")
        psql.stdin.close()
    except BrokenPipeError:
        # psql stopped at an error (ON_ERROR_STOP); stop pg_restore too, nothing was committed.
        script.close()
        restorer.kill()
        committed = False
    return committed


def restore(connection: Any, source: Path) -> None:
    """Replace the database by the archive in `source`, in one transaction. Closes `connection`."""
    connection.ensure_connection()
    others = other_sessions(connection)
    if others:
        raise BackupError(
            f"The database is in use: {others} other connection(s). Stop the app servers and workers "
            "(and any `kansrijk` command) and try again.",
            bad_input=False,
        )
    env = environment(connection.settings_dict)
    pg_restore = tool("pg_restore", connection.pg_version)
    psql_tool = tool("psql", connection.pg_version)
    connection.close()
    with tempfile.TemporaryFile() as restore_errors, tempfile.TemporaryFile() as psql_errors:
        restorer = subprocess.Popen(  # noqa: S603
            [pg_restore, "--no-owner", "--file=-", str(source)], stdout=subprocess.PIPE, stderr=restore_errors
        )
        psql = subprocess.Popen(  # noqa: S603
            [psql_tool, "-X", "-q", "--no-password", "-v", "ON_ERROR_STOP=1", "-f", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=psql_errors,
            env=env,
        )
        assert restorer.stdout is not None
        committed = _feed(restorer.stdout, psql, restorer)
        restorer.wait()
        psql_status = psql.wait()
        if not committed or psql_status != 0:
            restore_errors.seek(0)
            psql_errors.seek(0)
            detail = (restore_errors.read() + psql_errors.read()).decode(errors="replace").strip()
            raise BackupError(f"The restore failed; the database is unchanged. {detail}", bad_input=False)
