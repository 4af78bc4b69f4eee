from django.urls import path

from kansrijk.screener import api

urlpatterns = [path("screen", api.screen_view, name="screen")]
