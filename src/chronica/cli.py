"""Command-line interface: thin faces over the same functions the web app uses."""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress as RichProgress, ProgressColumn, TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from . import __version__
from .config import Settings
from .errors import ChronicaError

DEFAULT_DB = "sqlite:///chronica.db"
err = Console(stderr=True)
out = Console()

db_option = click.option("--db", "db_url", default=DEFAULT_DB, show_default=True, envvar="CHRONICA_DB",
                         help="SQLAlchemy database URL (sqlite:///file.db, postgresql://user@host/db).")


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ChronicaError as e:
            err.print(f"[bold red]error:[/] {e}", highlight=False, soft_wrap=True)
            sys.exit(e.exit_code)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="chronica")
def main() -> None:
    """Chronica: narrative history sources in, a cited and cross-checked knowledge base out."""


# ---------------------------------------------------------------------------- build --

class _WordsPerSecond(ProgressColumn):
    def render(self, task) -> Text:
        words = task.fields.get("words", 0)
        elapsed = task.elapsed or 0
        rate = words / elapsed if elapsed > 0 else 0
        return Text(f"{words:,} words · {rate:,.0f} words/s", style="cyan")


class _CliProgress:
    def __init__(self, console: Console):
        self.console = console
        self.bar = RichProgress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                                _WordsPerSecond(), TimeElapsedColumn(), console=console, transient=False)
        self.task = None
        self.words = 0

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task("documents", total=total, words=0)

    def advance(self, path: str, words: int) -> None:
        self.words += words
        self.bar.update(self.task, advance=1, words=self.words, description="documents")

    def stage(self, name: str) -> None:
        self.bar.update(self.task, description=name)

    def problem(self, path: str, message: str) -> None:
        self.bar.console.print(f"[red]✗[/] {message}", highlight=False, soft_wrap=True)

    def stop(self) -> None:
        self.bar.stop()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--encoding", default=None, help="Decode sources with this encoding instead of UTF-8.")
@click.option("--max-bytes", type=int, default=Settings.max_bytes, show_default=True,
              help="Refuse files larger than this.")
@click.option("--genre", type=click.Choice(["narrative", "news"]), default="narrative", show_default=True)
@click.option("--force", is_flag=True, help="Re-analyse documents even if they are unchanged.")
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the number of cores",
              help="Worker processes analysing documents on this machine.")
@click.option("--dask", "dask_scheduler", default=None, envvar="CHRONICA_DASK",
              help="Analyse on a Dask cluster: its scheduler address (tcp://host:8786), or local:N.")
@click.option("--partition-words", type=click.IntRange(min=1), default=Settings.partition_words,
              show_default=True, help="Words per Dask task (coarse partitions: fewer round trips).")
def build(paths, db_url, encoding, max_bytes, genre, force, jobs, dask_scheduler, partition_words):
    """Build the knowledge base from files and folders (.txt, .md, .html)."""
    from .build import build as run_build
    from .store import open_store

    settings = Settings(db_url=db_url, encoding=encoding, max_bytes=max_bytes, genre=genre,
                        partition_words=partition_words)
    store = open_store(db_url)
    progress = _CliProgress(err)
    try:
        report = run_build(list(paths), settings, store, progress, force=force, jobs=jobs,
                           dask=dask_scheduler)
    finally:
        progress.stop()
    for path, why in report.skipped:
        err.print(f"[yellow]skipped[/] {path}: {why}", highlight=False, soft_wrap=True)
    for path in report.duplicates:
        err.print(f"[yellow]skipped[/] {path}: given more than once; read once", highlight=False,
                  soft_wrap=True)
    table = Table(title="chronica build", show_header=True)
    table.add_column("documents")
    table.add_column("count", justify="right")
    for label, n in [("built", len(report.built)), ("replaced (changed)", len(report.replaced)),
                     ("unchanged", len(report.unchanged)), ("failed", len(report.failed)),
                     ("skipped (not a source)", len(report.skipped))]:
        table.add_row(label, str(n))
    counts = store.counts()
    table.add_section()
    for k in ("entities", "events", "relations", "conflicts"):
        table.add_row(f"knowledge base: {k}", str(counts[k]))
    rate = report.words / report.seconds if report.seconds else 0
    table.add_section()
    table.add_row("words analysed", f"{report.words:,}")
    table.add_row("time", f"{report.seconds:.1f} s ({rate:,.0f} words/s)")
    out.print(table)
    store.close()
    sys.exit(0 if report.ok else 1)


# --------------------------------------------------------------------------- export --

@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
def export(db_url, fmt, out_path):
    """Write the knowledge base in the export contract (chronica-export/1)."""
    from .store import open_store

    data = open_store(db_url, create=False).export_dict()
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out_path:
        tmp = Path(out_path).with_suffix(Path(out_path).suffix + ".tmp")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(out_path)
        err.print(f"wrote {out_path}: {len(data['documents'])} documents, {len(data['entities'])} entities, "
                  f"{len(data['events'])} events, {len(data['conflicts'])} conflicts", highlight=False)
    else:
        click.echo(text)


@main.command()
@db_option
def info(db_url):
    """Show what the knowledge base holds."""
    from .store import open_store

    store = open_store(db_url, create=False)
    docs = store.documents()
    counts = store.counts()
    table = Table(title=f"knowledge base {store.url}")
    for col in ("id", "path", "title", "words"):
        table.add_column(col)
    for d in docs:
        table.add_row(d["id"], d["path"], (d["title"] or "")[:60], f"{d['words']:,}")
    out.print(table)
    summary = Table(show_header=False)
    for k, v in counts.items():
        summary.add_row(k, str(v))
    out.print(summary)


# ----------------------------------------------------------------------------- time --

@main.command("time")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--anchor", default=None, help="Document date YYYY-MM-DD (news: the publication date).")
@click.option("--genre", type=click.Choice(["narrative", "news"]), default="narrative", show_default=True)
@click.option("--encoding", default=None)
def time_cmd(file, as_json, anchor, genre, encoding):
    """Print the time expressions found in FILE (or - for standard input)."""
    from .time_cli import tag_file

    try:
        anchor_date = date.fromisoformat(anchor) if anchor else None
    except ValueError:
        raise click.BadParameter(f"{anchor!r} is not a date like 1928-01-31", param_hint="--anchor")
    rows = tag_file(file, anchor_date, genre, encoding)
    if as_json:
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    table = Table(title=f"time expressions in {file}")
    for col in ("start", "end", "text", "type", "value", "edtf", "earliest", "latest", "basis"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(str(r.get(c) if r.get(c) is not None else "") for c in
                        ("start", "end", "text", "type", "value", "edtf", "earliest", "latest", "basis")))
    out.print(table)


# ------------------------------------------------------------------ whois, conflicts --

@main.command()
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True)
def whois(name, db_url, as_json):
    """Whatever happened to NAME? A person's life as the sources tell it."""
    from .store import open_store
    from .whois import render_whois, whois as find

    report = find(open_store(db_url, create=False).export_dict(), name)
    if report is None:
        raise ChronicaError(f"no person called {name!r} in the knowledge base; try `chronica info`")
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        render_whois(report, out)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True)
def conflicts(db_url, as_json):
    """Where the sources disagree, with both quotes."""
    from .reconcile.render import render_conflicts
    from .store import open_store

    data = open_store(db_url, create=False).export_dict()
    if as_json:
        click.echo(json.dumps(data["conflicts"], ensure_ascii=False, indent=2))
    else:
        render_conflicts(data, out)


def _add_web_commands() -> None:
    try:
        from .web.commands import report, serve
    except ImportError:  # the web extra's modules are not there
        return
    main.add_command(serve)
    main.add_command(report)


_add_web_commands()

if __name__ == "__main__":
    main()
