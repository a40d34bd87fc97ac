"""The Editors group holds exactly the content permissions: everything on articles and stances,
nothing on users and groups, nothing on derived data (stored positions)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from stances.editors import DERIVED_MODELS

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("articles", "stances")


def content_permission_codenames() -> set[str]:
    """app_label.action_model for every action on every model of the content apps."""
    return {
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if model._meta.model_name not in DERIVED_MODELS
        for action in ("add", "change", "delete", "view")
    }


def group_codenames(group: Group) -> set[str]:
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_the_editors_group_holds_every_content_permission_and_nothing_else():
    editors = Group.objects.get(name="Editors")
    assert group_codenames(editors) == content_permission_codenames()


def test_the_editors_group_holds_no_permission_on_users_groups_or_permissions():
    editors = Group.objects.get(name="Editors")
    assert not editors.permissions.filter(content_type__app_label="auth").exists()
    assert Permission.objects.filter(content_type__app_label="auth").exists()


def test_the_editors_group_cannot_edit_stored_positions_by_hand():
    editors = Group.objects.get(name="Editors")
    assert not editors.permissions.filter(content_type__model="positionsummary").exists()
    assert Permission.objects.filter(content_type__model="positionsummary").exists()


def test_an_editor_may_edit_content_but_not_accounts(editor):
    assert editor.has_perms(content_permission_codenames())
    assert not editor.is_superuser
    for codename in ("auth.view_user", "auth.add_user", "auth.change_group", "auth.add_group"):
        assert not editor.has_perm(codename)


def test_an_outsider_has_no_content_permission(outsider):
    assert not any(outsider.has_perm(codename) for codename in content_permission_codenames())
