"""Demo concerns and referrals in Leudal between the demo school and the demo funds.

The children carry names from Dutch children's books (Pluk, Otje, Jip, Janneke, Dolfje), so
nobody mistakes them for real children. Idempotent: nothing is added when the demo school
already has concerns. Uses only the referral services, so consent and history are real.
"""

from __future__ import annotations

from dataclasses import dataclass

from kansrijk.accounts.models import User
from kansrijk.demo.world import DEMO_MUNICIPALITY
from kansrijk.organisations.models import Organisation
from kansrijk.referrals.selectors import concern_list_for
from kansrijk.referrals.services import (
    ChildData,
    WishData,
    barrier_create,
    concern_create,
    consent_create,
    feedback_record,
    referral_create,
    referral_transition,
)
from kansrijk.socialmap.models import Service

SCHOOL = "Scholengroep Maas en Peel"
TEACHER = "leerkracht@demo.kansrijk.nl"
FUND_COORDINATOR = "coordinator@demo.kansrijk.nl"
SPORT = ("Jeugdfonds Sport & Cultuur", "Bijdrage voor sport")
SCHOOL_COSTS = ("Stichting Leergeld", "Schoolspullen en schoolreis")


@dataclass(frozen=True)
class DemoCase:
    children: tuple[tuple[str, int], ...]
    signs: tuple[str, ...]
    wishes: tuple[tuple[str, str], ...]
    note: str
    services: tuple[tuple[str, str], ...]
    steps: tuple[tuple[str, str], ...] = ()  # (target, reason or what was delivered) on the first referral


CASES = (
    DemoCase(
        (("Pluk", 2016),),
        ("no_club", "money_stress"),
        (("sport", "voetballen bij de club"),),
        "Pluk kijkt elke pauze naar de voetballers.",
        (SPORT,),
        (("accepted", ""), ("in_progress", ""), ("done", "Contributie voetbalclub voor een jaar")),
    ),
    DemoCase(
        (("Otje", 2013), ("Jip", 2018)),
        ("misses_trips", "no_school_supplies"),
        (("schoolkosten", "mee op schoolkamp"), ("sport", "zwemles")),
        "Moeder vertelde dat het kamp niet lukt dit jaar.",
        (SPORT, SCHOOL_COSTS),
    ),
    DemoCase((("Janneke", 2015),), ("no_club",), (("sport", "turnen"),), "", (SPORT,), (("accepted", ""),)),
    DemoCase(
        (("Dolfje", 2012),),
        ("no_treat",),
        (("sport", "judo"),),
        "Gezin verhuist binnenkort.",
        (SPORT,),
        (("declined", "Gezin verhuist buiten ons werkgebied; doorverwezen naar het fonds daar."),),
    ),
)


def _service(organisation: str, name: str) -> Service | None:
    return Service.objects.filter(organization__organisation__name=organisation, name=name).first()


def _load_case(case: DemoCase, teacher: User, coordinator: User, school: Organisation) -> None:
    concern = concern_create(
        actor=teacher,
        organisation=school,
        municipality_code=DEMO_MUNICIPALITY,
        children=[ChildData(first_name=name, birth_year=year) for name, year in case.children],
        signs=case.signs,
        note=case.note,
        wishes=[WishData(text=text, need=need, child=0) for need, text in case.wishes],
    )
    services = [s for s in (_service(*key) for key in case.services) if s is not None]
    consent_create(
        actor=teacher,
        concern=concern,
        given_by="parent",
        method="in_person",
        purpose="Hulp aanvragen voor sport en schoolkosten.",
        organisation_ids=[s.organization_id for s in services],
    )
    referrals = [referral_create(actor=teacher, concern=concern, service_id=s.pk, note=case.note) for s in services]
    for target, text in case.steps:
        referral_transition(
            actor=coordinator,
            referral=referrals[0],
            target=target,
            reason=text if target == "declined" else "",
            reason_code="referred_elsewhere" if target == "declined" else "",
            delivered_what=text if target == "done" else "",
            amount_cents=22500 if target == "done" else None,
        )
    if referrals and referrals[0].status == "done":
        feedback_record(
            actor=teacher,
            referral=referrals[0],
            family_answer="yes",
            child_score=5,
            comment="Pluk traint nu twee keer per week.",
        )
        barrier_create(
            actor=coordinator,
            referral=referrals[0],
            category="transport",
            description="De contributie is betaald, maar de bus naar de club niet.",
        )


def load() -> None:
    school = Organisation.objects.filter(name=SCHOOL).first()
    teacher = User.objects.filter(email=TEACHER).first()
    coordinator = User.objects.filter(email=FUND_COORDINATOR).first()
    if school is None or teacher is None or coordinator is None or concern_list_for(user=teacher).exists():
        return
    if _service(*SPORT) is None:
        return
    for case in CASES:
        _load_case(case, teacher, coordinator, school)
