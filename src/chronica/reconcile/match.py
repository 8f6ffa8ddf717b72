"""One event per happening: match the documents' local events within and across
documents (corpus component ``match_events``).

Two local events are the same happening when their kinds are compatible, their dates
can overlap, they share participants or places (through merged entities and place
containment) and their evidence is worded alike. Candidate pairs come from blocking
on participants/places and year, never from all pairs.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

import yaml
from rapidfuzz import fuzz

from ..model import DocSpan, Event, LocalEvent, When
from ..pipeline import component
from .bounds import YEAR, Bounds, bounds_of, is_vague
from .context import TextContext
from .geography import Geography
from .match_cues import cue_of, stative_kinds
from .match_once import join_once
from chronica.resources import path as resource_path

THRESHOLD = 0.62          # pair score to be the same happening across documents
WITHIN_DOC = 0.80         # stricter: one document telling a happening twice
STRONG_NO_DATE = 0.80     # score without the date part that overrides a date clash
MAX_BUCKET = 150          # a block past this is split by head word (see _block_pairs)
UNDATED_RELIEF = 0.5      # a document that dates nothing cannot give the date signal
MIN_SIGNALS = 2.0         # people, place, date, wording: at least two must agree
KIND_UNLIKE = 0.5         # a further signal asked of two kinds told in unlike words


@dataclass(frozen=True)
class Item:
    """One local event, prepared for matching."""

    doc_id: str
    doc_sha: str
    local: LocalEvent
    who: frozenset[str]
    where: str | None
    bounds: Bounds | None
    words: str
    placed: bool = True  # the place is named in the evidence (not carried from context)
    rare: frozenset[str] = frozenset()  # capitalised stems (then: only those few other events use)
    undated_doc: bool = False  # its document gives no date at all: the date can never agree
    scene: frozenset[str] = frozenset()  # places its paragraph names up to the evidence
    targets: frozenset[str] = frozenset()  # corpus ids of those it was aimed at (victims)
    cue: str = ""  # its head word's family or stem ("~kill", "trial"): see match_cues
    who_order: tuple[str, ...] = ()  # ``who`` in the order the text names them (a set has no stable order)

    @property
    def kind(self) -> str:
        return self.local.kind


@lru_cache(maxsize=1)
def kind_table() -> tuple[dict[frozenset, float], float]:
    data = yaml.safe_load(resource_path("claims/event_kinds.yaml").read_text("utf-8"))
    table = {frozenset((a, b)): float(s) for a, b, s in data["pairs"]}
    return table, float(data.get("other_score", 0.5))


def kind_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    table, other = kind_table()
    if "other" in (a, b):
        return other
    return table.get(frozenset((a, b)), 0.0)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def word_families() -> dict[str, str]:
    """Stem -> family name, from data/claims/word_families.yaml."""
    data = yaml.safe_load(resource_path("claims/word_families.yaml").read_text("utf-8"))
    out = {}
    for family, words in (data.get("families") or {}).items():
        for w in words:
            out[str(w).casefold()[:6]] = "~" + str(family)
    return out


def content_words(text: str) -> str:
    """Content words cut to a 6-letter stem (or their word family), stop words dropped."""
    stop = _stop_words()
    fam = word_families()
    words = (m.group(0).casefold() for m in _WORD.finditer(text))
    return " ".join(_family(w, fam) for w in words if w not in stop and len(w) > 2)


_ENDINGS = ("ing", "ed", "es", "s")


def _family(word: str, fam: dict[str, str]) -> str:
    """The word's family, also for an inflection the list leaves out ("killing"),
    else its 6-letter stem."""
    stem = word[:6]
    if stem in fam:
        return fam[stem]
    for end in _ENDINGS:
        base = word[: -len(end)]
        if word.endswith(end) and len(base) >= 3:
            for b in (base, base + "e", base[:-1] if len(base) > 3 and base[-1] == base[-2] else base):
                if b[:6] in fam:
                    return fam[b[:6]]
    return stem


BLANKED_TYPES = {"person", "organization", "group", "place"}  # compared as who and where


def proper_stems(text: str) -> frozenset[str]:
    """Stems of capitalised words past the first (names of ships, documents, battles)."""
    words = [m.group(0) for m in _WORD.finditer(text)]
    return frozenset(w.casefold()[:6] for w in words[1:] if w[0].isupper() and len(w) >= 4)


def description(doc, span) -> str:
    """The evidence text with the names in it blanked: who and where are compared on
    their own, the words should tell what happened."""
    text = span.text
    for m in doc.mentions:
        if m.entity and m.type in BLANKED_TYPES and span.start <= m.start and m.end <= span.end:
            a, b = m.start - span.start, m.end - span.start
            text = text[:a] + " " * (b - a) + text[b:]
    return text


# ------------------------------------------------------------------ pair scoring --

def date_score(a: Item, b: Item) -> float | None:
    """1 = same narrow date, 0.5 = unknown, None = cannot be the same day(s)."""
    if a.bounds is None or b.bounds is None:
        return 0.5
    if a.bounds.overlaps(b.bounds):
        wide = max(a.bounds.width, b.bounds.width)
        if wide <= 31:
            return 1.0
        if wide <= 370:
            return 0.8
        return 0.65
    if (_inferred(a) or _inferred(b)) and a.bounds.gap(b.bounds) <= GUESS_REACH:
        return 0.45  # a date guessed from context is weak evidence against
    return None  # (but a guess years away from the other date still tells them apart)


GUESS_REACH = 2 * YEAR    # how far a date guessed from context may miss the happening's


def _inferred(it: Item) -> bool:
    return it.local.when is not None and it.local.when.basis == "inferred"


def who_score(a: Item, b: Item, names: dict[str, frozenset[str]] | None = None) -> float:
    if not a.who or not b.who:
        return 0.4
    shared = len(a.who & b.who)
    if not shared and names:
        # entities the merger kept apart but that share a name word ("Garibaldi")
        ta = set().union(*(names.get(e, frozenset()) for e in a.who - b.who))
        tb = set().union(*(names.get(e, frozenset()) for e in b.who - a.who))
        if ta & tb:
            return 0.5
    if not shared:
        return 0.0
    return 0.5 + 0.5 * shared / len(a.who | b.who)


_NAME_WORD = re.compile(r"[^\W\d_]{4,}\b(?![\'’]s\b)")  # not a possessive: "Caesar’s assassin" names another


def name_words(entities) -> dict[str, frozenset[str]]:
    """Capitalised words of four letters or more in each person/group's names."""
    out = {}
    for e in entities:
        if e.type not in ("person", "group", "organization"):
            continue
        words = {w.casefold() for n in [e.name, *e.aliases] for w in _NAME_WORD.findall(n) if w[0].isupper()}
        out[e.id] = frozenset(words)
    return out


def place_score(a: Item, b: Item, geo: Geography) -> float | None:
    """1 = same place, 0.8 near, 0.7 one inside the other, 0.5 unknown, None = two
    unrelated places. A place carried from the context (not named in the clause) is
    weak both ways: it agrees less, and it never rules a match out."""
    if not a.where or not b.where:
        return 0.5
    rel = geo.relation(a.where, b.where)
    carried = not (a.placed and b.placed)
    if rel == "same":
        return 0.8 if carried else 1.0
    if rel == "near":
        return 0.7 if carried else 0.8
    if rel in ("within", "contains"):
        return 0.6 if carried else 0.7  # one source names the region, the other the spot
    if a.where in b.scene or b.where in a.scene:
        # the other's place is where this one's paragraph is set ("the Louvre was
        # closed ... walked out of the Salon Carré"): a room the gazetteer can't place
        return 0.6
    return 0.4 if carried else None


@lru_cache(maxsize=262_144)
def _alike(w: str, v: str) -> bool:
    return w[0] != "~" and v[0] != "~" and abs(len(v) - len(w)) <= 2 and fuzz.ratio(w, v) >= 85


@lru_cache(maxsize=65_536)
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def word_score(a: Item, b: Item) -> float:
    """Dice overlap of content-word stems, fuzzily matched (rapidfuzz) so that spelling
    variants and inflections count ("Blücher"/"Blucher", "landed"/"landing")."""
    if not a.words or not b.words:
        return 0.0
    # names hardly any other event uses ("the Bellerophon") are telling
    return max(_dice(a.words, b.words), min(0.6, 0.3 * len(a.rare & b.rare)))


@lru_cache(maxsize=262_144)
def _dice(words_a: str, words_b: str) -> float:
    """Fuzzy Dice overlap of two stem strings (cached: passages recur across sources)."""
    sa, sb = _word_set(words_a), _word_set(words_b)
    shared = len(sa & sb)
    # a word not shared exactly counts when it has a fuzzy partner on the other side
    hits = shared + sum(1 for w in sa - sb if any(_alike(w, v) if w < v else _alike(v, w) for v in sb))
    hits_b = shared + sum(1 for v in sb - sa if any(_alike(v, w) if v < w else _alike(w, v) for w in sa))
    return (hits + hits_b) / (len(sa) + len(sb))


RARE_DF = 2  # a stem used by at most this many events is rare


def with_rare_words(items: list[Item]) -> list[Item]:
    """Keep each item's capitalised stems that few events use (document frequency over
    the corpus's events)."""
    df: Counter[str] = Counter()
    for it in items:
        df.update(set(it.words.split()))
    out = []
    for it in items:
        rare = frozenset(w for w in it.rare if df[w] <= RARE_DF)
        out.append(replace(it, rare=rare))
    return out


def geo_rel_near(a: Item, b: Item) -> bool:
    return bool(a.where and b.where and a.where != b.where)


AIMED_KINDS = {"attack", "death", "arrest"}  # happenings that befall someone: a victim in common says much
TARGET_SIGNAL = 1.5


def shared_targets(a: Item, b: Item) -> frozenset[str]:
    if a.kind not in AIMED_KINDS or b.kind not in AIMED_KINDS:
        return frozenset()
    return a.targets & b.targets


def clashing(a: Item, b: Item) -> bool:
    """Two tellings that cannot be one blow: different means ("hurled a grenade" /
    "fired two shots"), or ends that exclude each other ("killed" / "missed")."""
    if a.kind not in AIMED_KINDS or b.kind not in AIMED_KINDS:
        return False
    ma, mb = _means(a), _means(b)
    if ma and mb and not ma & mb:
        return True
    wa, wb = set(a.words.split()), set(b.words.split())
    return any(x in wa and y in wb or y in wa and x in wb for x, y in _end_clashes())


@lru_cache(maxsize=1)
def _end_clashes() -> tuple[tuple[str, str], ...]:
    data = yaml.safe_load(resource_path("claims/word_families.yaml").read_text("utf-8"))
    return tuple(("~" + str(x), "~" + str(y)) for x, y in data.get("end_clashes") or ())


CUE_SIGNAL = 0.5         # the same head word ("trial" / "trial", "assassinated" / "killed")
GUESSED_DATE_SIGNAL = 0.5  # dates that agree within a year, one guessed from context


def same_cue(a: Item, b: Item) -> bool:
    return bool(a.cue) and a.cue == b.cue


def one_stay(a: Item, b: Item, who: float, place: float | None) -> bool:
    """The same person's stay (living, exile) told in places one inside the other: a
    person is in one such state at a time, so the places agree even when carried from
    the context ("reside here" / "remain there")."""
    kinds = stative_kinds()
    return (a.kind in kinds and b.kind in kinds and who >= 0.75 and place is not None and place >= 0.6
            and a.bounds is not None and b.bounds is not None and a.bounds.overlaps(b.bounds))


def evidence_signals(a: Item, b: Item, who: float, place: float | None, date: float | None, words: float) -> float:
    """How many independent kinds of positive evidence the pair has (people, place,
    date, wording, a victim in common): a likeness on one count alone is coincidence."""
    cross = a.doc_id != b.doc_id
    n = TARGET_SIGNAL if cross and shared_targets(a, b) else 0.0
    n += 1.0 if who >= 0.75 else 0.5 if who >= 0.5 else 0.0
    carried = not (a.placed and b.placed)
    if cross and one_stay(a, b, who, place):
        n += 1.0
    elif place is not None and place >= 0.7:
        # two different places close by (Calais / Boulogne, Paris / Versailles) agree
        # only half: they may be the same landing or two stages of one journey
        near = place < 1.0 and geo_rel_near(a, b)
        if not (carried and near):  # a place carried from the context that is only
            # close to the other's says nothing ("the theatre" / "a tavern in Maryland")
            n += 0.5 if carried or place < 0.8 or near else 1.0
    if date is not None and not _inferred(a) and not _inferred(b):
        n += 1.0 if date >= 1.0 else 0.5 if date >= 0.8 else 0.0
    elif cross and date is not None and date >= 0.8 and who >= 0.75 and same_cue(a, b):
        # a date guessed from context says little on its own ("returned to Paris" /
        # "the Bourbons returned" in one year), but the same person doing the same
        # thing in the same guessed year is telling
        n += GUESSED_DATE_SIGNAL
    told = 1.0 if words >= 0.3 else 0.5 if words >= 0.2 else 0.0
    return n + max(told, CUE_SIGNAL if cross and same_cue(a, b) else 0.0)


def pair_score(a: Item, b: Item, geo: Geography, names: dict[str, frozenset[str]] | None = None,
               min_signals: float = MIN_SIGNALS) -> float:
    """Similarity in [0, 1]; 0 when the two cannot be one happening. ``min_signals``:
    how many kinds of positive evidence must agree (lowered only where the two
    documents' order of telling supports the match)."""
    likeness = pair_likeness(a, b, geo, names)
    return 0.0 if likeness is None else score_at(likeness, a, b, min_signals)


@dataclass(frozen=True)
class Likeness:
    """What two items share, measured once, whatever evidence is then asked for."""
    kind: float
    who: float
    place: float | None
    words: float
    date: float | None
    signals: float


def pair_likeness(a: Item, b: Item, geo: Geography, names: dict[str, frozenset[str]] | None = None) -> Likeness | None:
    """None when the two cannot be one happening at any level of evidence."""
    k = kind_score(a.kind, b.kind)
    if k == 0 or (k < 1.0 and (a.local.trigger is None or b.local.trigger is None)):
        return None  # a heading's residence ("Paris, 1911") is only ever a residence
    if clashing(a, b):
        return None
    who = who_score(a, b, names)
    place = place_score(a, b, geo)
    words = word_score(a, b)
    if who == 0 and (place is None or place < 1.0):
        return None  # nobody in common and not even the same place
    if place is None and words < 0.8:
        return None
    date = date_score(a, b)
    return Likeness(k, who, place, words, date, evidence_signals(a, b, who, place, date, words))


def score_at(li: Likeness, a: Item, b: Item, min_signals: float = MIN_SIGNALS) -> float:
    """The pair's similarity when ``min_signals`` kinds of evidence must agree."""
    k, who, words, date = li.kind, li.who, li.words, li.date
    if a.undated_doc or b.undated_doc:
        min_signals -= UNDATED_RELIEF
    if k < 1.0 and words < 0.2:
        min_signals += KIND_UNLIKE  # different kinds told in different words: ask for more
    if li.signals < min_signals:
        return 0.0
    place = 0.3 if li.place is None else li.place
    rest = (0.25 * k + 0.2 * who + 0.15 * place + 0.15 * words) / 0.75
    aimed = shared_targets(a, b) if a.doc_id != b.doc_id else frozenset()
    if aimed:
        # the same victims: as telling as the same wording
        rest = min(1.0, rest + 0.1 * len(aimed) / len(a.targets | b.targets))
    if date is None and min_signals < MIN_SIGNALS and _dates_meet(a, b):
        date = 0.3  # apart only by the slack a vague date deserves ("a few weeks ago")
    if date is None:
        # different dates: only a very strong likeness (same kind, people, place,
        # wording) makes it one happening, and a vague date must be involved
        near = a.bounds.gap(b.bounds) <= (366 if (is_vague(a.local.when) or is_vague(b.local.when)) else 0)
        if k == 1.0 and rest >= STRONG_NO_DATE and near:
            return 0.75 * rest
        return 0.0
    if a.undated_doc or b.undated_doc:
        return rest  # no date to weigh: judge on the rest alone
    return 0.25 * date + 0.75 * rest


# ------------------------------------------------------------------ candidates --

def _year(it: Item) -> int | None:
    if it.bounds is None or it.bounds.width > 3 * YEAR or _inferred(it):
        return None  # undated, or dated only by a guess: compare with every year
    return int(it.bounds.mid // YEAR)


def candidate_pairs(items: list[Item], names: dict[str, frozenset[str]] | None = None,
                    place_names: dict[str, frozenset[str]] | None = None,
                    regions: dict[str, frozenset[str]] | None = None) -> set[tuple[int, int]]:
    """Pairs sharing a participant (or a participant's name word) or a place (or one
    place inside the other), in the same or a neighbouring year."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        keys = set(it.who)
        for e in it.who:
            keys.update("w:" + w for w in (names or {}).get(e, ()))
        if it.cue and not (it.who and it.where):
            keys.add("c:" + it.cue)  # nobody or no place to block on: the head word
        for e in keys:
            blocks[e].append(i)
        if it.where:
            blocks[it.where].append(i)
            for n in (place_names or {}).get(it.where, ()):
                blocks["p:" + n].append(i)
            for g in (regions or {}).get(it.where, ()):
                blocks["g:" + g].append(i)
    pairs: set[tuple[int, int]] = set()
    # blocks with the same members (a person's id and each word of their names) give
    # the same pairs: each distinct block once
    for members in dict.fromkeys(tuple(m) for m in blocks.values()):
        pairs.update(_block_pairs(list(members), items))
    return {p for p in pairs if p[0] != p[1]}


def _block_pairs(members: list[int], items: list[Item]):
    """The pairs of one block: same or neighbouring year, or one side undated. A block
    past MAX_BUCKET members (a name or place a large archive tells again and again) is
    split further by head word, and what is still too big is left to the other, smaller
    blocks its events are in: the pairs per event stay bounded, so the cost grows with
    the archive, not with its square."""
    by_year: dict[int | None, list[int]] = defaultdict(list)
    for i in members:
        by_year[_year(items[i])].append(i)
    undated = by_year.pop(None, [])
    for y in sorted(by_year):
        near = by_year[y] + by_year.get(y + 1, [])
        if len(near) <= MAX_BUCKET:
            yield from _ordered(by_year[y], near)
        else:
            yield from _by_cue(by_year[y], near, items)
    if len(members) <= MAX_BUCKET or len(undated) <= 20:
        yield from _ordered(undated, members)
    elif undated:
        yield from _by_cue(undated, members, items)


def _by_cue(xs: list[int], ys: list[int], items: list[Item]):
    """Pairs of ``xs`` and ``ys`` with the same head word, in sub-blocks of bounded size."""
    cue_of: dict[str, list[int]] = defaultdict(list)
    for y in ys:
        cue_of[items[y].cue].append(y)
    for x in xs:
        same = cue_of.get(items[x].cue, ())
        if items[x].cue and len(same) <= MAX_BUCKET:
            yield from _ordered([x], same)


def _ordered(xs: list[int], ys: list[int]):
    for x in xs:
        for y in ys:
            if x != y:
                yield (x, y) if x < y else (y, x)


# ------------------------------------------------------------------ clustering --

class Clusters:
    def __init__(self, n: int):
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def cluster(items: list[Item], geo: Geography, names: dict[str, frozenset[str]] | None = None) -> list[list[int]]:
    """Greedy linking, best pairs first: first the pairs with enough evidence of their
    own, then cross-document pairs with weaker evidence that sit in the same place of
    both documents' telling (between the same two already-matched happenings)."""
    strong: dict[tuple[int, int], float] = {}
    weak: dict[tuple[int, int], float] = {}
    for i, j in candidate_pairs(items, names, geo.place_names(), geo.region_keys()):
        li = pair_likeness(items[i], items[j], geo, names)
        if li is None:
            continue
        s = score_at(li, items[i], items[j])
        if s >= THRESHOLD:
            strong[(i, j)] = s
        elif items[i].doc_id != items[j].doc_id:
            w = score_at(li, items[i], items[j], min_signals=WEAK_SIGNALS)
            if (w >= WEAK_THRESHOLD and _same_actors(items[i], items[j], geo, names)
                    and _told_alike(items[i], items[j]) and _dates_meet(items[i], items[j])):
                weak[(i, j)] = w
    cl = Clusters(len(items))
    memo: dict = {}
    order = _telling_order(items)
    for i, j in continuations(items, order, geo):
        cl.union(i, j)
    for (i, j), s in sorted(strong.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = cl.find(i), cl.find(j)
        if ri != rj and _may_merge(cl.members[ri], cl.members[rj], items, geo, strong, names, memo=memo):
            cl.union(ri, rj)
    for (i, j), s in sorted(weak.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = cl.find(i), cl.find(j)
        if ri == rj or _docs(cl.members[ri], items) | _docs(cl.members[rj], items) != {items[i].doc_id, items[j].doc_id} \
                or len(_docs(cl.members[ri], items)) > 1 or len(_docs(cl.members[rj], items)) > 1:
            continue  # only events matched with nobody in another document yet
        if _same_gap(i, j, items, order, cl) and _may_merge(cl.members[ri], cl.members[rj], items, geo, weak,
                                                            names, WEAK_SIGNALS, memo=memo):
            cl.union(ri, rj)
    join_once(cl, items)  # one person's death told by two sources is one death
    return sorted((sorted(m) for m in cl.members.values()), key=lambda m: m[0])


GENERIC_KINDS = {"political", "other", "personal"}  # catch-all kinds: the kind says little


def _docs(members: list[int], items: list[Item]) -> set[str]:
    return {items[m].doc_id for m in members}


def continuations(items: list[Item], order: dict[int, tuple[str, int]], geo: Geography) -> list[tuple[int, int]]:
    """A sentence that goes on telling the happening the one before told ("raiders
    broke into the manor. They set fire to the stables"): the next
    event in a document's telling, of the same specific kind, with no date, place or
    participant of its own, worded alike."""
    at = {v: i for i, v in order.items()}
    out = []
    for i, (doc_id, r) in order.items():
        j = at.get((doc_id, r + 1))
        if j is None:
            continue
        a, b = items[i], items[j]
        if a.kind != b.kind or a.kind in GENERIC_KINDS or a.local.trigger is None or b.local.trigger is None:
            continue
        if not _inferred(b) or (b.bounds is not None and a.bounds is not None and not a.bounds.overlaps(b.bounds)):
            continue
        if not b.who <= a.who or (b.placed and b.where != a.where):
            continue
        if not 0 <= b.local.evidence.start - a.local.evidence.end <= 1:
            continue  # the very next sentence of the same paragraph
        if word_score(a, b) >= CONTINUE_WORDS:
            out.append((i, j))
    return out


CONTINUE_WORDS = 0.25



def _same_actors(a: Item, b: Item, geo: Geography, names) -> bool:
    """A participant in common, or (one side naming nobody) a place that agrees, for a
    kind that says something on its own."""
    if who_score(a, b, names) >= 0.5:
        return True
    if a.who and b.who:
        return False
    place = place_score(a, b, geo)
    return a.kind == b.kind and a.kind not in GENERIC_KINDS and place is not None and place >= 0.6


def _dates_meet(a: Item, b: Item) -> bool:
    """Weak evidence must not have the dates against it, not even guessed ones (beyond
    the slack an approximate or relative date like "a few weeks ago" deserves)."""
    if a.bounds is None or b.bounds is None:
        return True
    slack = VAGUE_SLACK if _loose(a.local.when) or _loose(b.local.when) else 0
    return a.bounds.overlaps(b.bounds, slack)


VAGUE_SLACK = 92  # days


def _loose(when: When | None) -> bool:
    return when is not None and (when.basis == "relative" or any(c in (when.edtf or "") for c in "~?%"))


def _told_alike(a: Item, b: Item) -> bool:
    """Two events of a catch-all kind must also be worded alike to match on weak evidence
    ("abdicated" and "was ordered to leave" are both political, and not one happening)."""
    if a.kind in GENERIC_KINDS or b.kind in GENERIC_KINDS:
        return word_score(a, b) >= 0.2
    ma, mb = _means(a), _means(b)
    return not (ma and mb and not ma & mb)  # shot against stabbed: two attacks


@lru_cache(maxsize=1)
def _means_families() -> frozenset[str]:
    data = yaml.safe_load(resource_path("claims/word_families.yaml").read_text("utf-8"))
    return frozenset("~" + str(f) for f in data.get("means") or ())


def _means(it: Item) -> set[str]:
    return set(it.words.split()) & _means_families()


WEAK_THRESHOLD = 0.5      # pair score for a match the order of telling supports
WEAK_SIGNALS = 1.0
GAP_REACH = 3             # events past the last matched one that still count as "next"


def _telling_order(items: list[Item]) -> dict[int, tuple[str, int]]:
    """Each item's document and rank in that document's order of telling."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_doc[it.doc_id].append(i)
    out = {}
    for doc_id, idx in by_doc.items():
        idx.sort(key=lambda i: (items[i].local.evidence.start, items[i].local.evidence.end))
        for r, i in enumerate(idx):
            out[i] = (doc_id, r)
    return out


_DOC_INDEX: dict[int, tuple[dict, dict[str, list[int]]]] = {}


def _in_doc(order: dict[int, tuple[str, int]], doc_id: str) -> list[int]:
    """The items of one document (an index built once per telling order)."""
    cached = _DOC_INDEX.get(id(order))
    if cached is None or cached[0] is not order:
        by_doc: dict[str, list[int]] = defaultdict(list)
        for i, (d, _) in order.items():
            by_doc[d].append(i)
        _DOC_INDEX.clear()
        _DOC_INDEX[id(order)] = cached = (order, by_doc)
    return cached[1].get(doc_id, [])


def _same_gap(i: int, j: int, items: list[Item], order: dict[int, tuple[str, int]], cl: Clusters) -> bool:
    """Do ``i`` and ``j`` (two documents) sit between the same two matched happenings of
    their documents' telling? Sources retell a story in much the same order, so an event
    between "fled the capital" and "the siege" in one telling matches its like
    between the same two in the other."""
    da, ra = order[i]
    db, rb = order[j]
    anchors = []  # (rank in a's document, rank in b's document) of matched happenings
    for m in _in_doc(order, da):  # the clusters of a's document only: not all clusters
        ys = [order[n][1] for n in cl.members[cl.find(m)] if order[n][0] == db]
        anchors.extend((order[m][1], y) for y in ys)
    anchors = in_order(anchors)
    if not anchors:
        return False
    before = [p for p in anchors if p[0] < ra]
    after = [p for p in anchors if p[0] > ra]
    before_b = [p for p in anchors if p[1] < rb]
    after_b = [p for p in anchors if p[1] > rb]
    prev_a = max(before, default=None)
    prev_b = max(before_b, key=lambda p: (p[1], p[0]), default=None)
    next_a = min(after, default=None)
    next_b = min(after_b, key=lambda p: (p[1], p[0]), default=None)
    if prev_a != prev_b or next_a != next_b:
        return False
    if prev_a is None and next_a is None:
        return False
    if prev_a is None or next_a is None:  # an open end: stay close to the matched neighbour
        x, y = prev_a or next_a
        return abs(ra - x) <= GAP_REACH and abs(rb - y) <= GAP_REACH
    return True


def in_order(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of anchors told in the same order by both documents: an
    anchor that crosses the others (a flashback, or a doubtful match) must not shift
    the gaps of everything told after it."""
    anchors = sorted(set(anchors))
    best: list[list[tuple[int, int]]] = []
    for k, (x, y) in enumerate(anchors):
        prev = [best[i] for i in range(k) if anchors[i][0] <= x and anchors[i][1] <= y]
        best.append(max(prev, key=len, default=[]) + [(x, y)])
    return max(best, key=len, default=[])


def retold(a: Item, b: Item, geo: Geography) -> bool:
    """One document telling one happening twice: same kind and people, no other place,
    and the same stated date or much the same words."""
    if a.kind != b.kind or not (a.who & b.who):
        return False
    if a.where and b.where and geo.relation(a.where, b.where) not in ("same", "within", "contains"):
        return False
    same_date = (a.bounds is not None and b.bounds is not None and not _inferred(a) and not _inferred(b)
                 and a.bounds.overlaps(b.bounds) and max(a.bounds.width, b.bounds.width) <= 31)
    return same_date or word_score(a, b) >= 0.45


def same_blow(a: Item, b: Item) -> bool:
    """One document telling one blow twice (once in passing, once in full): the same
    kind aimed at the very same people (or at one of them by the same means), on dates
    that meet, and nothing that clashes."""
    if a.kind != b.kind or a.kind not in AIMED_KINDS or not a.targets & b.targets:
        return False
    ma, mb = _means(a), _means(b)
    alike = a.targets == b.targets or bool(ma & mb)  # the same victims, or a victim and the same means
    return alike and _dates_meet(a, b) and not clashing(a, b)


def headed_stay(a: Item, b: Item, geo: Geography) -> bool:
    """A heading's stay ("Turkey, 1929-1933", no head word) and the body's telling of the
    same person's stay there ("she would live there for a decade"): one stay."""
    kinds = stative_kinds()
    if a.kind != b.kind or a.kind not in kinds or (a.local.trigger is None) == (b.local.trigger is None):
        return False
    if not a.who & b.who or not a.where or not b.where or a.bounds is None or b.bounds is None:
        return False
    return geo.relation(a.where, b.where) in ("same", "within", "contains") and a.bounds.overlaps(b.bounds)


def _may_merge(a: list[int], b: list[int], items: list[Item], geo: Geography,
               scores: dict[tuple[int, int], float], names: dict[str, frozenset[str]] | None = None,
               min_signals: float = MIN_SIGNALS, memo: dict | None = None) -> bool:
    memo = {} if memo is None else memo  # pairs scored for earlier merges: clusters grow, pairs recur

    def score(x: int, y: int) -> float:
        key = (x, y) if x < y else (y, x)
        s = scores.get(key)
        if s is None:
            if key not in memo:
                memo[key] = pair_likeness(items[key[0]], items[key[1]], geo, names)
            li = memo[key]
            s = 0.0 if li is None else score_at(li, items[key[0]], items[key[1]], min_signals)
        return s

    for x in a:
        for y in b:
            s = score(x, y)
            same_doc = items[x].doc_id == items[y].doc_id
            if same_doc and (s < WITHIN_DOC or not retold(items[x], items[y], geo)) \
                    and not same_blow(items[x], items[y]) and not headed_stay(items[x], items[y], geo):
                return False
            if s == 0.0 and not same_doc and not any(
                    _overlapping(items[y], items[z]) and score(x, z) > 0 for z in b if z != y):
                return False  # (a leg of a clause another member tells whole does not veto)
    return True


def _overlapping(a: Item, b: Item) -> bool:
    """Two items of one document whose evidence overlaps (a journey's leg and its clause)."""
    return (a.doc_id == b.doc_id and a.local.evidence.start < b.local.evidence.end
            and b.local.evidence.start < a.local.evidence.end)


# ------------------------------------------------------------------ building --

def _evidence_rank(it: Item) -> tuple:
    w = it.local.when
    basis = {"explicit": 0, "relative": 1, "inferred": 2}.get(w.basis, 3) if w else 4
    width = it.bounds.width if it.bounds else 10 ** 9
    return (basis, width, -it.local.confidence, it.doc_id, it.local.evidence.start)


def reconcile_when(members: list[Item]) -> When | None:
    """The tightest date consistent with every source, else the best-evidenced one."""
    dated = [m for m in members if m.bounds is not None]
    if not dated:
        return None
    stated = [m for m in dated if not _inferred(m)]
    dated = stated or dated  # a date read in the text beats one inferred from context
    consistent = [m for m in dated if all(m.bounds.overlaps(o.bounds) for o in dated)]
    pool = consistent or dated
    best = min(pool, key=_evidence_rank)
    return best.local.when


def _pick_where(members: list[Item], geo: Geography) -> str | None:
    places = Counter(m.where for m in members if m.where)
    if not places:
        return None
    inner = [p for p in places if all(p == q or geo.within(p, q) for q in places)]
    if inner:
        return inner[0]  # one source names the region, another the spot: the spot
    # the most often named place; among equals the innermost (most specific)
    top = max(places.values())
    cands = sorted(p for p, n in places.items() if n == top)
    for p in cands:
        if all(p == q or geo.within(p, q) for q in cands):
            return p
    return cands[0]


def _pick_kind(members: list[Item]) -> str:
    kinds = Counter(m.kind for m in members)
    specific = {k: n for k, n in kinds.items() if k != "other"} or kinds
    top = max(specific.values())
    best = min(members, key=_evidence_rank)
    if best.kind in specific and specific[best.kind] == top:
        return best.kind
    return sorted(k for k, n in specific.items() if n == top)[0]


def event_id(members: list[Item]) -> str:
    first = min(members, key=lambda m: (m.doc_sha, m.local.evidence.start, m.local.evidence.end))
    raw = f"{first.doc_sha}:{first.local.evidence.start}:{first.local.evidence.end}"
    return "evt_" + hashlib.sha1(raw.encode()).hexdigest()[:16]


def support_confidence(members: list[Item]) -> float:
    """Best local confidence, raised for every further independent document."""
    docs = {m.doc_id for m in members}
    base = max(m.local.confidence for m in members)
    return round(min(0.99, base + 0.15 * (len(docs) - 1)), 3)


def evidence_when(m: Item, reconciled: When | None) -> When | None:
    """The date a source's evidence carries: its own; a source that gives none (or only
    a clock time, "at 10 p.m.") is read as telling the happening on the date the
    other sources give (basis inferred)."""
    own = m.local.when
    if reconciled is None or bounds_of(reconciled) is None or m.bounds is not None:
        return own
    return replace(reconciled, basis="inferred", anchor=reconciled.anchor or reconciled.edtf)


def build_event(members: list[Item], geo: Geography) -> Event:
    best = min(members, key=_evidence_rank)
    when = reconcile_when(members)
    who: Counter[str] = Counter()
    for m in members:
        for e in m.who:
            who[e] += 1
    order = {e: i for i, e in enumerate(dict.fromkeys(
        e for m in sorted(members, key=_evidence_rank) for e in (m.who_order or sorted(m.who))))}
    evidence = sorted(
        (DocSpan(m.doc_id, m.local.evidence.start, m.local.evidence.end, m.local.evidence.text,
                 when=evidence_when(m, when))
         for m in members),
        key=lambda d: (d.document, d.start, d.end),
    )
    return Event(
        id=event_id(members),
        kind=_pick_kind(members),
        summary=best.local.summary,
        when=when,
        where=_pick_where(members, geo),
        who=sorted(who, key=lambda e: (-who[e], order[e])),
        evidence=evidence,
        sources=sorted({m.doc_id for m in members}),
        confidence=support_confidence(members),
        support=len({m.doc_id for m in members}),
    )


def prepare(corpus) -> list[Item]:
    items = []
    for doc in corpus.docs:
        context = TextContext(doc.text)
        undated = not any(bounds_of(ev.when) for ev in doc.events if not (ev.staged or ev.negated))
        for ev in doc.events:
            if ev.staged or ev.negated:
                continue
            named = tuple(dict.fromkeys(corpus.entity_of.get((doc.id, k), f"{doc.id}:{k}") for k in ev.who))
            who = frozenset(named)
            where = corpus.entity_of.get((doc.id, ev.where), f"{doc.id}:{ev.where}") if ev.where else None
            placed = bool(ev.where) and any(m.entity == ev.where and ev.evidence.start <= m.start < ev.evidence.end
                                            for m in doc.mentions)
            told = description(doc, ev.evidence)
            targets = frozenset(corpus.entity_of.get((doc.id, k), f"{doc.id}:{k}") for k in ev.targets)
            items.append(Item(doc.id, doc.source.sha256, ev, who, where, bounds_of(ev.when),
                              content_words(told), placed, proper_stems(told), undated_doc=undated,
                              scene=_scene(corpus, doc, ev, context), targets=targets,
                              cue=cue_of(ev.trigger.text if ev.trigger else None, word_families()),
                              who_order=named))
    return with_rare_words(items)


def _scene(corpus, doc, ev: LocalEvent, context: TextContext) -> frozenset[str]:
    """Corpus ids of the places named in the event's paragraph up to its evidence's end."""
    p0, _ = context.paragraph(ev.evidence.start)
    return frozenset(corpus.entity_of.get((doc.id, m.entity), f"{doc.id}:{m.entity}") for m in doc.mentions
                     if m.entity and m.type == "place" and p0 <= m.start < ev.evidence.end)


BORROW_MIN = 3            # happenings an undated document must share with a dated one
BORROW_SHARE = 0.1        # ... and that share of its events (a text that tells much more
                          # than the dated one still tells the shared part on its date)
BORROW_AGREE = 0.5        # ... most of which agree on the date


def borrow_dates(items: list[Item], groups: list[list[int]]) -> list[Item]:
    """A document that gives no date at all, but tells several happenings another
    document dates, tells the same story: its unmatched happenings get the date most of
    the shared ones have (basis inferred). Matched ones get theirs through the event."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_doc[it.doc_id].append(i)
    group_of = {i: g for g in groups for i in g}
    out = list(items)
    for doc_id, idx in by_doc.items():
        if any(items[i].bounds is not None for i in idx):
            continue
        votes: Counter = Counter()  # by date (edtf), whatever basis the other source had
        seen: dict[str, list[When]] = defaultdict(list)
        shared = 0
        for i in idx:
            others = [items[j] for j in group_of[i] if items[j].doc_id != doc_id and items[j].bounds is not None]
            if others:
                shared += 1
                w = reconcile_when(others)
                votes[w.edtf] += 1
                seen[w.edtf].append(w)
        if shared < BORROW_MIN or shared < BORROW_SHARE * len(idx) or not votes:
            continue
        edtf, n = votes.most_common(1)[0]
        if n < BORROW_MIN or n < BORROW_AGREE * shared:
            continue  # the shared happenings do not agree on one day: no single story date
        date = min(seen[edtf], key=lambda w: {"explicit": 0, "relative": 1}.get(w.basis, 2))
        date = replace(date, basis="inferred", anchor=date.anchor or date.edtf)
        for i in idx:
            if len(group_of[i]) == 1:
                out[i] = replace(items[i], local=replace(items[i].local, when=date), bounds=bounds_of(date))
    return out


def _chronological(ev: Event) -> tuple:
    b = bounds_of(ev.when)
    return (b.lo if b else 10 ** 9, ev.id)


@component("match_events", requires=("entities", "entity_of"), assigns=("events", "event_of"), level="corpus")
def match_events(corpus, ctx) -> None:
    geo = Geography(corpus.entities)
    items = prepare(corpus)
    groups = cluster(items, geo, name_words(corpus.entities))
    items = borrow_dates(items, groups)
    events, event_of = [], {}
    for group in groups:
        members = [items[i] for i in group]
        ev = build_event(members, geo)
        events.append(ev)
        for m in members:
            event_of[(m.doc_id, m.local.key)] = ev.id
    events.sort(key=_chronological)
    corpus.events = events
    corpus.event_of = event_of
