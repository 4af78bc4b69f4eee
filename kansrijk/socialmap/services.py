"""Writes of the social map; each atomic, audited, and keeping the search index in sync."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from kansrijk.audit.services import record
from kansrijk.core.errors import InvalidInput
from kansrijk.municipalities.models import Municipality
from kansrijk.organisations.models import Organisation
from kansrijk.socialmap import search
from kansrijk.socialmap.constants import NATIONAL_AREA_URI, NEED_BY_CODE, TOOI_MUNICIPALITY_URI, ServiceStatus
from kansrijk.socialmap.geo import Centroid, location_geo, postcode_normalize
from kansrijk.socialmap.hsds.importing import Importer, ImportReport
from kansrijk.socialmap.hsds.reader import read_package
from kansrijk.socialmap.models import (
    Address,
    Attribute,
    CostOption,
    HsdsOrganization,
    Location,
    Phone,
    Service,
    ServiceArea,
    ServiceAtLocation,
)

MAX_AGE = 120


@dataclass(frozen=True)
class ServiceData:
    name: str
    description: str = ""
    eligibility_description: str = ""
    application_process: str = ""
    fees_description: str = ""
    minimum_age: int | None = None
    maximum_age: int | None = None
    url: str = ""
    email: str = ""
    phone: str = ""
    status: str = ServiceStatus.ACTIVE.value
    need_codes: tuple[str, ...] = ()
    municipality_codes: tuple[str, ...] = ()
    is_national: bool = False
    location_ids: tuple[uuid.UUID, ...] = ()
    cost_cents: int | None = None
    assured_date: date | None = None  # only for loaders; pages confirm with service_confirm


@dataclass(frozen=True)
class LocationData:
    name: str
    address_1: str
    postal_code: str
    city: str
    municipality_code: str
    latitude: float | None = None
    longitude: float | None = None


def _now() -> datetime:
    return datetime.now(tz=UTC)


def hsds_import(
    *, actor: AbstractBaseUser | None, path: Path, progress: Callable[[str], None] | None = None
) -> ImportReport:
    """Import an HSDS package, all or nothing; raises `PackageError` when the package cannot be read,
    `ImportFailed` when a stage of the import fails (nothing of it is then stored)."""
    package = read_package(path)
    return Importer(actor=actor, progress=progress).run(package)


def hsds_organization_ensure(*, organisation: Organisation) -> HsdsOrganization:
    hsds, _ = HsdsOrganization.objects.get_or_create(organisation=organisation)
    return hsds


# -- services -------------------------------------------------------------------------------------


def _check_ages(data: ServiceData) -> None:
    for age in (data.minimum_age, data.maximum_age):
        if age is not None and not 0 <= age <= MAX_AGE:
            raise InvalidInput(f"Een leeftijd ligt tussen 0 en {MAX_AGE} jaar.")
    if data.minimum_age is not None and data.maximum_age is not None and data.minimum_age > data.maximum_age:
        raise InvalidInput("De minimumleeftijd is hoger dan de maximumleeftijd.")


def _check_contact(data: ServiceData) -> None:
    try:
        if data.email:
            validate_email(data.email)
        if data.url:
            URLValidator()(data.url)
    except ValidationError as error:
        raise InvalidInput("Het e-mailadres of de website klopt niet.") from error


def _check_service(data: ServiceData, organisation: Organisation) -> None:
    if not data.name.strip():
        raise InvalidInput("Geef de hulp een naam.")
    _check_ages(data)
    _check_contact(data)
    unknown = [code for code in data.need_codes if code not in NEED_BY_CODE]
    if unknown:
        raise InvalidInput(f"Onbekende behoefte: {', '.join(unknown)}.")
    if data.status not in ServiceStatus.values:
        raise InvalidInput("Kies een geldige status.")
    own = set(Location.objects.filter(organization_id=organisation.pk).values_list("id", flat=True))
    if set(data.location_ids) - own:
        raise InvalidInput("Je kunt alleen locaties van je eigen organisatie kiezen.")


def _municipalities(codes: Iterable[str]) -> list[Municipality]:
    codes = [code.strip().upper() for code in codes]
    found = list(Municipality.objects.filter(code__in=codes).only("code"))
    if len(found) != len(set(codes)):
        raise InvalidInput("Een van de gekozen gemeenten bestaat niet.")
    return found


def _sync_relations(service: Service, data: ServiceData) -> None:
    need_ids = [NEED_BY_CODE[code].id for code in data.need_codes]
    Attribute.objects.filter(service=service, taxonomy_term__code__in=list(NEED_BY_CODE)).exclude(
        taxonomy_term_id__in=need_ids
    ).delete()
    present = set(Attribute.objects.filter(service=service).values_list("taxonomy_term_id", flat=True))
    Attribute.objects.bulk_create(
        [
            Attribute(
                link_id=service.id, link_entity="service", link_type="need", service=service, taxonomy_term_id=term
            )
            for term in need_ids
            if term not in present
        ]
    )
    ServiceArea.objects.filter(service=service).delete()
    areas = [
        ServiceArea(
            service=service,
            name=m.name,
            uri=TOOI_MUNICIPALITY_URI.format(code=m.code.lower()),
            extent_type="text",
            municipality=m,
        )
        for m in _municipalities(data.municipality_codes)
    ]
    if data.is_national:
        areas.append(ServiceArea(service=service, name="Heel Nederland", uri=NATIONAL_AREA_URI, is_national=True))
    ServiceArea.objects.bulk_create(areas)
    ServiceAtLocation.objects.filter(service=service).exclude(location_id__in=data.location_ids).delete()
    linked = set(ServiceAtLocation.objects.filter(service=service).values_list("location_id", flat=True))
    ServiceAtLocation.objects.bulk_create(
        [ServiceAtLocation(service=service, location_id=loc) for loc in data.location_ids if loc not in linked]
    )
    _sync_phone_and_cost(service, data)


def _sync_phone_and_cost(service: Service, data: ServiceData) -> None:
    phone = Phone.objects.filter(service=service, service_at_location=None, location=None).order_by("id").first()
    if data.phone and phone is None:
        Phone.objects.create(service=service, number=data.phone, type="voice")
    elif data.phone and phone is not None:
        Phone.objects.filter(pk=phone.pk).update(number=data.phone)
    elif phone is not None:
        phone.delete()
    CostOption.objects.filter(service=service).delete()
    if data.cost_cents is not None:
        CostOption.objects.create(
            service=service, amount_cents=data.cost_cents, currency="EUR", option="Eigen bijdrage van het gezin"
        )


def _apply(service: Service, data: ServiceData) -> None:
    for name in (
        "description",
        "eligibility_description",
        "application_process",
        "fees_description",
        "minimum_age",
        "maximum_age",
        "url",
        "email",
        "status",
    ):
        setattr(service, name, getattr(data, name))
    service.name = data.name.strip()
    service.last_modified = _now()


def service_create(*, actor: AbstractBaseUser | None, organisation: Organisation, data: ServiceData) -> Service:
    _check_service(data, organisation)
    with transaction.atomic():
        hsds = hsds_organization_ensure(organisation=organisation)
        service = Service(
            organization=hsds, assured_date=data.assured_date or date.today(), assurer_email=getattr(actor, "email", "")
        )
        _apply(service, data)
        service.save()
        _sync_relations(service, data)
        search.index_services([service.id])
        record(
            actor=actor,
            action="socialmap.service.create",
            obj=service,
            detail={"organisation": str(organisation.pk)},
            actor_label="" if actor else "cli",
        )
    return service


def service_update(*, actor: AbstractBaseUser, service: Service, data: ServiceData) -> Service:
    _check_service(data, service.organization.organisation)
    with transaction.atomic():
        _apply(service, data)
        service.save()
        _sync_relations(service, data)
        search.index_services([service.id])
        record(actor=actor, action="socialmap.service.update", obj=service)
    return service


def service_confirm(*, actor: AbstractBaseUser, service: Service) -> Service:
    """The owner says the listing is still correct: the assured date becomes today."""
    with transaction.atomic():
        service.assured_date = date.today()
        service.assurer_email = getattr(actor, "email", "")
        service.last_modified = _now()
        service.save(update_fields=["assured_date", "assurer_email", "last_modified"])
        record(actor=actor, action="socialmap.service.confirm", obj=service)
    return service


def service_reminded_mark(*, actor: AbstractBaseUser | None, service_ids: Iterable[uuid.UUID]) -> int:
    ids = list(service_ids)
    with transaction.atomic():
        count = Service.objects.filter(id__in=ids).update(reminded_at=_now())
        record(
            actor=actor,
            action="socialmap.service.remind",
            object_type="socialmap.service",
            detail={"services": [str(i) for i in ids]},
            actor_label="" if actor else "task",
        )
    return count


# -- locations ------------------------------------------------------------------------------------


def _check_location(data: LocationData) -> tuple[Municipality, str]:
    municipality = Municipality.objects.filter(code=data.municipality_code.strip().upper()).first()
    if municipality is None:
        raise InvalidInput("Kies de gemeente van de locatie.")
    postcode = postcode_normalize(data.postal_code)
    if len(postcode) != 6:
        raise InvalidInput("Vul een postcode in zoals 6093 AB.")
    if (data.latitude is None) != (data.longitude is None):
        raise InvalidInput("Vul breedtegraad en lengtegraad allebei in, of allebei niet.")
    if data.latitude is not None and not (50.5 <= data.latitude <= 53.7 and 3.2 <= (data.longitude or 0) <= 7.3):
        raise InvalidInput("Deze coördinaten liggen niet in Nederland.")
    return municipality, postcode


def location_save(
    *, actor: AbstractBaseUser | None, organisation: Organisation, data: LocationData, location: Location | None = None
) -> Location:
    municipality, postcode = _check_location(data)
    centroid = Centroid(
        municipality.code, float(municipality.centroid_latitude), float(municipality.centroid_longitude)
    )
    with transaction.atomic():
        hsds = hsds_organization_ensure(organisation=organisation)
        location = location or Location(organization=hsds)
        location.name, location.latitude, location.longitude = data.name.strip(), data.latitude, data.longitude
        location.municipality, location.postcode = municipality, postcode
        location.geo_latitude, location.geo_longitude, location.geo_source = location_geo(
            data.latitude, data.longitude, centroid
        )
        location.save()
        Address.objects.update_or_create(
            location=location,
            address_type="physical",
            defaults={
                "address_1": data.address_1.strip(),
                "city": data.city.strip(),
                "region": municipality.name,
                "state_province": municipality.province,
                "postal_code": f"{postcode[:4]} {postcode[4:]}",
                "country": "NL",
            },
        )
        search.index_services(ServiceAtLocation.objects.filter(location=location).values_list("service_id", flat=True))
        record(actor=actor, action="socialmap.location.save", obj=location, actor_label="" if actor else "cli")
    return location


def search_index_rebuild(*, actor: AbstractBaseUser | None) -> int:
    """Rebuild the search documents of all services."""
    ids = list(Service.objects.values_list("id", flat=True))
    with transaction.atomic():
        search.index_services(ids)
        record(
            actor=actor,
            action="socialmap.search.reindex",
            detail={"services": len(ids)},
            actor_label="" if actor else "cli",
        )
    return len(ids)
