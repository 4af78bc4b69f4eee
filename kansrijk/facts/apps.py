from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "kansrijk.facts"
    label = "facts"
    verbose_name = "Anonieme feiten"
