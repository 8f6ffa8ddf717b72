"""Hand-made annals for the evidence-support tests (tests/ask/test_evidence_support.py and
the report's browser test): one death told two ways (one source only heads for the
place), an appointment beside a succession, a plain battle, a legend and a quoted claim."""
from __future__ import annotations

TEXT = ("King Oswin marched south in 880. Oswin died on his way to Marrowby in 881. "
        "Oswin died at Felgate in 881, of a fever. "
        "The council appointed Oswin warden of the marches in 870. "
        "Oswin was succeeded by his nephew Cadric in 881. "
        "Oswin beat the raiders near Dunholt in 875. "
        "Some say, according to legend, Oswin slew a giant at Dunholt in 876. "
        "At the moot Oswin stated: \"I burned the ships at Dunholt in 877.\"\n")
DOC = "doc_annals"


def _span(phrase: str) -> dict:
    start = TEXT.index(phrase)
    return {"document": DOC, "start": start, "end": start + len(phrase), "text": phrase}


def _when(year: str) -> dict:
    year = year.zfill(4)  # EDTF years have four digits
    return {"edtf": year, "earliest": f"{year}-01-01", "latest": f"{year}-12-31", "basis": "explicit"}


def _event(eid, kind, summary, year, where, who, *phrases) -> dict:
    return {"id": eid, "kind": kind, "summary": summary, "when": _when(year), "where": where, "who": who,
            "evidence": [_span(p) for p in phrases], "sources": [DOC]}


def make_annals() -> dict:
    def place(pid: str, name: str) -> dict:
        at = [i for i in range(len(TEXT)) if TEXT.startswith(name, i)]
        return {"id": pid, "type": "place", "name": name, "aliases": [],
                "mentions": [{"document": DOC, "start": i, "end": i + len(name), "text": name} for i in at]}

    entities = [
        {"id": "ent_oswin", "type": "person", "name": "King Oswin", "aliases": ["Oswin"], "mentions": [_span("King Oswin")]},
        {"id": "ent_cadric", "type": "person", "name": "Cadric", "aliases": [], "mentions": [_span("Cadric")]},
        {"id": "ent_council", "type": "organization", "name": "council", "aliases": [], "mentions": [_span("council")]},
        place("ent_marrowby", "Marrowby"), place("ent_felgate", "Felgate"), place("ent_dunholt", "Dunholt"),
    ]
    events = [
        # one death told two ways; the merged event kept the place the first source heads for
        _event("evt_death", "death", "Oswin dies", "881", "ent_marrowby", ["ent_oswin"],
               "Oswin died on his way to Marrowby in 881.", "Oswin died at Felgate in 881, of a fever."),
        _event("evt_warden", "appointment", "The council appoints Oswin", "870", None, ["ent_council", "ent_oswin"],
               "The council appointed Oswin warden of the marches in 870."),
        _event("evt_beat", "attack", "Oswin beats the raiders near Dunholt", "875", "ent_dunholt", ["ent_oswin"],
               "Oswin beat the raiders near Dunholt in 875."),
        _event("evt_giant", "attack", "Oswin slays a giant", "876", "ent_dunholt", ["ent_oswin"],
               "Some say, according to legend, Oswin slew a giant at Dunholt in 876."),
        _event("evt_ships", "attack", "Oswin burns the ships", "877", "ent_dunholt", ["ent_oswin"],
               "At the moot Oswin stated: \"I burned the ships at Dunholt in 877.\""),
    ]
    documents = [{"id": DOC, "path": "annals.txt", "title": "Annals", "sha256": "0" * 64, "chars": len(TEXT)}]
    return {"format": "chronica-export/1", "generator": "tests/ask", "documents": documents,
            "entities": entities, "events": events, "conflicts": [], "relations": []}
