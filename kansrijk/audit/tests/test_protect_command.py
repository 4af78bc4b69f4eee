"""`kansrijk audit-protect`: the SQL a DBA runs when the migration could not protect the trail."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def test_on_sqlite_the_command_says_it_is_for_postgresql():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only.")
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("audit-protect")


@pytest.mark.postgres
def test_it_prints_the_owner_role_the_functions_and_the_app_roles_grants(capsys):
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL.")
    call_command("audit-protect", "--app-role", "kansrijk_app")
    sql = capsys.readouterr().out
    assert "CREATE ROLE kansrijk_audit_owner NOLOGIN" in sql
    assert "ALTER TABLE audit_auditevent OWNER TO kansrijk_audit_owner" in sql
    assert "SECURITY DEFINER" in sql
    assert 'GRANT SELECT, INSERT ON audit_auditevent TO "kansrijk_app"' in sql
    assert "kansrijk.audit_purge" not in sql


@pytest.mark.postgres
def test_a_role_name_that_is_not_plain_is_refused():
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL.")
    with pytest.raises(CommandError, match="plain PostgreSQL name"):
        call_command("audit-protect", "--app-role", 'app"; DROP TABLE x; --')


@pytest.mark.postgres
def test_applying_it_again_keeps_the_trail_owned_by_the_owner_role(capsys):
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL.")
    call_command("audit-protect", "--apply")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'audit_auditevent'")
        assert cursor.fetchone() == ("kansrijk_audit_owner",)
