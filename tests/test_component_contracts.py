"""Every component changes only what it declares: the document (and the corpus) is
snapshotted before and after each component on the example texts, and a field that
changed without being named in ``assigns`` fails the test, as does a field read that
is in neither ``requires`` nor ``assigns``. Components that lie about their effects,
registered here, show that the check can fail."""
from __future__ import annotations

import hashlib

import pytest

from chronica import components
from chronica.config import Settings
from chronica.contracts import run_checked, summary, undeclared_changes
from chronica.corpus import Corpus
from chronica.doc import Doc, Source
from chronica.errors import ConfigError
from chronica.ingest import discover, read_source
from chronica.nlp.parse import spacy_model
from chronica.components import component
from chronica.pipeline import Pipeline
from corpus_paths import EXAMPLES

# written for this test: "his wife" is the Catherine just named, so ``fold_described``
# folds the description into her (her mentions, her events' participants change)
FOLDING_TEXT = ("In 1842 the novelist Edmund Hale sailed to Boston with his wife, Catherine. "
                "Years later his wife fell ill in Boston, and his wife died there in 1860.")
EXAMPLE_FILES = discover([str(EXAMPLES)]).files


def _doc(text: str, path: str = "contracts.txt") -> Doc:
    return Doc(Source(path, text, hashlib.sha256(text.encode()).hexdigest(), "txt"))


@pytest.fixture(scope="module")
def doc_pipe() -> Pipeline:
    s = Settings()
    return Pipeline(s.document_pipeline, s)


@pytest.fixture(scope="module")
def analysed_examples(doc_pipe) -> list[tuple[str, Doc, list]]:
    """Each example analysed component by component, with the contract violations seen."""
    out = []
    for path in EXAMPLE_FILES:
        doc = Doc(read_source(path, max_bytes=doc_pipe.ctx.settings.max_bytes))
        out.append((path.name, doc, run_checked(doc_pipe, doc)))
    return out


def test_examples_are_all_read():
    assert len(EXAMPLE_FILES) >= 8  # every format of examples/ (text, PDF, scan, DOCX, EPUB, cues)


def test_document_components_change_only_what_they_declare(analysed_examples):
    broken = {name: [str(v) for v in found] for name, _, found in analysed_examples if found}
    assert broken == {}


def test_components_keep_their_contracts_where_a_description_is_folded(doc_pipe):
    assert [str(v) for v in run_checked(doc_pipe, _doc(FOLDING_TEXT))] == []


def test_folding_is_a_declared_component(doc_pipe):
    doc = _doc(FOLDING_TEXT)
    before_fold = Pipeline(doc_pipe.names[:doc_pipe.names.index("fold_described")], doc_pipe.ctx.settings)
    before_fold.ctx = doc_pipe.ctx  # the loaded model
    before_fold(doc)
    described = {m.entity for m in doc.mentions if m.text == "his wife"}
    fold = next(c for c in doc_pipe.components if c.name == "fold_described")
    before = summary(doc)
    fold.func(doc, doc_pipe.ctx)
    after = summary(doc)
    # the fold really happened: the description's entity is gone, its mentions are Catherine's
    assert described and not described & {e.key for e in doc.entities}
    catherine = next(e for e in doc.entities if e.name == "Catherine")
    assert {m.entity for m in doc.mentions if m.text == "his wife"} == {catherine.key}
    assert before["mentions"] != after["mentions"] and before["events"] != after["events"]
    assert undeclared_changes(before, after, fold.assigns) == []
    # without its declaration of the mentions' entity keys, the change would be caught
    assert undeclared_changes(before, after, set(fold.assigns) - {"mentions.entity"}) == ["mentions"]


def test_corpus_components_change_only_what_they_declare(analysed_examples):
    s = Settings()
    for _, doc, _ in analysed_examples:
        doc.drop_parse()  # the corpus stage reads stored analyses, never parses
    corpus = Corpus([doc for _, doc, _ in analysed_examples])
    assert run_checked(Pipeline(s.corpus_pipeline, s, level="corpus"), corpus) == []
    assert corpus.entities and corpus.events


# ------------------------------------------------------------- lying components --

@pytest.fixture
def registry():
    """Components registered by a test are forgotten after it."""
    saved = dict(components.REGISTRY)
    yield
    components.REGISTRY.clear()
    components.REGISTRY.update(saved)


def test_a_component_changing_an_undeclared_field_is_caught(registry, doc_pipe):
    @component("test_forget_places", requires=("entities",), assigns=("relations",))
    def forget_places(doc, ctx):  # says relations, drops an entity
        doc.entities = [e for e in doc.entities if e.type != "place"]

    found = _run_with(doc_pipe, "test_forget_places", FOLDING_TEXT)
    assert [(v.component, v.fields, v.what) for v in found] == [("test_forget_places", ("entities",), "changed")]


def test_an_undeclared_attribute_of_records_is_caught(registry, doc_pipe):
    @component("test_move_events", requires=("events",), assigns=("events.who",))
    def move_events(doc, ctx):  # declares who, also rewrites where
        for ev in doc.events:
            ev.who = list(reversed(ev.who))
            ev.where = None

    found = _run_with(doc_pipe, "test_move_events", FOLDING_TEXT)
    assert [(v.component, v.fields) for v in found] == [("test_move_events", ("events.where",))]


def test_a_component_touching_the_parse_is_caught(registry, doc_pipe):
    @component("test_reparse_quietly", requires=("spacy",), assigns=("claims",))
    def reparse_quietly(doc, ctx):  # a parse of its own, put in the document's place
        doc.spacy = spacy_model(ctx)(doc.text.lower())

    found = _run_with(doc_pipe, "test_reparse_quietly", FOLDING_TEXT)
    assert [(v.component, v.fields) for v in found] == [("test_reparse_quietly", ("spacy",))]


def test_an_undeclared_read_is_caught(registry, doc_pipe):
    @component("test_count_places", requires=("entities",), assigns=("claims",))
    def count_places(doc, ctx):  # reads the gazetteer links it does not require
        doc.claims = [] if doc.places else []

    found = _run_with(doc_pipe, "test_count_places", FOLDING_TEXT)
    assert [(v.component, v.fields, v.what) for v in found] == [("test_count_places", ("places",), "read")]


def test_declared_attribute_does_not_allow_adding_records():
    before = {"events": [{"who": ["a"], "where": None}]}
    after = {"events": [{"who": ["b"], "where": None}, {"who": [], "where": None}]}
    assert undeclared_changes(before, after, ["events.who"]) == ["events"]
    assert undeclared_changes(before, after, ["events"]) == []


def test_pipeline_rejects_a_declaration_of_no_field(registry):
    @component("test_tokens", requires=("text",), assigns=("tokens",))
    def tokens(doc, ctx):
        pass

    with pytest.raises(ConfigError, match="declares tokens, which a document does not have"):
        Pipeline(["test_tokens"], Settings())


def _run_with(doc_pipe: Pipeline, name: str, text: str) -> list:
    pipe = Pipeline(doc_pipe.names + [name], doc_pipe.ctx.settings)
    pipe.ctx = doc_pipe.ctx  # the loaded model
    return run_checked(pipe, _doc(text))
