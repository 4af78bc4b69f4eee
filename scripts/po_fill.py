"""Fill untranslated entries of the English catalogue from a Python dict file.

Usage: .venv/bin/python scripts/po_fill.py TRANSLATIONS.py
(the file defines T = {dutch: english} and optionally PLURAL = {dutch: (one, many)}).
Prints the entries that are still untranslated. Needs `polib` (pip install polib).
"""

import runpy
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "kansrijk" / "locale" / "en" / "LC_MESSAGES" / "django.po"

namespace = runpy.run_path(sys.argv[1])
singular, plural = namespace.get("T", {}), namespace.get("PLURAL", {})
catalogue = polib.pofile(str(PO))
for entry in catalogue:
    if "fuzzy" in entry.flags:
        # A fuzzy entry is msgmerge's guess from a similar string: never trust it.
        entry.flags.remove("fuzzy")
        entry.msgstr = ""
        entry.msgstr_plural = {0: "", 1: ""} if entry.msgid_plural else {}
        entry.previous_msgid = None
    if entry.msgid in plural and not entry.msgstr_plural.get(0):
        entry.msgstr_plural = {0: plural[entry.msgid][0], 1: plural[entry.msgid][1]}
    elif entry.msgid in singular and not entry.msgstr:
        entry.msgstr = singular[entry.msgid]
catalogue.save(str(PO))
missing = [e.msgid for e in catalogue if not (e.msgstr or e.msgstr_plural.get(0)) and not e.obsolete]
print(f"{len(missing)} untranslated")
for msgid in missing:
    print(repr(msgid))
