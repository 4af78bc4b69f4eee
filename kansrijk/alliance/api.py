"""The alliance in the API: partners, commitments (read for everyone, write for the
partner's coordinator), progress reports, and a municipality's coverage."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from kansrijk.alliance import coverage, selectors, services
from kansrijk.alliance.api_serializers import (
    AllianceErrorSerializer,
    CommitmentInputSerializer,
    CommitmentSerializer,
    CoverageSerializer,
    PartnerSerializer,
    ProgressInputSerializer,
    ProgressReportSerializer,
)
from kansrijk.alliance.constants import Activity, TrafficLight
from kansrijk.organisations.constants import Kind
from kansrijk.organisations.models import Organisation

ERRORS = {
    400: AllianceErrorSerializer,
    401: AllianceErrorSerializer,
    403: AllianceErrorSerializer,
    404: AllianceErrorSerializer,
}


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


MUNICIPALITY = OpenApiParameter("municipality", str, description="CBS code, e.g. `GM1640`.")
KIND = OpenApiParameter("kind", str, enum=Kind.values, description="Kind of organisation.")


@extend_schema_view(
    get=extend_schema(summary="List alliance partners", parameters=[MUNICIPALITY, KIND], tags=["alliance"])
)
class PartnerList(ListAPIView[Any]):
    """Organisations that signed the pledge (active signatures only)."""

    permission_classes = [AllowAny]
    serializer_class = PartnerSerializer
    pagination_class = Pagination

    def get_queryset(self) -> Any:
        params = self.request.query_params
        return selectors.partner_list(kind=params.get("kind", ""), municipality=params.get("municipality", ""))


class CommitmentList(ListAPIView[Any]):
    """Commitments of current partners ("who does what where"); partners add their own."""

    serializer_class = CommitmentSerializer
    pagination_class = Pagination

    def get_permissions(self) -> list[BasePermission]:
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @extend_schema(
        summary="List commitments",
        description="Running and planned commitments of partners whose pledge signature holds, with the traffic light "
        "of their yearly report (green: reported, amber: report due, red: overdue).",
        parameters=[
            MUNICIPALITY,
            KIND,
            OpenApiParameter("activity", str, enum=Activity.values, description="Alliance activity."),
            OpenApiParameter("status", str, enum=TrafficLight.values, description="Traffic light of the report."),
            OpenApiParameter(
                "include_national", bool, description="With `municipality`: also national ones (default true)."
            ),
        ],
        tags=["alliance"],
    )
    def get(self, request: Request) -> Response:
        return self.list(request)

    def get_queryset(self) -> Any:
        """Rows, not a queryset: each carries its computed traffic light."""
        params = self.request.query_params
        return selectors.commitment_list(
            municipality=params.get("municipality", ""),
            activity=params.get("activity", ""),
            kind=params.get("kind", ""),
            light=params.get("status", ""),
            include_national=params.get("include_national", "true").lower() not in ("false", "0", "no"),
        )

    @extend_schema(
        summary="Add a commitment",
        description="For a coordinator or administrator of a partner (or platform staff). `organisation` may be left "
        "out when you manage exactly one organisation. The organisation must have signed the pledge.",
        request=CommitmentInputSerializer,
        responses={201: CommitmentSerializer, **ERRORS},
        tags=["alliance"],
    )
    def post(self, request: Request) -> Response:
        payload = CommitmentInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        organisation = _organisation_for(request, payload.validated_data.get("organisation"))
        commitment = services.commitment_create(
            actor=request.user, organisation=organisation, details=payload.to_input()
        )
        created = selectors.commitment_get(user=request.user, commitment_id=commitment.pk)
        row = selectors.CommitmentRow(
            commitment=created, status=selectors.commitment_status(commitment=created), last_reported_on=None
        )
        return Response(CommitmentSerializer(row).data, status=status.HTTP_201_CREATED)


def _organisation_for(request: Request, organisation_id: Any) -> Organisation:
    """The organisation to act for: the given one if the user manages it, else the only
    one the user manages. Unknown and not-yours read the same."""
    user = request.user
    if organisation_id is not None:
        organisation = Organisation.objects.filter(pk=organisation_id).first()
        if organisation is None or not selectors.user_can_manage(user=user, organisation=organisation):
            raise serializers.ValidationError({"organisation": ["Onbekende organisatie."]})
        return organisation
    manageable = list(selectors.organisation_list_manageable_for(user=user)[:2])
    if not manageable and not getattr(user, "is_staff", False):
        raise PermissionDenied
    if len(manageable) != 1:
        raise serializers.ValidationError({"organisation": ["Kies de organisatie waarvoor u dit doet."]})
    return manageable[0]


class ProgressReportCreate(GenericAPIView[Any]):
    """File the yearly progress report on one of your organisation's commitments."""

    permission_classes = [IsAuthenticated]
    serializer_class = ProgressInputSerializer

    @extend_schema(
        summary="File a progress report",
        description="One report per commitment per year. Another organisation's commitment answers 404.",
        request=ProgressInputSerializer,
        responses={201: ProgressReportSerializer, **ERRORS},
        tags=["alliance"],
    )
    def post(self, request: Request, commitment_id: Any) -> Response:
        commitment = selectors.commitment_get_for_manage(user=request.user, commitment_id=commitment_id)
        payload = ProgressInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        report = services.progress_report_create(
            actor=request.user,
            commitment=commitment,
            year=data["year"],
            what_was_done=data["what_was_done"],
            realised_reach=data["realised_reach"],
            indicator_values={item["indicator_id"]: item.get("value") for item in data.get("indicator_values", [])},
            obstacles=data.get("obstacles", ""),
            structural_barriers=data.get("structural_barriers", ""),
        )
        return Response(ProgressReportSerializer(report).data, status=status.HTTP_201_CREATED)


class MunicipalityCoverage(GenericAPIView[Any]):
    """Covered / thin / missing per alliance activity in one municipality."""

    permission_classes = [AllowAny]
    serializer_class = CoverageSerializer

    @extend_schema(
        summary="Coverage of the alliance's activities in a municipality",
        description="covered = 2 or more distinct local partners active for the activity; thin = 1; missing = 0. "
        "Counts running commitments naming the municipality and social-map services there. National commitments "
        "are listed but do not count.",
        parameters=[
            OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH, description="CBS code, e.g. `GM1640`.")
        ],
        responses={200: CoverageSerializer, 404: AllianceErrorSerializer},
        tags=["alliance"],
    )
    def get(self, request: Request, code: str) -> Response:
        return Response(CoverageSerializer(coverage.municipality_coverage(code=code)).data)
