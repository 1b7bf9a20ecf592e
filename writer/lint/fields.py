"""Published front-matter fields: where their text stands, so rules read it in place.

The title, description and summary in front matter are what readers see first (a page
title, a feed entry, a social card), so every rule applies to them and a finding points
into the front matter. Only the value's characters are unmasked; keys, quotes and YAML
syntax stay masked. Plain, single- and double-quoted scalars on one line and block
scalars (``|``, ``>``) are read; flow collections and anchors are not prose and are left
alone. Which fields count is data: ``published_fields`` in the rules file.
"""

from __future__ import annotations

import re
from typing import NamedTuple

DEFAULT_FIELDS = ("title", "description", "summary")

_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<rest>.*)$", re.MULTILINE)


class FieldSpan(NamedTuple):
    name: str
    start: int  # absolute offsets of the value's text
    end: int


def field_spans(source: str, start: int, end: int, names: tuple[str, ...] | frozenset[str]) -> list[FieldSpan]:
    """Spans of the published fields' values inside the front matter ``source[start:end]``."""
    out: list[FieldSpan] = []
    wanted = set(names)
    for m in _KEY.finditer(source, start, end):
        if m.group("key") not in wanted:
            continue
        rest_start = m.start("rest")
        rest = m.group("rest").rstrip()
        if not rest:
            continue
        if rest[0] in "|>":  # block scalar: the indented lines below
            lines_start = m.end() + 1
            pos = lines_start
            while pos < end:
                nl = source.find("\n", pos, end)
                line_end = end if nl == -1 else nl
                line = source[pos:line_end]
                if line.strip() and not line.startswith((" ", "\t")):
                    break
                pos = line_end + 1
            block_end = min(pos, end)
            if block_end > lines_start:
                out.append(FieldSpan(m.group("key"), lines_start, block_end - 1))
            continue
        if rest[0] in "'\"":
            close = rest.rfind(rest[0])
            if close > 0:
                out.append(FieldSpan(m.group("key"), rest_start + 1, rest_start + close))
            continue
        if rest[0] in "[{&*!":
            continue
        comment = re.search(r"\s#", rest)
        value_end = rest_start + (comment.start() if comment else len(rest))
        out.append(FieldSpan(m.group("key"), rest_start, value_end))
    return out
