from __future__ import annotations

from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kansrijk.municipalities.selectors import municipality_list
from kansrijk.organisations import selectors
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
