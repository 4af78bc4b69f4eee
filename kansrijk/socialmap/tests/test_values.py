from __future__ import annotations

import uuid

import pytest

from kansrijk.socialmap.models import Attribute, Service
from kansrijk.socialmap.tests.factories import ServiceFactory
from kansrijk.socialmap.values import ValuesIn

pytestmark = pytest.mark.django_db

LOOKUPS = ("id", "name", "minimum_age", "assured_date", "last_modified", "organization__organisation__name")


def test_rows_are_those_of_values_for_every_number_of_ids(municipalities):
    """The same dicts (converted: UUIDs, dates, datetimes) as `.values()`, whichever ids and
    however many; ids that do not exist are simply not there."""
    services = [ServiceFactory(name=f"Dienst {i}", minimum_age=i, needs=["sport", "fiets"]) for i in range(4)]
    by_id = ValuesIn(Service.objects.values(*LOOKUPS), "id")
    terms = Attribute.objects.values("service_id", "taxonomy_term__name")
    by_service = ValuesIn(terms, "service_id")
    every = [s.id for s in services]
    for ids in ([every[0]], every[1:], [every[2], uuid.uuid4()], every):
        assert by_id(ids) == list(Service.objects.values(*LOOKUPS).filter(id__in=ids))
        assert by_service(ids) == list(terms.filter(service_id__in=ids))
    row = by_id([services[3].id])[0]
    assert isinstance(row["id"], uuid.UUID) and row["minimum_age"] == 3 and row["last_modified"].tzinfo is not None


def test_one_query_per_call_and_none_without_ids(django_assert_num_queries, municipalities):
    service = ServiceFactory()
    by_id = ValuesIn(Service.objects.values("id", "name"), "id")
    with django_assert_num_queries(0):
        assert by_id([]) == []
    with django_assert_num_queries(1):
        assert by_id([service.id]) == [{"id": service.id, "name": service.name}]


def test_a_query_with_parameters_of_its_own_is_refused(municipalities):
    service = ServiceFactory()
    with pytest.raises(ValueError, match="other parameters"):
        ValuesIn(Service.objects.filter(minimum_age__gte=3).values("id"), "id")([service.id])
