"""Finding: one rule broken at one place. Every output format is a view of a list of these."""

from __future__ import annotations

from writer.record import asdict, dataclass  # dataclasses without generated code: fast start-up

LEVELS = ("suggestion", "warning", "error")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    level: str
    rule: str
    message: str
    suggestion: str = ""
    end_line: int = 0
    end_column: int = 0
    excerpt: str = ""

    def as_dict(self) -> dict:
        return asdict(self)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)
