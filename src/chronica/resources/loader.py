"""Find, parse, validate and cache Chronica's data files: once per process, one way.

A data file is named by its path inside a language folder (``lang/en/events/
triggers.yaml``) and read by its suffix:

* ``.yaml`` / ``.yml``: the parsed YAML (libyaml's C loader when installed);
* ``.tsv``: a :class:`Table` of rows (``#`` lines are comments; the first other line
  is the header unless the file's schema says it has none);
* ``.txt``: the non-empty lines with ``#`` comments removed;
* ``.json``: the parsed JSON.

Each file is checked against the schema registered for it in :mod:`.schemas`; a
file that does not parse or does not fit raises :class:`ResourceError` naming the
file and the line, so a bad edit to a word list fails at start-up with a pointer,
not later with a ``KeyError`` deep inside a stage.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ChronicaError
from .schemas import Schema, check, schema_for

LANG_ROOT = Path(__file__).resolve().parents[1] / "lang"
DEFAULT_LANG = "en"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ResourceError(ChronicaError):
    """A data file is missing, does not parse, or does not fit its schema."""

    exit_code = 2

    def __init__(self, path: Path | str, problem: str, line: int | None = None):
        self.path, self.problem, self.line = Path(path), problem, line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Table:
    """The rows of a TSV file with their line numbers. ``columns`` is the header (empty
    for a ragged file, whose schema says ``header=False`` and names no columns)."""

    columns: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]

    @property
    def rows(self) -> list[dict[str, str]]:
        """Each row as a dict keyed by the header, short rows padded with ''."""
        n = len(self.columns)
        return [dict(zip(self.columns, c + ("",) * (n - len(c)))) for c in self.cells]

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.cells)


class Resources:
    """Loaded data files for one language, each parsed and validated once."""

    def __init__(self, lang: str = DEFAULT_LANG, root: Path = LANG_ROOT):
        self.lang, self.root = lang, root
        self._cache: dict[str, Any] = {}
        self._lock = threading.Lock()

    def path(self, name: str) -> Path:
        """The file behind ``name`` (``"events/triggers.yaml"``) in this language."""
        return self.root / self.lang / name

    def load(self, name: str) -> Any:
        """The parsed, validated content of ``name``; the same object on every call."""
        try:
            return self._cache[name]
        except KeyError:
            pass
        with self._lock:
            if name not in self._cache:
                self._cache[name] = read_file(self.path(name), schema_for(name))
            return self._cache[name]

    def check_all(self) -> list[str]:
        """Load every data file of the language; the names loaded (for tests and ``doctor``)."""
        base = self.root / self.lang
        names = sorted(str(p.relative_to(base)) for p in base.rglob("*")
                       if p.suffix in _READERS and p.is_file())
        for n in names:
            self.load(n)
        return names


def read_file(path: Path, schema: Schema | None) -> Any:
    reader = _READERS.get(path.suffix)
    if reader is None:
        raise ResourceError(path, f"no reader for {path.suffix!r} files")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(path, "data file is missing (is the package installed whole?)") from None
    except UnicodeDecodeError as exc:
        raise ResourceError(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    value = reader(path, text, schema)
    if schema is not None and path.suffix in (".yaml", ".yml", ".json"):
        problem = check(value, schema.shape)
        if problem is not None:
            where, message = problem
            raise ResourceError(path, message, _yaml_line(text, where) if path.suffix != ".json" else None)
    return value


def _read_yaml(path: Path, text: str, schema: Schema | None) -> Any:
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise ResourceError(path, f"YAML does not parse: {exc.problem}",
                            mark.line + 1 if mark else None) from None


def _read_json(path: Path, text: str, schema: Schema | None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResourceError(path, f"JSON does not parse: {exc.msg}", exc.lineno) from None


def _read_txt(path: Path, text: str, schema: Schema | None) -> list[str]:
    return [s for s in (line.split("#", 1)[0].strip() for line in text.splitlines()) if s]


def _read_tsv(path: Path, text: str, schema: Schema | None) -> Table:
    header: tuple[str, ...] | None = tuple(schema.columns) if schema and not schema.header else None
    cells, lines = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = tuple(c.strip() for c in line.split("\t"))
        if header is None:
            header = row
            missing = [c for c in (schema.columns if schema else ()) if c not in header]
            if missing:
                raise ResourceError(path, f"header lacks column(s) {', '.join(missing)}", number)
            continue
        if header and len(row) > len(header) and any(row[len(header):]):
            raise ResourceError(path, f"{len(row)} cells but the header has {len(header)} columns", number)
        for col in (schema.required if schema else ()):
            i = header.index(col)
            if i >= len(row) or not row[i]:
                raise ResourceError(path, f"column {col!r} is empty", number)
        cells.append(row)
        lines.append(number)
    return Table(header or (), tuple(cells), tuple(lines))


_READERS = {".yaml": _read_yaml, ".yml": _read_yaml, ".json": _read_json,
            ".txt": _read_txt, ".tsv": _read_tsv}


def _yaml_line(text: str, where: tuple) -> int | None:
    """The line of the node at ``where`` (keys and indexes from the root), for errors only."""
    try:
        node = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for step in where:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == str(step)]
            if not match:
                break
            key, node = match[0]
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line
