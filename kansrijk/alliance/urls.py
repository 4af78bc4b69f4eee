from django.urls import path

from kansrijk.alliance import views

app_name = "alliance"
urlpatterns = [
    path("", views.index, name="index"),
    path("pledge/", views.pledge, name="pledge"),
    path("partners/", views.partner_list, name="partners"),
    path("wie-doet-wat/", views.overview, name="overview"),
    path("gemeenten/", views.coverage_start, name="coverage"),
    path("gemeenten/<str:code>/", views.municipality_detail, name="municipality"),
    path("gemeenten/<str:code>/aansluiten/", views.municipality_joining, name="municipality_joining"),
    path("organisaties/<uuid:organisation_id>/pledge/ondertekenen/", views.pledge_sign, name="pledge_sign"),
    path("organisaties/<uuid:organisation_id>/pledge/intrekken/", views.pledge_withdraw, name="pledge_withdraw"),
    path("organisaties/<uuid:organisation_id>/inzet/nieuw/", views.commitment_create, name="commitment_create"),
    path("inzet/<uuid:commitment_id>/", views.commitment_detail, name="commitment_detail"),
    path("inzet/<uuid:commitment_id>/bewerken/", views.commitment_update, name="commitment_update"),
    path("inzet/<uuid:commitment_id>/voortgang/nieuw/", views.progress_create, name="progress_create"),
    path("export/<slug:dataset>.<slug:fmt>", views.export, name="export"),
]
