from django.urls import path

from kansrijk.socialmap import api

app_name = "hsds"
# Ids are any string in the HSDS description: one that is not a UUID is a JSON 404 from the view.
urlpatterns = [
    path("", api.HsdsRoot.as_view(), name="root"),
    path("services", api.ServiceList.as_view(), name="services"),
    path("services/<str:service_id>", api.ServiceDetail.as_view(), name="service"),
    path("organizations", api.OrganizationList.as_view(), name="organizations"),
    path("organizations/<str:organization_id>", api.OrganizationDetail.as_view(), name="organization"),
    path("service_at_locations", api.ServiceAtLocationList.as_view(), name="service_at_locations"),
    path(
        "service_at_locations/<str:service_at_location_id>",
        api.ServiceAtLocationDetail.as_view(),
        name="service_at_location",
    ),
    path("taxonomies", api.TaxonomyList.as_view(), name="taxonomies"),
    path("taxonomies/<str:taxonomy_id>", api.TaxonomyDetail.as_view(), name="taxonomy"),
    path("taxonomy_terms", api.TaxonomyTermList.as_view(), name="taxonomy_terms"),
    path("taxonomy_terms/<str:term_id>", api.TaxonomyTermDetail.as_view(), name="taxonomy_term"),
]
