"""How alike two local events are: one score per kind of evidence (kind, date, people,
place, wording), how many independent kinds agree, and the pair's similarity."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..match_settings import EventMatching, PairWeights
from ..model import When
from .bounds import YEAR, is_vague
from .geography import Geography
from .match_cues import stative_kinds
from .match_items import Item, inferred
from ..resources import load

GENERIC_KINDS = {"political", "other", "personal"}  # catch-all kinds: the kind says little


@lru_cache(maxsize=1)
def kind_table() -> tuple[dict[frozenset, float], float]:
    data = load("claims/event_kinds.yaml")
    table = {frozenset((a, b)): float(s) for a, b, s in data["pairs"]}
    return table, float(data.get("other_score", 0.5))


def kind_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    table, other = kind_table()
    if "other" in (a, b):
        return other
    return table.get(frozenset((a, b)), 0.0)


def date_score(a: Item, b: Item, s: EventMatching) -> float | None:
    """1 = same narrow date, 0.5 = unknown, None = cannot be the same day(s)."""
    if a.bounds is None or b.bounds is None:
        return 0.5
    if a.bounds.overlaps(b.bounds):
        wide = max(a.bounds.width, b.bounds.width)
        if wide <= s.same_date_days:
            return 1.0
        if wide <= s.same_year_days:
            return 0.8
        return 0.65
    # how far a date guessed from context may miss the happening's
    if (inferred(a) or inferred(b)) and a.bounds.gap(b.bounds) <= s.guess_reach_years * YEAR:
        return 0.45  # a date guessed from context is weak evidence against
    return None  # (but a guess years away from the other date still tells them apart)


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


def _partnered(w: str, others: frozenset[str], min_ratio: float) -> bool:
    """A word alike one of ``others``: neither a "~" word, lengths within 2, rapidfuzz
    ratio at least ``min_ratio`` (the candidates scored in one rapidfuzz call)."""
    if w[0] == "~":
        return False
    n = len(w)
    near = [v for v in others if -2 <= len(v) - n <= 2 and v[0] != "~"]
    return bool(near) and process.extractOne(w, near, scorer=fuzz.ratio, score_cutoff=min_ratio) is not None


@lru_cache(maxsize=65_536)
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def word_score(a: Item, b: Item, s: EventMatching) -> float:
    """Dice overlap of content-word stems, fuzzily matched (rapidfuzz) so that spelling
    variants and inflections count ("Blücher"/"Blucher", "landed"/"landing")."""
    if not a.words or not b.words:
        return 0.0
    # names hardly any other event uses ("the Bellerophon") are telling
    return max(_dice(a.words, b.words, s.fuzzy_word_ratio), min(0.6, 0.3 * len(a.rare & b.rare)))


@lru_cache(maxsize=262_144)
def _dice(words_a: str, words_b: str, min_ratio: float) -> float:
    """Fuzzy Dice overlap of two stem strings (cached: passages recur across sources)."""
    sa, sb = _word_set(words_a), _word_set(words_b)
    shared = len(sa & sb)
    # a word not shared exactly counts when it has a fuzzy partner on the other side
    hits = shared + sum(1 for w in sa - sb if _partnered(w, sb, min_ratio))
    hits_b = shared + sum(1 for v in sb - sa if _partnered(v, sa, min_ratio))
    return (hits + hits_b) / (len(sa) + len(sb))


def geo_rel_near(a: Item, b: Item) -> bool:
    return bool(a.where and b.where and a.where != b.where)


AIMED_KINDS = {"attack", "death", "arrest"}  # happenings that befall someone: a victim in common says much


def shared_targets(a: Item, b: Item) -> frozenset[str]:
    if a.kind not in AIMED_KINDS or b.kind not in AIMED_KINDS:
        return frozenset()
    return a.targets & b.targets


def clashing(a: Item, b: Item) -> bool:
    """Two tellings that cannot be one blow: different means ("hurled a grenade" /
    "fired two shots"), or ends that exclude each other ("killed" / "missed")."""
    if a.kind not in AIMED_KINDS or b.kind not in AIMED_KINDS:
        return False
    ma, mb = means_of(a), means_of(b)
    if ma and mb and not ma & mb:
        return True
    wa, wb = set(a.words.split()), set(b.words.split())
    return any(x in wa and y in wb or y in wa and x in wb for x, y in _end_clashes())


@lru_cache(maxsize=1)
def _end_clashes() -> tuple[tuple[str, str], ...]:
    data = load("claims/word_families.yaml")
    return tuple(("~" + str(x), "~" + str(y)) for x, y in data.get("end_clashes") or ())



def same_cue(a: Item, b: Item) -> bool:
    return bool(a.cue) and a.cue == b.cue


def one_stay(a: Item, b: Item, who: float, place: float | None) -> bool:
    """The same person's stay (living, exile) told in places one inside the other: a
    person is in one such state at a time, so the places agree even when carried from
    the context ("reside here" / "remain there")."""
    kinds = stative_kinds()
    return (a.kind in kinds and b.kind in kinds and who >= 0.75 and place is not None and place >= 0.6
            and a.bounds is not None and b.bounds is not None and a.bounds.overlaps(b.bounds))


def evidence_signals(a: Item, b: Item, li: "Likeness", s: EventMatching) -> float:
    """How many independent kinds of positive evidence the pair has (people, place,
    date, wording, a victim in common): a likeness on one count alone is coincidence."""
    cross = a.doc_id != b.doc_id
    n = s.target_signal if cross and shared_targets(a, b) else 0.0
    n += 1.0 if li.who >= 0.75 else 0.5 if li.who >= 0.5 else 0.0
    n += _place_signal(a, b, li, cross)
    n += _date_signal(a, b, li, cross, s)
    told = 1.0 if li.words >= 0.3 else 0.5 if li.words >= 0.2 else 0.0
    return n + max(told, s.cue_signal if cross and same_cue(a, b) else 0.0)


def _place_signal(a: Item, b: Item, li: "Likeness", cross: bool) -> float:
    place = li.place
    if cross and one_stay(a, b, li.who, place):
        return 1.0
    if place is None or place < 0.7:
        return 0.0
    # two different places close by (Calais / Boulogne, Paris / Versailles) agree
    # only half: they may be the same landing or two stages of one journey
    carried = not (a.placed and b.placed)
    near = place < 1.0 and geo_rel_near(a, b)
    if carried and near:  # a place carried from the context that is only close to
        return 0.0        # the other's says nothing ("the theatre" / "a tavern in Maryland")
    return 0.5 if carried or place < 0.8 or near else 1.0


def _date_signal(a: Item, b: Item, li: "Likeness", cross: bool, s: EventMatching) -> float:
    date = li.date
    if date is not None and not inferred(a) and not inferred(b):
        return 1.0 if date >= 1.0 else 0.5 if date >= 0.8 else 0.0
    if cross and date is not None and date >= 0.8 and li.who >= 0.75 and same_cue(a, b):
        # a date guessed from context says little on its own ("returned to Lyon" /
        # "the exiles returned" in one year), but the same person doing the same
        # thing in the same guessed year is telling
        return s.guessed_date_signal
    return 0.0


def pair_score(a: Item, b: Item, geo: Geography, s: EventMatching, names: dict[str, frozenset[str]] | None = None,
               min_signals: float | None = None) -> float:
    """Similarity in [0, 1]; 0 when the two cannot be one happening. ``min_signals``:
    how many kinds of positive evidence must agree (lowered only where the two
    documents' order of telling supports the match)."""
    likeness = pair_likeness(a, b, geo, s, names)
    return 0.0 if likeness is None else score_at(likeness, a, b, s, min_signals)


@dataclass(frozen=True)
class Likeness:
    """What two items share, measured once, whatever evidence is then asked for."""
    kind: float
    who: float
    place: float | None
    words: float
    date: float | None
    signals: float


def pair_likeness(a: Item, b: Item, geo: Geography, s: EventMatching,
                  names: dict[str, frozenset[str]] | None = None) -> Likeness | None:
    """None when the two cannot be one happening at any level of evidence."""
    k = kind_score(a.kind, b.kind)
    if k == 0 or (k < 1.0 and (a.local.trigger is None or b.local.trigger is None)):
        return None  # a heading's residence ("Paris, 1911") is only ever a residence
    if clashing(a, b):
        return None
    who = who_score(a, b, names)
    place = place_score(a, b, geo)
    if who == 0 and (place is None or place < 1.0):
        return None  # nobody in common and not even the same place
    words = word_score(a, b, s)  # (the costly score last: most pairs are out before it)
    if place is None and words < 0.8:
        return None
    li = Likeness(k, who, place, words, date_score(a, b, s), 0.0)
    return replace(li, signals=evidence_signals(a, b, li, s))


def score_at(li: Likeness, a: Item, b: Item, s: EventMatching, min_signals: float | None = None) -> float:
    """The pair's similarity when ``min_signals`` kinds of evidence must agree (the
    settings' ``min_signals`` unless lowered by the order of telling)."""
    asked = _signals_asked(li, a, b, s.min_signals if min_signals is None else min_signals, s)
    if li.signals < asked:
        return 0.0
    rest = _rest_score(li, a, b, s.weights)
    date = li.date
    if date is None and asked < s.min_signals and dates_meet(a, b, s):
        date = 0.3  # apart only by the slack a vague date deserves ("a few weeks ago")
    if date is None:
        # different dates: only a very strong likeness (same kind, people, place,
        # wording) makes it one happening, and a vague date must be involved
        near = a.bounds.gap(b.bounds) <= (366 if (is_vague(a.local.when) or is_vague(b.local.when)) else 0)
        if li.kind == 1.0 and rest >= s.strong_without_date and near:
            return (1 - s.weights.date) * rest
        return 0.0
    if a.undated_doc or b.undated_doc:
        return rest  # no date to weigh: judge on the rest alone
    return s.weights.date * date + (1 - s.weights.date) * rest


def _signals_asked(li: Likeness, a: Item, b: Item, asked: float, s: EventMatching) -> float:
    if a.undated_doc or b.undated_doc:
        asked -= s.undated_relief  # a document that dates nothing cannot give the date signal
    if li.kind < 1.0 and li.words < 0.2:
        asked += s.kind_unlike  # different kinds told in different words: ask for more
    return asked


def _rest_score(li: Likeness, a: Item, b: Item, w: PairWeights) -> float:
    """The similarity without the date: kind, people, place and wording, weighed."""
    place = 0.3 if li.place is None else li.place
    rest = (w.kind * li.kind + w.who * li.who + w.place * place + w.words * li.words) / (
        w.kind + w.who + w.place + w.words)
    aimed = shared_targets(a, b) if a.doc_id != b.doc_id else frozenset()
    if aimed:
        # the same victims: as telling as the same wording
        rest = min(1.0, rest + 0.1 * len(aimed) / len(a.targets | b.targets))
    return rest


def dates_meet(a: Item, b: Item, s: EventMatching) -> bool:
    """Weak evidence must not have the dates against it, not even guessed ones (beyond
    the slack an approximate or relative date like "a few weeks ago" deserves)."""
    if a.bounds is None or b.bounds is None:
        return True
    slack = s.vague_slack_days if _loose(a.local.when) or _loose(b.local.when) else 0
    return a.bounds.overlaps(b.bounds, slack)


def _loose(when: When | None) -> bool:
    return when is not None and (when.basis == "relative" or any(c in (when.edtf or "") for c in "~?%"))


def told_alike(a: Item, b: Item, s: EventMatching) -> bool:
    """Two events of a catch-all kind must also be worded alike to match on weak evidence
    ("abdicated" and "was ordered to leave" are both political, and not one happening)."""
    if a.kind in GENERIC_KINDS or b.kind in GENERIC_KINDS:
        return word_score(a, b, s) >= 0.2
    ma, mb = means_of(a), means_of(b)
    return not (ma and mb and not ma & mb)  # shot against stabbed: two attacks


@lru_cache(maxsize=1)
def _means_families() -> frozenset[str]:
    data = load("claims/word_families.yaml")
    return frozenset("~" + str(f) for f in data.get("means") or ())


def means_of(it: Item) -> set[str]:
    return set(it.words.split()) & _means_families()
