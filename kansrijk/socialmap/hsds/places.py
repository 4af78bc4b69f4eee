"""The municipality of an imported location, as HSDS means addresses (ADR 0015).

In HSDS `region` and `state_province` are free text (often the province); Kansrijk derives
the municipality: postcode (the postcode table, when loaded), city (a municipality name or a
common variant), coordinates (point in the 342 boundaries), then a region that names a
municipality. A location nothing places is stored without municipality and listed as a
warning, not rejected.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from kansrijk.municipalities.selectors import PlaceFinder
from kansrijk.socialmap.geo import Centroid, MunicipalityIndex, is_dutch
from kansrijk.socialmap.models import Address, Location

# An address as the importer keeps it: (region, postal_code, country, address_type, city).
AddressTuple = Sequence[str]


class PlaceIndex(MunicipalityIndex):
    """`MunicipalityIndex` (name or code) plus the derivation of a location's municipality."""

    def __init__(self) -> None:
        super().__init__()
        self.finder = PlaceFinder()

    def locate(self, address: AddressTuple | None, latitude: float | None, longitude: float | None) -> Centroid | None:
        region, postcode, city = (address[0], address[1], address[4]) if address else ("", "", "")
        found = self.finder.find(postcode=postcode, city=city, latitude=latitude, longitude=longitude, region=region)
        return self.find(found.code) if found else None


def unplaced_warnings(location_ids: Iterable[uuid.UUID]) -> list[str]:
    """A warning for each of these locations that has a Dutch address or coordinates but no
    municipality (a foreign or online location without either is not a problem)."""
    ids = list(location_ids)
    warnings = []
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        unplaced = {
            pk: (name, lat, lon)
            for pk, name, lat, lon in Location.objects.filter(id__in=chunk, municipality=None).values_list(
                "id", "name", "latitude", "longitude"
            )
        }
        dutch = {
            location_id: (postal_code, city)
            for location_id, postal_code, city, country in Address.objects.filter(
                location_id__in=list(unplaced)
            ).values_list("location_id", "postal_code", "city", "country")
            if is_dutch(country)
        }
        for pk, (name, lat, lon) in sorted(unplaced.items(), key=lambda item: str(item[0])):
            if pk not in dutch and lat is None:
                continue
            postcode, city = dutch.get(pk, ("", ""))
            point = f"point {lat}, {lon}" if lat is not None else "no point"
            warnings.append(
                f"location {pk} ({name or '-'}): municipality unknown (postcode '{postcode}', city '{city}', "
                f"{point}); stored without municipality"
            )
    return warnings
