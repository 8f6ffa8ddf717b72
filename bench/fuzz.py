"""Fuzzing: every parser that sees user data, fed random and hostile input for a fixed
time budget each; prints the inputs tried and the crashes found (target: 0).

    python bench/fuzz.py [--seconds 60] [--budget pipeline=420] [--seed 17] [--only time,web,...] [--out DIR]

Parsers and what counts as a crash:
  time         the temporal engine: an exception, a span outside the text or not equal
               to it, earliest after latest, an EDTF value the `edtf` package rejects
  ingest-text  reading .txt/.md files of random bytes, truncated UTF-8, mixed encodings,
               NUL bytes, huge lines: any exception but one InputError line naming the file
  ingest-html  reading hostile or deeply nested HTML: the same
  web          every route of the web app (over the examples' knowledge base) with hostile
               query strings and ids: a 5xx answer, or the input echoed unescaped in HTML
  pipeline     the whole document pipeline on random recombinations of real sentences
               and hostile text: an exception, or a span that is not the text it points at
The first crashing inputs of each parser are written to --out to reproduce them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path
from urllib.parse import quote

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from fuzz_text import DATEISH  # noqa: E402  (one word list for the tests and the bench)

MARK = "<i\"x'>"
HOSTILE = ["<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "\u202e", "-1", "0", "NaN",
           "99999999999999999999", "1e9", "&", "#", "?", "%", "ent_" + "x" * 3000, "\ufeff", "\x7f"]
TAGS = ["div", "p", "b", "script", "style", "svg", "title", "h1", "li", "table", "x-y", "template", "noscript"]
ISO = re.compile(r"^(-?)(\d{1,6})-(\d\d)-(\d\d)$")
YEAR4 = re.compile(r"(?<![\d-])(-?)\d{4}(?!\d)")


class Crash(Exception):
    """A property broken without an exception."""


LAST = {"input": ""}  # what the running target is trying, written beside a crash


def trying(description: str) -> None:
    LAST["input"] = description


def rand_text(rng: random.Random, n: int = 60) -> str:
    pick = rng.random()
    if pick < 0.3:  # any code point but lone surrogates, which no decoded file can hold
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000), rng.randrange(0, 0xD800),
                                       rng.randrange(0xE000, 0x110000)])) for _ in range(rng.randrange(n)))
    words = [rng.choice(DATEISH) if rng.random() < 0.85 else str(rng.randrange(-3000, 30000))
             for _ in range(rng.randrange(n // 2 + 1))]
    return rng.choice([" ", "", ", ", ". ", "\n", " - "]).join(words)


def _shape(value: str) -> str:
    """An EDTF value with each four-digit year written 1900: the same validity (a
    29 February keeps its year, which decides it), far fewer values to parse."""
    return value if "-02-29" in value else YEAR4.sub(r"\g<1>1900", value)


def _day(iso: str) -> tuple[int, int, int]:
    m = ISO.match(iso)
    if not m:
        raise Crash(f"not an ISO day: {iso!r}")
    return (int(m[2]) * (-1 if m[1] else 1), int(m[3]), int(m[4]))


# ------------------------------------------------------------------- targets --

def target_time(rng: random.Random):
    import edtf

    from chronica.time import TimeTagger
    tagger = TimeTagger.load()
    valid: set[str] = set()  # the edtf package's parser is slow: each shape is checked once

    def one() -> str:
        text = rand_text(rng)
        anchor = None if rng.random() < 0.5 else dt.date(rng.randrange(1, 9999), rng.randrange(1, 13), 1)
        trying(f"text={text!r} anchor={anchor}")
        for t in tagger.tag(text, anchor=anchor, genre=rng.choice(["narrative", "news"])).timexes:
            if not (0 <= t.start < t.end <= len(text)) or text[t.start:t.end] != t.text:
                raise Crash(f"span {t.start}-{t.end} is not {t.text!r}")
            if t.edtf and _shape(t.edtf) not in valid:
                edtf.parse_edtf(t.edtf)
                valid.add(_shape(t.edtf))
            if t.earliest and t.latest and _day(t.earliest) > _day(t.latest):
                raise Crash(f"earliest {t.earliest} after latest {t.latest}")
        return f"{text!r} anchor={anchor}"
    return one


def _bytes(rng: random.Random) -> bytes:
    kind = rng.randrange(5)
    if kind == 0:
        return rng.randbytes(rng.randrange(1, 3000))
    if kind == 1:
        return rand_text(rng, 200).encode("utf-8", "surrogatepass")[: rng.randrange(1, 400)]
    if kind == 2:
        return b"".join(rand_text(rng, 20).encode(rng.choice(["utf-8", "latin-1", "cp1252", "utf-16", "koi8-r"]),
                                                  errors="ignore") for _ in range(rng.randrange(1, 6)))
    if kind == 3:
        body = b"In 1921 she left Lisbon. " * rng.randrange(1, 600)
        cut = rng.randrange(len(body))
        return body[:cut] + b"\x00" * rng.randrange(1, 3) + body[cut:]
    return rng.choice([b"a", b"word ", b"\xc3\xa9", b"<b>"]) * rng.randrange(1, 200_000)


def _html(rng: random.Random) -> str:
    if rng.random() < 0.3:  # deeply nested, now and then very deeply
        tag, depth = rng.choice(TAGS), rng.randrange(1, 5000 if rng.random() < 0.1 else 200)
        return f"<{tag}>" * depth + "In 1921 she left." + f"</{tag}>" * rng.randrange(depth + 1)
    pieces = []
    for _ in range(rng.randrange(60)):
        r = rng.random()
        if r < 0.4:
            pieces.append(f"<{'/' if rng.random() < 0.4 else ''}{rng.choice(TAGS)}>")
        elif r < 0.6:
            pieces.append(rng.choice(["&#0;", "&#xD800;", "&#99999999;", "&amp;", "&bogus;", "&#", "<!--", "-->",
                                      "<![CDATA[", "]]>", "<img src=x onerror=alert(1)>", "<", ">"]))
        else:
            pieces.append(rand_text(rng, 20))
    return "".join(pieces)


def _reader(rng: random.Random, folder: Path, html: bool):
    from chronica.errors import InputError
    from chronica.ingest import read_source

    def one() -> str:
        suffix = ".html" if html else rng.choice([".txt", ".md"])
        data = _html(rng).encode("utf-8", "surrogatepass") if html else _bytes(rng)
        trying(f"{suffix} {data!r}")
        path = folder / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            src = read_source(path, max_bytes=20_000_000)
        except InputError as e:
            if str(path) not in str(e) or "\n" in str(e):
                raise Crash(f"error message does not name the file in one line: {e}")
            return repr(data[:200])
        src.text.encode("utf-8")
        if "\x00" in src.text:
            raise Crash("a NUL character in the text")
        return repr(data[:200])
    return one


def _web_client(folder: Path):
    from fastapi.testclient import TestClient

    from chronica.build import build
    from chronica.config import Settings
    from chronica.store import open_store
    from chronica.web.app import create_app
    from chronica.web.kb import KnowledgeBase

    db = f"sqlite:///{folder / 'web.db'}"
    store = open_store(db)
    build([str(ROOT / "examples")], Settings(db_url=db), store)
    kb = KnowledgeBase.from_store(store)
    store.close()
    return TestClient(create_app(kb)), kb


def _quote(value: str) -> str:
    # a lone surrogate goes out as the invalid UTF-8 bytes it would be: hostile too
    return quote(value, safe="", errors="surrogatepass")


def target_web(rng: random.Random, folder: Path):
    client, kb = _web_client(folder)
    pages = ["/", "/timeline", "/map", "/graph", "/conflicts", "/documents", "/search", "/favicon.ico",
             "/api/stats", "/api/timeline", "/api/map", "/api/graph", "/api/conflicts", "/api/search"]
    by_id = ["/documents/{}", "/entities/{}", "/api/documents/{}", "/api/entities/{}"]
    real = list(kb.entities)[:20] + list(kb.documents)

    def value() -> str:
        base = rng.choice([rand_text(rng, 20), rng.choice(HOSTILE), rng.choice(real) if real else "x"])
        return base + (MARK if rng.random() < 0.7 else "")

    def one() -> str:
        path = rng.choice(pages) if rng.random() < 0.6 else rng.choice(by_id).format(_quote(value()))
        params = [(rng.choice(["person", "place", "from", "to", "page", "q"]), value())
                  for _ in range(rng.randrange(4))]
        url = path + ("?" + "&".join(f"{k}={_quote(v)}" for k, v in params) if params else "")
        trying(url)
        res = client.get(url)
        if res.status_code >= 500:
            raise Crash(f"{res.status_code} for {url}")
        if res.headers.get("content-type", "").startswith("text/html") and MARK in res.text:
            raise Crash(f"unescaped input in {url}")
        return url
    return one


def target_pipeline(rng: random.Random):
    import hashlib

    from chronica.config import Settings
    from chronica.doc import Doc, Source
    from chronica.pipeline import Pipeline
    settings = Settings()
    pipe = Pipeline(settings.document_pipeline, settings)  # models loaded once
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.[tm][xd]*")))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s) > 20]

    def one() -> str:
        parts = [rng.choice(sentences) if rng.random() < 0.8 else rand_text(rng, 30)
                 for _ in range(rng.randrange(1, 8))]
        doc_text = rng.choice(["\n\n", " ", "\n"]).join(parts) + "\n"
        trying(repr(doc_text))
        doc = pipe(Doc(Source("fuzz.txt", doc_text, hashlib.sha256(doc_text.encode("utf-8", "surrogatepass"))
                              .hexdigest(), "txt")))
        for group in (doc.mentions, doc.timexes, doc.claims and [c.span for c in doc.claims] or []):
            for s in group:
                if doc_text[s.start:s.end] != s.text:
                    raise Crash(f"span {s.start}-{s.end} is not {s.text!r}")
        for ev in doc.events:
            if doc_text[ev.evidence.start:ev.evidence.end] != ev.evidence.text:
                raise Crash(f"evidence {ev.evidence.start}-{ev.evidence.end} is not its text")
        return repr(doc_text[:300])
    return one


# -------------------------------------------------------------------- runner --

def run(name: str, one, seconds: float, out: Path) -> tuple[int, int, float]:
    tried = crashes = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        tried += 1
        try:
            one()
        except Exception as e:  # what the fuzzer looks for: anything escaping a parser
            crashes += 1
            if crashes <= 5:
                (out / f"{name}-{crashes}.txt").write_text(f"input: {LAST['input']}\n\n{traceback.format_exc()}",
                                                           encoding="utf-8", errors="backslashreplace")
            del e
    return tried, crashes, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="time budget per parser")
    ap.add_argument("--budget", action="append", default=[], metavar="PARSER=SECONDS",
                    help="another time budget for one parser (the pipeline needs ~7 min for 10,000 inputs)")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--only", default="time,ingest-text,ingest-html,web,pipeline")
    ap.add_argument("--out", default=None, help="folder for the crashing inputs (default: a temporary one)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="chronica-fuzz-"))
    out = Path(args.out) if args.out else work / "crashes"
    out.mkdir(parents=True, exist_ok=True)
    makers = {"time": lambda: target_time(rng),
              "ingest-text": lambda: _reader(rng, work, html=False),
              "ingest-html": lambda: _reader(rng, work, html=True),
              "web": lambda: target_web(rng, work),
              "pipeline": lambda: target_pipeline(rng)}
    table = Table(title=f"chronica fuzz: seed {args.seed}")
    for col in ("parser", "seconds", "inputs", "crashes", "inputs/s"):
        table.add_column(col, justify="left" if col == "parser" else "right")
    console = Console()
    budgets = {name: float(secs) for name, secs in (b.split("=", 1) for b in args.budget)}
    for name in args.only.split(","):
        one = makers[name]()
        tried, crashes, spent = run(name, one, budgets.get(name, args.seconds), out)
        console.print(f"{name}: {tried:,} inputs, {crashes} crashes", highlight=False)
        table.add_row(name, f"{spent:.0f}", f"{tried:,}", str(crashes), f"{tried / spent:,.0f}")
    console.print(table)
    if any(out.iterdir()):
        console.print(f"crashing inputs and tracebacks: {out}")


if __name__ == "__main__":
    main()
