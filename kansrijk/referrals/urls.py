from django.urls import path

from kansrijk.referrals import referral_views, views

app_name = "referrals"
urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.concern_create, name="concern_create"),
    path("gesprek/", views.conversation_guide, name="conversation_guide"),
    path("<uuid:concern_id>/", views.concern_detail, name="concern"),
    path("<uuid:concern_id>/toestemming/", views.consent_create, name="consent_create"),
    path(
        "<uuid:concern_id>/toestemming/<uuid:consent_id>/intrekken/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("<uuid:concern_id>/verwijzen/", referral_views.referral_create, name="referral_create"),
    path("verwijzingen/", views.referral_list, name="referral_list"),
    path("verwijzingen/<uuid:referral_id>/", views.referral_detail, name="referral"),
    path("verwijzingen/<uuid:referral_id>/stap/", views.referral_step, name="referral_step"),
    path("verwijzingen/<uuid:referral_id>/drempel/", views.barrier_create, name="barrier_create"),
    path("verwijzingen/<uuid:referral_id>/terugkoppeling/", views.feedback_create, name="feedback"),
    path("gemeente/<str:code>/", views.municipality_overview, name="municipality"),
    path("gemeente/<str:code>/cijfers.csv", views.municipality_figures_csv, name="municipality_csv"),
]
