"""Saying what is not known: national parameters not yet published, and municipalities without scheme data.

- A date whose national parameters are not yet published (e.g. 2027-01-01 while the YAML ends in
  2026): the family check, the scheme editor's preview and the what-if compute with the last known
  values and say so on every amount (`norms_note`); never 0.
- A municipality without scheme data: the family check says so and points to the government's
  register of organisations, whose page lists every municipality with its website and phone
  (a guessed `www.<name>.nl` is not reliable; see ADR 0016).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from kansrijk.rules.params import ParameterTree, load_parameters, load_parameters_last_known
from kansrijk.screener.constants import SchemeKind
from kansrijk.screener.selectors import local_rules_for

# The government's register of organisations (Overheid.nl, by the Ministry of the Interior):
# one page with every municipality, each with its website, address and phone number.
MUNICIPALITY_REGISTER_URL = "https://organisaties.overheid.nl/Gemeenten/"


def parameters_last_known() -> ParameterTree:
    """The parameters to compute with: the last known values where not yet published."""
    return load_parameters_last_known()


def norms_note(on: dt.date) -> str:
    """'' when every national parameter is published for `on`; else what the amounts are based on."""
    since = load_parameters().unpublished_since(on)
    if since is None:
        return ""
    known = (since - dt.timedelta(days=1)).year
    return _("berekend met de normen van %(known)s; die van %(year)s zijn nog niet bekend") % {
        "known": known,
        "year": since.year,
    }


def has_scheme_data(municipality: str) -> bool:
    """Whether any municipal scheme of this municipality is known (any period)."""
    return any(
        rule.kind == SchemeKind.MUNICIPAL and rule.municipality == municipality
        for rule in local_rules_for(municipality)
    )
