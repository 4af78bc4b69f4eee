from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.core.errors import DomainError
from kansrijk.organisations.constants import Role
from kansrijk.organisations.services import user_create_with_membership


class Command(BaseCommand):
    help = "Manage users: `user create --email E --organisation N --role member|coordinator|administrator`."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a user with a role in an organisation.")
        create.add_argument("--email", required=True)
        create.add_argument("--organisation", required=True, help="Name of an existing organisation.")
        create.add_argument("--role", required=True, help=f"One of: {', '.join(Role.values)}.")
        create.add_argument("--password", default=None, help="Without it the user cannot log in until a reset.")
        create.add_argument("--name", default="", help="Full name.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            membership = user_create_with_membership(
                actor=None,
                email=options["email"],
                organisation_name=options["organisation"],
                role=options["role"],
                password=options["password"],
                full_name=options["name"],
            )
        except DomainError as error:
            raise CommandError(str(error)) from error
        user, organisation = membership.user, membership.organisation
        self.stdout.write(f"Created {user.email} as {membership.role} of {organisation.name} ({user.pk})")
