"""`chronica ask` end to end on the examples: a built knowledge base, answers with
evidence read back from the stored text, passages when no answer fits, clear errors."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from chronica.cli import main
from chronica.store import open_store
from corpus_paths import EXAMPLES


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(EXAMPLES, src / "examples")
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'kb.db'}"
    result = CliRunner().invoke(main, ["build", str(src / "examples"), "--db", url])
    assert result.exit_code == 0, result.output
    return url


def _ask(db, question):
    result = CliRunner().invoke(main, ["ask", question, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_answers_cite_stored_text(db):
    store = open_store(db, create=False)
    for question in ("When was Peruggia arrested?", "Where was Peruggia in December 1913?",
                     "What do the sources disagree about?", "Whatever happened to Peruggia?"):
        answer = _ask(db, question)
        assert answer["status"] in ("answered", "disputed"), answer["text"]
        assert answer["cites"]
        for c in answer["cites"]:
            assert store.document_text(c["document"])[c["start"]:c["end"]] == c["text"]
            assert c["where"]


def test_pseudonym_finds_the_person(db):
    answer = _ask(db, "When was Wilhelm Apollinaris de Kostrowitzky arrested?")
    assert answer["values"] == ["1911-09"]


def test_sources_disagreeing_on_a_date_both_shown(db):
    answer = _ask(db, "When did Peruggia walk out of the Louvre?")
    assert answer["status"] == "disputed"
    assert len({c["document"] for c in answer["cites"]}) == 2


def test_no_template_gives_passages(db):
    answer = _ask(db, "Why did Peruggia take the painting?")
    assert answer["status"] == "unknown" and not answer["cites"] and answer["passages"]


def test_rich_output_and_errors(db, tmp_path):
    result = CliRunner().invoke(main, ["ask", "How long was Apollinaire held?", "--db", db])
    assert result.exit_code == 0 and "five days" in result.output
    result = CliRunner().invoke(main, ["ask", "  ", "--db", db])
    assert result.exit_code == 1 and "question is empty" in result.output
    result = CliRunner().invoke(main, ["ask", "When?", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code != 0 and "chronica build" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("question, value", [
    ("Who did Peruggia write to in 1913?", "Alfredo Geri"),
    ("What happened to Apollinaire in 1911?", "1911"),
    ("How long was Apollinaire held?", "five days"),
    ("How many iron pegs did Béroud find on the wall?", "four"),
])
def test_every_kind_answers_with_located_cites(db, question, value):
    answer = _ask(db, question)
    assert answer["status"] in ("answered", "disputed"), answer["text"]
    assert value in answer["text"] + " ".join(map(str, answer["values"]))
    assert answer["cites"] and all(c["where"] and c["label"] for c in answer["cites"])
