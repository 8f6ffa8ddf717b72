"""GeoJSON checked by the `geojson` and `shapely` libraries; LPF against a schema written
from the Linked Places Format specification."""
from __future__ import annotations

import json

import jsonschema

from chronica.export import render
from export_checks import LPF_SCHEMA, features


def test_geojson_places_keep_lon_lat_order_and_unlocated_places(view):
    places = {f["id"]: f for f in features(view) if f["properties"]["feature"] == "place"}
    assert places["ent_ossen"]["geometry"]["coordinates"] == [-3.5, 54.25]
    assert places["ent_marro"]["geometry"] is None  # named by a source, not yet on the map
    assert places["ent_calmere"]["properties"]["events"] == 4


def test_geojson_itinerary_points_carry_person_event_and_date(view):
    points = {f["id"]: f["properties"] for f in features(view) if f["properties"]["feature"] == "itinerary"}
    sail = points["evt_sail:ent_tavia"]
    assert (sail["person"], sail["place"], sail["start"], sail["date"]) == (
        "Tavia Rusk", "Calmere", "-0043-03-14", "14 March 44 BC")
    assert sail["quote"].startswith("On 14 March 44 BC")
    assert points["evt_live:ent_ivo"]["start"] is None and points["evt_live:ent_ivo"]["end"] == "1391"
    home = points["evt_home:ent_tavia"]  # undated: on the map, without a date
    assert home["edtf"] is None and home["start"] is None
    assert "evt_found:ent_guild" not in points and "evt_trade:ent_guild" not in points  # only people travel


def test_geojson_examples_valid(examples_view):
    assert any(f["geometry"] for f in features(examples_view))


def test_lpf_valid_against_schema_with_cited_names_and_timespans(view):
    data = json.loads(render("lpf", view)[0])
    jsonschema.validate(data, LPF_SCHEMA, format_checker=jsonschema.FormatChecker())
    feats = {f["@id"].rsplit(":", 1)[1]: f for f in data["features"]}
    ossen = feats["ent_ossen"]
    assert ossen["links"] == [{"type": "closeMatch", "identifier": "https://sws.geonames.org/2643743/"}]
    names = {n["toponym"]: n for n in ossen["names"]}
    assert set(names) == {"Ossen", "Port Ossen"}
    assert all("#char=" in c["@id"] for c in names["Ossen"]["citations"])
    spans = feats["ent_calmere"]["when"]["timespans"]
    assert {"start": {"in": "-0043-03-14"}} in spans
    assert {"start": {"in": "1350~"}} in spans
    assert {"start": {"latest": "1391"}, "end": {"in": "1391"}} in spans
    assert {"start": {"earliest": "1962"}} in spans
    ossen_spans = feats["ent_ossen"]["when"]["timespans"]  # the time of day kept; the undated visit adds none
    assert ossen_spans == [{"start": {"in": "1402"}, "end": {"in": "1410"}}, {"start": {"in": "1911-05-02T23:40"}}]
    assert feats["ent_calmere"]["relations"][0]["relationTo"].endswith("ent_ossen")
    assert feats["ent_marro"]["geometry"]["geometries"] == []


def test_lpf_examples_valid(examples_view):
    data = json.loads(render("lpf", examples_view)[0])
    jsonschema.validate(data, LPF_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert data["features"]
