"""Guards that hold outside the admin too."""

from django.apps import apps
from django.conf import settings
from django.db.models import ProtectedError
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from articles.models import Article
from articles.versioning import VersionedModel

from . import page_cache, summaries
from .models import Quote, StanceTag


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def refuse_to_delete_staff_accounts(sender, instance, **kwargs):
    """Editors' accounts are deactivated instead: deleting one would delete its admin log."""
    if instance.is_staff or instance.logentry_set.exists():
        raise ProtectedError(
            f"{instance.get_username()} is an editor's account: deactivate it instead.", {instance}
        )


# Readers' cached pages go with any write to content (every model editors edit, with versions
# and history), whichever one. Bulk writers that send no signal call page_cache.content_changed
# themselves, as summaries.write does. Connected model by model, not to every sender: a model
# without delete receivers keeps Django's fast delete, which stored positions rely on (their
# rows go before a deleted tag's cells are refreshed).
def drop_readers_cached_pages(sender, **kwargs):
    page_cache.content_changed()


def content_models():
    return [model for model in apps.get_models() if issubclass(model, VersionedModel)]


for model in content_models():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(drop_readers_cached_pages, sender=model, weak=False)


# Stored positions follow the evidence: every save or delete that can change a cell refreshes it
# in the same transaction (VersionedModel.save is atomic). Bulk loaders call summaries.rebuild.

# What a quote contributes to a position; any other field (its text, say) changes no cell.
QUOTE_EVIDENCE = ("status", "kind", "speaker_id", "about_id", "said_on", "article_id")
ARTICLE_EVIDENCE = ("published_on", "outlet_id")
TAG_EVIDENCE = ("quote_id", "stance_id", "alignment")


def stored_values(instance, names):
    if instance._state.adding or instance.pk is None:
        return None
    return type(instance)._base_manager.filter(pk=instance.pk).values(*names).first()


@receiver(pre_save, sender=Quote)
@receiver(pre_save, sender=Article)
@receiver(pre_save, sender=StanceTag)
def note_cells_before_the_edit(sender, instance, raw=False, **kwargs):
    if raw:
        return
    names = {Quote: QUOTE_EVIDENCE, Article: ARTICLE_EVIDENCE, StanceTag: TAG_EVIDENCE}[sender]
    wait_for_the_parent(sender, instance)
    before = stored_values(instance, names)
    unchanged = before is not None and all(before[n] == getattr(instance, n) for n in names)
    if unchanged:
        instance._cells_before = None  # nothing a position depends on: no cell to refresh
    elif before is None or not counts(sender, before["status"] if sender is Quote else None):
        instance._cells_before = set()  # a new row, or a quote readers did not see: no cell
    else:
        instance._cells_before = cells_of(sender, instance.pk)


@receiver(post_save, sender=Quote)
@receiver(post_save, sender=Article)
@receiver(post_save, sender=StanceTag)
def refresh_cells_after_the_edit(sender, instance, raw=False, **kwargs):
    before = getattr(instance, "_cells_before", None)
    if raw or before is None:
        return
    instance._cells_before = None
    after = (
        cells_of(sender, instance.pk)
        if counts(sender, getattr(instance, "status", None))
        else set()
    )
    summaries.refresh(before | after)


@receiver(pre_delete, sender=StanceTag)
@receiver(pre_delete, sender=Quote)
def note_cells_before_deleting(sender, instance, **kwargs):
    wait_for_the_parent(sender, instance)
    status = getattr(instance, "status", None)
    instance._cells_before = cells_of(sender, instance.pk) if counts(sender, status) else set()


@receiver(post_delete, sender=StanceTag)
@receiver(post_delete, sender=Quote)
def refresh_cells_after_deleting(sender, instance, **kwargs):
    summaries.refresh(getattr(instance, "_cells_before", None) or ())


def wait_for_the_parent(sender, instance) -> None:
    """Locks the row whose fields decide a tag's or a quote's cells (a tag's quote: its holder;
    a quote's article: its date and outlet), so an edit of it in progress elsewhere commits
    before the cells are worked out from it."""
    if sender is StanceTag and instance.quote_id:
        parent = Quote._base_manager.filter(pk=instance.quote_id)
    elif sender is Quote and instance.article_id:
        parent = Article._base_manager.filter(pk=instance.article_id)
    else:
        return
    list(parent.select_for_update(no_key=True).values_list("pk", flat=True))


def counts(sender, quote_status) -> bool:
    """Whether the row can count in a position: any tag or article may (their quotes are
    filtered when the cells are read); a quote only while it is published."""
    return sender is not Quote or quote_status == Quote.Status.PUBLISHED


def cells_of(sender, pk) -> set:
    """The cells a quote, article or tag counts in, as the database holds it now."""
    if sender is Quote:
        return summaries.cells_of_quotes([pk])
    if sender is Article:
        return summaries.cells_of_articles([pk])
    return summaries.cells_of_tags([pk])
