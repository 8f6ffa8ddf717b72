"""Personal and place names as comparable parts: title, given names, surname.

Shared by ``chain_aliases`` (within a document), ``merge_entities`` (across documents)
and ``whois`` (look-up by name). Word lists live in ``lang/<language>/aliases/``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from . import load

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_LEAD_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_EDGE_PUNCT = "\"'“”‘’«»()[]{},.;:!?-–—"
_TOKEN = re.compile(r"[^\s]+")


@lru_cache(maxsize=1)
def titles() -> tuple[tuple[str, ...], ...]:
    """Title word sequences, longest first."""
    seqs = {tuple(t.casefold().split()) for t in load("aliases/titles.txt")}
    return tuple(sorted(seqs, key=len, reverse=True))


@lru_cache(maxsize=1)
def titles_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``titles()`` grouped by their first word, each group in ``titles()``'s order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in titles():
        out.setdefault(seq[0], []).append(seq)
    return {w: tuple(seqs) for w, seqs in out.items()}


@lru_cache(maxsize=1)
def country_nouns() -> frozenset[str]:
    """Nouns after a people's adjective that name the country ("the French mainland")."""
    return frozenset(load("names/lexicon.yaml")["country_nouns"])


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    return frozenset(t.casefold() for t in load("aliases/particles.txt"))


@lru_cache(maxsize=1)
def variants() -> dict[str, str]:
    """Spelling -> canonical spelling (first of its line), accent-free and case-folded."""
    table: dict[str, str] = {}
    for row in load("aliases/variants.tsv").cells:
        forms = [fold(f) for f in row if f]
        for f in forms:
            table.setdefault(f, forms[0])
    return table


@lru_cache(maxsize=1)
def known_people() -> dict[str, int]:
    """Name key (titles dropped, accents folded, as ``Name.key``) -> the line of
    ``aliases/person_names.tsv`` listing it: one historical person's several names."""
    table: dict[str, int] = {}
    for i, row in enumerate(load("aliases/person_names.tsv").cells):
        for form in row:
            key = parse_name(form).key if form else ""
            if key:
                table.setdefault(key, i)
    return table


def known_person(name: "Name") -> int | None:
    """The ``person_names.tsv`` line naming ``name``'s bearer, or None."""
    return known_people().get(name.key) if name.tokens else None


# Caches keyed on a text's words stay small: a 2,600-word text folds ~500 strings and
# takes ~300 names apart (bench/memory.py), and a cache still filling after millions of
# documents is a worker's memory growing (issue 15). LRU keeps the recurring ones.
@lru_cache(maxsize=4096)  # ~200 B an entry, under 1 MiB full
def fold(s: str) -> str:
    """Case- and accent-insensitive form: "Ramón" -> "ramon", "Blücher" -> "blucher"."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold().replace("’", "'")


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


def clean_surface(text: str) -> str:
    """A mention's text without possessive, surrounding quotes/punctuation, or
    collapsed whitespace: the form kept as an alias."""
    t = re.sub(r"\s+", " ", text).strip().strip(_EDGE_PUNCT).strip()
    return strip_possessive(t).strip(_EDGE_PUNCT).strip()


@dataclass(frozen=True)
class Name:
    """A name taken apart. ``tokens`` are the name words without title and particles,
    folded; ``given`` all but the last, ``surname`` the last (None for one word)."""

    surface: str  # cleaned surface, as written
    bare: str  # without leading article and title, as written
    title: tuple[str, ...]  # folded title words ("captain",) or ()
    tokens: tuple[str, ...]

    @property
    def key(self) -> str:
        return " ".join(self.tokens)

    @property
    def surname(self) -> str | None:
        return self.tokens[-1] if len(self.tokens) > 1 else None

    @property
    def given(self) -> tuple[str, ...]:
        return self.tokens[:-1] if len(self.tokens) > 1 else ()

    @property
    def single(self) -> str | None:
        return self.tokens[0] if len(self.tokens) == 1 else None

    @property
    def canon_tokens(self) -> tuple[str, ...]:
        """Tokens with given-name variants mapped to one spelling (Leon -> lev)."""
        v = variants()
        return tuple(v.get(t, t) for t in self.given) + self.tokens[len(self.given):]


@lru_cache(maxsize=2048)  # Name is frozen; ~750 B an entry, 1.5 MiB full (see fold)
def parse_name(text: str, *, inverted: bool = False, person: bool = True) -> Name:
    """Take a name apart. ``inverted`` reads "Tolstoy, Leo" (bibliographies) as
    "Leo Tolstoy"; titles are only stripped from people ("St. Helena" keeps its
    "St.")."""
    surface = clean_surface(text)
    bare = _LEAD_DET.sub("", surface)
    if inverted and bare.count(",") == 1:
        last, first = (p.strip() for p in bare.split(","))
        if last and first:
            bare = f"{first} {last}"
    bare = bare.replace(",", " ")
    words = _TOKEN.findall(bare)
    folded = [fold(w).strip(_EDGE_PUNCT) for w in words]
    title: tuple[str, ...] = ()
    # only the titles whose first word this name starts with can match it
    for seq in (titles_by_first_word().get(folded[0].rstrip("."), ()) if person and folded else ()):
        n = len(seq)
        # a title is only a title when a name follows it ("the Emperor" stays a name)
        if len(folded) > n and tuple(w.rstrip(".") for w in folded[:n]) == seq:
            title = seq
            words, folded = words[n:], folded[n:]
            break
    bare_out = " ".join(words)
    if title and folded and folded[0] == "of":
        bare_out = _LEAD_DET.sub("", surface)  # "Emperor of the East", "King of Hungary": the title is the name
    parts = particles()
    tokens = tuple(f for f in folded if f and f not in parts and f.rstrip(".") not in ("jr", "sr"))
    return Name(surface=surface, bare=bare_out or surface, title=title, tokens=tokens)


def same_given(a: str, b: str) -> bool:
    """Two given names that are one name in two languages ("Sofia"/"Sophie"), by the
    variants list only (no spelling slips: "Maria" is not "Marta")."""
    v = variants()
    return a == b or v.get(a, a) == v.get(b, b)


_EXACT_ONLY = re.compile(r"^(?:[ivxlcdm]+|\d+\w*)\.?$")  # regnal numbers, ordinals


def tokens_compatible(a: str, b: str) -> bool:
    """Two name words that are the same word: equal, a known variant, or (for longer
    words) one letter more or less ("Jonson"/"Johnson", "Josep"/"Joseph").
    Regnal numbers and ordinals must be equal (Henry V is not Henry VI)."""
    if a == b:
        return True
    if _EXACT_ONLY.match(a) or _EXACT_ONLY.match(b):
        return False
    v = variants()
    if v.get(a, a) == v.get(b, b):
        return True
    if min(len(a), len(b)) >= 4 and a[0] == b[0]:
        return _edit_distance_le1(a, b) or _FINAL_Y.sub("i", a) == _FINAL_Y.sub("i", b)
    return False


_FINAL_Y = re.compile(r"(?:iy|ii|yi|y|i)$")  # transliterated endings: Tolstoy/Tolstoi, -sky/-ski/-skiy


def _edit_distance_le1(a: str, b: str) -> bool:
    """One letter more or less ("Josep"/"Joseph"): a dropped or doubled letter is a
    slip; a changed letter makes another name (Maria/Mario, Joan/John)."""
    if len(a) == len(b) or abs(len(a) - len(b)) > 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def epithet(name: Name) -> str | None:
    """The epithet after a full name ("Lucas Brandt the Elder" -> "elder"), or None. A
    one-word name with an epithet ("Sven the Bold") is a ruler's name: kept whole."""
    t = name.tokens
    return t[-1] if len(t) >= 4 and t[-2] == "the" else None


def without_epithet(name: Name) -> Name:
    """"Lucas Brandt the Elder" -> "Lucas Brandt" (the name as the text also writes it)."""
    return replace(name, tokens=name.tokens[:-2]) if epithet(name) else name


def full_names_match(a: Name, b: Name) -> bool:
    """Two multi-word names of the same person: same surname and compatible given
    names, allowing at most one slightly misspelt word and missing middle names. An
    epithet tells namesakes apart ("... the Elder" is not "... the Younger") and may be
    left out ("Lucas Brandt" is "Lucas Brandt the Elder")."""
    ea, eb = epithet(a), epithet(b)
    if ea and eb and ea != eb:
        return False
    a, b = without_epithet(a), without_epithet(b)
    if not a.surname or not b.surname:
        return False
    if a.tokens == b.tokens:
        return True
    exact = a.surname == b.surname
    if not exact and not tokens_compatible(a.surname, b.surname):
        return False
    ga, gb = a.given, b.given
    short, long_ = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    if not short:
        return False
    # every given name of the shorter form has a compatible one in the longer form
    slips = 0 if exact else 1
    for w in short:
        if w in long_ or any(same_given(w, x) for x in long_):  # a variant is no slip
            continue
        if any(tokens_compatible(w, x) for x in long_):
            slips += 1
            continue
        # initials: "W. Churchill"
        if len(w.rstrip(".")) == 1 and any(x.startswith(w.rstrip(".")) for x in long_):
            continue
        # ... also when the longer form is the one with initials: "F. D. Roosevelt"
        if any(len(x.rstrip(".")) == 1 and w.startswith(x.rstrip(".")) for x in long_):
            continue
        return False
    return slips <= 1


def subset_match(short: Name, long_: Name) -> bool:
    """``short``'s words all occur in ``long_`` and include its surname (a distinctive
    part), e.g. "James Cook" within "Captain James Cook"."""
    if not short.tokens or not long_.tokens:
        return False
    if not set(short.tokens) <= set(long_.tokens):
        return False
    if epithet(long_) and not epithet(short):
        long_ = without_epithet(long_)  # "Lucas Brandt" within "Lucas Brandt the Elder"
    key = _regnal_key(long_) or long_.surname
    return key is None or key in short.tokens


_ROMAN_TOKEN = re.compile(r"^[ivxl]+$")


def ruler_short(name: Name) -> str | None:
    """The word a ruler's name is shortened to: "Olaf II", "Sven the Bold" -> "olaf", "sven"."""
    t = name.tokens
    if len(t) >= 2 and (_ROMAN_TOKEN.match(t[1]) or (len(t) == 3 and t[1] == "the")):
        return t[0]
    return None


def _regnal_key(name: Name) -> str | None:
    """A ruler's name is told apart by its number, not by the realm or byname after
    it: "Sancho IV of Castile" and "Basil II Porphyrogenitus" are "Sancho IV", "Basil II"."""
    t = name.tokens
    if len(t) >= 3 and _ROMAN_TOKEN.match(t[1]):
        return t[1]
    return None


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its", "my", "our", "your"})


def is_name_form(text: str) -> bool:
    """A form that names someone (a title or a role may stand before the name: "Tsar
    Ivan", "engraver Jan Nowak", "the Khedive") rather than only describing them:
    "his father", "her sleeping husband", "the now 60-year-old", "the mother of Jan"
    refer to a person without naming them -- mentions, not names the person is also
    called. A form names when a capitalised word stands in it after any leading
    determiner, and it is not "<kin or role> of <someone else's name>"."""
    words = [w.strip(_EDGE_PUNCT) for w in _TOKEN.findall(clean_surface(text))]
    words = [w for w in words if w]
    while words and words[0].casefold() in _DETERMINERS:
        words = words[1:]
    if len(words) >= 3 and words[0][:1].islower() and words[1] == "of":
        return False  # "mother of Sancho IV", "widow of the late duke"
    return any((w[:1].isupper() or _caseless(w)) and any(c.isalpha() for c in w) for w in words)


def _caseless(word: str) -> bool:
    """A word of a script without capitals ("李伟"): it names whatever its case."""
    return word[:1].isalpha() and word[:1].upper() == word[:1].lower()
