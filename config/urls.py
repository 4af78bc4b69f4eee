from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from kansrijk.core import api as core_api

api_v1 = [
    path("", core_api.api_root, name="root"),
    path("schema/", SpectacularAPIView.as_view(urlconf="config.urls"), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include("kansrijk.organisations.api_urls")),
    path("", include("kansrijk.screener.urls")),
]

urlpatterns = [
    path("api/v1/", include((api_v1, "api"))),
    path("i18n/setlang/", set_language, name="set_language"),
]
urlpatterns += i18n_patterns(
    path("", include("kansrijk.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("organisaties/", include("kansrijk.organisations.urls")),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)

