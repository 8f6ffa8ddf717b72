"""Reading sources: finding files, decoding them, extracting text from HTML."""
from .discover import Discovery, discover
from .read import read_source

__all__ = ["Discovery", "discover", "read_source"]
