import re

import pytest

from chronica.web.links import file_name
from chronica.web.report import write_report


@pytest.fixture(scope="module")
def report_dir(kb, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    write_report(kb, out)
    return out


def test_report_writes_every_view(report_dir, kb):
    for name in ["index", "timeline", "map", "graph", "conflicts", "documents", "search"]:
        assert (report_dir / f"{name}.html").exists()
    for doc_id in kb.documents:
        assert (report_dir / "documents" / f"{file_name(doc_id)}.html").exists()
    for ent_id in kb.entities:
        assert (report_dir / "entities" / f"{file_name(ent_id)}.html").exists()
    assert (report_dir / "search-index.js").read_text().startswith("window.CHRONICA_SEARCH=")
    assert (report_dir / "static" / "css" / "chronica.css").exists()


def test_report_links_are_relative_and_resolve(report_dir):
    for page in [report_dir / "index.html", *sorted((report_dir / "entities").glob("*.html"))[:5]]:
        html = page.read_text()
        for href in re.findall(r'(?:href|src)="([^"#?]+)', html):
            assert not href.startswith(("/", "http:", "https:")), (page, href)
            assert (page.parent / href).exists(), (page, href)


def test_report_escapes_hostile_text(report_dir):
    html = (report_dir / "documents" / "doc_hostile.html").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "</script>" not in (report_dir / "search-index.js").read_text()


@pytest.mark.parametrize("item_id,name", [("doc_1", "doc_1"), ("a/b c", "a_b_c_"), ("..", "_")])
def test_report_file_names_are_safe(item_id, name):
    assert file_name(item_id).startswith(name)
    assert "/" not in file_name(item_id)
