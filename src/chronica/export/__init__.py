"""Exports of the knowledge base."""
from .json_export import FORMAT, build_export

__all__ = ["FORMAT", "build_export"]
