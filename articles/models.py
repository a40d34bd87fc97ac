"""Where words were reported: outlets and the articles they published."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .versioning import VersionedModel


class Outlet(VersionedModel):
    """A publication that reports what people said."""

    name = models.CharField(max_length=200, help_text="The publication's name as it prints it.")
    slug = models.SlugField(max_length=200, help_text="Used in the outlet's web address.")
    website = models.URLField(blank=True, help_text="Home page, for example https://www.ft.com/.")
    country = models.CharField(
        max_length=2,
        blank=True,
        help_text="Two-letter ISO 3166 country code of the outlet's home, for example GB.",
    )
    language = models.CharField(
        max_length=10,
        blank=True,
        help_text="Main publishing language as a BCP 47 code, for example en or ru.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="outlet_slug_unique"),
            models.UniqueConstraint(
                Lower("name"),
                name="outlet_name_unique_ignoring_case",
                violation_error_message="An outlet with this name already exists.",
            ),
            models.CheckConstraint(
                condition=~Q(name=""),
                name="outlet_name_not_blank",
                violation_error_message="An outlet needs a name.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("outlet", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def with_outlet(self):
        """Joins the outlet, which every listing of articles shows."""
        return self.select_related("outlet")

    def newest_first(self):
        """Orders by publication date, newest first."""
        return self.order_by("-published_on", "-pk")


class Article(VersionedModel):
    """One published piece in which quotes were reported."""

    outlet = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        related_name="articles",
        null=True,
        blank=True,
        help_text="Who published it. Leave empty when the source does not name its publication.",
    )
    title = models.CharField(max_length=500, help_text="The headline as published.")
    url = models.URLField(
        "URL",
        max_length=1000,
        blank=True,
        help_text="Where the article is published. Each article's URL is recorded once.",
    )
    published_on = models.DateField(help_text="The date the article was published.")
    language = models.CharField(
        max_length=10, default="en", help_text="Language of the article, as a BCP 47 code (en, ru)."
    )
    authors = models.CharField(
        max_length=500, blank=True, help_text="Byline as printed; leave empty when there is none."
    )
    summary = models.TextField(
        help_text="What the article reports, in the editor's own words (two or three sentences)."
    )
    body = models.TextField(
        "full text",
        blank=True,
        help_text=(
            "The article's text as published, pasted or read from its page. Suggest quotes reads "
            "it to find the quotes in it. It is the outlet's writing, kept for editors' work: "
            "public pages show only a short passage around each published quote."
        ),
    )
    archive_url = models.URLField(
        "archive URL",
        max_length=1000,
        blank=True,
        help_text="A saved copy (for example in a web archive), in case the original changes.",
    )
    retrieved_on = models.DateField(
        null=True, blank=True, help_text="When the editor read or saved the article."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="article_url_unique_when_present",
                violation_error_message="Another article already has this URL.",
            ),
            models.CheckConstraint(
                condition=~Q(title=""),
                name="article_title_not_blank",
                violation_error_message="An article needs a title.",
            ),
            models.CheckConstraint(
                condition=Q(retrieved_on__isnull=True)
                | Q(retrieved_on__gte=models.F("published_on")),
                name="article_retrieved_not_before_published",
                violation_error_message="An article cannot be retrieved before it was published.",
            ),
        ]
        indexes = [models.Index(fields=["published_on"], name="article_published_on_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article", kwargs={"pk": self.pk})

    @property
    def outlet_name(self) -> str:
        """The outlet's name, or an honest phrase when the source does not give one."""
        return self.outlet.name if self.outlet_id else "outlet not named"
