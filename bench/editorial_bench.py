"""Editorial quality of the drafts of the shared history, counted (issue 10, section 4).

    python bench/editorial_bench.py [--before REV]

Drafts every week of samples/history (with samples/notes) through `writer backfill`
and counts: headlines over 90 characters or with a parenthesis, headlines and leads
that do not name the total, drafts naming the report's publisher, printed claims the
claims step marks not established, the largest share of drafts one sentence outside
the risk notice appears in, the share of words in sentences repeated in 10 or more
drafts, and false derived claims found by an independent check of the prose against
the rows (shares with parts against the total, "largest ... since" not established,
runs counted from a gap, size words, leaders that ran the other way or stood alone).
With --before REV the same counts are made for the drafts of that git revision
(checked out to a temporary worktree), so the two columns compare like with like.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from writer.claims import NOT_ESTABLISHED, build_claims  # noqa: E402
from writer.data.facts import History  # noqa: E402
from writer.setup import load_setup  # noqa: E402

HISTORY = ROOT / "samples" / "history" / "reported-flows.csv"
# CPU to render and lint one week (median of 3 passes over the real history, in one process)
RENDER_COST = """
import statistics, sys, time
from pathlib import Path
try:
    from writer.setup import load_setup
except ImportError:
    from writer.draft import load_setup
from writer.data.facts import History
from writer.draft import render_week
s = load_setup()
h = History.from_files([Path(sys.argv[1])], s.style, s.vocabulary)
facts = [h.week(w) for w in h.weeks]
runs = []
for _ in range(3):
    t = time.process_time()
    for f in facts:
        render_week(f, s)
    runs.append((time.process_time() - t) / len(facts) * 1000)
print(f"{statistics.median(runs):.1f}")
"""
NOTES = ROOT / "samples" / "notes"
SENT = re.compile(r"(?<=[.!?])\s+")
SHARE = re.compile(r"more than (?:half|a third|two thirds|three quarters)")


def backfill(code: Path, out: Path) -> dict[str, str]:
    cmd = [
        sys.executable,
        "-m",
        "writer",
        "backfill",
        "--data",
        str(HISTORY),
        "--notes",
        str(NOTES),
        "--out",
        str(out),
        "--jobs",
        "1",
    ]
    subprocess.run(cmd, cwd=code, env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin"}, capture_output=True)
    return {p.stem: p.read_text().split("\n---\n\n", 1)[-1] for p in sorted(out.glob("20*.md"))}


def render_cost(code: Path) -> str:
    cmd = [sys.executable, "-c", RENDER_COST, str(HISTORY)]
    env = {"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(cmd, cwd=code, env=env, capture_output=True, text=True).stdout.strip()
    return f"{out} ms" if out else "n/a"


def false_claims(body: str, facts, claims) -> list[str]:
    """Derived claims in the prose that the rows do not support (independent of the templates)."""
    found = []
    total = facts.total.point if facts.total else 0
    parts_against = [a for a in facts.assets if total and (a.point > 0) != (total > 0)]
    against_keys = {f.key for f in facts.contrarians}
    sup = next((x for x in claims.claims if x.kind == "superlative"), None)
    for s in SENT.split(body.split("## Risk notice")[0]):
        if SHARE.search(s) and parts_against:
            found.append("share with parts against the total")
        if (
            re.search(r"\blargest\b[^.\"]*\bsince\b", s)
            and '"' not in s
            and (sup is None or sup.status == NOT_ESTABLISHED)
        ):
            found.append("superlative not established")
        if re.search(r"\b(?:second|third|fourth|fifth|sixth|\d+th) (?:consecutive|straight) week", s):
            st = facts.streak
            if st is None or st.open:
                found.append("run counted from a gap")
        if re.search(r"\bamounts are small\b", s):
            found.append("size word")
        m = re.search(r"^## (.+?) leads? the", s) or re.search(
            r"(\w[\w ]*?) (?:posted|recorded)[^.]*the largest country figure", s
        )
        if m:
            names = {k for k in against_keys if k in m.group(1)}
            if names:
                found.append("leader that ran the other way")
        lone = re.search(r"^## (.+?) leads the (in|out)flows", s)
        if lone:
            along = [a for a in facts.assets if total and (a.point > 0) == (total > 0)]
            if len(along) < 2:
                found.append("leader standing alone")
        if "largest country figure" in s and "while" in s:
            m2 = re.search(r"\*\*Countries:\*\* (.+?) posted the largest country figure, while (.+?) moved", s)
            if m2 and m2.group(1).replace("The ", "").strip() in m2.group(2):
                found.append("leader that ran the other way")
    return found


def measure(drafts: dict[str, str], history: History, style) -> dict[str, object]:
    heads, bad_heads, no_total, publisher, false_found, printed_not = [], 0, 0, 0, Counter(), 0
    sentence_drafts: Counter[str] = Counter()
    words_total = 0
    per_draft_sentences = []
    for week, body in drafts.items():
        facts = history.week(__import__("datetime").date.fromisoformat(week))
        claims = build_claims(facts, style)
        lines = body.splitlines()
        head = lines[0][2:]
        heads.append(len(head))
        bad_heads += len(head) > 90 or "(" in head
        lead = next((p for p in body.split("\n\n")[1:] if not p.startswith("#")), "")
        if facts.total is not None:
            amount = facts.total.amount_text(style)
            bare = amount.split("$", 1)[-1].split()[0]
            no_total += bare not in head or bare not in lead
        publisher += "CoinShares" in body
        for kind in false_claims(body, facts, claims):
            false_found[kind] += 1
        text = body.split("## Risk notice")[0]
        sents = {s.strip() for s in SENT.split(text) if s.strip() and not s.startswith("#") and len(s.split()) > 3}
        per_draft_sentences.append(sents)
        sentence_drafts.update(sents)
        ours = [s for s in SENT.split(text) if '"' not in s and re.search(r"\blargest\b[^.]*\bsince\b", s)]
        printed_not += bool(ours) and any(x.status == NOT_ESTABLISHED for x in claims.claims if x.kind == "superlative")
    for sents in per_draft_sentences:
        words_total += sum(len(s.split()) for s in sents)
    repeated_words = sum(len(s.split()) for sents in per_draft_sentences for s in sents if sentence_drafts[s] >= 10)
    top = sentence_drafts.most_common(1)[0] if sentence_drafts else ("", 0)
    return {
        "drafts": len(drafts),
        "false derived claims": sum(false_found.values()),
        "  by kind": dict(false_found),
        "headline chars (max / median)": f"{max(heads)} / {sorted(heads)[len(heads) // 2]}",
        "headlines over 90 chars or with '('": bad_heads,
        "headline or lead without the total": no_total,
        "drafts naming CoinShares": publisher,
        "printed superlatives marked not established": printed_not,
        "most drafts sharing one sentence": f"{top[1]} of {len(drafts)}",
        "words in sentences repeated in >= 10 drafts": f"{100 * repeated_words / max(words_total, 1):.0f}%",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", help="a git revision to measure too (e.g. main)")
    args = parser.parse_args()
    setup = load_setup()
    history = History.from_files([HISTORY], setup.style, setup.vocabulary)
    columns = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.before:
            tree = Path(tmp) / "before"
            subprocess.run(
                ["git", "worktree", "add", "--detach", str(tree), args.before],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            try:
                columns[args.before] = measure(backfill(tree, Path(tmp) / "out-before"), history, setup.style)
                columns[args.before]["CPU to render + lint a week (median of 3)"] = render_cost(tree)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)
        columns["this tree"] = measure(backfill(ROOT, Path(tmp) / "out"), history, setup.style)
        columns["this tree"]["CPU to render + lint a week (median of 3)"] = render_cost(ROOT)
    names = list(columns)
    print(f"{'':48}" + "".join(f"{n:>22}" for n in names))
    for key in columns[names[-1]]:
        print(f"{key:48}" + "".join(f"{columns[n].get(key)!s:>22}" for n in names))


if __name__ == "__main__":
    main()
