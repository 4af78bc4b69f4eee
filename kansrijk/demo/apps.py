from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo world (`kansrijk demo`). Top layer: it may use every app's services."""

    name = "kansrijk.demo"
    label = "demo"
    verbose_name = "Demo"
