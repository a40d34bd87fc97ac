from django.apps import AppConfig


class StancesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stances"
    verbose_name = "Evidence"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import page_cache, security, signals, summaries  # noqa: F401  (their receivers)

        post_migrate.connect(summaries.build_if_missing, sender=self)
        post_migrate.connect(page_cache.after_migrate, sender=self)
