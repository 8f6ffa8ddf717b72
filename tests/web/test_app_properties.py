"""Every route of the web app with hostile query strings and ids (issue 17): never a
server error, and nothing a request carries comes back unescaped in a page."""
from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

MARK = "<i\"x'>"  # markup that must never come back as it is
PAGES = ["/", "/timeline", "/map", "/graph", "/conflicts", "/documents", "/search"]
APIS = ["/api/stats", "/api/timeline", "/api/map", "/api/graph", "/api/conflicts", "/api/search"]
BY_ID = ["/documents/{}", "/entities/{}", "/api/documents/{}", "/api/entities/{}"]
PARAMS = ["person", "place", "from", "to", "page", "q"]

hostile = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["-1", "0", "99999999999999999999", "1e9", "NaN", "1830.5", "../../etc/passwd", "%00",
                     "ent_darwin", "doc_voyage", "<script>alert(1)</script>", "' OR 1=1 --", "\u202e", "\ud7ff",
                     "%", "%%", "&", "#", "?", "ent_" + "x" * 5000]),
).map(lambda s: s + MARK)
query = st.lists(st.tuples(st.sampled_from(PARAMS), hostile), max_size=4)

FIXTURE_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def _url(path: str, params) -> str:
    qs = "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in params)
    return path + ("?" + qs if qs else "")


def _check(res) -> None:
    assert res.status_code < 500, (res.request.url, res.status_code)
    if res.headers.get("content-type", "").startswith("text/html"):
        assert MARK not in res.text, res.request.url


@FIXTURE_OK
@given(path=st.sampled_from(PAGES + APIS), params=query)
def test_routes_with_hostile_query_strings(client, path, params):
    _check(client.get(_url(path, params)))


@FIXTURE_OK
@given(pattern=st.sampled_from(BY_ID), ident=hostile, params=query)
def test_routes_with_hostile_ids(client, pattern, ident, params):
    _check(client.get(_url(pattern.format(quote(ident, safe="")), params)))
