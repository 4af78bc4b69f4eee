from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.accounts.selectors import user_get_by_email
from kansrijk.accounts.services import api_token_create, api_token_revoke_all
from kansrijk.core.errors import DomainError


class Command(BaseCommand):
    help = "API tokens: `token create --email E` prints a new token; `token revoke --email E` revokes all."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        for name, text in (
            ("create", "Create a token and print it (shown once)."),
            ("revoke", "Revoke every token of the user."),
        ):
            action = sub.add_parser(name, help=text)
            action.add_argument("--email", required=True)
            if name == "create":
                action.add_argument("--name", default="", help="What the token is for (shown in the token list).")

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_get_by_email(email=options["email"])
        if user is None:
            raise CommandError(f"No user with e-mail '{options['email']}'.")
        if options["action"] == "create":
            try:
                api_token, token = api_token_create(actor=None, user=user, name=options.get("name", ""))
            except DomainError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(token)
            self.stderr.write(f"Valid until {api_token.expires_at:%Y-%m-%d %H:%M} UTC.")
        else:
            count = api_token_revoke_all(actor=None, user=user)
            self.stdout.write(f"Revoked {count} token(s) of {user.email}.")
