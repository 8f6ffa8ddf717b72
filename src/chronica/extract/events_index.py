"""A document's mentions indexed for reading events: each entity's type, gender and
counts, the people in text order (subject pronouns resolved), groups named, and
each sentence's tokens mapped to the entities they name (``SentView``); who a
pronoun most likely stands for (``recent_person``)."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..doc import Doc
from ..nlp.lexicon import load_lexicon as names_lexicon
from ..nlp.token_table import lowers as token_lowers, words as token_words
from ..resources.gender import given_name_gender
from ..resources.names import clean_surface, titles
from ..resources import load
from ..span_index import SpanIndex
from .events_lexicon import Lexicon
from .events_triggers import SUBJECT_DEPS


PARTICIPANT_TYPES = {"person", "organization", "group", "vehicle"}  # a ship sails, a train is derailed
_WORDS = load("events/clause_words.yaml")
MALE_PRONOUNS = frozenset(_WORDS["male_pronouns"])
FEMALE_PRONOUNS = frozenset(_WORDS["female_pronouns"])


@dataclass(frozen=True)
class MentionIndex:
    """Document-wide facts about entities, for reading participants."""

    entity_type: dict[str, str]
    gender: dict[str, str]  # person key -> "f" | "m" (when the text says)
    person_starts: list[int]  # char offsets of person mentions, sorted
    person_keys: list[str]
    person_subject: list[bool]  # was that mention a clause subject?
    counts: dict[str, int]  # entity key -> number of mentions (not cited)
    sentence_starts: tuple[int, ...] = ()  # char offsets where sentences start, sorted
    known_names: dict[str, str] | None = None  # one-word name -> the one person/group that bears it
    identified: dict[str, str] | None = None  # role noun -> the person the text says it was ("the thief was X")
    person_main: list[bool] | None = None  # was that mention the subject of a main clause?
    # people named together ("Hentzau and Detchard", "Vasek and his family"): (char offset,
    # keys), in text order -- what a later "they", "both", "the couple" stands for
    groups: tuple[tuple[int, tuple[str, ...]], ...] = ()
    mention_spans: SpanIndex | None = None  # the document's mentions by offset (sentence_view)


@dataclass(frozen=True)
class SentView:
    """One sentence's parse (the document's, or the sentence re-parsed alone) with its
    mentions mapped onto its tokens. ``shift`` turns a token's ``idx`` into an offset
    into the document text."""

    span: object  # spaCy Span
    shift: int
    token_entity: dict[int, str]  # token index -> entity key
    root_entity: dict[int, str]  # root token index of a mention -> entity key
    place_tokens: frozenset[int]

    @property
    def doc(self):
        return self.span.doc

    def offset(self, tok) -> int:
        return tok.idx + self.shift

    def end_offset(self, tok) -> int:
        return tok.idx + len(tok) + self.shift


def build_index(doc: Doc, lex: Lexicon) -> MentionIndex:
    etype = {e.key: e.type for e in doc.entities}
    persons: list[tuple[int, str, bool]] = []
    counts: dict[str, int] = {}
    votes: dict[str, list[int]] = {}  # person -> [female, male] cue words on its mentions
    named: dict[str, list[int]] = {}  # ... and what its given name says
    for m in doc.mentions:
        if m.entity is None or m.cited:
            continue
        counts[m.entity] = counts.get(m.entity, 0) + 1
        if etype.get(m.entity, m.type) != "person":
            continue
        span = doc.spacy.char_span(m.start, m.end, alignment_mode="expand") if doc.spacy is not None else None
        subject = bool(span is not None and len(span) and span.root.dep_ in SUBJECT_DEPS)
        persons.append((m.start, m.entity, subject, subject and _main_clause(span.root)))
        if span is not None and len(span):
            f, ma = _gender_cues(span, lex)
            v = votes.setdefault(m.entity, [0, 0])
            v[0] += f
            v[1] += ma
            if len(span) > 1:  # "Johan Berg": the given name may say it
                g = given_name_gender(span[0].text)
                w = named.setdefault(m.entity, [0, 0])
                w[0] += int(g == "f")
                w[1] += int(g == "m")
    persons.sort()
    gender = _genders(votes, _pronoun_votes(doc, persons), named)
    starts = tuple(sorted(s.start for s in doc.sentences))
    index = MentionIndex(etype, gender, [p[0] for p in persons], [p[1] for p in persons],
                         [p[2] for p in persons], counts, starts, _known_names(doc), _identified(doc, etype),
                         [p[3] for p in persons], _groups(doc, etype),
                         SpanIndex([(m.start, m.end) for m in doc.mentions], of=doc.mentions))
    _chain_subject_pronouns(doc, index)
    return index


_SUBJECT_PRONOUN = re.compile(r"\b(?:(?P<m>[Hh]e)|(?P<f>[Ss]he))\b")


def _pronoun_votes(doc: Doc, persons: list[tuple]) -> dict[str, list[int]]:
    """The first "he"/"she" after a person's mention, before anyone else is named and
    within the next sentence: what the text itself calls the person."""
    out: dict[str, list[int]] = {}
    starts = sorted(s.start for s in doc.sentences)
    for i, (start, key, *_) in enumerate(persons):
        nxt = persons[i + 1][0] if i + 1 < len(persons) else len(doc.text)
        k = bisect_left(starts, start + 1)
        stop = min(nxt, starts[k + 1] if k + 1 < len(starts) else len(doc.text))
        m = _SUBJECT_PRONOUN.search(doc.text, start, stop)
        if m is not None:
            v = out.setdefault(key, [0, 0])
            v[0 if m["f"] else 1] += 1
    return out


def _genders(*tallies: dict[str, list[int]]) -> dict[str, str]:
    """Each person's gender from the first tally that tells it: the cue words ("Queen",
    "his widow"), then the pronouns the text uses for them, then the given name (a name
    list knows many names but not how this text uses them)."""
    out: dict[str, str] = {}
    for tally, margin in zip(tallies, TALLY_MARGINS):
        for k, (f, ma) in tally.items():
            if k not in out and abs(f - ma) >= margin:
                out[k] = "f" if f > ma else "m"
    return out


# how far ahead one gender must be in each tally: a pronoun after a name is often
# someone else's ("Kibaki appointed her. She was ..."), so it takes two to tell
TALLY_MARGINS = (1, 2, 1)


def _known_names(doc: Doc) -> dict[str, str]:
    """One-word names (a surname, a first name) that stand for exactly one person or
    group of the document: a later bare use the tagger missed ("..., and Felton struck")
    still names them."""
    owners: dict[str, set[str]] = {}
    for e in doc.entities:
        if e.type not in PARTICIPANT_TYPES or e.cited:
            continue
        for form in [e.name, *e.aliases]:
            for w in form.split():
                if w[:1].isupper() and w.isalpha() and len(w) >= 3:
                    owners.setdefault(w, set()).add(e.key)
    return {w: next(iter(k)) for w, k in owners.items() if len(k) == 1}


def _groups(doc: Doc, etype: dict[str, str]) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """People named together by coordination: a person with at least one conjunct
    ("Hentzau and Detchard", "Vasek and his family", "Duke Michael and his wife")."""
    if doc.spacy is None:
        return ()
    root_of: dict[int, str] = {}
    for m in doc.mentions:
        if m.entity and not m.cited and etype.get(m.entity, m.type) in PARTICIPANT_TYPES:
            span = doc.spacy.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                root_of[span.root.i] = m.entity
    out = []
    for i, key in sorted(root_of.items()):
        tok = doc.spacy[i]
        if tok.dep_ == "conj" or etype.get(key) != "person":
            continue  # (counted from the first conjunct)
        conj = [c for c in tok.conjuncts if c.i > i]
        if not conj or any(c.pos_ not in ("NOUN", "PROPN") for c in conj):
            continue
        keys = [key]
        for c in conj:  # "his wife Sophie": the name beside the noun
            named = [root_of[g.i] for g in [c, *c.children] if g.i in root_of and (g is c or g.dep_ in ("appos", "compound"))]
            keys += named[:1]
        out.append((tok.idx, tuple(dict.fromkeys(keys))))
    return tuple(out)


def recent_group(index: MentionIndex, offset: int, within: int = 3) -> tuple[str, ...]:
    """The people a plural "they" at ``offset`` stands for: the latest group named in
    its sentence or the ``within`` sentences before it."""
    starts = index.sentence_starts
    k = bisect_left(starts, offset + 1) - 1
    lo = starts[max(0, k - within)] if starts and k >= 0 else 0
    for at, keys in reversed(index.groups):
        if at < offset:
            return keys if at >= lo else ()
    return ()


# the clauses whose subject is not a main clause's; the set in effect before (a broader one
# written here was shadowed by the place rules' SUBORDINATE_DEPS further down)
NON_MAIN_CLAUSE_DEPS = {"advcl", "ccomp", "csubj", "csubjpass"}


def _main_clause(subj) -> bool:
    """Is ``subj`` the subject of a main clause (the root verb or a verb coordinated
    with it), not of a relative or adverbial clause?"""
    verb = subj.head
    for _ in range(6):
        if verb.dep_ in NON_MAIN_CLAUSE_DEPS:
            return False
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return True
        verb = verb.head
    return True


def _identified(doc: Doc, etype: dict[str, str]) -> dict[str, str]:
    """Role nouns the text identifies with one person: "The thief was Vincenzo
    Peruggia" makes an earlier "a thief walked out" Peruggia's doing; "Ann Lee was a
    Welsh chemist" makes "the chemist" Ann Lee; "Mansa Musa" is "the mansa". A noun
    the text gives two people says nothing."""
    if doc.spacy is None:
        return {}
    person_at: dict[int, str] = {}
    found: dict[str, set[str]] = {}
    lowered = doc.text.replace("The ", "the ")  # "the mansa" written in lower case: a title
    for m in doc.mentions:
        if m.entity and not m.cited and etype.get(m.entity, m.type) == "person":
            span = doc.spacy.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                person_at[span.root.i] = m.entity
            for word in m.text.split()[:-1]:  # "Emperor Kanmu", "Mansa Musa": a title on the name
                if (word.casefold(),) in titles() or f"the {word.casefold()} " in lowered:
                    found.setdefault(word.casefold(), set()).add(m.entity)
    sd = doc.spacy
    be = sd.vocab.strings["be"]
    for i in (i for i, lemma in enumerate(sd.to_array("LEMMA").tolist()) if lemma == be):
        tok = sd[i]  # a token made only where the lemma is "be"
        subj = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)]
        attr = [person_at[c.i] for c in tok.children if c.dep_ == "attr" and c.i in person_at]
        if subj and attr:
            found.setdefault(subj[0].lemma_.lower(), set()).add(attr[0])
        # "Ann Lee was a Welsh chemist"
        who = [person_at[c.i] for c in tok.children if c.dep_ == "nsubj" and c.i in person_at]
        noun = [c for c in tok.children if c.dep_ == "attr" and c.pos_ == "NOUN"
                and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)]
        if who and noun:
            found.setdefault(noun[0].lemma_.lower(), set()).add(who[0])
    return {noun: next(iter(keys)) for noun, keys in found.items() if len(keys) == 1}


def _chain_subject_pronouns(doc: Doc, index: MentionIndex) -> None:
    """Resolve subject "he"/"she" in text order and index them as subject mentions of
    the person they stand for, so that a story told in pronouns keeps its protagonist
    ("Felton drew his knife. He waited until ... John Ward ... He opened the door")."""
    if doc.spacy is None:
        return
    sd = doc.spacy
    for i in (i for i, low in enumerate(token_lowers(sd)) if low in ("he", "she")):
        tok = sd[i]  # a token made only for "he" and "she"
        if tok.dep_ not in SUBJECT_DEPS:
            continue
        key = recent_person(index, tok.idx, tok.lower_, as_subject=True)  # a subject stands for a subject
        if key is None:
            continue
        k = bisect_left(index.person_starts, tok.idx)
        index.person_starts.insert(k, tok.idx)
        index.person_keys.insert(k, key)
        index.person_subject.insert(k, True)
        if index.person_main is not None:
            index.person_main.insert(k, _main_clause(tok))


def _gender_cues(span, lex: Lexicon) -> tuple[int, int]:
    """Female/male cue words in a person mention, its compounds and appositions."""
    words = [t.lower_.strip(".") for t in span]
    root = span.root
    words += [c.lower_ for c in root.children if c.dep_ in ("compound", "appos", "amod")]
    if root.dep_ in ("appos", "compound"):
        words.append(root.head.lower_)
    words = [w.split("-")[-1] if w.startswith("ex-") else w for w in words]
    return sum(w in lex.female_cues for w in words), sum(w in lex.male_cues for w in words)


def sentence_view(doc: Doc, span, shift: int, index: MentionIndex) -> SentView:
    """Map the mentions inside ``span`` (whose text starts at ``shift``) onto its tokens."""
    token_entity: dict[int, str] = {}
    root_entity: dict[int, str] = {}
    lo, hi = span[0].idx + shift, span[-1].idx + len(span[-1]) + shift
    sdoc = span.doc
    spans = index.mention_spans
    near = spans.overlapping(lo, hi) if spans is not None and spans.describes(doc.mentions) else \
        range(len(doc.mentions))
    peoples: set[int] = set()
    for m in (doc.mentions[i] for i in near):
        if m.entity is None or m.cited or m.end <= lo or m.start >= hi:
            continue
        ms = sdoc.char_span(m.start - shift, m.end - shift, alignment_mode="expand")
        if ms is None or len(ms) == 0:
            continue
        for t in ms:
            token_entity[t.i] = m.entity
        root_entity[ms.root.i] = m.entity
        if is_demonym(m.text) and not _names_land(ms.root):
            peoples.update(t.i for t in ms)  # "the British landed", "a Danish fleet"
    known, words = index.known_names or {}, token_words(sdoc)
    for i in range(span.start, span.end):  # a known name the tagger missed in this sentence
        if i not in token_entity and words[i] in known and sdoc[i].pos_ == "PROPN":
            token_entity[i] = root_entity[i] = known[words[i]]
    # "the British flew in", "a Danish fleet": a people, never where it happened
    places = frozenset(i for i, k in token_entity.items()
                       if index.entity_type.get(k) == "place" and i not in peoples)
    return SentView(span, shift, token_entity, root_entity, places)


def is_demonym(surface: str) -> bool:
    """"British", "the Danes", "Roman": a people's name or adjective (names/demonyms.tsv)
    that a mention of its country may be written as."""
    text = clean_surface(surface)
    if text.lower().startswith("the "):
        text = text[4:]
    return text in names_lexicon().demonyms


def _names_land(tok) -> bool:
    """A demonym that names a stretch of land: "the Korean peninsula", "the Syrian desert"."""
    return tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in names_lexicon().feature_tails


def main_person(index: MentionIndex) -> str | None:
    people = [(n, k) for k, n in index.counts.items() if index.entity_type.get(k) == "person"]
    return max(people)[1] if people else None


def recent_person(index: MentionIndex, offset: int, pronoun: str = "",
                  exclude: frozenset[str] = frozenset(), as_subject: bool = False) -> str | None:
    """The person a pronoun at ``offset`` most likely stands for.

    Searched sentence by sentence backwards (a light Hobbs search): in the pronoun's own
    sentence the nearest agreeing person before it; in an earlier sentence its subject
    person, else the first person it names (the topic, usually). ``exclude``: persons the
    pronoun cannot be (the subject of the clause a non-reflexive object pronoun is in)."""
    want = "f" if pronoun in FEMALE_PRONOUNS else "m" if pronoun in MALE_PRONOUNS else None

    def agrees(k: str) -> bool:
        g = index.gender.get(k)
        return k not in exclude and (want is None or g is None or g == want)

    i = bisect_left(index.person_starts, offset) - 1
    if i < 0:
        return None
    starts = index.sentence_starts
    if not starts:  # no sentence boundaries known: the latest agreeing person
        return next((index.person_keys[j] for j in range(i, -1, -1) if agrees(index.person_keys[j])), None)
    s_own = starts[max(0, bisect_left(starts, offset + 1) - 1)]
    # the pronoun's own sentence: the nearest agreeing person before it (for a subject
    # pronoun the nearest subject: "When Cicero writes to Atticus, he tells him ...")
    own = []
    while i >= 0 and index.person_starts[i] >= s_own:
        if agrees(index.person_keys[i]):
            own.append(i)
        i -= 1
    if own:
        subj = [j for j in own if index.person_subject[j]] if as_subject else []
        return index.person_keys[(subj or own)[0]]
    looked = 0
    while i >= 0 and looked < 4:
        s_start = starts[max(0, bisect_left(starts, index.person_starts[i] + 1) - 1)]
        group = []
        while i >= 0 and index.person_starts[i] >= s_start:
            group.append(i)
            i -= 1
        group.reverse()  # in text order
        ok = [j for j in group if agrees(index.person_keys[j])]
        if ok:
            # the subject of the sentence's last main clause ("Ames ran ..., but
            # Broder drew a pistol. He then fled ..." -> Broder), else its first
            # subject, else the first person it names (the topic)
            main = [j for j in ok if index.person_main and index.person_main[j]]
            if main:
                return index.person_keys[main[-1]]
            subj = [j for j in ok if index.person_subject[j]]
            return index.person_keys[(subj or ok)[0]]
        looked += 1
    return None
