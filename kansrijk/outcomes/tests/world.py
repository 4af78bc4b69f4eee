"""A small world for the outcomes tests: a school that refers to two funds, through the real
services of `referrals` (so the facts are written as in production), at chosen moments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from kansrijk.conftest import with_totp
from kansrijk.organisations.models import Membership, Organisation
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals import services
from kansrijk.referrals.models import Referral
from kansrijk.referrals.tests.factories import ensure_need_taxonomy
from kansrijk.socialmap.models import Service
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory

AMS = ZoneInfo("Europe/Amsterdam")
PATHS = {
    "sent": (),
    "accepted": ("accepted",),
    "declined": ("declined",),
    "accepted_declined": ("accepted", "declined"),
    "done": ("accepted", "in_progress", "done"),
    "withdrawn": ("withdrawn",),
}


@dataclass
class World:
    teacher: Membership
    funds: list[Organisation]
    workers: list[Membership]
    services: list[Service]


def make_world() -> World:
    ensure_need_taxonomy()
    school = OrganisationFactory(name="Basisschool De Linde", school=True, municipality_codes=["GM1640"])
    teacher = MembershipFactory(organisation=school)
    with_totp(teacher)
    funds, workers, offered = [], [], []
    for name, need in (("Fonds Sport", "sport"), ("Fonds Kleding", "kleding")):
        fund = OrganisationFactory(name=name, fund=True)
        worker = MembershipFactory(organisation=fund)
        funds.append(fund)
        workers.append(worker)
        offered.append(
            ServiceFactory(organization=HsdsOrganizationFactory(organisation=fund), needs=[need], municipalities=[])
        )
    return World(teacher=teacher, funds=funds, workers=workers, services=offered)


def journey(
    world: World, *, municipality: str, fund: int, path: str, start: datetime, gaps: list[int], amount: int = 12_000
) -> Referral:
    """One concern with one referral that takes the steps of `path`, `gaps[i]` days apart."""
    moment = start
    user = world.teacher.user
    with time_machine.travel(moment, tick=False):
        concern = services.concern_create(
            actor=user,
            organisation=world.teacher.organisation,
            municipality_code=municipality,
            children=[services.ChildData(first_name="Sam", age=9)],
            signs=["no_club"],
            wishes=[services.WishData(text="sporten", need="sport", child=0)],
        )
    moment += timedelta(days=gaps[0] if gaps else 0)
    with time_machine.travel(moment, tick=False):
        services.consent_create(
            actor=user,
            concern=concern,
            given_by="parent",
            purpose="Hulp",
            method="phone",
            organisation_ids=[world.funds[fund].pk],
        )
        referral = services.referral_create(actor=user, concern=concern, service_id=world.services[fund].pk)
    for index, target in enumerate(PATHS[path]):
        moment += timedelta(days=gaps[(index + 1) % len(gaps)] if gaps else 0)
        actor = user if target == "withdrawn" else world.workers[fund].user
        with time_machine.travel(moment, tick=False):
            services.referral_transition(
                actor=actor,
                referral=referral,
                target=target,
                reason="Niet meer nodig" if target == "withdrawn" else "",
                reason_code="no_budget" if target == "declined" else "",
                delivered_what="Contributie" if target == "done" else "",
                amount_cents=amount if target == "done" else None,
            )
    return referral


def at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 12, 0, tzinfo=AMS)
