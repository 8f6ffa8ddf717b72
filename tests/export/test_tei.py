"""TEI: well-formed, the text content equals the source exactly, names and dates at their
offsets, and a schema-light check of the TEI structure (no TEI RelaxNG ships in a package
here)."""
from __future__ import annotations

import pytest

from chronica.export import ExportView
from chronica.export.tei import text_content
from export_checks import XML_ID, T, check_structure, inline_offsets, tei_files


def test_tei_text_equals_source_and_marks_sit_at_offsets(view, tmp_path):
    files = tei_files(view, tmp_path)
    assert set(files) == set(view.documents)
    for doc_id, root in files.items():
        check_structure(root)
        assert text_content(root) == view.texts[doc_id]
    ab = files["doc_ledger"].find(f"{T}text/{T}body/{T}ab")
    marks = inline_offsets(ab)
    text = view.texts["doc_ledger"]
    start = text.index("Tavia Rusk")
    assert ("persName", start, start + 10, {"ref": "#ent_tavia"}) in marks
    assert any(m[0] == "placeName" and m[3]["ref"] == "#ent_marro" for m in marks)
    assert any(m[0] == "orgName" and m[3]["ref"] == "#ent_guild" for m in marks)
    dates = [m[3] for m in marks if m[0] == "date"]  # no stored analysis here: the time tagger found them
    assert {"when": "-0043-03-14"} in dates


def test_tei_uses_the_stored_time_expressions_when_given(view, tmp_path):
    text = view.texts["doc_ledger"]
    phrase = "23:40 on 2 May 1911"
    start = text.index(phrase)
    stored = {"doc_ledger": [{"start": start, "end": start + len(phrase), "text": phrase, "edtf": "1911-05-02T23:40",
                              "earliest": "1911-05-02", "latest": "1911-05-02", "basis": "explicit"}]}
    files = tei_files(ExportView(view.data, view.texts, time_spans=stored), tmp_path)
    marks = inline_offsets(files["doc_ledger"].find(f"{T}text/{T}body/{T}ab"))
    assert [m for m in marks if m[0] == "date"] == [("date", start, start + len(phrase), {"when": "1911-05-02T23:40"})]
    assert text_content(files["doc_ledger"]) == text


def test_tei_standoff_lists_people_places_and_dated_events(view, tmp_path):
    root = tei_files(view, tmp_path)["doc_ledger"]
    place = next(p for p in root.iter(T + "place") if p.get(XML_ID) == "ent_ossen")
    assert place.find(f"{T}location/{T}geo").text == "54.250000 -3.500000"
    events = {e.get(XML_ID): e for e in root.iter(T + "event")}
    assert events["evt_sail"].get("when") == "-0043-03-14"
    assert (events["evt_found"].get("notBefore"), events["evt_found"].get("notAfter")) == ("1345-01-01", "1355-12-31")
    assert events["evt_live"].get("notAfter") == "1391-12-31" and events["evt_live"].get("notBefore") is None
    assert (events["evt_quay"].get("from"), events["evt_quay"].get("to")) == ("1402", "1410")
    assert events["evt_home"].get("when") is None and events["evt_home"].get("notBefore") is None


@pytest.mark.parametrize("with_stored_dates", [True, False])
def test_tei_examples_text_exact(examples_view, tmp_path, with_stored_dates):
    view = examples_view if with_stored_dates else type(examples_view)(examples_view.data, examples_view.texts)
    files = tei_files(view, tmp_path)
    assert len(files) == len(view.documents)
    for doc_id, root in files.items():
        check_structure(root)
        assert text_content(root) == view.texts[doc_id]
        assert root.find(f".//{T}date") is not None  # dates marked, stored or tagged now
