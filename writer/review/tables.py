"""The page's two long tables as escaped HTML: the rows behind each figure and the week's facts.

They are most of a page's cells, and a template reading them pays the
sandbox's check on every attribute of every cell and a Markup per cell: built
here, the page costs some 15% less to render (0.3 ms a page). Every string from
the data or the words goes through ``markupsafe.escape`` (plain f-strings: its
``Markup.format`` parses each format in Python and cost more than the
template); the words come from the language's words template (``page.Words``),
and the page template places the tables (``rows_tables``, ``facts_rows``). The
HTML is the same, byte for byte, as the template wrote it.
"""

from __future__ import annotations

from collections.abc import Sequence

from jinja2.filters import do_truncate
from markupsafe import Markup, escape

from writer.review.model import Provenance


def _head(w, is_range: bool) -> str:
    col = w.col
    names = ["publication", "printed", "bound", "url", "row_status"]
    cells = [col[n] for n in names] + ([w.side_label] if is_range else []) + [col["note"], col["where"]]
    return "<thead><tr>" + "".join(f'<th scope="col">{escape(c)}</th>' for c in cells) + "</tr></thead>\n"


def _link(env, url: str) -> str:
    """A row's URL: a link only for http(s), shortened to 60 characters as the page shows it."""
    if url.startswith(("https://", "http://")):
        return f'<a href="{escape(url)}" rel="noopener noreferrer nofollow">{escape(do_truncate(env, url, 60))}</a>'
    return escape(url)


def rows_table(p: Provenance, w, env, heads: dict[bool, str] | None = None) -> Markup:
    """The table of the publications' rows behind one figure (empty when it has none); ``heads``: the
    header row with and without the side column, when a caller builds many tables."""
    if not p.rows:
        return Markup("")
    is_range = p.figure is not None and p.figure.is_range
    bounds = w.bounds
    out = [
        f'<table>\n<caption class="sr-only">{escape(w.rows_caption)}</caption>\n',
        heads[is_range] if heads else _head(w, is_range),
        "<tbody>\n",
    ]
    for v in p.rows:
        row = v.row
        side = f"<td>{'' if v.side is None else v.side + 1}</td>" if is_range else ""
        out.append(
            f'<tr><td>{escape(row.source)}</td><td class="num">{escape(row.printed)}</td>'
            f"<td>{escape(bounds.get(row.bound, row.bound))}</td>\n"
            f"<td>{_link(env, row.url) if row.url else ''}</td>\n<td>{escape(row.status)}</td>{side}"
            f"<td>{escape(row.note)}</td><td>{escape(row.file.rsplit('/', 1)[-1])}:{row.line}</td></tr>\n"
        )
    out.append("</tbody>\n</table>\n")
    return Markup("".join(out))


def rows_tables(provenances: Sequence[Provenance], w, env) -> dict[str, Markup]:
    """Each panel's rows table, by the provenance's id."""
    heads = {False: _head(w, False), True: _head(w, True)}
    return {p.ident: rows_table(p, w, env, heads) for p in provenances}


def facts_rows(table: Sequence[Provenance], w, usd_range) -> Markup:
    """The body rows of the week's facts table, one per figure."""
    metrics, bounds, status_word = w.metrics, w.bounds, w.status
    out = []
    for p in table:
        fig = p.figure
        status = escape(status_word[p.status])
        if fig.repeated_from:
            status += " · " + escape(w.repeated(fig.repeated_from))
        if fig.is_range:
            sources = "; ".join(escape(w.side(p, n)) for n in range(1, len(fig.sides) + 1))
        else:
            sources = escape(", ".join(fig.sources))
        out.append(
            f'<tr class="status-{escape(p.status)}"><td>{escape(fig.scope)}</td><td>{escape(fig.key)}</td>'
            f'<td>{escape(metrics[fig.metric])}</td><td class="num">{escape(usd_range(fig))}</td>'
            f"<td>{escape(bounds.get(fig.bound, fig.bound))}</td>\n<td>{status}</td>\n<td>{sources}</td></tr>\n"
        )
    return Markup("".join(out))
