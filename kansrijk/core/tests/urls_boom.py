"""The project's URLs plus two views that fail, to test the 500 answers (JSON under /api/)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request

from config.urls import handler400, handler403, handler404, handler500
from config.urls import urlpatterns as project_urls

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


@api_view(["GET"])
@permission_classes([AllowAny])
def api_boom(request: Request) -> HttpResponse:
    raise RuntimeError("boom")


def page_boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


urlpatterns = [path("api/v1/test-boom", api_boom), path("test-boom/", page_boom), *project_urls]
