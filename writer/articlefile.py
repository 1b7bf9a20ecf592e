"""An article on disk: its file names and its front matter, read and written here only.

The linter (for the masked front matter and the ``week:``), the draft writer
(to compose and to detect hand edits), the CLI and the backfill all use these,
so the ``{week}.md`` convention and the front-matter format live in one place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from writer.lazyre import LazyPattern

if TYPE_CHECKING:
    import datetime as dt

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def article_name(week: dt.date | str) -> str:
    """ "2026-01-26.md": the Markdown article of a week."""
    import datetime as dt  # here: linting never needs it, and it is a large module

    return f"{week.isoformat() if isinstance(week, dt.date) else week}.md"


def page_name(week: dt.date | str) -> str:
    """ "2026-01-26.html": the HTML page of a week."""
    return article_name(week)[: -len(".md")] + ".html"


def review_name(week: dt.date | str) -> str:
    """ "2026-01-26.review.html": the review page of a week (``writer backfill --review``)."""
    return article_name(week)[: -len(".md")] + ".review.html"


def compose(meta: dict[str, Any], body: str) -> str:
    """Front matter and body as the writer writes them (a blank line between)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    front = yaml.dump(meta, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{body}"


def generated(text: str) -> bool:
    """Is this exactly an article as the writer wrote it? Its body matches its ``body_hash`` and
    its front matter is what the writer dumps for the values it holds: an edit to either is a
    person's edit."""
    from writer.fsutil import sha

    recorded, body = written_body(text)
    if recorded is None or body is None or sha(body) != recorded:
        return False
    meta = read_meta(text)
    return bool(meta) and compose(meta, body) == text


def split(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, offset of the body) of an article."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    return match.group(1) or "", text[match.end() :], match.end()


def read_meta(text: str) -> dict[str, Any]:
    """The front matter as a mapping ({} when there is none or it is not YAML)."""
    front, _, _ = split(text.replace("\r\n", "\n"))
    if front is None:
        return {}
    from writer.errors import UserError
    from writer.yamlsafe import load_yaml  # only articles with front matter pay for yaml

    try:
        meta = load_yaml(front, "front matter") or {}  # no aliases, no impossible dates
    except UserError:
        return {}
    return meta if isinstance(meta, dict) else {}


def front_matter_week(text: str) -> dt.date | None:
    """The ``week:`` of an article's front matter, if it has one."""
    import datetime as dt

    week = read_meta(text).get("week")
    if isinstance(week, dt.date):
        return week
    try:
        return dt.date.fromisoformat(str(week)) if week else None
    except ValueError:
        return None


def written_body(text: str) -> tuple[str | None, str | None]:
    """(body_hash recorded in the front matter, body) of a generated article; Nones if it is not one."""
    front, body, _ = split(text)
    if front is None or not body.startswith("\n"):
        return None, None
    match = re.search(r"^body_hash: (\w+)$", front, re.MULTILINE)
    return (match.group(1) if match else None), body[1:]


_LANG_LINE = re.compile(r"^lang:[ \t]*['\"]?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)
_HAN = LazyPattern(r"[\u3400-\u9fff]")  # wide classes: slow to compile, so only when used
_LETTER = LazyPattern(r"[A-Za-z\u3400-\u9fff]")


def article_language(text: str) -> str | None:
    """The language an article is read in: its front matter's ``lang:`` ("zh", "zh-CN" -> "zh"),
    else ``zh`` when most of its letters are Chinese characters, else None (the default)."""
    front = split(text.replace("\r\n", "\n"))[0] if text.startswith("---") else None
    said = _LANG_LINE.search(front) if front else None  # one plain line: linting need not import yaml
    if said:
        return said.group(1).split("-")[0].lower()
    sample = text[:20000]
    if not sample or max(sample) < "\u3400":  # no Chinese character at all
        return None
    letters = len(_LETTER.findall(sample))
    return "zh" if letters and len(_HAN.findall(sample)) * 2 > letters else None
