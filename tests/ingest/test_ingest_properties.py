"""Properties of reading sources (issue 17): random bytes, truncated UTF-8, mixed
encodings, NUL bytes, huge lines, deeply nested or hostile HTML. Reading either gives a
Source whose text any store can hold, or one InputError naming the file; never another
exception."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronica.errors import InputError
from chronica.ingest import read_source

MAX = 20_000_000
PROSE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


def truncated_utf8() -> st.SearchStrategy[bytes]:
    return st.tuples(PROSE, st.integers(0, 400)).map(lambda x: x[0].encode("utf-8")[: x[1]])


def mixed_encodings() -> st.SearchStrategy[bytes]:
    enc = st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16", "koi8-r", "shift_jis"])
    part = st.tuples(st.text(alphabet="aé€ж漢 ’\n", max_size=40), enc).map(
        lambda x: x[0].encode(x[1], errors="ignore"))
    return st.lists(part, max_size=6).map(b"".join)


def with_nuls() -> st.SearchStrategy[bytes]:
    return st.tuples(st.integers(0, 12_000), st.integers(1, 3)).map(
        lambda x: b"In 1921 she left Lisbon. " * (x[0] // 25 + 1) + b"\x00" * x[1] + b" The end.\n")


def huge_line() -> st.SearchStrategy[bytes]:
    return st.tuples(st.integers(1, 300_000), st.sampled_from([b"a", b"word ", b"\xc3\xa9", b"<b>"])).map(
        lambda x: x[1] * x[0])


def hostile_html() -> st.SearchStrategy[str]:
    tag = st.sampled_from(["div", "p", "b", "script", "style", "svg", "title", "h1", "li", "table", "x-y",
                           "!--", "![CDATA[", "?xml", "br/", "template", "noscript"])
    piece = st.one_of(
        tag.map(lambda t: f"<{t}>"), tag.map(lambda t: f"</{t}>"),
        st.sampled_from(["&#0;", "&#xD800;", "&#99999999;", "&amp;", "&bogus;", "&#", "<", ">", "\"", "'",
                         "<a href='javascript:alert(1)'>", "<img src=x onerror=alert(1)>", "-->", "]]>"]),
        st.text(max_size=30))
    nested = st.tuples(st.integers(1, 3000), tag).map(lambda x: f"<{x[1]}>" * x[0] + "In 1921 she left." +
                                                      f"</{x[1]}>" * (x[0] // 2))
    return st.one_of(st.lists(piece, max_size=60).map("".join), nested)


def check_read(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        src = read_source(path, max_bytes=MAX)
    except InputError as e:
        assert str(path) in str(e) and "\n" not in str(e)  # one line naming the file
        return
    assert src.sha256 == hashlib.sha256(data).hexdigest()
    assert src.text.strip()
    src.text.encode("utf-8")  # no lone surrogates: every store can hold it
    assert "\x00" not in src.text  # PostgreSQL text cannot hold NUL


SLOW = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])


@SLOW
@given(data=st.one_of(st.binary(max_size=2000), truncated_utf8(), mixed_encodings(), with_nuls(), huge_line()),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_reading_any_bytes_gives_a_source_or_one_clear_error(tmp_path, data, suffix):
    check_read(tmp_path / f"fuzz{suffix}", data)


@SLOW
@given(markup=hostile_html())
def test_reading_hostile_html_gives_a_source_or_one_clear_error(tmp_path, markup):
    check_read(tmp_path / "fuzz.html", markup.encode("utf-8", errors="surrogatepass"))


@pytest.mark.parametrize("markup", ["<![0", "<p>Before <![abc[ inside ]]> after</p>", "<![", "<!["*50])
def test_marked_sections_without_a_known_keyword_are_read_as_text(tmp_path, markup):
    # found by the property test above: Python's parser raised on these
    check_read(tmp_path / "marked.html", markup.encode("utf-8"))
