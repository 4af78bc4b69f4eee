from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """`kansrijk backup` / `kansrijk restore`. Top layer: the replay calls the apps' erasure functions."""

    name = "kansrijk.backups"
    label = "backups"
    verbose_name = "Backups"
