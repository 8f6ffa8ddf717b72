"""TimelineJS: valid against a schema written from Knight Lab's format, and rendered by
the real TimelineJS (the npm package, vendored) in headless Chromium from disk."""
from __future__ import annotations

import jsonschema
import pytest
from export_checks import TIMELINE_SCHEMA as SCHEMA, render_in_chromium, timeline


def test_schema_valid_with_one_slide_per_dated_event(view):
    data = timeline(view)
    jsonschema.validate(data, SCHEMA)
    dated = [ev["id"] for ev in view.events if ev["when"]]
    assert sorted(s["unique_id"] for s in data["events"]) == sorted(dated)
    assert "Tavia Rusk comes home to Ossen" in data["title"]["text"]["text"]  # undated: listed, not placed


def test_dates_only_as_precise_as_the_source(view):
    slides = {s["unique_id"]: s for s in timeline(view)["events"]}
    assert slides["evt_sail"]["start_date"] == {"year": -44, "month": 3, "day": 14}  # 44 BC
    assert "display_date" not in slides["evt_sail"]
    assert slides["evt_dark"]["start_date"] == {"year": 1911, "month": 5, "day": 2, "hour": 23, "minute": 40}
    assert slides["evt_found"]["start_date"] == {"year": 1350} and slides["evt_found"]["display_date"] == "c. 1350"
    assert slides["evt_quay"]["end_date"] == {"year": 1410}
    assert slides["evt_live"]["start_date"] == {"year": 1391} and slides["evt_live"]["display_date"] == "until 1391"
    assert "end_date" not in slides["evt_trade"] and slides["evt_trade"]["display_date"] == "from 1962"


def test_slides_quote_their_evidence_with_source_and_locator(view):
    slide = {s["unique_id"]: s for s in timeline(view)["events"]}["evt_sail"]
    text = slide["text"]["text"]
    assert "Tavia Rusk reached Calmere in 45 BC" in text and "Notes of a chronicler, p. 12" in text
    assert "this source: 45 BC" in text
    assert slide["group"] == "Tavia Rusk"


def test_examples_schema_valid(examples_view):
    data = timeline(examples_view)
    jsonschema.validate(data, SCHEMA)
    assert len(data["events"]) == sum(1 for ev in examples_view.events if ev["when"])


@pytest.mark.browser
def test_timelinejs_renders_every_slide_without_console_errors(browser, view, tmp_path):
    ids, errors, markers = render_in_chromium(browser, view, tmp_path)
    dated = {ev["id"] for ev in view.events if ev["when"]}
    assert errors == []
    assert dated <= set(ids) and len(ids) == len(dated) + 1  # plus the title slide
    assert {m.removesuffix("-marker") for m in markers} == dated


@pytest.mark.browser
def test_timelinejs_renders_the_examples(browser, examples_view, tmp_path):
    ids, errors, _ = render_in_chromium(browser, examples_view, tmp_path)
    assert errors == []
    assert {ev["id"] for ev in examples_view.events if ev["when"]} <= set(ids)
