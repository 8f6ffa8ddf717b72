"""Explicit alias statements (rule 6 of ``resolve.aliases``): the cues of
``aliases/cues.yaml`` ("known as", "née", "alias", "(NKVD)") matched over a sentence
whose mentions are replaced by placeholders, joining the two entities they name; and
the pen names a signature cue introduces."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc
from ..model import Mention
from .alias_records import ChainMention, Cluster, sentence_bounds
from .disjoint import DisjointSets
from ..resources import load
from ..resources.names import Name, fold, parse_name

_PLACEHOLDER = r"[“\"'‘«]?(?P<{g}>⟨-?\d+⟩)[”\"'’»]?"


@dataclass(frozen=True)
class AliasCue:
    name: str
    regex: re.Pattern
    persons_only: bool = False
    prefer: str | None = None  # "a" | "b": the side that names the entity
    acronym: bool = False  # the b side must be an abbreviation of a group ("(NKVD)")
    places: bool = False  # the a side is a place; the b side is one too, whatever NER said
    nearest: bool = False  # no other person may stand between the two sides
    title_only: bool = False  # the b side is a title over a realm with no name ("the King of Navarre")


@lru_cache(maxsize=1)
def alias_cues() -> tuple[AliasCue, ...]:
    raw = load("aliases/cues.yaml")
    out = []
    for c in raw["cues"]:
        pat = c["pattern"].replace("{A}", _PLACEHOLDER.format(g="a")).replace(
            "{B}", _PLACEHOLDER.format(g="b"))
        out.append(AliasCue(c["name"], re.compile(pat, re.IGNORECASE), bool(c.get("persons_only")),
                            c.get("prefer"), bool(c.get("acronym")), bool(c.get("places")),
                            bool(c.get("nearest")), bool(c.get("title_only"))))
    return tuple(out)


@lru_cache(maxsize=1)
def introduced_name() -> re.Pattern:
    raw = load("aliases/cues.yaml")
    return re.compile(raw["introduced_name"], re.IGNORECASE)


def is_introduced_name(text: str, m: Mention, name: Name, before: str) -> bool:
    """A one-word name in quotes right after a signature/pen-name cue ('signing it "Marcus"')."""
    quoted = text[m.start - 1:m.start] in _OPEN_QUOTES and text[m.end:m.end + 1] in _CLOSE_QUOTES
    return (quoted and len(name.tokens) == 1
            and bool(introduced_name().search(before[:-1] if before.endswith(tuple(_OPEN_QUOTES)) else before)))


_OPEN_QUOTES = frozenset("\"“‘'«")


_CLOSE_QUOTES = frozenset("\"”’'»")


def apply_alias_cues(doc: Doc, items: list[ChainMention], clusters: list[Cluster], uf: DisjointSets) -> int:
    """Join the people explicit alias statements name; return how many joins."""
    joined = 0
    cluster_of = {m.index: c for c in clusters for m in c.members}
    by_sentence: dict[int, list[ChainMention]] = defaultdict(list)
    for it in items:
        by_sentence[it.sentence].append(it)
    sents = sentence_bounds(doc)
    for si, its in by_sentence.items():
        start, end = sents[si][0], sents[si][1]
        its = its + _unmarked_names(doc.text, start, end, its, items, cluster_of)
        if len(its) < 2:
            continue
        template, pos = _template(doc.text, start, end, its)
        for cue in alias_cues():
            for m in cue.regex.finditer(template):
                a, b = pos[m.group("a")], pos[m.group("b")]
                if m.groupdict().get("c") and a.type != "place":
                    a = pos[m.group("c")]  # "the Franks, Aelia (modern Ailsby)": the place before the cue
                if cue.places and a.type == "place" and b.type in ("person", "other", "organization"):
                    b.type = "place"  # "X (modern Y)": Y names the place X names
                if not _compatible(a, b, cue.persons_only):
                    continue
                if cue.nearest and any(o.type == "person" and a.mention.end <= o.mention.start
                                       and o.mention.end <= b.mention.start for o in pos.values()):
                    continue  # "A married C, and later king B": B is C, the person named last
                if cue.acronym and not _abbreviates(a, b):
                    continue
                if cue.title_only and not (_realm_title(b) and not a.name.title):
                    continue
                if cue.prefer:
                    pos[m.group(cue.prefer)].preferred = True
                ca, cb = cluster_of[a.index].id, cluster_of[b.index].id
                if uf.find(ca) != uf.find(cb):
                    uf.union(ca, cb)
                    joined += 1
    return joined


_CAP_WORD = re.compile(r"\b[A-Z][\w-]+")


def _unmarked_names(text: str, start: int, end: int, its: list[ChainMention], items: list[ChainMention],
                    cluster_of: dict[int, "Cluster"]) -> list[ChainMention]:
    """Capitalised words NER missed in this sentence that are a single-word name of a
    person already met ("Samuel" in "- Samuel's pseudonym"): each stands for the person most
    recently named that way before it. Returned with negative indices, registered in
    ``cluster_of`` so cues can join them."""
    taken = [(it.mention.start, it.mention.end) for it in its]
    out = []
    for w in _CAP_WORD.finditer(text, start, end):
        a, b = w.start(), w.end()
        if any(x < b and a < y for x, y in taken):
            continue
        word = fold(w.group())
        prior = [m for m in _people_by_word(items).get(word, ()) if m.mention.end <= a]
        if not prior:
            continue
        anchor = prior[-1]
        idx = -1 - len(cluster_of)
        m = Mention(a, b, w.group(), "PERSON", "person")
        it = ChainMention(idx, m, parse_name(w.group()), "person", anchor.section, anchor.sentence)
        cluster_of[idx] = cluster_of[anchor.index]
        out.append(it)
    return out


_BY_WORD: dict = {}  # the last document's people by single and given names


def _people_by_word(items: list[ChainMention]) -> dict[str, list[ChainMention]]:
    """Person items by each word that names them alone, in the items' order."""
    # the cache holds the list itself, so its id cannot be reused by a later document's list
    held = _BY_WORD.get("items")
    if held is not items or _BY_WORD.get("length") != len(items):
        index: dict[str, list[ChainMention]] = {}
        for m in items:
            if m.type != "person":
                continue
            for word in {m.name.single, *m.name.given} - {None, ""}:
                index.setdefault(word, []).append(m)
        _BY_WORD.update(items=items, length=len(items), index=index)
    return _BY_WORD["index"]


def _template(text: str, start: int, end: int, its: list[ChainMention]) -> tuple[str, dict[str, ChainMention]]:
    parts, pos, cur = [], {}, start
    for it in sorted(its, key=lambda x: x.mention.start):
        m = it.mention
        if m.start < cur or m.end > max(end, m.end):
            continue
        parts.append(text[cur:m.start])
        ph = f"⟨{it.index}⟩"
        parts.append(ph)
        pos[ph] = it
        cur = m.end
    parts.append(text[cur:max(end, cur)])
    return "".join(parts), pos


_ACRONYM = re.compile(r"[A-ZÀ-Þ]{2,8}")


_GROUP_TYPES = frozenset({"organization", "group"})


def _abbreviates(a: ChainMention, b: ChainMention) -> bool:
    """"Federal Criminal Police Office (BKA)": a name of several words and
    an all-capitals word, both groups or organisations."""
    return (a.type in _GROUP_TYPES and b.type in _GROUP_TYPES and len(a.name.tokens) > 1
            and _ACRONYM.fullmatch(b.mention.text) is not None)


def _compatible(a: ChainMention, b: ChainMention, persons_only: bool) -> bool:
    if persons_only:
        return a.type == b.type == "person"
    if _plural_name(a) and _plural_name(b):
        return True  # "the Danes were known as Northmen": peoples, whatever type NER guessed each
    return a.type == b.type or "person" in (a.type, b.type) and "other" in (a.type, b.type)


def _realm_title(it: ChainMention) -> bool:
    """"the Emperor of the East", "Prince of Orange": a title over a realm, no name."""
    n = it.name
    return bool(n.title) and (n.title[-1] == "of" or n.tokens[:1] == ("of",))


def _plural_name(it: ChainMention) -> bool:
    """A capitalised plural ("Northmen", "Eastern Danes"): a people's name."""
    last = it.mention.text.split()[-1] if it.mention.text.split() else ""
    return last[:1].isupper() and (last.endswith("men") or (last.endswith("s") and not last.endswith("ss")))
