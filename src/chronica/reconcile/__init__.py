"""Cross-checking the sources: one event per happening, conflicts between sources."""
from . import match  # noqa: F401
from . import conflicts  # noqa: F401
