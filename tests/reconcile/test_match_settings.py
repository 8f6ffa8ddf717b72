"""The matcher's thresholds are data read through Settings, and live: changing one in
the settings changes what is matched."""
from dataclasses import replace
from pathlib import Path

import pytest

import chronica.resources
from chronica.config import Settings
from chronica.match_settings import DATA_FILE, MatchSettings
from chronica.pipeline import Context
from chronica.reconcile.match import match_events
from chronica.resources import ResourceError, Resources

# One landing told twice: A dates it, B only guesses the year from its context (a year
# off, "a year after the storm") and words it otherwise.
A = ("The admiral's fleet left Corvan in the spring. "
     "On 2 June 1731 the admiral anchored off Tarvik with nine ships.")
B = "The admiral came to Tarvik a year after the storm, with his ships."


def _landings(doc_builder, make_corpus):
    a = (doc_builder(A, "a.txt").mention("Tarvik", "place", "tarvik").mention("the admiral", "person", "adm")
         .event("a1", "movement", "On 2 June 1731 the admiral anchored off Tarvik with nine ships", who=["adm"],
                where="tarvik", when="1731-06-02"))
    b = (doc_builder(B, "b.txt").mention("Tarvik", "place", "tarvik").mention("The admiral", "person", "adm")
         .event("b1", "movement", "The admiral came to Tarvik a year after the storm", who=["adm"],
                where="tarvik", when="1732", basis="inferred"))
    return make_corpus(a, b)


def _events_setting(**changes) -> Settings:
    settings = Settings()
    return settings.with_(match=replace(settings.match, events=replace(settings.match.events, **changes)))


def _one_happening(corpus, settings: Settings) -> bool:
    match_events(corpus, Context(settings))
    a, b = corpus.docs
    return corpus.event_of[(a.id, "a1")] == corpus.event_of[(b.id, "b1")]


def test_match_settings_defaults_merge_a_guessed_year_close_by(doc_builder, make_corpus):
    assert _one_happening(_landings(doc_builder, make_corpus), Settings())


def test_match_settings_stricter_date_tolerance_splits_the_tellings(doc_builder, make_corpus):
    # a guessed date may no longer miss the stated one by a year
    assert not _one_happening(_landings(doc_builder, make_corpus), _events_setting(guess_reach_years=0))


def test_match_settings_higher_threshold_splits_the_tellings(doc_builder, make_corpus):
    assert not _one_happening(_landings(doc_builder, make_corpus), _events_setting(threshold=0.99))


def test_match_settings_defaults_come_from_the_data_file():
    data = Resources("defaults", root=_defaults_root()).load(DATA_FILE)
    match = Settings().match
    assert match == MatchSettings.from_dict(data)
    assert match.events.threshold == data["events"]["threshold"]
    assert match.events.weights.date == data["events"]["weights"]["date"]
    assert isinstance(match.events.max_block, int) and isinstance(match.entities.same_place_km, float)


def test_match_settings_a_broken_file_names_file_and_line(tmp_path):
    good = (_defaults_root() / "defaults" / DATA_FILE).read_text("utf-8")
    broken = tmp_path / "defaults" / DATA_FILE
    broken.parent.mkdir(parents=True)
    broken.write_text(good.replace("  threshold: 0.62", "  threshold: high"), "utf-8")
    with pytest.raises(ResourceError) as err:
        Resources("defaults", root=tmp_path).load(DATA_FILE)
    line = next(i for i, text in enumerate(broken.read_text().splitlines(), 1) if "threshold: high" in text)
    assert err.value.line == line and "expected number" in err.value.problem


def _defaults_root() -> Path:
    return Path(chronica.resources.__file__).parent
