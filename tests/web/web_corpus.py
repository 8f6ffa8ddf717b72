"""A small hand-made knowledge base in the export contract, for the web tests.

Two short accounts of one voyage that agree on most things and disagree on two, plus
a hostile document whose text, names and summaries carry HTML and script.
"""
from __future__ import annotations

import hashlib

VOYAGE = (
    "The Voyage of the Beagle\n\n"
    "Charles Darwin left Plymouth aboard HMS Beagle on 27 December 1831, sailing with Captain "
    "Robert FitzRoy. In early 1832 the ship reached Salvador in Brazil. Darwin spent the autumn "
    "of 1835 on the Galápagos Islands, where he collected finches. The Beagle returned to Falmouth "
    "on 2 October 1836.\n\n"
    "In January 1839 Darwin married his cousin Emma Wedgwood at Maer. He died at Down House in "
    "April 1882.\n"
)
LETTERS = (
    "# Darwin and FitzRoy\n\n"
    "Darwin sailed from Plymouth in late 1831 with Robert FitzRoy, who later became his rival over "
    "evolution. The voyage lasted four years. Darwin reached the Galápagos Islands in September "
    "1835. The Beagle came home to Falmouth on 2 November 1836.\n\n"
    "He married Emma Wedgwood in 1839. Darwin died in 1882 at Down House.\n"
)
HOSTILE = (
    "<h1>Notes</h1><script>alert('pwned')</script>\n"
    "Mr <img src=x onerror=\"alert(1)\"> Smith visited London in 1900 "
    "and wrote <b onmouseover=alert(2)>Bold Claims</b>.\n"
)

TEXTS = {"doc_voyage": VOYAGE, "doc_letters": LETTERS, "doc_hostile": HOSTILE}


def span(doc: str, phrase: str, nth: int = 1, **extra) -> dict:
    text = TEXTS[doc]
    start = -1
    for _ in range(nth):
        start = text.index(phrase, start + 1)
    return {"document": doc, "start": start, "end": start + len(phrase), "text": phrase, **extra}


def when(edtf: str, earliest: str, latest: str, basis: str = "explicit") -> dict:
    return {"edtf": edtf, "earliest": earliest, "latest": latest, "basis": basis}


def _document(doc_id: str, path: str, title: str | None) -> dict:
    raw = TEXTS[doc_id].encode("utf-8")
    return {"id": doc_id, "path": path, "title": title, "sha256": hashlib.sha256(raw).hexdigest(),
            "chars": len(TEXTS[doc_id])}


def _entity(eid, type_, name, aliases, mentions, **extra) -> dict:
    return {"id": eid, "type": type_, "name": name, "aliases": aliases, "mentions": mentions, **extra}


def make_export() -> dict:
    V, L, H = "doc_voyage", "doc_letters", "doc_hostile"
    entities = [
        _entity("ent_darwin", "person", "Charles Darwin", ["Charles Darwin", "Darwin"],
                [span(V, "Charles Darwin"), span(V, "Darwin", 3), span(L, "Darwin", 2), span(L, "Darwin", 3)]),
        _entity("ent_fitzroy", "person", "Robert FitzRoy", ["Captain Robert FitzRoy", "Robert FitzRoy"],
                [span(V, "Captain Robert FitzRoy"), span(L, "Robert FitzRoy")]),
        _entity("ent_emma", "person", "Emma Wedgwood", ["Emma Wedgwood"],
                [span(V, "Emma Wedgwood"), span(L, "Emma Wedgwood")]),
        _entity("ent_beagle", "other", "HMS Beagle", ["HMS Beagle", "Beagle"], [span(V, "HMS Beagle")]),
        _entity("ent_england", "place", "England", ["England"], [], lat=52.5, lon=-1.5, gazetteer="geonames:6269131"),
        _entity("ent_brazil", "place", "Brazil", ["Brazil"], [span(V, "Brazil")], lat=-10.0, lon=-55.0),
        _entity("ent_plymouth", "place", "Plymouth", ["Plymouth"], [span(V, "Plymouth"), span(L, "Plymouth")],
                lat=50.37, lon=-4.14, part_of="ent_england", gazetteer="geonames:2640194"),
        _entity("ent_salvador", "place", "Salvador", ["Salvador"], [span(V, "Salvador")], lat=-12.97, lon=-38.5,
                part_of="ent_brazil"),
        _entity("ent_galapagos", "place", "Galápagos Islands", ["Galápagos Islands"],
                [span(V, "Galápagos Islands"), span(L, "Galápagos Islands")], lat=-0.8, lon=-91.1),
        _entity("ent_falmouth", "place", "Falmouth", ["Falmouth"], [span(V, "Falmouth"), span(L, "Falmouth")],
                lat=50.15, lon=-5.07, part_of="ent_england"),
        _entity("ent_maer", "place", "Maer", ["Maer"], [span(V, "Maer")], lat=52.93, lon=-2.3, part_of="ent_england"),
        _entity("ent_down", "place", "Down House", ["Down House"], [span(V, "Down House"), span(L, "Down House")],
                lat=51.33, lon=0.05, part_of="ent_england"),
        _entity("ent_smith", "person", "Mr <img src=x onerror=\"alert(1)\"> Smith",
                ["Mr <img src=x onerror=\"alert(1)\"> Smith"], [span(H, "Mr <img src=x onerror=\"alert(1)\"> Smith")]),
        _entity("ent_london", "place", "London", ["London"], [span(H, "London")], lat=51.51, lon=-0.13,
                part_of="ent_england"),
        _entity("ent_claims", "work", "<b onmouseover=alert(2)>Bold Claims</b>", ["Bold Claims"],
                [span(H, "<b onmouseover=alert(2)>Bold Claims</b>")]),
    ]
    events = [
        {"id": "evt_depart", "kind": "movement", "summary": "Darwin leaves Plymouth aboard HMS Beagle",
         "when": when("1831-12-27", "1831-12-27", "1831-12-27"), "where": "ent_plymouth",
         "who": ["ent_darwin", "ent_fitzroy"],
         "evidence": [
             span(V, "Charles Darwin left Plymouth aboard HMS Beagle on 27 December 1831, sailing with Captain "
                     "Robert FitzRoy.", when=when("1831-12-27", "1831-12-27", "1831-12-27")),
             span(L, "Darwin sailed from Plymouth in late 1831 with Robert FitzRoy",
                  when=when("1831-09/1831-12", "1831-09-01", "1831-12-31"))],
         "sources": [V, L], "confidence": 0.9},
        {"id": "evt_salvador", "kind": "movement", "summary": "The Beagle reaches Salvador",
         "when": when("1832-21", "1832-01-01", "1832-04-30"), "where": "ent_salvador", "who": ["ent_darwin"],
         "evidence": [span(V, "In early 1832 the ship reached Salvador in Brazil.")], "sources": [V]},
        {"id": "evt_galapagos", "kind": "residence", "summary": "Darwin on the Galápagos Islands",
         "when": when("1835-23", "1835-09-01", "1835-11-30"), "where": "ent_galapagos", "who": ["ent_darwin"],
         "evidence": [
             span(V, "Darwin spent the autumn of 1835 on the Galápagos Islands, where he collected finches.",
                  when=when("1835-23", "1835-09-01", "1835-11-30")),
             span(L, "Darwin reached the Galápagos Islands in September 1835.",
                  when=when("1835-09", "1835-09-01", "1835-09-30"))],
         "sources": [V, L]},
        {"id": "evt_return", "kind": "movement", "summary": "The Beagle returns to Falmouth",
         "when": when("1836-10/1836-11", "1836-10-02", "1836-11-02"), "where": "ent_falmouth",
         "who": ["ent_darwin", "ent_fitzroy"],
         "evidence": [span(V, "The Beagle returned to Falmouth on 2 October 1836."),
                      span(L, "The Beagle came home to Falmouth on 2 November 1836.")],
         "sources": [V, L]},
        {"id": "evt_marriage", "kind": "personal", "summary": "Darwin marries Emma Wedgwood",
         "when": when("1839-01", "1839-01-01", "1839-01-31"), "where": "ent_maer",
         "who": ["ent_darwin", "ent_emma"],
         "evidence": [span(V, "In January 1839 Darwin married his cousin Emma Wedgwood at Maer."),
                      span(L, "He married Emma Wedgwood in 1839.")], "sources": [V, L]},
        {"id": "evt_death", "kind": "death", "summary": "Darwin dies at Down House",
         "when": when("1882-04", "1882-04-01", "1882-04-30", "inferred"), "where": "ent_down", "who": ["ent_darwin"],
         "evidence": [span(V, "He died at Down House in April 1882."),
                      span(L, "Darwin died in 1882 at Down House.")], "sources": [V, L]},
        {"id": "evt_voyage_length", "kind": "other", "summary": "The voyage lasts four years", "when": None,
         "where": None, "who": ["ent_darwin"], "evidence": [span(L, "The voyage lasted four years.")], "sources": [L]},
        {"id": "evt_hostile", "kind": "movement", "summary": "<script>alert('summary')</script> Smith visits London",
         "when": when("1900", "1900-01-01", "1900-12-31"), "where": "ent_london", "who": ["ent_smith"],
         "evidence": [span(H, "Mr <img src=x onerror=\"alert(1)\"> Smith visited London in 1900")],
         "sources": [H]},
    ]
    relations = [
        {"id": "rel_marriage", "kind": "spouse", "label": "cousin and wife", "source": "ent_darwin",
         "target": "ent_emma", "when": when("1839-01", "1839-01-01", "1839-01-31"),
         "evidence": [span(V, "Darwin married his cousin Emma Wedgwood")]},
        {"id": "rel_rival", "kind": "rival", "label": "rival", "source": "ent_fitzroy", "target": "ent_darwin",
         "evidence": [span(L, "who later became his rival over evolution")]},
        {"id": "rel_author", "kind": "author_of", "label": "wrote", "source": "ent_smith", "target": "ent_claims",
         "evidence": [span(H, "wrote <b onmouseover=alert(2)>Bold Claims</b>")]},
    ]
    conflicts = [
        {"id": "cfl_return_date", "kind": "date", "about": "the day the Beagle came back to Falmouth",
         "severity": "hard",
         "claims": [span(V, "on 2 October 1836", value="1836-10-02"),
                    span(L, "on 2 November 1836", value="1836-11-02")],
         "events": ["evt_return"]},
        {"id": "cfl_voyage_length", "kind": "duration", "about": "how long the voyage lasted", "severity": "soft",
         "claims": [span(L, "The voyage lasted four years.", value="4 years"),
                    span(V, "on 27 December 1831", value="27 Dec 1831 – 2 Oct 1836: almost five years")],
         "events": []},
    ]
    documents = [
        _document(V, "texts/voyage.txt", "The Voyage of the Beagle"),
        _document(L, "texts/letters.md", None),
        _document(H, "texts/hostile.html", "<script>alert('title')</script>Hostile notes"),
    ]
    return {"format": "chronica-export/1", "generator": "tests/web fixture", "documents": documents,
            "entities": entities, "events": events, "conflicts": conflicts, "relations": relations}
