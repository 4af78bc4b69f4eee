from django.urls import path

from kansrijk.screener import editor_views, views

app_name = "screener"
urlpatterns = [
    path("", views.family_check, name="check"),
    path("professional/", views.professional_check, name="check_professional"),
    path("pdf/", views.family_check_pdf, name="check_pdf"),
    path("over-de-demo/", views.demo_note, name="demo_note"),
    path("regelingen/", editor_views.scheme_list, name="scheme_list"),
    path("regelingen/<uuid:scheme_id>/", editor_views.scheme_detail, name="scheme"),
    path("regelingen/<uuid:scheme_id>/wijzigen/", editor_views.scheme_edit, name="scheme_edit"),
]
