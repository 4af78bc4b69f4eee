from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kansrijk.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Authentication events come from django.contrib.auth; these receivers are the
        # only way to hear them (ADR 0004). Domain code does not use signals.
        from django.contrib.auth import signals

        from kansrijk.accounts import auth_events, checks  # noqa: F401 — registers the system checks

        signals.user_logged_in.connect(auth_events.on_logged_in, dispatch_uid="audit_login")
        signals.user_logged_out.connect(auth_events.on_logged_out, dispatch_uid="audit_logout")
        signals.user_login_failed.connect(auth_events.on_login_failed, dispatch_uid="audit_login_failed")

        from allauth.mfa import signals as mfa_signals

        from kansrijk.accounts.two_factor import on_authenticator_added

        mfa_signals.authenticator_added.connect(on_authenticator_added, dispatch_uid="totp_setup_is_code_step")
