import re

from markupsafe import Markup

from chronica.web.reader import Mark, render_text


def _strip(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_reader_nested_and_crossing_spans_stay_well_formed():
    text = "Alpha beta gamma delta"
    marks = [Mark(0, 16, "event", "", "e"), Mark(6, 22, "claim", "", "c"), Mark(6, 10, "mention", "t-person", "m", "/x")]
    html = str(render_text(text, marks))
    from html import unescape
    assert unescape(_strip(html)) == text
    assert html.count("<mark") == html.count("</mark>")
    assert html.count("<a ") == html.count("</a>")
    assert html.count('id="s-0-16"') == 1 and html.count('id="s-6-22"') == 1


def test_reader_escapes_source_text_and_titles():
    text = "<script>alert(1)</script> and <img src=x onerror=alert(2)>"
    html = str(render_text(text, [Mark(0, 25, "event", "", 'x" onmouseover="alert(3)')]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'onmouseover="alert(3)"' not in html


def test_reader_ignores_spans_outside_the_text():
    assert render_text("short", [Mark(2, 50, "event", "", "e")]) == Markup("short")
