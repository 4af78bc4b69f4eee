"""Support for the multi-process lockout test: a password hasher that counts its checks.

Each `verify` (one password check) appends a line to the file named by
`KANSRIJK_COUNT_PASSWORD_CHECKS`, so checks in several worker processes add up.
"""

from __future__ import annotations

import os

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingPasswordHasher(MD5PasswordHasher):
    def verify(self, password: str, encoded: str) -> bool:
        path = os.environ["KANSRIJK_COUNT_PASSWORD_CHECKS"]
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, f"{os.getpid()}\n".encode())
        finally:
            os.close(fd)
        return super().verify(password, encoded)
