"""Score chronica.time on WikiWars and TE3-Platinum with the shared scorer, beside HeidelTime.

    .venv/bin/python bench/timex.py                    # WikiWars all 22 + 17-22, TE3-Platinum (held out)
    .venv/bin/python bench/timex.py --split dev        # WikiWars 01-16 + TBAQ-cleaned (develop here)
    .venv/bin/python bench/timex.py --per-process      # also run `chronica time` once per document
    .venv/bin/python bench/timex.py --breakdown --errors /tmp/errors.tsv

The yardstick is ``../shared/tools/timex_eval.py``: its gold loaders (XML-parsed APF and
TimeML) and its ``score`` are imported and used unchanged, so this table and
``timex_eval.py score`` agree by construction. Nothing is rewritten on the scorer side:
Chronica prints each scheme's view itself (``chronica time --scheme timex2|timex3``,
``chronica.time.schemes``), TIMEX2 for WikiWars, TIMEX3 for the TimeML corpora.

Two speeds: *in-process* (one tagger, the documents one after another) and *per process*
(``--per-process``: ``timex_eval.py run`` starts ``chronica time`` once per document, start-up
included, as a user running it on one file feels it; bytecode is kept as an installed package
keeps it). ``--per-process`` also checks that the CLI prints exactly what the in-process view
gives. The last table gives both against HeidelTime's stored per-process speed; the per-process
speed also by CPU time (scorer and CLI processes), which a machine busy with other jobs
inflates far less than wall time.

HeidelTime 2.2.1 is read from stored ``timex_eval.py run`` results (``--heideltime DIR``
holding ``wikiwars.jsonl`` and ``te3.jsonl``), made with ``bench/heideltime_run.py``:

    timex_eval.py run --cmd "PY bench/heideltime_run.py" --corpus wikiwars --out DIR/wikiwars.jsonl
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
BENCH = SHARED / "benchmarks"
SCORER = SHARED / "tools" / "timex_eval.py"
CACHE = ROOT / ".cache" / "timex"
sys.path.insert(0, str(ROOT / "src"))

from chronica.doc import Source  # noqa: E402
from chronica.time import TimeTagger  # noqa: E402
from chronica.time_run import tag_text  # noqa: E402

SCHEME = {"wikiwars": "timex2", "te3": "timex3"}
GENRE = {"wikiwars": "narrative", "te3": "news"}


def load_scorer():
    spec = importlib.util.spec_from_file_location("timex_eval", SCORER)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["timex_eval"] = mod  # its dataclasses look themselves up here
    spec.loader.exec_module(mod)
    return mod


def load_tbaq(te) -> list:
    """TBAQ-cleaned (TimeBank + AQUAINT) as the scorer's TE3 documents (development only)."""
    docs = []
    for folder in ("TimeBank", "AQUAINT"):
        for tml in sorted((BENCH / "tempeval3-train" / "TBAQ-cleaned" / folder).glob("*.tml")):
            xml = ET.parse(tml).getroot()
            text, spans = te.flatten_xml(xml.find("TEXT"))
            dct = xml.find(".//DCT/TIMEX3").get("value")
            gold = [te.Timex(s, e, text[s:e], el.get("value"), el.get("type"), dict(el.attrib))
                    for el, s, e in spans if el.tag == "TIMEX3" and e > s]
            gold.sort(key=lambda g: (g.start, -g.end))
            docs.append(te.Doc(tml.stem, text, dct[:10], gold, len(docs) + 1))
    return docs


def benchmarks(te, split: str) -> list[tuple[str, str, list]]:
    """(label, scorer corpus, documents) for the split."""
    if split == "dev":
        return [("WikiWars 01-16 (dev)", "wikiwars", te.select_docs(te.load_corpus("wikiwars", BENCH), "dev", "wikiwars")),
                ("TBAQ-cleaned (dev)", "te3", load_tbaq(te))]
    ww = te.load_corpus("wikiwars", BENCH)
    return [("WikiWars all 22", "wikiwars", ww),
            ("WikiWars 17-22 (held)", "wikiwars", te.select_docs(ww, "test", "wikiwars")),
            ("TE3-Platinum (held)", "te3", te.load_corpus("te3", BENCH))]


def run_in_process(tagger: TimeTagger, docs: list, corpus: str) -> tuple[dict[str, list[dict]], float]:
    out, secs = {}, 0.0
    for d in docs:
        source = Source(d.id, d.text, "", "txt")
        t = time.perf_counter()
        out[d.id] = tag_text(source, date.fromisoformat(d.anchor), GENRE[corpus], SCHEME[corpus], tagger)
        secs += time.perf_counter() - t
    return out, secs


def run_per_process(te, corpus: str, docs: list, cli: Path) -> tuple[dict[str, list[dict]], dict]:
    """``timex_eval.py run`` over the CLI (one process per document); the stored results."""
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE.parent / ".gitignore").write_text("*\n")
    path = CACHE / f"chronica_{corpus}_{docs[0].id}_{len(docs)}.jsonl"
    ids = ",".join(d.id for d in docs)
    cmd = [sys.executable, str(SCORER), "run", "--cmd", f"{cli} time --scheme {SCHEME[corpus]}",
           "--corpus", corpus, "--docs", ids, "--out", str(path)]
    # as installed: pip writes bytecode on install, so the runs keep it (in .cache/pycache,
    # whatever PYTHONDONTWRITEBYTECODE the calling shell sets); the first document pays for it
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(CACHE.parent / "pycache")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    run, _, timexes = te.read_results(str(path))
    # CPU seconds of the scorer and every CLI process: what the runs cost on a machine
    # that other jobs share (wall time there measures the other jobs too)
    run["cpu_seconds"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return timexes, run


def stored_heideltime(te, folder: Path, corpus: str, docs: list) -> tuple[dict, dict] | None:
    path = folder / f"{corpus}.jsonl"
    if not path.exists():
        return None
    run, recs, timexes = te.read_results(str(path))
    if any(d.id not in timexes for d in docs):
        return None
    return timexes, run


def disagreements(a: dict[str, list[dict]], b: dict[str, list[dict]]) -> list[str]:
    key = lambda rows: [(r["start"], r["end"], r.get("value")) for r in rows]
    return [d for d in a if key(a[d]) != key(b.get(d, []))]


def row(label: str, system: str, m: dict, in_proc: float | None, per_proc: float | None) -> str:
    cells = [m["relaxed"]["P"], m["relaxed"]["R"], m["relaxed"]["F1"], m["strict"]["P"], m["strict"]["R"],
             m["strict"]["F1"], m["value_F1"]]
    speed = lambda x: f"{x:>10,.0f}" if x else f"{'-':>10}"
    return (f"| {label:<22} | {system:<17} | " + " | ".join(f"{x:5.1f}" for x in cells)
            + f" | {speed(in_proc)} | {speed(per_proc)} | {m['counts']['gold']:5d} | {m['counts']['system']:5d} |")


HEAD = ("| benchmark              | system            | rel P | rel R | rel F | str P | str R | str F | val F "
        "| in-proc c/s | per-proc c/s |  gold |   sys |\n|" + "---|" * 13)


REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
POINT = re.compile(r"^(BC)?(\d{2,4}|XXXX)(.*)$")
ERROR_CLASSES = (
    ("year", "only the year differs (which year a yearless date is in)"),
    ("grain", "same date at another granularity (one value is a prefix of the other)"),
    ("dur/point", "one side a duration (P...), the other a date"),
    ("ref/point", "PRESENT_REF/PAST_REF/FUTURE_REF against a date"),
    ("no gold VAL", "the gold expression has no value"),
    ("other", "any other wrong value"),
)


def error_class(gold: str | None, system: str | None) -> str:
    """Sort one wrong value into the classes above (first that applies)."""
    if not gold:
        return "no gold VAL"
    if not system:
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


def print_breakdown(te, label: str, corpus: str, m: dict, errors: list) -> None:
    """Where the value F1 goes: each class's count and the F1 if it were right."""
    c = m["counts"]
    norm = te.normalise_value if corpus == "wikiwars" else te.exact_value
    classes = [error_class(norm(g.value), norm(s.value)) for k, _, g, s in errors if k == "value"]
    print(f"\n{label}: {c['gold']} gold, {c['system']} system, {c['relaxed']} matched, "
          f"{c['value']} right value; value F1 {m['value_F1']:.1f}")
    print("| lost to | count | value F1 if right | what |\n|---|---|---|---|")
    for name, what in ERROR_CLASSES:
        n = classes.count(name)
        print(f"| {name} | {n} | {te.prf(c['value'] + n, c['system'], c['gold'])['F1']:.1f} | {what} |")
    kinds = [k for k, *_ in errors]
    for name, what in (("missed", "gold expressions not found"), ("spurious", "found, not in the gold")):
        print(f"| {name} | {kinds.count(name)} | | {what} |")


def write_errors(errors: list, path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for kind, d, g, s in errors:
            at = (g or s).start
            ctx = d.text[max(0, at - 60):at + 60].replace("\n", " ")
            gs = f"{g.text!r}={g.value}" if g else "-"
            ss = f"{d.text[s.start:s.end]!r}={s.value}" if s else "-"
            f.write(f"{d.id}\t{kind}\tgold {gs}\tsys {ss}\t…{ctx}…\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("test", "dev"), default="test",
                    help="test: WikiWars all/17-22 + TE3-Platinum; dev: WikiWars 01-16 + TBAQ-cleaned")
    ap.add_argument("--per-process", action="store_true", help="also run the CLI once per document")
    ap.add_argument("--cli", type=Path, default=Path(sys.executable).with_name("chronica"),
                    help="the chronica program --per-process runs (default: the venv's console script, %(default)s)")
    ap.add_argument("--heideltime", type=Path, default=ROOT / ".cache" / "heideltime",
                    help="folder with HeidelTime's stored runs wikiwars.jsonl, te3.jsonl (default %(default)s)")
    ap.add_argument("--breakdown", action="store_true", help="sort Chronica's wrong values into classes")
    ap.add_argument("--errors", type=Path, help="write Chronica's errors (TSV) here")
    args = ap.parse_args(argv)
    if not SCORER.exists():
        print(f"the shared scorer is not at {SCORER}; nothing to measure", file=sys.stderr)
        return 2
    te = load_scorer()
    tagger = TimeTagger.load()
    print(HEAD)
    all_errors, breakdowns, ratios = [], [], []
    for label, corpus, docs in benchmarks(te, args.split):
        found, secs = run_in_process(tagger, docs, corpus)
        errors: list = []
        m = te.score(docs, found, corpus, errors=errors)
        chars = sum(len(d.text) for d in docs)
        per = per_cpu = None
        if args.per_process and not label.startswith("TBAQ"):
            cli_found, run = run_per_process(te, corpus, docs, args.cli)
            per = run["chars_per_second"]
            per_cpu = chars / run["cpu_seconds"] if run.get("cpu_seconds") else None
            differ = disagreements(found, cli_found)
            if differ:
                print(f"  CLI and in-process views differ on {len(differ)} docs: {', '.join(differ[:5])}")
        print(row(label, "Chronica", m, chars / secs, per), flush=True)
        ht = stored_heideltime(te, args.heideltime, corpus, docs) if not label.startswith("TBAQ") else None
        if ht:
            print(row(label, "HeidelTime 2.2.1", te.score(docs, ht[0], corpus), None,
                      ht[1].get("chars_per_second")), flush=True)
            base = ht[1].get("chars_per_second")
            if base:
                ratios.append((label, chars / secs / base, per / base if per else None,
                               per_cpu / base if per_cpu else None))
        all_errors += errors
        breakdowns.append((label, corpus, m, errors))
    print("\nScored by ../shared/tools/timex_eval.py (imported, unchanged). Chronica prints the scheme's "
          "view itself: WikiWars = `chronica time --scheme timex2`, TimeML corpora = `--scheme timex3`. "
          "HeidelTime: stored runs; its speed is per process (one JVM per document).")
    if ratios:
        print("\n| speed against HeidelTime's stored run (per process, wall) | in-process | per process, wall "
              "| per process, CPU time |\n|---|---|---|---|")
        for label, inp, per, cpu in ratios:
            print(f"| {label} | {inp:,.0f}× | {f'{per:,.1f}×' if per else '-'} | {f'{cpu:,.1f}×' if cpu else '-'} |")
    if args.breakdown:
        for label, corpus, m, errors in breakdowns:
            print_breakdown(te, label, corpus, m, errors)
    if args.errors:
        write_errors(all_errors, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
