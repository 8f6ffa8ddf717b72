"""Role descriptions a text establishes for a person and later uses as a name.

A reader who has seen "Jean Dupont, a 31-year-old Belgian engraver" takes "the
Belgian" or "the young engraver" later on to be Dupont. This module does that after
chaining (``chain_aliases`` calls :func:`attach_roles`):

1. Statements give a person descriptors (role nouns and nationality adjectives of
   ``lang/en/aliases/roles.yaml`` / ``lang/en/names/demonyms.tsv``): an apposition after
   the name ("X, a ... engraver"), a predicate ("X was a ... engraver"), or a role
   written before the name ("engraver X", "the engraver, X").
2. A definite description "the/this <lower-case modifiers> <head>" whose head is the
   descriptor of exactly one person of the document is a mention of that person;
   one right before that person's name ("the engraver, X") is that person too.
   With no person so described, an epithet head ("the tireless dissident") is the
   document's main person when the main person was named just before.
   A title that is a role ("Vice President X") makes its bearer a holder too; an
   epithet after a sentence that names nobody but a possessor ("Y’s enemy was sent
   abroad ... the aging revolutionary") is the main person as well.
3. A role or kinship phrase written right before a name ("engraver Jean Dupont",
   "his niece, Odile") is kept as one more alias of that name's entity.
4. A role nobody holds that the text uses at least twice ("the servant ... the
   doubtful servant") is an unnamed person of its own (never a title or an epithet).

Of several holders in the text, the only one named in the two sentences before is
meant ("the sultan" just after "Sultan Orhan ...", other sultans told of far away).
When unsure (two holders named just before, or none; no main person), nothing is linked.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc
from ..model import LocalEntity, Mention
from ..resources.names import clean_surface, parse_name, titles
from ..resources import load

LABEL = "ROLE"
MAIN_SHARE = 2.0  # the main person has at least twice the named mentions of the next
MAIN_MIN = 5  # ... and at least this many
MAIN_WINDOW = 2  # sentences back in which the main person must be named
UNNAMED_MIN = 2  # uses of an unheld role ("the servant") that make an unnamed person


_AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    roles: frozenset[str]
    epithets: frozenset[str]
    demonyms: frozenset[str]  # adjectives that are not also a people's plural ("Canadian")
    stop: frozenset[str]
    kin: frozenset[str]
    description: re.Pattern
    after: re.Pattern
    before: re.Pattern
    age: re.Pattern


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = load("aliases/roles.yaml")
    roles = frozenset(raw["role_nouns"])
    demonyms = set()
    for row in load("names/demonyms.tsv"):
        forms = row["forms"].split("|")
        if forms[0] not in forms[1:]:  # "the French" are a people, "the Canadian" one person
            demonyms.add(forms[0])
    kin = set()
    for row in load("relations/labels.tsv"):
        if row["kind"] in ("spouse", "child", "parent", "sibling", "family"):
            kin.add(row["label"])
    age = raw["age_noun"]
    heads = "|".join(sorted(map(re.escape, roles), key=len, reverse=True))
    dems = "|".join(sorted(map(re.escape, demonyms), key=len, reverse=True))
    kins = "|".join(sorted(map(re.escape, kin | roles), key=len, reverse=True))
    description = _description_re(heads, dems, age, frozenset())
    # the phrase after a name: ", a 26-year-old Belgian engraver" / " was an engraver"
    after = re.compile(r"(?:\s*,\s*|\s+[-–—]\s+|\s+(?:was|is|became|remained|had\s+been|has\s+been)\s+)"
                       r"(?:a|an|the)\s+(?P<np>[^,.;:()\[\]—–\n]{1,80})")
    # the head of a phrase right before a name: "his niece, ", "Belgian engraver "
    before = re.compile(rf"(?<![\w-])(?P<head>{kins})(?P<comma>\s*,)?\s+$")
    return _Words(roles, frozenset(raw["epithet_nouns"]), frozenset(demonyms),
                  frozenset(raw["not_modifiers"]), frozenset(kin), description, after, before,
                  re.compile(rf"^{age}$"))


@lru_cache(maxsize=8)
def _description_re(heads: str, dems: str, age: str, peoples: frozenset[str]) -> re.Pattern:
    """"the <modifiers> <role>": modifiers are lower-case words or a people's adjective
    ("the Norse leader", "the half-Norse chief"), the list's or one the document's
    tagger read as a people's (``peoples``: "the Vandalic chief")."""
    more = "|".join(sorted(map(re.escape, peoples), key=len, reverse=True))
    mods = f"{dems}|{more}" if more else dems
    return re.compile(
        rf"(?<![\w-])(?P<span>(?P<det>[Tt]he|[Tt]his)\s+(?P<mods>(?:(?:[a-z][\w-]*|(?:[a-z]+-)?(?:{mods}))\s+){{0,2}}?)"
        rf"(?P<head>{heads}|(?:{mods})(?!\s+(?:{heads})(?![\w-]))|{age}))(?![\w-])")


# a people's adjective by its ending ("Vandalic", "Thracian", "Moorish", "Genoese")
_PEOPLES_ADJ = re.compile(r"[A-Z][a-z]+(?:ic|ian|an|ish|ese)")


def _doc_description_re(doc: Doc) -> re.Pattern:
    """The description pattern with the document's own people's adjectives (words NER
    tagged NORP that the demonym list lacks) allowed as modifiers."""
    w = _words()
    peoples = frozenset(m.text for m in doc.mentions if m.label in ("NORP", "ORG") and _PEOPLES_ADJ.fullmatch(m.text)
                        and m.text not in w.demonyms)
    if not peoples:
        return w.description
    raw = load("aliases/roles.yaml")
    heads = "|".join(sorted(map(re.escape, w.roles), key=len, reverse=True))
    dems = "|".join(sorted(map(re.escape, w.demonyms), key=len, reverse=True))
    return _description_re(heads, dems, raw["age_noun"], peoples)


# ------------------------------------------------------------------ statements --

def descriptors(text: str, m: Mention) -> set[str]:
    """The role nouns and nationality adjectives a statement around ``m`` gives it."""
    w = _words()
    out: set[str] = set()
    a = w.after.match(text, m.end)
    if a is not None:
        out |= _phrase_words(a["np"].split()[:6], w)
    t = _TITLE_AFTER.match(text, m.end)
    if t is not None and t["title"].casefold() in w.roles:
        out.add(t["title"].casefold())  # "X, Emperor of the West,": a title written without article
    p = prefix(text, m.start)
    if p is not None and p.head in w.roles:
        out.add(p.head)
        out |= {x for x in p.mods if x in w.demonyms}
    return out


@dataclass(frozen=True)
class Prefix:
    start: int  # where the phrase starts (its determiner, if any)
    det: str | None
    mods: tuple[str, ...]
    head: str


_TITLE_AFTER = re.compile(r"\s*,\s*(?P<title>[A-Z][a-z]+)\s+of\s+(?:the\s+)?[A-Z]")


_DET = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[A-Z][\w-]*['’]s)$")


def prefix(text: str, at: int) -> Prefix | None:
    """The role or kinship phrase written right before offset ``at``: "his niece, ",
    "Belgian engraver ", "the engraver, "; None if there is none."""
    w = _words()
    lo = max(0, at - 80)
    b = w.before.search(text, lo, at)
    if b is None:
        return None
    if b["head"] not in w.roles and (b["head"].endswith("s") or b["head"] == "children"):
        return None  # "his parents, Petar and ...": several people
    start, mods, det = b.start(), [], None
    for x in reversed(list(re.finditer(r"[\w’'-]+", text[lo:b.start()]))):
        gap = text[lo + x.end():start]
        if gap.strip():
            break  # punctuation: the phrase ends
        word = x.group()
        if _DET.match(word):
            det, start = word, lo + x.start()
            break
        if len(mods) == 2 or word.casefold() in w.stop or not (word.islower() or word in w.demonyms) \
                or word.endswith(("ing", "ed")) and word not in w.demonyms:
            break  # "including artist X", "unveiled by ...": a verb is not part of the role
        mods.insert(0, word)
        start = lo + x.start()
    return Prefix(start, det, tuple(mods), b["head"])


def _phrase_words(words: list[str], w: _Words) -> set[str]:
    out = set()
    for x in words:
        if x.casefold() in w.stop or x.endswith(("’s", "'s")):
            break  # "a friend of ...", "a revolutionary’s wife": the phrase ends
        if x in w.roles or x in w.demonyms or w.age.match(x):
            out.add(x)
        elif x[:1].isupper() and x.casefold() in w.roles:  # "the Emperor of the East"
            out.add(x.casefold())
    return out


def title_descriptor(m: Mention) -> set[str]:
    """"Vice President Andrew Johnson" holds the role "vice president" (a title that is
    a role noun); "the vice president" may then stand for him."""
    if m.label in ("DESCRIPTION", "NOMINAL"):
        return set()
    t = " ".join(parse_name(m.text).title).replace(".", "")
    return {t} if t in _words().roles else set()


# ------------------------------------------------------------------ descriptions --

@dataclass(frozen=True)
class RoleDescription:
    mention: Mention
    head: str
    named: int | None = None  # index of the person mention it stands right before


def find_role_descriptions(doc: Doc) -> list[RoleDescription]:
    w = _words()
    text = doc.text
    # a nationality word inside the description ("the cheerful Norwegian") does not block it
    taken = sorted((m.start, m.end, m.type == "person") for m in doc.mentions)
    starts = [s for s, _, _ in taken]
    person_at = {m.start: i for i, m in enumerate(doc.mentions) if m.type == "person"}
    out = []
    for m in _doc_description_re(doc).finditer(text):
        a, b = m.start("span"), m.end("span")
        if any(x.casefold() in w.stop for x in m["mods"].split()):
            continue
        k = bisect_right(starts, b)
        if any(x < b and a < y and (person or x < a or y > b) for x, y, person in taken[max(0, k - 8):k]):
            continue
        if _continues(doc, b):
            continue  # "the revolutionary activities", "the Canadian government"
        gap = re.match(r"\s*,?\s*", text[b:b + 4])
        named = person_at.get(b + gap.end())
        head = m["head"] if m["head"] in w.roles else ("age" if w.age.match(m["head"]) else m["head"])
        out.append(RoleDescription(Mention(a, b, text[a:b], LABEL, "person"), head, named))
    return out


def _continues(doc: Doc, end: int) -> bool:
    """The head is followed by a noun of the same phrase."""
    nxt = re.match(r"\s+(?P<w>[\w’'-]+)", doc.text[end:end + 40])
    if nxt is None:
        return False
    if doc.spacy is not None:
        span = doc.spacy.char_span(end + nxt.start("w"), end + nxt.end("w"), alignment_mode="expand")
        if span is not None and len(span):
            return span[0].pos_ in ("NOUN", "PROPN") or span[0].dep_ == "compound"
    return nxt["w"][0].isupper()


# ------------------------------------------------------------------ linking --

def attach_roles(doc: Doc) -> None:
    """Add role descriptions as mentions of the people they stand for, and role/kin
    phrases before a name as aliases. Changes doc.mentions and doc.entities."""
    if not doc.entities or not doc.mentions:
        return
    ent_of = {e.key: e for e in doc.entities}
    holders = _role_holders(doc, ent_of)
    _add_prefixed_aliases(doc, ent_of)
    found = []
    main = _main_person(doc)
    named = sorted((m.start, m.entity, doc.text[m.start:m.end + 2].endswith(("’s", "'s")))
                   for m in doc.mentions if _named(m))
    sent_starts = [s.start for s in doc.sentences] if doc.sentences else []
    unlinked: dict[str, list[Mention]] = defaultdict(list)
    for d in find_role_descriptions(doc):
        key = _holder_of(doc, d, holders, named, sent_starts, main)
        if key is not None and key in ent_of and ent_of[key].type == "person":
            d.mention.entity = key
            found.append(d.mention)
        elif key is None and d.named is None and not holders.get(d.head):
            unlinked[d.head].append(d.mention)
    found += _unnamed_people(doc, unlinked, ent_of)
    if found:
        _insert(doc, found, ent_of)


def _role_holders(doc: Doc, ent_of: dict[str, LocalEntity]) -> dict[str, set[str]]:
    """Role word -> the named people the text gives that role ("Emperor Franz Joseph")."""
    holders: dict[str, set[str]] = defaultdict(set)
    for m in doc.mentions:
        if m.type == "person" and m.entity in ent_of and m.label != LABEL:
            for d in descriptors(doc.text, m) | title_descriptor(m):
                holders[d].add(m.entity)
    return holders


def _holder_of(doc: Doc, d: RoleDescription, holders: dict[str, set[str]], named: list[tuple[int, str, bool]],
               sent_starts: list[int], main: str | None) -> str | None:
    """The entity a role description stands for: the person it names, the one holder of
    the role, the holder named just before, or (an epithet no one holds) the main person."""
    if d.named is not None:
        return doc.mentions[d.named].entity
    held = holders.get(d.head, ())
    if len(held) == 1:
        return next(iter(held))
    if len(held) > 1:
        if set(d.mention.text.casefold().split()) & _successor_words():
            return None  # "this new emperor" is not the emperor named just before
        return _nearest_holder(d.mention.start, named, sent_starts, held)
    if (d.head in _words().epithets or d.head == "age" or d.head in _words().demonyms
            or _PEOPLES_ADJ.fullmatch(d.head)) and main \
            and not _AS_BEFORE.search(doc.text[max(0, d.mention.start - 4):d.mention.start]):
        # "recognised X as the new leader": a role given to X, not a name of the main person
        if _refers_back(d.mention.start, named, sent_starts, main):
            return main
    return None


@lru_cache(maxsize=1)
def _successor_words() -> frozenset[str]:
    return frozenset(load("aliases/roles.yaml").get("successor_modifiers", []))


def _nearest_holder(offset: int, named: list[tuple[int, str, bool]], sent_starts: list[int],
                    holders: set[str]) -> str | None:
    """Of several holders of a role in the text ("the sultan" in a history of three
    sultans), the only one named within MAIN_WINDOW sentences before ``offset``;
    nobody when two holders were named there ("X met Y. Later the sultan left")."""
    si = bisect_right(sent_starts, offset) - 1 if sent_starts else 0
    lo = sent_starts[max(si - MAIN_WINDOW, 0)] if sent_starts else offset - 400
    near = {key for start, key, _ in named if lo <= start < offset and key in holders}
    return next(iter(near)) if len(near) == 1 else None


def _unnamed_people(doc: Doc, unlinked: dict[str, list[Mention]], ent_of: dict[str, LocalEntity]) -> list[Mention]:
    """"the servant ... the doubtful servant": a minor person the text never names but
    comes back to is a person of its own. Only a role no one in the document holds,
    used at least UNNAMED_MIN times, and not a title or an epithet (those stand for
    named people: "the president", "the revolutionary"; a nationality, "the British",
    is a people)."""
    w = _words()
    out = []
    for head, ms in unlinked.items():
        if len(ms) < UNNAMED_MIN or head not in w.roles or head in w.epithets or (head,) in _title_words():
            # "the British" are a people; "the president" is a named person the text did not title
            continue
        key = _free_key(ent_of)
        ent = LocalEntity(key=key, type="person", name=clean_surface(ms[0].text))
        ent_of[key] = ent
        doc.entities.append(ent)
        for m in ms:
            m.entity = key
        out += ms
    return out


def _free_key(ent_of: dict[str, LocalEntity]) -> str:
    k = len(ent_of)
    while f"e{k}" in ent_of:
        k += 1
    return f"e{k}"


@lru_cache(maxsize=1)
def _title_words() -> frozenset[tuple[str, ...]]:
    return frozenset(titles())


def _named(m: Mention) -> bool:
    return m.type == "person" and bool(m.entity) and not m.cited and \
        m.label not in (LABEL, "DESCRIPTION", "NOMINAL")


def _main_person(doc: Doc) -> str | None:
    counts = Counter(m.entity for m in doc.mentions if _named(m))
    top = counts.most_common(2)
    if not top or top[0][1] < MAIN_MIN or (len(top) > 1 and top[0][1] < MAIN_SHARE * top[1][1]):
        return None
    return top[0][0]


def _refers_back(offset: int, named: list[tuple[int, str, bool]], sent_starts: list[int], main: str) -> bool:
    """The main person is the one last named before ``offset`` (within MAIN_WINDOW
    sentences; a possessor, "Y’s enemy", is passed over), or is named in that
    person's sentence too ("X and Y. ... the revolutionary"), or nobody but a
    possessor was named in the window."""
    si = bisect_right(sent_starts, offset) - 1 if sent_starts else 0
    lo = sent_starts[max(si - MAIN_WINDOW, 0)] if sent_starts else offset - 400
    k = bisect_right(named, (offset, "", True)) - 1
    possessors = False
    while k >= 0 and named[k][0] >= lo and named[k][2]:
        k, possessors = k - 1, True
    if k < 0 or named[k][0] < lo:
        # nobody but a possessor named just before ("the king's rival was sent abroad ...
        # the aging exile"): the narrative is about its main person
        return possessors
    start, key, _ = named[k]
    if key == main:
        return True
    sj = bisect_right(sent_starts, start) - 1 if sent_starts else 0
    s_lo = sent_starts[sj] if sent_starts else start - 200
    return any(e == main for x, e, _ in named if s_lo <= x < offset)


def _add_prefixed_aliases(doc: Doc, ent_of: dict[str, LocalEntity]) -> None:
    """"engraver Jean Dupont", "his niece, Odile": the whole phrase is an alias too."""
    for m in doc.mentions:
        if m.type != "person" or m.entity not in ent_of or m.label == LABEL:
            continue
        p = prefix(doc.text, m.start)
        if p is None or (p.det is None and "," in doc.text[p.start:m.start]):
            continue  # "after he became king, X had a dream": a clause ends at the comma
        name = clean_surface(m.text)
        ent = ent_of[m.entity]
        phrase = doc.text[p.start:m.start]
        forms = [" ".join(f"{phrase}{name}".split())]
        if p.det and "," not in phrase:  # "daughter Fanny" reads as a name; "wife, Anna" does not
            forms.append(" ".join(f"{phrase[len(p.det):]}{name}".split()))
        for f in forms:
            if f not in ent.aliases:
                ent.aliases.append(f)


def _insert(doc: Doc, found: list[Mention], ent_of: dict[str, LocalEntity]) -> None:
    """Insert mentions keeping doc.mentions sorted and entity indices right."""
    old = list(doc.mentions)
    merged = sorted(old + found, key=lambda m: (m.start, m.end))
    index = {id(m): i for i, m in enumerate(merged)}
    for e in doc.entities:
        e.mentions = [index[id(old[i])] for i in e.mentions]
    for m in found:
        ent = ent_of[m.entity]
        ent.mentions = sorted(ent.mentions + [index[id(m)]])
        form = clean_surface(m.text)
        if form not in ent.aliases:
            ent.aliases.append(form)
    doc.mentions = merged
