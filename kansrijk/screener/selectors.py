"""Reads for the screener: the municipality codes the rules contract validates against."""

from __future__ import annotations

import threading

from kansrijk.municipalities.selectors import municipality_codes

_lock = threading.Lock()
_codes: frozenset[str] | None = None


def known_municipality_codes() -> frozenset[str]:
    """CBS codes (`GM0363`) of all municipalities, read once per process."""
    global _codes
    with _lock:
        if _codes is None:
            _codes = frozenset(municipality_codes())
        return _codes


def forget_municipality_codes() -> None:
    """Drop the per-process cache (tests, or after loading a new municipal division)."""
    global _codes
    with _lock:
        _codes = None
