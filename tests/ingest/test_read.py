"""Reading sources: every kind of bad input gets one clear line naming the file."""
from __future__ import annotations

import codecs
import hashlib

import pytest

from chronica.errors import InputError
from chronica.ingest import discover, read_source

LIMIT = 20 * 1024 * 1024


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_read_utf8_text_keeps_text_exact(tmp_path):
    text = "Line one — “quoted”.\r\n\r\nLine two, Ramón.\n"
    p = write(tmp_path, "a.txt", text.encode("utf-8"))
    src = read_source(p, max_bytes=LIMIT)
    assert src.text == text  # no newline or whitespace normalisation
    assert src.sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert src.format == "txt"


def test_read_strips_utf8_bom_but_hashes_raw_bytes(tmp_path):
    raw = codecs.BOM_UTF8 + "Hello 1928.".encode()
    src = read_source(write(tmp_path, "bom.txt", raw), max_bytes=LIMIT)
    assert src.text == "Hello 1928."
    assert src.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize("name, data, expected", [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\n\t ", "only whitespace"),
    ("bin.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" * 20, "binary"),
    ("broken.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "not a readable image"),
    ("latin1.txt", "Café in Vienna".encode("latin-1"), "not valid UTF-8 at byte 3"),
])
def test_read_bad_input_names_file_and_problem(tmp_path, name, data, expected):
    p = write(tmp_path, name, data)
    with pytest.raises(InputError) as e:
        read_source(p, max_bytes=LIMIT)
    assert str(p) in str(e.value)
    assert expected in str(e.value)
    assert "\n" not in str(e.value)


def test_read_other_encoding_when_asked(tmp_path):
    p = write(tmp_path, "latin1.txt", "Café in Vienna".encode("latin-1"))
    assert read_source(p, max_bytes=LIMIT, encoding="latin-1").text == "Café in Vienna"


def test_read_unknown_encoding_is_an_input_error(tmp_path):
    p = write(tmp_path, "a.txt", b"abc")
    with pytest.raises(InputError, match="unknown encoding"):
        read_source(p, max_bytes=LIMIT, encoding="no-such-codec")


def test_read_refuses_file_over_size_limit(tmp_path):
    p = write(tmp_path, "big.txt", b"word " * 300)
    with pytest.raises(InputError, match="over the limit of 1,000"):
        read_source(p, max_bytes=1000)


def test_read_html_extracts_visible_text_and_title(tmp_path):
    html = ("<html><head><title>The Title</title><style>p{}</style></head><body>"
            "<h1>Heading</h1><p>First &amp; <b>bold</b> paragraph.</p>"
            "<script>alert('x')</script><p>Second\n   line.</p></body></html>")
    src = read_source(write(tmp_path, "page.html", html.encode()), max_bytes=LIMIT)
    assert src.format == "html"
    assert src.title == "The Title"
    assert src.text == "Heading\n\nFirst & bold paragraph.\n\nSecond line.\n"
    assert "alert" not in src.text


def test_discover_walks_folders_skips_other_files_and_duplicates(tmp_path):
    (tmp_path / "sub").mkdir()
    a = write(tmp_path, "a.txt", b"A.")
    write(tmp_path / "sub", "b.md", b"B.")
    write(tmp_path / "sub", "c.html", b"<p>C.</p>")
    write(tmp_path, "sheet.xlsx", b"PK\x03\x04")
    found = discover([str(tmp_path), str(a), str(tmp_path / "missing.txt")])
    assert [p.name for p in found.files] == ["a.txt", "b.md", "c.html"]
    assert [p.name for p, _ in found.skipped] == ["sheet.xlsx"]
    assert found.duplicates == [str(a)]
    assert found.errors == [(str(tmp_path / "missing.txt"), "no such file or directory; check the path")]


def test_discover_reports_folder_without_sources(tmp_path):
    write(tmp_path, "notes.xyz", b"plain words")
    found = discover([str(tmp_path)])
    assert found.files == []
    assert "holds no source files" in found.errors[0][1]
