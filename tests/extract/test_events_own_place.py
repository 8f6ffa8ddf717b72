"""The place of a happening read from its own clause: a place that undergoes it ("the
abbey was founded"), "for X" only after a verb, "the town" pointing back to the town
named last. Whole document pipeline, fresh examples."""
from __future__ import annotations

import hashlib

import pytest

from chronica.config import Settings
from chronica.doc import Doc, Source
from chronica.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    s = Settings()
    return Pipeline(s.document_pipeline, s)


def events(pipe, text: str) -> list[tuple[str, str | None]]:
    doc = pipe(Doc(Source("<t>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))
    names = {e.key: e.name for e in doc.entities}
    return [(ev.evidence.text, names.get(ev.where)) for ev in doc.events]


def place_of(evs, words: str) -> str | None:
    return next(w for t, w in evs if words in t)


def test_a_place_that_undergoes_the_happening_is_its_place(pipe):
    evs = events(pipe, "In 1190 the knights sailed to Acre.\n\nCluny Abbey was founded in 910 by Duke William.")
    assert place_of(evs, "Cluny Abbey was founded") == "Cluny Abbey"


def test_for_after_a_verb_is_a_destination_but_not_after_a_noun(pipe):
    evs = events(pipe, "The fleet sailed for Alexandria in 1798.\n\nThe battle of 1801 was a costly victory for Venice.")
    assert place_of(evs, "sailed for Alexandria") == "Alexandria"
    assert all(w != "Venice" for t, w in evs if "costly victory" in t)


def test_the_town_points_back_to_the_town_named_last(pipe):
    evs = events(pipe, "In 1204 the crusaders besieged Ragusa for a month. The town surrendered in November.")
    assert place_of(evs, "The town surrendered") == "Ragusa"


def test_the_city_with_no_town_before_it_names_nothing(pipe):
    doc_text = "The city surrendered in November 1204. Later the knights rode to Egypt."
    doc = pipe(Doc(Source("<t>", doc_text, hashlib.sha256(doc_text.encode()).hexdigest(), "txt")))
    assert not [m for m in doc.mentions if m.text == "The city"]


def test_the_happenings_own_name_outranks_a_place_it_was_near(pipe):
    evs = events(pipe, "He rode to Vienna in 1570.\n\nThe battle of Breitenfeld was fought near Leipzig in 1631.")
    assert place_of(evs, "Breitenfeld was fought") == "Breitenfeld"


def test_close_to_is_where_it_happened_about(pipe):
    evs = events(pipe, "He rode to Vienna in 1570.\n\nThe army camped close to Leipzig in 1631.")
    assert place_of(evs, "camped close to") == "Leipzig"


def test_a_named_siege_names_its_place(pipe):
    evs = events(pipe, "He rode to Vienna in 1570.\n\nThe Siege of Leiden ended in 1574.")
    assert place_of(evs, "Siege of Leiden") == "Leiden"


def test_a_town_that_gives_itself_up_in_a_relative_clause(pipe):
    evs = events(pipe, "He rode to Vienna in 1570.\n\nIn 1424 the sultan spared Smyrna, which surrendered without a fight.")
    assert place_of(evs, "which surrendered") == "Smyrna"


def test_here_points_to_the_finest_place_told_before(pipe):
    evs = events(pipe, "The raiders sailed to Sicily in 1061.\n\nThen the raiders marched to the town of Lucca, "
                       "in the northern part of Italy. Here a famous general besieged them in their camp.")
    assert place_of(evs, "Here a famous general") == "Lucca"


def test_here_prefers_a_region_to_the_country_around_it(pipe):
    evs = events(pipe, "The raiders sailed to Sicily in 1061.\n\nThen the raiders marched to the region of Apulia, "
                       "in the southeastern part of Italy. Here a bold captain besieged them in their fort.")
    assert place_of(evs, "Here a bold captain") == "Apulia"


def test_a_thing_of_a_place_does_not_place_the_happening(pipe):
    evs = events(pipe, "In 1912 the strikers marched to Lawrence.\n\nIn 1913 a delegate shouted the state motto of "
                       "Vermont.")
    assert place_of(evs, "shouted the state motto") != "Vermont"


def test_the_walls_of_a_town_are_in_the_town(pipe):
    evs = events(pipe, "In 1453 the army reached the walls of Belgrade.")
    assert place_of(evs, "reached the walls") == "Belgrade"


SCENES = ("The guests arrived at the Globe Theatre at eight.\n\n"
          "At nine the actor was stabbed by a stranger.\n\n"
          "Trouble Elsewhere\n\n"
          "Meanwhile a mob attacked the mayor.")


def test_the_story_stays_where_the_last_paragraph_left_it_until_a_heading(pipe):
    doc = pipe(Doc(Source("<t>", SCENES, hashlib.sha256(SCENES.encode()).hexdigest(), "md")))
    names = {e.key: e.name for e in doc.entities}
    where = {ev.evidence.text: names.get(ev.where) for ev in doc.events}
    assert next(w for t, w in where.items() if "actor was stabbed" in t) == "Globe Theatre"
    assert all(w is None for t, w in where.items() if "mob attacked" in t)


def test_this_capital_points_back_to_the_town(pipe):
    text = "In 1420 the court moved to Nanjing.\n\nIn 1421 the emperor was crowned in this capital."
    doc = pipe(Doc(Source("<t>", text, hashlib.sha256(text.encode()).hexdigest(), "txt")))
    assert [m.entity for m in doc.mentions if m.text == "this capital"] == \
        [m.entity for m in doc.mentions if m.text == "Nanjing"]


def test_a_crossing_happens_on_what_is_crossed_and_leaves_them_at_the_goal(pipe):
    evs = events(pipe, "He rode to Vienna in 1570.\n\nIn 1800 the army crossed the Alps into Italy. "
                       "Then it marched across the Pyrenees into Spain. Here it stayed a year.")
    assert place_of(evs, "crossed the Alps") == "Alps"
    assert place_of(evs, "across the Pyrenees") == "Pyrenees"
    assert place_of(evs, "Here it stayed") == "Spain"


def test_a_move_to_a_place_not_named_leaves_the_story_place_unknown(pipe):
    evs = events(pipe, "The guests arrived at the Globe Theatre at eight.\n\nAt nine the actor was stabbed by a "
                       "stranger. The stranger fled into a forest. The stranger hid for two days and was arrested.")
    assert place_of(evs, "actor was stabbed") == "Globe Theatre"
    assert place_of(evs, "fled into a forest") is None
    assert place_of(evs, "was arrested") is None


def test_a_move_to_a_part_of_the_place_keeps_the_story_there(pipe):
    evs = events(pipe, "The guests arrived at the Globe Theatre at eight.\n\nAt nine the stranger jumped to the "
                       "stage. The stranger stabbed the actor.")
    assert place_of(evs, "stabbed the actor") == "Globe Theatre"


def test_a_happening_in_a_place_described_but_not_named_carries_nothing(pipe):
    evs = events(pipe, "The guests arrived at the Globe Theatre at eight.\n\nAt nine the actor was stabbed by a "
                       "stranger. Friends took him to a lodging house where two doctors arrived. The actor died at dawn.")
    assert place_of(evs, "two doctors arrived") is None
    assert place_of(evs, "died at dawn") is None


@pytest.mark.parametrize("second, carried", [
    ("In 1205, Duke Odo fell ill.", None),  # dated years after the meeting: the text has moved on
    ("Duke Odo soon fell ill.", "Tours"),  # no date of its own: still where he was
    ("In 1201, Duke Odo fell ill.", "Tours"),  # the same year
])
def test_a_passing_place_from_an_earlier_paragraph_is_not_carried_to_a_later_year(pipe, second, carried):
    evs = events(pipe, "In 1201 Duke Odo met the bishop at Tours.\n\n" + second)
    assert place_of(evs, "fell ill") == carried


def test_a_move_still_places_a_later_year(pipe):
    evs = events(pipe, "In 1201 Duke Odo moved to Tours with his household.\n\nIn 1205, Duke Odo fell ill.")
    assert place_of(evs, "fell ill") == "Tours"


STORY_IN_ITALY = ("The war in Italy began in 1914. Italy mobilised in 1915, and Italy fought on. "
                  "The king of Italy stayed in Rome.\n\n")


@pytest.mark.parametrize("paragraph, place", [
    ("The harvest of Egypt failed in 1916. The old sultan died in the summer.", None),  # the story is abroad
    ("The harvest of Tuscany failed in 1916. The old sultan died in the summer.", "Italy"),  # still at home
    ("The harvest failed in 1916. The old sultan died in the summer.", "Italy"),  # no place named
])
def test_the_story_country_is_no_place_of_a_paragraph_set_abroad(pipe, paragraph, place):
    evs = events(pipe, STORY_IN_ITALY + paragraph)
    assert place_of(evs, "sultan died") == place
