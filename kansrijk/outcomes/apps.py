from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "kansrijk.outcomes"
    label = "outcomes"
    verbose_name = "Wat werkt"
