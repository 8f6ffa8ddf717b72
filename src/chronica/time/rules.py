"""Rules of ``lang/en/time/rules.yaml`` compiled once into regular expressions.

Speed: running every rule over the whole text is what costs, so each rule names the
trigger words it cannot match without (``trigger:``, classes under ``triggers:``). One
token scan finds the triggers; a rule then runs only on the windows around them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .lexicon import DATA, Lexicon, compile_pattern, load_yaml, squash

_REF = compile_pattern(r"\{\{(@?)(\w+)\}\}")
_TOKEN = compile_pattern(r"\w+")
_WORD_TAIL = compile_pattern(r"\w*")
KINDS = ("date", "range", "edge", "duration", "offset", "deixis", "ref", "set", "calendar", "regnal")
DIGIT = "#digit"


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    pattern: str  # the expanded regular expression, compiled on first use
    guard: str | None
    priority: int
    examples: tuple[tuple[str, str], ...]
    trigger: tuple[str, ...] = ()  # trigger classes that must all occur in the window
    window: tuple[int, int] = (60, 60)  # characters before / after the first class's hit
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def regex(self) -> re.Pattern:
        """Compiled lazily: a short text never wakes most rules, and start-up is what a
        one-file run pays for."""
        rx = self._compiled.get("rx")
        if rx is None:
            rx = self._compiled["rx"] = compile_pattern(self.pattern, re.IGNORECASE)
        return rx


class Triggers:
    """Word -> trigger classes; :meth:`scan` finds each class's hits in a text."""

    def __init__(self, classes: dict[str, list[str]], lexicon: Lexicon):
        self.words: dict[str, tuple[str, ...]] = {}
        self.digit: tuple[str, ...] = ()
        index: dict[str, set[str]] = {}
        for name, items in classes.items():
            for item in items:
                if item == DIGIT:
                    self.digit += (name,)
                    continue
                keys = lexicon[item[1:]] if item.startswith("@") else [item]
                for key in keys:
                    head = _TOKEN.findall(squash(str(key)))
                    if not head:
                        continue
                    w = head[-1]  # a phrase is found by its last word ("the same time")
                    for form in (w, w + "s", w + "es", w[:-1] + "ies" if w.endswith("y") else w):
                        index.setdefault(form, set()).add(name)
        self.words = {w: tuple(sorted(c)) for w, c in index.items()}

    def scan(self, text: str) -> dict[str, list[int]]:
        """Start offsets of every class's trigger words, in text order."""
        hits: dict[str, list[int]] = {}
        words, digit = self.words, self.digit
        for m in _TOKEN.finditer(text):
            w = m.group()
            if w[0].isdigit():
                classes = digit
            else:
                classes = words.get(w.lower())
                if not classes:
                    continue
            at = m.start()
            for c in classes:
                hits.setdefault(c, []).append(at)
        return hits


def windows(rule: Rule, hits: dict[str, list[int]], text: str) -> list[tuple[int, int]]:
    """Merged text windows where the rule may match (the whole text without a trigger)."""
    n = len(text)
    if not rule.trigger:
        return [(0, n)]
    first = hits.get(rule.trigger[0])
    if not first:
        return []
    others = [hits.get(c) for c in rule.trigger[1:]]
    if not all(others):
        return []
    back, fwd = rule.window
    out: list[tuple[int, int]] = []
    for h in first:
        a, b = max(0, h - back), _WORD_TAIL.match(text, min(n, h + fwd)).end()  # never cut a word
        if others and not all(_any_in(o, a, b) for o in others):
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _any_in(sorted_hits: list[int], a: int, b: int) -> bool:
    i = bisect_left(sorted_hits, a)
    return i < len(sorted_hits) and sorted_hits[i] < b


def expand(pattern: str, macros: dict[str, str], lexicon: Lexicon, depth: int = 0) -> str:
    """Replace ``{{NAME}}`` macros and ``{{@table}}`` lexicon alternations."""
    if depth > 8:
        raise ValueError(f"macro recursion in {pattern!r}")

    def sub(m: re.Match) -> str:
        if m[1]:
            return "(?:" + lexicon.alternation(m[2]) + ")"
        return expand(macros[m[2]], macros, lexicon, depth + 1)

    return _REF.sub(sub, pattern)


def read_rules_file(path: Path = DATA / "rules.yaml") -> dict[str, Any]:
    return load_yaml(path)


def load_triggers(lexicon: Lexicon, path: Path = DATA / "rules.yaml",
                  raw: dict[str, Any] | None = None) -> Triggers:
    raw = raw if raw is not None else read_rules_file(path)
    return Triggers(raw.get("triggers", {}), lexicon)


def load_rules(lexicon: Lexicon, path: Path = DATA / "rules.yaml",
               raw: dict[str, Any] | None = None, check: bool = False) -> list[Rule]:
    """The rules in file order; ``check`` compiles every pattern now (tests do)."""
    raw = raw if raw is not None else read_rules_file(path)
    macros = raw.get("macros", {})
    classes = raw.get("triggers", {})
    default_window = tuple(raw.get("window", (60, 60)))
    rules = []
    for i, spec in enumerate(raw["rules"]):
        if spec["kind"] not in KINDS:
            raise ValueError(f"rule {spec['name']}: unknown kind {spec['kind']!r}")
        trigger = tuple(spec.get("trigger", ()))
        unknown = [c for c in trigger if c not in classes]
        if unknown:
            raise ValueError(f"rule {spec['name']}: unknown trigger class {unknown}")
        body = expand(spec["pattern"], macros, lexicon)
        # rules never start or end inside a word, unless the rule reads glued text
        # (a date run into the next one where a dash was lost: "12 March 186130 May 1922")
        head = "" if spec.get("glued") == "start" else r"(?<!\w)"
        tail = "" if spec.get("glued") == "end" else r"(?!(?<=\w)\w)"
        rule = Rule(spec["name"], spec["kind"], head + "(?:" + body + ")" + tail, spec.get("guard"), i,
                    tuple(tuple(e) for e in spec.get("examples", ())), trigger,
                    tuple(spec.get("window", default_window)))
        if check:
            try:
                rule.regex
            except re.error as e:
                raise ValueError(f"rule {spec['name']}: {e}") from e
        rules.append(rule)
    return rules
