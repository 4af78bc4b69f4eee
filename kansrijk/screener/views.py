"""Pages of the family check: anonymous (nothing stored) and for professionals (prefilled, refer)."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from kansrijk.rules import InputError
from kansrijk.screener.check import Answer, family_answer
from kansrijk.screener.constants import FOLLOW_UP_SALT, FOLLOW_UP_STATUSES
from kansrijk.screener.forms import DetailsForm, StartForm, details_form
from kansrijk.screener.pdf import answer_pdf

# The shape of a follow-up code (`kansrijk.takeup`), printed on the PDF when the family made one.
FOLLOW_UP_CODE = re.compile(r"[A-Z0-9]{4}-[A-Z0-9]{4}")


def _prefill(request: HttpRequest) -> dict[str, Any]:
    """Children's ages and schools from the query (`kind_leeftijd`, `kind_school`, repeated)."""
    ages, schools = request.GET.getlist("kind_leeftijd"), request.GET.getlist("kind_school")
    initial: dict[str, Any] = {}
    for number, age in enumerate(ages[:8], start=1):
        if age.isdigit():
            initial[f"kind{number}_leeftijd"] = int(age)
        if number <= len(schools):
            initial[f"kind{number}_school"] = schools[number - 1]
    return initial


def _refer_url(request: HttpRequest) -> str:
    """The referrals page for the concern named in `zorg` (a link only; access is checked there)."""
    try:
        concern = uuid.UUID(request.GET.get("zorg") or request.POST.get("zorg") or "")
        return reverse("referrals:referral_create", kwargs={"concern_id": concern})
    except (ValueError, NoReverseMatch):
        return ""


def _details_or_start(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    if request.GET.get("gemeente") is not None and "terug" not in request.GET:
        form = details_form(request.GET, _prefill(request))
        if form is not None:
            return render(request, "screener/check_details.html", {**context, "form": form})
        return render(request, "screener/check_start.html", {**context, "form": StartForm(request.GET)})
    return render(request, "screener/check_start.html", {**context, "form": StartForm(initial=request.GET.dict())})


def _check(request: HttpRequest, professional: bool) -> HttpResponse:
    context: dict[str, Any] = {"professional": professional, "refer_url": _refer_url(request) if professional else ""}
    context["zorg"] = request.GET.get("zorg") or request.POST.get("zorg") or ""
    if request.method != "POST":
        return _details_or_start(request, context)
    form = details_form(request.POST)
    if form is None:
        return render(request, "screener/check_start.html", {**context, "form": StartForm(request.POST)})
    hidden = _answers(request)
    if not form.is_valid():
        return render(request, "screener/check_details.html", {**context, "form": form, "hidden": hidden})
    return _result(request, form, {**context, "hidden": hidden})


def _answers(request: HttpRequest) -> list[tuple[str, str]]:
    """The answers as sent (each value, repeated names too), to send again: PDF, language switch."""
    return [(name, value) for name, values in request.POST.lists() if name != "csrfmiddlewaretoken" for value in values]


def _result(request: HttpRequest, form: DetailsForm, context: dict[str, Any]) -> HttpResponse:
    try:
        answer = family_answer(form.payload(timezone.localdate().isoformat()))
    except InputError as error:
        form.add_error(None, _("Dit antwoord kunnen we niet gebruiken: %(error)s") % {"error": error.message})
        return render(request, "screener/check_details.html", {**context, "form": form})
    if not context["professional"]:
        context["follow_up"] = follow_up_token(answer)
    return render(request, "screener/check_result.html", {**context, "answer": answer})


def follow_up_token(answer: Answer) -> str:
    """The suggested schemes (key and kind), municipality and date, signed for the follow-up; '' if none."""
    schemes = [[item.scheme, item.kind] for item in answer.items if item.status in FOLLOW_UP_STATUSES]
    if not schemes:
        return ""
    return signing.dumps({"m": answer.municipality, "d": answer.date, "s": schemes}, salt=FOLLOW_UP_SALT)


@never_cache
@require_http_methods(["GET", "POST"])
def family_check(request: HttpRequest) -> HttpResponse:
    """The anonymous family check: step 1 (GET), step 2 (GET with step 1's answers), answer (POST)."""
    return _check(request, professional=False)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def professional_check(request: HttpRequest) -> HttpResponse:
    """The same check for a logged-in professional, prefilled from the query, with a button to refer."""
    return _check(request, professional=True)


@never_cache
@require_POST
def family_check_pdf(request: HttpRequest) -> HttpResponse:
    """The answer as a PDF, from the same answers (sent again from the answer page; nothing stored)."""
    form = details_form(request.POST)
    if form is None or not form.is_valid():
        return HttpResponseBadRequest(_("De antwoorden zijn niet compleet. Doe de check opnieuw."))
    try:
        answer = family_answer(form.payload(timezone.localdate().isoformat()))
    except InputError as error:
        return HttpResponseBadRequest(error.message)
    code = request.POST.get("vervolgcode", "")
    code = code if FOLLOW_UP_CODE.fullmatch(code) else ""
    come_back = settings.SITE_URL + reverse("takeup:family_answer") if follow_up_token(answer) or code else ""
    response = HttpResponse(answer_pdf(answer, code=code, come_back_url=come_back), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="wat-kan-ik-krijgen.pdf"'
    return response


def demo_note(request: HttpRequest) -> HttpResponse:
    """What the demo schemes are (their source points here)."""
    return render(request, "screener/demo_note.html")
