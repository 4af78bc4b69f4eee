"""The project's settings with a password hasher that counts checks (lockout test only)."""

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["kansrijk.accounts.tests.counting.CountingPasswordHasher"]
