"""PostgreSQL: an audit trail the application's own database role cannot rewrite (ADR 0010).

- `maintenance_sql` creates the triggers and the two maintenance functions. The triggers refuse
  UPDATE, DELETE and TRUNCATE, except a statement that runs as the table's owner *and* inside a
  maintenance function (a transaction-local flag those functions set). An UPDATE may only clear
  personal fields, never the chained ones.
- `kansrijk_audit_purge()` deletes only rows older than the retention period and writes the
  anchor; `kansrijk_audit_anonymise(ids)` clears the personal fields of rows older than the
  personal-data period. Both are SECURITY DEFINER: they run as the owner of the audit tables.
- `protect_sql` hands the audit tables and functions to a separate NOLOGIN role
  (`kansrijk_audit_owner`) and grants the app's role only SELECT/INSERT on the trail, the chain
  head it advances, and EXECUTE on the two functions. Not the owner, the app's role cannot
  UPDATE, DELETE, TRUNCATE, ALTER (DISABLE TRIGGER), DROP TRIGGER or DROP TABLE.

The migration runs `protect_sql` when it migrates as a superuser (CI, tests, a DBA); otherwise
a DBA runs `kansrijk audit-protect --app-role ROLE [--apply]`.
"""

from __future__ import annotations

import re

OWNER = "kansrijk_audit_owner"
TABLES = ("audit_auditevent", "audit_auditchainhead", "audit_auditanchor")
FUNCTIONS = ("kansrijk_audit_purge()", "kansrijk_audit_anonymise(bigint[])", "audit_refuse_change()")
MESSAGE = "audit_auditevent is append-only"
CHAINED = ("seq", '"timestamp"', "action", "object_type", "result", "personal_digest", "prev_hash", "row_hash")
_ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")


def _tuple(prefix: str) -> str:
    return "(" + ", ".join(f"{prefix}.{column}" for column in CHAINED) + ")"


def _refuse_function() -> str:
    return f"""CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('kansrijk.audit_maintenance', true) = 'on'
           AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) THEN
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            IF TG_OP = 'UPDATE' AND {_tuple("NEW")} IS NOT DISTINCT FROM {_tuple("OLD")} THEN
                RETURN NEW;
            END IF;
        END IF;
        RAISE EXCEPTION '{MESSAGE}';
    END; $$"""  # noqa: S608 (only integers and checked identifiers are interpolated)


def _purge_function(*, schema: str, retention_days: int) -> str:
    schema = check_role_name(schema)
    return f"""CREATE OR REPLACE FUNCTION kansrijk_audit_purge() RETURNS bigint LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, "{schema}" AS $$
    DECLARE
        cutoff timestamptz := now() - make_interval(days => {int(retention_days)});
        first_live bigint;
        through bigint;
        last_hash text;
        removed bigint;
    BEGIN
        LOCK TABLE audit_auditanchor IN EXCLUSIVE MODE;
        SELECT min(seq) INTO first_live FROM audit_auditevent WHERE "timestamp" >= cutoff;
        SELECT seq, row_hash INTO through, last_hash FROM audit_auditevent
         WHERE "timestamp" < cutoff AND (first_live IS NULL OR seq < first_live) ORDER BY seq DESC LIMIT 1;
        IF through IS NULL THEN RETURN 0; END IF;
        PERFORM set_config('kansrijk.audit_maintenance', 'on', true);
        DELETE FROM audit_auditevent WHERE seq <= through;
        GET DIAGNOSTICS removed = ROW_COUNT;
        PERFORM set_config('kansrijk.audit_maintenance', 'off', true);
        INSERT INTO audit_auditanchor (created_at, seq, row_hash, purged) VALUES (now(), through, last_hash, removed);
        RETURN removed;
    END; $$"""  # noqa: S608 (only integers and checked identifiers are interpolated)


def _anonymise_function(*, schema: str, personal_days: int) -> str:
    schema = check_role_name(schema)
    return f"""CREATE OR REPLACE FUNCTION kansrijk_audit_anonymise(ids bigint[]) RETURNS bigint LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, "{schema}" AS $$
    DECLARE changed bigint;
    BEGIN
        PERFORM set_config('kansrijk.audit_maintenance', 'on', true);
        UPDATE audit_auditevent
           SET actor_id = NULL, actor_label = '', object_id = '', client_address = NULL,
               detail = '{{}}'::jsonb, personal_salt = '', anonymised_at = now()
         WHERE id = ANY(ids) AND anonymised_at IS NULL
           AND "timestamp" < now() - make_interval(days => {int(personal_days)});
        GET DIAGNOSTICS changed = ROW_COUNT;
        PERFORM set_config('kansrijk.audit_maintenance', 'off', true);
        RETURN changed;
    END; $$"""  # noqa: S608 (only integers and checked identifiers are interpolated)


def maintenance_sql(*, schema: str, retention_days: int, personal_days: int) -> list[str]:
    """The triggers and maintenance functions; safe to run again (after a change of the periods)."""
    return [
        _refuse_function(),
        "DROP TRIGGER IF EXISTS audit_no_update_delete ON audit_auditevent",
        "DROP TRIGGER IF EXISTS audit_no_truncate ON audit_auditevent",
        """CREATE TRIGGER audit_no_update_delete BEFORE UPDATE OR DELETE ON audit_auditevent
            FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()""",
        """CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_auditevent
            FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()""",
        _purge_function(schema=schema, retention_days=retention_days),
        _anonymise_function(schema=schema, personal_days=personal_days),
        "REVOKE ALL ON FUNCTION kansrijk_audit_purge() FROM PUBLIC",
        "REVOKE ALL ON FUNCTION kansrijk_audit_anonymise(bigint[]) FROM PUBLIC",
    ]


def check_role_name(name: str) -> str:
    """A plain PostgreSQL identifier (role or schema name), safe to put in SQL text."""
    if not _ROLE_NAME.match(name):
        raise ValueError(f"{name!r} is not a plain PostgreSQL name (letters, digits, _ and $).")
    return name


def grant_sql(role: str) -> list[str]:
    """What an application role needs, and nothing more."""
    role = check_role_name(role)
    return [
        f'GRANT SELECT, INSERT ON audit_auditevent TO "{role}"',
        f'GRANT SELECT, INSERT, UPDATE ON audit_auditchainhead TO "{role}"',
        f'GRANT SELECT ON audit_auditanchor TO "{role}"',
        f"""DO $$ BEGIN EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO %I',
            pg_get_serial_sequence('audit_auditevent', 'id'), '{role}'); END $$""",
        f'GRANT EXECUTE ON FUNCTION kansrijk_audit_purge() TO "{role}"',
        f'GRANT EXECUTE ON FUNCTION kansrijk_audit_anonymise(bigint[]) TO "{role}"',
    ]


def protect_sql(*, app_roles: list[str]) -> list[str]:
    """Hand the audit tables and functions to the NOLOGIN owner role; grant the app roles their part."""
    statements = [
        f"""DO $$ BEGIN CREATE ROLE {OWNER} NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$""",
        *(f"ALTER TABLE {table} OWNER TO {OWNER}" for table in TABLES),
        *(f"ALTER FUNCTION {function} OWNER TO {OWNER}" for function in FUNCTIONS),
    ]
    for role in app_roles:
        statements += grant_sql(role)
    return statements
