"""The scheme editor: a municipality's or fund's coordinator keeps its own schemes up to date.

Only the owner's coordinators and administrators (and platform staff) see a scheme; for anyone
else every editor URL is a 404, for GET and POST alike.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kansrijk.audit.selectors import audit_event_list_for_object
from kansrijk.core.errors import DomainError
from kansrijk.screener.changelog import change_log
from kansrijk.screener.editor_forms import EURO_FIELDS, SchemeVersionForm, initial_from
from kansrijk.screener.models import Scheme, SchemeVersion
from kansrijk.screener.preview import preview
from kansrijk.screener.selectors import (
    effective_end,
    latest_version,
    municipality_name,
    scheme_get_for,
    scheme_list_for,
    scheme_title,
    version_in_force,
    version_list,
    version_to_rule,
)
from kansrijk.screener.services import VersionData, scheme_version_create

PREVIEW_MUNICIPALITY = "GM1640"


@login_required
def scheme_list(request: HttpRequest) -> HttpResponse:
    schemes = scheme_list_for(user=request.user)  # type: ignore[arg-type]
    return render(request, "screener/scheme_list.html", {"schemes": schemes})


@login_required
@require_http_methods(["GET"])
def scheme_detail(request: HttpRequest, scheme_id: uuid.UUID) -> HttpResponse:
    scheme = scheme_get_for(user=request.user, scheme_id=scheme_id)  # type: ignore[arg-type]
    versions = version_list(scheme=scheme)
    rows = [(v, effective_end(v, versions[i + 1] if i + 1 < len(versions) else None)) for i, v in enumerate(versions)]
    events = audit_event_list_for_object(object_type="screener.scheme", object_id=str(scheme.pk))
    context = {
        "scheme": scheme,
        "versions": list(reversed(rows)),
        "current": version_in_force(scheme=scheme, on=timezone.localdate()),
        "log": change_log(list(events.select_related("actor")), versions),
    }
    return render(request, "screener/scheme_detail.html", context)


def _municipality(scheme: Scheme) -> str:
    if scheme.municipality_id:
        return str(scheme.municipality_id)
    first = scheme.owner.municipalities.values_list("code", flat=True).first()
    return str(first or PREVIEW_MUNICIPALITY)


def _preview(scheme: Scheme, data: VersionData) -> dict[str, Any]:
    new = version_to_rule(SchemeVersion(scheme=scheme, **_model_values(data)), data.end_date)
    current = version_in_force(scheme=scheme, on=data.start_date) or latest_version(scheme=scheme)
    old = version_to_rule(current, None) if current is not None else None
    code = _municipality(scheme)
    return {**preview(old, new, code, data.start_date), "municipality_name": municipality_name(code)}


def _model_values(data: VersionData) -> dict[str, Any]:
    values = {k: getattr(data, k) for k in VersionData.__dataclass_fields__}
    values.update(needs=list(data.needs), schools=list(data.schools), amount_bands=list(data.amount_bands))
    return values


@login_required
@require_http_methods(["GET", "POST"])
def scheme_edit(request: HttpRequest, scheme_id: uuid.UUID) -> HttpResponse:
    """Edit as a new version: preview first (old vs new), then save. Nothing is stored until saved."""
    scheme = scheme_get_for(user=request.user, scheme_id=scheme_id)  # type: ignore[arg-type]
    latest = latest_version(scheme=scheme)
    title = scheme_title(scheme=scheme)
    if request.method != "POST":
        initial = initial_from(VersionData.from_version(latest)) if latest is not None else {}
        form = SchemeVersionForm(initial=initial, scheme=scheme)
        return render(request, "screener/scheme_form.html", {"scheme": scheme, "form": form, "title": title})
    form = SchemeVersionForm(request.POST, scheme=scheme)
    context: dict[str, Any] = {"scheme": scheme, "form": form, "title": title}
    if not form.is_valid() or form.data_object is None:
        return render(request, "screener/scheme_form.html", context, status=400)
    if request.POST.get("actie") != "opslaan":
        context["preview"] = _preview(scheme, form.data_object)
        return render(request, "screener/scheme_form.html", context)
    try:
        scheme_version_create(actor=request.user, scheme=scheme, data=form.data_object)  # type: ignore[arg-type]
    except DomainError as error:
        for field, problems in error.problems.items():
            name = EURO_FIELDS.get(field, field)
            for problem in problems:
                form.add_error(name if name in form.fields else None, problem)
        return render(request, "screener/scheme_form.html", context, status=400)
    messages.success(request, _("De wijziging is opgeslagen. Ze geldt vanaf de begindatum."))
    return redirect("screener:scheme", scheme_id=scheme.pk)
