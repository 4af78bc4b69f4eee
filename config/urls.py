from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from kansrijk.core import api as core_api

api_v1: list[URLPattern | URLResolver] = [
    path("", core_api.api_root, name="root"),
    path("schema/", SpectacularAPIView.as_view(urlconf="config.urls"), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include("kansrijk.organisations.api_urls")),
    path("", include("kansrijk.screener.urls")),
    path("", include("kansrijk.alliance.api_urls")),
    path("", include("kansrijk.referrals.api_urls")),
    path("", include("kansrijk.outcomes.api_urls")),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/", include((api_v1, "api"))),
    path("api/hsds/", include("kansrijk.socialmap.hsds_urls")),
]
urlpatterns += i18n_patterns(
    # Inside the language prefix, so the language of the page you came from is active
    # while Django translates your `next` URL to the chosen language.
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("kansrijk.core.urls")),
    path("", include("kansrijk.home.urls")),
    path("accounts/", include("allauth.urls")),
    path("api-sleutels/", include("kansrijk.accounts.urls")),
    path("organisaties/", include("kansrijk.organisations.urls")),
    path("sociale-kaart/", include("kansrijk.socialmap.urls")),
    path("", include("kansrijk.takeup.urls")),
    path("wat-kan-ik-krijgen/", include("kansrijk.screener.page_urls")),
    path("alliantie/", include("kansrijk.alliance.urls")),
    path("zorgen/", include("kansrijk.referrals.urls")),
    path("uitkomsten/", include("kansrijk.outcomes.urls")),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)

# Errors outside DRF views: JSON under /api/, HTML pages elsewhere (kansrijk.core.errors, ADR 0012).
handler400 = "kansrijk.core.errors.bad_request"
handler403 = "kansrijk.core.errors.permission_denied"
handler404 = "kansrijk.core.errors.page_not_found"
handler500 = "kansrijk.core.errors.server_error"
