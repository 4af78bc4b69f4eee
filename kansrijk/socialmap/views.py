"""Pages of the social map: public search and service page; editing for the owners."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.accounts.models import User
from kansrijk.core.errors import DomainError, show_domain_error
from kansrijk.socialmap import selectors, services
from kansrijk.socialmap.constants import NEED_BY_CODE
from kansrijk.socialmap.forms import LocationForm, SearchForm, ServiceForm
from kansrijk.socialmap.search import SearchCriteria
from kansrijk.socialmap.selectors import Place

PAGE_SIZE = 20


def _user(request: HttpRequest) -> User:
    """The logged-in user of a view behind `login_required`."""
    assert isinstance(request.user, User)
    return request.user


def _place_for(form: SearchForm) -> tuple[Place | None, str]:
    postcode = form.cleaned_data["postcode"]
    if not postcode:
        return None, ""
    place = selectors.postcode_place(postcode=postcode)
    if place is None:
        return None, _("We kunnen postcode %(postcode)s niet vinden. Kies de gemeente.") % {"postcode": postcode}
    notes = {
        "postcode": "",
        "area": _("We zoeken rond het postcodegebied %(area)s.") % {"area": place.postcode[:4]},
        "municipality": _("We zoeken rond het midden van de gemeente van deze postcode."),
    }
    return place, notes[place.how]


def _criteria(form: SearchForm, place: Place | None) -> SearchCriteria:
    d = form.cleaned_data
    need = NEED_BY_CODE.get(d["behoefte"] or "")
    return SearchCriteria(
        text=d["q"],
        term_ids=(need.id,) if need else (),
        municipality=d["gemeente"] or "",
        min_age=d["leeftijd"],
        max_age=d["leeftijd"],
        point=(place.latitude, place.longitude) if place else None,
        radius_km=float(d["afstand"] or 10) if place else None,
        statuses=("active", "temporarily closed"),
    )


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("pagina", "1")
    return max(1, min(int(raw), 500)) if raw.isdigit() else 1


def _municipality_question(request: HttpRequest, form: SearchForm) -> dict[str, Any]:
    """A postcode we cannot place: ask for the municipality (a plain select, no JavaScript),
    keeping the other answers as hidden fields."""
    keep = [(k, v) for k, v in request.GET.items() if k not in ("postcode", "gemeente", "pagina", "afstand")]
    return {"hidden": keep, "field": form["gemeente"]}


def service_search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "found": None, "place_note": "", "place_failed": False}
    if form.is_bound and form.is_valid() and form.has_criteria():
        place, note = _place_for(form)
        context["place_note"] = note
        context["place_failed"] = bool(form.cleaned_data["postcode"]) and place is None
        if context["place_failed"] and not form.cleaned_data["gemeente"]:
            context["ask_municipality"] = _municipality_question(request, form)
        else:
            criteria = _criteria(form, place)
            context["found"] = selectors.service_search(criteria=criteria, page=_page_number(request), size=PAGE_SIZE)
            query = request.GET.copy()
            query.pop("pagina", None)
            context["query"] = query.urlencode()
    return render(request, "socialmap/search.html", context)


def service_detail(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = selectors.service_get(service_id=service_id)
    can_edit = (
        request.user.is_authenticated
        and selectors.organisation_list_for(user=request.user).filter(pk=service.organization_id).exists()
    )
    return render(
        request,
        "socialmap/service_detail.html",
        {
            "service": service,
            "is_stale": selectors.is_stale(service),
            "can_edit": can_edit,
        },
    )


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    organisations = [
        (
            o,
            selectors.service_list_for_organisation(organisation=o),
            selectors.location_list_for_organisation(organisation=o),
        )
        for o in selectors.organisation_list_for(user=request.user).order_by("name")[:50]
    ]
    return render(request, "socialmap/manage.html", {"organisations": organisations})


def _location_choices(organisation: Any) -> list[tuple[str, str]]:
    return [
        (str(loc.id), loc.name or str(loc.id))
        for loc in selectors.location_list_for_organisation(organisation=organisation)
    ]


def _save_service(request: HttpRequest, form: ServiceForm, organisation: Any, service: Any) -> HttpResponse | None:
    if not form.is_valid():
        return None
    try:
        if service is None:
            service = services.service_create(actor=_user(request), organisation=organisation, data=form.to_data())
        else:
            service = services.service_update(actor=_user(request), service=service, data=form.to_data())
    except DomainError as error:
        show_domain_error(request, error, form)
        return None
    messages.success(request, _("De hulp is opgeslagen."))
    return redirect("socialmap:service", service_id=service.id)


@login_required
def service_create(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for(user=request.user, organisation_id=organisation_id)
    form = ServiceForm(request.POST or None, locations=_location_choices(organisation))
    if request.method == "POST" and (response := _save_service(request, form, organisation, None)):
        return response
    return render(request, "socialmap/service_form.html", {"form": form, "organisation": organisation})


def _initial(service: Any) -> dict[str, Any]:
    cost = service.cost_options.first()
    phone = service.phones.filter(location=None, service_at_location=None).first()
    return {
        **{
            f: getattr(service, f)
            for f in (
                "name",
                "description",
                "eligibility_description",
                "minimum_age",
                "maximum_age",
                "application_process",
                "fees_description",
                "email",
                "url",
                "status",
            )
        },
        "needs": list(service.attributes.exclude(taxonomy_term__code="").values_list("taxonomy_term__code", flat=True)),
        "municipalities": [
            *(["NL"] if service.service_areas.filter(is_national=True).exists() else []),
            *service.service_areas.exclude(municipality=None).values_list("municipality_id", flat=True),
        ],
        "locations": [str(i) for i in service.service_at_locations.values_list("location_id", flat=True)],
        "phone": phone.number if phone else "",
        "cost_euros": None if cost is None else cost.amount_cents,  # whole cents, shown by `MoneyField`
    }


@login_required
def service_edit(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = selectors.service_get_for(user=request.user, service_id=service_id)
    organisation = service.organization.organisation
    form = ServiceForm(request.POST or None, initial=_initial(service), locations=_location_choices(organisation))
    if request.method == "POST" and (response := _save_service(request, form, organisation, service)):
        return response
    return render(
        request, "socialmap/service_form.html", {"form": form, "organisation": organisation, "service": service}
    )


@login_required
@require_POST
def service_confirm(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = selectors.service_get_for(user=request.user, service_id=service_id)
    services.service_confirm(actor=_user(request), service=service)
    messages.success(request, _("Dank je. We hebben genoteerd dat alles nog klopt."))
    return redirect("socialmap:service", service_id=service.id)


def _location_page(request: HttpRequest, organisation: Any, location: Any, initial: dict[str, Any]) -> HttpResponse:
    form = LocationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.location_save(
                actor=_user(request), organisation=organisation, data=form.to_data(), location=location
            )
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            messages.success(request, _("De locatie is opgeslagen."))
            return redirect("socialmap:manage")
    return render(
        request, "socialmap/location_form.html", {"form": form, "organisation": organisation, "location": location}
    )


@login_required
def location_create(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for(user=request.user, organisation_id=organisation_id)
    return _location_page(request, organisation, None, {})


@login_required
def location_edit(request: HttpRequest, location_id: uuid.UUID) -> HttpResponse:
    location = selectors.location_get_for(user=request.user, location_id=location_id)
    address = location.addresses.first()
    initial = {
        "name": location.name,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "municipality": location.municipality_id or "",
        "address_1": address.address_1 if address else "",
        "postal_code": address.postal_code if address else "",
        "city": address.city if address else "",
    }
    return _location_page(request, location.organization.organisation, location, initial)
