from django.apps import AppConfig


class ScreenerConfig(AppConfig):
    name = "kansrijk.screener"
    label = "screener"
    verbose_name = "Screener"
