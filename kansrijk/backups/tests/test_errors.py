"""Bad input to `backup` and `restore` gets a clear error and exit code 2; a busy database exit code 1."""

import io
import os
import sqlite3
import subprocess
import sys

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from kansrijk.referrals.models import Concern
from kansrijk.referrals.tests.factories import ConcernFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _error(*args, **options):
    if args[0] == "restore":
        options["interactive"] = False
    with pytest.raises(CommandError) as caught:
        call_command(*args, stdout=io.StringIO(), **options)
    return caught.value.returncode, str(caught.value)


def test_backup_refuses_a_missing_folder_an_existing_file_and_a_folder(tmp_path):
    missing = tmp_path / "nope"
    assert _error("backup", str(missing / "b.backup")) == (2, f"The folder {missing} does not exist.")
    existing = tmp_path / "b.backup"
    existing.write_bytes(b"keep me")
    code, message = _error("backup", str(existing))
    assert code == 2
    assert "already exists" in message
    assert existing.read_bytes() == b"keep me"
    code, message = _error("backup", str(tmp_path))
    assert (code, "is a folder" in message) == (2, True)
    assert [p.name for p in tmp_path.iterdir()] == ["b.backup"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_backup_refuses_a_folder_without_write_permission(tmp_path):
    tmp_path.chmod(0o500)
    try:
        code, message = _error("backup", str(tmp_path / "b.backup"))
    finally:
        tmp_path.chmod(0o700)
    assert (code, "no permission" in message) == (2, True)


def test_restore_refuses_what_is_not_a_backup_of_this_kind(tmp_path):
    assert _error("restore", str(tmp_path / "missing"))[0] == 2
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert _error("restore", str(text)) == (
        2,
        f"{text} is not a Kansrijk backup: neither an SQLite database nor a PostgreSQL archive (pg_dump -Fc).",
    )
    empty = tmp_path / "empty"
    empty.touch()
    assert _error("restore", str(empty)) == (2, f"{empty} is empty, not a backup.")
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    code, message = _error("restore", str(other))
    expected = "not a Kansrijk backup" if connection.vendor == "sqlite" else "is a SQLite backup, but this database"
    assert (code, expected in message) == (2, True)
    wrong_kind = tmp_path / "archive.dump"
    wrong_kind.write_bytes(b"PGDMP\x01\x0e\x00" + b"\x00" * 64)
    code, message = _error("restore", str(wrong_kind))
    assert code == 2
    assert ("but this database is SQLite" if connection.vendor == "sqlite" else "not a readable PostgreSQL") in message


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path, municipalities):
    concern = ConcernFactory()
    backup = tmp_path / "b.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    damaged = tmp_path / "damaged.backup"
    data = backup.read_bytes()
    damaged.write_bytes(data[: len(data) // 3])
    Concern.objects.all().delete()
    code, _message = _error("restore", str(damaged))
    assert code == 2
    assert not Concern.objects.filter(pk=concern.pk).exists()


def test_the_command_line_exits_with_2_on_a_bad_path(tmp_path):
    kansrijk = os.path.join(os.path.dirname(sys.executable), "kansrijk")
    result = subprocess.run(
        [kansrijk, "restore", "--no-input", str(tmp_path / "missing.backup")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
    )
    assert result.returncode == 2
    assert f"{tmp_path / 'missing.backup'} does not exist." in result.stderr


def test_restore_refuses_a_database_in_use_and_changes_nothing(tmp_path, municipalities):
    concern = ConcernFactory()
    backup = tmp_path / "b.backup"
    call_command("backup", str(backup), stdout=io.StringIO())
    Concern.objects.all().delete()
    if connection.vendor == "sqlite":
        other = sqlite3.connect(connection.settings_dict["NAME"], uri=True, timeout=0)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO django_migrations (app, name, applied) VALUES ('x', 'y', '2026-01-01')")
    else:
        params = connection.get_connection_params()
        other = psycopg.connect(**{k: v for k, v in params.items() if k != "cursor_factory"})
    try:
        code, message = _error("restore", str(backup))
    finally:
        other.close()
    assert (code, "in use" in message) == (1, True)
    assert not Concern.objects.filter(pk=concern.pk).exists()
