"""extract_events on small hand-made documents (spaCy parse, hand-placed mentions/dates)."""
from __future__ import annotations

import hashlib
import re

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.extract.events import find_events
from chronica.extract.events_lexicon import load_lexicon
from chronica.model import LocalEntity, Mention, PlaceRef, Sentence, Timex
from chronica.pipeline import Pipeline

COUNTRIES = {"France", "Turkey", "Belgium", "Spain", "Italy", "Brazil"}


def make_doc(nlp, text: str, people=(), places=(), groups=(), dates=None, headings=()) -> Doc:
    """A Doc with spaCy's parse, one sentence per spaCy sentence (lines listed in
    ``headings`` are headings), a mention for each occurrence of the given names and a
    timex for each given date text (``{"March 12, 1835": "1835-03-12"}``)."""
    doc = Doc(Source("t.txt", text, hashlib.sha256(text.encode()).hexdigest(), "txt"))
    doc.spacy = nlp(text)
    heads = [(m.start(), m.end()) for h in headings for m in re.finditer(re.escape(h), text)]
    for a, b in heads:
        doc.sentences.append(Sentence(a, b, "heading"))
    for s in doc.spacy.sents:
        a, b = s.start_char, s.end_char
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and not any(x < b and a < y for x, y in heads):
            doc.sentences.append(Sentence(a, b, "body"))
    doc.sentences.sort(key=lambda s: s.start)
    for typ, names in (("person", people), ("place", places), ("group", groups)):
        for name in names:
            key = "k_" + name.lower().replace(" ", "_")
            ent = LocalEntity(key, typ, name, [name])
            if typ == "place":
                ent.place = PlaceRef(None, name, None, None,
                                     feature="country" if name in COUNTRIES else "city")
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
                ent.mentions.append(len(doc.mentions))
                doc.mentions.append(Mention(m.start(), m.end(), name, "X", typ, key))
            doc.entities.append(ent)
    doc.mentions.sort(key=lambda m: m.start)
    for dtext, edtf in (dates or {}).items():
        for m in re.finditer(re.escape(dtext), text):
            lo, hi = _bounds(edtf)
            doc.timexes.append(Timex(m.start(), m.end(), dtext, "DATE", edtf, edtf, lo, hi))
    doc.timexes.sort(key=lambda t: t.start)
    return doc


def _bounds(edtf: str) -> tuple[str, str]:
    if "/" in edtf:
        a, b = edtf.split("/")
        return f"{a}-01-01", f"{b}-12-31"
    if len(edtf) == 4:
        return f"{edtf}-01-01", f"{edtf}-12-31"
    if len(edtf) == 7:
        return f"{edtf}-01", f"{edtf}-28"
    return edtf, edtf


def events_of(nlp, text, **kw):
    doc = make_doc(nlp, text, **kw)
    return doc, find_events(doc, load_lexicon(), nlp=nlp)


@pytest.mark.parametrize("text, kw, kind, where, when, who", [
    ("He arrived at Valparaiso on March 12, 1835.",
     dict(places=["Valparaiso"], dates={"March 12, 1835": "1835-03-12"}), "movement", "Valparaiso", "1835-03-12", []),
    ("Garibaldi left Rome shortly after, seeking refuge at Caprera.",
     dict(people=["Garibaldi"], places=["Rome", "Caprera"]), "movement", "Caprera", None, ["Garibaldi"]),
    ("His former wife Catherine had passed away in Spain.",
     dict(people=["Catherine"], places=["Spain"]), "death", "Spain", None, ["Catherine"]),
    ("Hugo was forced into exile on the Channel island of Jersey.",
     dict(people=["Hugo"], places=["Jersey"]), "exile", "Jersey", None, ["Hugo"]),
    ("In 1897 Herzl founded the Zionist movement in Basel.",
     dict(people=["Herzl"], places=["Basel"], groups=["Zionist"], dates={"1897": "1897"}),
     "founding", "Basel", "1897", ["Herzl", "Zionist"]),
])
def test_events_single_happening(nlp, text, kw, kind, where, when, who):
    doc, events = events_of(nlp, text, **kw)
    assert len(events) == 1
    ev = events[0]
    assert ev.kind == kind
    assert (doc.entity(ev.where).name if ev.where else None) == where
    assert (ev.when.edtf if ev.when else None) == when
    assert [doc.entity(k).name for k in ev.who] == who
    assert ev.evidence.text == text  # one happening: the whole sentence is its evidence


def test_events_two_happenings_get_clause_evidence(nlp):
    text = "She tried to get to Brazil, but Lisbon, which she reached, was guarded by French frigates."
    doc, events = events_of(nlp, text, places=["Brazil", "Lisbon"])
    assert [doc.entity(e.where).name for e in events] == ["Brazil", "Lisbon"]
    a, b = events
    assert a.evidence.end <= b.evidence.start  # clauses do not overlap
    assert "get to Brazil" in a.evidence.text and "which she reached" in b.evidence.text


def test_events_later_happening_in_adjunct_stands_apart(nlp):
    text = "There she stayed until her death from tuberculosis in 1855, devoting herself to her novels."
    doc, events = events_of(nlp, text, dates={"1855": "1855"})
    kinds = {e.kind: e for e in events}
    assert set(kinds) == {"residence", "death"}
    assert kinds["death"].when.edtf == "1855"
    assert "devoting herself" in kinds["residence"].evidence.text


def test_events_evidence_is_exact_and_keys_unique(nlp):
    text = ("Ilse Brandt fled from Visby on March 3, 1712. Three days later, she landed at Riga. "
            "She never wrote to him again. She beat the Danes at Narva.")
    doc, events = events_of(nlp, text, people=["Ilse Brandt"], places=["Visby", "Riga", "Narva"],
                            dates={"March 3, 1712": "1712-03-03"})
    assert len(events) == 3
    assert len({e.key for e in events}) == len(events)
    for e in events:
        assert doc.text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text


@pytest.mark.parametrize("gap, expected", [
    ("\n\n", "1859"),        # a later paragraph: only the story's year is known
    (" ", "1859-06-04"),       # the same scene: that day
])
def test_events_undated_clause_takes_the_story_date(nlp, gap, expected):
    text = f"On June 4, 1859 Garibaldi arrived at Como.{gap}Garibaldi launched an offensive against the Austrians."
    doc, events = events_of(nlp, text, people=["Garibaldi"], places=["Como"],
                            dates={"June 4, 1859": "1859-06-04"})
    assert events[0].when.edtf == "1859-06-04" and events[0].when.basis == "explicit"
    assert events[1].when.edtf == expected and events[1].when.basis == "inferred"


def test_events_pronoun_takes_the_agreeing_person(nlp):
    text = ("Byron heard that his daughter Allegra had died in Italy. "
            "He sailed from Genoa soon after.")
    doc, events = events_of(nlp, text, people=["Byron", "Allegra"], places=["Italy", "Genoa"])
    voyage = [e for e in events if e.kind == "movement"][0]
    assert [doc.entity(k).name for k in voyage.who] == ["Byron"]


def test_events_heading_place_period_is_a_residence(nlp):
    text = "Italy, 1856-1882\n\nGaribaldi lived on the island of Caprera. Garibaldi wrote his memoirs."
    doc, events = events_of(nlp, text, people=["Garibaldi"], places=["Italy", "Caprera"],
                            dates={"1856-1882": "1856/1882"}, headings=["Italy, 1856-1882"])
    first = events[0]
    assert first.kind == "residence" and first.evidence.text == "Italy, 1856-1882"
    assert first.when.edtf == "1856/1882"
    assert doc.entity(first.where).name == "Italy" and doc.entity(first.who[0]).name == "Garibaldi"


def test_events_not_in_bibliography(nlp):
    text = "Dante was exiled to Verona in 1302."
    doc = make_doc(nlp, text, people=["Dante"], places=["Verona"], dates={"1302": "1302"})
    doc.sentences = [Sentence(s.start, s.end, "bibliography") for s in doc.sentences]
    assert find_events(doc, load_lexicon(), nlp=nlp) == []


@pytest.mark.parametrize("text, people, want", [
    # an object pronoun is not its own clause's subject
    ("Brutus, who had sworn to bring Cassius back, greeted him warmly.", ["Brutus", "Cassius"], ["Brutus", "Cassius"]),
    # a subject "he" carries the protagonist past a person named in passing
    ("Felton drew his knife. He waited for the porter, John Ward, to speak. He entered the room at once.",
     ["Felton", "John Ward"], ["Felton"]),
])
def test_events_pronoun_resolution_follows_the_story(nlp, text, people, want):
    doc, events = events_of(nlp, text, people=people)
    last = events[-1]
    assert [doc.entity(k).name for k in last.who] == want


def test_events_attempted_destination_is_not_where_the_story_goes(nlp):
    text = "She reached Lisbon. She tried to get to Brazil. She went aboard a Portuguese frigate."
    doc, events = events_of(nlp, text, places=["Lisbon", "Brazil"])
    assert doc.entity(events[-1].where).name == "Lisbon"


def test_events_pluperfect_backstory_keeps_the_story_date(nlp):
    text = ("On 3 May 1791 the deputies met in Warsaw. The king had survived a plot in 1771. "
            "The deputies arrived at the castle.")
    doc, events = events_of(nlp, text, places=["Warsaw"], dates={"3 May 1791": "1791-05-03", "1771": "1771"})
    assert events[-1].when.edtf == "1791-05-03"  # the same scene: that day, not the plot's year


def test_events_year_in_a_name_is_no_date(nlp):
    text = "In 1805 the general arrived at Ulm. He drew his Model 1777 musket and fired at the colonel."
    doc, events = events_of(nlp, text, places=["Ulm"], dates={"1805": "1805", "1777": "1777"})
    assert events[-1].kind == "attack" and events[-1].when.edtf == "1805"


def test_events_happening_that_only_marks_a_spot_is_not_retold(nlp):
    text = "Since 1950 a stone has marked the corner where the duke was shot."
    doc, events = events_of(nlp, text, dates={"1950": "1950"})
    assert "attack" not in {e.kind for e in events}


@pytest.mark.parametrize("text, people, want", [
    ("Orsini fired twice, killing Pieri and wounding Gomez.", ["Orsini", "Pieri", "Gomez"],
     ["Orsini", "Pieri", "Gomez"]),
    ("A rebel hurled a grenade at Radetzky's carriage.", ["Radetzky"], ["Radetzky"]),
])
def test_events_attack_takes_those_it_struck(nlp, text, people, want):
    doc, events = events_of(nlp, text, people=people)
    (attack,) = [e for e in events if e.kind == "attack"]
    assert sorted(doc.entity(k).name for k in attack.who) == sorted(want)


@pytest.mark.parametrize("text, people, want", [
    ("Orsini fired twice, killing Pieri and wounding Gomez.", ["Orsini", "Pieri", "Gomez"], ["Gomez", "Pieri"]),
    ("A rebel hurled a grenade at Radetzky's carriage.", ["Radetzky"], ["Radetzky"]),
    ("In 1848 Orsini ambushed Pieri.", ["Orsini", "Pieri"], ["Pieri"]),
    ("As Pieri turned, Orsini stabbed at him.", ["Orsini", "Pieri"], []),  # a pronoun's referent is a guess
])
def test_events_attack_targets_are_the_victims(nlp, text, people, want):
    doc, events = events_of(nlp, text, people=people)
    (attack,) = [e for e in events if e.kind == "attack"]
    assert sorted(doc.entity(k).name for k in attack.targets) == want
    assert set(attack.targets) <= set(attack.who)


@pytest.mark.parametrize("text", [
    "The rebels hatched a plot to kill Radetzky.",
    "The rebels plotted to kill Radetzky.",
])
def test_events_plot_is_no_attack(nlp, text):
    _, events = events_of(nlp, text, people=["Radetzky"])
    assert [e.kind for e in events] == ["political"]


def test_events_bare_later_leaves_the_end_open(nlp):
    text = "In 1911 the clerk was arrested in Rome.\n\nThe judges later gave him two years in prison."
    doc, events = events_of(nlp, text, places=["Rome"], dates={"1911": "1911"})
    trial = [e for e in events if e.kind == "trial"][0]
    assert trial.when.edtf == "1911/.." and trial.when.latest is None and trial.when.basis == "relative"


def test_events_pronoun_agrees_with_a_given_names_gender():
    text = ("Greta Holm was born in Malmo in 1851. In 1877 she married the carpenter Nils Ek. "
            "He died in 1902.")
    s = Settings()
    doc = Pipeline(s.document_pipeline, s)(Doc(Source("<t>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))
    names = {e.key: e.name for e in doc.entities}
    death = next(ev for ev in doc.events if ev.kind == "death")
    assert [names[k] for k in death.who] == ["Nils Ek"]


def test_events_bare_until_date_ends_a_span_from_the_story_date(nlp):
    # "until 1517" is when the captivity ended, not when he was taken: the happening runs
    # from the story's date (1514) to it, both told to the year
    text = ("On 3 May 1514 the margrave was defeated at Velden. His son Konrad was captured with him "
            "and held captive at Stolberg until 1517.")
    doc, events = events_of(nlp, text, people=["Konrad"], places=["Velden", "Stolberg"],
                            dates={"3 May 1514": "1514-05-03", "1517": "1517"})
    taken = next(e for e in events if "until 1517" in e.evidence.text)
    assert taken.when.edtf == "1514/1517"


def test_events_until_a_happening_keeps_its_own_date(nlp):
    # "until her death in 1855" is a happening of its own, dated by its own year
    text = "In 1849 she moved to Nantes. There she stayed until her death in 1855."
    doc, events = events_of(nlp, text, places=["Nantes"], dates={"1849": "1849", "1855": "1855"})
    death = next(e for e in events if e.kind == "death")
    assert death.when.edtf == "1855"


def test_events_place_of_someone_elses_happening_is_not_carried(nlp):
    # Oporto is where the brother died; Brandt stays where the text last put him
    text = ("In 1820 Brandt was sent to Malta. He arrived at Valletta on June 2, 1820.\n\n"
            "Months later, Brandt received terrible news: his brother Anton had died in Oporto. "
            "Brandt, deeply shaken, retreated into isolation for a week.")
    doc, events = events_of(nlp, text, people=["Brandt", "Anton"], places=["Malta", "Valletta", "Oporto"],
                            dates={"1820": "1820", "June 2, 1820": "1820-06-02"})
    retreat = next(e for e in events if "isolation" in e.evidence.text)
    assert doc.entity(retreat.where).name == "Valletta"
    death = next(e for e in events if e.kind == "death")
    assert doc.entity(death.where).name == "Oporto"


@pytest.mark.parametrize("text, dates, kind, expected", [
    # measured back from the sentence's date: on or before its year, never at it
    ("The mill burned in 1702, two decades after the regent exiled the old bishop.",
     {"1702": "1702"}, "exile", "../1702"),
    ("In 1790 the abbey was closed, long after the last prior died.", {"1790": "1790"}, "death", "../1790"),
    # no measure: "after" alone keeps the sentence's date
    ("In 1790 the abbey was closed after the last prior died.", {"1790": "1790"}, "death", "1790"),
    # the clause writes its own date: kept
    ("The mill burned in 1702, two decades after the regent exiled the old bishop in 1681.",
     {"1702": "1702", "1681": "1681"}, "exile", "1681"),
])
def test_events_a_clause_measured_back_from_the_date_is_before_it(nlp, text, dates, kind, expected):
    _, events = events_of(nlp, text, dates=dates)
    ev = next(e for e in events if e.kind == kind)
    assert ev.when is not None and ev.when.edtf == expected
