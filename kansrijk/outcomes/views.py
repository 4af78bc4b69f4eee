"""The outcomes pages (ADR 0030): the alliance's national view and a municipality's public
dashboard (every count suppressed), and a partner's own dashboard (exact, members only).
Each page has a CSV of its charts; `?grafiek=<key>` gives one chart."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kansrijk.core.charts.export import csv_response
from kansrijk.core.suppression import aggregate_view
from kansrijk.municipalities.models import Municipality
from kansrijk.municipalities.selectors import national_map
from kansrijk.outcomes import pages, selectors
from kansrijk.outcomes.measures import Filters
from kansrijk.outcomes.monitor import monitor_pdf, yearly_monitor

FIRST_YEAR = 2019  # the alliance was founded in 2019


def _year(request: HttpRequest) -> tuple[int, str]:
    """The year asked for (`?jaar=`), or this year with a message naming the field."""
    this_year = timezone.localdate().year
    raw = request.GET.get("jaar", "")
    if not raw:
        return this_year, ""
    if raw.isdigit() and FIRST_YEAR <= int(raw) <= this_year:
        return int(raw), ""
    message = _("Jaar: kies een jaar van %(first)s tot en met %(last)s. We tonen nu %(last)s.") % {
        "first": FIRST_YEAR,
        "last": this_year,
    }
    return this_year, message


def _years() -> list[int]:
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


@require_safe
@aggregate_view
def national(request: HttpRequest) -> HttpResponse:
    year, error = _year(request)
    view = pages.national(year, csv_url=reverse("outcomes:national_csv"))
    context = {"view": view, "shapes": national_map(), "year": year, "years": _years(), "year_error": error}
    return render(request, "outcomes/national.html", context)


@require_safe
@aggregate_view
def national_csv(request: HttpRequest) -> HttpResponse:
    year, _error = _year(request)
    view = pages.national(year, csv_url="")
    charts = [view.map, view.provinces]
    return csv_response(charts, filename=f"uitkomsten-nederland-{year}", key=request.GET.get("grafiek"))


def _municipality(code: str) -> Municipality:
    municipality = Municipality.objects.filter(code=code.upper()).first()
    if municipality is None:
        raise Http404
    return municipality


def _municipality_charts(municipality: Municipality, year: int) -> list[Any]:
    url = reverse("outcomes:municipality_csv", args=[municipality.code])
    return pages.dashboard_charts(Filters.for_year(year, municipality_code=municipality.code), public=True, csv_url=url)


@require_safe
@aggregate_view
def municipality(request: HttpRequest, code: str) -> HttpResponse:
    place = _municipality(code)
    year, error = _year(request)
    context = {
        "municipality": place,
        "charts": _municipality_charts(place, year),
        "year": year,
        "years": _years(),
        "year_error": error,
    }
    return render(request, "outcomes/municipality.html", context)


@require_safe
@aggregate_view
def municipality_csv(request: HttpRequest, code: str) -> HttpResponse:
    place = _municipality(code)
    year, _error = _year(request)
    charts = _municipality_charts(place, year)
    return csv_response(charts, filename=f"uitkomsten-{place.code}-{year}", key=request.GET.get("grafiek"))


def _partner(request: HttpRequest, organisation_id: uuid.UUID) -> tuple[Any, int, str, list[Any]]:
    year, error = _year(request)
    organisation = selectors.own_organisation_for(user=request.user, organisation_id=organisation_id)
    url = reverse("outcomes:partner_csv", args=[organisation.pk])
    charts = pages.partner_charts(receiver_id=organisation.pk, year=year, csv_url=url)
    return organisation, year, error, charts


@login_required
@require_safe
def partner(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation, year, error, charts = _partner(request, organisation_id)
    context = {"organisation": organisation, "charts": charts, "year": year, "years": _years(), "year_error": error}
    return render(request, "outcomes/partner.html", context)


@login_required
@require_safe
def partner_csv(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    _organisation, year, _error, charts = _partner(request, organisation_id)
    return csv_response(charts, filename=f"uitkomsten-eigen-{year}", key=request.GET.get("grafiek"))


@require_safe
@aggregate_view
def monitor(request: HttpRequest) -> HttpResponse:
    year, error = _year(request)
    view = yearly_monitor(year, csv_url=reverse("outcomes:national_csv"))
    context = {"monitor": view, "year": year, "years": _years(), "year_error": error}
    return render(request, "outcomes/monitor.html", context)


@require_safe
@aggregate_view
def monitor_pdf_download(request: HttpRequest) -> HttpResponse:
    year, _error = _year(request)
    response = HttpResponse(monitor_pdf(yearly_monitor(year)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="jaarmonitor-{year}.pdf"'
    return response
