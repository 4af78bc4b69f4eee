"""`POST /api/v1/screen`: the rules contract over HTTP (same JSON in and out as `kansrijk screen`).

The serializers below only document the contract for the OpenAPI file; validation and the
answer come from `kansrijk.rules.contract`, the one implementation the CLI also uses.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, PolymorphicProxySerializer, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view, parser_classes, permission_classes
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from kansrijk.core.api_fields import BoundedInteger, ShortText
from kansrijk.core.parsers import StrictJSONParser
from kansrijk.rules import InputError, screen
from kansrijk.rules.contract import ADULT_AGES, CHILD_AGES, MAX_ADULTS, MAX_CHILDREN
from kansrijk.screener.selectors import known_municipality_codes, local_rules_for

MONEY_HELP = 'Amount in euros as a decimal string with at most 2 decimals, e.g. "1350.00".'
MONEY_LENGTH = 12  # "100000000.00", the largest amount the rules accept


class AdultSerializer(serializers.Serializer[Any]):
    age = BoundedInteger(min_value=ADULT_AGES[0], max_value=ADULT_AGES[1], help_text="Age in years on `date`.")
    taxable_income_yearly = ShortText(max_length=MONEY_LENGTH, help_text=MONEY_HELP)
    net_income_monthly = ShortText(max_length=MONEY_LENGTH, help_text=MONEY_HELP)
    insured = serializers.BooleanField(help_text="Has Dutch health insurance (zorgverzekering).")


class ChildSerializer(serializers.Serializer[Any]):
    age = BoundedInteger(
        min_value=CHILD_AGES[0],
        max_value=CHILD_AGES[1],
        help_text="Age on `date`; optional when `birth_date` is given.",
    )
    birth_date = serializers.DateField(
        required=False,
        help_text="Optional; decides ages at quarter and month starts. Without it, `age` holds all year.",
    )
    school = serializers.ChoiceField(choices=["none", "primary", "secondary", "mbo"])


class HouseholdSerializer(serializers.Serializer[Any]):
    adults = AdultSerializer(many=True, max_length=MAX_ADULTS, help_text="1 to 6 adults; the first is the applicant.")  # type: ignore[call-arg]  # stubs lack many+max_length
    children = ChildSerializer(many=True, max_length=MAX_CHILDREN, help_text="0 to 20 children.")  # type: ignore[call-arg]  # stubs lack many+max_length
    partners = serializers.BooleanField(
        help_text="The first two adults are toeslagpartners: their incomes count together."
    )
    assets = ShortText(max_length=MONEY_LENGTH, help_text="Assets on 1 January, euros as a decimal string.")
    rent_monthly = ShortText(max_length=MONEY_LENGTH, help_text="Kale huur per month, euros as a decimal string.")


class ScreenRequestSerializer(serializers.Serializer[Any]):
    date = serializers.DateField(help_text="The date to screen on (amounts for its year, month, quarter).")
    municipality = ShortText(max_length=6, help_text="CBS municipality code, e.g. GM0363.")
    household = HouseholdSerializer()


class ReferenceSerializer(serializers.Serializer[Any]):
    title = serializers.CharField()
    href = serializers.URLField()


class ConditionSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(help_text="Stable name of the condition.")
    holds = serializers.BooleanField()
    explanation = serializers.CharField(help_text="Plain Dutch (B1).")
    reference = ReferenceSerializer(help_text="Legal basis.")


class ResultSerializer(serializers.Serializer[Any]):
    scheme = serializers.CharField(
        help_text="kinderbijslag, kindgebonden_budget, zorgtoeslag, huurtoeslag, bijstandsnorm; then the "
        "municipality's schemes (`GM1640/kindpakket`) and the funds (`leergeld`, `kinderhulp`, ...)."
    )
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    kind = serializers.CharField(help_text="national | yardstick | municipal | fund.")
    eligible = serializers.BooleanField(allow_null=True, help_text="null when not available or a yardstick.")
    available = serializers.BooleanField(help_text="false: no parameters for this date or case; see reason.")
    unverified = serializers.BooleanField(help_text="Uses a value known only from a secondary source.")
    reason = serializers.CharField(allow_null=True, help_text="Why not available (Dutch).")
    amount_yearly = serializers.CharField(allow_null=True, help_text="Calendar year of `date`, exact cents.")
    amount_monthly = serializers.CharField(
        allow_null=True, help_text="Month of `date` as paid (toeslagen: rounded down to whole euros)."
    )
    amount_quarterly = serializers.CharField(allow_null=True, help_text="Kinderbijslag: quarter of `date`.")
    parts = serializers.DictField(child=serializers.CharField(), help_text="Parts of the amount, euros.")
    order = serializers.IntegerField(help_text="Order of use (voorliggend first).")
    conditions = ConditionSerializer(many=True)
    needs = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="Municipal/fund: need codes (social map taxonomy)."
    )
    provider = serializers.CharField(required=False, help_text="Municipal/fund: the organisation.")
    income_limit_monthly = serializers.CharField(
        required=False, allow_null=True, help_text="Municipal/fund: the income limit in euros per month."
    )
    apply = serializers.DictField(
        required=False, help_text="Municipal/fund: via (self|professional|intermediary), how, url."
    )
    source = ReferenceSerializer(  # type: ignore[assignment]  # a field, not Field.source
        required=False, help_text="Municipal/fund: source of the rules."
    )
    fallback = serializers.BooleanField(
        required=False, help_text="Municipal/fund: all its needs are covered by an earlier scheme (not counted)."
    )
    covered_by = serializers.DictField(required=False, help_text="Municipal/fund: need -> earlier schemes covering it.")
    may_still_help = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="When not entitled: later schemes that may help."
    )


class ScreenResponseSerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    municipality = serializers.CharField()
    results = ResultSerializer(many=True)


class FieldErrorSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(help_text="e.g. household.children[0].age")
    message = serializers.CharField()


class ErrorResponseSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField()
    errors = FieldErrorSerializer(many=True)  # type: ignore[assignment]  # a field


class ItemErrorSerializer(serializers.Serializer[Any]):
    error = FieldErrorSerializer(help_text="What is wrong with this item of the list.")


SCREEN_REQUEST = PolymorphicProxySerializer(
    component_name="ScreenInput",
    serializers=[ScreenRequestSerializer(), ScreenRequestSerializer(many=True)],
    resource_type_field_name=None,
    many=False,
)
SCREEN_RESPONSE = PolymorphicProxySerializer(
    component_name="ScreenOutput",
    serializers=[
        ScreenResponseSerializer(),
        PolymorphicProxySerializer(
            component_name="ScreenItem",
            serializers=[ScreenResponseSerializer, ItemErrorSerializer],
            resource_type_field_name=None,
            many=True,
        ),
    ],
    resource_type_field_name=None,
    many=False,
)


EXAMPLE = {
    "date": "2026-01-01",
    "municipality": "GM0363",
    "household": {
        "adults": [{"age": 34, "taxable_income_yearly": "21000.00", "net_income_monthly": "1350.00", "insured": True}],
        "children": [{"age": 4, "birth_date": "2021-05-02", "school": "primary"}],
        "partners": False,
        "assets": "2000.00",
        "rent_monthly": "700.00",
    },
}


@extend_schema(
    operation_id="screen",
    summary="What is this household entitled to? (national, municipal and funds, in order of use, explained)",
    description=(
        "Send one request object, or a list of them. A list is answered item by item: a bad "
        'item gets `{"error": {"field": ..., "message": ...}}`, the others their answer. Nothing '
        "is stored. Anonymous use is allowed."
    ),
    request=SCREEN_REQUEST,
    responses={200: SCREEN_RESPONSE, 400: ErrorResponseSerializer},
    examples=[OpenApiExample("Single parent, one child", value=EXAMPLE, request_only=True)],
    tags=["screener"],
)
@api_view(["POST"])
@permission_classes([AllowAny])
@parser_classes([StrictJSONParser])  # the contract is JSON (one object or a list); a form cannot carry it
def screen_view(request: Request) -> Response:
    try:
        answer = screen(request.data, known_municipality_codes(), local_rules_for)
    except InputError as error:
        raise ValidationError({error.field: [error.message]}) from None
    return Response(answer)
