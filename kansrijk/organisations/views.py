from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.accounts.models import User
from kansrijk.core.errors import DomainError, show_domain_error
from kansrijk.municipalities.selectors import municipality_list
from kansrijk.organisations import selectors, services
from kansrijk.organisations.constants import Kind


def organisation_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("soort", "")
    kind = kind if kind in Kind.values else ""
    municipality = request.GET.get("gemeente", "")
    query = request.GET.get("q", "").strip()[:100]
    organisations = selectors.organisation_list(kind=kind, municipality=municipality, query=query)
    page = Paginator(organisations, 25).get_page(request.GET.get("pagina"))
    context = {
        "page": page,
        "kinds": Kind.choices,
        "kind": kind,
        "municipality": municipality,
        "query": query,
        "municipalities": municipality_list().only("code", "name"),
    }
    return render(request, "organisations/organisation_list.html", context)


def organisation_detail(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get(organisation_id=organisation_id)
    colleagues = (
        selectors.colleague_list_for(user=request.user, organisation=organisation)
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "organisations/organisation_detail.html",
        {"organisation": organisation, "colleagues": colleagues},
    )


@login_required
def access_review(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    """For an organisation's administrator: who has access, how, and ending it."""
    user: User = request.user  # type: ignore[assignment]
    organisation = selectors.organisation_administered_by(user=user, organisation_id=organisation_id)
    people = selectors.access_review_list_for(user=user, organisation=organisation)
    return render(request, "organisations/access_review.html", {"organisation": organisation, "people": people})


@login_required
@require_POST
def access_end(request: HttpRequest, organisation_id: UUID, membership_id: UUID) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    organisation = selectors.organisation_administered_by(user=user, organisation_id=organisation_id)
    membership = selectors.member_get_for(user=user, organisation=organisation, membership_id=membership_id)
    action = request.POST.get("action", "")
    try:
        if action == "end":
            services.membership_end(actor=user, membership=membership)
            messages.success(
                request, _("%(email)s heeft geen toegang meer tot deze organisatie.") % {"email": membership.user.email}
            )
        elif action == "revoke_tokens":
            count = services.member_api_token_revoke(actor=user, membership=membership)
            messages.success(
                request,
                _("%(count)s API-sleutel(s) van %(email)s ingetrokken.")
                % {"count": count, "email": membership.user.email},
            )
        else:
            messages.error(request, _("Kies wat u wilt doen: toegang beëindigen of sleutels intrekken."))
    except DomainError as error:
        show_domain_error(request, error)
    return redirect("organisations:access_review", organisation_id=organisation.pk)
