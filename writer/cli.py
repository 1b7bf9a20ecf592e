"""The ``writer`` command. Thin: parse options, call the library, report.

A UserError becomes its lines on stderr and exit code 2, never a traceback.
pandas is imported only by the commands that read data.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from pathlib import Path

import click

from writer import __version__
from writer.errors import Problem, UserError
from writer.lint.findings import LEVELS
from writer.lint.report import FORMATS

EXIT_USAGE = 2


def user_errors(func):
    """Turn UserError into clean stderr lines and exit 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except UserError as err:
            for problem in err.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(EXIT_USAGE)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except OSError as exc:  # a read-only folder, a full disk, --out under a file: one line, the path
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"error: {where}{exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)

    return wrapper


class WeekType(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date (expected YYYY-MM-DD)", param, ctx)


WEEK = WeekType()
existing = click.Path(exists=True, dir_okay=False, path_type=Path)
templates_option = click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A newsroom's own copy of the templates folder.",
)


def lang_option(func):
    return click.option(
        "--lang",
        "language",
        metavar="CODE",
        help="Language to write in: a house_style block of the rules file (en, zh). Default: the rules file's.",
    )(func)


def _extra_columns_option(func):
    return click.option(
        "--allow-extra-columns",
        "allow_extra",
        is_flag=True,
        help="Ignore data columns outside the input contract, with a warning (default: an error).",
    )(func)


def _columns(allow_extra: bool):
    """The loader's column policy; an ignored column is a warning line on stderr."""
    from writer.data.load import Columns

    return Columns(allow_extra, lambda problem: click.echo(f"warning: {problem}", err=True))


def data_options(func):
    func = _extra_columns_option(func)
    func = click.option("--entities", type=existing, help="Key vocabulary (default: the shipped entities.yaml).")(func)
    func = click.option("--rules", type=existing, help="Rules file (default: the shipped editorial.yaml).")(func)
    func = click.option(
        "--notes",
        type=click.Path(exists=True, path_type=Path),
        help="Week notes: a YAML file, or a folder of YYYY-MM-DD.yaml.",
    )(func)
    func = click.option(
        "--data",
        "data",
        multiple=True,
        type=existing,
        help="Data file (CSV, JSON, Parquet); repeat for several. Default: the sample week.",
    )(func)
    func = click.option("--week", type=WEEK, help="Report week (default: the latest week in the data).")(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="writer")
def main() -> None:
    """Write and check weekly crypto fund-flow articles that say no more than their data."""


def _inputs(data: tuple[Path, ...], notes: Path | None) -> tuple[list[Path], Path | None]:
    if data:
        return list(data), notes
    from writer.resources import sample_week

    sample, sample_notes = sample_week()
    return [sample], notes or sample_notes


def _history(setup, paths, allow_extra: bool = False):
    from writer.data.facts import History

    return History.from_files(paths, setup.style, setup.vocabulary, _columns(allow_extra))


def _pick_week(history, week: dt.date | None) -> dt.date:
    if week is not None:
        history.require_week(week)
        return week
    with_total = [pd_week.date() for pd_week in history.totals.index]
    if not history.weeks:
        raise UserError("the data holds no weeks")
    return max(with_total) if with_total else max(history.weeks)


@main.command()
@data_options
@templates_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write DATE.md and DATE.html here (atomically) instead of Markdown to stdout.",
)
@click.option("--force", is_flag=True, help="Replace a draft even if it was edited by hand.")
@lang_option
@user_errors
def draft(week, data, notes, rules, entities, templates, out, force, allow_extra, language) -> None:
    """Write the article for one week (default: the sample week, to stdout)."""
    from writer.data.notes import notes_for
    from writer.draft import render_week, write_draft
    from writer.setup import load_setup

    setup = load_setup(rules, entities, templates, language=language)
    paths, notes = _inputs(data, notes)
    history = _history(setup, paths, allow_extra)
    week = _pick_week(history, week)
    from writer.claims import NothingToPublish

    try:
        result = render_week(history.week(week, notes_for(notes, week)), setup)
    except NothingToPublish as nothing:
        click.echo(f"writer draft: {nothing.problems[0]}", err=True)
        return
    if result.has_errors:
        from writer.lint.report import text as text_report

        click.echo(text_report([_as_result(result)], colour=False), err=True)
        click.echo(f"error: the draft for {week} breaks the house rules; nothing written", err=True)
        sys.exit(1)
    if out is None:
        click.echo(result.article.markdown, nl=False)
        return
    for path in write_draft(result, out, force=force):
        click.echo(f"wrote {path}", err=True)


@main.command()
@data_options
@lang_option
@user_errors
def facts(week, data, notes, rules, entities, allow_extra, language) -> None:
    """Print the reconciled figures of a week, for an editor to check before writing."""
    from writer.data.notes import notes_for
    from writer.facts_table import facts_table
    from writer.setup import load_setup

    setup = load_setup(rules, entities, language=language)
    paths, notes = _inputs(data, notes)
    history = _history(setup, paths, allow_extra)
    week = _pick_week(history, week)
    click.echo(facts_table(history.week(week, notes_for(notes, week)), setup.style))


@main.command()
@data_options
@templates_option
@click.option("--article", type=existing, help="Review this article (edited, or written by a person), not the draft.")
@click.option(
    "--lang",
    default="en",
    show_default=True,
    help="Language of the draft (its house style and templates) and of the page's own words (en, zh).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the page here (atomically).")
@user_errors
def review(week, data, notes, rules, entities, templates, article, lang, out, allow_extra) -> None:
    """One HTML page to check a week's article: figures traced to their rows, findings in place, charts."""
    from writer.articlefile import article_name
    from writer.data.facts import History
    from writer.data.load import load_frame
    from writer.data.notes import notes_for
    from writer.draft import render_week
    from writer.review.build import Reviewer
    from writer.setup import load_setup

    setup = load_setup(rules, entities, templates, language=lang)
    paths, notes = _inputs(data, notes)
    frame = load_frame(paths, setup.vocabulary, _columns(allow_extra))
    history = History(frame, setup.style)
    if article is not None:
        from writer.articlefile import front_matter_week
        from writer.lint.api import lint_input
        from writer.lint.files import iter_inputs

        item = next(iter(iter_inputs([str(article)])))
        if item.text is None:
            raise UserError(f"{article}: {item.problem}")
        week = week or front_matter_week(item.text)
        if week is None:
            raise UserError(f"{article}: the article needs a week: give --week, or 'week:' in the front matter")
        history.require_week(week)
        facts = history.week(week, notes_for(notes, week))
        source, path = item.text, str(article)
        findings = lint_input(item, setup.ruleset, setup.style, setup.vocabulary, facts).findings
        mentions = None  # read again below, in the source as the page shows it
    else:
        week = _pick_week(history, week)
        facts = history.week(week, notes_for(notes, week))
        draft = render_week(facts, setup)
        source, path, findings = draft.article.markdown, article_name(week), list(draft.findings)
        mentions = draft.mentions
    reviewer = Reviewer.for_history(history, frame, templates, lang)
    page = reviewer.page(source, facts, findings, setup, path, mentions)
    if out is None:
        click.echo(page, nl=False)
        return
    from writer.fsutil import atomic_write

    atomic_write(out, page)
    click.echo(f"wrote {out}", err=True)


def _as_result(draft):
    from writer.articlefile import article_name
    from writer.lint.engine import Result

    return Result(article_name(draft.week), list(draft.findings))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--rules", type=existing, help="Rules file (default: the shipped editorial.yaml).")
@click.option("--entities", type=existing, help="Key vocabulary (default: the shipped entities.yaml).")
@click.option("--data", "data", multiple=True, type=existing, help="The week's data, for the figure rules.")
@click.option("--week", type=WEEK, help="Report week (default: each article's front matter 'week').")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True)
@click.option(
    "--min-level",
    type=click.Choice(list(LEVELS)),
    default="suggestion",
    show_default=True,
    help="Hide findings below this level.",
)
@_extra_columns_option
@lang_option
@user_errors
def lint(paths, rules, entities, data, week, fmt, min_level, allow_extra, language) -> None:
    """Check articles (files, folders, '-' for stdin) against the house rules.

    Each article is read in its language: --lang, else its front matter's
    'lang:', else Chinese when most of its letters are Chinese, else the rules
    file's default. Exit 0 when no finding is an error, 1 when one is, 2 for
    usage, rules or data errors.
    """
    from writer.lint.run import run_lint

    sys.exit(run_lint(paths, rules, entities, data, week, fmt, min_level, allow_extra, language))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--week", type=WEEK, required=True, help="The report week the rows belong to.")
@click.option("--source", help="Who reported the figures (default: front matter 'source:', else the file name).")
@click.option("--url", help="Where (default: front matter 'url:').")
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    help="Language of the articles (default: front matter 'lang:', else detected).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the CSV here (atomically).")
@click.option(
    "--append",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Add the rows to this history CSV, dropping exact duplicates (atomically).",
)
@click.option("--rules", type=existing, help="Rules file (default: the shipped editorial.yaml).")
@click.option("--entities", type=existing, help="Key vocabulary (default: the shipped entities.yaml).")
@user_errors
def extract(paths, week, source, url, lang, out, append, rules, entities) -> None:
    """Read the week's fund-flow figures out of articles (Markdown, text or HTML; '-' for stdin) as CSV rows.

    Figures whose entity, direction, metric or week is unclear are listed on stderr, not written.
    Exit 0 when rows were written (or the input states no figure), 1 when it states figures but
    none could be read safely, 2 for usage errors and unreadable input.
    """
    from writer import extract as ex
    from writer.setup import load_setup

    if paths.count("-") > 1:
        raise UserError("'-' (stdin) can be given once")
    articles = [ex.read_article(p, sys.stdin.buffer.read() if p == "-" else None) for p in paths]
    rows, had_figures = [], False
    setups: dict[str, object] = {}
    for article in articles:
        language = lang or article.meta.get("lang") or ex.language_of(article.text)
        if language not in ("en", "zh"):
            raise UserError(Problem(f"front matter lang: {language!r}", path=article.path, expected="en or zh"))
        setup = setups.get(language) or setups.setdefault(language, load_setup(rules, entities, language=language))
        if not article.text.strip():
            click.echo(f"{article.path}: note: no text to read (an empty file, or a page with no article)", err=True)
            continue
        found = ex.extract(article, week, setup.style, setup.vocabulary, source, url)
        if not found.had_figures:
            click.echo(f"{article.path}: note: no fund-flow figure found", err=True)
        had_figures = had_figures or found.had_figures
        for skipped in found.skipped:
            click.echo(str(skipped), err=True)
        for name, where in found.unknown.items():
            click.echo(f"{where}: warning: {name!r} is not in the vocabulary; kept as written", err=True)
        rows.extend(found.rows)
    text = ex.to_csv(rows)
    if out:
        from writer.fsutil import atomic_write

        atomic_write(out, text)
    elif not append:
        click.echo(text, nl=False)
    if append:
        added = ex.append_history(append, rows)
        click.echo(f"{append}: {added} row(s) added, {len(rows) - added} already there", err=True)
    sys.exit(1 if had_figures and not rows else 0)


@main.group()
def rules() -> None:
    """List the house rules or run their examples."""


def _ruleset(rules_path, entities, examples: bool):
    from writer.setup import load_setup

    setup = load_setup(rules_path, entities, examples=examples)
    return setup.ruleset, setup.style, setup.vocabulary


@rules.command("list")
@click.option("--rules", "rules_path", type=existing)
@click.option("--entities", type=existing, help="Key vocabulary (default: the shipped entities.yaml).")
@user_errors
def rules_list(rules_path, entities) -> None:
    """One line per rule: id, level, kind, message."""
    ruleset, _, _ = _ruleset(rules_path, entities, examples=False)
    width = max(len(r.id) for r in ruleset.rules)
    for r in ruleset.rules:
        click.echo(f"{r.id.ljust(width)}  {r.level:<10}  {r.kind:<17}  {r.message}")


@rules.command("test")
@click.option("--rules", "rules_path", type=existing)
@click.option("--entities", type=existing, help="Key vocabulary (default: the shipped entities.yaml).")
@user_errors
def rules_test(rules_path, entities) -> None:
    """Run every rule's examples and print a table; exit 1 if any misbehaves."""
    from writer.lint.engine import example_runner
    from writer.resources import default_rules
    from writer.rulesfile import house_style, load_rules_document

    ruleset, style, vocabulary = _ruleset(rules_path, entities, examples=False)
    doc = load_rules_document(rules_path or default_rules())
    run = example_runner(style, vocabulary, lambda language: house_style(doc, language))
    width = max(len(r.id) for r in ruleset.rules)
    bad = 0
    click.echo(f"{'rule'.ljust(width)}  fail  pass  result")
    for r in ruleset.rules:
        failures = run(r)
        bad += bool(failures)
        click.echo(
            f"{r.id.ljust(width)}  {len(r.examples.get('fail', [])):>4}  {len(r.examples.get('pass', [])):>4}  "
            f"{'ok' if not failures else 'FAILED'}"
        )
        for failure in failures:
            click.echo(f"    {failure}")
    sys.exit(1 if bad else 0)


@rules.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of the rules file (for editor completion and checking)."""
    from writer.lint.schema import schema_text

    click.echo(schema_text(), nl=False)


@main.command()
@click.option("--data", "data", multiple=True, type=existing, required=True, help="Data files (the history).")
@click.option(
    "--notes",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of week notes named YYYY-MM-DD.yaml.",
)
@click.option("--from", "start", type=WEEK, help="First week to write.")
@click.option("--to", "end", type=WEEK, help="Last week to write.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Output folder.")
@click.option("--jobs", type=click.IntRange(min=1), help="Worker processes (default: the number of cores).")
@click.option("--force", is_flag=True, help="Re-render everything and replace drafts edited by hand.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary on stdout.")
@_extra_columns_option
@click.option("--review", is_flag=True, help="Also write DATE.review.html (see writer review), linked from the index.")
@click.option("--rules", type=existing, help="Rules file (default: the shipped editorial.yaml).")
@click.option("--entities", type=existing, help="Key vocabulary (default: the shipped entities.yaml).")
@templates_option
@lang_option
@user_errors
def backfill(
    data, notes, start, end, out, jobs, force, as_json, allow_extra, review, rules, entities, templates, language
) -> None:
    """Write the article of every week in the data, skipping what is up to date.

    Weeks edited by hand are kept (and listed) unless --force. Exit 1 when a
    week failed, 2 for usage, rules or data-file errors.
    """
    import json
    from dataclasses import asdict

    from writer.backfill import BackfillOptions
    from writer.backfill import backfill as run_backfill

    if start and end and start > end:
        raise UserError(f"--from {start} is after --to {end}")
    options = BackfillOptions(
        notes=notes,
        start=start,
        end=end,
        jobs=jobs,
        force=force,
        rules=rules,
        entities=entities,
        templates=templates,
        columns=_columns(allow_extra),
        review=review,
        language=language,
    )
    summary = run_backfill(list(data), out, options)
    if as_json:
        click.echo(json.dumps({**asdict(summary), "exit_code": summary.exit_code}, indent=2))
    else:
        click.echo(summary.line(), err=True)
        for week in summary.edited:
            click.echo(f"kept {out / (week + '.md')}: edited by hand (use --force to replace it)", err=True)
        for week, why in summary.failed.items():
            click.echo(f"failed {week}: {why}", err=True)
        for problem in summary.problems:
            click.echo(f"error: {problem}", err=True)
    sys.exit(summary.exit_code)
