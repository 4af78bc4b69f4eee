"""Pages of concerns and referrals (Dutch, B1). Views parse, call one service or selector, render."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.core.errors import DomainError, show_domain_error
from kansrijk.core.suppression import aggregate_view
from kansrijk.municipalities.selectors import municipality_list
from kansrijk.organisations.constants import Role
from kansrijk.organisations.selectors import membership_get_for
from kansrijk.referrals import exports, selectors, services
from kansrijk.referrals.closing import concern_close as close_concern
from kansrijk.referrals.closing import concern_reopen as reopen_concern
from kansrijk.referrals.constants import OPEN_STATUSES, SIGN_BY_CODE, DeclineReason, Status
from kansrijk.referrals.forms import (
    BarrierForm,
    ChildFormSet,
    ConcernCloseForm,
    ConcernForm,
    ConsentForm,
    FeedbackForm,
    StepForm,
)
from kansrijk.referrals.models import Concern
from kansrijk.referrals.workflow import targets_from
from kansrijk.socialmap.constants import NEED_BY_CODE


@login_required
def index(request: HttpRequest) -> HttpResponse:
    incoming = selectors.referral_page_for(user=request.user, direction="in")
    officer_of = [
        m
        for membership in selectors.acting_user(request.user).memberships.select_related("organisation")
        if membership.organisation.kind == "municipality"
        for m in membership.organisation.municipalities.all()
    ]
    return render(
        request,
        "referrals/index.html",
        {
            "concerns": selectors.concern_page_for(user=request.user),
            "incoming": incoming,
            "notifications": selectors.notification_list_for(user=request.user),
            "officer_of": officer_of,
        },
    )


def conversation_guide(request: HttpRequest) -> HttpResponse:
    return render(request, "referrals/conversation_guide.html", {"back": request.GET.get("zorg", "")})


def _children_and_wishes(formset: Any) -> tuple[list[services.ChildData], list[services.WishData]]:
    children: list[services.ChildData] = []
    wishes: list[services.WishData] = []
    for data in (f.cleaned_data for f in formset.forms if f.cleaned_data.get("first_name")):
        index = len(children)
        children.append(
            services.ChildData(
                first_name=data["first_name"],
                birth_year=data.get("birth_year"),
                age=data.get("age"),
                school=data["school"],
            )
        )
        for need, text in ((data["wish_need"], data["wish_text"]), (data["wish2_need"], data["wish2_text"])):
            if need or text:
                wishes.append(services.WishData(text=text or "", need=need or "", child=index))
    return children, wishes


@login_required
def concern_create(request: HttpRequest) -> HttpResponse:
    organisations = [
        m.organisation for m in selectors.acting_user(request.user).memberships.select_related("organisation")
    ]
    municipalities = list(municipality_list().only("code", "name"))
    initial = {"municipality": next((m.code for o in organisations[:1] for m in o.municipalities.all()), "")}
    form = ConcernForm(
        request.POST or None,
        organisations=organisations,
        municipalities=municipalities,
        initial={**initial, "organisation": str(organisations[0].pk) if organisations else ""},
    )
    formset = ChildFormSet(request.POST or None, prefix="kind")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        children, wishes = _children_and_wishes(formset)
        try:
            organisation = next(o for o in organisations if str(o.pk) == form.cleaned_data["organisation"])
            concern = services.concern_create(
                actor=selectors.acting_user(request.user),
                organisation=organisation,
                municipality_code=form.cleaned_data["municipality"],
                children=children,
                signs=form.cleaned_data["signs"],
                note=form.cleaned_data["note"],
                wishes=wishes,
            )
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            messages.success(request, _("De zorg is opgeslagen. Bespreek het met de ouders en vraag toestemming."))
            return redirect("referrals:concern", concern.pk)
    return render(request, "referrals/concern_form.html", {"form": form, "formset": formset})


def _wish_rows(concern: Concern) -> list[dict[str, Any]]:
    names = [c.first_name for c in concern.children.all()]
    return [
        {
            "child": names[w["child"]] if w.get("child") is not None and w["child"] < len(names) else "",
            "need": NEED_BY_CODE[w["need"]].name_nl if w.get("need") in NEED_BY_CODE else "",
            "text": w.get("text", ""),
        }
        for w in concern.wishes
    ]


def _is_administrator(user: Any, concern: Concern) -> bool:
    """Whether `user` administers the organisation that owns the concern (who may see who looked)."""
    membership = membership_get_for(user=user, organisation=concern.organisation)
    return membership is not None and membership.role == Role.ADMINISTRATOR


@login_required
def concern_detail(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = selectors.concern_get_for(user=request.user, concern_id=concern_id)
    return render(
        request,
        "referrals/concern_detail.html",
        {
            "concern": concern,
            "signs": [SIGN_BY_CODE[c] for c in concern.signs if c in SIGN_BY_CODE],
            "wishes": _wish_rows(concern),
            "has_consent": any(c.is_valid for c in concern.consents.all()),
            "close_form": ConcernCloseForm(),
            "open_referrals": sum(1 for r in concern.referrals.all() if r.status in OPEN_STATUSES),
            "can_see_access_log": _is_administrator(request.user, concern),
        },
    )


@login_required
@require_POST
def concern_close(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = selectors.concern_get_for(user=request.user, concern_id=concern_id)
    form = ConcernCloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies waarom je de zorg afsluit."))
        return redirect("referrals:concern", concern.pk)
    try:
        close_concern(
            actor=selectors.acting_user(request.user),
            concern=concern,
            reason=form.cleaned_data["close_reason"],
            note=form.cleaned_data["close_note"],
        )
    except DomainError as error:
        show_domain_error(request, error)
    else:
        messages.success(request, _("De zorg is afgesloten."))
    return redirect("referrals:concern", concern.pk)


@login_required
@require_POST
def concern_reopen(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = selectors.concern_get_for(user=request.user, concern_id=concern_id)
    try:
        reopen_concern(actor=selectors.acting_user(request.user), concern=concern)
    except DomainError as error:
        show_domain_error(request, error)
    else:
        messages.success(request, _("De zorg is weer open."))
    return redirect("referrals:concern", concern.pk)


@login_required
def consent_create(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = selectors.concern_get_for(user=request.user, concern_id=concern_id)
    form = ConsentForm(request.POST or None, organisations=selectors.consent_organisation_choices(concern=concern))
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_create(
                actor=selectors.acting_user(request.user),
                concern=concern,
                given_by=form.cleaned_data["given_by"],
                purpose=form.cleaned_data["purpose"],
                method=form.cleaned_data["method"],
                organisation_ids=form.cleaned_data["organisations"],
                expires_on=form.cleaned_data.get("expires_on"),
            )
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            messages.success(request, _("De toestemming is vastgelegd."))
            return redirect("referrals:concern", concern.pk)
    return render(request, "referrals/consent_form.html", {"form": form, "concern": concern})


@login_required
@require_POST
def consent_withdraw(request: HttpRequest, concern_id: uuid.UUID, consent_id: uuid.UUID) -> HttpResponse:
    concern = selectors.concern_get_for(user=request.user, concern_id=concern_id)
    consent = selectors.consent_get_for(user=request.user, concern=concern, consent_id=consent_id)
    try:
        withdrawn = services.consent_withdraw(actor=selectors.acting_user(request.user), consent=consent)
    except DomainError as error:
        show_domain_error(request, error)
    else:
        messages.success(
            request, _("De toestemming is ingetrokken. Ingetrokken verwijzingen: %(n)s.") % {"n": len(withdrawn)}
        )
    return redirect("referrals:concern", concern.pk)


@login_required
def referral_list(request: HttpRequest) -> HttpResponse:
    direction = request.GET.get("richting", "in")
    direction = direction if direction in ("in", "out", "all") else "in"
    status = request.GET.get("status", "")
    page_number = int(request.GET["pagina"]) if request.GET.get("pagina", "").isdigit() else 1
    page = selectors.referral_page_for(user=request.user, direction=direction, status=status, page=page_number)
    return render(
        request,
        "referrals/referral_list.html",
        {
            "page": page,
            "direction": direction,
            "status": status,
            "statuses": Status.choices,
        },
    )


@login_required
def referral_detail(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = selectors.referral_get_for(user=request.user, referral_id=referral_id)
    sides = selectors.access_referral_sides(user=request.user, referral=referral)
    personal = selectors.access_referral_personal_data(user=request.user, referral=referral)
    steps = [target for side in sorted(sides) for target in targets_from(source=referral.status, side=side)]
    return render(
        request,
        "referrals/referral_detail.html",
        {
            "referral": referral,
            "shared": selectors.shared_view(referral=referral) if personal else None,
            "steps": steps,
            "is_referrer": "referrer" in sides,
            "barrier_form": BarrierForm(),
            "can_give_feedback": "referrer" in sides and referral.status == Status.DONE,
            "decline_reasons": DeclineReason.choices,
            "contact": selectors.referrer_contact(referral=referral),
        },
    )


@login_required
@require_POST
def referral_step(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = selectors.referral_get_for(user=request.user, referral_id=referral_id, audit=False)
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("referrals:referral", referral.pk)
    try:
        services.referral_transition(
            actor=selectors.acting_user(request.user),
            referral=referral,
            target=form.cleaned_data["to"],
            reason=form.cleaned_data["reason"],
            reason_code=form.cleaned_data["reason_code"],
            delivered_what=form.cleaned_data["delivered_what"],
            amount_cents=form.cleaned_data["amount"],
        )
    except DomainError as error:
        show_domain_error(request, error)
    else:
        messages.success(request, _("De status is nu: %(status)s.") % {"status": Status(referral.status).label})
    return redirect("referrals:referral", referral.pk)


@login_required
@require_POST
def barrier_create(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = selectors.referral_get_for(user=request.user, referral_id=referral_id, audit=False)
    form = BarrierForm(request.POST)
    if form.is_valid():
        try:
            services.barrier_create(actor=selectors.acting_user(request.user), referral=referral, **form.cleaned_data)
        except DomainError as error:
            show_domain_error(request, error)
        else:
            messages.success(request, _("Dank je. De drempel is doorgegeven aan de gemeente (alleen als aantal)."))
    else:
        messages.error(request, _("Kies een soort drempel en schrijf kort op wat er misgaat."))
    return redirect("referrals:referral", referral.pk)


@login_required
def feedback_create(request: HttpRequest, referral_id: uuid.UUID) -> HttpResponse:
    referral = selectors.referral_get_for(user=request.user, referral_id=referral_id)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_record(actor=selectors.acting_user(request.user), referral=referral, **form.cleaned_data)
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            messages.success(request, _("Dank je. De terugkoppeling is opgeslagen."))
            return redirect("referrals:referral", referral.pk)
    return render(request, "referrals/feedback_form.html", {"form": form, "referral": referral})


@login_required
@aggregate_view
def municipality_overview(request: HttpRequest, code: str) -> HttpResponse:
    aggregates = selectors.municipality_aggregates_for(user=request.user, municipality_code=code)
    return render(request, "referrals/municipality.html", {"aggregates": aggregates})


@login_required
@aggregate_view
def municipality_figures_csv(request: HttpRequest, code: str) -> HttpResponse:
    aggregates = selectors.municipality_aggregates_for(user=request.user, municipality_code=code)
    response = HttpResponse(exports.municipality_figures_csv(aggregates), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cijfers-{aggregates.code}.csv"'
    return response
