"""Password validators are on: weak passwords are refused with the reason."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short-pw", "too short"),
        ("password1234", "too common"),
        ("583920174629", "entirely numeric"),
    ],
)
def test_weak_passwords_are_refused(password, reason):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert reason in " ".join(refused.value.messages)


@pytest.mark.django_db
def test_a_password_like_the_username_is_refused(django_user_model):
    user = django_user_model(username="katarzyna.nowak")
    with pytest.raises(ValidationError, match="too similar"):
        validate_password("katarzyna.nowak1", user)


def test_a_long_unusual_passphrase_is_accepted():
    validate_password("grain convoys cross at dawn")
