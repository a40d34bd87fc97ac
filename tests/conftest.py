"""Shared fixtures: the personas (an editor, a reader, an outsider) and the browser."""

import pytest

from tests.factories import make_editor


@pytest.fixture(autouse=True)
def static_files_without_a_manifest(settings):
    """Pages render without `collectstatic`: the manifest storage would refuse every asset."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def editor(db):
    """A newsroom editor: staff, in the Editors group, not a superuser."""
    return make_editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader_client(client):
    """A member of the public: not logged in."""
    return client


@pytest.fixture
def outsider(db, django_user_model):
    """Someone with an account but no editing rights."""
    return django_user_model.objects.create_user("otto", password="correct-horse-battery")
