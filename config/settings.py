"""Kansrijk settings: one module, read from environment variables only.

Defaults are safe for production (DEBUG off, secure cookies, HSTS); `make run` and the
test suite set the few variables a developer machine needs. See the configuration table
in README.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = BASE_DIR / "kansrijk"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off (see README, Configuration).")
    SECRET_KEY = "insecure-development-key-only-for-debug-never-in-production-0123456789"  # noqa: S105 — only with DEBUG on
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")

INSTALLED_APPS = [
    # The admin, with a site that only lets in staff whose session passed TOTP (ADR 0009).
    "kansrijk.accounts.admin_apps.TwoFactorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Kansrijk, lower layers first (see STYLE.md).
    "kansrijk.core",
    "kansrijk.audit",
    "kansrijk.accounts",
    "kansrijk.municipalities",
    "kansrijk.organisations",
    "kansrijk.socialmap",
    "kansrijk.screener",
    "kansrijk.facts",
    "kansrijk.referrals",
    "kansrijk.alliance",
    "kansrijk.outcomes",
    "kansrijk.takeup",
    "kansrijk.policy",
    "kansrijk.home",
    "kansrijk.demo",
    "kansrijk.backups",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kansrijk.core.middleware.NoStoreMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kansrijk.audit.middleware.AuditContextMiddleware",
    "kansrijk.organisations.middleware.RequireTwoFactorMiddleware",
    "kansrijk.core.query_guard.QueryGuardMiddleware",  # NUL in a query parameter: 400 (ADR 0013)
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kansrijk.core.context_processors.site",
                "kansrijk.home.context_processors.menu",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'kansrijk.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES: dict[str, dict[str, object]]
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # Shared by every worker process (login lockout, rate limits) without Redis; the
    # table is made by a migration of `accounts`, so every `migrate` creates it (ADR 0009).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kansrijk_cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

AUTH_USER_MODEL = "accounts.User"
# One backend: allauth's (a ModelBackend underneath), so one login attempt is one
# password check. Every login goes through allauth's login view and its lockout.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
# NCSC / NIST SP 800-63B: length over complexity, refuse known common passwords.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Form widgets render through the project's templates, so `templates/django/forms/widgets/`
# can give every select the NL Design System classes.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
LOGIN_REDIRECT_URL = "home:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

# django-allauth: e-mail login, no self sign-up, TOTP + recovery codes.
ACCOUNT_ADAPTER = "kansrijk.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "kansrijk.accounts.adapters.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
ACCOUNT_RATE_LIMITS = {
    # Five failed attempts for one e-mail address lock it for a period; the same
    # message appears whether or not the address exists.
    "login_failed": f"{LOGIN_FAILURE_LIMIT}/{LOGIN_LOCKOUT_MINUTES}m/key,50/{LOGIN_LOCKOUT_MINUTES}m/ip",
}
MFA_ADAPTER = "kansrijk.accounts.adapters.MFAAdapter"
# TOTP secrets are encrypted with MFA_ENCRYPTION_KEYS (comma-separated: the first
# encrypts, all decrypt, for rotation) or MFA_ENCRYPTION_KEY; without either, a key is
# derived from SECRET_KEY (development only: a system check refuses it in production).
MFA_ENCRYPTION_KEY = os.environ.get("MFA_ENCRYPTION_KEY", "")
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEYS")
# The addresses families leave for the take-up follow-up (kansrijk.takeup, ADR 0031) are
# encrypted with TAKEUP_ENCRYPTION_KEYS (comma-separated: the first encrypts, all decrypt);
# without it a key is derived from SECRET_KEY (development only: a deploy check warns).
TAKEUP_ENCRYPTION_KEYS = env_list("TAKEUP_ENCRYPTION_KEYS")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kansrijk"
MFA_RECOVERY_CODE_COUNT = 10
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_PROVIDERS: dict[str, object] = {}
if os.environ.get("OIDC_SERVER_URL"):
    # The seam for DigiD/eHerkenning brokers or an organisation's identity provider.
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": os.environ.get("OIDC_PROVIDER_ID", "oidc"),
                "name": os.environ.get("OIDC_NAME", "Organisatie-login"),
                "client_id": os.environ.get("OIDC_CLIENT_ID", ""),
                "secret": os.environ.get("OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": os.environ["OIDC_SERVER_URL"]},
            }
        ]
    }

# Sessions: idle timeout, cookie only over HTTPS outside DEBUG.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_TIMEOUT_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_BACKEND",
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kansrijk <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Largest JSON body the API accepts (bytes); larger answers 413 (kansrijk.core.parsers, ADR 0012).
API_MAX_BODY_BYTES = int(os.environ.get("API_MAX_BODY_BYTES", "1000000"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kansrijk.accounts.authentication.BearerTokenAuthentication",
        "kansrijk.accounts.authentication.TwoFactorSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "kansrijk.core.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "kansrijk.core.api.exception_handler",
    # Size (413), UTF-8, depth and NaN/Infinity limits on JSON bodies (ADR 0012).
    "DEFAULT_PARSER_CLASSES": [
        "kansrijk.core.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kansrijk API",
    "DESCRIPTION": "API van Kansrijk, het platform tegen kinderarmoede. "
    "Authenticate with `Authorization: Bearer <token>` (create one with "
    "`kansrijk token create --email E`).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
}

# Kansrijk's own settings.
DEMO_MODE = env_bool("DEMO_MODE", False)
# Personal data of a closed concern is erased this many days after it closed (the
# anonymous statistics stay); `kansrijk referrals-retention` does it.
REFERRALS_RETENTION_DAYS = int(os.environ.get("REFERRALS_RETENTION_DAYS", "365"))
# Consent ends this many days after it was given, unless the professional records another end
# date; `kansrijk consent-expiry` withdraws the open referrals under expired consent.
CONSENT_DEFAULT_DAYS = int(os.environ.get("CONSENT_DEFAULT_DAYS", "365"))
# The privacy statement (/privacy/): who is responsible for the data (controller) and how
# people reach them. Set both in production.
PRIVACY_CONTROLLER = os.environ.get("PRIVACY_CONTROLLER", "Alliantie Kinderarmoede")
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")
# The erasure log (ADR 0011): ids of erased records, in a file outside the database, so
# `kansrijk restore` can erase again what an older backup brings back. Default: beside the
# SQLite database, or in the project folder for PostgreSQL; in production put it on its own
# persistent volume.
_database_file = Path(str(DATABASES["default"]["NAME"]))
ERASURE_LOG_PATH = Path(
    os.environ.get(
        "ERASURE_LOG_PATH",
        _database_file.with_name(_database_file.stem + ".erasures.jsonl")
        if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
        else BASE_DIR / "kansrijk.erasures.jsonl",
    )
)
# API tokens stop working this many days after they are made.
API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "90"))
# The audit trail (ADR 0010): rows about erased objects lose their personal fields after
# AUDIT_PERSONAL_RETENTION_DAYS; every row is purged after AUDIT_RETENTION_DAYS
# (`kansrijk audit-retention`). On PostgreSQL the periods are built into the maintenance
# functions: after changing them, run `kansrijk audit-protect --apply` as a superuser.
AUDIT_PERSONAL_RETENTION_DAYS = int(os.environ.get("AUDIT_PERSONAL_RETENTION_DAYS", "365"))
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "1095"))
# PostgreSQL roles the app connects as; the audit protection grants them exactly what they need.
AUDIT_APP_ROLES = env_list("AUDIT_APP_ROLES", "")
# Key for the keyed hash of an e-mail address typed at a failed login; default derived from SECRET_KEY.
AUDIT_LOGIN_KEY = os.environ.get("AUDIT_LOGIN_KEY", "")
# Proxies (addresses or CIDR ranges) whose X-Forwarded-For header may be believed; empty: none.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
