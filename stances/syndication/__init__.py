"""Atom feeds, the sitemap, robots.txt and CSV downloads of the quote browser's results."""
