from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente")
    FUND = "fund", _("Fonds")
    SCHOOL = "school", _("School of schoolbestuur")
    YOUTH_HEALTH_CARE = "youth_health_care", _("Jeugdgezondheidszorg")
    WELFARE = "welfare", _("Welzijnsorganisatie")
    YOUTH_CARE = "youth_care", _("Jeugdhulp")
    YOUTH_WORK = "youth_work", _("Jongerenwerk")
    SPORTS_CULTURE = "sports_culture", _("Sport- of cultuurvereniging")
    COMPANY = "company", _("Bedrijf")
    NATIONAL_BODY = "national_body", _("Landelijke organisatie")
    OTHER = "other", _("Anders")


class Role(models.TextChoices):
    MEMBER = "member", _("Medewerker")
    COORDINATOR = "coordinator", _("Coördinator")
    ADMINISTRATOR = "administrator", _("Beheerder")


# Every role can see personal data of its own organisation (a member raises and reads
# concerns), so every role logs in with two factors. Kept as a table so a future
# aggregate-only role can be added with `False`.
ROLE_REQUIRES_TWO_FACTOR: dict[str, bool] = {
    Role.MEMBER: True,
    Role.COORDINATOR: True,
    Role.ADMINISTRATOR: True,
}
