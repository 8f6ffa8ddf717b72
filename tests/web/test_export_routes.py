"""/api/export/{format}: every export format from the web app, with the CLI's filters;
and the static report writes them all beside its pages."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from chronica.export import get, names
from chronica.web.report import write_report


@pytest.mark.parametrize("fmt", names())
def test_every_format_downloads(client, fmt):
    res = client.get(f"/api/export/{fmt}")
    assert res.status_code == 200, res.text
    exporter = get(fmt)
    assert res.headers["content-type"].startswith("application/zip" if exporter.folder else exporter.media_type)
    assert "attachment" in res.headers["content-disposition"]
    if exporter.folder:
        assert zipfile.ZipFile(io.BytesIO(res.content)).namelist()


def test_filters_and_errors(client, kb):
    person = max((e for e in kb.entities.values() if e.type == "person"), key=lambda e: len(e.events))
    res = client.get("/api/export/timelinejs", params={"person": person.name})
    slides = {s["unique_id"] for s in res.json()["events"]}
    assert slides and slides <= set(person.events)
    assert client.get("/api/export/nonsense").status_code == 404
    bad = client.get("/api/export/geojson", params={"person": "Nobody Of That Name"})
    assert bad.status_code == 400 and "no person called" in bad.text
    assert client.get("/api/export/csv", params={"from": "not a date"}).status_code == 400


def test_index_offers_the_exports(client):
    html = client.get("/").text
    for fmt in names():
        assert f'href="/api/export/{fmt}"' in html


def test_report_writes_every_format(kb, tmp_path):
    write_report(kb, tmp_path)
    exports = tmp_path / "exports"
    for fmt in names():
        assert (exports / get(fmt).filename).exists(), fmt
    page = (exports / "timelinejs.html").read_text("utf-8")
    assert "../static/vendor/timelinejs/js/timeline.js" in page and json.dumps("events")[1:-1] in page
    index = (tmp_path / "index.html").read_text("utf-8")
    assert 'href="exports/timelinejs.html"' in index and 'href="exports/chronica-csv"' in index
