"""`chronica export`: the knowledge base in any registered format, optionally narrowed."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from rich.console import Console

from .errors import ChronicaError, IncompleteError
from .export import Filters, get, names, view_from_store, write
from .export.dates import parse_bound
from .export.registry import MemorySink

err = Console(stderr=True)


def _check_date(ctx, param, value):
    if value:
        try:
            parse_bound(value)
        except ValueError as e:
            raise click.BadParameter(str(e)) from None
    return value


@click.command()
@click.option("--db", "db_url", default="sqlite:///chronica.db", show_default=True, envvar="CHRONICA_DB",
              help="SQLAlchemy database URL (sqlite:///file.db, postgresql://user@host/db).")
@click.option("--format", "fmt", type=click.Choice(names()), default="json", show_default=True)
@click.option("--out", "out_path", type=click.Path(path_type=Path), default=None,
              help="File (or folder) to write; folder formats (csv, tei) need a folder. Default: standard output.")
@click.option("--person", default=None, help="Only events with this person (name, alias or id).")
@click.option("--place", default=None, help="Only events at this place or a place inside it.")
@click.option("--from", "date_from", default=None, callback=_check_date,
              help="Only events not ending before this date (1911, 1911-08, -0043).")
@click.option("--to", "date_to", default=None, callback=_check_date, help="Only events not starting after this date.")
@click.option("--document", default=None, help="Only events told by this document (id, path, file name or title).")
@click.option("--partial", is_flag=True, help="Export even if the last build did not finish.")
def export(db_url, fmt, out_path, person, place, date_from, date_to, document, partial):
    """Write the knowledge base as JSON (the contract) or for another tool: TimelineJS, GeoJSON,
    Linked Places, CSV, JSON-LD, W3C annotations, GEXF, TEI, Markdown or Word."""
    from .store import open_store
    from .store.build_state import incomplete_reason

    started = time.perf_counter()
    store = open_store(db_url, create=False)
    try:
        reason = incomplete_reason(store, db_url)
        if reason:
            err.print(f"[bold yellow]warning:[/] {reason}", highlight=False, soft_wrap=True)
            if not partial:
                raise IncompleteError("not exported: finish the build first, or pass --partial to export what is there")
        view = view_from_store(store)
    finally:
        store.close()
    view = view.select(Filters(person, place, date_from, date_to, document))
    exporter = get(fmt)
    if out_path is None:
        if exporter.folder or fmt == "docx":
            raise ChronicaError(f"--format {fmt} writes {'a folder' if exporter.folder else 'a binary file'}: "
                                f"give --out")
        sink = MemorySink()
        exporter.write(view, sink)
        sys.stdout.buffer.write(next(iter(sink.files.values())))
        return
    written = write(fmt, view, out_path)
    where = written[0] if len(written) == 1 else f"{len(written)} files in {out_path}"
    err.print(f"wrote {where} ({fmt}): {len(view.documents)} documents, {len(view.entities)} entities, "
              f"{len(view.events)} events, {len(view.conflicts)} conflicts in {time.perf_counter() - started:.1f} s",
              highlight=False, soft_wrap=True)
