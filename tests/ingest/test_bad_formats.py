"""Bad sources of the new formats: each gets one clear line naming the file and the
problem (no traceback), and a build goes on with the rest."""
from __future__ import annotations

import json

import pytest
import pytesseract
from click.testing import CliRunner

from chronica.cli import main
from chronica.errors import InputError
from chronica.ingest import read_source
from format_makers import encrypt_pdf, make_docx, make_epub, make_image, make_pdf, make_scanned_pdf, make_zip_bomb

LIMIT = 20 * 1024 * 1024
LINES = ["The grain elevator at Liberal burned in 1931.", "Nobody was hurt."]


def fails(path, *, max_bytes=LIMIT, **kw) -> str:
    with pytest.raises(InputError) as e:
        read_source(path, max_bytes=max_bytes, **kw)
    msg = str(e.value)
    assert msg.startswith(str(path) + ": ") and "\n" not in msg and "Traceback" not in msg
    return msg


@pytest.fixture
def no_tesseract(tmp_path, monkeypatch):
    """Point pytesseract at a program that is not there, as on a machine without it."""
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-such-tesseract"))


def test_encrypted_pdf_asks_for_the_password_to_be_removed(tmp_path):
    plain = make_pdf(tmp_path / "plain.pdf", [LINES])
    locked = encrypt_pdf(plain, tmp_path / "locked.pdf", "s3cret")
    assert "password-protected" in fails(locked)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_locked_only_against_editing_is_read(tmp_path, algorithm):
    plain = make_pdf(tmp_path / "plain.pdf", [LINES])
    opened = encrypt_pdf(plain, tmp_path / "owner-only.pdf", "", algorithm)
    assert "grain elevator" in read_source(opened, max_bytes=LIMIT).text


def test_truncated_pdf(tmp_path):
    whole = make_pdf(tmp_path / "whole.pdf", [LINES] * 3).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[:300])
    assert "not a readable PDF" in fails(cut) or "no text layer" in fails(cut)


def test_scanned_pdf_without_tesseract_says_how_to_install_it(tmp_path, no_tesseract):
    scan = make_scanned_pdf(tmp_path / "scan.pdf", [LINES])
    msg = fails(scan)
    assert "page 1 has no text layer" in msg and "Tesseract OCR is not installed" in msg
    assert "apt-get install tesseract-ocr tesseract-ocr-eng" in msg


def test_image_without_tesseract(tmp_path, no_tesseract):
    assert "Tesseract OCR is not installed" in fails(make_image(tmp_path / "scan.png", LINES))


def test_pdf_with_no_text_and_nothing_to_ocr(tmp_path):
    blank = make_pdf(tmp_path / "blank.pdf", [[], []], footer_numbers=False)
    assert "no text layer and no scanned page images" in fails(blank)


def test_long_pdf_stops_at_the_text_limit_naming_the_page(tmp_path):
    pages = [[f"Line {i} of page {p}: the harvest failed again that year in the county." for i in range(40)]
             for p in range(30)]
    big = make_pdf(tmp_path / "ledger.pdf", pages)
    seen = []
    msg = fails(big, max_bytes=10_000, on_page=lambda done, total: seen.append(done))
    assert "passes the limit of 10,000 characters at page 4 of 30" in msg
    assert seen == [1, 2, 3]  # progress per page up to the one that passed the limit


@pytest.mark.parametrize("name, kind", [("book.epub", "EPUB"), ("draft.docx", "Word document")])
def test_corrupt_zip_posing_as_epub_or_docx(tmp_path, name, kind):
    maker = make_epub if name.endswith("epub") else make_docx
    good = maker(tmp_path / ("good-" + name), "Title", [("One", LINES)])
    broken = tmp_path / name
    broken.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    msg = fails(broken)
    assert f"not a valid {kind}" in msg or f"named .{name.split('.')[1]} but is not a valid" in msg


def test_random_bytes_named_epub(tmp_path):
    p = tmp_path / "book.epub"
    p.write_bytes(bytes(range(256)) * 8)
    assert "named .epub but is not a valid EPUB file" in fails(p)


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    bomb = make_zip_bomb(tmp_path / "bomb.epub", 30_000_000)
    assert bomb.stat().st_size < 100_000
    assert "zip bomb" in fails(bomb, max_bytes=1_000_000)


@pytest.mark.parametrize("name, text, expected", [
    ("bad.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nFine.\n\n00:61:00.000 --> 00:61:02.000\nBroken.\n",
     "line 6: broken timecode '00:61:00.000 --> 00:61:02.000'"),
    ("bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:03,000 --> 00:00:0x,000\nBroken.\n",
     "line 6: broken timecode"),
    ("back.srt", "1\n00:00:05,000 --> 00:00:02,000\nBackwards.\n", "line 2: cue ends before it starts"),
    ("tape.txt", "[00:01] HOST: One.\n[00:05] HOST: Two.\n[00:75] GUEST: Three.\n[01:10] HOST: Four.\n",
     "line 3: broken timestamp '00:75'"),
    ("nocue.srt", "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\nno timing here\nat all\n",
     "line 5: expected a cue timing"),
])
def test_broken_timecodes_name_the_line(tmp_path, name, text, expected):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    assert expected in fails(p)


def test_build_goes_on_past_every_bad_source(tmp_path, no_tesseract):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "good.md").write_text("# Liberal, Kansas\n\nThe elevator burned in 1931.\n", encoding="utf-8")
    encrypt_pdf(make_pdf(tmp_path / "p.pdf", [LINES]), folder / "locked.pdf", "pw")
    make_scanned_pdf(folder / "scan.pdf", [LINES])
    make_zip_bomb(folder / "bomb.epub", 30_000_000)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "bad.srt").write_text("1\n00:00:01,000 --> 00:00:99,000\nBroken.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    res = CliRunner().invoke(main, ["build", str(folder), "--db", db, "--max-bytes", "1000000"])
    assert res.exit_code == 1
    out = " ".join(res.output.split())
    for name, problem in [("locked.pdf", "password-protected"), ("scan.pdf", "Tesseract OCR is not installed"),
                          ("bomb.epub", "zip bomb"), ("broken.docx", "not a valid"),
                          ("bad.srt", "broken timecode")]:
        assert f"{name}: " in out and problem in out, name
    assert "Traceback" not in res.output
    data = json.loads(CliRunner().invoke(main, ["export", "--db", db]).output)
    assert [d["path"].rsplit("/", 1)[-1] for d in data["documents"]] == ["good.md"]
