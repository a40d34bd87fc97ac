"""The quote browser's pages: a total counted only up to a cap ("1,000+ quotes"), so that a page
costs about the same whether a search matches a thousand quotes or a hundred thousand."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from .search import unranked

# Counting and ranking read every row they cover, so the cap bounds a search's cost: at 1,000, a
# common word among 100,000 quotes costs about what it costs among 1,000. Fifty pages of twenty.
CAP = 1_000


class CappedPaginator(Paginator):
    """Counts at most `cap` + 1 rows, in a LIMITed subquery: counting every match of a common word
    among 100,000 quotes would cost more than the page itself. Pages end at the cap, so a page
    number past it shows the last page that can be reached.

    `past_cap`, when given, turns the rows into the order to list them in when there are more
    than the cap: one that an index can serve a page at a time."""

    def __init__(self, object_list, per_page, cap=CAP, past_cap=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap
        self.past_cap = past_cap
        # Whether the rows are listed in the `past_cap` order rather than their own.
        self.reordered = False

    @cached_property
    def counted(self) -> int:
        """The rows found, up to one past the cap (which says that there are more)."""
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @property
    def more(self) -> bool:
        """Whether rows past the cap were left uncounted, out of reach of the pages."""
        return self.counted > self.cap

    def page(self, number):
        if self.past_cap and self.more and not self.reordered:
            ordered = self.past_cap(self.object_list)
            self.reordered = ordered is not self.object_list
            self.object_list = ordered
        return super().page(number)

    @property
    def count_label(self) -> str:
        """The total as readers see it: "1,234", or "1,000+" past the cap."""
        return f"{self.count:,}{'+' if self.more else ''}"

    @property
    def cap_label(self) -> str:
        return f"{self.cap:,}"


def capped_page(quotes, per_page, request):
    """The requested page of the quote browser (any bad number gives a real page), its rows
    fetched here, not in the template. Past the cap, a search lists its matches newest first."""
    paginator = CappedPaginator(quotes, per_page, cap=CAP, past_cap=unranked)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    return page
