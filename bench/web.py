"""Web app latency under concurrent clients, and static report time.

    .venv/bin/python bench/web.py [--events 10000] [--clients 20] [--requests 3000] [--workers N]

1. Builds a knowledge base from the evaluation texts (`chronica build`), then repeats it
   under new ids (documents, entities, events, relations, conflicts; people's names get a
   copy number) until it holds at least --events events.
2. Serves it with uvicorn in a separate process on a free localhost port and drives it
   with --clients concurrent keep-alive clients (asyncio; a minimal HTTP/1.1 client, since
   httpx costs more CPU per request than the server; `--client httpx` to compare) over a
   mix of routes whose ids and queries vary, so many pages are rendered cold, not answered
   from the page cache. The server runs as `chronica serve` would (`--workers`).
3. Prints p50/p95 per route, and the time to write the static report of the reference
   corpus (../shared/seeds).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
sys.path.insert(0, str(ROOT / "src"))


# ------------------------------------------------------------------ knowledge base --

def build_db(texts: Path, db: Path) -> str:
    from click.testing import CliRunner

    from chronica.cli import main
    url = f"sqlite:///{db}"
    result = CliRunner().invoke(main, ["build", str(texts), "--db", url])
    if not db.exists():
        raise SystemExit(f"chronica build failed:\n{result.output}")
    return url


def load_export(url: str) -> tuple[dict, dict[str, str]]:
    from chronica.store import open_store
    store = open_store(url)
    data = store.export_dict()
    texts = {d["id"]: store.document_text(d["id"]) for d in data["documents"]}
    return data, texts


def _renamed(obj, ids: dict[str, str]):
    """Deep copy of a contract object with every known id replaced."""
    if isinstance(obj, dict):
        return {k: _renamed(v, ids) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_renamed(v, ids) for v in obj]
    if isinstance(obj, str):
        return ids.get(obj, obj)
    return obj


def replicate(data: dict, texts: dict[str, str], min_events: int) -> tuple[dict, dict[str, str]]:
    """The corpus repeated under new ids until it has at least min_events events."""
    copies = max(1, -(-min_events // max(1, len(data["events"]))))
    parts = ("documents", "entities", "events", "relations", "conflicts")
    out = {**data, **{p: [] for p in parts}}
    out_texts: dict[str, str] = {}
    for k in range(copies):
        ids = {item["id"]: f"{item['id']}x{k}" for p in parts for item in data.get(p, ()) or ()}
        for part in parts:
            for item in data.get(part, ()) or ():
                copy = _renamed(item, ids)
                if part == "entities" and copy["type"] == "person" and k:
                    copy["name"] = f"{copy['name']} ({k})"
                out[part].append(copy)
        for doc_id, text in texts.items():
            out_texts[ids[doc_id]] = text
    return out, out_texts


# ------------------------------------------------------------------------- serving --

def serve_file(path: Path, port: int, workers: int) -> None:
    """Child process: load the knowledge base from a bench file and serve it as `chronica serve` does."""
    from chronica.web.app import create_app
    from chronica.web.kb import KnowledgeBase
    from chronica.web.serving import auto_workers, serve
    payload = json.loads(path.read_text(encoding="utf-8"))
    kb = KnowledgeBase.from_export(payload["export"], payload["texts"])
    serve(create_app(kb), "127.0.0.1", port, workers or auto_workers(len(kb.events)), access_log=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def route_mix(data: dict, rng: random.Random) -> list[tuple[str, str]]:
    """(route family, url) pairs with varied ids and queries."""
    people = [e["id"] for e in data["entities"] if e["type"] == "person"]
    places = [e["id"] for e in data["entities"] if e["type"] == "place"]
    entities = [e["id"] for e in data["entities"]]
    docs = [d["id"] for d in data["documents"]]
    words = [w for e in data["entities"] for w in e["name"].split() if w.isalpha() and len(w) > 3] or ["the"]
    years = [int(e["when"]["earliest"][:4]) for e in data["events"] if e.get("when") and e["when"].get("earliest")] or [1900]
    lo, hi = min(years), max(years)
    makers = {
        "/": lambda: "/",
        "/timeline": lambda: rng.choice([
            "/timeline", f"/timeline?person={rng.choice(people)}", f"/timeline?place={rng.choice(places)}",
            f"/timeline?from={(y := rng.randint(lo, hi))}&to={y + rng.randint(0, 5)}",
            f"/timeline?page={rng.randint(1, 40)}"]),
        "/map": lambda: rng.choice(["/map", f"/map?person={rng.choice(people)}",
                                    f"/map?person={rng.choice(people)}&person={rng.choice(people)}"]),
        "/graph": lambda: rng.choice(["/graph", f"/graph?person={rng.choice(people)}"]),
        "/conflicts": lambda: rng.choice(["/conflicts", f"/conflicts?person={rng.choice(people)}"]),
        "/documents/{id}": lambda: f"/documents/{rng.choice(docs)}",
        "/entities/{id}": lambda: f"/entities/{rng.choice(entities)}",
        "/search?q=": lambda: f"/search?q={rng.choice(words)}",
        "/api/timeline": lambda: f"/api/timeline?person={rng.choice(people)}",
        "/api/search": lambda: f"/api/search?q={rng.choice(words)[:4]}",
        "/api/export": lambda: "/api/export",
    }
    return [(name, make) for name, make in makers.items()]


class Connection:
    """A minimal keep-alive HTTP/1.1 client connection: the load generator has to cost far
    less than the server it measures (httpx spends more CPU per request than the server
    does here), and, like a browser's network stack, it takes gzip and does not inflate
    it on the thread that issues requests."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, url: str) -> tuple[int, int]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        url = quote(url, safe="/?&=%:+,;@")  # as a browser sends non-ASCII queries
        self.writer.write(f"GET {url} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                          f"Accept-Encoding: gzip\r\nUser-Agent: chronica-bench\r\n\r\n".encode("latin-1"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in fields:
            body = await self.reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding", "").lower() == "chunked":
            body = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                body += await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            body = await self.reader.read()
        if fields.get("connection", "").lower() == "close":
            self.writer.close()
            self.reader = self.writer = None
        return status, len(body)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def drive(base: str, mix, clients: int, total: int, rng: random.Random,
                client_kind: str = "raw") -> dict[str, list[float]]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    # /api/export is the whole knowledge base: ask for it less often than pages
    weights = [0.2 if name == "/api/export" else 1.0 for name, _ in mix]
    plan = [rng.choices(mix, weights)[0] for _ in range(total)]
    plan = [(name, make()) for name, make in plan]
    queue: asyncio.Queue = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)
    host, port = base.rsplit("//", 1)[1].split(":")

    async def worker(get):
        while not queue.empty():
            name, url = queue.get_nowait()
            t0 = time.perf_counter()
            status = await get(url)
            timings[name].append((time.perf_counter() - t0) * 1000)
            if status != 200:
                errors.append(f"{status} {url}")

    if client_kind == "httpx":
        import httpx2 as httpx
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
            async def get(url):
                r = await client.get(url)
                await r.aread()
                return r.status_code
            await asyncio.gather(*(worker(get) for _ in range(clients)))
    else:
        connections = [Connection(host, int(port)) for _ in range(clients)]
        try:
            await asyncio.gather(*(worker(lambda url, c=c: _status(c, url)) for c in connections))
        finally:
            for c in connections:
                c.close()
    if errors:
        print(f"{len(errors)} non-200 answers, e.g. {errors[:3]}", file=sys.stderr)
    return timings


async def _status(connection: Connection, url: str) -> int:
    return (await connection.get(url))[0]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report_time(seeds: Path, work: Path) -> tuple[float, float, int]:
    from chronica.web.commands import load_knowledge_base
    from chronica.web.report import write_report
    url = build_db(seeds, work / "reference.db")
    t0 = time.perf_counter()
    kb = load_knowledge_base(url)
    t1 = time.perf_counter()
    summary = write_report(kb, work / "report")
    return t1 - t0, time.perf_counter() - t1, summary.pages, len(kb.events)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--texts", type=Path, default=SHARED / "eval" / "texts")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=0, help="server processes (0: as `chronica serve` picks)")
    ap.add_argument("--client", choices=("raw", "httpx"), default="raw",
                    help="load generator: a minimal keep-alive HTTP/1.1 client (default) or httpx")
    ap.add_argument("--serve-file", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve_file:
        serve_file(args.serve_file, args.port, args.workers)
        return 0
    if not args.texts.is_dir():
        raise SystemExit(f"{args.texts} is absent (the evaluation texts live in ../shared)")
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data, texts = load_export(build_db(args.texts, work / "eval.db"))
        big, big_texts = replicate(data, texts, args.events)
        from chronica.web.kb import KnowledgeBase
        t0 = time.perf_counter()
        KnowledgeBase.from_export(big, big_texts)
        load_s = time.perf_counter() - t0
        print(f"knowledge base: {len(big['events'])} events, {len(big['entities'])} entities, "
              f"{len(big['documents'])} documents, {len(big['conflicts'])} conflicts "
              f"({len(data['events'])} events from {len(data['documents'])} evaluation texts, repeated); "
              f"loaded in {load_s:.2f} s")
        bench_file = work / "kb.json"
        bench_file.write_text(json.dumps({"export": big, "texts": big_texts}), encoding="utf-8")
        from chronica.web.serving import auto_workers
        workers = args.workers or auto_workers(len(big["events"]))
        port = free_port()
        server = subprocess.Popen([sys.executable, __file__, "--serve-file", str(bench_file), "--port", str(port),
                                   "--workers", str(args.workers)])
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(base, server)
            mix = route_mix(big, rng)
            timings = asyncio.run(drive(base, mix, args.clients, args.requests, rng, args.client))
        finally:
            server.terminate()
            server.wait(timeout=30)
        print(f"\n{args.clients} concurrent clients ({args.client} client), {args.requests} requests over varied URLs "
              f"(localhost), {workers} server worker{'s' if workers > 1 else ''}\n")
        print(f"{'route':<18} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        worst = 0.0
        for name, _ in mix:
            values = timings.get(name, [])
            if not values:
                continue
            p95 = percentile(values, 95)
            worst = max(worst, p95)
            print(f"{name:<18} {len(values):>5} {statistics.median(values):>8.1f} {p95:>8.1f} {max(values):>8.1f}")
        print(f"\nworst p95: {worst:.1f} ms (target < 100 ms)")
        seeds = SHARED / "seeds"
        if seeds.is_dir():
            load, write, pages, events = report_time(seeds, work)
            print(f"static report of the reference corpus: {pages} pages ({events} events), load {load:.2f} s + write {write:.2f} s "
                  f"= {load + write:.2f} s (target < 5 s)")
    return 0


def _wait_for(base: str, server: subprocess.Popen) -> None:
    import httpx2 as httpx
    deadline = time.time() + 120
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit("the bench server exited")
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the bench server did not start")


if __name__ == "__main__":
    sys.exit(main())
