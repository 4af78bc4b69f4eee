"""The owner's own API tokens: list, create (the secret shown once), revoke."""

from __future__ import annotations

from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.accounts import selectors, services
from kansrijk.accounts.forms import ApiTokenForm
from kansrijk.accounts.models import User
from kansrijk.accounts.two_factor import session_has_two_factors
from kansrijk.core.errors import DomainError, show_domain_error


def _code_step(request: HttpRequest) -> HttpResponseRedirect | None:
    """Token pages need a session that passed the code step (a token is a way in)."""
    if session_has_two_factors(request):
        return None
    if not selectors.user_has_totp(user=request.user):  # type: ignore[arg-type]
        return redirect("mfa_activate_totp")
    return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    if (step := _code_step(request)) is not None:
        return step
    user: User = request.user  # type: ignore[assignment]
    form = ApiTokenForm(request.POST or None)
    secret = ""
    if request.method == "POST" and form.is_valid():
        try:
            api_token, secret = services.api_token_create(actor=user, user=user, name=form.cleaned_data["name"])
        except DomainError as error:
            show_domain_error(request, error, form)
        else:
            form = ApiTokenForm()
            messages.success(request, _("De sleutel '%(name)s' is gemaakt.") % {"name": api_token.name})
    context = {
        "tokens": selectors.api_token_list_for(user=user),
        "form": form,
        "secret": secret,
        "token_days": settings.API_TOKEN_DAYS,
    }
    return render(request, "accounts/token_list.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: UUID) -> HttpResponse:
    if (step := _code_step(request)) is not None:
        return step
    user: User = request.user  # type: ignore[assignment]
    api_token = selectors.api_token_get_for(user=user, token_id=token_id)
    services.api_token_revoke(actor=user, api_token=api_token)
    messages.success(request, _("De sleutel %(prefix)s… werkt niet meer.") % {"prefix": api_token.prefix})
    return redirect("accounts:tokens")
