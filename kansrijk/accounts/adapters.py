from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are provisioned by an organisation's administrator, never self-made."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """An external identity provider may log in an existing user, not create one."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        return False
