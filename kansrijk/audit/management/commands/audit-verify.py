from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kansrijk.audit.verify import chain_verify


class Command(BaseCommand):
    help = (
        "Check the hash chain of the audit trail. Exit 0 and the number of rows if it holds; "
        "exit 1 naming the first broken row (its id) if a row was changed, removed or inserted."
    )
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        verdict = chain_verify()
        if verdict.holds:
            self.stdout.write(f"The audit chain holds: {verdict.rows} rows checked. Head hash {verdict.head_hash}.")
            return
        self.stderr.write(
            f"The audit chain is broken at row id {verdict.broken_id} (position {verdict.broken_seq}): "
            f"{verdict.reason}. {verdict.rows} rows before it hold."
        )
        raise SystemExit(1)
