"""The tag_time component fills doc.timexes and doc.narrative_time, using section headings."""
from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.model import Section, Sentence, Span
from chronica.components import Context
from chronica.pipeline import registered


def test_component_tag_time_registered_and_fills_doc():
    info = registered()["tag_time"]
    assert info.requires == ("sentences", "sections") and info.assigns == ("timexes", "narrative_time")
    text = "Norway, 1935-37\n\nIn August he was arrested."
    doc = Doc(Source("x.txt", text, "0" * 64, "txt"))
    doc.sentences = [Sentence(0, 15, "heading", 0), Sentence(17, len(text), "body", 0)]
    doc.sections = [Section(Span(0, 15, text[:15]), 0, len(text))]
    ctx = Context(Settings())
    info.func(doc, ctx)
    assert [(t.text, t.value) for t in doc.timexes] == [("1935-37", "1935/1937"), ("August", "1935-08")]
    assert doc.reference_at(18).edtf == "1935/1937"
    assert "time.tagger" in ctx.cache
