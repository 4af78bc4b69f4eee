from django.apps import AppConfig


class TakeUpConfig(AppConfig):
    name = "kansrijk.takeup"
    label = "takeup"
    verbose_name = "Gebruik van regelingen"

    def ready(self) -> None:
        from kansrijk.takeup import checks  # noqa: F401 — registers the system check
