"""Copy the web app's third-party front-end files from node_modules into the package.

Run after `npm ci` (pinned by package.json + package-lock.json). The target folder,
src/chronica/web/static/vendor/, is gitignored: the libraries are never committed and
never fetched from a CDN. The world basemap is wrapped as a script so that the static
report works from file:// (where pages cannot fetch JSON).
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ROOT / "node_modules"
VENDOR = ROOT / "src" / "chronica" / "web" / "static" / "vendor"

# (source under node_modules, destination under vendor/)
FILES: tuple[tuple[str, str], ...] = (
    ("leaflet/dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet/LICENSE", "leaflet/LICENSE"),
    ("topojson-client/dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"),
    ("topojson-client/LICENSE", "topojson-client/LICENSE"),
    ("world-atlas/LICENSE", "world-atlas/LICENSE"),
    ("vis-timeline/standalone/umd/vis-timeline-graph2d.min.js", "vis-timeline/vis-timeline-graph2d.min.js"),
    ("vis-timeline/styles/vis-timeline-graph2d.min.css", "vis-timeline/vis-timeline-graph2d.min.css"),
    ("vis-timeline/LICENSE.Apache-2.0.txt", "vis-timeline/LICENSE.Apache-2.0.txt"),
    ("vis-timeline/LICENSE.MIT.txt", "vis-timeline/LICENSE.MIT.txt"),
    ("cytoscape/dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"),
    ("cytoscape/LICENSE", "cytoscape/LICENSE"),
    ("layout-base/layout-base.js", "cytoscape-fcose/layout-base.js"),
    ("cose-base/cose-base.js", "cytoscape-fcose/cose-base.js"),
    ("cytoscape-fcose/cytoscape-fcose.js", "cytoscape-fcose/cytoscape-fcose.js"),
    ("cytoscape-fcose/LICENSE", "cytoscape-fcose/LICENSE"),
    # TimelineJS renders the `timelinejs` export in the static report (and in its browser test)
    ("@knight-lab/timelinejs/dist/js/timeline.js", "timelinejs/js/timeline.js"),
    ("@knight-lab/timelinejs/dist/css/timeline.css", "timelinejs/css/timeline.css"),
    *((f"@knight-lab/timelinejs/dist/css/icons/tl-icons.{ext}", f"timelinejs/css/icons/tl-icons.{ext}")
      for ext in ("eot", "svg", "ttf", "woff", "woff2")),
    ("@knight-lab/timelinejs/LICENSE", "timelinejs/LICENSE"),
    ("cose-base/LICENSE", "cytoscape-fcose/LICENSE.cose-base"),
    ("layout-base/LICENSE", "cytoscape-fcose/LICENSE.layout-base"),
)
WORLD = ("world-atlas/countries-50m.json", "world-atlas/countries-50m.js", "CHRONICA_WORLD")


def copy_file(src: Path, dst: Path) -> None:
    if not src.exists():
        raise FileNotFoundError(f"{src} is missing: run `npm ci` first")
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def wrap_json(src: Path, dst: Path, global_name: str) -> None:
    data = json.loads(src.read_text(encoding="utf-8"))
    dst.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(data, separators=(",", ":"))
    dst.write_text(f"window.{global_name}={body};\n", encoding="utf-8")


def main() -> int:
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for src, dst in FILES:
        copy_file(MODULES / src, VENDOR / dst)
    src, dst, name = WORLD
    wrap_json(MODULES / src, VENDOR / dst, name)
    count = sum(1 for p in VENDOR.rglob("*") if p.is_file())
    print(f"vendored {count} files into {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
