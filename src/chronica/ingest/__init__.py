"""Reading sources: finding files, choosing a reader by content and suffix, and turning
each format into the stored text with its locator map (see ``registry``)."""
from .discover import Discovery, discover
from .layout import Extracted, TextBuilder
from .read import read_source
from .registry import Reader, ReadRequest, register

__all__ = ["Discovery", "Extracted", "Reader", "ReadRequest", "TextBuilder", "discover", "read_source",
           "register"]
