from __future__ import annotations

from rest_framework import serializers, viewsets

from kansrijk.core.api import BoundedPagination
from kansrijk.municipalities.models import Municipality
from kansrijk.organisations import selectors
from kansrijk.organisations.models import Organisation


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    municipalities = serializers.SlugRelatedField[Municipality](slug_field="code", many=True, read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "kind",
            "kind_label",
            "kvk_number",
            "description",
            "municipalities",
            "website",
            "email",
            "phone",
        ]


class Pagination(BoundedPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet[Organisation]):
    """Organisations known to Kansrijk (public facts only)."""

    serializer_class = OrganisationSerializer
    pagination_class = Pagination

    def get_queryset(self):  # type: ignore[no-untyped-def]
        params = self.request.query_params
        return selectors.organisation_list(
            kind=params.get("kind", ""), municipality=params.get("municipality", ""), query=params.get("search", "")
        )
