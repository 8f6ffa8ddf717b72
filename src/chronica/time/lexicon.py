"""The word tables of ``lang/en/time/lexicon.yaml`` and the look-ups the normaliser makes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from chronica.resources import load as load_resource, path as resource_path

from .recache import default_cache

DATA = resource_path("time")
_SPACE = re.compile(r"[\s\u00a0]+")


def load_yaml(path: Path) -> Any:
    """A data file, parsed with libyaml when it is there (ten times faster at start-up)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile`` through the on-disk opcode cache (patterns built from the rules and tables)."""
    return default_cache(DATA / "rules.yaml", DATA / "lexicon.yaml").compile(pattern, flags)


def squash(text: str) -> str:
    """Lower-case with single spaces: the form tables are keyed by."""
    return _SPACE.sub(" ", text.strip().lower()).replace("’", "'")


@dataclass(frozen=True)
class Lexicon:
    tables: dict[str, Any]
    _words: dict[str, re.Pattern] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> "Lexicon":
        """``time/lexicon.yaml`` through the resources layer (parsed and checked once per
        process, shared with the other readers of its tables), or the file at ``path``."""
        raw = load_resource("time/lexicon.yaml") if path is None else load_yaml(path)
        tables = {}
        for name, table in raw.items():
            if isinstance(table, dict):
                table = {squash(str(k)): v for k, v in table.items()}
            elif isinstance(table, list):
                table = frozenset(squash(str(x)) for x in table)
            tables[name] = table
        return cls(tables)

    def __getitem__(self, name: str) -> Any:
        return self.tables[name]

    def alternation(self, name: str) -> str:
        """Regex alternation of a table's keys, longest first, spaces flexible."""
        keys = sorted(self.tables[name], key=lambda k: (-len(k), k))
        return "|".join(_SPACE.sub(r"\\s+", re.escape(k).replace("\\ ", " ")).replace("'", "['’]")
                        for k in keys)

    def words(self, name: str) -> re.Pattern:
        """A table's keys as one whole-word, case-blind regex (compiled once)."""
        pat = self._words.get(name)
        if pat is None:
            pat = compile_pattern(
                r"(?<!\w)(?:" + self.alternation(name) + r")(?!\w)", re.I)
            self._words[name] = pat
        return pat

    def get(self, name: str, text: str | None, default: Any = None) -> Any:
        if text is None:
            return default
        return self.tables[name].get(squash(text), default)

    # ---------------------------------------------------------------- numbers --

    def amount(self, text: str) -> tuple[str, float, float, float] | None:
        """(TIMEX amount, value for arithmetic, low, high) of a quantity phrase."""
        t = squash(text).replace("-", " ")
        vague = self.tables["vague_numbers"].get(t)
        if vague:
            x, guess, lo, hi = vague
            return str(x) if x == "X" else _num(x), float(guess), float(lo), float(hi)
        n = self.number(t)
        if n is None:
            return None
        return _num(n), float(n), float(n), float(n)

    def number(self, text: str) -> float | None:
        t = squash(text).replace("-", " ").replace(",", "")
        try:
            return float(t)
        except ValueError:
            pass
        total, units, tens = 0, self.tables["units_words"], self.tables["tens_words"]
        scales = self.tables["scale_words"]
        current = 0
        seen = False
        for w in t.split():
            if w in self.tables["number_fillers"]:
                continue
            if w in units:
                current += units[w]
            elif w in tens:
                current += tens[w]
            elif w in scales:
                current = max(current, 1) * scales[w]
                total, current = total + current, 0
            else:
                return None
            seen = True
        return float(total + current) if seen else None

    def year_number(self, text: str) -> int | None:
        """A spoken year: "nineteen ninety-six" 1996, "eighteen hundred" 1800, "nineteen oh
        five" 1905, "two thousand and one" 2001."""
        words = squash(text).replace("-", " ").split()
        if any(w in self.tables["year_thousands"] for w in words):
            return int(self.number(" ".join(words)) or 0) or None
        if not words or words[0] not in self.tables["year_century_words"]:
            return None
        century = self.tables["units_words"].get(words[0])
        rest = [w for w in words[1:] if w not in self.tables["year_fillers"]]
        if rest[:1] and rest[0] in self.tables["year_hundreds"]:
            rest = rest[1:]
        tail = self.number(" ".join(rest)) if rest else 0
        if century is None or tail is None or tail >= 100:
            return None
        return century * 100 + int(tail)

    def ordinal(self, text: str) -> int | None:
        t = squash(text)
        if t in self.tables["ordinals"]:
            return self.tables["ordinals"][t]
        m = re.match(r"(\d+)", t)
        return int(m[1]) if m else None

    def unit(self, text: str | None) -> tuple[str, int] | None:
        if not text:
            return None
        t = squash(text)
        for cand in (t, t[:-1] if t.endswith("s") else t, t[:-2] if t.endswith("es") else t,
                     t[:-3] + "y" if t.endswith("ies") else t):
            if cand in self.tables["units"]:
                code, days = self.tables["units"][cand]
                return code, days
        return None

    def part(self, text: str | None) -> str | None:
        if not text:
            return None
        t = squash(text)
        t = re.sub(r"^(the |very )+", "", t)
        return self.tables["parts"].get(t) or self.tables["parts"].get(t.rstrip("-"))


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
