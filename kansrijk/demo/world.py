"""The demo world: believable, clearly labelled, and loaded idempotently."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from kansrijk.organisations.constants import Kind, Role

DEMO_MUNICIPALITY = "GM1640"  # Leudal
DEMO_PASSWORD = "Kansrijk-demo-2026"  # noqa: S105 — printed for the demo on purpose


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    kind: str
    municipalities: tuple[str, ...] = ()
    website: str = ""
    description: str = ""


ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    DemoOrganisation(
        "Alles is Gezondheid",
        Kind.NATIONAL_BODY,
        (),
        "https://www.allesisgezondheid.nl",
        "Netwerk voor gezondheid en welzijn; mede-oprichter van de Alliantie Kinderarmoede.",
    ),
    DemoOrganisation(
        "Missing Chapter Foundation",
        Kind.NATIONAL_BODY,
        (),
        "https://www.missingchapter.nl",
        "Brengt kinderen en beslissers met elkaar in gesprek; mede-oprichter van de alliantie.",
    ),
    DemoOrganisation(
        "Nederlands Centrum Jeugdgezondheid",
        Kind.NATIONAL_BODY,
        (),
        "https://www.ncj.nl",
        "Kenniscentrum voor de jeugdgezondheidszorg (NCJ); mede-oprichter van de alliantie.",
    ),
    DemoOrganisation(
        "Voedselbank Leudal",
        Kind.FUND,
        (DEMO_MUNICIPALITY,),
        "",
        "Voedselpakketten voor gezinnen onder de leefgeldnorm van Voedselbanken Nederland.",
    ),
    DemoOrganisation(
        "Speelgoedbank Leudal",
        Kind.FUND,
        (DEMO_MUNICIPALITY,),
        "",
        "Speelgoed voor kinderen in gezinnen met weinig geld, bijvoorbeeld voor verjaardagen en feestdagen.",
    ),
    DemoOrganisation(
        "Gemeente Leudal",
        Kind.MUNICIPALITY,
        (DEMO_MUNICIPALITY,),
        "",
        "Demo-gemeente: schrijft samen met de welzijnsorganisatie een eigen aanpak van (kinder)armoede.",
    ),
    DemoOrganisation(
        "CJG Leudal",
        Kind.YOUTH_HEALTH_CARE,
        (DEMO_MUNICIPALITY,),
        "",
        "Centrum voor Jeugd en Gezin: jeugdverpleegkundigen, opvoedondersteuning, consultatiebureau.",
    ),
    DemoOrganisation(
        "Jongerenwerk Leudal", Kind.YOUTH_WORK, (DEMO_MUNICIPALITY,), "", "Jongerenwerkers in de wijk en op school."
    ),
    DemoOrganisation(
        "Jeugdhulp Midden-Limburg",
        Kind.YOUTH_CARE,
        (DEMO_MUNICIPALITY,),
        "",
        "Ambulante jeugdhulp voor kinderen en gezinnen.",
    ),
    DemoOrganisation(
        "Scholengroep Maas en Peel", Kind.SCHOOL, (DEMO_MUNICIPALITY,), "", "Schoolbestuur van twaalf basisscholen."
    ),
    DemoOrganisation(
        "Welzijn Leudal",
        Kind.WELFARE,
        (DEMO_MUNICIPALITY,),
        "",
        "Welzijnswerk, schuldhulpmaatjes en sociaal raadslieden.",
    ),
    DemoOrganisation(
        "Sportclub Leudal",
        Kind.SPORTS_CULTURE,
        (DEMO_MUNICIPALITY,),
        "",
        "Voetbal, turnen en zwemmen voor kinderen vanaf 5 jaar.",
    ),
    DemoOrganisation(
        "Muziekschool Leudal",
        Kind.SPORTS_CULTURE,
        (DEMO_MUNICIPALITY,),
        "",
        "Muziekles en theater voor kinderen en jongeren.",
    ),
)


@dataclass(frozen=True)
class DemoLogin:
    email: str
    full_name: str
    organisation: str
    role: str
    description: str


LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin(
        "leerkracht@demo.kansrijk.nl",
        "Sanne de Vries",
        "Scholengroep Maas en Peel",
        Role.MEMBER,
        "medewerker (leerkracht) van een schoolbestuur",
    ),
    DemoLogin(
        "coordinator@demo.kansrijk.nl",
        "Ahmed Bakker",
        "Jeugdfonds Sport & Cultuur",
        Role.COORDINATOR,
        "coördinator van een fonds",
    ),
    DemoLogin(
        "beheerder@demo.kansrijk.nl",
        "Ellen Janssen",
        "Gemeente Leudal",
        Role.ADMINISTRATOR,
        "beheerder bij de demo-gemeente",
    ),
)
STAFF_LOGIN = DemoLogin("platform@demo.kansrijk.nl", "Pim Platform", "", "", "platformbeheer (staff)")


def demo_totp_secret(email: str) -> str:
    """A fixed, known TOTP secret per demo login, so the demo can be reproduced."""
    digest = hashlib.sha256(f"kansrijk-demo-totp:{email}".encode()).digest()[:20]
    return base64.b32encode(digest).decode()
