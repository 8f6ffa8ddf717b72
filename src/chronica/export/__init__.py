"""Exports of the knowledge base: the contract JSON and the formats historians' tools read.

Each format is one module that registers a writer by name (see `registry`); importing
this package registers them all.
"""
from . import annotations, contract, geo, gexf, jsonld, markdown, tables, tei, timelinejs, word
from ..contract_json import FORMAT, build_export
from .registry import get, names, render, write
from .view import ExportView, Filters, view_from_store

# imported for what they do on import: each registers its formats
FORMAT_MODULES = (annotations, contract, geo, gexf, jsonld, markdown, tables, tei, timelinejs, word)

__all__ = ["FORMAT", "build_export", "ExportView", "Filters", "view_from_store", "get", "names", "render", "write"]
