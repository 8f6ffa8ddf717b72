"""`chronica conflicts`: the disagreements as a readable table — what it is about, how
serious, and each claim's quote with the document it comes from."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..locators import locator_label

_QUOTE_MAX = 160


def _doc_names(export: dict) -> dict[str, str]:
    names = {}
    for d in export.get("documents", []):
        label = (d.get("path") or "").rsplit("/", 1)[-1] or d.get("title") or d.get("id", "")
        names[d.get("id")] = label + (" [OCR]" if d.get("ocr") else "")  # OCR'd text: a caveat
    return names


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_MAX else text[: _QUOTE_MAX - 1] + "…"


def conflict_table(export: dict) -> Table:
    names = _doc_names(export)
    table = Table(title="Where the sources disagree", show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("why", ratio=2)
    table.add_column("claims (quote — document — what it says)", ratio=5)
    for i, c in enumerate(export.get("conflicts", []), 1):
        claims = Text()
        for j, cl in enumerate(c.get("claims", [])):
            if j:
                claims.append("\n")
            claims.append(f"“{_quote(cl.get('text', ''))}”", style="italic")
            where = locator_label(cl.get("locator"))
            claims.append(f" — {names.get(cl.get('document'), cl.get('document'))}"
                          + (f", {where}" if where else ""), style="cyan")
            if cl.get("value"):
                claims.append(f" — {cl['value']}", style="bold")
        sev = c.get("severity", "")
        table.add_row(str(i), c.get("kind", ""), Text(sev, style="red bold" if sev == "hard" else "yellow"),
                      c.get("about", ""), claims)
    return table


def render_conflicts(export: dict, console: Console | None = None) -> None:
    console = console or Console()
    if not export.get("conflicts"):
        console.print("No conflicts: the sources agree wherever Chronica could compare them.")
        return
    console.print(conflict_table(export))
    hard = sum(1 for c in export["conflicts"] if c.get("severity") == "hard")
    console.print(f"{len(export['conflicts'])} conflicts ({hard} hard, {len(export['conflicts']) - hard} soft).")
