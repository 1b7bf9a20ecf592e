"""A progress bar on a terminal (click's), silence otherwise: the summary line says the rest."""

from __future__ import annotations

import sys

import click


class Progress:
    def __init__(self, total: int, stream=sys.stderr) -> None:
        self.failed = 0
        self.bar = None
        if total > 0 and stream.isatty():
            self.bar = click.progressbar(
                length=total,
                label="weeks",
                file=stream,
                show_pos=True,
                show_eta=True,
                item_show_func=lambda _: f"{self.failed} failed" if self.failed else None,
            )
            self.bar.__enter__()

    def step(self, failed: bool = False) -> None:
        self.failed += failed
        if self.bar is not None:
            self.bar.update(1, current_item=self.failed)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
