from django.urls import path

from kansrijk.referrals import api

urlpatterns = [
    path("concerns/signals", api.signal_list, name="concern-signals"),
    path("concerns", api.concern_list, name="concern-list"),
    path("concerns/<uuid:concern_id>", api.concern_detail, name="concern-detail"),
    path("concerns/<uuid:concern_id>/consents", api.consent_create, name="concern-consents"),
    path(
        "concerns/<uuid:concern_id>/consents/<uuid:consent_id>/withdraw",
        api.consent_withdraw,
        name="concern-consent-withdraw",
    ),
    path("referrals/decline-reasons", api.decline_reason_list, name="referral-decline-reasons"),
    path("municipalities/<str:code>/figures", api.municipality_figures, name="municipality-figures"),
    path("referrals", api.referral_list, name="referral-list"),
    path("referrals/<uuid:referral_id>", api.referral_detail, name="referral-detail"),
    path("referrals/<uuid:referral_id>/transitions", api.referral_transition, name="referral-transitions"),
]
