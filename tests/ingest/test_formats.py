"""Every source format read into stored text plus a locator map: the text is what a
reader of the original would read, and each region's locator names where it came from."""
from __future__ import annotations

import re
import shutil

import pytest
from PIL import Image

from chronica.errors import InputError
from chronica.ingest import read_source
from chronica.ingest.layout import Extracted
from chronica.ingest.registry import READERS, Reader, register
from chronica.locators import Locator, locator_label, span_locator
from format_makers import (
    make_docx, make_epub, make_image, make_pdf, make_scanned_pdf, render_page,
)

LIMIT = 20 * 1024 * 1024
TIMECODE = re.compile(r"\d{1,2}:\d{2}")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="Tesseract is not installed (CI installs tesseract-ocr)")

PAGE_ONE = ["The Dust Storms", "",
            "In the spring of 1935 a wall of dust rolled across the southern plains from",
            "Oklahoma into Texas, and farmers in Boise City watched the sky turn black at mid-",
            "day. The storm of that Sunday became known as Black Sunday, a con-",
            "tentious name among the families who had stayed on the land.1"]
PAGE_TWO = ["Congress passed the Soil Conservation Act in April 1935, and Hugh Bennett",
            "persuaded the senators by pointing at the dust darkening the windows.", "",
            "Migration", "",
            "Many families left for California in 1936 and settled in camps near Bakersfield."]
PAGE_THREE = ["The rains returned in the autumn of 1939, and the fields slowly recovered.", "",
              "Some families came back from California; most of them stayed."]


def read(path):
    return read_source(path, max_bytes=LIMIT)


def region_texts(src, **where):
    return [src.text[r.start:r.end] for r in src.regions
            if all(getattr(r.locator, k) == v for k, v in where.items())]


def assert_regions_exact(src):
    last = -1
    for r in src.regions:
        assert 0 <= r.start < r.end <= len(src.text) and r.start >= last
        assert src.text[r.start:r.end] == src.text[r.start:r.end].strip()
        last = r.end


# ---------------------------------------------------------------------- PDF --

@pytest.fixture
def dust_pdf(tmp_path):
    return make_pdf(tmp_path / "dust.pdf", [PAGE_ONE, PAGE_TWO, PAGE_THREE], header="Plains History · Chapter 7",
                    notes={0: ["1 The name was first printed in an Associated Press dispatch."]}, title="The Dust Storms")


def test_pdf_text_layer_page_by_page_without_running_furniture(dust_pdf):
    src = read(dust_pdf)
    assert src.format == "pdf" and src.title == "The Dust Storms"
    assert "Plains History" not in src.text and "Chapter 7" not in src.text  # running header
    assert not re.search(r"^\s*[123]\s*$", src.text, re.M)  # page numbers
    assert "contentious name" in src.text and "con-" not in src.text  # a word broken at a line end rejoined
    assert src.text.startswith("The Dust Storms\n\n")  # a heading stands alone
    assert "\n\nMigration\n\n" in src.text
    assert_regions_exact(src)
    assert any("Black Sunday" in t for t in region_texts(src, page=1))
    assert any("Hugh Bennett" in t for t in region_texts(src, page=2))
    assert any("rains returned" in t for t in region_texts(src, page=3))


def test_pdf_paragraphs_from_vertical_gaps_and_across_page_breaks(dust_pdf, tmp_path):
    assert "slowly recovered.\n\nSome families came back" in read(dust_pdf).text
    run_on = make_pdf(tmp_path / "run-on.pdf", [["The drought began in 1930 and lasted, with short breaks, until the",
                                                 "autumn of 1939, when"], ["the rains finally came back to the plains."]],
                      header="Plains History")
    assert "until the autumn of 1939, when the rains finally came" in read(run_on).text


def test_pdf_footnote_kept_as_a_note_after_the_page_body(dust_pdf):
    src = read(dust_pdf)
    notes = region_texts(src, note="1")
    assert notes == ["[1] The name was first printed in an Associated Press dispatch."]
    assert src.text.index("[1] The name") < src.text.index("Congress passed")
    assert src.locator_at(src.text.index("[1] The name")) == Locator(page=1, note="1")


def test_pdf_reports_each_page_read(dust_pdf):
    seen = []
    read_source(dust_pdf, max_bytes=LIMIT, on_page=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


@needs_tesseract
def test_scanned_pdf_is_read_by_ocr_with_confidence_and_line_boxes(tmp_path):
    path = make_scanned_pdf(tmp_path / "scan.pdf", [
        ["The county clerk recorded forty families", "leaving Cimarron County in March 1936.", "",
         "Their farms were sold at auction."],
        ["The school closed the following winter."]])
    src = read(path)
    assert src.format == "pdf"
    assert "forty families leaving Cimarron County in March 1936." in src.text
    assert "school closed" in " ".join(region_texts(src, page=2) or [src.text[r.start:r.end] for r in src.regions
                                                                       if r.locator.page == 2])
    ocr = src.meta["ocr"]
    assert [p["page"] for p in ocr["pages"]] == [1, 2]
    assert all(50 < p["confidence"] <= 100 for p in ocr["pages"])
    first = src.regions[0].locator
    assert first.page == 1 and first.box is not None and first.box[2] > 100  # the line's width in pixels
    assert_regions_exact(src)


@needs_tesseract
def test_image_and_multipage_tiff_are_read_by_ocr(tmp_path):
    png = read(make_image(tmp_path / "page.png", ["A letter from Guymon, dated June 1937."]))
    assert png.format == "image" and "Guymon" in png.text and png.meta["ocr"]["pages"][0]["page"] == 1
    pages = [render_page(["First page of the diary."]), render_page(["Second page of the diary."])]
    pages[0].save(tmp_path / "diary.tiff", save_all=True, append_images=pages[1:])
    tiff = read(tmp_path / "diary.tiff")
    assert [r.locator.page for r in tiff.regions] == [1, 2]
    assert "Second page" in region_texts(tiff, page=2)[0]


# ----------------------------------------------------------------- EPUB, DOCX --

def test_epub_chapters_in_spine_order_with_chapter_locators(tmp_path):
    path = make_epub(tmp_path / "book.epub", "Years of Dust", [
        ("Black Sunday", ["The storm came on 14 April 1935.", "It lasted into the night."]),
        ("The Road West", ["Families drove Route 66 to California."])])
    src = read(path)
    assert src.format == "epub" and src.title == "Years of Dust"
    assert src.text.index("Black Sunday") < src.text.index("The Road West") < src.text.index("Route 66")
    assert "\n\nThe Road West\n\n" in src.text  # the heading is a block of its own
    assert src.locator_at(src.text.index("Route 66")) == Locator(chapter="The Road West")
    assert src.locator_at(src.text.index("14 April")) == Locator(chapter="Black Sunday")
    assert "<p>" not in src.text
    assert_regions_exact(src)


def test_docx_headings_chapters_and_footnotes(tmp_path):
    path = make_docx(tmp_path / "draft.docx", "Draft: Dust Bowl lecture", [
        ("Causes", ["Deep ploughing in the 1920s broke the prairie sod.", "Drought followed in 1931."]),
        ("Relief", ["The Resettlement Administration was founded in 1935."])],
        footnote=(0, "Figures from the county agricultural census."))
    src = read(path)
    assert src.format == "docx" and src.title == "Draft: Dust Bowl lecture"
    assert "\n\nCauses\n\n" in src.text
    assert src.locator_at(src.text.index("Resettlement")) == Locator(chapter="Relief")
    assert src.locator_at(src.text.index("Deep ploughing")) == Locator(chapter="Causes")
    note = src.text.index("[1] Figures from the county")
    assert note > src.text.index("Resettlement")  # notes after the body
    assert src.locator_at(note) == Locator(chapter="Causes", note="1")
    assert_regions_exact(src)


# ------------------------------------------------------ subtitles, transcripts --

VTT = """WEBVTT - Dust Bowl oral history, tape 3

NOTE recorded in 1978

00:00:01.000 --> 00:00:04.200
<v Interviewer>When did your family leave
Texhoma?

00:00:04.200 --> 00:00:06.000
[wind noise]

00:00:06.000 --> 00:00:09.500
<v Ruth Avery>We left in the summer of 1936, after the
<i>third</i> crop failed.

00:00:09.500 --> 00:00:12.000
<v Ruth Avery>My father sold the mules in Liberal.
"""

SRT = """1
00:12:05,120 --> 00:12:07,000
HOST: The relief office in Dalhart

2
00:12:07,000 --> 00:12:10,500
opened in <i>January 1934</i>.

3
00:12:31,000 --> 00:12:34,000
(laughs)
GUEST: It had one clerk for the whole county.
"""

TRANSCRIPT = """Plains Voices, episode 12

[00:00:05] HOST: Welcome back. Today we go to
Dalhart, Texas.
[00:00:12] [Guest] The storms started in 1932 and
did not stop for years.
[00:01:03 --> 00:01:10] HOST: And the banks?
Jane Doe (01:12): The bank in Dalhart failed in 1933.
"""


def test_webvtt_cues_joined_into_sentences_with_voices_as_speakers(tmp_path):
    p = tmp_path / "tape3.vtt"
    p.write_text(VTT, encoding="utf-8")
    src = read(p)
    assert src.format == "vtt" and src.title == "Dust Bowl oral history, tape 3"
    assert src.text == ("When did your family leave Texhoma?\n\n"
                        "We left in the summer of 1936, after the third crop failed. "
                        "My father sold the mules in Liberal.\n")
    assert not TIMECODE.search(src.text) and "Ruth" not in src.text and "wind" not in src.text
    first = src.locator_at(src.text.index("Texhoma"))
    assert first == Locator(time="00:00:01.000", end="00:00:04.200", speaker="Interviewer")
    assert src.locator_at(src.text.index("mules")).speaker == "Ruth Avery"
    assert src.meta["speakers"] == ["Interviewer", "Ruth Avery"]
    assert_regions_exact(src)


def test_srt_labels_and_tags_out_of_the_text_into_the_locator(tmp_path):
    p = tmp_path / "episode.srt"
    p.write_text(SRT, encoding="utf-8")
    src = read(p)
    assert src.format == "srt"
    assert src.text == ("The relief office in Dalhart opened in January 1934.\n\n"
                        "It had one clerk for the whole county.\n")
    start = src.text.index("The relief")
    end = src.text.index("1934.") + 5
    # a sentence across two cues runs from the first cue's start to the second's end
    assert span_locator(src.regions, start, end) == {"time": "00:12:05.120", "end": "00:12:10.500", "speaker": "Host"}
    assert src.locator_at(src.text.index("clerk")).speaker == "Guest"
    assert_regions_exact(src)


def test_plain_transcript_is_recognised_in_a_txt_file(tmp_path):
    p = tmp_path / "episode12.txt"
    p.write_text(TRANSCRIPT, encoding="utf-8")
    src = read(p)
    assert src.format == "tscript"
    assert src.title == "Plains Voices, episode 12" and src.meta["front_matter"] == [src.title]
    assert src.text == ("Welcome back. Today we go to Dalhart, Texas.\n\n"
                        "The storms started in 1932 and did not stop for years.\n\n"
                        "And the banks?\n\n"
                        "The bank in Dalhart failed in 1933.\n")
    assert src.locator_at(src.text.index("Today")) == Locator(time="00:00:05.000", end="00:00:12.000", speaker="Host")
    assert src.locator_at(src.text.index("storms")).speaker == "Guest"
    assert src.locator_at(src.text.index("banks")) == Locator(time="00:01:03.000", end="00:01:10.000", speaker="Host")
    assert src.locator_at(src.text.index("failed")) == Locator(time="00:01:12.000", speaker="Jane Doe")
    assert_regions_exact(src)


def test_prose_with_a_few_times_stays_plain_text(tmp_path):
    p = tmp_path / "essay.txt"
    text = "At 10:30 the train left Amarillo.\nIt reached Dalhart by 12:15.\n\nNobody expected the storm.\n"
    p.write_text(text, encoding="utf-8")
    src = read(p)
    assert src.format == "txt" and src.text == text and src.regions == []


# ------------------------------------------------------------- by content --

def test_content_signature_beats_a_lying_extension(tmp_path, dust_pdf):
    pdf_as_txt = tmp_path / "notes.txt"
    pdf_as_txt.write_bytes(dust_pdf.read_bytes())
    assert read(pdf_as_txt).format == "pdf"
    transcript_as_md = tmp_path / "episode.md"
    transcript_as_md.write_text(TRANSCRIPT, encoding="utf-8")
    assert read(transcript_as_md).format == "tscript"
    vtt_as_txt = tmp_path / "tape.txt"
    vtt_as_txt.write_text(VTT, encoding="utf-8")
    assert read(vtt_as_txt).format == "vtt"
    text_as_pdf = tmp_path / "letter.pdf"
    text_as_pdf.write_text("Dear Ruth, the dust came again on Tuesday.\n", encoding="utf-8")
    src = read(text_as_pdf)
    assert src.format == "txt" and src.text.startswith("Dear Ruth")


def test_a_new_reader_is_a_registered_module(tmp_path):
    def read_shout(req):
        return Extracted(text=req.decoded().lower(), regions=[])
    register(Reader("shout", "shout", (".shout",), read_shout))
    try:
        p = tmp_path / "a.shout"
        p.write_text("THE STORM CAME IN 1935.", encoding="utf-8")
        src = read(p)
        assert (src.format, src.text) == ("shout", "the storm came in 1935.")
    finally:
        del READERS["shout"]
    with pytest.raises(ValueError):
        register(Reader("much-too-long", "x", (".x",), read_shout))


def test_locator_labels_for_views():
    assert locator_label({"page": 12}) == "p. 12"
    assert locator_label({"time": "00:12:05.120", "end": "00:12:31.000", "speaker": "Host"}) == "at 12:05 (Host)"
    assert locator_label({"time": "01:02:03.000"}) == "at 1:02:03"
    assert locator_label({"chapter": "Exile"}) == "ch. Exile"
    assert locator_label({"page": 3, "note": "2"}) == "p. 3, note 2"
    assert locator_label(None) == ""


def test_huge_image_is_refused_not_decoded(tmp_path, monkeypatch):
    p = make_image(tmp_path / "poster.png", ["A poster of 1936."])
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(InputError, match="too large to decode safely"):
        read(p)
