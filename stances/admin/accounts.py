"""Editors' accounts are deactivated, never deleted: deleting one would delete its admin log."""

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import ngettext

User = get_user_model()


def accounts_count(count: int) -> str:
    """ "1 account", "2 accounts"."""
    return ngettext("%(count)d account", "%(count)d accounts", count) % {"count": count}


admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    actions = ["deactivate_accounts", "reactivate_accounts"]
    list_display = [*UserAdmin.list_display, "is_active", "last_login"]

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(
        description="Deactivate selected accounts (they can no longer sign in)",
        permissions=["change"],
    )
    def deactivate_accounts(self, request, queryset):
        accounts = list(queryset.filter(is_active=True).exclude(pk=request.user.pk))
        for account in accounts:
            account.is_active = False
            account.save(update_fields=["is_active"])
        self.message_user(
            request, f"Deactivated {accounts_count(len(accounts))}.", messages.SUCCESS
        )
        if queryset.filter(pk=request.user.pk).exists():
            self.message_user(request, "You cannot deactivate your own account.", messages.WARNING)

    @admin.action(description="Reactivate selected accounts", permissions=["change"])
    def reactivate_accounts(self, request, queryset):
        accounts = list(queryset.filter(is_active=False))
        for account in accounts:
            account.is_active = True
            account.save(update_fields=["is_active"])
        self.message_user(
            request, f"Reactivated {accounts_count(len(accounts))}.", messages.SUCCESS
        )
