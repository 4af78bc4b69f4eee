from django.urls import path

from kansrijk.socialmap import views

app_name = "socialmap"
urlpatterns = [
    path("", views.service_search, name="search"),
    path("hulp/<uuid:service_id>/", views.service_detail, name="service"),
    path("beheer/", views.manage, name="manage"),
    path("beheer/<uuid:organisation_id>/hulp/nieuw/", views.service_create, name="service_create"),
    path("beheer/hulp/<uuid:service_id>/", views.service_edit, name="service_edit"),
    path("beheer/hulp/<uuid:service_id>/klopt/", views.service_confirm, name="service_confirm"),
    path("beheer/<uuid:organisation_id>/locatie/nieuw/", views.location_create, name="location_create"),
    path("beheer/locatie/<uuid:location_id>/", views.location_edit, name="location_edit"),
]
