"""The export contract itself (``chronica-export/1``) as a registered format."""
from __future__ import annotations

import json

from .registry import exporter, text_stream
from .view import ExportView


@exporter("json", "the export contract (chronica-export/1), every fact with its evidence",
          "application/json", "chronica-export.json")
def write_json(view: ExportView, sink) -> None:
    with text_stream(sink, "chronica-export.json") as out:
        json.dump(view.data, out, ensure_ascii=False, indent=2)
        out.write("\n")
