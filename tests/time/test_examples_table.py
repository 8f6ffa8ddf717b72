"""Every row of ``lang/en/time/examples.yaml``: the expression, its TIMEX value and its EDTF."""
from __future__ import annotations

import pytest

from chronica.time.lexicon import DATA, load_yaml
from chronica.time.rules import load_rules
from chronica.time.lexicon import Lexicon

TABLES = load_yaml(DATA / "examples.yaml")
ROWS = [(name, *row) for name, rows in TABLES.items() for row in rows]


@pytest.mark.parametrize("table,text,expr,value,edtf", ROWS, ids=[f"{r[0]}:{r[2]}:{r[1][:30]}" for r in ROWS])
def test_example_row(tagger, table, text, expr, value, edtf):
    found = tagger.tag(text).timexes
    if expr == "-":
        assert found == [], f"{table}: nothing should be tagged, got {[t.text for t in found]}"
        return
    hits = [t for t in found if t.text == expr]
    assert hits, f"{table}: {expr!r} not found; got {[t.text for t in found]}"
    t = hits[-1]
    assert (t.value, t.edtf) == (value, edtf)


def test_every_rule_compiles():
    assert len(load_rules(Lexicon.load(), check=True)) > 80
