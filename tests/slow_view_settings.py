"""Production settings with tests.slow_view_urls, for app servers started by fault tests."""

from stances.settings import *  # noqa: F403

ROOT_URLCONF = "tests.slow_view_urls"
