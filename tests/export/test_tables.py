"""CSV tables read back with the csv module and pandas; every id resolves; Palladio dates."""
from __future__ import annotations
from export_checks import PALLADIO, assert_ids_resolve, tables


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
