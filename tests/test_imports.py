"""The package's import structure: no cycles between packages (or between the modules
of one), and imports at the top of modules.

A cycle hidden by an import inside a function still counts: every ``import`` in a
module is an edge, wherever it sits (only ``if TYPE_CHECKING:`` blocks are skipped,
since they never run). An import inside a function is allowed only when listed in
``LAZY`` with the reason: an optional or heavy dependency one command needs.
"""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = SRC / "chronica"

# (module, imported module): imports that stay inside a function, and why.
LAZY = {
    # the command line starts fast: each command imports its own machinery
    ("chronica.entry", "chronica.cli"), ("chronica.entry", "chronica.time_cli"),
    ("chronica.entry", "chronica.time_run"),
    # plug-in readers are looked up only when a file no built-in reader takes comes
    # along (importlib.metadata costs ~50 ms of `chronica time`'s start-up)
    ("chronica.plugins", "importlib.metadata"),
    ("chronica.cli", "chronica.build"), ("chronica.cli", "chronica.store"),
    ("chronica.cli", "chronica.store.build_state"), ("chronica.cli", "chronica.whois"),
    ("chronica.cli", "chronica.reconcile.render"), ("chronica.cli", "chronica.web.commands"),
    ("chronica.cli_ask", "chronica.ask"), ("chronica.cli_ask", "chronica.ask.render"),
    ("chronica.cli_ask", "chronica.errors"), ("chronica.cli_ask", "chronica.store"),
    ("chronica.cli_export", "chronica.store"), ("chronica.cli_export", "chronica.store.build_state"),
    ("chronica.time_cli", "rich.console"), ("chronica.time_cli", "rich.table"),
    ("chronica.web.commands", "chronica.store"), ("chronica.web.commands", "chronica.store.build_state"),
    ("chronica.web.commands", "chronica.web.kb"), ("chronica.web.commands", "chronica.web.app"),
    ("chronica.web.commands", "chronica.web.serving"), ("chronica.web.commands", "chronica.web.report"),
    # a web server only for `chronica serve`
    ("chronica.web.serving", "uvicorn"),
    # scaling out over Dask only with --scheduler
    ("chronica.build", "chronica.distributed"),
    # OCR's library imports pandas (~0.2 s of every build's start): only when a page is OCR'd
    ("chronica.ingest.ocr", "pytesseract"),
    # spaCy's model is loaded only by what parses
    ("chronica.nlp.parse", "spacy"),
    # optional extras: the reranker's model and the calendar converters
    ("chronica.ask.rerank", "wordllama"), ("chronica.time.calendars", "convertdate"),
}

# Modules other work is reshaping now (the time engine, the asker): their remaining
# function-level imports are theirs to lift; cycles through them still fail.
PENDING: tuple[str, ...] = ()


def _name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in ROOT.rglob("*.py")}


def _target(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if MODULES[module].name != "__init__.py":
        base = base[:-1]
    base = base[:len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _known(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imports(module: str):
    """(imported module, inside a function?) for every import that runs."""
    def walk(node, in_function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, in_function
            elif isinstance(child, ast.ImportFrom):
                base = _target(module, child)
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    yield (sub if sub in MODULES else base), in_function
            yield from walk(child, inner)
    yield from walk(ast.parse(MODULES[module].read_text(encoding="utf-8")), False)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for m in MODULES:
        for name, _ in _imports(m):
            target = _known(name)
            if target and target != m:
                graph[m].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = []
                    while True:
                        x = stack.pop()
                        on_stack.discard(x)
                        comp.append(x)
                        if x == node:
                            break
                    if len(comp) > 1:
                        found.append(sorted(comp))
    return found


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_no_import_cycle_between_packages():
    packages: dict[str, set[str]] = {}
    for m, targets in _graph().items():
        packages.setdefault(_package(m), set()).update(
            _package(t) for t in targets if _package(t) != _package(m))
    assert _cycles(packages) == [], "packages import each other; move what both need below them"


def test_no_import_cycle_between_modules():
    assert _cycles(_graph()) == [], "modules import each other (inside a function counts too)"


def test_imports_sit_at_module_top_unless_listed_lazy():
    hidden = sorted({(m, name) for m in MODULES if not m.startswith(PENDING)
                     for name, in_function in _imports(m) if in_function} - LAZY)
    assert hidden == [], "import at module top, or list it in LAZY with the reason"


def test_the_check_sees_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_every_lazy_import_listed_is_still_there():
    hidden = {(m, name) for m in MODULES for name, in_function in _imports(m) if in_function}
    assert sorted(LAZY - hidden) == []
