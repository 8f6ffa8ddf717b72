"""How well `chronica ask` answers: accuracy, evidence precision and "I don't know" rate
by kind of question, and the answer time on a knowledge base of 10,000 events.

    .venv/bin/python bench/ask.py [--questions bench/ask_questions.yaml] [--rerank]
                                  [--heldout bench/ask_heldout.yaml]
                                  [--events 10000] [--show wrong|all] [--workdir DIR]

1. Builds each corpus the questions use (examples/, ../shared/eval/texts,
   ../shared/eval/dev/texts) into a SQLite knowledge base in --workdir (kept between
   runs: an unchanged build is skipped) and asks every question. The extraction benches'
   lockbox texts (bench/README.md) are left out, and the questions whose gold quotes them.
2. Judges each answer against its gold (see the header of ask_questions.yaml):
   accuracy = right answers / answers given; overall = right / questions (a "don't
   know" is right only for a question whose gold says the texts do not tell);
   evidence precision = cited spans that overlap a gold evidence span / cited spans;
   unsupported = answers given without any cited span (must be 0).
   The held-out questions (ask_heldout.yaml, never used for tuning) are judged the
   same way and reported in their own table and as their own row of the summary.
3. Repeats the evaluation knowledge bases under new ids until they hold --events events,
   indexes the repeated texts for full-text search in SQLite, and times the questions
   against it (p50/p95 per answer, parse + answer + passages).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))
CORPORA = {"examples": ROOT / "examples", "eval": SHARED / "eval" / "texts", "dev": SHARED / "eval" / "dev" / "texts"}
console = Console(width=130)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold().replace("’", "'"))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).split())


# --------------------------------------------------------------------- building --

def lockbox_texts() -> set[str]:
    """The file names of the extraction benches' lockbox texts (bench/README.md): left out
    here too, so that no answer about them is read while rules change."""
    from corpora import CORPORA as GOLD, gold_files
    if not all(gold_dir.is_dir() for gold_dir, _ in GOLD.values()):
        return set()
    return {doc.name for g in gold_files() if g.lockbox for doc in g.docs}


def build(corpus: str, workdir: Path) -> str:
    from click.testing import CliRunner

    from chronica.cli import main
    db = workdir / f"{corpus}.db"
    url = f"sqlite:///{db}"
    held_back = lockbox_texts()
    folder = CORPORA[corpus]
    sources = [str(folder)]
    if any((folder / name).exists() for name in held_back):
        sources = [str(p) for p in sorted(folder.iterdir()) if p.is_file() and p.name not in held_back]
    with console.status(f"building {corpus} ({CORPORA[corpus]}, lockbox texts left out)"):
        result = CliRunner().invoke(main, ["build", *sources, "--db", url])
    if not db.exists():
        raise SystemExit(f"chronica build {corpus} failed:\n{result.output}")
    return url


class Corpus:
    """A built corpus: its asker, and gold quotes located in its documents."""

    def __init__(self, url: str, nlp, rerank: bool):
        from chronica.ask import open_asker
        from chronica.store import open_store
        store = open_store(url, create=False)
        self.asker = open_asker(store, nlp=nlp, rerank=rerank)
        self.ids = {Path(d["path"]).name: d["id"] for d in store.documents()}
        self.texts = {d["id"]: store.document_text(d["id"]) for d in store.documents()}
        store.close()

    def locate(self, quote: dict) -> list[tuple[str, int, int]]:
        doc = self.ids.get(quote["doc"])
        text = self.texts.get(doc) or ""
        spans = [(doc, m.start(), m.end()) for m in re.finditer(re.escape(quote["quote"]), text)]
        if not spans:
            console.print(f"[yellow]gold quote not found in {quote['doc']}: {quote['quote']!r}[/yellow]")
        return spans


# ---------------------------------------------------------------------- judging --

def groups(q: dict) -> list[list[dict]]:
    return [g if isinstance(g, list) else [g] for g in q.get("evidence", ())]


def _hits(spans, located) -> bool:
    return any(d == doc and a < e and s < b for d, s, e in spans for doc, a, b in located)


_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def _number(v: str) -> float | None:
    v = v.strip().casefold().replace(",", "")
    if v in _WORDS:
        return float(_WORDS[v])
    m = re.match(r"^-?\d+(?:\.\d+)?", v)
    return float(m.group()) if m else None


def _date_right(value: str, gold: str) -> bool:
    value = value.split("/")[0] if "/" in value and not gold.count("/") else value
    return value.startswith(gold) and (len(value) == len(gold) or value[len(gold)] == "-")


def correct(q: dict, ans, located_groups) -> bool:
    kind = q["type"]
    if kind == "none":
        return not ans.known
    if not ans.known and kind != "evidence":
        return False
    values = [str(v) for v in ans.values]
    if kind == "date":
        return all(any(_date_right(v, g) for v in values) for g in q["answer"]) and \
            all(any(_date_right(v, g) for g in q["answer"]) for v in values)
    if kind in ("place", "person"):
        said = fold(" ; ".join(values))
        return all(any(fold(alt) in said for alt in g.split("|")) for g in q["answer"])
    if kind == "number":
        return any(_number(v) == _number(q["answer"][0]) for v in values)
    if kind == "duration":
        if "answer_days" in q:
            tol = q.get("tolerance", 0.1)
            return any(abs(n - g) <= tol * g for v in values if (n := _number(v)) is not None for g in q["answer_days"])
        said = fold(" ; ".join(values) + " ; " + ans.text)
        return all(fold(g) in said for g in q["answer"])
    if kind == "evidence":
        shown = [(c.document, c.start, c.end) for c in ans.cites] + [(p.document, p.start, p.end) for p in ans.passages]
        return sum(1 for g in located_groups if _hits(shown, g)) >= q.get("min", 1)
    raise ValueError(f"{q['id']}: unknown type {kind}")


def evaluate(questions: list[dict], corpora: dict[str, Corpus], show: str) -> list[dict]:
    rows = []
    for q in questions:
        c = corpora[q["corpus"]]
        located = [[s for quote in g for s in c.locate(quote)] for g in groups(q)]
        started = time.perf_counter()
        ans = c.asker.ask(q["q"])
        ms = (time.perf_counter() - started) * 1000
        flat = [s for g in located for s in g]
        cites = [(x.document, x.start, x.end) for x in ans.cites]
        precise = sum(1 for x in cites if _hits([x], flat))
        right = correct(q, ans, located)
        rows.append({"id": q["id"], "kind": q["kind"], "known": ans.known, "right": right, "cites": len(cites),
                     "precise": precise, "ms": ms, "none": q["type"] == "none"})
        if show == "all" or (show == "wrong" and (not right or precise < len(cites))):
            console.print(f"[{'green' if right else 'red'}]{q['id']}[/] {q['q']}  →  [{ans.status}] {ans.text[:200]} {ans.values[:4]}"
                          f"  [dim]cites {precise}/{len(cites)}[/dim]", highlight=False)
            for x in ans.cites:
                mark = "✓" if _hits([(x.document, x.start, x.end)], flat) else "✗"
                console.print(f"    {mark} {x.label[:25]}: {' '.join(x.text.split())[:150]}", highlight=False, style="dim")
    return rows


def retrieval(questions: list[dict], corpora: dict[str, Corpus]) -> dict[str, float]:
    """Passage retrieval alone, for every question with gold evidence: is a gold span among
    the top passages (recall@1, @3) and how high (mean reciprocal rank)?"""
    at1 = at3 = rr = n = 0
    for q in questions:
        if not q.get("evidence"):
            continue
        c = corpora[q["corpus"]]
        flat = [s for g in groups(q) for quote in g for s in c.locate(quote)]
        found = c.asker.nearest(c.asker.parser.parse(q["q"]))
        ranks = [i for i, p in enumerate(found) if _hits([(p.document, p.start, p.end)], flat)]
        n += 1
        at1 += bool(ranks and ranks[0] == 0)
        at3 += bool(ranks)
        rr += 1 / (ranks[0] + 1) if ranks else 0
    return {"questions": n, "recall@1": at1 / n, "recall@3": at3 / n, "MRR@3": rr / n}


def table(rows: list[dict], title: str, sets: dict[str, list[dict]] | None = None) -> None:
    """Rows by kind and an "all" row; with `sets`, one row per named question set instead."""
    by_kind = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r)
    t = Table(title=title)
    for col in ("kind" if sets is None else "question set", "questions", "answered", "accuracy", "overall", "evidence precision", "I don't know", "unsupported"):
        t.add_column(col, justify="right" if col != "kind" else "left")

    def line(name, rs):
        answered = [r for r in rs if r["known"]]
        right_answered = sum(1 for r in answered if r["right"])
        cites = sum(r["cites"] for r in answered)
        precise = sum(r["precise"] for r in answered)
        t.add_row(name, str(len(rs)), str(len(answered)),
                  f"{right_answered / len(answered):.2f}" if answered else "–",
                  f"{sum(r['right'] for r in rs) / len(rs):.2f}",
                  f"{precise / cites:.2f}" if cites else "–",
                  f"{sum(1 for r in rs if not r['known']) / len(rs):.2f}",
                  str(sum(1 for r in answered if r["cites"] == 0)))

    if sets is not None:
        for name, rs in sets.items():
            if rs:
                line(name, rs)
        console.print(t)
        return
    for kind in sorted(by_kind):
        line(kind, by_kind[kind])
    t.add_section()
    line("all", rows)
    console.print(t)


# ----------------------------------------------------------------------- timing --

def latency(urls: list[str], questions: list[dict], nlp, events: int, workdir: Path) -> None:
    from sqlalchemy import create_engine

    from chronica.ask import Asker
    from chronica.ask.passages import SqlitePassages
    from chronica.store import open_store
    spec = importlib.util.spec_from_file_location("bench_web", ROOT / "bench" / "web.py")
    web = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(web)
    data, texts = {"documents": [], "entities": [], "events": [], "relations": [], "conflicts": []}, {}
    for url in urls:
        store = open_store(url, create=False)
        part = store.export_dict()
        for key in data:
            data[key] += part.get(key, []) or []
        texts.update({d["id"]: store.document_text(d["id"]) for d in part["documents"]})
        store.close()
    big, big_texts = web.replicate(data, texts, events)
    engine = create_engine(f"sqlite:///{workdir / 'latency.db'}")
    index = SqlitePassages(engine)
    with engine.begin() as c:
        index.fill(c, big_texts)
    started = time.perf_counter()
    asker = Asker(big, index, nlp)
    load = time.perf_counter() - started
    asks = [q["q"] for q in questions] * 3
    asker.ask(asks[0])
    times = []
    for text in asks:
        t0 = time.perf_counter()
        asker.ask(text)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    t = Table(title=f"answer time on {len(big['events']):,} events, {len(big_texts):,} documents ({len(times)} questions)")
    for col in ("index load", "p50 ms", "p95 ms", "max ms"):
        t.add_column(col, justify="right")
    t.add_row(f"{load:.1f} s", f"{statistics.median(times):.0f}", f"{times[int(0.95 * len(times)) - 1]:.0f}", f"{times[-1]:.0f}")
    console.print(t)


def load_questions(path: Path) -> list[dict]:
    """The questions of one set whose corpus is present here (a missing corpus is skipped)."""
    questions = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("questions") or []
    missing = {q["corpus"] for q in questions if not CORPORA[q["corpus"]].exists()}
    if missing:
        console.print(f"[yellow]{path.name}: skipping questions on {', '.join(sorted(missing))}: texts not found[/yellow]")
    held_back = lockbox_texts()
    on_lockbox = {q["id"] for q in questions if any(e.get("doc") in held_back for g in groups(q) for e in g)}
    if on_lockbox:
        console.print(f"{path.name}: leaving out {len(on_lockbox)} questions on lockbox texts ({', '.join(sorted(on_lockbox))})")
    return [q for q in questions if q["corpus"] not in missing and q["id"] not in on_lockbox]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--questions", type=Path, default=ROOT / "bench" / "ask_questions.yaml")
    ap.add_argument("--heldout", type=Path, default=ROOT / "bench" / "ask_heldout.yaml",
                    help="held-out questions, reported apart (give /dev/null to skip)")
    ap.add_argument("--rerank", action="store_true", help="re-rank passages with WordLlama")
    ap.add_argument("--events", type=int, default=10000, help="events for the timing run (0: skip it)")
    ap.add_argument("--show", choices=["wrong", "all", "none"], default="wrong")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "chronica-bench-ask")
    ap.add_argument("--json", type=Path, help="write the per-question results here")
    args = ap.parse_args()
    from chronica.config import Settings
    from chronica.nlp.parse import load_spacy

    questions = load_questions(args.questions)
    heldout = load_questions(args.heldout)
    args.workdir.mkdir(parents=True, exist_ok=True)
    nlp = load_spacy(Settings().spacy_model)
    urls = {name: build(name, args.workdir) for name in sorted({q["corpus"] for q in questions + heldout})}
    corpora = {name: Corpus(url, nlp, args.rerank) for name, url in urls.items()}
    rows = evaluate(questions, corpora, args.show)
    reranked = " (passages re-ranked)" if args.rerank else ""
    if rows:  # --questions /dev/null runs a held-out set alone
        table(rows, f"chronica ask on {len(rows)} development questions" + reranked)
    held = evaluate(heldout, corpora, args.show)
    if held:
        table(held, f"chronica ask on {len(held)} held-out questions (never used for tuning)" + reranked)
        table(rows + held, "summary", sets={"development": rows, "held-out": held})
    r = retrieval(questions, corpora) if questions else None
    t = Table(title="passages alone (the 'don't know' fallback): gold evidence among the top 3")
    for col in r or ():
        t.add_column(col, justify="right")
    if r:
        t.add_row(*(str(v) if isinstance(v, int) else f"{v:.2f}" for v in r.values()))
        console.print(t)
    if args.json:
        args.json.write_text(json.dumps({"development": rows, "held-out": held}, indent=1), encoding="utf-8")
    if args.events:
        latency([u for n, u in urls.items() if n != "examples"] or list(urls.values()), questions, nlp, args.events, args.workdir)


if __name__ == "__main__":
    main()
