"""Open data: the outcomes of every municipality, public, without a token (ADR 0029).

`GET /api/v1/outcomes/<measure>?municipality=GMxxxx&year=YYYY` answers JSON in which every
count is named `count` or ends in `_count` and went through the one suppression rule; a CSV
per year covers every municipality. A bad parameter is a 400 that names it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from kansrijk.core.suppression import SmallCellCountField, aggregate_view
from kansrijk.municipalities.models import Municipality
from kansrijk.outcomes import exports, public
from kansrijk.outcomes.measures import Filters, better_off, how_much, how_well
from kansrijk.outcomes.selectors import organisation_names

TAG = ["outcomes"]
FIRST_YEAR, LAST_YEAR = 2000, 2100
COUNT = SmallCellCountField
DAYS = serializers.IntegerField(allow_null=True, help_text="Whole days; null when fewer than 10 cases.")


class YearSerializer(serializers.Serializer[Any]):
    year = serializers.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR, help_text="Calendar year, e.g. 2025.")


class PlaceYearSerializer(YearSerializer):
    municipality = serializers.RegexField(
        r"^GM[0-9]{4}$", max_length=6, help_text="CBS code of the municipality, e.g. `GM0363`."
    )

    def validate_municipality(self, value: str) -> str:
        if not Municipality.objects.filter(code=value).exists():
            raise serializers.ValidationError("Er is geen gemeente met deze code.")
        return value


PARAMETERS = [
    OpenApiParameter("municipality", str, OpenApiParameter.QUERY, required=True, description="CBS code, `GM0363`."),
    OpenApiParameter("year", int, OpenApiParameter.QUERY, required=True, description="Calendar year, e.g. 2025."),
]
STEPS = {name: COUNT() for name in ("referred_count", "accepted_count", "helped_count", "declined_count")}
STEPS["withdrawn_count"] = COUNT()


def _place(name: str, **fields: Any) -> Any:
    return inline_serializer(
        name,
        fields={
            "municipality": serializers.CharField(help_text="CBS code."),
            "year": serializers.IntegerField(),
            **fields,
        },
    )


def _stage(name: str) -> Any:
    return inline_serializer(
        name,
        fields={"stage": serializers.CharField(), "count": COUNT(), "median_days": DAYS, "p90_days": DAYS},
        many=True,
    )


REACH = _place(
    "OutcomesReach",
    **STEPS,
    by_need=inline_serializer("OutcomesReachNeed", fields={"need": serializers.CharField(), **STEPS}, many=True),
    by_organisation=inline_serializer(
        "OutcomesReachOrganisation",
        fields={"organisation": serializers.UUIDField(), "name": serializers.CharField(), **STEPS},
        many=True,
    ),
    amount_bands=inline_serializer(
        "OutcomesAmountBand", fields={"band": serializers.CharField(), "count": COUNT()}, many=True
    ),
)
TIME = _place(
    "OutcomesTimeToHelp",
    stages=_stage("OutcomesStage"),
    by_organisation=inline_serializer(
        "OutcomesTimeOrganisation",
        fields={
            "organisation": serializers.UUIDField(),
            "name": serializers.CharField(),
            "stages": _stage("OutcomesOrganisationStage"),
        },
        many=True,
    ),
)
DECLINES = _place(
    "OutcomesDeclines",
    reasons=inline_serializer(
        "OutcomesDeclineReason", fields={"reason": serializers.CharField(), "count": COUNT()}, many=True
    ),
)
FEEDBACK = _place(
    "OutcomesFeedback",
    family_answers=inline_serializer(
        "OutcomesFamilyAnswer", fields={"answer": serializers.CharField(), "count": COUNT()}, many=True
    ),
    child_scores=inline_serializer(
        "OutcomesChildScore", fields={"score": serializers.IntegerField(), "count": COUNT()}, many=True
    ),
    wishes=inline_serializer(
        "OutcomesWish",
        fields={"need": serializers.CharField(), "wish_count": COUNT(), "met_count": COUNT()},
        many=True,
    ),
)


def _answer(request: Request, build: Callable[[Filters], dict[str, Any]]) -> Response:
    given = PlaceYearSerializer(data=request.query_params)
    given.is_valid(raise_exception=True)
    code, year = given.validated_data["municipality"], given.validated_data["year"]
    return Response({"municipality": code, "year": year, **build(Filters.for_year(year, municipality_code=code))})


def _reach(filters: Filters) -> dict[str, Any]:
    measure = how_much(filters)
    return public.reach(measure, organisation_names(measure.by_receiver))


def _time(filters: Filters) -> dict[str, Any]:
    measure = how_well(filters)
    return public.time_to_help(measure, organisation_names(measure.by_receiver))


def _open(summary: str, response: Any) -> Callable[[Any], Any]:
    return extend_schema(
        tags=TAG,
        summary=summary,
        description="Public, no token needed. Counts from 1 to 9 are `null`, 10 and more are rounded to a "
        "multiple of 5; days only over 10 or more cases.",
        parameters=PARAMETERS,
        responses={200: response},
        auth=[],
    )


@aggregate_view
@_open("Reach: referred, accepted and helped, per need and organisation, and amounts delivered", REACH)
@api_view(["GET"])
@permission_classes([AllowAny])
def reach(request: Request) -> Response:
    return _answer(request, _reach)


@aggregate_view
@_open("Time to help per stage (median, 90th percentile), per organisation", TIME)
@api_view(["GET"])
@permission_classes([AllowAny])
def time_to_help(request: Request) -> Response:
    return _answer(request, _time)


@aggregate_view
@_open("Decline reasons, most frequent first", DECLINES)
@api_view(["GET"])
@permission_classes([AllowAny])
def declines(request: Request) -> Response:
    return _answer(request, lambda filters: public.declines(how_well(filters)))


@aggregate_view
@_open("Is anyone better off: families' answers, children's smileys, children's wishes met", FEEDBACK)
@api_view(["GET"])
@permission_classes([AllowAny])
def feedback(request: Request) -> Response:
    return _answer(request, lambda filters: public.feedback(better_off(filters)))


@aggregate_view
@extend_schema(
    tags=TAG,
    summary="Every measure of every municipality for one year, as CSV",
    description="Public, no token needed. One row per count; `< 10` for 1 to 9, larger counts rounded to 5.",
    parameters=[PARAMETERS[1]],
    responses={200: OpenApiResponse(OpenApiTypes.STR, description="CSV (UTF-8 with BOM, `;`).")},
    auth=[],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def year_export(request: Request) -> HttpResponse:
    given = YearSerializer(data=request.query_params)
    given.is_valid(raise_exception=True)
    year = given.validated_data["year"]
    response = HttpResponse(exports.year_csv(year), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kansrijk-uitkomsten-{year}.csv"'
    return response
