"""Reading speed of each source format: how long turning a file into stored text takes,
before any analysis.

    python bench/ingest.py [--pages 200] [--scans 5]

Makes the files in a temporary folder with the test makers (a text PDF of --pages pages,
a scanned PDF of --scans pages read by OCR, an EPUB, a Word file, WebVTT and SRT
subtitles, a timestamped transcript) and prints one row per format: size, units read
(pages, chapters, cues), seconds, and characters of stored text per second.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from format_makers import make_docx, make_epub, make_pdf, make_scanned_pdf  # noqa: E402

from chronica.ingest import read_source  # noqa: E402

SENTENCE = "In the winter of {y} the mill at Lowell stopped for {n} weeks while the river froze over."


def lines(n: int, seed: int = 0) -> list[str]:
    return [SENTENCE.format(y=1830 + (seed + i) % 60, n=2 + i % 5) for i in range(n)]


def timecode(s: float, sep: str = ".") -> str:
    return f"{int(s // 3600):02d}:{int(s % 3600 // 60):02d}:{int(s % 60):02d}{sep}{int(s * 1000 % 1000):03d}"


def make_files(folder: Path, pages: int, scans: int) -> list[tuple[Path, str, int]]:
    """(file, what it is, units) for every format."""
    cues = 2000
    files = [
        (make_pdf(folder / "book.pdf", [lines(38, p) for p in range(pages)], header="Mill Towns · A History"),
         "PDF, text layer", pages),
        (make_epub(folder / "book.epub", "Mill Towns", [(f"Chapter {c}", lines(40, c)) for c in range(50)]),
         "EPUB", 50),
        (make_docx(folder / "draft.docx", "Mill Towns", [(f"Part {c}", lines(20, c)) for c in range(25)]),
         "Word", 25),
    ]
    vtt = ["WEBVTT", ""] + [f"{timecode(i * 3)} --> {timecode(i * 3 + 3)}\n<v Host>{s}\n" for i, s in
                            enumerate(lines(cues))]
    (folder / "talk.vtt").write_text("\n".join(vtt), encoding="utf-8")
    srt = [f"{i + 1}\n{timecode(i * 3, ',')} --> {timecode(i * 3 + 3, ',')}\nHOST: {s}\n" for i, s in
           enumerate(lines(cues))]
    (folder / "talk.srt").write_text("\n".join(srt), encoding="utf-8")
    tx = [f"[{timecode(i * 3)[:8]}] {'HOST' if i % 2 else 'GUEST'}: {s}" for i, s in enumerate(lines(cues))]
    (folder / "talk.txt").write_text("\n".join(tx), encoding="utf-8")
    files += [(folder / "talk.vtt", "WebVTT", cues), (folder / "talk.srt", "SRT", cues),
              (folder / "talk.txt", "transcript", cues)]
    if scans and shutil.which("tesseract"):
        files.append((make_scanned_pdf(folder / "scan.pdf", [lines(12, p) for p in range(scans)]),
                      "PDF, scanned (OCR)", scans))
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--scans", type=int, default=5)
    args = ap.parse_args()
    table = Table(title="chronica: reading each source format (no analysis)")
    for col in ("format", "file size", "units", "seconds", "per unit", "chars of text", "chars/s"):
        table.add_column(col, justify="left" if col == "format" else "right")
    with tempfile.TemporaryDirectory() as tmp:
        for path, what, units in make_files(Path(tmp), args.pages, args.scans):
            t0 = time.perf_counter()
            src = read_source(path, max_bytes=200 * 1024 * 1024)
            dt = time.perf_counter() - t0
            table.add_row(what, f"{path.stat().st_size:,}", str(units), f"{dt:.2f}", f"{dt / units * 1000:.1f} ms",
                          f"{len(src.text):,}", f"{len(src.text) / dt:,.0f}")
    Console().print(table)


if __name__ == "__main__":
    main()
