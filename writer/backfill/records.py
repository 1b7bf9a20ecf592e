"""What a backfill remembers per week (the manifest's lines) and what it reports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class WeekRecord:
    """One week's line in the manifest."""

    status: str  # written, skipped, edited, rejected, failed (pending only while a run is under way)
    facts_hash: str = ""
    setup_hash: str = ""
    input_hash: str = ""
    outputs: dict[str, str] = field(default_factory=dict)  # file name -> content hash
    findings: dict[str, int] = field(default_factory=dict)
    title: str = ""
    total: str = ""
    message: str = ""


@dataclass
class Summary:
    weeks: int = 0
    written: int = 0
    skipped: int = 0
    edited: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)  # weeks no longer in the data, their files deleted
    problems: list[str] = field(default_factory=list)  # rows no week could own
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.problems else 0

    def line(self) -> str:
        removed = f", {len(self.removed)} removed" if self.removed else ""
        return (
            f"backfill: {self.weeks} weeks, {self.written} written, {self.skipped} unchanged, "
            f"{len(self.edited)} edited by hand (kept), {len(self.failed)} failed{removed}, in {self.seconds:.1f}s"
        )

    def fail(self, week: str, record: WeekRecord, message: str, status: str = "failed") -> None:
        record.status, record.message = status, message
        self.failed[week] = message if status == "failed" else "breaks the house rules: " + message
