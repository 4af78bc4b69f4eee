from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "kansrijk.home"
    label = "home"
    verbose_name = "Mijn Kansrijk"
