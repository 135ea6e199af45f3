"""Small HTML builders: every text goes through ``esc``, every element through ``el`` or ``void``.

A builder takes text (escaped here) or markup (already built by these functions); the names say which:
``text`` arguments are escaped, ``content`` arguments are not. Attribute values are always escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

Attr = str | int | bool | None

BLOCKS = frozenset(
    {
        *("html", "head", "body", "header", "main", "footer", "nav", "section", "article", "div", "figure"),
        *("p", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("table", "caption", "thead", "tbody", "tr", "th", "td", "style", "title", "meta", "svg"),
    }
)
"""Elements followed by a line break in the source, so the file reads (and diffs) line by line; the break is
whitespace between blocks, which changes nothing on the page."""


def esc(text: str) -> str:
    """Text made safe for element content and attribute values."""
    return html.escape(text, quote=True)


def attrs(values: dict[str, Attr]) -> str:
    """`` name="value"`` pairs in the given order; True is a bare attribute, None and False are left out."""
    out = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{esc(str(value))}"')
    return "".join(out)


def el(tag: str, content: str = "", **values: Attr) -> str:
    """An element around ``content`` (markup). Attribute names: ``class_`` → class, ``aria_label`` → aria-label."""
    return f"<{tag}{attrs(_names(values))}>{content}</{tag}>" + ("\n" if tag in BLOCKS else "")


def void(tag: str, **values: Attr) -> str:
    """A void element (``<input>``, ``<meta>``, ``<img>``)."""
    return f"<{tag}{attrs(_names(values))}>" + ("\n" if tag in BLOCKS else "")


def _names(values: dict[str, Attr]) -> dict[str, Attr]:
    return {name.rstrip("_").replace("_", "-"): value for name, value in values.items()}


def para(text: str, *, lead: str | None = None, class_: str | None = None) -> str:
    """A paragraph of text, optionally with a bold lead-in (``<strong>Works:</strong> …``)."""
    body = esc(text) if lead is None else f"{el('strong', esc(lead))} {esc(text)}"
    return el("p", body, class_=class_)


def text_list(texts: Iterable[str], *, ordered: bool = False, class_: str | None = None) -> str:
    """A bulleted (or numbered) list of texts; nothing for no texts."""
    rows = "".join(el("li", esc(t)) for t in texts)
    return el("ol" if ordered else "ul", rows, class_=class_) if rows else ""


def heading(level: int, text: str, id_: str | None = None, *, class_: str | None = None) -> str:
    """``<h2 id=…>text</h2>``."""
    assert 1 <= level <= 6, level
    return el(f"h{level}", esc(text), id=id_, class_=class_)


class Ids:
    """Unique element ids for one document: ``new("card")`` gives ``card-1``, ``card-2`` … in order."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def new(self, prefix: str) -> str:
        """The next id with this prefix."""
        n = self._counts.get(prefix, 0) + 1
        self._counts[prefix] = n
        return f"{prefix}-{n}"


def table(caption: str, headers: list[str], rows: list[str], ids: Ids, *, class_: str | None = None) -> str:
    """A captioned table with column headers, in a region that scrolls sideways when the page is narrow.

    ``rows`` are ``<tr>`` markup, each starting with its row header (``<th scope="row">``).
    """
    caption_id = ids.new("table")
    head = el("thead", el("tr", "".join(el("th", esc(h), scope="col") for h in headers)))
    body = el("table", el("caption", esc(caption), id=caption_id) + head + el("tbody", "".join(rows)), class_=class_)
    return el("div", body, class_="table-scroll", role="region", aria_labelledby=caption_id, tabindex=0)
