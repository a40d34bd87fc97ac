"""The read-only JSON API under /api/, with its OpenAPI document."""
