from django.urls import path

from kansrijk.alliance import api

urlpatterns = [
    path("partners", api.PartnerList.as_view(), name="partner-list"),
    path("commitments", api.CommitmentList.as_view(), name="commitment-list"),
    path("commitments/<uuid:commitment_id>/progress", api.ProgressReportCreate.as_view(), name="commitment-progress"),
    path("municipalities/<str:code>/coverage", api.MunicipalityCoverage.as_view(), name="municipality-coverage"),
]
