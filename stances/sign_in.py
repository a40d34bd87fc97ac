"""The editors' sign-in form: the admin's, with a limit per account across all addresses."""

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm

from .security import account_paused


class ThrottledAuthenticationForm(AdminAuthenticationForm):
    """The admin's sign-in form, refusing every attempt for an account that failed too often
    from all addresses together (django-axes limits each username and address pair)."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "account_paused": (
            "This account has had too many failed sign-ins from different places. Sign-in is "
            "paused for it for %(minutes)d minutes; if that was not you, tell an administrator."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and account_paused(username):
            minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
            raise forms.ValidationError(
                self.error_messages["account_paused"],
                code="account_paused",
                params={"minutes": minutes},
            )
        return super().clean()
