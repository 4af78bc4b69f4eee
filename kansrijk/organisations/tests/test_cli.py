import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansrijk.audit.models import AuditEvent
from kansrijk.organisations.models import Membership, Organisation
from kansrijk.organisations.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_organisation_create_prints_the_uuid(capsys):
    call_command(
        "organisation", "create", "--name", "Stichting Test", "--kind", "fund", "--municipality", "GM0363", "GM1640"
    )
    organisation = Organisation.objects.get(pk=uuid.UUID(capsys.readouterr().out.strip()))
    assert organisation.name == "Stichting Test"
    assert set(organisation.municipalities.values_list("code", flat=True)) == {"GM0363", "GM1640"}
    assert AuditEvent.objects.filter(action="organisation.create", object_id=str(organisation.pk)).exists()


def test_repeated_municipality_options_are_all_kept(capsys):
    call_command(
        "organisation",
        "create",
        "--name",
        "Twee",
        "--kind",
        "school",
        "--municipality",
        "GM0363",
        "--municipality",
        "GM0014",
    )
    organisation = Organisation.objects.get(name="Twee")
    assert organisation.municipalities.count() == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--kind", "bakery"], "Unknown kind 'bakery'"),
        (["--kind", "fund", "--municipality", "GM9999"], "Unknown municipality code"),
    ],
)
def test_organisation_create_refuses_bad_input_and_stores_nothing(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("organisation", "create", "--name", "Fout", *arguments)
    assert not Organisation.objects.filter(name="Fout").exists()


def test_a_duplicate_organisation_name_is_refused():
    OrganisationFactory(name="Dubbel")
    with pytest.raises(CommandError, match="already exists"):
        call_command("organisation", "create", "--name", "dubbel", "--kind", "fund")


def test_user_create_gives_a_role_in_the_organisation():
    OrganisationFactory(name="Leergeld Test")
    call_command(
        "user",
        "create",
        "--email",
        "Sam@Example.org",
        "--organisation",
        "Leergeld Test",
        "--role",
        "coordinator",
        "--password",
        "een-heel-lang-wachtwoord",
    )
    membership = Membership.objects.get(user__email="sam@example.org")
    assert membership.role == "coordinator"
    assert membership.user.check_password("een-heel-lang-wachtwoord")


@pytest.mark.parametrize(
    ("email", "organisation", "role", "message"),
    [
        ("new@example.org", "Bestaat Niet", "member", "Unknown organisation 'Bestaat Niet'"),
        ("taken@example.org", "Org", "member", "already exists"),
        ("new@example.org", "Org", "king", "Unknown role 'king'"),
        ("not-an-email", "Org", "member", "not a valid e-mail"),
    ],
)
def test_user_create_gives_clear_errors(email, organisation, role, message):
    OrganisationFactory(name="Org")
    UserFactory(email="taken@example.org")
    before = Membership.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("user", "create", "--email", email, "--organisation", organisation, "--role", role)
    assert Membership.objects.count() == before


def test_a_weak_password_is_refused_with_the_reason():
    OrganisationFactory(name="Org")
    with pytest.raises(CommandError, match="Password refused"):
        call_command(
            "user",
            "create",
            "--email",
            "a@example.org",
            "--organisation",
            "Org",
            "--role",
            "member",
            "--password",
            "welkom12",
        )


def test_the_console_script_lists_the_projects_own_commands():
    kansrijk = Path(sys.executable).parent / "kansrijk"
    output = subprocess.run(
        [str(kansrijk), "--help"], capture_output=True, text=True, check=True, env={"DEBUG": "1", "PATH": ""}
    ).stdout
    for command in ("organisation", "user", "token", "demo"):
        assert f"    {command}\n" in output
