"""The Editors group: exactly the content permissions (articles, stances), nothing on accounts
and nothing on derived data."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

GROUP_NAME = "Editors"
CONTENT_APPS = ("articles", "stances")
# Derived data, written only by the code that derives it: nobody edits it by hand.
DERIVED_MODELS = ("positionsummary",)


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
