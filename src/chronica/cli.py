"""Command-line interface: thin faces over the same functions the web app uses."""
from __future__ import annotations

import json
import os
import sys
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
from .cli_ask import ask as ask_command
from .config import Settings
from .cli_export import export
from .errors import ChronicaError
from .time_cli import time_cmd

DEFAULT_DB = "sqlite:///chronica.db"
err = Console(stderr=True)
out = Console()

db_option = click.option("--db", "db_url", default=DEFAULT_DB, show_default=True, envvar="CHRONICA_DB",
                         help="SQLAlchemy database URL (sqlite:///file.db, postgresql://user@host/db).")


def warn_if_incomplete(store, db_url: str) -> str | None:
    """Say plainly when the last build did not finish; the reason, or None."""
    from .store.build_state import incomplete_reason

    reason = incomplete_reason(store, db_url)
    if reason:
        err.print(f"[bold yellow]warning:[/] {reason}", highlight=False, soft_wrap=True)
    return reason


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

    def page(self, path: str, done: int, total: int) -> None:
        label = f"reading {Path(path).name}: page {done}/{total}" if done < total else "documents"
        self.bar.update(self.task, description=label)

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
    """Build the knowledge base from files and folders: text, Markdown, HTML, PDF (scans by
    OCR), images, EPUB, Word (.docx), subtitles (.vtt, .srt) and timestamped transcripts."""
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
    for path, why in report.not_english:
        err.print(f"[yellow]warning:[/] {why}", highlight=False, soft_wrap=True)
    table = Table(title="chronica build", show_header=True)
    table.add_column("documents")
    table.add_column("count", justify="right")
    for label, n in [("built", len(report.built)), ("replaced (changed)", len(report.replaced)),
                     ("unchanged", len(report.unchanged)), ("stored, not English", len(report.not_english)),
                     ("failed", len(report.failed)),
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
def info(db_url):
    """Show what the knowledge base holds."""
    from .store import open_store

    store = open_store(db_url, create=False)
    docs = store.documents()
    counts = store.counts()
    warn_if_incomplete(store, db_url)
    table = Table(title=f"knowledge base {store.url}")
    for col in ("id", "path", "format", "title", "words"):
        table.add_column(col)
    for d in docs:
        table.add_row(d["id"], d["path"], d["format"], (d["title"] or "")[:60], f"{d['words']:,}")
    out.print(table)
    summary = Table(show_header=False)
    for k, v in counts.items():
        summary.add_row(k, str(v))
    out.print(summary)


# ------------------------------------------------------------------ whois, conflicts --

@main.command()
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True)
def whois(name, db_url, as_json):
    """Whatever happened to NAME? A person's life as the sources tell it."""
    from .store import open_store
    from .whois import candidates, render_whois, whois as find

    store = open_store(db_url, create=False)
    warn_if_incomplete(store, db_url)
    data = store.export_dict()
    several = candidates(data, name)
    if several:  # never pick one of several people at random
        listed = "; ".join(f"{n} ({i})" for i, n in several)
        raise ChronicaError(f"{name!r} could be any of: {listed}; ask with a fuller name")
    report = find(data, name)
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

    store = open_store(db_url, create=False)
    warn_if_incomplete(store, db_url)
    data = store.export_dict()
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
main.add_command(export)
main.add_command(time_cmd)
main.add_command(ask_command)

if __name__ == "__main__":
    main()
