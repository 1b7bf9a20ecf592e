"""Regenerate the golden files (reference draft, review page structure) on purpose: ``python -m tests.regen_golden``.

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
REVIEW = ROOT / "tests" / "golden" / "review-structure.json"


def main() -> None:
    setup = load_setup()
    data, notes = sample_week()
    history = History.from_files([data], setup.style, setup.vocabulary)
    draft = render_week(history.week(d("2026-01-26"), notes_for(notes, d("2026-01-26"))), setup)
    GOLDEN.write_text(draft.article.markdown)
    print(f"wrote {GOLDEN.relative_to(ROOT)}")

    import json

    from click.testing import CliRunner

    from tests.review_html import outline
    from writer.cli import main as cli

    page = CliRunner().invoke(cli, ["review"])
    if page.exit_code != 0:
        raise SystemExit(f"writer review failed: {page.output}")
    REVIEW.write_text(json.dumps(outline(page.output), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {REVIEW.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
