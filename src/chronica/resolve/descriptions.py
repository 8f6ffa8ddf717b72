"""Descriptions that stand for a person: "his young cousin (Henry VI)", "his son",
"her Bavarian husband", "the Russian emperor".

Found as mentions (label ``DESCRIPTION``) with, when the text settles it, the named
mention they stand for:

* a possessive kinship description right before a name in parentheses: "his little
  cousin (Henry VI)" -> that name (an apposition, "his wife, Sofia", is left to
  the name and to ``extract_relations``);
* an unnamed family description ("in favour of his son") -> nobody: it is a person
  of its own;
* "the <Demonym> <title>" ("the Russian emperor") -> the one person of the document
  whose title means that title in that country ("Tsar Peter"; data in
  ``lang/en/aliases/descriptions.yaml``). With none or several, it stays apart.

Word lists live in ``lang/en/aliases/descriptions.yaml``; nothing here names a document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Mention
from ..resources import load


@dataclass(frozen=True)
class Description:
    mention: Mention
    names: tuple[int, int] | None = None  # (start, end) of the named mention it stands for
    title: str | None = None  # "the Russian emperor": the title ...
    country: str | None = None  # ... and the country's gazetteer id


@dataclass(frozen=True)
class _Words:
    possessive: re.Pattern
    named_possessive: re.Pattern
    definite_agent: re.Pattern
    national: re.Pattern
    family: frozenset[str]
    meanings: dict[str, tuple[str, str]]
    demonyms: dict[str, str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = load("aliases/descriptions.yaml")
    poss = "|".join(map(re.escape, raw["possessives"]))
    mods = "|".join(map(re.escape, raw["modifiers"]))
    standing = list(raw["family_nouns"]) + list(raw.get("agent_nouns", []))
    nouns = "|".join(sorted(map(re.escape, standing), key=len, reverse=True))
    agents = "|".join(sorted(map(re.escape, raw.get("agent_nouns", [])), key=len, reverse=True))
    possessive = re.compile(
        rf"\b(?P<span>(?i:{poss})\s+(?:(?:{mods}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+){{0,2}}(?P<noun>{nouns}))\b")
    # "Marat’s assassin", "Umberto's wife": matched right after a person's name
    named_possessive = re.compile(rf"['’]s?\s+(?:(?:{mods})\s+){{0,2}}(?P<noun>{nouns})\b(?![\w-])")
    definite_agent = re.compile(rf"(?<![\w-])(?P<span>[Tt]he\s+(?:(?:{mods})\s+)?(?P<noun>{agents}))\b(?![\w-])")
    demonyms = {}
    for row in load("names/demonyms.tsv"):
        demonyms[row["forms"].split("|")[0].strip()] = row["place"]
    meanings = {k: (v[0], v[1]) for k, v in raw["title_meanings"].items()}
    heads = sorted({m for m, _ in meanings.values()} | set(meanings), key=len, reverse=True)
    national = re.compile(rf"\b(?P<span>[Tt]he\s+(?P<dem>[A-Z][a-z]+)\s+(?P<head>{'|'.join(heads)}))\b(?!\s+(?:of\s+)?[A-Z])")
    return _Words(possessive, named_possessive, definite_agent, national, frozenset(standing), meanings, demonyms)


def title_meaning(title: str) -> tuple[str, str] | None:
    """("emperor", "country:RU") for "tsar"."""
    return _words().meanings.get(title.casefold())


def find_descriptions(text: str, mentions: list[Mention]) -> list[Description]:
    w = _words()
    # a name inside a description ("her Bavarian husband") does not block it; a person does
    taken = sorted((m.start, m.end) for m in mentions if m.type == "person")
    people = sorted((m for m in mentions if m.type == "person"), key=lambda m: m.start)
    out = []
    for m in w.possessive.finditer(text):
        a, b = m.start("span"), m.end("span")
        if any(x < b and a < y for x, y in taken):
            continue
        named = _named_after(text, b, people, r"\s*\(\s*")
        if named is None and (m["noun"].casefold() not in w.family or re.match(r"\s*,?\s*[A-Z]", text[b:b + 4])
                              or _named_after(text, b, people, r"\s*,?\s*")):
            continue  # "his wife, Sofia": the name says who (relations read the apposition)
        if named is None and any(0 <= a - p.end <= 3 and text[p.end:a].strip() in (",", "(", "-", "–", "—")
                                 for p in people):
            continue  # "Andrei, their son": likewise
        out.append(Description(Mention(a, b, text[a:b], "DESCRIPTION", "person"), named))
    out += _named_possessives(text, people, taken, w)
    for m in w.definite_agent.finditer(text):
        a, b = m.start("span"), m.end("span")
        if any(x < b and a < y for x, y in taken) or _named_after(text, b, people, r"\s*,?\s*"):
            continue  # "the assassin, Charlotte Corday": the name says who
        out.append(Description(Mention(a, b, text[a:b], "DESCRIPTION", "person")))
    for m in w.national.finditer(text):
        a, b = m.start("span"), m.end("span")
        country = w.demonyms.get(m["dem"])
        if country is None or any(x < b and a < y for x, y in taken):
            continue
        out.append(Description(Mention(a, b, text[a:b], "DESCRIPTION", "person"), None,
                               m["head"].casefold(), country))
    return out


def _named_possessives(text: str, people: list[Mention], taken, w: _Words) -> list[Description]:
    """"Marat’s assassin", "Umberto's wife" with no name after them: a description
    that overlaps only its possessor's name."""
    out = []
    for p in people:
        head = re.sub(r"['’]s?$", "", p.text)
        at = p.start + len(head)
        m = w.named_possessive.match(text, at)
        if m is None or m.start() != at:
            continue
        a, b = p.start, m.end()
        if any(x < b and a < y and (x, y) != (p.start, p.end) for x, y in taken):
            continue
        if _named_after(text, b, people, r"\s*,?\s*") or re.match(r"\s*,?\s*[A-Z]", text[b:b + 4]):
            continue  # "Darwin’s son Francis": the name says who
        out.append(Description(Mention(a, b, text[a:b], "DESCRIPTION", "person")))
    return out


def _named_after(text: str, end: int, people: list[Mention], gap_re: str) -> tuple[int, int] | None:
    """The person named right after a description: "(Henry VI)"."""
    gap = re.match(gap_re, text[end:end + 4])
    at = end + (gap.end() if gap else 0)
    for p in people:
        if p.start == at:
            return (p.start, p.end)
        if p.start > at:
            break
    return None


# ------------------------------------------------------------------ groups --

@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, tuple[str, str]], re.Pattern]:
    raw = load("aliases/groups.yaml")
    forms: dict[str, tuple[str, str]] = {}
    for key, g in raw["groups"].items():
        for f in g["forms"]:
            forms[f] = (key, g.get("type", "organization"))
    alts = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return forms, re.compile(rf"(?<![\w-])(?P<the>[Tt]he\s+)?(?P<span>{alts})(?![\w-])")


def group_concept(text: str) -> tuple[str, str] | None:
    """(group key, type) for a form of a group named by a common noun ("Allied Powers")."""
    t = re.sub(r"^[Tt]he\s+", "", " ".join(text.split()))
    return _groups()[0].get(t)


def find_groups(text: str, mentions: list[Mention]) -> list[Mention]:
    """Forms of common-noun groups NER did not take: "the allies", "Coalition forces"."""
    taken = [(m.start, m.end) for m in mentions]
    forms, rx = _groups()
    out = []
    for m in rx.finditer(text):
        a, b = m.start("span"), m.end("span")
        if m["span"][0].islower() and not m["the"]:
            continue
        if any(x < b and a < y for x, y in taken):
            continue
        taken.append((a, b))
        out.append(Mention(a, b, text[a:b], "GROUP", forms[m["span"]][1]))
    return out
