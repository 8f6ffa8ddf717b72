"""Screenshots of two exports for the README, made from a built knowledge base.

    python scripts/export_screenshots.py --db sqlite:///seeds.db [--out docs]

- docs/timelinejs.png: the `timelinejs` export rendered by TimelineJS 3 (the npm package,
  vendored by scripts/vendor_assets.py) in headless Chromium, loaded from disk.
- docs/gexf-network.png: the `gexf` export read back by networkx and drawn with
  matplotlib (Gephi is a desktop application and is not installed here; the picture says so).
  Needs the `docs` extra (matplotlib).
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import matplotlib
import networkx as nx

from chronica.export import render, view_from_store, write
from chronica.export.viewer import timelinejs_page
from chronica.store import open_store

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the file-only backend)

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "chronica" / "web" / "static" / "vendor"


def timeline_png(view, out: Path, slide: int) -> None:
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "timeline.html"
        page_file.write_text(timelinejs_page(render("timelinejs", view)[0].decode(), VENDOR.as_uri()), "utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 760})
            page.goto(page_file.as_uri())
            page.wait_for_selector(".tl-timemarker", state="attached", timeout=20000)
            page.evaluate(f"window.chronicaTimeline.goTo({slide})")
            page.wait_for_timeout(1500)
            page.screenshot(path=str(out))
            browser.close()


def network_png(view, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (path,) = write("gexf", view, Path(tmp) / "network.gexf")
        graph = nx.read_gexf(path)
    graph.remove_nodes_from([n for n, d in graph.degree() if d == 0])
    pos = nx.spring_layout(graph, seed=3, k=1.2 / max(1, len(graph)) ** 0.5, weight="weight")
    events = [graph.nodes[n].get("events", 0) for n in graph]
    fig, ax = plt.subplots(figsize=(12.8, 8), dpi=100)
    widths = [0.6 + d.get("weight", 1) * 0.6 for _, _, d in graph.edges(data=True)]
    colours = ["#c0392b" if d.get("relation") else "#95a5a6" for _, _, d in graph.edges(data=True)]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color=colours, alpha=0.7)
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=[60 + 40 * e for e in events],
                           node_color=["#2c7fb8" if graph.nodes[n].get("type") == "person" else "#7fcdbb"
                                       for n in graph], linewidths=0.5, edgecolors="white")
    top = sorted(graph, key=lambda n: -graph.degree(n, weight="weight"))[:25]
    nx.draw_networkx_labels(graph, pos, ax=ax, labels={n: graph.nodes[n]["label"] for n in top}, font_size=9)
    ax.set_title("Chronica GEXF export read back by networkx and drawn with matplotlib (not Gephi)\n"
                 "blue: people, green: organisations and groups; node size: events; "
                 "grey edges: shared events, red: stated relations", fontsize=11)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--slide", type=int, default=4, help="TimelineJS slide to show")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    store = open_store(args.db, create=False)
    try:
        view = view_from_store(store)
    finally:
        store.close()
    timeline_png(view, args.out / "timelinejs.png", args.slide)
    network_png(view, args.out / "gexf-network.png")
    print(f"wrote {args.out / 'timelinejs.png'} and {args.out / 'gexf-network.png'}")


if __name__ == "__main__":
    main()
