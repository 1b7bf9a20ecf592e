"""The body of ``writer lint``, shared by the click command and the fast entry point.

It takes plain values (already checked by whichever parser read the command
line), prints the report and returns the exit code: 0 clean, 1 an error
finding, 2 when a file could not be read as an article (binary, not UTF-8,
over 5 MB): it is reported with its path among the findings and the other
files are still linted. A usage, rules or data problem raises UserError
(exit 2 upstream).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt


def run_lint(
    paths: tuple[str, ...],
    rules: Path | None = None,
    entities: Path | None = None,
    data: tuple[Path, ...] = (),
    week: dt.date | None = None,
    fmt: str = "text",
    min_level: str = "suggestion",
    allow_extra: bool = False,
    language: str | None = None,
) -> int:
    """Each article is read in its language: ``language``, else its front matter's ``lang:``,
    else Chinese when most of its letters are, else the rules file's default."""
    from writer.articlefile import article_language, front_matter_week
    from writer.lint import report
    from writer.lint.api import lint_input
    from writer.lint.files import expand, iter_inputs
    from writer.lint.findings import level_rank
    from writer.setup import load_setup

    setup = load_setup(rules, entities, language=language)
    ruleset, style, vocabulary = setup.ruleset, setup.style, setup.vocabulary
    styles = {style.language: style}
    files = expand(paths)
    history = None
    if data:
        from writer.data.facts import History  # pandas only on this path
        from writer.data.load import Columns

        warn = lambda problem: print(f"warning: {problem}", file=sys.stderr)  # noqa: E731
        history = History.from_files(list(data), style, vocabulary, Columns(allow_extra, warn))
    cache: dict = {}
    results = []
    unreadable = False
    for item in iter_inputs(files):
        unreadable = unreadable or item.text is None
        facts = None
        if history is not None and item.text is not None:
            wk = week or front_matter_week(item.text)
            if wk is None:  # this file cannot be checked against the data; the others still are
                results.append(_no_week(item.path))
                continue
            if wk not in cache:
                cache[wk] = history.week(wk)
            facts = cache[wk]
        own = language or (article_language(item.text) if item.text else None) or style.language
        if own not in styles:
            styles[own] = load_setup(rules, entities, language=own).style
        results.append(lint_input(item, ruleset, styles[own], vocabulary, facts))
    floor = level_rank(min_level)
    for r in results:
        r.findings = [f for f in r.findings if level_rank(f.level) >= floor]
    out = report.view_for(fmt)(results, ruleset, colour=fmt == "text" and sys.stdout.isatty())
    if out:
        print(out, flush=True)
    if fmt == "text":
        counts = report.summary(results)
        if sys.stderr.isatty() or counts["error"] or counts["warning"]:
            print(
                f"{counts['files']} file(s): {counts['error']} error(s), {counts['warning']} warning(s), "
                f"{counts['suggestion']} suggestion(s), {counts['suppressed']} suppressed",
                file=sys.stderr,
                flush=True,
            )
    if "writer.lint.regex_store" in sys.modules:  # the next run loads the patterns this one compiled
        sys.modules["writer.lint.regex_store"].save()
    if unreadable:  # a data error, as for every command (exit 2); the other files were still linted
        return 2
    return 1 if any(f.level == "error" for r in results for f in r.findings) else 0


def _no_week(path: str):
    from writer.lint.engine import Result
    from writer.lint.findings import Finding

    message = "--data needs the article's week: give --week, or 'week: YYYY-MM-DD' in the front matter"
    return Result(path, [Finding(path, 1, 1, "error", "no-week", message)])
