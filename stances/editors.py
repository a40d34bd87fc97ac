"""The Editors group: exactly the content permissions (articles, stances), nothing on accounts
and nothing on derived data or task records."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

GROUP_NAME = "Editors"
CONTENT_APPS = ("articles", "stances")
# Written only by code, never by hand: derived data (stored positions) and the records of
# background tasks (seen on the pages that start them; starting a rebuild is its own permission).
DERIVED_MODELS = ("positionsummary", "taskrun")


def sync_editors_group(apps=global_apps):
    """Creates or updates the group; migrations pass their historical `apps`."""
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        had_models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = had_models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=GROUP_NAME)
    editors.permissions.set(
        Permission.objects.filter(content_type__app_label__in=CONTENT_APPS).exclude(
            content_type__model__in=DERIVED_MODELS
        )
    )
    return editors
