from io import StringIO

from rich.console import Console

from chronica.reconcile.render import render_conflicts

EXPORT = {
    "documents": [{"id": "doc_a", "path": "/x/a.txt"}, {"id": "doc_b", "path": "/x/b.txt"}],
    "conflicts": [{
        "id": "cfl_1", "kind": "duration", "severity": "hard", "about": "how long he stayed on the island",
        "events": [],
        "claims": [
            {"document": "doc_a", "start": 0, "end": 13, "text": "eleven months", "value": "eleven months"},
            {"document": "doc_b", "start": 5, "end": 20, "text": "arrived on May 30", "value": "arrived 1814-05-30"},
        ],
    }],
}


def render(export) -> str:
    buf = StringIO()
    render_conflicts(export, Console(file=buf, width=200, color_system=None))
    return buf.getvalue()


def test_render_conflicts_shows_both_quotes_documents_and_why():
    out = render(EXPORT)
    for needle in ("eleven months", "arrived on May 30", "a.txt", "b.txt", "how long he stayed", "hard"):
        assert needle in out


def test_render_conflicts_says_so_when_there_are_none():
    assert "No conflicts" in render({"documents": [], "conflicts": []})
