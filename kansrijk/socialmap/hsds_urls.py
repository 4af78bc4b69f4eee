from django.urls import path

from kansrijk.socialmap import api

app_name = "hsds"
urlpatterns = [
    path("services", api.ServiceList.as_view(), name="services"),
    path("services/<uuid:service_id>", api.ServiceDetail.as_view(), name="service"),
    path("organizations", api.OrganizationList.as_view(), name="organizations"),
    path("organizations/<uuid:organization_id>", api.OrganizationDetail.as_view(), name="organization"),
    path("service_at_locations", api.ServiceAtLocationList.as_view(), name="service_at_locations"),
    path("taxonomies", api.TaxonomyList.as_view(), name="taxonomies"),
    path("taxonomy_terms", api.TaxonomyTermList.as_view(), name="taxonomy_terms"),
    path("taxonomy_terms/<uuid:term_id>", api.TaxonomyTermDetail.as_view(), name="taxonomy_term"),
]
