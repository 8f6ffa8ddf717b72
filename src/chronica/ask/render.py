"""Drawing an answer on a rich console: the answer, its quotes, the nearest passages."""
from __future__ import annotations

from rich.text import Text

from .model import Answer, Passage

STYLES = {"entity": "bold cyan", "date": "bold magenta"}
STATUS = {"answered": "green", "disputed": "yellow", "unknown": "red"}


def _quote(text: str, width: int = 240) -> str:
    t = " ".join(text.split())
    return t if len(t) <= width else t[: width - 1] + "…"


def passage_text(p: Passage) -> Text:
    """The passage with its entities and dates styled."""
    out, last = Text(), 0
    for a, b, kind in p.marks:
        out.append(p.text[last:a])
        out.append(p.text[a:b], style=STYLES.get(kind, "bold"))
        last = b
    out.append(p.text[last:])
    return _squash(out)


def _squash(t: Text) -> Text:
    """Runs of white space as one space (passages may span lines), styles kept."""
    plain = t.plain
    keep = [i for i, ch in enumerate(plain) if not (ch.isspace() and i > 0 and plain[i - 1].isspace())]
    out = Text()
    for i in keep:
        out.append(" " if plain[i].isspace() else plain[i])
    for span in t.spans:
        a = sum(1 for i in keep if i < span.start)
        b = sum(1 for i in keep if i < span.end)
        out.stylize(span.style, a, b)
    return out


def render_answer(ans: Answer, console) -> None:
    colour = STATUS.get(ans.status, "white")
    console.print(Text(ans.text, style=f"bold {colour}"))
    if ans.computed:
        console.print("[dim](computed from the dates the sources give, not stated in them)[/dim]")
    for c in ans.cites:
        line = Text("  “", style="dim")
        line.append(_quote(c.text))
        line.append("”", style="dim")
        line.append(f"  — {c.where}", style="dim")
        if c.says and c.says not in c.text:
            line.append(f"  (says {c.says})", style="yellow")
        console.print(line)
    if ans.passages:
        console.print("[bold]Nearest passages[/bold]" if ans.question.kind != "passages" else "[bold]Passages[/bold]")
        for p in ans.passages:
            console.print(Text("  • ").append(passage_text(p)).append(
                f"  — {p.label or p.document}, chars {p.start}–{p.end}", style="dim"))
