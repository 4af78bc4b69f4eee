"""REST API of concerns and referrals. Thin: parse, call one service or selector, answer.

Another organisation's concern or referral is a 404, exactly like an id that does not exist.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from kansrijk.core.api import page_number_problem
from kansrijk.core.suppression import aggregate_view
from kansrijk.organisations.models import Organisation
from kansrijk.referrals import selectors, services
from kansrijk.referrals.api_serializers import (
    ConcernInSerializer,
    ConcernSerializer,
    ConsentInSerializer,
    ConsentSerializer,
    DeclineReasonSerializer,
    MunicipalityFiguresSerializer,
    ReferralBriefSerializer,
    ReferralInSerializer,
    ReferralListItemSerializer,
    ReferralSerializer,
    SignSerializer,
    TransitionInSerializer,
)
from kansrijk.referrals.constants import SIGNS, DeclineReason
from kansrijk.referrals.models import Referral
from kansrijk.referrals.workflow import targets_from

ERROR = inline_serializer(
    "ReferralsError", fields={"detail": serializers.CharField(), "errors": serializers.ListField()}
)
TAG = ["referrals"]


def _valid(serializer_class: type[serializers.Serializer[Any]], request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _page_number(raw: str) -> int:
    """`?page=`: a whole number from 1 to 1,000,000; anything else (NaN, 2^63, -1) is a 400 naming `page`."""
    problem = page_number_problem(raw) if raw else None
    if problem:
        raise exceptions.ValidationError({"page": [problem]})
    return int(raw) if raw else 1


def _organisation_for(request: Request, organisation_id: uuid.UUID | None) -> Organisation:
    memberships = list(selectors.acting_user(request.user).memberships.select_related("organisation"))
    chosen = [m.organisation for m in memberships if organisation_id is None or m.organisation_id == organisation_id]
    if len(chosen) != 1:
        raise exceptions.ValidationError({"organisation": ["Kies voor welke van je organisaties je dit meldt."]})
    return chosen[0]


@extend_schema(tags=TAG, summary="The signs of poverty (checklist)", responses=SignSerializer(many=True))
@api_view(["GET"])
def signal_list(request: Request) -> Response:
    """The checklist of signs of poverty; their codes go into a concern's `signals`."""
    return Response([{"code": s.code, "label": str(s.label), "guidance": str(s.guidance)} for s in SIGNS])


@extend_schema(
    tags=TAG, summary="The coded reasons for declining a referral", responses=DeclineReasonSerializer(many=True)
)
@api_view(["GET"])
def decline_reason_list(request: Request) -> Response:
    """The reasons a receiver may give when it declines; send the `code` as `reason_code`."""
    return Response([{"code": r.value, "label": str(r.label)} for r in DeclineReason])


@extend_schema(
    methods=["GET"],
    operation_id="concerns_list",
    tags=TAG,
    summary="List your organisations' newest concerns",
    description="Audited: every concern in the answer is written to the audit trail.",
    responses={200: ConcernSerializer(many=True)},
)
@extend_schema(
    methods=["POST"],
    operation_id="concerns_create",
    tags=TAG,
    summary="Raise a concern about a child or a family",
    request=ConcernInSerializer,
    responses={201: ConcernSerializer, 400: ERROR},
)
@api_view(["GET", "POST"])
def concern_list(request: Request) -> Response:
    """GET: your organisations' newest concerns (audited). POST: raise a concern about a child or a family."""
    if request.method == "GET":
        return Response(ConcernSerializer(selectors.concern_page_for(user=request.user), many=True).data)
    data = _valid(ConcernInSerializer, request)
    wishes = [services.WishData(text=data["wishes"])] if data["wishes"].strip() else []
    concern = services.concern_create(
        actor=selectors.acting_user(request.user),
        organisation=_organisation_for(request, data.get("organisation")),
        municipality_code=data["municipality"],
        children=[services.ChildData(**child) for child in data["children"]],
        signs=data["signals"],
        note=data["note"],
        wishes=wishes,
    )
    concern = selectors.concern_get_for(user=request.user, concern_id=concern.pk)
    return Response(ConcernSerializer(concern).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAG, summary="A concern with its consents and referrals", responses={200: ConcernSerializer})
@api_view(["GET"])
def concern_detail(request: Request, concern_id: uuid.UUID) -> Response:
    return Response(ConcernSerializer(selectors.concern_get_for(user=request.user, concern_id=concern_id)).data)


@extend_schema(
    tags=TAG, summary="Record consent", request=ConsentInSerializer, responses={201: ConsentSerializer, 400: ERROR}
)
@api_view(["POST"])
def consent_create(request: Request, concern_id: uuid.UUID) -> Response:
    concern = selectors.concern_get_for(user=request.user, concern_id=concern_id)
    data = _valid(ConsentInSerializer, request)
    consent = services.consent_create(
        actor=selectors.acting_user(request.user),
        concern=concern,
        given_by=data["given_by"],
        purpose=data["purpose"],
        method=data["method"],
        organisation_ids=data["organisations"],
        expires_on=data["expires_on"],
    )
    return Response(ConsentSerializer(consent).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=TAG,
    summary="Withdraw consent (withdraws the open referrals made under it)",
    request=None,
    responses={200: ConsentSerializer, 409: ERROR},
)
@api_view(["POST"])
def consent_withdraw(request: Request, concern_id: uuid.UUID, consent_id: uuid.UUID) -> Response:
    concern = selectors.concern_get_for(user=request.user, concern_id=concern_id)
    consent = selectors.consent_get_for(user=request.user, concern=concern, consent_id=consent_id)
    services.consent_withdraw(actor=selectors.acting_user(request.user), consent=consent)
    consent.refresh_from_db()
    return Response(ConsentSerializer(consent).data)


def _detail(request: Request, referral: Referral) -> dict[str, Any]:
    sides = selectors.access_referral_sides(user=request.user, referral=referral)
    personal = selectors.access_referral_personal_data(user=request.user, referral=referral)
    referral.shared = selectors.shared_view(referral=referral) if personal else None  # type: ignore[attr-defined]
    referral.referrer_contact = selectors.referrer_contact(referral=referral)  # type: ignore[attr-defined]
    referral.allowed_transitions = [  # type: ignore[attr-defined]
        target for side in sorted(sides) for target in targets_from(source=referral.status, side=side)
    ]
    return dict(ReferralSerializer(referral).data)


REFERRAL_PAGE = inline_serializer(
    "ReferralPage",
    fields={
        "count": serializers.IntegerField(help_text="Referrals in all pages together."),
        "page": serializers.IntegerField(help_text="This page's number (from 1)."),
        "results": ReferralListItemSerializer(
            many=True, help_text="At most 25 referrals: open first, longest waiting on top."
        ),
    },
)


@extend_schema(
    methods=["GET"],
    operation_id="referrals_list",
    tags=TAG,
    summary="List the referrals you may see",
    description="Referrals sent to or by your organisations, 25 per page (audited). "
    "A page past the end answers the last page.",
    parameters=[
        OpenApiParameter("direction", str, enum=["in", "out", "all"], description="Received, sent or both."),
        OpenApiParameter("status", str, description="Only this status."),
        OpenApiParameter("page", int, description="Page number (25 per page); anything but a number is page 1."),
    ],
    responses={200: REFERRAL_PAGE},
)
@extend_schema(
    methods=["POST"],
    operation_id="referrals_create",
    tags=TAG,
    summary="Refer a concern to a service",
    description="409 without valid consent of the family for the receiving organisation.",
    request=ReferralInSerializer,
    responses={201: ReferralSerializer, 400: ERROR, 409: ERROR},
)
@api_view(["GET", "POST"])
def referral_list(request: Request) -> Response:
    """GET: referrals sent to or by your organisations (audited), open first and longest waiting on top.
    POST: refer; 409 without valid consent."""
    if request.method == "GET":
        params = request.query_params
        page_number = _page_number(params.get("page", ""))
        page = selectors.referral_page_for(
            user=request.user,
            direction=params.get("direction", "all"),
            status=params.get("status", ""),
            page=page_number,
        )
        results = [
            {**ReferralBriefSerializer(row.referral).data, "children": row.children, "days_waiting": row.days_waiting}
            for row in page.rows
        ]
        return Response({"count": page.total, "page": page.page_number, "results": results})
    data = _valid(ReferralInSerializer, request)
    try:
        concern = selectors.concern_get_for(user=request.user, concern_id=data["concern"])
    except Http404 as error:
        raise exceptions.ValidationError({"concern": ["Deze melding bestaat niet."]}) from error
    referral = services.referral_create(
        actor=selectors.acting_user(request.user), concern=concern, service_id=data["service"], note=data["note"]
    )
    # The answer carries the children's names: it is a read of personal data, audited like one.
    referral = selectors.referral_get_for(user=request.user, referral_id=referral.pk)
    return Response(_detail(request, referral), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAG, summary="A referral: status, history and what is shared", responses={200: ReferralSerializer})
@api_view(["GET"])
def referral_detail(request: Request, referral_id: uuid.UUID) -> Response:
    return Response(_detail(request, selectors.referral_get_for(user=request.user, referral_id=referral_id)))


@extend_schema(
    tags=TAG,
    summary="Take a step: accept, decline, in progress, done or withdraw",
    request=TransitionInSerializer,
    responses={200: ReferralSerializer, 400: ERROR, 403: ERROR, 409: ERROR},
)
@api_view(["POST"])
def referral_transition(request: Request, referral_id: uuid.UUID) -> Response:
    """An illegal step, a lost race or a withdrawn consent answers 409 with a message.

    Declining (from sent, accepted or in progress) needs `reason_code`; a missing or unknown code is a 400."""
    referral = selectors.referral_get_for(user=request.user, referral_id=referral_id, audit=False)
    data = _valid(TransitionInSerializer, request)
    services.referral_transition(
        actor=selectors.acting_user(request.user),
        referral=referral,
        target=data["to"],
        reason=data["reason"],
        reason_code=data["reason_code"],
        delivered_what=data["delivered_what"] or (data["reason"] if data["to"] == "done" else ""),
        amount_cents=data["amount_cents"],
    )
    # The answer carries the children's names (while consent holds): audited as a read.
    referral = selectors.referral_get_for(user=request.user, referral_id=referral_id)
    return Response(_detail(request, referral))


@aggregate_view  # outermost: it marks the view that the URL list holds
@extend_schema(
    tags=TAG,
    summary="A municipality's figures: concerns, referrals per status, barriers per category",
    description="For the municipality's own policy officers; anyone else gets 404. Counts from 1 to 9 are `null`, "
    "10 and more are rounded to a multiple of 5, so no family can be recognised.",
    parameters=[OpenApiParameter("code", str, OpenApiParameter.PATH, description="CBS code, e.g. `GM1640`.")],
    responses={200: MunicipalityFiguresSerializer},
)
@api_view(["GET"])
def municipality_figures(request: Request, code: str) -> Response:
    aggregates = selectors.municipality_aggregates_for(user=request.user, municipality_code=code)
    return Response(MunicipalityFiguresSerializer(aggregates).data)
