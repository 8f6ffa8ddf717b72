"""CSV tables read back with the csv module and pandas; every id resolves; Palladio dates."""
from __future__ import annotations

import csv
import re

import pandas as pd

from chronica.export import write

PALLADIO = re.compile(r"^(-?\d{4}(-\d{2}-\d{2})?)?$")


def tables(view, tmp_path) -> dict[str, pd.DataFrame]:
    written = write("csv", view, tmp_path / "csv")
    out = {}
    for path in written:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert len(frame) == len(rows) and list(frame.columns) == list(rows[0].keys() if rows else frame.columns)
        out[path.stem] = frame
    return out


def assert_ids_resolve(t: dict[str, pd.DataFrame]) -> None:
    docs, events = set(t["documents"]["id"]), set(t["events"]["id"])
    people, places = set(t["people"]["id"]), set(t["places"]["id"])
    entities = people | places | set(t["other_entities"]["id"])
    assert set(t["event_people"]["event_id"]) <= events and set(t["event_people"]["person_id"]) <= people
    assert set(filter(None, t["events"]["place_id"])) <= places
    for ids in t["events"]["person_ids"]:
        assert set(filter(None, ids.split("; "))) <= entities
    for ids in t["events"]["document_ids"]:
        assert set(ids.split("; ")) <= docs
    assert set(t["relations"]["source_id"]) | set(t["relations"]["target_id"]) <= entities
    assert set(t["evidence"]["event_id"]) <= events and set(t["evidence"]["document_id"]) <= docs
    assert set(t["conflicts"]["document_id"]) <= docs
    assert set(t["mentions"]["entity_id"]) <= entities and set(t["mentions"]["document_id"]) <= docs
    assert set(filter(None, t["places"]["part_of_id"])) <= places


def test_csv_round_trip_ids_and_dates(view, tmp_path):
    t = tables(view, tmp_path)
    assert_ids_resolve(t)
    events = t["events"].set_index("id")
    assert len(events) == len(view.events)
    assert all(PALLADIO.match(v) for v in list(events["start"]) + list(events["end"]))
    assert (events.loc["evt_sail", "start"], events.loc["evt_sail", "edtf"]) == ("-0043-03-14", "-0043-03-14")
    assert (events.loc["evt_dark", "start"], events.loc["evt_dark", "edtf"]) == ("1911-05-02", "1911-05-02T23:40")
    assert (events.loc["evt_live", "start"], events.loc["evt_live", "end"]) == ("", "1391")
    assert (events.loc["evt_trade", "start"], events.loc["evt_trade", "end"]) == ("1962", "")
    assert (events.loc["evt_home", "date"], events.loc["evt_home", "start"]) == ("undated", "")
    places = t["places"].set_index("id")
    assert places.loc["ent_ossen", "coordinates"] == "54.250000,-3.500000"
    assert places.loc["ent_marro", "coordinates"] == ""


def test_csv_evidence_equals_the_document_text(view, tmp_path):
    t = tables(view, tmp_path)
    for row in t["evidence"].itertuples():
        assert view.texts[row.document_id][int(row.start_char):int(row.end_char)] == row.quote
    for row in t["conflicts"].itertuples():
        assert view.texts[row.document_id][int(row.start_char):int(row.end_char)] == row.quote
    assert len(t["conflicts"]) == 2 and "Notes of a chronicler, p. 12" in t["evidence"]["citation"].tolist()


def test_csv_examples(examples_view, tmp_path):
    t = tables(examples_view, tmp_path)
    assert_ids_resolve(t)
    assert len(t["events"]) == len(examples_view.events) > 0
