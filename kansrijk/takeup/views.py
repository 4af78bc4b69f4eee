"""Pages of the take-up follow-up: the family's (anonymous, no login) and the professional's
(inside a concern). Views parse, call one service or selector, render."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from kansrijk.audit.selectors import client_ip
from kansrijk.referrals.selectors import acting_user
from kansrijk.screener.constants import FOLLOW_UP_SALT
from kansrijk.takeup import selectors, services
from kansrijk.takeup.constants import SUGGESTIONS_MAX_AGE
from kansrijk.takeup.forms import CodeForm, FamilyAnswerForm, FollowUpStartForm, ProfessionalTakeUpForm
from kansrijk.takeup.models import FamilyFollowUp
from kansrijk.takeup.protect import display_code, normalise_code

PASSED_ON = ("csrfmiddlewaretoken", "vervolg", "email")


def _answers_for_pdf(request: HttpRequest) -> list[tuple[str, str]]:
    """The check's answers as sent from the answer page (not stored), to ask for the PDF with the code."""
    return [(name, value) for name, values in request.POST.lists() if name not in PASSED_ON for value in values]


def _suggestions(token: str) -> dict[str, Any] | None:
    try:
        data = signing.loads(token, salt=FOLLOW_UP_SALT, max_age=SUGGESTIONS_MAX_AGE)
        return {"m": str(data["m"]), "d": dt.date.fromisoformat(str(data["d"])), "s": list(data["s"])}
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


@never_cache
@require_POST
def family_start(request: HttpRequest) -> HttpResponse:
    """From the check's answer page: make the code (and keep the address, if given)."""
    form = FollowUpStartForm(request.POST)
    context: dict[str, Any] = {"form": form, "hidden": _answers_for_pdf(request)}
    if not form.is_valid():
        return render(request, "takeup/family_start.html", context, status=400)
    suggestions = _suggestions(form.cleaned_data["vervolg"])
    if suggestions is None:
        context["expired"] = True
        return render(request, "takeup/family_start.html", context, status=400)
    try:
        follow_up, code = services.follow_up_create(
            municipality_code=suggestions["m"],
            checked_on=suggestions["d"],
            schemes=suggestions["s"],
            email=form.cleaned_data["email"],
        )
    except services.TakeUpError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(request, "takeup/family_start.html", context, status=400)
    context.update(
        code=code,
        email=bool(form.cleaned_data["email"]),
        schemes=selectors.follow_up_schemes(follow_up=follow_up),
    )
    return render(request, "takeup/family_code.html", context)


def _lookup(request: HttpRequest, code: str) -> FamilyFollowUp | None:
    return selectors.follow_up_by_code(code=code, client=client_ip(request) or "unknown")


def _answer_page(request: HttpRequest, follow_up: FamilyFollowUp, form: FamilyAnswerForm) -> HttpResponse:
    return render(request, "takeup/family_answer.html", {"form": form, "follow_up": follow_up})


@never_cache
@require_http_methods(["GET", "POST"])
def family_answer(request: HttpRequest) -> HttpResponse:
    """Come back with the code: first the code, then one question per suggested scheme."""
    if request.method == "GET":
        return render(request, "takeup/family_code_form.html", {"form": CodeForm(initial=request.GET.dict())})
    form = CodeForm(request.POST)
    if not form.is_valid():
        return render(request, "takeup/family_code_form.html", {"form": form}, status=400)
    try:
        follow_up = _lookup(request, form.cleaned_data["code"])
    except selectors.TooManyLookups:
        return render(request, "takeup/too_many.html", status=429)
    if follow_up is None:
        form.add_error("code", _("We kennen deze code niet, of hij is ouder dan 60 dagen. Kijk of u hem goed overnam."))
        return render(request, "takeup/family_code_form.html", {"form": form}, status=400)
    if follow_up.answered_at is not None:
        return render(request, "takeup/family_thanks.html", {"already": True})
    schemes = selectors.follow_up_schemes(follow_up=follow_up)
    code = display_code(normalise_code(form.cleaned_data["code"]))
    if request.POST.get("stap") != "antwoorden":
        return _answer_page(request, follow_up, FamilyAnswerForm(schemes=schemes, initial={"code": code}))
    return _save_answers(request, follow_up, schemes)


def _save_answers(
    request: HttpRequest, follow_up: FamilyFollowUp, schemes: list[selectors.SuggestedScheme]
) -> HttpResponse:
    answers_form = FamilyAnswerForm(request.POST, schemes=schemes)
    if not answers_form.is_valid():
        return _answer_page(request, follow_up, answers_form)
    data = answers_form.cleaned_data
    answers = {
        scheme.key: services.SchemeAnswer(
            answer=data[f"antwoord_{i}"], reason=data.get(f"reden_{i}") or "", helped_score=data.get(f"smiley_{i}")
        )
        for i, scheme in enumerate(schemes, start=1)
    }
    try:
        services.follow_up_answer(follow_up=follow_up, answers=answers)
    except services.TakeUpError as error:
        answers_form.add_error(error.field if error.field in answers_form.fields else None, error.message)
        return _answer_page(request, follow_up, answers_form)
    return render(request, "takeup/family_thanks.html", {"already": False})


@login_required
@require_http_methods(["GET", "POST"])
def concern_take_up(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    """Inside a concern: per scheme the check suggested, what happened (another organisation's concern is a 404)."""
    concern, rows = selectors.take_up_for(user=request.user, concern_id=concern_id)
    bound_key = request.POST.get("scheme", "") if request.method == "POST" else ""
    forms = []
    for index, row in enumerate(rows, start=1):
        initial = {"answer": row.recorded.answer} if row.recorded else {}
        if row.recorded and row.recorded.reason:
            initial["refusal_reason" if row.recorded.answer == "refused" else "manage_reason"] = row.recorded.reason
        data = request.POST if row.scheme.key == bound_key else None
        forms.append((row, ProfessionalTakeUpForm(data, prefix=f"r{index}", initial=initial)))
    bound = next((form for row, form in forms if row.scheme.key == bound_key), None)
    if bound is not None and bound.is_valid():
        try:
            services.professional_take_up_record(
                actor=acting_user(request.user),
                concern=concern,
                scheme_key=bound_key,
                answer=bound.cleaned_data["answer"],
                reason=bound.reason,
            )
        except services.TakeUpError as error:
            bound.add_error(error.field if error.field in bound.fields else None, error.message)
        else:
            messages.success(request, _("Opgeslagen. Dank je."))
            return redirect("takeup:concern", concern.pk)
    elif request.method == "POST" and bound is None:
        messages.error(request, _("Deze regeling hoort niet bij deze zorg."))
    status = 400 if request.method == "POST" else 200
    return render(request, "takeup/concern.html", {"concern": concern, "forms": forms}, status=status)
