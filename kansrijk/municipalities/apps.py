from django.apps import AppConfig


class MunicipalitiesConfig(AppConfig):
    name = "kansrijk.municipalities"
    label = "municipalities"
    verbose_name = "Gemeenten"
