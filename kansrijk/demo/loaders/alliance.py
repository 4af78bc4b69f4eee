"""Demo alliance: signed partners, realistic commitments, and progress reports dated
relative to today so that every traffic light (green, amber, red) appears.

Jeugdfonds Sport & Cultuur (the demo coordinator's fund) and Gemeente Leudal stay
unsigned: the first so a demo coordinator can walk through signing, the second so the
joining view of the demo municipality has something to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from kansrijk.alliance import selectors, services
from kansrijk.alliance.constants import PLEDGE_V1_TEXT, PLEDGE_V1_TITLE, Activity, ReachUnit, TargetGroup
from kansrijk.alliance.models import Commitment
from kansrijk.alliance.selectors import add_months
from kansrijk.demo.world import DEMO_MUNICIPALITY
from kansrijk.organisations.models import Organisation

GREEN, AMBER, RED_REPORT, RED_NONE = "green", "amber", "red-report", "red-none"
# Months between the latest demo report (or the start, for RED_NONE) and today.
MONTHS_AGO = {GREEN: 2, AMBER: 11, RED_REPORT: 14, RED_NONE: 15}


@dataclass(frozen=True)
class DemoSignature:
    organisation: str
    signatory_name: str
    signatory_role: str


@dataclass(frozen=True)
class DemoCommitment:
    organisation: str
    title: str
    activity: str
    description: str
    target_group: str
    ages: tuple[int, int]
    municipalities: tuple[str, ...]  # empty: national
    planned_reach: int
    reach_unit: str
    indicator: tuple[str, int, str]
    light: str


SIGNATURES: tuple[DemoSignature, ...] = (
    DemoSignature("Alles is Gezondheid", "Ingrid Vermeulen", "directeur"),
    DemoSignature("Missing Chapter Foundation", "Bas Wouters", "bestuurder"),
    DemoSignature("Nederlands Centrum Jeugdgezondheid", "Karin Peeters", "directeur-bestuurder"),
    DemoSignature("Stichting Leergeld", "Joost van Dam", "voorzitter"),
    DemoSignature("Nationaal Fonds Kinderhulp", "Mirjam de Boer", "directeur"),
    DemoSignature("Stichting Jarige Job", "Lotte Kramer", "directeur"),
    DemoSignature("CJG Leudal", "Anouk Hendrikx", "manager"),
    DemoSignature("Scholengroep Maas en Peel", "Frank Geraedts", "voorzitter college van bestuur"),
    DemoSignature("Voedselbank Leudal", "Harrie Janssen", "voorzitter"),
    DemoSignature("Welzijn Leudal", "Yvonne Smeets", "directeur"),
)

LOCAL = (DEMO_MUNICIPALITY,)
COMMITMENTS: tuple[DemoCommitment, ...] = (
    DemoCommitment(
        "Nederlands Centrum Jeugdgezondheid",
        "Geldzorgen bespreekbaar in de jeugdgezondheidszorg",
        Activity.SIGNAL,
        "Scholing voor jeugdverpleegkundigen en jeugdartsen: signalen van armoede "
        "herkennen, het gesprek voeren en weten naar wie je verwijst.",
        TargetGroup.FAMILIES,
        (0, 18),
        (),
        20000,
        ReachUnit.FAMILIES,
        ("Getrainde JGZ-professionals", 500, "professionals"),
        GREEN,
    ),
    DemoCommitment(
        "Alles is Gezondheid",
        "Lerend netwerk Kansrijk Opgroeien",
        Activity.COLLABORATE,
        "Gemeenten en partners delen vier keer per jaar wat werkt tegen kinderarmoede.",
        TargetGroup.FAMILIES,
        (0, 18),
        (),
        5000,
        ReachUnit.FAMILIES,
        ("Gemeenten in het netwerk", 40, "gemeenten"),
        AMBER,
    ),
    DemoCommitment(
        "Missing Chapter Foundation",
        "Kinderraden over armoede",
        Activity.COLLABORATE,
        "Kinderraden geven bestuurders advies over armoede. Wat kinderen zeggen, nemen we mee in beleid.",
        TargetGroup.CHILDREN,
        (8, 16),
        (),
        300,
        ReachUnit.CHILDREN,
        ("Kinderraden", 12, "raden"),
        RED_NONE,
    ),
    DemoCommitment(
        "Stichting Leergeld",
        "Schoolspullen, fiets en laptop",
        Activity.SOLVE,
        "Kinderen krijgen wat ze nodig hebben om mee te doen op school: spullen, een fiets of een laptop.",
        TargetGroup.CHILDREN,
        (4, 18),
        (),
        25000,
        ReachUnit.CHILDREN,
        ("Toegekende aanvragen", 25000, "aanvragen"),
        GREEN,
    ),
    DemoCommitment(
        "Nationaal Fonds Kinderhulp",
        "Hulp als er geen andere regeling is",
        Activity.SOLVE,
        "Via een professional helpen we kinderen met wat geen andere regeling betaalt.",
        TargetGroup.CHILDREN,
        (0, 21),
        (),
        15000,
        ReachUnit.CHILDREN,
        ("Kinderen geholpen", 15000, "kinderen"),
        AMBER,
    ),
    DemoCommitment(
        "Stichting Jarige Job",
        "Een verjaardagsbox voor elk kind",
        Activity.SOLVE,
        "Kinderen uit gezinnen met weinig geld krijgen een verjaardagsbox met cadeau en traktatie.",
        TargetGroup.CHILDREN,
        (1, 12),
        (),
        40000,
        ReachUnit.CHILDREN,
        ("Verjaardagsboxen", 40000, "boxen"),
        GREEN,
    ),
    DemoCommitment(
        "CJG Leudal",
        "Geldzorgen bespreken op het consultatiebureau",
        Activity.SIGNAL,
        "Bij elk contactmoment vragen we hoe het gaat met geld, en we verwijzen warm door.",
        TargetGroup.FAMILIES,
        (0, 18),
        LOCAL,
        600,
        ReachUnit.FAMILIES,
        ("Gezinnen met wie geldzorgen zijn besproken", 600, "gezinnen"),
        RED_REPORT,
    ),
    DemoCommitment(
        "Scholengroep Maas en Peel",
        "Armoede in de klas: zien en doorverwijzen",
        Activity.SIGNAL,
        "Elke school heeft een aandachtsfunctionaris armoede. Leerkrachten weten wie kan helpen.",
        TargetGroup.CHILDREN,
        (4, 12),
        LOCAL,
        450,
        ReachUnit.CHILDREN,
        ("Scholen met een aandachtsfunctionaris", 12, "scholen"),
        AMBER,
    ),
    DemoCommitment(
        "Voedselbank Leudal",
        "Voedselpakketten voor gezinnen met kinderen",
        Activity.SOLVE,
        "Elke week een pakket, met extra fruit en schoolontbijt voor kinderen.",
        TargetGroup.FAMILIES,
        (0, 17),
        LOCAL,
        120,
        ReachUnit.FAMILIES,
        ("Gezinnen met een pakket", 120, "gezinnen"),
        GREEN,
    ),
    DemoCommitment(
        "Welzijn Leudal",
        "Schuldhulpmaatjes voor gezinnen",
        Activity.SOLVE,
        "Een getraind maatje helpt ouders met post, geld en schulden, zodat kinderen minder last hebben.",
        TargetGroup.FAMILIES,
        (0, 17),
        LOCAL,
        60,
        ReachUnit.FAMILIES,
        ("Gezinnen met een maatje", 60, "gezinnen"),
        RED_NONE,
    ),
)


def _ensure_pledge(today: date) -> None:
    if selectors.pledge_version_current() is None:
        services.pledge_version_publish(actor=None, title=PLEDGE_V1_TITLE, text=PLEDGE_V1_TEXT, published_on=today)


def _sign(item: DemoSignature, today: date) -> None:
    organisation = Organisation.objects.get(name=item.organisation)
    version = selectors.pledge_version_current()
    if selectors.signature_active_for(organisation=organisation) is None:
        services.pledge_sign(
            actor=None,
            organisation=organisation,
            pledge_version=version,
            signatory_name=item.signatory_name,
            signatory_role=item.signatory_role,
            signed_on=date(today.year - 3, 1, 1) - timedelta(days=30),
        )


def _commit(item: DemoCommitment, today: date) -> None:
    organisation = Organisation.objects.get(name=item.organisation)
    if Commitment.objects.filter(organisation=organisation, title=item.title).exists():
        return
    starts_on = add_months(today, -MONTHS_AGO[RED_NONE]) if item.light == RED_NONE else date(today.year - 3, 1, 1)
    name, target, unit = item.indicator
    details = services.CommitmentInput(
        title=item.title,
        activity=item.activity,
        description=item.description,
        target_group=item.target_group,
        age_min=item.ages[0],
        age_max=item.ages[1],
        is_national=not item.municipalities,
        municipality_codes=item.municipalities,
        planned_reach=item.planned_reach,
        reach_unit=item.reach_unit,
        starts_on=starts_on,
        ends_on=date(2030, 12, 31),
        contact_name="Contactpersoon alliantie",
        contact_email="alliantie@demo.kansrijk.nl",
        indicators=(services.IndicatorInput(name, Decimal(target), unit),),
    )
    commitment = services.commitment_create(actor=None, organisation=organisation, details=details)
    if item.light != RED_NONE:
        _report(commitment, item, add_months(today, -MONTHS_AGO[item.light]))


def _report(commitment: Commitment, item: DemoCommitment, reported_on: date) -> None:
    indicator = commitment.indicators.get()
    reached = item.planned_reach * 9 // 10
    services.progress_report_create(
        actor=None,
        commitment=commitment,
        year=reported_on.year,
        reported_on=reported_on,
        what_was_done="We deden wat we beloofden, met een paar weken vertraging in de zomer.",
        realised_reach=reached,
        indicator_values={indicator.pk: Decimal(int(indicator.target) * 9 // 10)},
        obstacles="Niet alle gezinnen wisten ons te vinden.",
        structural_barriers="Gezinnen moeten voor elke regeling opnieuw dezelfde papieren laten zien.",
    )


def load() -> None:
    today = timezone.localdate()
    _ensure_pledge(today)
    for signature in SIGNATURES:
        _sign(signature, today)
    for commitment in COMMITMENTS:
        _commit(commitment, today)
