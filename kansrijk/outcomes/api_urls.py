from django.urls import path

from kansrijk.outcomes import api

urlpatterns = [
    path("outcomes/reach", api.reach, name="outcomes-reach"),
    path("outcomes/time-to-help", api.time_to_help, name="outcomes-time-to-help"),
    path("outcomes/declines", api.declines, name="outcomes-declines"),
    path("outcomes/feedback", api.feedback, name="outcomes-feedback"),
    path("outcomes/export.csv", api.year_export, name="outcomes-export"),
]
