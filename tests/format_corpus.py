"""A small invented knowledge base (export contract) with every kind of date the formats
must carry: BC, a time of day, approximate, open start, open end, an interval, a season
and an undated event; a place with no coordinates; a relation; a conflict; a locator.

Spans are computed from the texts, so every one equals its document text at its offsets.
"""
from __future__ import annotations

import hashlib

LEDGER = (
    "The Ledger of Port Ossen\n\n"
    "On 14 March 44 BC the merchant Tavia Rusk sailed from Ossen to Calmere by way of Marro. "
    "Around 1350 her descendant Ivo Rusk founded the Salt Guild in Calmere. "
    "At 23:40 on 2 May 1911 the lighthouse at Ossen went dark. "
    "Ivo Rusk lived in Calmere until 1391. "
    "The Salt Guild has traded from Calmere since 1962. "
    "Between 1402 and 1410 the Salt Guild rebuilt the quay at Ossen. "
    "Nobody knows when Tavia Rusk came home to Ossen.\n"
)
CHRONICLE = (
    "Notes of a chronicler\n\n"
    "Tavia Rusk reached Calmere in 45 BC, the chronicler writes.\n"
    "In the winter of 1911 Ivo Rusk's guild \"mourned the dark lamp\" at Ossen.\n"
)
TEXTS = {"doc_ledger": LEDGER, "doc_chronicle": CHRONICLE}


def span(doc: str, phrase: str, nth: int = 0, **extra) -> dict:
    text, start = TEXTS[doc], -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return {"document": doc, "start": start, "end": start + len(phrase), "text": phrase, **extra}


def when(edtf: str, earliest: str | None, latest: str | None, basis: str = "explicit") -> dict:
    return {"edtf": edtf, "earliest": earliest, "latest": latest, "basis": basis}


def _mentions(name: str, doc_counts: dict[str, int], phrase: str | None = None) -> list[dict]:
    return [span(doc, phrase or name, i) for doc, n in doc_counts.items() for i in range(n)]


def make_contract() -> dict:
    entities = [
        {"id": "ent_tavia", "type": "person", "name": "Tavia Rusk", "aliases": ["Tavia Rusk"],
         "mentions": _mentions("Tavia Rusk", {"doc_ledger": 2, "doc_chronicle": 1})},
        {"id": "ent_ivo", "type": "person", "name": "Ivo Rusk", "aliases": ["Ivo Rusk"],
         "mentions": _mentions("Ivo Rusk", {"doc_ledger": 2, "doc_chronicle": 1})},
        {"id": "ent_guild", "type": "organization", "name": "Salt Guild", "aliases": ["Salt Guild"],
         "mentions": _mentions("Salt Guild", {"doc_ledger": 3})},
        {"id": "ent_ossen", "type": "place", "name": "Ossen", "aliases": ["Port Ossen", "Ossen"],
         "mentions": _mentions("Ossen", {"doc_ledger": 5, "doc_chronicle": 1}),
         "lat": 54.25, "lon": -3.5, "gazetteer": "geonames:2643743", "part_of": None},
        {"id": "ent_calmere", "type": "place", "name": "Calmere", "aliases": ["Calmere"],
         "mentions": _mentions("Calmere", {"doc_ledger": 4, "doc_chronicle": 1}),
         "lat": 53.9, "lon": -2.75, "gazetteer": None, "part_of": "ent_ossen"},
        {"id": "ent_marro", "type": "place", "name": "Marro", "aliases": ["Marro"],
         "mentions": _mentions("Marro", {"doc_ledger": 1}), "lat": None, "lon": None,
         "gazetteer": None, "part_of": None},
    ]
    led, chron = "doc_ledger", "doc_chronicle"
    events = [
        {"id": "evt_sail", "kind": "movement", "summary": "Tavia Rusk sails from Ossen to Calmere",
         "when": when("-0043-03-14", "-0043-03-14", "-0043-03-14"), "where": "ent_calmere", "who": ["ent_tavia"],
         "evidence": [span(led, "On 14 March 44 BC the merchant Tavia Rusk sailed from Ossen to Calmere by way of Marro."),
                      span(chron, "Tavia Rusk reached Calmere in 45 BC, the chronicler writes.",
                           when=when("-0044", "-0044-01-01", "-0044-12-31"), locator={"page": 12})],
         "sources": [led, chron], "confidence": 0.9},
        {"id": "evt_found", "kind": "founding", "summary": "Ivo Rusk founds the Salt Guild",
         "when": when("1350~", "1345-01-01", "1355-12-31"), "where": "ent_calmere", "who": ["ent_ivo", "ent_guild"],
         "evidence": [span(led, "Around 1350 her descendant Ivo Rusk founded the Salt Guild in Calmere.")],
         "sources": [led], "confidence": 0.8},
        {"id": "evt_dark", "kind": "other", "summary": "The lighthouse at Ossen goes dark",
         "when": when("1911-05-02T23:40", "1911-05-02", "1911-05-02"), "where": "ent_ossen", "who": [],
         "evidence": [span(led, "At 23:40 on 2 May 1911 the lighthouse at Ossen went dark."),
                      span(chron, "In the winter of 1911 Ivo Rusk's guild \"mourned the dark lamp\" at Ossen.",
                           when=when("1911-24", "1911-12-01", "1912-02-29"))],
         "sources": [led, chron], "confidence": 0.7},
        {"id": "evt_live", "kind": "residence", "summary": "Ivo Rusk lives in Calmere",
         "when": when("../1391", None, "1391-12-31"), "where": "ent_calmere", "who": ["ent_ivo"],
         "evidence": [span(led, "Ivo Rusk lived in Calmere until 1391.")], "sources": [led], "confidence": 0.8},
        {"id": "evt_trade", "kind": "other", "summary": "The Salt Guild trades from Calmere",
         "when": when("1962/..", "1962-01-01", None), "where": "ent_calmere", "who": ["ent_guild"],
         "evidence": [span(led, "The Salt Guild has traded from Calmere since 1962.")], "sources": [led],
         "confidence": 0.8},
        {"id": "evt_quay", "kind": "other", "summary": "The Salt Guild rebuilds the quay at Ossen",
         "when": when("1402/1410", "1402-01-01", "1410-12-31"), "where": "ent_ossen", "who": ["ent_guild", "ent_ivo"],
         "evidence": [span(led, "Between 1402 and 1410 the Salt Guild rebuilt the quay at Ossen.")],
         "sources": [led], "confidence": 0.8},
        {"id": "evt_home", "kind": "movement", "summary": "Tavia Rusk comes home to Ossen", "when": None,
         "where": "ent_ossen", "who": ["ent_tavia"],
         "evidence": [span(led, "Nobody knows when Tavia Rusk came home to Ossen.")], "sources": [led],
         "confidence": 0.6},
    ]
    conflicts = [{"id": "cfl_year", "kind": "date", "about": "the year Tavia Rusk reached Calmere",
                  "severity": "hard", "events": ["evt_sail"],
                  "claims": [{**span(led, "14 March 44 BC"), "value": "-0043-03-14"},
                             {**span(chron, "45 BC"), "value": "-0044"}]}]
    relations = [{"id": "rel_desc", "kind": "family", "label": "descendant", "source": "ent_ivo",
                  "target": "ent_tavia", "evidence": [span(led, "her descendant Ivo Rusk")]}]
    documents = [{"id": doc, "path": f"invented/{doc}.txt", "title": title,
                  "sha256": hashlib.sha256(TEXTS[doc].encode()).hexdigest(), "chars": len(TEXTS[doc])}
                 for doc, title in ((led, "The Ledger of Port Ossen"), (chron, "Notes of a chronicler"))]
    return {"format": "chronica-export/1", "generator": "test", "documents": documents,
            "entities": entities, "events": events, "conflicts": conflicts, "relations": relations}
