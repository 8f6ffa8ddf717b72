"""extract_relations: family, comrades, rivals, killers, members, authors, with evidence."""
from __future__ import annotations

import pytest

from chronica.extract.relations import find_relations, labels, verb_rules
from chronica.model import RelationKind
from chronica.resolve.aliases import chain

from resolve.marked import marked_doc
from typing import get_args


def _rels(marked: str, nlp=None):
    doc = marked_doc(marked)
    if nlp is not None:
        doc.spacy = nlp(doc.text)
    doc.entities = chain(doc)
    names = {e.key: e.name for e in doc.entities}
    return doc, {(r.kind, r.label, names[r.source], names[r.target]) for r in find_relations(doc)}


@pytest.mark.parametrize("marked, expected", [
    ("[Dickens] sailed with his wife, [Catherine], and eldest son, [Charley].",
     {("spouse", "wife", "Dickens", "Catherine"), ("child", "son", "Dickens", "Charley")}),
    ("[Darwin] and [Emma], together with their grown son [Francis], left.",
     {("child", "son", "Darwin", "Francis"), ("child", "son", "Emma", "Francis")}),
    ("[Van Gogh]'s brother [Theo] paid for the paint.",
     {("sibling", "brother", "Van Gogh", "Theo")}),
    ("[Ilya], the son of [Leo Tolstoy], died in Connecticut.",
     {("child", "son", "Leo Tolstoy", "Ilya")}),
    ("He would not sign the pledge, as his comrades [Karl Kautsky] and [Eduard Bernstein] had. "
     "[Karl Liebknecht] held out.", set()),  # no person before "his": nothing guessed
    ("[Liebknecht] refused, as his comrades [Karl Kautsky] and [Eduard Bernstein] had.",
     {("ally", "comrades", "Liebknecht", "Karl Kautsky"), ("ally", "comrades", "Liebknecht", "Eduard Bernstein")}),
    ("[Aristides] was ostracised by his old rival, [Themistocles].",
     {("rival", "rival", "Aristides", "Themistocles")}),
    ("[Emma] stopped hearing from [George], their son in the navy.",
     {("child", "son", "Emma", "George")}),
    ("[Darwin] left behind his wife, [Emma], and grandson [Bernard].",
     {("spouse", "wife", "Darwin", "Emma"), ("family", "grandson", "Darwin", "Bernard")}),
    ("[Mazzini] was a member of the [Carbonari|organization].",
     {("member_of", "member", "Carbonari", "Mazzini")}),
    ("[Gertrude Stein] lived with [Alice Toklas] in Paris.", set()),
])
def test_relations_patterns(marked, expected):
    _, found = _rels(marked)
    assert found == expected


def test_relations_pronoun_from_previous_sentence():
    _, found = _rels("[Leo Tolstoy] lies awake. His wife [Sofia] sleeps soundly.")
    assert found == {("spouse", "wife", "Leo Tolstoy", "Sofia")}


def test_relations_evidence_is_the_sentence():
    doc, _ = _rels("Intro. [Tolstoy] went with his wife, [Sofia]. Then more.")
    (r,) = find_relations(doc)
    assert r.evidence.text == "Tolstoy went with his wife, Sofia."
    assert doc.text[r.evidence.start:r.evidence.end] == r.evidence.text


def test_relations_not_from_bibliography():
    doc, found = _rels("[Tolstoy] wrote.\n[Troyat, Henri], his biographer [Wilson, Andrew].*\n")
    assert found == set()


def test_relations_data_files_use_known_kinds():
    kinds = set(get_args(RelationKind))
    assert set(labels().values()) <= kinds
    assert {r.kind for r in verb_rules()} <= kinds


@pytest.mark.parametrize("marked, expected", [
    ("In 1793 [Charlotte Corday] killed [Jean-Paul Marat] in his bath.",
     {("killer", "killer", "Jean-Paul Marat", "Charlotte Corday")}),
    ("[Jean-Paul Marat] was murdered by [Charlotte Corday].",
     {("killer", "killer", "Jean-Paul Marat", "Charlotte Corday")}),
    ("[Leo Tolstoy] wrote [The Kreutzer Sonata|work] at Yasnaya Polyana.",
     {("author_of", "author", "Kreutzer Sonata", "Leo Tolstoy")}),
    ("[Charlotte Corday] did not kill [Georges Danton].", set()),
])
def test_relations_verbs_from_the_parse(nlp, marked, expected):
    _, found = _rels(marked, nlp)
    assert found == expected
