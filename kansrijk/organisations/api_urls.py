from rest_framework.routers import SimpleRouter

from kansrijk.organisations.api import OrganisationViewSet

router = SimpleRouter(trailing_slash=False)
router.register("organisations", OrganisationViewSet, basename="organisation")
urlpatterns = router.urls
