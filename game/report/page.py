"""Shared pieces of the self-contained HTML pages: the style sheet and the page frame."""

from __future__ import annotations

import base64
from html import escape

STYLE = """
body { font-family: "Noto Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2733;
       background: #ffffff; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
       line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { border-bottom: 2px solid #d5dde5; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { margin-bottom: 0.3rem; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; }
th, td { border: 1px solid #d5dde5; padding: 0.35rem 0.5rem; vertical-align: top;
         text-align: left; }
th { background: #eef2f6; }
tr.round th { background: #dfe7ef; font-weight: bold; }
tr.round ul.reasons { font-weight: normal; }
td.num { text-align: right; white-space: nowrap; }
.facts { color: #5b6b7b; }
.tier { font-weight: bold; font-size: 1.2rem; }
.nato { color: #1f6fb5; font-weight: bold; }
.russia { color: #c2452d; font-weight: bold; }
ul.reasons { margin: 0.3rem 0 0 1.1rem; padding: 0; color: #3c4a58; font-size: 0.93rem; }
p.quote { margin: 0.3rem 0 0; padding-left: 0.5rem; border-left: 3px solid #c98a1b;
          color: #3c4a58; font-size: 0.93rem; font-style: italic; }
img.chart { max-width: 100%; border: 1px solid #d5dde5; }
.problem { color: #a3321f; }
.notice { border-left: 4px solid #c98a1b; background: #fdf6e7; padding: 0.5rem 0.8rem; }
.result { border: 1px solid #d5dde5; background: #f6f8fa; padding: 0.2rem 0.9rem; margin: 1rem 0; }
.result ul { margin: 0 0 0.6rem 0; }
thead { display: table-header-group; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               tr { page-break-inside: avoid; } }
"""


def png_data_uri(png: bytes) -> str:
    """A data: URI carrying PNG bytes, so the page needs no other file."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def page(title: str, body: list[str]) -> str:
    """A whole HTML document: inline style, no scripts, fonts or links to anything else."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def side_class(side: str) -> str:
    """The CSS class for a side's name."""
    return "nato" if side == "nato" else "russia"
