"""The page that refers a concern to services of the social map, suggested in order of use."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kansrijk.core.errors import DomainError
from kansrijk.referrals import selectors, services
from kansrijk.referrals.forms import ReferralForm
from kansrijk.referrals.receivers import organisation_ids_with_users, waiting_without_users_for
from kansrijk.referrals.suggestions import Suggestion, needs_for, screener_advice_for, service_suggestions_for
from kansrijk.socialmap.constants import NEED_BY_CODE


def _choice_label(suggestion: Suggestion, has_users: bool) -> str:
    label = f"{suggestion.service.name} — {suggestion.organisation_name}"
    return label if has_users else label + " — " + _("deze organisatie gebruikt Kansrijk nog niet")


@login_required
def referral_create(request: HttpRequest, concern_id: uuid.UUID) -> HttpResponse:
    concern = selectors.concern_get_for(user=request.user, concern_id=concern_id)
    query = request.GET.get("q", "").strip()[:100]
    suggestions = service_suggestions_for(concern=concern, text=query)
    consented = selectors.consented_organisation_ids(concern=concern)
    with_users = organisation_ids_with_users(organisation_ids={s.service.organization_id for s in suggestions})
    ask_first = _("vraag eerst toestemming")
    choices = [
        (
            str(s.service.pk),
            _choice_label(s, s.service.organization_id in with_users)
            + ("" if s.service.organization.organisation_id in consented else f" ({ask_first})"),
        )
        for s in suggestions
    ]
    without_consent = frozenset(
        str(s.service.pk) for s in suggestions if s.service.organization.organisation_id not in consented
    )
    form = ReferralForm(request.POST or None, services=choices, without_consent=without_consent)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.referrals_create(
                actor=selectors.acting_user(request.user),
                concern=concern,
                service_ids=form.cleaned_data["services"],
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            form.add_error("services" if error.field == "service" else None, error.message)
        else:
            messages.success(request, _("Verwijzingen verstuurd: %(n)s.") % {"n": len(made)})
            return redirect("referrals:concern", concern.pk)
    return render(
        request,
        "referrals/referral_form.html",
        {
            "concern": concern,
            "form": form,
            "query": query,
            "suggestions": suggestions,
            "consented": consented,
            "without_consent": sorted(
                {s.organisation_name for s in suggestions if str(s.service.pk) in without_consent}
            ),
            "needs": [NEED_BY_CODE[n].name_nl for n in needs_for(concern=concern)],
            "advice": screener_advice_for(concern=concern),
        },
    )


@login_required
def waiting_without_users(request: HttpRequest) -> HttpResponse:
    """Platform staff: organisations with referrals waiting and nobody on Kansrijk to read them."""
    rows = waiting_without_users_for(user=request.user)
    return render(request, "referrals/waiting_without_users.html", {"rows": rows})
