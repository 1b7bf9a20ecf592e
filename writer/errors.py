"""The one exception meant for a person: what went wrong, where, and what was expected."""

from __future__ import annotations

from writer.record import dataclass  # dataclasses without generated code: fast start-up


@dataclass(frozen=True)
class Problem:
    """One located problem: ``path:line:column: message (expected ...)``."""

    message: str
    path: str | None = None
    line: int | None = None
    column: str | int | None = None
    expected: str | None = None

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.path, self.line, self.column) if p not in (None, ""))
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} (expected {self.expected})" if self.expected else text


class UserError(Exception):
    """Bad input, usage or configuration. The CLI prints it and exits 2, no traceback.

    Carries every problem found, not only the first, so a person fixes a file
    in one round trip.
    """

    def __init__(self, *problems: Problem | str) -> None:
        self.problems = [p if isinstance(p, Problem) else Problem(p) for p in problems]
        super().__init__("\n".join(str(p) for p in self.problems))


def yaml_problem(exc: Exception, path: str) -> Problem:
    """A YAML error as one located line ("not valid YAML: ...") instead of PyYAML's multi-line text."""
    mark = getattr(exc, "problem_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return Problem(
        f"not valid YAML: {what}",
        path=path,
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
    )
