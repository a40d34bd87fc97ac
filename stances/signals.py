"""Guards that hold outside the admin too."""

from django.conf import settings
from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.dispatch import receiver


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def refuse_to_delete_staff_accounts(sender, instance, **kwargs):
    """Editors' accounts are deactivated instead: deleting one would delete its admin log."""
    if instance.is_staff or instance.logentry_set.exists():
        raise ProtectedError(
            f"{instance.get_username()} is an editor's account: deactivate it instead.", {instance}
        )
