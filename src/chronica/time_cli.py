"""``chronica time``: the click command (options, table view); the work is in :mod:`.time_run`."""
from __future__ import annotations

import sys
from datetime import date

import click

from .errors import ChronicaError
from .time_run import ROW_FIELDS, SCHEMES, json_lines, read_plain_text, tag_file, tag_text

__all__ = ["ROW_FIELDS", "SCHEMES", "read_plain_text", "tag_file", "tag_text", "time_cmd"]


TABLE_FIELDS = ("start", "end", "text", "type", "value", "edtf", "earliest", "latest", "basis")


@click.command("time")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--anchor", default=None, help="Document date YYYY-MM-DD (news: the publication date).")
@click.option("--genre", type=click.Choice(["narrative", "news"]), default="narrative", show_default=True)
@click.option("--encoding", default=None)
@click.option("--scheme", type=click.Choice(["chronica", "timex2", "timex3"]), default="chronica", show_default=True,
              help="chronica: as the export stores them; timex2/timex3: as those annotation guidelines mark them.")
def time_cmd(file, as_json, anchor, genre, encoding, scheme):
    """Print the time expressions found in FILE (or - for standard input)."""
    try:
        anchor_date = date.fromisoformat(anchor) if anchor else None
    except ValueError:
        raise click.BadParameter(f"{anchor!r} is not a date like 1928-01-31", param_hint="--anchor")
    try:
        rows = tag_file(file, anchor_date, genre, encoding, scheme)
    except ChronicaError as e:  # the same one line the main command group prints
        click.echo(f"{click.style('error:', fg='red', bold=True)} {e}", err=True)
        sys.exit(e.exit_code)
    if as_json:
        click.echo(json_lines(rows), nl=False)
        return
    print_table(file, rows)


def print_table(file: str, rows: list[dict]) -> None:
    from rich.console import Console  # only for the human view: the JSON path starts without rich
    from rich.table import Table

    table = Table(title=f"time expressions in {file}")
    for col in TABLE_FIELDS:
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(str(r.get(c)) if r.get(c) is not None else "" for c in TABLE_FIELDS))
    Console().print(table)
