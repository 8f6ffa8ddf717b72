"""Storage: SQLite by default, any SQLAlchemy URL (PostgreSQL tested) otherwise."""
from .repository import Store, open_store

__all__ = ["Store", "open_store"]
