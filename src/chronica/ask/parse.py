"""Question text -> ``Question``: its kind, the entities it names, its predicate, its dates.

The kind comes from the question's shape (data/questions.yaml); names resolve through
aliases (``names.NameIndex``); the predicate is the main verb (or event noun) as spaCy
lemmatises it, mapped to event kinds by the same trigger lexicon extraction uses; dates
come from the temporal engine.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from ..extract.events_lexicon import load_lexicon
from ..time.tagger import TimeTagger
from .model import Question
from .names import NameHit, NameIndex
from ..resources import load


@dataclass(frozen=True)
class Rules:
    kinds: list[tuple[str, re.Pattern]]
    related: dict[str, tuple[str, ...]]
    passive: dict[str, tuple[str, ...]]
    light_kinds: dict[str, tuple[str, ...]]
    with_a_date: dict[str, str]
    locative: frozenset[str]
    light: frozenset[str]
    stop: frozenset[str]
    relation_labels: frozenset[str]
    undergo: frozenset[str]
    later: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    generic_kinds: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = load("ask/questions.yaml")
    labels = {row["label"].casefold() for row in load("relations/labels.tsv")}
    return Rules(
        kinds=[(k, re.compile(p)) for k, p in raw["kinds"]],
        related={k: tuple(v) for k, v in (raw.get("related_kinds") or {}).items()},
        passive={k: tuple(v) for k, v in (raw.get("passive_kinds") or {}).items()},
        light_kinds={k: tuple(v) for k, v in (raw.get("light_predicate_kinds") or {}).items()},
        with_a_date={str(k): str(v) for k, v in (raw.get("with_a_date") or {}).items()},
        locative=frozenset(raw.get("locative_preps") or ()),
        light=frozenset(raw.get("light_predicates") or ()),
        stop=frozenset(str(w) for w in raw.get("stop") or ()),
        relation_labels=frozenset(labels),
        undergo=frozenset(raw.get("undergo_verbs") or ()),
        later=frozenset(raw.get("later_words") or ()),
        generic_kinds=frozenset(str(k) for k in raw.get("generic_kinds") or ()),
        person_nouns=frozenset(str(w) for w in raw.get("person_nouns") or ())
        | frozenset(str(w) for w in load("aliases/roles.yaml").get("role_nouns") or ()),
    )


@lru_cache(maxsize=1)
def time_tagger() -> TimeTagger:
    return TimeTagger.load()


@lru_cache(maxsize=1)
def _events_lexicon():
    return load_lexicon()


_WHICH_NOUN = re.compile(r"^(?:by |with |to |from |for |under )?(?:which|what) (?:\w+ )?(\w+)\b")


def question_kind(text: str) -> str:
    low = " ".join(text.casefold().split())
    for kind, pattern in rules().kinds:
        if pattern.search(low):
            return kind
    return "who" if person_noun_asked(low) else "passages"


def person_noun_asked(low: str) -> str | None:
    """"Which captain took him to Malta?", "what Saxon duke fought...": the person noun
    the question asks by (role nouns the resolver knows, and the asker's own list)."""
    m = _WHICH_NOUN.match(low)
    if not m:
        return None
    words = low[m.start():m.end()].split()[-2:]
    nouns = rules().person_nouns
    return next((w for w in reversed(words) if w in nouns or (w.endswith("s") and w[:-1] in nouns)), None)


def event_kinds(lemma: str | None, pos: str = "verb", passive: bool = False) -> tuple[str, ...]:
    """The event kinds a predicate lemma triggers, then their related kinds (best first)."""
    if not lemma:
        return ()
    lex = _events_lexicon()
    table = lex.verbs if pos == "verb" else lex.nouns
    kinds = [r.kind for r in table.get(lemma, ())]
    if passive:
        kinds = [p for k in kinds for p in rules().passive.get(k, ())] + kinds
    for k in list(kinds):
        kinds.extend(rules().related.get(k, ()))
    return tuple(dict.fromkeys(kinds))


def _period(text: str) -> tuple[tuple[str, str] | None, str | None, list[tuple[int, int]]]:
    """ISO bounds covering the dates the question gives, and where they are."""
    found = [t for t in time_tagger().tag(text).timexes if t.type in ("DATE", "TIME") and t.earliest and t.latest]
    if not found:
        return None, None, []
    lo = min(t.earliest for t in found)
    hi = max(t.latest for t in found)
    return (lo, hi), " ".join(t.text for t in found), [(t.start, t.end) for t in found]


def _irregular_forms(nlp, pos: str = "verb") -> dict[str, tuple[str, ...]]:
    """Verb (or noun) lemma -> its irregular forms, from the spaCy lemmatizer's exception
    table, so "write" finds "wrote" and "man" finds "men" in the evidence (regular forms
    share a stem anyway)."""
    out: dict[str, list[str]] = {}
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")[pos]
    except (KeyError, ValueError, AttributeError):
        return {}
    for form, lemmas in table.items():
        for lemma in lemmas:
            out.setdefault(lemma, []).append(form)
    return {k: tuple(v) for k, v in out.items()}


def _inside(i: int, spans) -> bool:
    return any(a <= i < b for a, b in spans)


def _part(doc, start: int, end: int) -> str | None:
    """The part the words at [start, end) play in the question's clause: the subject of an
    active verb does it ("what did X do", "who killed"), an object or a passive subject
    undergoes it ("who killed X", "who was killed"), "what happened to X" asks either."""
    heads = [t for t in doc if start <= t.idx < end and not (start <= t.head.idx < end and t.head is not t)]
    if not heads:
        return None
    tok = heads[0]
    if tok.dep_ == "nsubj" and tok.head.lemma_.casefold() not in rules().light:
        return "agent"
    if tok.dep_ == "nsubj" and tok.head.lemma_.casefold() == "do":
        return "told"
    if tok.dep_ in ("nsubjpass", "dobj", "dative"):
        return "patient"
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.casefold() in rules().undergo:
        return "involved"
    return None


def _answer_part(doc, hits) -> str | None:
    """The part "who" (or "which captain") asks for; none where the named entity is the
    subject already ("who did X surrender to?": the small parser may take "who" for a second subject)."""
    part = next((_part(doc, t.idx, t.idx + len(t)) for t in doc if t.lower_ in ("who", "whom")), None)
    if part is None:  # "which general captured Skopje?": the part of the noun "which" picks
        part = next((_part(doc, t.head.idx, t.head.idx + len(t.head)) for t in doc
                     if t.lower_ in ("which", "what") and t.dep_ == "det"), None)
    if part in ("agent", "told") and any(_part(doc, h.start, h.end) in ("agent", "told") for h in hits):
        return None
    return "agent" if part == "told" else part  # "who did it?"


class QuestionParser:
    """Parses questions against one knowledge base's names (spaCy loaded once)."""

    def __init__(self, names: NameIndex, nlp):
        self.names = names
        self.nlp = nlp
        self.irregular = _irregular_forms(nlp)
        self.plurals = _irregular_forms(nlp, "noun")

    def parse(self, text: str) -> Question:
        text = " ".join(text.split())
        kind = question_kind(text)
        hits = self.names.find(text)
        period, period_text, date_spans = _period(text)
        kind = rules().with_a_date.get(kind, kind) if period else kind
        doc = self.nlp(text)
        taken = [(h.start, h.end) for h in hits] + date_spans
        hits = hits + self._fuzzy_names(doc, taken)
        taken = [(h.start, h.end) for h in hits] + date_spans
        predicate, pos, passive = self._predicate(doc, taken)
        r = rules()
        words = tuple(dict.fromkeys(
            t.lemma_.casefold() for t in doc
            if not _inside(t.idx, taken) and t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN", "NUM")
            and t.lemma_.casefold() not in r.stop and t.lemma_.casefold() not in r.light and t.is_alpha))
        role = next((w for w in (t.lemma_.casefold() for t in doc) if w in r.relation_labels), None)
        of_role = next((t.lemma_.casefold() for t in doc if t.lemma_.casefold() in r.relation_labels
                        and any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in t.children)), None)
        if kind == "how_many":
            role = self._counted(doc)
        hits.sort(key=lambda h: h.start)
        return Question(
            text=text, kind=kind, entities=tuple(dict.fromkeys(h.entity for h in hits)),
            names=tuple(text[h.start:h.end] for h in hits), predicate=predicate,
            predicate_forms=self.irregular.get(predicate or "", ()),
            event_kinds=event_kinds(predicate, pos, passive) or self._light_kinds(doc, taken), words=words, period=period,
            period_text=period_text, role=role, of_role=of_role, place_words=self._place_words(doc, taken),
            role_forms=self.plurals.get(role or "", ()),
            part="involved" if kind == "fate" else _part(doc, hits[0].start, hits[0].end) if hits else None,
            answer_part=_answer_part(doc, hits),
            person_noun=person_noun_asked(text.casefold()) if kind == "who" else None,
        )

    @staticmethod
    def _place_words(doc, taken) -> tuple[str, ...]:
        """Proper names no entity matched, governed by a preposition ("defeated at Velmora",
        "the Battle of Karsk"): they say which happening is meant, so it must tell them."""
        return tuple(t.text.casefold() for t in doc if t.pos_ == "PROPN" and t.dep_ == "pobj"
                     and not _inside(t.idx, taken) and t.text[:1].isupper() and t.i > 0)

    def _fuzzy_names(self, doc, taken) -> list[NameHit]:
        """Proper-noun runs that matched no name exactly: the closest name, if close enough."""
        out, run = [], []
        for t in list(doc) + [None]:
            if t is not None and t.pos_ == "PROPN" and not _inside(t.idx, taken) and t.text[:1].isupper():
                run.append(t)
                continue
            if run:
                start, end = run[0].idx, run[-1].idx + len(run[-1].text)
                ent = self.names.fuzzy(doc.text[start:end])
                if ent:
                    out.append(NameHit(start, end, ent, False))
                run = []
        return out

    def _predicate(self, doc, taken) -> tuple[str | None, str, bool]:
        """The main verb's lemma (auxiliaries and light verbs skipped), else an event noun;
        and whether the verb is passive ("was he killed")."""
        r = rules()
        for t in doc:
            if _inside(t.idx, taken) or t.pos_ != "VERB":
                continue
            lemma = t.lemma_.casefold()
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)
            if lemma == "born" or t.text.casefold() == "born":
                return "bear", "verb", False
            if lemma not in r.light:
                return lemma, "verb", passive
        for t in doc:
            if not _inside(t.idx, taken) and t.pos_ == "NOUN" and event_kinds(t.lemma_.casefold(), "noun"):
                return t.lemma_.casefold(), "noun", False
        return None, "verb", False

    @staticmethod
    def _light_kinds(doc, taken) -> tuple[str, ...]:
        light = rules().light_kinds
        return next((light[t.lemma_.casefold()] for t in doc if not _inside(t.idx, taken)
                     and t.lemma_.casefold() in light), ())

    @staticmethod
    def _counted(doc) -> str | None:
        for i, t in enumerate(doc[:-1]):
            if t.lower_ in ("many", "much"):
                tok = doc[i + 1]  # "how many iron pegs": walk from the modifier to the noun it modifies
                while tok.dep_ in ("amod", "compound", "nummod") and tok.head.i > tok.i:
                    tok = tok.head
                return tok.lemma_.casefold() if tok.pos_ in ("NOUN", "PROPN") else None
        return None
