"""Names a text introduces for a person without naming the person in the same breath:
"He earned the nickname Ironhand", "his name at birth was Lord Kenta", "Mirek
(spelled Mierek in older books)", "his men calling him 'Bruno'", and a native-script
form in parentheses ("Li Wei (李伟)").

The cues (``introductions`` in ``lang/en/aliases/cues.yaml``) are matched over the raw
text; the name after a cue is a capitalised run of words (or a quoted one) that NER
may have missed, so it is found here as a mention of its own (label ``INTRODUCED``)
when no mention covers it. Its holder is

* the person named right before the cue ("Mirek (spelled ...)", "Otto, nicknamed ..."),
  else
* the person the sentence is about: its grammatical subject when that is a named
  person; when the subject is "he"/"she", the subject of the sentence before, and so
  on back (at most ``LOOKBACK`` sentences); a sentence whose subject is no person but
  which names exactly one person ("The first campaign of Otto was ...") names the holder.

When unsure (two people in a sentence, no subject), the name is left to chaining.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc
from ..model import Mention
from ..resources import load
from ..resources.names import titles

LABEL = "INTRODUCED"
LOOKBACK = 4  # sentences searched back for the subject a pronoun continues
ADJACENT = 3  # characters between a name and the cue that still make it the holder

_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_PARTICLES = frozenset({"of", "the", "de", "da", "del", "di", "du", "von", "van", "al", "el", "ibn", "bin",
                        "no", "i", "la", "le"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*|[^\W\d_]")
_QUOTED = re.compile(r"[\"“‘'«]([^\"“”‘’'«»\n]{1,40})[\"”’'»]")


@dataclass(frozen=True)
class Introduction:
    name: tuple[int, int]  # span of the introduced name
    holder: tuple[int, int]  # span of a person mention naming its holder


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, re.Pattern | None]:
    raw = load("aliases/cues.yaml")
    alts = "|".join(f"(?:{p})" for p in raw.get("introductions", []))
    near = "|".join(f"(?:{p})" for p in raw.get("adjacent_introductions", [])) or "(?!)"
    gloss = raw.get("nickname_gloss")
    return (re.compile(f"(?P<any>{alts})|(?P<adjacent>{near})", re.IGNORECASE),
            re.compile(gloss, re.IGNORECASE) if gloss else None)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(t[0].casefold() for t in titles() if len(t) == 1)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def name_after(text: str, at: int) -> tuple[int, int] | None:
    """The name that starts at ``at``: a quoted run, or capitalised words (lower-case
    particles inside: "Ōama no Ōji", "Abd al-Rahman"); a bare title is no name."""
    q = _QUOTED.match(text, at)
    if q is not None:
        inner = q.group(1).strip()
        if inner and _capitalised(inner) and len(inner.split()) <= 4:
            a = q.start(1) + (len(q.group(1)) - len(q.group(1).lstrip()))
            return a, a + len(inner)
        return None
    end, pending, pos = None, False, at
    while True:
        w = _WORD.match(text, pos)
        if w is None:
            break
        word = w.group().rstrip("'’-")
        if _capitalised(word):
            end, pending = w.start() + len(word), False
        elif word.casefold() in _PARTICLES and end is not None and not pending:
            pending = True  # "Ōama no Ōji": a particle counts only before another name word
        else:
            break
        pos = w.end()
        gap = re.match(r"[ \t]{1,2}", text[pos:pos + 3])
        if gap is None:
            break
        pos += gap.end()
    if end is None:
        return None
    if text[at:end].casefold() in _title_words():
        return None  # "took the title of Emperor": a rank, not a name
    return at, end


def find_introductions(doc: Doc, mentions: list[Mention], sents: list[tuple[int, int, int]]) -> list[Introduction]:
    """Introduced names and their holders (see the module's docstring)."""
    if not mentions or not sents:
        return []
    people = sorted((m for m in mentions if m.type == "person"), key=lambda m: m.start)
    cue, gloss = _cues()
    out = []
    for m in cue.finditer(doc.text):
        span = name_after(doc.text, m.end())
        if span is None:
            continue
        holder = _holder(doc, people, sents, m.start(), span, adjacent_only=m.group("adjacent") is not None)
        if holder is None:
            continue
        out.append(Introduction(span, holder))
        if gloss is not None:
            out += [Introduction(g, holder) for g in _glosses(doc.text, span[1], gloss)]
    out += _native_forms(doc.text, people)
    return out


def _glosses(text: str, end: int, gloss: re.Pattern) -> list[tuple[int, int]]:
    """'nicknamed HARFAGRE (Old Norse), "Fairhair, Finehair"': the quoted English
    renderings after a nickname."""
    g = gloss.match(text, end)
    if g is None:
        return []
    out, base = [], g.start("list")
    for w in re.finditer(r"[^,/;]+", g.group("list")):
        word = w.group().strip()
        if word.startswith("or "):
            word = word[3:]
        if word and _capitalised(word) and len(word.split()) <= 3:
            a = base + w.start() + w.group().index(word)
            out.append((a, a + len(word)))
    return out


def _sentence_of(sents: list[tuple[int, int, int]], offset: int) -> int:
    for i, (a, b, _) in enumerate(sents):
        if a <= offset < b:
            return i
    return len(sents) - 1


def _holder(doc: Doc, people: list[Mention], sents, cue_start: int, name: tuple[int, int],
            adjacent_only: bool = False) -> tuple[int, int] | None:
    before = [p for p in people if p.end <= cue_start and cue_start - p.end <= ADJACENT
              and not (p.start < name[1] and name[0] < p.end)]
    if before and doc.text[before[-1].end:cue_start].strip() in ("", ",", "(", "(;", ";"):
        return before[-1].start, before[-1].end
    if adjacent_only:
        return None
    si = _sentence_of(sents, cue_start)
    for k in range(si, max(-1, si - LOOKBACK - 1), -1):
        a = sents[k][0]
        b = cue_start if k == si else sents[k][1]
        found = _sentence_topic(doc, people, a, b, name)
        if found == "pronoun":
            continue
        return found if isinstance(found, tuple) else None
    return None


def _sentence_topic(doc: Doc, people: list[Mention], a: int, b: int, name: tuple[int, int]):
    """A sentence's person: its subject's mention, "pronoun" (look further back), or
    the one person it names when its subject is no person; None when unsure."""
    inside = [p for p in people if a <= p.start and p.end <= b and not (p.start < name[1] and name[0] < p.end)]
    subj = _subject(doc, a, b)
    if subj is not None:
        s_a, s_b, word = subj
        for p in inside:
            if p.start <= s_a < p.end or s_a <= p.start < s_b:
                return p.start, p.end
        if word.casefold() in _PRONOUNS:
            return "pronoun"
        if _possessive_pronoun(doc, s_a, s_b):
            return "pronoun"  # "Her name at birth was ...": she is the one before
    if inside and not doc.text[a:inside[0].start].strip(" \t\n#*-_>"):
        return inside[0].start, inside[0].end  # the sentence opens with the name
    names = {p.text for p in inside}
    if len(names) == 1:
        return inside[0].start, inside[0].end
    return None if inside else ("pronoun" if subj is None else None)


def _subject(doc: Doc, a: int, b: int) -> tuple[int, int, str] | None:
    """The subject of the first clause between ``a`` and ``b`` (character span, head word)."""
    sd = doc.spacy
    if sd is None:
        return None
    span = sd.char_span(a, b, alignment_mode="contract")
    if span is None:
        return None
    for tok in span:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
            sub = sd[tok.left_edge.i:tok.right_edge.i + 1]
            return sub.start_char, sub.end_char, tok.text
    return None


def _possessive_pronoun(doc: Doc, a: int, b: int) -> bool:
    return bool(re.match(r"\s*(?:his|her)\b", doc.text[a:b], re.IGNORECASE))


_LATIN_MAX = 0x024F  # Latin letters with all their accents end here


def _native_script(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(ord(c) > _LATIN_MAX for c in letters)


_NATIVE = re.compile(r"\s*\((?:[A-Z][\w ]{1,30}:\s*)?(?P<native>[^\s()\[\]:;,]+)\s*(?:[:：]\s*(?P<roman>[^()\[\];]{1,40}?))?\s*[;)]")


def _native_forms(text: str, people: list[Mention]) -> list[Introduction]:
    """"Li Wei (李伟)", "Kenta (健太: Kenta no Miko)": a name in another script right
    after a person's name, and the romanisation given with it."""
    out = []
    for p in people:
        m = _NATIVE.match(text, p.end)
        if m is None or not _native_script(m["native"]):
            continue
        out.append(Introduction((m.start("native"), m.end("native")), (p.start, p.end)))
        if m["roman"] and _capitalised(m["roman"].strip()):
            r = m["roman"].strip()
            a = m.start("roman") + m["roman"].index(r)
            out.append(Introduction((a, a + len(r)), (p.start, p.end)))
    return out


def introduced_mentions(doc: Doc, mentions: list[Mention], intros: list[Introduction]) -> list[Mention]:
    """New person mentions for the introduced names no mention covers (a mention that is
    exactly the name becomes a person's)."""
    spans = {(m.start, m.end): m for m in mentions}
    out: list[Mention] = []
    for it in intros:
        a, b = it.name
        if (a, b) in spans:
            spans[(a, b)].type = "person"
            continue
        over = [m for m in mentions + out if m.start < b and a < m.end]
        if any(m.type == "person" or m.label == LABEL for m in over):
            continue
        for m in over:  # 'nicknamed ... "Fairhair, Finehair"' read as a work's title: the cue says names
            mentions.remove(m)
        out.append(Mention(a, b, doc.text[a:b], LABEL, "person"))
    return out


def join_introductions(intros: list[Introduction], items, clusters, uf) -> int:
    """Join each introduced name's cluster to its holder's; return how many joins."""
    cluster_of = {m.index: c for c in clusters for m in c.members}
    at = {(it.mention.start, it.mention.end): it for it in items}
    joined = 0
    for intro in intros:
        a, b = at.get(intro.name), at.get(intro.holder)
        if a is None or b is None or a.type != "person" or b.type != "person":
            continue
        ca, cb = cluster_of.get(a.index), cluster_of.get(b.index)
        if ca is None or cb is None or uf.find(ca.id) == uf.find(cb.id):
            continue
        uf.union(ca.id, cb.id)
        joined += 1
    return joined
