"""One loader per capability; each is idempotent and uses its app's services."""

from django.db import transaction

from kansrijk.demo.loaders import alliance, organisations, referrals, screener, socialmap
from kansrijk.demo.world import LOGINS, STAFF_LOGIN, DemoLogin

LOADERS = [organisations.load, socialmap.load, screener.load, alliance.load, referrals.load]


@transaction.atomic
def load() -> list[DemoLogin]:
    """Load the whole demo world in one transaction; the world (`world.py`) is data only."""
    for loader in LOADERS:
        loader()
    return [*LOGINS, STAFF_LOGIN]
