"""whois: a person's life from the export dict (shared by the CLI and the web)."""
from __future__ import annotations

import json

import pytest
from rich.console import Console

from chronica.whois import render_whois, whois

TEXT = ("Wendland arrived in Tarnholm in 1928. He lived on Skarholm from 1929 to 1933. "
        "Wendland wrote on Skarholm in 1931. Ibarra killed Wendland in Santa Lucía in 1940.")


def span(text: str, doc: str = "doc_a") -> dict:
    i = TEXT.index(text)
    return {"document": doc, "start": i, "end": i + len(text), "text": text}


def when(edtf: str, lo: str, hi: str) -> dict:
    return {"edtf": edtf, "earliest": lo, "latest": hi, "basis": "explicit"}


EXPORT = {
    "format": "chronica-export/1", "generator": "test",
    "documents": [{"id": "doc_a", "path": "a.txt", "title": "Exile", "sha256": "0" * 64, "chars": len(TEXT)}],
    "entities": [
        {"id": "ent_t", "type": "person", "name": "Oskar Wendland",
         "aliases": ["Oskar Wendland", "Wendland", "Ossi Brandauer"],
         "mentions": [span("Wendland"), span("He")]},
        {"id": "ent_m", "type": "person", "name": "Tomás Ibarra", "aliases": ["Ibarra", "Hugo Falk"],
         "mentions": [span("Ibarra")]},
        {"id": "ent_n", "type": "person", "name": "Marta Orlova", "aliases": ["Marta"], "mentions": []},
        {"id": "ent_aa", "type": "place", "name": "Tarnholm", "aliases": [], "mentions": [span("Tarnholm")],
         "lat": 43.25, "lon": 76.95},
        {"id": "ent_p", "type": "place", "name": "Skarholm", "aliases": [], "mentions": [span("Skarholm")],
         "lat": 40.86, "lon": 29.12},
        {"id": "ent_c", "type": "place", "name": "Santa Lucía", "aliases": [], "mentions": [span("Santa Lucía")],
         "lat": 19.35, "lon": -99.16},
    ],
    "events": [
        {"id": "evt_3", "kind": "attack", "summary": "Ibarra kills Wendland", "when": when("1940", "1940-01-01", "1940-12-31"),
         "where": "ent_c", "who": ["ent_t", "ent_m"], "evidence": [span("Ibarra killed Wendland in Santa Lucía in 1940.")],
         "sources": ["doc_a"]},
        {"id": "evt_1", "kind": "movement", "summary": "Wendland arrives in Tarnholm", "when": when("1928", "1928-01-01", "1928-12-31"),
         "where": "ent_aa", "who": ["ent_t"], "evidence": [span("Wendland arrived in Tarnholm in 1928.")], "sources": ["doc_a"]},
        {"id": "evt_2", "kind": "residence", "summary": "Wendland lives on Skarholm", "when": when("1929/1933", "1929-01-01", "1933-12-31"),
         "where": "ent_p", "who": ["ent_t"], "evidence": [span("He lived on Skarholm from 1929 to 1933.")], "sources": ["doc_a"]},
        {"id": "evt_2b", "kind": "publication", "summary": "Wendland writes", "when": when("1931", "1931-01-01", "1931-12-31"),
         "where": "ent_p", "who": ["ent_t"], "evidence": [span("Wendland wrote on Skarholm in 1931.")], "sources": ["doc_a"]},
        {"id": "evt_x", "kind": "other", "summary": "undated", "when": None, "where": None, "who": ["ent_t"],
         "evidence": [span("Wendland")], "sources": ["doc_a"]},
    ],
    "conflicts": [],
    "relations": [
        {"id": "rel_1", "kind": "killer", "label": "killer", "source": "ent_t", "target": "ent_m",
         "evidence": [span("Ibarra killed Wendland in Santa Lucía in 1940.")]},
    ],
}


@pytest.mark.parametrize("query", ["Oskar Wendland", "wendland", "Ossi Brandauer", "Wendlant", "OSKAR WENDLAND"])
def test_whois_finds_the_person_by_any_name(query):
    assert whois(EXPORT, query).id == "ent_t"


def test_whois_alias_of_another_person():
    assert whois(EXPORT, "Hugo Falk").id == "ent_m"
    assert whois(EXPORT, "Tomas Ibarra").id == "ent_m"  # accents folded


def test_whois_no_match():
    assert whois(EXPORT, "Winston Churchill") is None
    assert whois(EXPORT, "Skarholm") is None  # a place is not a person


def test_whois_itinerary_in_date_order_with_runs_merged():
    r = whois(EXPORT, "Wendland")
    stops = [(s.place_name, s.start, s.end) for s in r.itinerary]
    assert stops == [("Tarnholm", "1928", "1928"), ("Skarholm", "1929/1933", "1931"),
                     ("Santa Lucía", "1940", "1940")]
    skarholm = r.itinerary[1]
    assert skarholm.events == ["evt_2", "evt_2b"] and len(skarholm.evidence) == 2
    assert skarholm.earliest == "1929-01-01" and skarholm.latest == "1933-12-31"


def test_whois_events_people_documents():
    r = whois(EXPORT, "Wendland")
    assert [e.id for e in r.events] == ["evt_1", "evt_2", "evt_2b", "evt_3", "evt_x"]
    assert r.events[3].others == ["Tomás Ibarra"] and r.events[3].where == "Santa Lucía"
    links = {(p.name, p.how, p.kind) for p in r.people}
    assert ("Tomás Ibarra", "killer", "killer") in links
    assert ("Tomás Ibarra", "shared events", "event") in links
    m = whois(EXPORT, "Ibarra")
    assert ("Oskar Wendland", "killer of", "killer") in {(p.name, p.how, p.kind) for p in m.people}
    assert [(d.id, d.mentions, d.events) for d in r.documents] == [("doc_a", 2, 5)]
    assert r.aliases[0] == "Oskar Wendland" and "Ossi Brandauer" in r.aliases


def test_whois_report_is_json_and_renders():
    r = whois(EXPORT, "Wendland")
    data = json.loads(json.dumps(r.to_dict()))
    assert data["name"] == "Oskar Wendland" and data["itinerary"][0]["place_name"] == "Tarnholm"
    console = Console(record=True, width=160)
    render_whois(r, console)
    out = console.export_text()
    for text in ("Oskar Wendland", "Itinerary", "Skarholm", "Tomás Ibarra", "killer", "Exile"):
        assert text in out
    render_whois(None, console)
    assert "No person" in console.export_text()


def person(aliases: list[str], said: list[str]) -> dict:
    return {"id": "ent_q", "type": "person", "name": aliases[0], "aliases": aliases,
            "mentions": [{"document": "doc_a", "start": 0, "end": len(t), "text": t} for t in said]}


@pytest.mark.parametrize("aliases, said, names, descriptions", [
    # junk out: appositive fragments, ages, forms relative to someone else
    (["Anna Petrova", "Petrova", "her sister, Anna", "sister, Anna", "twelve-year-old Anna", "his aunt"],
     ["Petrova"], ["Anna Petrova", "Petrova"], []),
    # case and possessive variants once; the most used form first
    (["Karl Ostrow", "Karl", "Ostrow", "Ostrow’s", "OSTROW"], ["Ostrow", "Ostrow's", "Ostrow", "Karl"],
     ["Karl Ostrow", "Ostrow", "Karl"], []),
    # titles and roles are descriptions; "painter Karl Ostrow" wraps a listed name
    (["Karl Ostrow", "The Governor", "the governor", "Governor", "the painter", "painter Karl Ostrow"],
     ["the painter", "the governor", "the governor"], ["Karl Ostrow"], ["the governor", "the painter"]),
    # a name in a script without capitals is a name
    (["Li Wei", "李伟", "the governor"], ["Li Wei", "李伟"], ["Li Wei", "李伟"], ["the governor"]),
    # a lower-case particle joined to a name ("al-", "d'") keeps it a name, never a description
    (["Yusuf ibn Hamid al-Tarabulsi", "al-Tarabulsi", "the surveyor"], ["al-Tarabulsi"],
     ["Yusuf ibn Hamid al-Tarabulsi", "al-Tarabulsi"], ["the surveyor"]),
])
def test_whois_aliases_readable(aliases, said, names, descriptions):
    export = {"entities": [person(aliases, said)], "events": [], "relations": []}
    r = whois(export, aliases[0])
    assert r.aliases == names
    assert r.descriptions == descriptions


def place(pid: str, name: str, part_of: str | None = None) -> dict:
    return {"id": pid, "type": "place", "name": name, "aliases": [], "mentions": [], "part_of": part_of}


def stay(eid: str, where: str, edtf: str, lo: str, hi: str) -> dict:
    return {"id": eid, "kind": "residence", "summary": eid, "when": when(edtf, lo, hi), "where": where,
            "who": ["ent_q"], "evidence": [], "sources": ["doc_a"]}


def test_whois_itinerary_country_left_out_for_its_city():
    ents = [person(["Karl Ostrow"], []), place("c_fr", "Ruritania"), place("p_x", "Strelsau", "c_fr"),
            place("c_gr", "Graustark")]
    events = [stay("e1", "c_fr", "1920/1922", "1920-01-01", "1922-12-31"),  # its city covers it: out
              stay("e2", "p_x", "1920/1922", "1920-01-01", "1922-12-31"),
              stay("e3", "c_gr", "1923", "1923-01-01", "1923-12-31"),  # only the country: kept
              stay("e4", "c_fr", "1924/1930", "1924-01-01", "1930-12-31"),  # longer than the city
              stay("e5", "p_x", "1925", "1925-01-01", "1925-12-31")]
    r = whois({"entities": ents, "events": events, "relations": []}, "Karl Ostrow")
    assert [(s.place_name, s.start) for s in r.itinerary] == [
        ("Strelsau", "1920/1922"), ("Graustark", "1923"), ("Ruritania", "1924/1930"), ("Strelsau", "1925")]


# Issue 17, item 7: exact names and aliases first; a fuzzy match only when close, and
# labelled; several equally good candidates are listed, not chosen between.

def _people(*people: tuple[str, str, list[str]]) -> dict:
    return {"entities": [{"id": i, "type": "person", "name": n, "aliases": a, "mentions": []}
                         for i, n, a in people], "events": [], "relations": []}


LOOKALIKES = _people(("ent_orla", "Orla", ["Orla"]), ("ent_nat", "Marta Orlova", ["Marta"]),
                     ("ent_k1", "Karl Ostrow", ["Ostrow"]), ("ent_k2", "Karl Brandt", ["Brandt"]))


def test_whois_surname_beats_a_near_spelling_of_someone_else():
    r = whois(LOOKALIKES, "Orlova")
    assert r.id == "ent_nat" and r.match == "part"


def test_whois_no_loose_fuzzy_match():
    assert whois(_people(("ent_orla", "Orla", ["Orla"])), "Orlova") is None


def test_whois_near_spelling_is_labelled_closest():
    r = whois(EXPORT, "Wendlant")
    assert r.id == "ent_t" and r.match == "closest"
    console = Console(record=True, width=120)
    render_whois(r, console)
    assert "closest match" in console.export_text()
    assert whois(EXPORT, "Wendland").match == "exact"


def test_whois_ambiguous_query_lists_candidates():
    from chronica.whois import candidates
    assert sorted(candidates(LOOKALIKES, "Karl")) == [("ent_k1", "Karl Ostrow"), ("ent_k2", "Karl Brandt")]
    assert candidates(LOOKALIKES, "Karl Brandt") == []


def test_cli_whois_ambiguous_exits_1_with_candidates(tmp_path):
    from click.testing import CliRunner

    from chronica.cli import main
    (tmp_path / "a.txt").write_text("Karl Ostrow painted in Vienna in 1911. Karl Brandt sailed to Oslo in 1912.\n",
                                    encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    res = runner.invoke(main, ["whois", "Karl", "--db", db])
    assert res.exit_code == 1
    assert "could be any of" in res.output and "Karl Ostrow" in res.output and "Karl Brandt" in res.output
    assert runner.invoke(main, ["whois", "Karl Brandt", "--db", db]).exit_code == 0
