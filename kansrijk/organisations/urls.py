from django.urls import path

from kansrijk.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("<uuid:organisation_id>/", views.organisation_detail, name="detail"),
]
