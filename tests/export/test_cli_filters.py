"""`chronica export --format F` for every format, and the filters every format accepts."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from chronica.cli import main
from chronica.errors import ChronicaError
from chronica.export import Filters, names

FORMATS = ["json", "timelinejs", "geojson", "lpf", "csv", "jsonld", "annotations", "gexf", "tei", "markdown", "docx"]


def ids(view) -> set[str]:
    return {ev["id"] for ev in view.events}


def test_every_issue_format_is_registered():
    assert set(FORMATS) <= set(names())


def test_person_place_dates_and_document_filters(view):
    assert ids(view.select(Filters(person="ivo rusk"))) == {"evt_found", "evt_live", "evt_quay"}
    # a place selects the places inside it too (Calmere is part of Ossen)
    assert ids(view.select(Filters(place="Port Ossen"))) == ids(view)
    assert ids(view.select(Filters(place="Calmere"))) == {"evt_sail", "evt_found", "evt_live", "evt_trade"}
    # BC bounds, open intervals and undated events
    # an open start ('../1391') reaches back into any earlier range, an open end forward
    assert ids(view.select(Filters(date_to="-0001"))) == {"evt_sail", "evt_live"}
    assert ids(view.select(Filters(date_from="1391", date_to="1405"))) == {"evt_live", "evt_quay"}
    assert ids(view.select(Filters(date_from="2020"))) == {"evt_trade"}
    assert "evt_home" not in ids(view.select(Filters(date_from="-9999")))
    chronicle = view.select(Filters(document="Notes of a chronicler"))
    assert ids(chronicle) == {"evt_sail", "evt_dark"} and set(chronicle.documents) <= {"doc_chronicle", "doc_ledger"}
    assert {c["id"] for c in view.select(Filters(person="Tavia Rusk")).conflicts} == {"cfl_year"}


def test_filters_keep_references_whole(view):
    sub = view.select(Filters(person="Ivo Rusk", date_to="1400"))
    ents = set(sub.entities)
    assert ids(sub) == {"evt_found", "evt_live"}
    for ev in sub.events:
        assert set(ev["who"]) <= ents and (ev["where"] is None or ev["where"] in ents)
    assert "ent_ossen" in ents  # Calmere's enclosing place comes along
    assert all(r["source"] in ents and r["target"] in ents for r in sub.relations)


def test_unknown_names_fail_with_one_clear_line(view):
    with pytest.raises(ChronicaError, match="no person called 'Nobody'"):
        view.select(Filters(person="Nobody"))
    with pytest.raises(ChronicaError, match="no document"):
        view.select(Filters(document="missing.txt"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_writes_every_format_from_the_examples(examples_db, tmp_path, fmt):
    out = tmp_path / f"out-{fmt}"
    res = CliRunner().invoke(main, ["export", "--db", examples_db, "--format", fmt, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.exists() and (any(out.iterdir()) if out.is_dir() else out.stat().st_size > 0)


def test_cli_filters_and_stdout(examples_db, examples_view):
    person = max(examples_view.people(), key=lambda p: len(examples_view.events_by_entity.get(p["id"], ())))
    res = CliRunner().invoke(main, ["export", "--db", examples_db, "--format", "timelinejs", "--person", person["name"]])
    assert res.exit_code == 0, res.output
    slides = json.loads(res.stdout)["events"]
    wanted = {ev["id"] for ev in examples_view.events_by_entity[person["id"]] if ev["when"]}
    assert {s["unique_id"] for s in slides} == wanted


def test_cli_bad_input_is_one_line(examples_db, tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--db", examples_db, "--format", "csv"])
    assert res.exit_code != 0 and "give --out" in res.output
    res = runner.invoke(main, ["export", "--db", examples_db, "--format", "json", "--from", "last spring"])
    assert res.exit_code != 0 and "not a date like" in res.output
    res = runner.invoke(main, ["export", "--db", examples_db, "--format", "gexf", "--person", "Nobody At All",
                               "--out", str(tmp_path / "x.gexf")])
    assert res.exit_code != 0 and "no person called" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "x.gexf").exists()
