"""Titles used as names: "The Emperor", "their late Emperor", "the Tsar".

A capitalised title after "the"/"former"/"late" (and not itself followed by a name)
stands for one person. It is found here as a mention (label ``NOMINAL``) so that
``chain_aliases`` can chain it. Who holds the title is read from statements such as
"keep the style of King" or "to be styled King": the nearest person before
the statement in its sentence, else the last person of the previous sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention
from ..resources.names import titles

_CUE = re.compile(r"(?:\b(?:title|rank|style|dignity)\s+of|\b(?:called|crowned|proclaimed|named|became))\s+(?:the\s+)?$",
                  re.IGNORECASE)
_MODS = r"(?:(?:[Tt]he|former|late|deposed|exiled|fallen|old|young)\s+)+"


@lru_cache(maxsize=1)
def _nominal_re() -> re.Pattern:
    words = sorted((t[0] for t in titles() if len(t) == 1 and len(t[0]) > 3), key=len, reverse=True)
    alts = "|".join(re.escape(w.capitalize()) for w in words)
    # a title followed by a capitalised word is a titled name ("Emperor Napoleon"), not a nominal
    return re.compile(rf"(?<![\w-])(?P<span>{_MODS}(?P<title>{alts}))\b(?!\s+(?:of\s+)?[A-Z])")


@lru_cache(maxsize=1)
def _lower_nominal_re() -> re.Pattern:
    """A lower-case title stands for one person only with a telling modifier: "the new
    king", "the late emperor" (a bare "the king" is too often a role)."""
    words = sorted((t[0] for t in titles() if len(t) == 1 and len(t[0]) > 3), key=len, reverse=True)
    alts = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-])(?P<span>[Tt]he\s+{_LOWER_MODS}(?P<title>{alts}))\b(?!\s+(?:of\s+)?[A-Z])")


_LOWER_MODS = r"(?:(?:new|former|late|deposed|exiled|fallen|restored|reigning|future|dead|murdered)\s+)+"


def find_nominals(text: str, mentions: list[Mention]) -> list[Mention]:
    """Nominal mentions not overlapping any existing mention."""
    taken = sorted((m.start, m.end) for m in mentions)
    out = []
    found = list(_nominal_re().finditer(text)) + list(_lower_nominal_re().finditer(text))
    for m in sorted(found, key=lambda m: m.start()):
        a, b = m.start("span"), m.end("span")
        if _CUE.search(text[max(0, a - 40):a]):
            continue
        if any(x < b and a < y for x, y in taken):
            continue
        taken.append((a, b))
        out.append(Mention(a, b, text[a:b], "NOMINAL", "person"))
    return out


def title_statements(text: str) -> list[tuple[int, str]]:
    """(offset, title) for every "title of X" / "called X" statement in the text."""
    out = []
    words = {t[0] for t in titles() if len(t) == 1}
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        if m.group().casefold() in words and _CUE.search(text[max(0, m.start() - 40):m.start()]):
            out.append((m.start(), m.group().casefold()))
    return out
