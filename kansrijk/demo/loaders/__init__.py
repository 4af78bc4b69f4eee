"""One loader per capability; each is idempotent and uses its app's services."""

from kansrijk.demo.loaders import alliance, organisations, referrals, screener, socialmap

LOADERS = [organisations.load, socialmap.load, screener.load, alliance.load, referrals.load]
