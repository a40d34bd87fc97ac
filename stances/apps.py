from django.apps import AppConfig


class StancesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stances"
    verbose_name = "Evidence"

    def ready(self):
        from . import security, signals  # noqa: F401  (connect their receivers)
