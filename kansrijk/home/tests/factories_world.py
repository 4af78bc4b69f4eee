"""A teacher's world with something in each block of "Mijn Kansrijk" (shared by page and browser tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from kansrijk.alliance.tests.factories import CommitmentFactory
from kansrijk.organisations.models import Membership, Organisation
from kansrijk.organisations.tests.factories import MembershipFactory, OrganisationFactory
from kansrijk.referrals.tests.factories import ConcernFactory, ReferralFactory
from kansrijk.socialmap.tests.factories import HsdsOrganizationFactory, ServiceFactory


@dataclass
class TeacherWorld:
    teacher: Membership
    school: Organisation
    fund: Organisation


def teacher_world(*, name: str = "Basisschool De Linde") -> TeacherWorld:
    """A coordinating teacher of a school: one referral waiting for the school's answer, two answers
    on the school's own referrals, one listing not confirmed for years, one commitment without report."""
    school = OrganisationFactory(name=name, school=True, municipality_codes=["GM1640"])
    teacher = MembershipFactory(organisation=school, coordinator=True, user__full_name="Ilse de Vries")
    fund = OrganisationFactory(name=f"Jeugdfonds Sport & Cultuur ({name})", fund=True)
    # Sent to the school (its homework club), not yet answered.
    ReferralFactory(receiver=school, concern=ConcernFactory(organisation=fund))
    # The school's own referrals: two answered lately, one still waiting at the fund.
    recent = timezone.now() - timedelta(days=2)
    ReferralFactory(receiver=fund, concern=ConcernFactory(organisation=school), accepted=True, status_changed_at=recent)
    ReferralFactory(receiver=fund, concern=ConcernFactory(organisation=school), declined=True, status_changed_at=recent)
    ReferralFactory(receiver=fund, concern=ConcernFactory(organisation=school))
    ServiceFactory(name="Huiswerkklas", organization=HsdsOrganizationFactory(organisation=school), stale=True)
    CommitmentFactory(organisation=school, title="Signalen herkennen in de klas")
    return TeacherWorld(teacher=teacher, school=school, fund=fund)
