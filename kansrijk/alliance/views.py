"""Pages of the alliance. Public: the pledge, partners, "who does what where", a
municipality's coverage. For a partner's coordinator: sign, describe the commitment,
report progress. Edit routes answer 404 to anyone who may not edit."""

from __future__ import annotations

from typing import Any, TypedDict
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kansrijk.alliance import coverage, exports, selectors, services
from kansrijk.alliance.constants import COMMITMENT_FIELD_LABELS, Activity, TrafficLight
from kansrijk.alliance.forms import (
    CommitmentForm,
    IndicatorFormSet,
    PledgeSignForm,
    PledgeWithdrawForm,
    ProgressReportForm,
    indicators_from,
)
from kansrijk.core.errors import DomainError, show_domain_error
from kansrijk.core.suppression import aggregate_view
from kansrijk.municipalities.selectors import municipality_list
from kansrijk.organisations.constants import Kind

MUNICIPALITY_CODE_LENGTH = 6  # GM1640


def _choice(value: str, allowed: list[str]) -> str:
    return value if value in allowed else ""


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    my_organisations = [
        {
            "organisation": organisation,
            "signature": selectors.signature_active_for(organisation=organisation),
            "rows": selectors.commitment_list_for_organisation(organisation=organisation),
        }
        for organisation in selectors.organisation_list_manageable_for(user=request.user)
    ]
    context = {
        "pledge": selectors.pledge_version_current(),
        "partner_count": selectors.partner_list().count(),
        "activities": Activity.choices,
        "my_organisations": my_organisations,
    }
    return render(request, "alliance/index.html", context)


@require_GET
def pledge(request: HttpRequest) -> HttpResponse:
    return render(request, "alliance/pledge.html", {"pledge": selectors.pledge_version_current()})


@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    kind = _choice(request.GET.get("soort", ""), Kind.values)
    municipality = request.GET.get("gemeente", "")[:6]
    context = {
        "signatures": selectors.partner_list(kind=kind, municipality=municipality),
        "kinds": Kind.choices,
        "kind": kind,
        "municipality": municipality,
        "municipalities": municipality_list().only("code", "name"),
    }
    return render(request, "alliance/partner_list.html", context)


@login_required
def pledge_sign(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_manage(user=request.user, organisation_id=organisation_id)
    version = selectors.pledge_version_current()
    if version is None:
        raise Http404("No pledge published.")
    initial = {"pledge_version": version.number, "signed_on": timezone.localdate()}
    form = PledgeSignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.pledge_sign(
                actor=request.user,
                organisation=organisation,
                pledge_version=selectors.pledge_version_get(number=data["pledge_version"]),
                signatory_name=data["signatory_name"],
                signatory_role=data["signatory_role"],
                signed_on=data["signed_on"],
            )
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            messages.success(request, _("De pledge is ondertekend namens %(name)s.") % {"name": organisation.name})
            return redirect("alliance:index")
    context = {
        "form": form,
        "organisation": organisation,
        "pledge": version,
        "signature": selectors.signature_active_for(organisation=organisation),
    }
    return render(request, "alliance/pledge_sign.html", context)


@login_required
def pledge_withdraw(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_manage(user=request.user, organisation_id=organisation_id)
    signature = selectors.signature_active_for(organisation=organisation)
    form = PledgeWithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_withdraw(actor=request.user, organisation=organisation, note=form.cleaned_data["note"])
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            messages.success(request, _("De pledge is ingetrokken voor %(name)s.") % {"name": organisation.name})
            return redirect("alliance:index")
    context = {"form": form, "organisation": organisation, "signature": signature}
    return render(request, "alliance/pledge_withdraw.html", context)


def _commitment_form(
    request: HttpRequest, initial: dict[str, Any], indicators: list[dict[str, Any]]
) -> tuple[CommitmentForm, Any]:
    data = request.POST if request.method == "POST" else None
    return CommitmentForm(data, initial=initial), IndicatorFormSet(data, initial=indicators, prefix="indicator")


@login_required
def commitment_create(request: HttpRequest, organisation_id: UUID) -> HttpResponse:
    organisation = selectors.organisation_get_for_manage(user=request.user, organisation_id=organisation_id)
    if selectors.signature_active_for(organisation=organisation) is None:
        messages.info(request, _("Onderteken eerst de pledge. Daarna kun je je inzet beschrijven."))
        return redirect("alliance:pledge_sign", organisation_id=organisation.pk)
    initial = {
        "municipalities": [m.code for m in organisation.municipalities.all()],
        "is_national": not organisation.municipalities.exists(),
    }
    form, formset = _commitment_form(request, initial, [])
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            commitment = services.commitment_create(
                actor=request.user, organisation=organisation, details=form.to_input(indicators_from(formset))
            )
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            messages.success(request, _("Je inzet is opgeslagen."))
            return redirect("alliance:commitment_detail", commitment_id=commitment.pk)
    context = {"form": form, "formset": formset, "organisation": organisation}
    return render(request, "alliance/commitment_form.html", context)


@login_required
def commitment_update(request: HttpRequest, commitment_id: UUID) -> HttpResponse:
    commitment = selectors.commitment_get_for_manage(user=request.user, commitment_id=commitment_id)
    indicators = [{"name": i.name, "target": i.target, "unit": i.unit} for i in commitment.indicators.all()]
    form, formset = _commitment_form(request, CommitmentForm.initial_for(commitment), indicators)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.commitment_update(
                actor=request.user, commitment=commitment, details=form.to_input(indicators_from(formset))
            )
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("alliance:commitment_detail", commitment_id=commitment.pk)
    context = {"form": form, "formset": formset, "organisation": commitment.organisation, "commitment": commitment}
    return render(request, "alliance/commitment_form.html", context)


@require_GET
@aggregate_view  # realised reach: exact for the partner itself, suppressed for everyone else
def commitment_detail(request: HttpRequest, commitment_id: UUID) -> HttpResponse:
    commitment = selectors.commitment_get(user=request.user, commitment_id=commitment_id)
    context = {
        "commitment": commitment,
        "status": selectors.commitment_status(commitment=commitment),
        "reports": selectors.report_list_for(commitment=commitment),
        "history": [
            (version, [str(COMMITMENT_FIELD_LABELS.get(name, name)) for name in version.changes])
            for version in selectors.commitment_history_for(user=request.user, commitment=commitment)
        ],
        "can_manage": selectors.user_can_manage(user=request.user, organisation=commitment.organisation),
    }
    return render(request, "alliance/commitment_detail.html", context)


@login_required
def progress_create(request: HttpRequest, commitment_id: UUID) -> HttpResponse:
    commitment = selectors.commitment_get_for_manage(user=request.user, commitment_id=commitment_id)
    form = ProgressReportForm(request.POST or None, commitment=commitment)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.progress_report_create(
                actor=request.user,
                commitment=commitment,
                year=data["year"],
                what_was_done=data["what_was_done"],
                realised_reach=data["realised_reach"],
                indicator_values=form.indicator_values(),
                obstacles=data["obstacles"],
                structural_barriers=data["structural_barriers"],
            )
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            messages.success(request, _("Je voortgangsverslag is opgeslagen. Dank je wel!"))
            return redirect("alliance:commitment_detail", commitment_id=commitment.pk)
    context = {"form": form, "commitment": commitment}
    return render(request, "alliance/progress_form.html", context)


class OverviewFilters(TypedDict):
    municipality: str
    activity: str
    kind: str
    light: str


def _overview_filters(request: HttpRequest) -> OverviewFilters:
    return {
        "municipality": request.GET.get("gemeente", "")[:6],
        "activity": _choice(request.GET.get("activiteit", ""), Activity.values),
        "kind": _choice(request.GET.get("soort", ""), Kind.values),
        "light": _choice(request.GET.get("status", ""), TrafficLight.values),
    }


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    filters = _overview_filters(request)
    context = {
        "rows": selectors.commitment_list(**filters),
        "filters": filters,
        "activities": Activity.choices,
        "kinds": Kind.choices,
        "lights": TrafficLight.choices,
        "municipalities": municipality_list().only("code", "name"),
        "query": request.GET.urlencode(),
    }
    return render(request, "alliance/overview.html", context)


@require_GET
def municipality_detail(request: HttpRequest, code: str) -> HttpResponse:
    result = coverage.municipality_coverage(code=code)
    context = {
        "coverage": result,
        "rows": selectors.commitment_list(municipality=result.municipality.code, include_national=False),
    }
    return render(request, "alliance/municipality_detail.html", context)


@require_GET
def municipality_joining(request: HttpRequest, code: str) -> HttpResponse:
    """The coverage view for a council memo, leading to signing the pledge for the user's municipality."""
    result = coverage.municipality_coverage(code=code)
    context = {
        "coverage": result,
        "joining": selectors.joining_for(user=request.user, municipality_code=result.municipality.code),
    }
    return render(request, "alliance/municipality_joining.html", context)


@require_GET
def coverage_start(request: HttpRequest) -> HttpResponse:
    """Where the menu's "coverage" item lands: the user's own municipality, or a choice of municipality."""
    asked = request.GET.get("gemeente", "")
    chosen = asked or selectors.home_municipality_code_for(user=request.user)
    municipalities = municipality_list().only("code", "name")
    if chosen and len(chosen) <= MUNICIPALITY_CODE_LENGTH and municipalities.filter(code=chosen).exists():
        return redirect("alliance:municipality_joining", code=chosen)
    context = {"municipalities": municipalities, "unknown": bool(asked)}
    return render(request, "alliance/coverage_start.html", context, status=400 if context["unknown"] else 200)


def _table(dataset: str, request: HttpRequest) -> exports.Table:
    if dataset == "partners":
        return exports.partner_table(selectors.partner_list())
    return exports.commitment_table(selectors.commitment_list(**_overview_filters(request)))


@require_GET
def export(request: HttpRequest, dataset: str, fmt: str) -> HttpResponse:
    if dataset not in ("partners", "inzet") or fmt not in ("csv", "xlsx"):
        raise Http404("Unknown export.")
    table = _table(dataset, request)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.to_xlsx(table), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="alliantie-{dataset}-{stamp}.{fmt}"'
    return response
