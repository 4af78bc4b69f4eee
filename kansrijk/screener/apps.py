from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreenerConfig(AppConfig):
    name = "kansrijk.screener"
    label = "screener"
    verbose_name = _("Regelingen en fondsen")
