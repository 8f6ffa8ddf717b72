"""The named-periods table (lang/en/time/periods.tsv) and how names become dates."""
from __future__ import annotations

from chronica.time.edtf import parse_edtf_bounds
from chronica.time.lexicon import DATA
from chronica.time.periods import Periods, is_named_period, timex_value
from chronica.time.schemes import view


def _rows():
    for line in (DATA / "periods.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("names\t"):
            yield line.split("\t")


def test_table_has_five_hundred_entries_each_with_a_readable_span_and_a_source():
    rows = list(_rows())
    assert len(rows) >= 500
    for names, edtf, kind, region, source in rows:
        lo, hi = parse_edtf_bounds(edtf)
        assert lo or hi, f"{names}: unreadable span {edtf!r}"
        if lo and hi:
            assert _key(lo) <= _key(hi), f"{names}: span ends before it starts"
        assert kind in {"war", "revolution", "event", "period", "dynasty", "reign"}, names
        assert source, names
    assert len(Periods.load()) == len(rows)


def _key(iso: str) -> tuple[int, str]:
    year = iso[:-6]
    return int(year), iso[-5:]


def test_bc_spans_are_written_as_timex_values():
    assert timex_value("-0263/-0240") == "BC0264/BC0241"
    assert timex_value("1939-09-01/1945-09-02") == "1939-09-01/1945-09-02"


def test_shared_name_goes_to_the_texts_region_then_to_its_years(tagger):
    paris = tagger.tag("After the Revolution the king was tried in Paris.").timexes
    assert paris[-1].value == "1789/1799"
    late = tagger.tag("In 1920 the Bolsheviks held Moscow. During the Civil War the city starved.").timexes
    assert late[-1].value == "1917/1922"


def test_named_periods_are_left_out_of_the_benchmark_views(tagger):
    text = "During the Seven Years' War the fort fell in 1758."
    res = tagger.tag(text)
    assert any(is_named_period(t) for t in res.timexes)
    for scheme in ("timex2", "timex3"):
        shown = view(res, text, scheme)
        assert not any(is_named_period(t) for t in shown)
        assert "Seven Years" in [t.text for t in shown]  # as TIMEX2/TimeML annotators mark it
