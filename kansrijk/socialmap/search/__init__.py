"""Full-text search over services, on SQLite (FTS5) and PostgreSQL (tsvector + GIN).

One document per service (`Document`): `name`, `body` (description, eligibility,
organisation, needs, places), `keys` — filter tokens that make need and place filters an
index lookup: `t<term uuid hex>` per taxonomy term, `gm1640` per municipality served,
`gmnl` for national services, `c<row>x<column>` per grid cell of a location, and each
need with each place (`criteria.key_text`) — and the `points` of its locations, for distances.
The services that write services call `index_services`; no signals, no triggers.

The parts, by use case: `criteria` (what is asked and found, the shared tokens and the one
distance), `documents` (reading a service's document from the tables), `indexing` (writing
documents), `query` (searching), and one module per back end, `sqlite` and `postgres`.
Other modules use the names re-exported here.
"""

from kansrijk.socialmap.search.criteria import (
    DEFAULT_RADIUS_KM,
    NATIONAL_KEY,
    Document,
    Hit,
    Metric,
    SearchCriteria,
    cell_key,
    distance_km,
    metric,
    words_of,
)
from kansrijk.socialmap.search.indexing import index_services
from kansrijk.socialmap.search.query import search, service_match_sql

__all__ = [
    "DEFAULT_RADIUS_KM",
    "NATIONAL_KEY",
    "Document",
    "Hit",
    "Metric",
    "SearchCriteria",
    "cell_key",
    "distance_km",
    "index_services",
    "metric",
    "search",
    "service_match_sql",
    "words_of",
]
