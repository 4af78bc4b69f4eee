from django.apps import AppConfig


class SocialmapConfig(AppConfig):
    name = "kansrijk.socialmap"
    label = "socialmap"
    verbose_name = "Sociale kaart"
    default_auto_field = "django.db.models.BigAutoField"
