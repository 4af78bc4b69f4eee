from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.core.totp import current_totp_code
from kansrijk.demo import loaders, world


class Command(BaseCommand):
    help = "Load the demo world (idempotent) and print the demo logins; `--code EMAIL` prints a current TOTP code."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--code", metavar="EMAIL", help="Print the current two-factor code of a demo login.")
        parser.add_argument("--quiet", action="store_true", help="Do not print the logins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["code"]:
            self.stdout.write(self._current_code(options["code"]))
            return
        logins = loaders.load()
        if options["quiet"]:
            return
        self.stdout.write(self.style.SUCCESS("Demo world loaded. Demo logins (demo only, never in production):"))
        for login in logins:
            self.stdout.write(
                f"  {login.email:32} password {world.DEMO_PASSWORD}  "
                f"TOTP secret {world.demo_totp_secret(login.email)}  — {login.description}"
            )
        self.stdout.write(
            "Two-factor code: add the secret to an authenticator app, or run `.venv/bin/kansrijk demo --code <email>`."
        )

    def _current_code(self, email: str) -> str:
        known = {login.email for login in (*world.LOGINS, world.STAFF_LOGIN)}
        if email not in known:
            raise CommandError(f"'{email}' is not a demo login; codes are only printed for demo logins.")
        return current_totp_code(world.demo_totp_secret(email))
