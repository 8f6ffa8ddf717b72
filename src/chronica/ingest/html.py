"""Visible text of an HTML page, with block elements on their own lines."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .layout import Extracted
from .registry import Reader, ReadRequest, register

BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "li", "ul",
    "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
    "tr", "figure", "figcaption", "address", "hr", "br", "title", "caption",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []
        self.h1: list[str] = []
        self._in_title = self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS and tag != "head":
            self.skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self._in_h1 = True
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n" if tag not in ("br", "li", "tr", "dt", "dd") else "\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and tag != "head" and self.skip_depth:
            self.skip_depth -= 1
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
            return
        if self.skip_depth:
            return
        if self._in_h1:
            self.h1.append(data)
        self.parts.append(data)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # "<![" without a keyword the parser knows ("<![0", "<![foo[") is no markup a
        # browser would honour either: read it as text instead of failing the file
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i:i + 3])
            return i + 3


def html_to_text(markup: str) -> tuple[str, str | None]:
    """(visible text, title). Whitespace inside a block is collapsed; blocks are
    separated by blank lines, so later stages see paragraphs and headings."""
    p = _TextExtractor()
    p.feed(markup)
    p.close()
    joined = "".join(p.parts)
    blocks = [re.sub(r"[ \t\r\f\v\n]+", " ", b).strip() for b in re.split(r"\n\s*\n", joined)]
    text = "\n\n".join(b for b in blocks if b) + "\n"
    title = " ".join("".join(p.title).split()) or " ".join("".join(p.h1).split()) or None
    return text, title


_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)


def read_html(req: ReadRequest) -> Extracted:
    text, title = html_to_text(req.decoded())
    if not text.strip():
        raise req.fail("the HTML has no visible text")
    return Extracted(text=text, title=title)


register(Reader("html", "html", (".html", ".htm", ".xhtml"), read_html,
                signature=lambda head: bool(_HTML_START.match(head)), suffix_decides=True))
