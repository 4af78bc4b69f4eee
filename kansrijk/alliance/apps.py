from django.apps import AppConfig


class AllianceConfig(AppConfig):
    name = "kansrijk.alliance"
    label = "alliance"
    verbose_name = "Alliantie"
