from django.apps import AppConfig


class TakeUpConfig(AppConfig):
    name = "kansrijk.takeup"
    label = "takeup"
    verbose_name = "Gebruik van regelingen"
