"""Record numbers that editors' pages post or put in addresses, read as a row's id only when
they could be one: a value the database cannot take as an id is no id, never a server error."""

# The largest id a BigAutoField holds: a longer number overflowed the column on PostgreSQL.
LARGEST_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """The id the value names, or None: ASCII digits only (surrounding spaces aside), no sign,
    no larger than an id can be. '١٢' (Arabic-Indic digits), '-1', '1.5' and NUL are None."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(LARGEST_ID)):
        return None
    number = int(value)
    return number if number <= LARGEST_ID else None
