"""The resources layer: every shipped data file loads and fits its schema; a broken file
is named with its line."""
from pathlib import Path

import pytest

from chronica.resources import ResourceError, Resources, Schema, default, register
from chronica.resources.schemas import WORD_LISTS, check


def test_every_shipped_data_file_loads_and_fits_its_schema():
    names = default().check_all()
    assert "time/rules.yaml" in names and "events/gender.yaml" in names


def test_a_file_is_parsed_once_per_process():
    res = Resources()
    assert res.load("events/gender.yaml") is res.load("events/gender.yaml")


def _lang(tmp_path: Path, name: str, text: str) -> Resources:
    target = tmp_path / "xx" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return Resources("xx", root=tmp_path)


def test_a_bare_no_in_a_word_list_is_reported_with_its_line(tmp_path):
    register("test/words.yaml", Schema(WORD_LISTS))
    res = _lang(tmp_path, "test/words.yaml", "# answers\nyes_words: [aye, yea]\nno_words:\n  - nay\n  - no\n")
    with pytest.raises(ResourceError) as err:
        res.load("test/words.yaml")
    assert err.value.line == 5 and "no_words" in str(err.value) and "bool" in str(err.value)


def test_yaml_that_does_not_parse_names_file_and_line(tmp_path):
    res = _lang(tmp_path, "bad.yaml", "a: [1, 2\nb: 3\n")
    with pytest.raises(ResourceError) as err:
        res.load("bad.yaml")
    assert err.value.path.name == "bad.yaml" and err.value.line is not None


def test_a_table_row_with_an_empty_required_cell_is_named(tmp_path):
    register("test/people.tsv", Schema(columns=("name", "born"), required=("name",)))
    res = _lang(tmp_path, "test/people.tsv", "# who\nname\tborn\nAda\t1815\n\t1900\n")
    with pytest.raises(ResourceError) as err:
        res.load("test/people.tsv")
    assert err.value.line == 4 and "'name'" in str(err.value)


def test_a_missing_file_is_an_actionable_error(tmp_path):
    with pytest.raises(ResourceError, match="missing"):
        Resources("xx", root=tmp_path).load("nowhere.yaml")


@pytest.mark.parametrize("value, shape, ok", [
    ({"a": ["x"]}, WORD_LISTS, True),
    ({"a": "x"}, WORD_LISTS, False),
    ([1, 2], {"type": "array", "items": {"type": "integer"}, "minItems": 3}, False),
    ({"k": 1}, {"type": "object", "properties": {"k": {"type": "number"}},
                "additionalProperties": False}, True),
    ({"j": 1}, {"type": "object", "properties": {"k": {"type": "number"}},
                "additionalProperties": False}, False),
    ("m", {"enum": ["m", "f"]}, True),
])
def test_schema_subset(value, shape, ok):
    assert (check(value, shape) is None) is ok
