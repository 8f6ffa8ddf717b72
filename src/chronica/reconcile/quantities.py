"""Figures as a text states them: numbers (digits or words), their rounding tolerance,
and durations in days. Word lists live in ``data/claims/``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml
from chronica.resources import path as resource_path


def load(name: str) -> dict:
    return yaml.safe_load(resource_path("claims/" + name).read_text("utf-8"))


@lru_cache(maxsize=1)
def numbers() -> dict:
    return load("numbers.yaml")


@lru_cache(maxsize=1)
def durations() -> dict:
    return load("durations.yaml")


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """Regex source matching a number in digits or words ("thirty-eight", "two million")."""
    n = numbers()
    words = sorted(set(n["units"]) | set(n["multipliers"]), key=len, reverse=True)
    word = "|".join(re.escape(w) for w in words if w not in ("a", "an", "single"))
    return (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:{'|'.join(n['multipliers'])}))?"
            rf"|(?:(?:{word})(?:[\s-]+(?:and\s+)?(?:{word}))*)")


def parse_number(text: str) -> float | None:
    """'700' -> 700, '12,000' -> 12000, 'thirty-eight' -> 38, 'two million' -> 2e6."""
    t = text.strip().casefold()
    n = numbers()
    m = re.fullmatch(r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<mult>\w+))?", t)
    if m:
        v = float(m["num"].replace(",", ""))
        return v * n["multipliers"].get(m["mult"], 1) if m["mult"] else v
    total, current, seen = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", t):
        if w == "and":
            continue
        if w in n["multipliers"] and w != "hundred":
            total += (current or 1) * n["multipliers"][w]
            current, seen = 0.0, True
        elif w in ("hundred", "dozen", "score"):  # "a dozen" = 12, "four score" = 80, not 1 + 12
            current = (current or 1) * (100 if w == "hundred" else n["units"].get(w, 20))
            seen = True
        elif w in n["units"]:
            current += n["units"][w]
            seen = True
        else:
            return None
    return total + current if seen else None


def rounding(value: float, exact_words: bool = False) -> tuple[float, float]:
    """Tolerance of a stated figure: '700' may be 650..750, '12,000' 11,500..12,500."""
    if exact_words or value != int(value) or value < 10:
        return value, value
    v, step = int(value), 1
    while v % (step * 10) == 0 and step * 10 <= v:
        step *= 10
    if step == 1:
        return value, value
    return value - step / 2, value + step / 2


@dataclass(frozen=True)
class Duration:
    days: float
    low: float
    high: float
    unit: str
    count: float
    approximate: bool


_DESIG = re.compile(r"^P(?:T)?(?P<n>\d+(?:\.\d+)?)(?P<u>DE|CE|[YMWDH])$")


def duration_from_value(value: str) -> tuple[float, str] | None:
    """TIMEX3 value 'P11M' -> (11, 'month'); None for unspecified values like 'PXY'."""
    m = _DESIG.match(value or "")
    if not m:
        return None
    unit = durations()["designators"].get(m["u"])
    if value.startswith("PT") and m["u"] == "M":
        return None  # minutes: never a matter for historians' conflicts
    return (float(m["n"]), unit) if unit else None


def make_duration(count: float, unit: str, cue: str | None = None, vague: tuple[float, float] | None = None) -> Duration:
    """A duration with its claimed range in days, widened by an approximation cue."""
    per = durations()["units"][unit]
    if vague:
        lo, hi = vague
        return Duration(count * per, lo * per, hi * per, unit, count, True)
    lo, hi = -0.5, 0.5
    approx = False
    if cue:
        rng = durations()["approx"].get(cue.casefold())
        if rng:
            lo, hi = rng
            approx = True
    if count == 1 and lo < 0:
        lo = max(lo, -0.5)
    return Duration(count * per, max(0.0, (count + lo) * per), (count + hi) * per, unit, count, approx)


def unit_of(word: str) -> str | None:
    w = word.casefold().rstrip("s")
    if w.endswith("ie"):  # "centuries" -> "centurie"
        w = w[:-2] + "y"
    return w if w in durations()["units"] else None
