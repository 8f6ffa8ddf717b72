"""The ``extract_relations`` component: who is whose wife, son, comrade, rival, killer.

Every relation reads "target is the source's <label>" ("his wife, Sofia": source
him, target Sofia, label "wife", kind spouse). Labels and their kinds are data
(``lang/en/relations/labels.tsv``); verb relations ("Brutus killed Caesar") are in
``lang/en/relations/verbs.yaml`` and need the dependency parse.

Patterns over a sentence whose mentions are replaced by placeholders:

* possessive + label + names:  "his wife, Sofia", "Tolstoy's son Ilya",
  "his allies Danton and Desmoulins", "their grown son Ilya";
* name + possessive + label:   "Andrei, their son in the army";
* name + "the <label> of" + name: "Ilya, the son of Tolstoy" (also "was the brother of");
* a label coordinated after one of these ("his wife, Sofia, and younger son, Ilya")
  inherits the possessor.

Pronouns are resolved by one simple rule: "his"/"her"/"he"/"she" is the nearest person
mention before the pronoun in the same sentence, preferring a grammatical subject
when a parse is present; failing that, the last person (subject first) of the
previous sentence (its first-named person). "his"/"he" skip people whose given name
is female, "her"/"she" those whose given name is male (``resources.gender``'s given names,
if any). "their" is the last two people found the same way. The relation's
other end is never its own possessor. Gender is not checked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc
from ..model import LocalRelation, Span, When
from ..components import Context, component
from ..resolve.group_members import LABEL as MEMBERS
from .pronouns import GENDER_OF, resolve_plural, resolve_pronoun
from ..resources import load
from ..span_index import SpanIndex

PERSONAL = ("spouse", "child", "parent", "sibling", "family", "ally", "rival", "killer", "host", "other")
_PH = r"⟨\d+⟩"
_ADJ = r"(?:(?:[a-z][\w-]*|\d+-year-old)\s+){0,3}?"
_LIST = rf"{_PH}(?:\s*(?:,\s*and|,|and|&)\s*{_PH})*"


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    out = {}
    for row in load("relations/labels.tsv"):
        out[row["label"].casefold()] = row["kind"]
    return out


@dataclass(frozen=True)
class VerbRule:
    lemmas: frozenset[str]
    kind: str
    label: str
    source: str  # "subject" | "object"
    object_types: tuple[str, ...]


@lru_cache(maxsize=1)
def verb_rules() -> tuple[VerbRule, ...]:
    raw = load("relations/verbs.yaml")
    return tuple(VerbRule(frozenset(v["lemmas"]), v["kind"], v["label"], v["source"],
                          tuple(v.get("object_types", ["person"]))) for v in raw["verbs"])


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[str, re.Pattern], ...]:
    alts = "|".join(sorted((re.escape(w) for w in labels()), key=len, reverse=True))
    lab = rf"(?P<label>{alts})"
    poss = rf"(?P<poss>\b(?:his|her|their)\b|{_PH}\s*['’]s?)"
    tgt = rf"(?P<tgt>{_LIST})"
    src = rf"(?P<src>{_PH})"
    raw = [
        ("poss_label_name", rf"{poss}\s+{_ADJ}{lab}\s*,?\s+{tgt}"),
        ("name_poss_label", rf"{tgt}\s*,\s*{poss}\s+{_ADJ}{lab}\b"),
        ("name_the_label_of", rf"{tgt}\s*,?\s+(?:was\s+|is\s+|became\s+|had been\s+)?"
                              rf"(?:the|a|an|one of the)\s+{_ADJ}{lab}\s+of\s+(?:the\s+)?{src}"),
        ("name_was_poss_label", rf"{tgt}\s+(?:was|is|became|had been)\s+{poss}\s+{_ADJ}{lab}\b"),
        ("and_label_name", rf"(?:,|\band)\s+(?:,\s*)?(?!(?:his|her|their)\b){_ADJ}{lab}\s*,?\s+{tgt}"),
    ]
    return tuple((n, re.compile(p, re.IGNORECASE)) for n, p in raw)


# ------------------------------------------------------------------ the component --

@component("extract_relations", requires=("spacy", "sentences", "timexes", "mentions", "entities"),
           assigns=("relations",))
def extract_relations(doc: Doc, ctx: Context) -> None:
    # "his wife", "Marat’s assassin": the descriptions these relations name are folded
    # into their people by the next component, ``fold_described``
    doc.relations = find_relations(doc)


def find_relations(doc: Doc) -> list[LocalRelation]:
    etype = {e.key: e.type for e in doc.entities}
    sents = body_sentences(doc)
    found: list[LocalRelation] = []
    spans = SpanIndex([(m.start, m.end) for m in doc.mentions])
    for si, (start, end) in enumerate(sents):
        ments = [i for i in spans.overlapping(start - 1, end + 1) for m in (doc.mentions[i],)
                 if start <= m.start and m.end <= end and m.entity and not m.cited
                 and m.label != MEMBERS]  # "the royal couple": not a party of its own
        if not ments:
            continue
        found += _pattern_relations(doc, si, sents, ments, etype)
        found += _verb_relations(doc, si, sents, ments, etype)
    return dedupe_relations(found)


def body_sentences(doc: Doc) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences if s.kind not in ("bibliography", "credit")]
    if doc.spacy is not None:
        return [(s.start_char, s.end_char) for s in doc.spacy.sents]
    return [(0, len(doc.text))]


def _when(doc: Doc, start: int, end: int) -> When | None:
    for t in doc.timexes_in(start, end):
        w = t.when()
        if w is not None:
            return w
    return None


def _span(doc: Doc, start: int, end: int) -> Span:
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Span(start, end, doc.text[start:end])


# ----- patterns

def _pattern_relations(doc, si, sents, ments, etype) -> list[LocalRelation]:
    start, end = sents[si]
    template, marks = _template(doc, start, end, ments)
    out: list[LocalRelation] = []
    last_src: list[str] = []
    hits = []
    for name, rx in patterns():
        for m in rx.finditer(template):
            hits.append((m.start(), name, m))
    for _, name, m in sorted(hits, key=lambda h: h[0]):
        label = m.group("label").casefold()
        kind = labels()[label]
        targets = [int(x) for x in re.findall(r"⟨(\d+)⟩", m.group("tgt"))]
        tkeys = [doc.mentions[t].entity for t in targets]
        if "src" in m.groupdict() and m.group("src"):
            srcs = [doc.mentions[int(m.group("src")[1:-1])].entity]
        elif "poss" in m.groupdict() and m.group("poss"):
            srcs = _possessor(doc, m.group("poss"), marks, m.start("poss"), si, sents, set(tkeys),
                              template[:m.start("poss")])
        else:
            srcs = last_src  # coordinated label: "..., and younger son, Ilya"
        if not srcs:
            continue
        last_src = srcs
        for src in srcs:
            for tkey in tkeys:
                if tkey == src or not _types_ok(kind, etype.get(src), etype.get(tkey)):
                    continue
                ev = _span(doc, start, end)
                out.append(LocalRelation(kind, m.group("label"), src, tkey, ev, _when(doc, start, end)))
    return out


def _types_ok(kind: str, src_type: str | None, tgt_type: str | None) -> bool:
    if kind in PERSONAL:
        return src_type == tgt_type == "person"
    if kind == "member_of":
        return src_type in ("organization", "group") and tgt_type in ("person", "organization", "group")
    if kind == "author_of":
        return src_type == "work" and tgt_type in ("person", "organization")
    return True


def _template(doc: Doc, start: int, end: int, ments: list[int]) -> tuple[str, list[tuple[int, int, int]]]:
    """The sentence with mentions replaced by ⟨index⟩, and for each placeholder
    (template offset, text offset, length difference) to map offsets back."""
    parts, cur, tpos, marks = [], start, 0, []
    for i in sorted(ments, key=lambda i: doc.mentions[i].start):
        m = doc.mentions[i]
        if m.start < cur:
            continue
        chunk = doc.text[cur:m.start]
        parts.append(chunk)
        tpos += len(chunk)
        ph = f"⟨{i}⟩"
        marks.append((tpos, m.start, len(ph) - (m.end - m.start)))
        parts.append(ph)
        tpos += len(ph)
        cur = m.end
    parts.append(doc.text[cur:end])
    return "".join(parts), marks


def _text_offset(start: int, marks: list[tuple[int, int, int]], tpos: int) -> int:
    shift = sum(d for t, _, d in marks if t < tpos)
    return start + tpos - shift


def _possessor(doc: Doc, poss: str, marks, tpos: int, si: int, sents, exclude: set[str],
               before: str = "") -> list[str]:
    ph = re.match(r"⟨(\d+)⟩", poss)
    if ph:
        return [doc.mentions[int(ph.group(1))].entity]
    joint = re.search(r"⟨(\d+)⟩\s+and\s+$", before)
    if joint and poss.casefold() in ("his", "her"):  # "Captain Hale and his fiancée": his is Hale
        key = doc.mentions[int(joint.group(1))].entity
        if key not in exclude and any(e.key == key and e.type == "person" for e in doc.entities):
            return [key]
    offset = _text_offset(sents[si][0], marks, tpos)
    if poss.casefold() == "their":
        return resolve_plural(doc, offset, si, sents, exclude)
    found = resolve_pronoun(doc, offset, si, sents, exclude, GENDER_OF.get(poss.casefold()))
    return [found] if found else []


# ----- verbs (dependency parse)

def _verb_relations(doc, si, sents, ments, etype) -> list[LocalRelation]:
    if doc.spacy is None:
        return []
    start, end = sents[si]
    span = doc.spacy.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    rules = verb_rules()
    out = []
    for tok in span:
        if tok.pos_ != "VERB":
            continue
        rule = next((r for r in rules if tok.lemma_.casefold() in r.lemmas), None)
        if rule is None or any(c.dep_ == "neg" for c in tok.children):
            continue
        subj, obj = _arguments(tok)
        skey = _entity_at(doc, subj, ments, si, sents)
        okey = _entity_at(doc, obj, ments, si, sents)
        if not skey or not okey or skey == okey:
            continue
        if etype.get(skey) != "person" or etype.get(okey) not in rule.object_types:
            continue
        src, tgt = (okey, skey) if rule.source == "object" else (skey, okey)
        out.append(LocalRelation(rule.kind, rule.label, src, tgt, _span(doc, start, end),
                                 _when(doc, start, end)))
    return out


def _arguments(verb):
    subj = obj = None
    for c in verb.children:
        if c.dep_ == "nsubj":
            subj = c
        elif c.dep_ == "dobj":
            obj = c
        elif c.dep_ == "nsubjpass":
            obj = c
        elif c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    subj = g
    head = verb
    while subj is None and head.dep_ in ("conj", "xcomp") and head.head is not head:
        # "he drew a dagger, and fatally stabbed Caesar"; "Corday managed to stab Marat"
        head = head.head
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subj, obj


def _entity_at(doc: Doc, tok, ments, si, sents) -> str | None:
    if tok is None:
        return None
    if tok.pos_ == "PRON" and tok.lower_ in ("he", "she", "him", "her"):
        return resolve_pronoun(doc, tok.idx, si, sents, gender=GENDER_OF.get(tok.lower_))
    for i in ments:
        m = doc.mentions[i]
        if m.start <= tok.idx < m.end:
            return m.entity
    return None


def dedupe_relations(rels: list[LocalRelation]) -> list[LocalRelation]:
    seen, out = set(), []
    for r in rels:
        k = (r.kind, r.label.casefold(), r.source, r.target, r.evidence.start)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out
