from django.urls import path

from kansrijk.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("<uuid:organisation_id>/", views.organisation_detail, name="detail"),
    path("<uuid:organisation_id>/toegang/", views.access_review, name="access_review"),
    path("<uuid:organisation_id>/toegang/<uuid:membership_id>/", views.access_end, name="access_end"),
]
