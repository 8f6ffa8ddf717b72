"""One EDTF labeller for the web views (short months, "undated") and the asker's
answers (long months, "an unknown date")."""
from __future__ import annotations

import pytest

from chronica.ask.base import date_label
from chronica.time.labels import edtf_label
from chronica.web.dates import edtf_label as web_label


@pytest.mark.parametrize("edtf, web, ask", [
    ("1762-09-04", "4 Sep 1762", "4 September 1762"),
    ("1762-09~", "c. Sep 1762", "c. September 1762"),
    ("1762-23", "autumn 1762", "autumn 1762"),
    ("-0051?", "52 BC?", "52 BC?"),
    ("176X", "1760s", "1760s"),
    ("1762-02/1762-05", "Feb 1762 – May 1762", "February 1762 – May 1762"),
    ("../1762", "before 1762", "before 1762"),
    ("1762-13", "1762-13", "1762-13"),  # no such month: shown as written
    (None, "undated", "an unknown date"),
])
def test_both_faces_share_one_labeller(edtf, web, ask):
    assert web_label is edtf_label
    assert web_label(edtf) == web
    assert date_label(edtf) == ask
