"""A page that shows a `timelinejs` export with the vendored TimelineJS, opening from disk.

The timeline data is inlined as a script (pages opened from file:// cannot fetch JSON).
"""
from __future__ import annotations

from importlib.resources import files

from jinja2 import Template
from markupsafe import Markup


def timelinejs_page(timeline_json: str, vendor: str, title: str = "Chronica timeline") -> str:
    """HTML for `timeline_json` (a timelinejs export); `vendor` is the URL of the vendor folder."""
    template = Template(files("chronica.export").joinpath("data/timelinejs.html").read_text("utf-8"),
                        autoescape=True)
    inert = timeline_json.strip().replace("</", "<\\/")  # a quoted '</script>' cannot end the script
    return template.render(title=title, vendor=vendor.rstrip("/"), data_js=Markup(inert))

