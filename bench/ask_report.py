"""Does the static report answer as `chronica ask` does? Report-vs-CLI agreement by kind.

    .venv/bin/python bench/ask_report.py [--questions bench/ask_questions.yaml ...]
                                         [--corpus examples ...] [--show differ|all|none]
                                         [--workdir DIR]

1. Builds each corpus the questions use, as bench/ask.py does (same --workdir, so its
   builds are reused; the lockbox texts and the questions on them are left out).
2. Asks every question of `chronica ask` (the CLI's service) and of the static report
   written from the same knowledge base, opened from disk in headless Chromium
   (/usr/bin/chromium through Playwright), where ask.js answers over ask-data.js.
3. Prints, per kind: questions; answered by the CLI and by the report; agreement (both
   say they do not know, or both answer with the same values); the report's answers
   right by the gold of bench/ask.py, beside the CLI's; and evidence precision of each.
"""
from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_ask", ROOT / "bench" / "ask.py")
ask_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ask_bench)
console = ask_bench.console
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def write_report(url: str, out: Path) -> None:
    from chronica.store import open_store
    from chronica.web.kb import KnowledgeBase
    from chronica.web.report import write_report as write
    store = open_store(url, create=False)
    try:
        held_back = {Path(d["path"]).name for d in store.documents()} & ask_bench.lockbox_texts()
        if held_back:  # a knowledge base built before the lockbox was left out: no report of it
            raise SystemExit(f"{url} holds lockbox texts ({', '.join(sorted(held_back))}): delete it and run again")
        write(KnowledgeBase.from_store(store), out)
    finally:
        store.close()


def report_answers(folder: Path, questions: list[str]) -> list[dict]:
    """Each question asked of the report's ask page in Chromium (ask.js, ask_verify.js)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.goto((folder / "ask.html").as_uri())
        page.wait_for_load_state("load")
        out = page.evaluate("""qs => qs.map(q => {
            const a = window.ChronicaAsk.ask(q);
            return {status: a.status, text: a.text, values: (a.values || []).map(String),
                    cites: a.cites.map(c => [c.doc, c.start, c.end]),
                    passages: (a.passages || []).map(p => [p[0], p[1], p[2]])};
        })""", questions)
        browser.close()
    return out


def as_answer(a: dict) -> SimpleNamespace:
    """The report's answer in the shape bench/ask.py judges."""
    cite = lambda d, s, e: SimpleNamespace(document=d, start=s, end=e)  # noqa: E731
    return SimpleNamespace(known=a["status"] != "unknown", status=a["status"], text=a["text"], values=a["values"],
                           cites=[cite(*c) for c in a["cites"]], passages=[cite(*p) for p in a["passages"]])


def same(cli, rep) -> bool:
    """Both do not know, or both answer with the same values (folded, in any order)."""
    if cli.known != rep.known:
        return False
    if not cli.known:
        return True
    return {ask_bench.fold(str(v)) for v in cli.values} == {ask_bench.fold(str(v)) for v in rep.values}


def compare(questions: list[dict], corpora: dict, reports: dict[str, list[dict]], show: str) -> list[dict]:
    rows = []
    for q in questions:
        c = corpora[q["corpus"]]
        cli = c.asker.ask(q["q"])
        rep = as_answer(reports[q["corpus"]].pop(0))
        located = [[s for quote in g for s in c.locate(quote)] for g in ask_bench.groups(q)]
        flat = [s for g in located for s in g]
        row = {"kind": q["kind"], "agree": same(cli, rep)}
        for face, ans in (("cli", cli), ("report", rep)):
            cites = [(x.document, x.start, x.end) for x in ans.cites]
            row[face] = {"known": ans.known, "right": ask_bench.correct(q, ans, located), "cites": len(cites),
                         "precise": sum(1 for x in cites if ask_bench._hits([x], flat))}
        rows.append(row)
        differ = not row["agree"] or row["cli"]["right"] != row["report"]["right"]
        if show == "all" or (show == "differ" and differ):
            mark = "green" if not differ else "red"
            console.print(f"[{mark}]{q['id']}[/] {q['q']}\n    CLI    [{cli.status}] {cli.text[:150]} {cli.values[:3]}"
                          f"\n    report [{rep.status}] {rep.text[:150]} {rep.values[:3]}"
                          f"\n    right: CLI {row['cli']['right']}, report {row['report']['right']}", highlight=False)
    return rows


def table(rows: list[dict], title: str) -> None:
    by_kind = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r)
    t = Table(title=title)
    for col in ("kind", "questions", "CLI answered", "report answered", "agree", "CLI right", "report right",
                "CLI ev. precision", "report ev. precision"):
        t.add_column(col, justify="left" if col == "kind" else "right")

    def precision(rs, face):
        cites = sum(r[face]["cites"] for r in rs if r[face]["known"])
        return f"{sum(r[face]['precise'] for r in rs if r[face]['known']) / cites:.2f}" if cites else "–"

    def line(name, rs):
        n = len(rs)
        t.add_row(name, str(n), str(sum(r["cli"]["known"] for r in rs)), str(sum(r["report"]["known"] for r in rs)),
                  f"{sum(r['agree'] for r in rs) / n:.2f}", f"{sum(r['cli']['right'] for r in rs) / n:.2f}",
                  f"{sum(r['report']['right'] for r in rs) / n:.2f}", precision(rs, "cli"), precision(rs, "report"))
    for kind in sorted(by_kind):
        line(kind, by_kind[kind])
    t.add_section()
    line("all", rows)
    console.print(t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--questions", type=Path, nargs="+",
                    default=[ROOT / "bench" / "ask_questions.yaml", ROOT / "bench" / "ask_heldout.yaml"])
    ap.add_argument("--corpus", nargs="+", help="only the questions on these corpora (examples, eval, dev)")
    ap.add_argument("--show", choices=["differ", "all", "none"], default="differ")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "chronica-bench-ask")
    args = ap.parse_args()
    from chronica.config import Settings
    from chronica.nlp.parse import load_spacy

    questions = [q for path in args.questions for q in ask_bench.load_questions(path)
                 if not args.corpus or q["corpus"] in args.corpus]
    args.workdir.mkdir(parents=True, exist_ok=True)
    nlp = load_spacy(Settings().spacy_model)
    names = sorted({q["corpus"] for q in questions})
    urls = {name: ask_bench.build(name, args.workdir) for name in names}
    corpora = {name: ask_bench.Corpus(url, nlp, False) for name, url in urls.items()}
    reports, seconds = {}, {}
    for name, url in urls.items():
        folder = args.workdir / f"report-{name}"
        started = time.perf_counter()
        with console.status(f"writing the report of {name}"):
            write_report(url, folder)
        seconds[name] = time.perf_counter() - started
        reports[name] = report_answers(folder, [q["q"] for q in questions if q["corpus"] == name])
    rows = compare(questions, corpora, reports, args.show)
    table(rows, f"the static report's answers beside `chronica ask` on {len(rows)} questions "
                f"({', '.join(names)}; report written in {', '.join(f'{seconds[n]:.0f} s' for n in names)})")


if __name__ == "__main__":
    main()
