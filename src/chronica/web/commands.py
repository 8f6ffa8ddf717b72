"""`chronica serve` and `chronica report`: the web app and the static report.

The CLI adds them with `main.add_command(serve)` / `main.add_command(report)`.
"""
from __future__ import annotations

from pathlib import Path

import click

DEFAULT_DB = "sqlite:///chronica.db"

db_option = click.option("--db", "db_url", default=DEFAULT_DB, show_default=True, envvar="CHRONICA_DB",
                         help="SQLAlchemy database URL of the knowledge base.")


def load_knowledge_base(db_url: str):
    """Open an existing knowledge base and load it into memory (never creates one)."""
    from ..store import open_store
    from ..store.build_state import incomplete_reason
    from .kb import KnowledgeBase

    store = open_store(db_url, create=False)
    try:
        reason = incomplete_reason(store, db_url)
        if reason:  # serve and report show what is there, and say it is not everything
            click.secho(f"warning: {reason}", err=True, fg="yellow")
        kb = KnowledgeBase.from_store(store)
        kb.incomplete = reason
        return kb
    finally:
        store.close()


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (localhost by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--workers", default=0, show_default=True, type=click.IntRange(0, 64), envvar="CHRONICA_WORKERS",
              help="Server processes, forked after loading so they share the knowledge base; "
                   "0 picks one for a small knowledge base (under 2,000 events) and one per core "
                   "(at most 4) above that. Several workers need a POSIX system.")
def serve(db_url: str, host: str, port: int, workers: int) -> None:
    """Serve the knowledge base as a read-only web app (timeline, map, people, sources)."""
    from .app import create_app
    from .serving import auto_workers
    from .serving import serve as run

    kb = load_knowledge_base(db_url)
    counts = kb.counts()
    workers = workers or auto_workers(counts["events"])
    app = create_app(kb)
    click.echo(f"Chronica: {counts['events']} events from {counts['documents']} sources, "
               f"read-only at http://{host}:{port}/  ({workers} worker{'s' if workers > 1 else ''}; Ctrl+C to stop)",
               err=True)
    run(app, host, port, workers)


@click.command()
@db_option
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the report into (created if needed).")
def report(db_url: str, out_dir: Path) -> None:
    """Write the same views as a static report that opens from disk with no server."""
    from .report import VENDOR_HINT, write_report

    kb = load_knowledge_base(db_url)
    summary = write_report(kb, out_dir)
    click.echo(f"Wrote {summary.pages} pages to {summary.out} in {summary.seconds:.2f} s; "
               f"open {summary.out / 'index.html'}")
    if not summary.vendored:
        click.echo(f"warning: charts and maps need the front-end libraries: {VENDOR_HINT}", err=True)
