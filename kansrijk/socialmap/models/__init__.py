"""The social map in the Open Referral HSDS 3.x model: one Django model per HSDS table.

Model field names are the HSDS field names (a foreign key `service` stores HSDS
`service_id`), so import and export map columns one to one. Fields marked "Kansrijk
extension" are not HSDS and are derived or used for search.
"""

from kansrijk.socialmap.models.core import (
    Attribute,
    HsdsOrganization,
    Location,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from kansrijk.socialmap.models.details import (
    Accessibility,
    Address,
    Contact,
    CostOption,
    Funding,
    Language,
    OrganizationIdentifier,
    Phone,
    Program,
    RequiredDocument,
    Schedule,
    ServiceCapacity,
    Unit,
)

__all__ = [
    "Accessibility",
    "Address",
    "Attribute",
    "Contact",
    "CostOption",
    "Funding",
    "HsdsOrganization",
    "Language",
    "Location",
    "OrganizationIdentifier",
    "Phone",
    "Program",
    "RequiredDocument",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "ServiceCapacity",
    "Taxonomy",
    "TaxonomyTerm",
    "Unit",
]
