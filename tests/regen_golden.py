"""Regenerate the golden drafts on purpose: ``python -m tests.regen_golden``.

The golden test never writes; a change to the reference week's draft is made
here, by hand, and reviewed in the diff.
"""

from __future__ import annotations

from tests.conftest import ROOT, d
from writer.data.facts import History
from writer.data.notes import notes_for
from writer.draft import render_week
from writer.resources import sample_week
from writer.setup import load_setup

GOLDEN = ROOT / "tests" / "golden" / "reference-week.md"


def main() -> None:
    setup = load_setup()
    data, notes = sample_week()
    history = History.from_files([data], setup.style, setup.vocabulary)
    draft = render_week(history.week(d("2026-01-26"), notes_for(notes, d("2026-01-26"))), setup)
    GOLDEN.write_text(draft.article.markdown)
    print(f"wrote {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
