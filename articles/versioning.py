"""Optimistic version checks, shared by both apps' content models (stances imports articles).

Every save of an existing row bumps its `version`; saving a copy loaded at an older version is
refused with `StaleEdit`, so nobody silently overwrites another editor's work. The admin checks
first (see articles/editing.py, VersionedForm) and shows the editor what changed.
"""

from django.db import models, transaction


class StaleEdit(Exception):
    """The row changed since this copy of it was loaded."""

    def __init__(self, instance, current_version):
        self.instance = instance
        self.current_version = current_version
        super().__init__(
            f"{instance._meta.verbose_name} {instance.pk} is at version {current_version}, "
            f"not {instance.version}: someone else saved it meanwhile"
        )


class VersionedModel(models.Model):
    """Adds a version number that every save checks and increases."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Atomic for new rows too: what post_save receivers write (derived data) commits with it.
        with transaction.atomic(using=kwargs.get("using")):
            if self._state.adding:
                return super().save(*args, **kwargs)
            current = (
                type(self)
                ._base_manager.select_for_update()
                .filter(pk=self.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and current != self.version:
                raise StaleEdit(self, current)
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
            return super().save(*args, **kwargs)
