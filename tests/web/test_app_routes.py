import json

import pytest

from conftest import SHARED

PAGES = ["/", "/timeline", "/map", "/graph", "/conflicts", "/documents", "/documents/doc_voyage",
         "/entities/ent_darwin", "/entities/ent_plymouth", "/search?q=beagle",
         "/timeline?person=ent_darwin&from=1830&to=1840", "/map?person=ent_darwin&person=ent_fitzroy",
         "/graph?person=ent_emma", "/conflicts?place=ent_falmouth", "/timeline?page=9"]
APIS = ["/api/export", "/api/stats", "/api/timeline", "/api/map?person=ent_darwin", "/api/graph",
        "/api/conflicts", "/api/documents/doc_voyage", "/api/entities/ent_darwin", "/api/search?q=darwin"]


@pytest.mark.parametrize("url", PAGES)
def test_app_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize("url", APIS)
def test_app_api_answers_json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.json() is not None


@pytest.mark.parametrize("url,testid,count", [
    ("/timeline", "timeline-item", 8),
    ("/timeline?person=ent_emma", "timeline-item", 1),
    ("/conflicts", "conflict", 2),
    ("/graph", "graph-node", 5),
    ("/search?q=falmouth", "search-result", 4),
])
def test_app_pages_carry_test_ids(client, url, testid, count):
    assert client.get(url).text.count(f'data-testid="{testid}"') == count


def test_app_export_validates_against_contract(client, export):
    schema_path = SHARED / "contract" / "export.schema.json"
    if not schema_path.exists():
        pytest.skip("../shared is absent")
    import jsonschema
    data = client.get("/api/export").json()
    jsonschema.validate(data, json.loads(schema_path.read_text()))
    assert data == export


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
@pytest.mark.parametrize("url", ["/", "/api/export", "/documents/doc_voyage", "/api/entities/ent_darwin"])
def test_app_is_read_only(client, method, url):
    assert getattr(client, method)(url).status_code == 405


@pytest.mark.parametrize("url", ["/documents/nope", "/entities/nope"])
def test_app_unknown_ids_are_404(client, url):
    assert client.get(url).status_code == 404
    assert client.get("/api" + url).status_code == 404


def test_app_hostile_strings_are_escaped(client):
    for url in ["/documents/doc_hostile", "/entities/ent_smith", "/entities/ent_claims", "/timeline", "/graph",
                "/search?q=smith", "/", "/documents"]:
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert '<img src=x onerror' not in html, url
        assert "<b onmouseover" not in html, url
    reader = client.get("/documents/doc_hostile").text
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in reader


def test_app_evidence_links_point_at_highlighted_spans(client):
    timeline = client.get("/timeline").text
    assert '/documents/doc_voyage#s-' in timeline
    reader = client.get("/documents/doc_voyage").text
    start = reader.index('id="s-')
    anchor = reader[start + 4: reader.index('"', start + 4)]
    assert f'data-span="{anchor}"' in reader and 'data-testid="evidence"' in reader


@pytest.mark.parametrize("url", ["/", "/timeline?person=ent_darwin", "/api/export", "/api/stats"])
def test_app_answers_unchanged_pages_with_304(client, url):
    first = client.get(url)
    etag = first.headers["etag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_app_export_is_sent_gzipped_only_to_clients_that_accept_it(client, export):
    import gzip
    plain = client.get("/api/export", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and json.loads(plain.content) == export
    packed = client.get("/api/export", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert int(packed.headers["content-length"]) == len(gzip.compress(plain.content, mtime=0, compresslevel=6))
    assert json.loads(packed.content) == export  # the client inflates it: the same contract object
