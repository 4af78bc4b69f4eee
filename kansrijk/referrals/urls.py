from django.urls import path

from kansrijk.referrals import access_log_views, referral_views, views

app_name = "referrals"
urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.concern_create, name="concern_create"),
    path("gesprek/", views.conversation_guide, name="conversation_guide"),
    path("<uuid:concern_id>/", views.concern_detail, name="concern"),
    path("<uuid:concern_id>/toestemming/", views.consent_create, name="consent_create"),
    path("<uuid:concern_id>/afsluiten/", views.concern_close, name="concern_close"),
    path("<uuid:concern_id>/heropenen/", views.concern_reopen, name="concern_reopen"),
    path(
        "<uuid:concern_id>/toestemming/<uuid:consent_id>/intrekken/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("<uuid:concern_id>/wie-heeft-gekeken/", access_log_views.access_log, name="access_log"),
    path("<uuid:concern_id>/wie-heeft-gekeken.pdf", access_log_views.access_log_pdf, name="access_log_pdf"),
    path("<uuid:concern_id>/verwijzen/", referral_views.referral_create, name="referral_create"),
    path("verwijzingen/", views.referral_list, name="referral_list"),
    path("verwijzingen/zonder-gebruikers/", referral_views.waiting_without_users, name="waiting_without_users"),
    path("verwijzingen/<uuid:referral_id>/", views.referral_detail, name="referral"),
    path("verwijzingen/<uuid:referral_id>/stap/", views.referral_step, name="referral_step"),
    path("verwijzingen/<uuid:referral_id>/drempel/", views.barrier_create, name="barrier_create"),
    path("verwijzingen/<uuid:referral_id>/terugkoppeling/", views.feedback_create, name="feedback"),
    path("gemeente/<str:code>/", views.municipality_overview, name="municipality"),
    path("gemeente/<str:code>/cijfers.csv", views.municipality_figures_csv, name="municipality_csv"),
]
