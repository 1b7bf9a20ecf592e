"""The ``writer`` executable: ``writer lint`` without loading click, the rest through click.

Linting runs in CI and pre-commit hooks on every push, so its start-up is the
latency users feel most; click alone costs more than linting an article. This
reads the ``lint`` command line by hand when it is simple and valid. Anything
else (help, a mistake, an unknown option) goes to the click command, which
owns every message and option definition, so both paths behave the same.
"""

from __future__ import annotations

import os
import sys

_FILE_OPTIONS = {"--rules": "rules", "--entities": "entities"}


def parse_lint_args(args: list[str]) -> dict | None:
    """Options of ``writer lint`` as keyword arguments of ``run_lint``; None if click must decide."""
    opts: dict = {"paths": [], "data": []}
    i = 0
    only_paths = False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_paths or arg == "-" or not arg.startswith("-"):
            opts["paths"].append(arg)
            continue
        if arg == "--":
            only_paths = True
            continue
        name, eq, value = arg.partition("=")
        if name not in ("--rules", "--entities", "--data", "--week", "--format", "--min-level", "--lang"):
            return None  # -h, --help, a typo: click explains
        if not eq:
            if i >= len(args):
                return None
            value = args[i]
            i += 1
        if name in _FILE_OPTIONS or name == "--data":
            if not (os.path.isfile(value) and os.access(value, os.R_OK)):
                return None
            from pathlib import Path

            if name == "--data":
                opts["data"].append(Path(value))
            else:
                opts[_FILE_OPTIONS[name]] = Path(value)
        elif name == "--lang":
            opts["language"] = value  # an unknown language is the house style loader's one-line error
        elif name == "--week":
            import datetime as dt

            try:
                opts["week"] = dt.date.fromisoformat(value)
            except ValueError:
                return None
        elif name == "--format":
            from writer.lint.report import formats

            if value != "text" and value not in formats():
                return None
            opts["fmt"] = value
        elif value in _levels():
            opts["min_level"] = value
        else:
            return None
    if not opts["paths"]:
        return None
    opts["paths"] = tuple(opts["paths"])
    opts["data"] = tuple(opts["data"])
    return opts


def _levels() -> tuple[str, ...]:
    from writer.lint.findings import LEVELS

    return LEVELS


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["lint"]:
        opts = parse_lint_args(args[1:])
        if opts is not None:
            sys.exit(_lint(opts))
    from writer.cli import main as click_main

    click_main()


def _lint(opts: dict) -> int:
    from writer.errors import UserError
    from writer.lint.run import run_lint

    try:
        return run_lint(**opts)
    except UserError as err:
        for problem in err.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `writer lint ... | head`: stop quietly, as click does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
