"""Cursor pagination for every list of the API: a fixed order on one unique column (so a page
is an index range scan, never an OFFSET or a COUNT), and a clear 400 for a cursor or page size
this API did not give out."""

import binascii

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connection, models
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


class StableCursorPagination(CursorPagination):
    """Pages of `page_size` rows (1 to 100, 50 by default), in the view's `ordering`, which
    names one unique column: a row never appears on two pages, however the data changes."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_size_query_description = (
        f"Rows per page, 1 to {MAX_PAGE_SIZE} ({DEFAULT_PAGE_SIZE} by default)."
    )
    cursor_query_description = "Where the page starts: copy it from the `next` or `previous` link."
    invalid_cursor_message = (
        "This cursor is not one this API gave out: follow a next or previous link."
    )
    # The orderings are unique, so the cursors given out carry no offset; a hand-made one is
    # capped, so that it cannot make the database skip many rows.
    offset_cutoff = MAX_PAGE_SIZE
    template = None

    def get_ordering(self, request, queryset, view):
        return tuple(view.ordering)

    def paginate_queryset(self, queryset, request, view=None):
        self.model = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        try:
            size = int(value)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        f"Give a whole number from 1 to {self.max_page_size}."
                    ]
                }
            )
        return size

    def decode_cursor(self, request):
        encoded = request.query_params.get(self.cursor_query_param)
        try:
            # Strictly: the default decoder skips stray characters, reading "%%%" as no cursor.
            binascii.a2b_base64(encoded or "", strict_mode=True)
        except (binascii.Error, ValueError):
            raise self.invalid_cursor() from None
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise self.invalid_cursor() from None
        if cursor is not None and cursor.position is not None:
            self.check_position(cursor.position)
        return cursor

    def invalid_cursor(self) -> ValidationError:
        return ValidationError({self.cursor_query_param: [self.invalid_cursor_message]})

    def check_position(self, position: str) -> None:
        """A hand-made cursor could hold any text: it must be a value of the ordering column
        that the database can compare (no NUL byte, an integer within the column's range)."""
        name = self.ordering[0].lstrip("-")
        field = self.model._meta.pk if name == "pk" else self.model._meta.get_field(name)
        if "\x00" in position:
            raise self.invalid_cursor()
        try:
            value = field.to_python(position)
        except DjangoValidationError:
            raise self.invalid_cursor() from None
        if isinstance(field, models.IntegerField | models.AutoField):
            low, high = connection.ops.integer_field_range(field.get_internal_type())
            if value is None or not low <= value <= high:
                raise self.invalid_cursor()
