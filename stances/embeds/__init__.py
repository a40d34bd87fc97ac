"""Pages made to sit in another site's iframe, and the "Reuse our data" page."""
