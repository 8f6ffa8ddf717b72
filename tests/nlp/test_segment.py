"""Segmentation: headings, sections, captions, bibliography and credits."""
from __future__ import annotations

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.nlp.segment import segment, split_blocks
from chronica.components import Context

from corpus_paths import SEEDS, need_shared

TEXT = """The Long Winter

Introduction

In 1880 the family moved west. They arrived in the spring. It was hard.

Dakota, 1880-1881

The snow began in October. By January the town was cut off.

The family at the claim, 1881.

Bibliography

Smith, John. A History of the Plains. New York: Plains Press, 1950.

Written by Ann Author
"""


def seg(text: str, nlp=None) -> Doc:
    doc = Doc(Source("<t>", text, "0" * 64, "txt"))
    if nlp is not None:
        doc.spacy = nlp(text)
    segment(doc, Context(Settings()))
    return doc


@pytest.fixture(scope="module")
def nlp():
    import spacy
    return spacy.load(Settings().spacy_model)


def kinds(doc):
    return [(s.kind, doc.text[s.start:s.end]) for s in doc.sentences]


def test_segment_kinds_of_blocks(nlp):
    doc = seg(TEXT, nlp)
    got = kinds(doc)
    assert got[0] == ("title", "The Long Winter")
    assert ("heading", "Dakota, 1880-1881") in got
    assert ("body", "They arrived in the spring.") in got
    assert ("caption", "The family at the claim, 1881.") in got
    assert ("bibliography", "Smith, John. A History of the Plains. New York: Plains Press, 1950.") in got
    assert ("credit", "Written by Ann Author") in got


def test_segment_sections_scope_until_next_heading(nlp):
    doc = seg(TEXT, nlp)
    names = [s.heading.text for s in doc.sections]
    assert names == ["Introduction", "Dakota, 1880-1881", "Bibliography"]
    dakota = doc.sections[1]
    assert doc.text[dakota.start:dakota.end].startswith("Dakota, 1880-1881")
    assert "The snow began" in doc.text[dakota.start:dakota.end]
    assert "Smith, John" not in doc.text[dakota.start:dakota.end]
    assert doc.sections[2].kind == "bibliography"
    snow = next(s for s in doc.sentences if doc.text[s.start:s.end].startswith("The snow"))
    assert snow.section == 1


def test_segment_spans_are_exact_and_ordered(nlp):
    doc = seg(TEXT, nlp)
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)
    for s in doc.sentences:
        piece = doc.text[s.start:s.end]
        assert piece == piece.strip() and piece


def test_segment_never_splits_after_abbreviations(nlp):
    doc = seg("Napoleon was sent to St. Helena in 1815. He died there.", nlp)
    assert kinds(doc) == [("body", "Napoleon was sent to St. Helena in 1815."), ("body", "He died there.")]


@pytest.mark.parametrize("text, first", [
    # a bracketed year after a short lead-in: the sentence goes on after the bracket
    ("Two winters later, (in 1202) Abbot Hemming died at Lund. The monks mourned.",
     "Two winters later, (in 1202) Abbot Hemming died at Lund."),
    ("Soon after, (in 1202) the abbot died at Lund. The monks mourned.",
     "Soon after, (in 1202) the abbot died at Lund."),
])
def test_segment_goes_on_after_a_bracket(nlp, text, first):
    assert kinds(seg(text, nlp))[0] == ("body", first)


def test_segment_without_parser_falls_back_to_punctuation():
    doc = seg("Heading\n\nOne sentence. Another one!\n")
    assert kinds(doc) == [("title", "Heading"), ("body", "One sentence."), ("body", "Another one!")]


@pytest.mark.parametrize("para, n", [
    ("Chapter 15\nExile to Elba\n(1814 - 1815)\n", 3),  # a stack of heading lines
    ("A hard-wrapped paragraph that goes\non over two lines of text.\n", 1),
    # a section heading with no blank line under it is a block of its own
    ("Later years\nShe retired to a farm near the coast in 1958 and wrote her memoirs.\n", 2),
    # ... but a hard-wrapped first line is prose, however short the next line is
    ("When the harvest failed for the third year running the\nVillagers left.\n", 1),
])
def test_split_blocks_cuts_heading_stacks_not_prose(para, n):
    assert len(split_blocks(para)) == n


def test_segment_reference_article_zones(nlp):
    need_shared(SEEDS)
    path = sorted(SEEDS.glob("000_*.txt"))[0]
    doc = seg(path.read_text(encoding="utf-8-sig"), nlp)
    by_kind = {}
    for kind, text in kinds(doc):
        by_kind.setdefault(kind, []).append(text)
    assert any(h.startswith("Turkey, 1929") for h in by_kind["heading"])
    assert len(by_kind["bibliography"]) >= 10  # the whole bibliography, not narrative
    assert not any("Grosset" in t for t in by_kind["body"])
    assert len(by_kind["caption"]) >= 2


def test_segment_podcast_credits_are_not_narrative(nlp):
    need_shared(SEEDS)
    path = sorted(SEEDS.glob("001_*.txt"))[0]
    doc = seg(path.read_text(encoding="utf-8-sig"), nlp)
    credits = [t for k, t in kinds(doc) if k == "credit"]
    assert any(t.startswith("Audio editing by") for t in credits)
    assert any(t.startswith("Produced by") for t in credits)


@pytest.mark.parametrize("block, kind", [
    ("Today's show is supported by Lantern Lamps. Use code PAST for a free month.", "credit"),
    ("This episode is brought to you by Harbor Coffee, roasted in small batches since 2009.", "credit"),
    ("Next week on the podcast: the long siege of a mountain fortress.", "credit"),
    ("Previously on the show we followed the fleet to the straits.", "credit"),
    ("If you enjoy the series, rate and review it wherever you get your podcasts.", "credit"),
    ("Next time: the mutiny on the river boats, and how it ended.", "credit"),
    ("Thanks so much for listening, and don't forget to subscribe.", "credit"),
    # narrative that only shares words with a promo stays the story
    ("The expedition was sponsored by the Geographical Society and sailed in 1872.", "body"),
    ("The next week the garrison marched out of the town.", "body"),
    ("Thanks to the thaw, the convoy reached the fort in time.", "body"),
])
def test_segment_not_the_story(nlp, block, kind):
    doc = seg("The Siege\n\nThe walls held for a month.\n\n" + block + "\n\nThe city fell in May.", nlp)
    got = [k for k, text in kinds(doc) if block.startswith(text[:20])]
    assert got and set(got) == {kind}, kinds(doc)


def test_segment_reading_list_heading_opens_a_bibliography(nlp):
    doc = seg("The Siege\n\nThe walls held for a month.\n\nRecommended Reading\n\nThe Long Siege, a history of walls.", nlp)
    assert ("bibliography", "The Long Siege, a history of walls.") in kinds(doc)


def test_text_ending_in_a_blank_line_is_split_without_an_empty_block():
    text = "The lighthouse keeper rowed out at dawn.\n\n"
    assert [b.text for b in split_blocks(text)] == ["The lighthouse keeper rowed out at dawn."]
