from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kansrijk.socialmap.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of every service (after restoring a database backup, for example)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = search_index_rebuild(actor=None)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} services."))
