"""Two people take a step on one referral at the same moment: exactly one wins, the other gets 409."""

import threading

import pytest
from django.db import close_old_connections, connection

from kansrijk.conftest import client_for
from kansrijk.referrals.models import Referral
from kansrijk.referrals.tests.factories import ReferralFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_transitions_exactly_one_wins(fund, fund_worker, municipalities):
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: SQLite serialises writers, so the race cannot happen there.")
    referral = ReferralFactory(receiver=fund)
    barrier = threading.Barrier(2)
    answers: list[int] = []

    def take(target: str) -> None:
        try:
            client = client_for(fund_worker)
            payload = {"to": target, "reason_code": "not_eligible", "reason": "Buiten ons werkgebied"}
            barrier.wait()
            response = client.post(
                f"/api/v1/referrals/{referral.pk}/transitions", payload, content_type="application/json"
            )
            answers.append(response.status_code)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=take, args=(t,)) for t in ("accepted", "declined")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200, 409]
    referral = Referral.objects.get(pk=referral.pk)
    assert referral.status in ("accepted", "declined")
    assert referral.version == 2
    assert referral.steps.count() == 2
