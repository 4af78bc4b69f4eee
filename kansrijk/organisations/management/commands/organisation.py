from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.core.errors import DomainError
from kansrijk.organisations.constants import Kind
from kansrijk.organisations.services import organisation_create


class Command(BaseCommand):
    help = "Manage organisations: `organisation create --name N --kind K [--municipality GM0363 ...]`."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create an organisation and print its UUID.")
        create.add_argument("--name", required=True)
        create.add_argument("--kind", required=True, help=f"One of: {', '.join(Kind.values)}.")
        create.add_argument(
            "--municipality",
            action="append",
            default=[],
            metavar="GMxxxx",
            nargs="+",
            help="CBS code of a municipality it works in; repeat or list several.",
        )
        create.add_argument("--kvk", default="", help="KvK number (8 digits).")
        create.add_argument("--website", default="")
        create.add_argument("--email", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        codes = [code for group in options["municipality"] for code in group]
        try:
            organisation = organisation_create(
                actor=None,
                name=options["name"],
                kind=options["kind"],
                municipality_codes=codes,
                kvk_number=options["kvk"],
                website=options["website"],
                email=options["email"],
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(organisation.pk))
