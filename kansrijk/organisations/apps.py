from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "kansrijk.organisations"
    label = "organisations"
    verbose_name = "Organisaties"
