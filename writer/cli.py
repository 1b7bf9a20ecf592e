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
from writer.errors import UserError

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


def data_options(func):
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


def _history(setup, paths):
    from writer.data.facts import History

    return History.from_files(paths, setup.style, setup.vocabulary)


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
@click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A newsroom's own copy of the templates folder.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write DATE.md and DATE.html here (atomically) instead of Markdown to stdout.",
)
@click.option("--force", is_flag=True, help="Replace a draft even if it was edited by hand.")
@user_errors
def draft(week, data, notes, rules, entities, templates, out, force) -> None:
    """Write the article for one week (default: the sample week, to stdout)."""
    from writer.data.notes import notes_for
    from writer.draft import load_setup, render_week, write_draft

    setup = load_setup(rules, entities, templates)
    paths, notes = _inputs(data, notes)
    history = _history(setup, paths)
    week = _pick_week(history, week)
    result = render_week(history.week(week, notes_for(notes, week)), setup)
    if out is None:
        click.echo(result.article.markdown, nl=False)
        return
    for path in write_draft(result, out, force=force):
        click.echo(f"wrote {path}", err=True)


@main.command()
@data_options
@user_errors
def facts(week, data, notes, rules, entities) -> None:
    """Print the reconciled figures of a week, for an editor to check before writing."""
    from writer.data.notes import notes_for
    from writer.draft import load_setup
    from writer.facts_table import facts_table

    setup = load_setup(rules, entities)
    paths, notes = _inputs(data, notes)
    history = _history(setup, paths)
    week = _pick_week(history, week)
    click.echo(facts_table(history.week(week, notes_for(notes, week)), setup.style))
