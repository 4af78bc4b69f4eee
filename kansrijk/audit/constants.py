from django.db import models


class Result(models.TextChoices):
    SUCCESS = "success", "success"
    FAILURE = "failure", "failure"
    DENIED = "denied", "denied"
