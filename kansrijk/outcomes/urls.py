from django.urls import path

from kansrijk.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("", views.national, name="national"),
    path("jaarmonitor/", views.monitor, name="monitor"),
    path("jaarmonitor.pdf", views.monitor_pdf_download, name="monitor_pdf"),
    path("nederland.csv", views.national_csv, name="national_csv"),
    path("gemeenten/<str:code>/", views.municipality, name="municipality"),
    path("gemeenten/<str:code>/cijfers.csv", views.municipality_csv, name="municipality_csv"),
    path("partners/<uuid:organisation_id>/", views.partner, name="partner"),
    path("partners/<uuid:organisation_id>/cijfers.csv", views.partner_csv, name="partner_csv"),
]
