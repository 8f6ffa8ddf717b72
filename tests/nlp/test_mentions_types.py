"""find_mentions: names found, trimmed to the bare name and typed as a reader would."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(["parse", "segment", "find_mentions"], Settings())


def run(pipe, text: str) -> Doc:
    return pipe(Doc(Source("<test>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))


def types(doc: Doc) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in doc.mentions:
        out.setdefault(m.text, set()).add(m.type)
    return out


@pytest.mark.parametrize("text, name, expected", [
    ("Dostoevsky travelled to Dresden with his wife, Anna, and his stepson.", "Anna", "person"),
    ("Tolstoy’s secretary opened the door. Tolstoy smiled.", "Tolstoy", "person"),
    ("In 1768 Captain James Cook carried them to the island.", "Captain James Cook", "person"),
    ("Elizabeth met the Duke of Norfolk at last.", "Duke of Norfolk", "person"),
    ("Charles X fled to Holyrood.", "Charles X", "person"),
    ("The fort lay 5 kilometers off the Dalmatian coast.", "Dalmatian", "place"),
    ("Washington led the Continental Army against the British.", "Continental Army", "organization"),
    ("The Treaty of Paris gave them the colony.", "Treaty of Paris", "work"),
    ("The Habsburgs returned to Vienna.", "Habsburgs", "organization"),
    ("He beat the Austrians at Solferino, but not decisively.", "Solferino", "place"),
    ("Lenin was exiled to Shushenskoye in 1897.", "Shushenskoye", "place"),
    ("Brecht and his family settled in Denmark in 1933.", "Denmark", "place"),
    ("Buddha, it was taught, was the true teacher.", "Buddha", "person"),
    ("Guy Fawkes visited the house in Lambeth.", "Guy Fawkes", "person"),
    ("Guy Fawkes visited the house in Lambeth.", "Lambeth", "place"),
    ("The turning point came at the Battle of Gettysburg on July 3, 1863.", "Gettysburg", "place"),
    ("After a long winter at Corfu Kapodistrias decided that the time had come.", "Corfu", "place"),
    ("After a long winter at Corfu Kapodistrias decided that the time had come.", "Kapodistrias", "person"),
    ("After two winters at Sicily Garibaldi decided that Rome was ripe.", "Garibaldi", "person"),
    ("He sailed in a Royal Navy sloop, the Endeavour, as a botanist.", "Endeavour", "vehicle"),
    ("The Ottoman Empire expelled him in 1850.", "Ottoman Empire", "place"),
    ("Kennedy was survived by his wife, Jacqueline, and the Warren Commission studied his death.",
     "Warren Commission", "organization"),
    # the name's own words and its syntax, against the tagger
    ("Gorky and his children reach the far-off town of Nizhny Novgorod.", "Nizhny Novgorod", "place"),
    ("They stayed in William Morris’s beloved Red House in Bexleyheath.", "Red House", "place"),
    ("Guiteau was held responsible for American president Garfield’s death in late 1881.", "Garfield", "person"),
    ("In 1831, Mazzini founded Young Italy, a society that wanted to unite Italy as a republic.",
     "Young Italy", "organization"),
    ("He threw the letters into the Vltava river to make sure they sank.", "Vltava river", "place"),
    ("Conservative pressure pushed the Swiss government to ask Lenin to leave.", "Swiss government",
     "organization"),
    ("He was a surgeon in the Austro-Hungarian navy.", "Austro-Hungarian navy", "organization"),
    ("He set up a rival to the Moscow-run Cominform.", "Cominform", "organization"),
    ("When the Anglo-Japanese Treaty of Alliance was signed in 1902, the envoy returned to Tokyo.",
     "Anglo-Japanese Treaty of Alliance", "work"),
    ("Burke rode north in search of Dr. Knox, who lived near the college.", "Dr. Knox", "person"),
    ("The sword is kept at the Museum of Naval History in Lisbon.", "Museum of Naval History", "place"),
    ("Holmes walked into Simpson’s Tavern for a chop.", "Simpson’s Tavern", "place"),
    ("Although Catesby’s scheme required the plotters to gather at a certain inn in Warwickshire after "
     "lighting the fuse, Rookwood and Keyes improvised.", "Rookwood", "person"),
])
def test_mentions_types(pipe, text, name, expected):
    assert expected in types(run(pipe, text)).get(name, set()), types(run(pipe, text))


@pytest.mark.parametrize("text, forbidden", [
    ("Chapter 15\n\nGaribaldi returned.", "Chapter 15"),
    ("In Geneva, Lenin wrote.", "In Geneva"),
    ("The Emperor. During the night he left.", "Emperor. During"),
    # glued names, headings and credits in title case, roles
    ("Dvořák's parents, František and Anna (née Zdeňková), were village innkeepers.", "František and Anna"),
    ("By the time Hus reached Konstanz, Wenceslas had changed his mind.", "Konstanz, Wenceslas"),
    ("The Plotters Disperse\n\nThe plotters disperse across Warwickshire after the discovery.",
     "Plotters Disperse"),
    ("He hoped to meet Count Thun, the Austro-Hungarian Governor of Bohemia.", "Austro-Hungarian Governor"),
    ("Herzen lived in exile in London.\n\nBibliography\n\nPartridge, Monica. ‘Herzen in Exile’. "
     "Nottingham University Press, 1984.", "Exile"),
])
def test_mentions_no_junk(pipe, text, forbidden):
    assert forbidden not in {m.text for m in run(pipe, text).mentions}


def test_mentions_offsets_are_exact_and_bare(pipe):
    text = "The Holy Alliance met. Tolstoy’s wife spoke of the Kremlin’s walls."
    doc = run(pipe, text)
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
        assert not m.text.startswith(("the ", "The ")) and not m.text.endswith(("’s", "'s"))
        assert m.entity is None
    assert {"Holy Alliance", "Tolstoy", "Kremlin"} <= {m.text for m in doc.mentions}


def test_mentions_in_bibliography_are_cited(pipe):
    path = SHARED / "seeds" / "000_5ca56a9655264278.txt"
    if not path.exists():
        pytest.skip("../shared is absent")
    text = path.read_text(encoding="utf-8-sig")
    doc = run(pipe, text)
    bib = text.index("Bibliography")
    cited = [m for m in doc.mentions if m.start > bib]
    assert cited and sum(m.cited for m in cited) / len(cited) > 0.8
    assert not any(m.cited for m in doc.mentions if m.start < 200)


def test_mentions_never_date_or_number(pipe):
    doc = run(pipe, "On 5 November 1605 three men visited Catesby in Lambeth.")
    assert not {m.label for m in doc.mentions} & {"DATE", "CARDINAL", "TIME", "ORDINAL"}


@pytest.mark.parametrize("text, glued, name", [
    # a heading's or credit's title-case words are not part of a name the text uses
    ("Churchill rose. Chamberlain fell.\n\nBibliography\n\nChamberlain, Neville. ‘Churchill Wants My Job’. "
     "The Weekly Review, 1940.", "Churchill Wants", "Churchill"),
    ("Gandhi addressed the crowd.\n\nImage credits\n\nGandhi Address at Dandi, 1930, from the Wellcome "
     "Collection.", "Gandhi Address", "Gandhi"),
])
def test_mentions_titled_zone_names_shrink(pipe, text, glued, name):
    found = {m.text for m in run(pipe, text).mentions}
    assert glued not in found and name in found


@pytest.mark.parametrize("text, name", [
    ("In 1790 HMS Pandora left Spithead. The Pandora struck a reef off the coast.", "Pandora"),
    ("The liner named Queen Adelaide sank in the storm of 1859.", "Queen Adelaide"),
    ("In 1912 the family boarded a train named Northern Star at the coast.", "Northern Star"),
])
def test_mentions_vessels_are_vehicles(pipe, text, name):
    found = types(run(pipe, text))
    assert found.get(name) == {"vehicle"}, found


@pytest.mark.parametrize("text, name", [
    ("The Vandals crossed the strait and took Carthage from the Romans.", "Vandals"),
    ("In the spring the Franks marched against the Burgundian king.", "Franks"),
    ("Tatar horsemen burned the town, and the Cumans fled west.", "Cumans"),
    ("The Salian Franks settled along the lower Rhine.", "Salian Franks"),
    ("The Zulu army met the column at the river.", "Zulu"),
])
def test_mentions_peoples_are_groups_not_places(pipe, text, name):
    # a people is a group wherever it stands, even where a kingdom bore its name
    # (lang/en/names/peoples.txt)
    got = types(run(pipe, text))
    assert got.get(name) == {"group"}, got
