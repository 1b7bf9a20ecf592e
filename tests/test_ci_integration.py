"""The CI entry points run for real: the composite GitHub Action's script and the pre-commit hook."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

CLEAN = "# Weekly flows\n\nFunds recorded mixed flows this week, according to CoinShares.\n\nNot investment advice.\n"
FAILING = "# Weekly flows\n\nFunds fell due to fear of regulation.\n\nNot investment advice.\n"


def _action():
    return yaml.safe_load((ROOT / "action.yml").read_text())


def test_action_is_composite_with_the_documented_inputs():
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "rules", "data", "min-level"} <= set(action["inputs"])
    assert action["inputs"]["paths"]["required"] is True
    lint = action["runs"]["steps"][-1]
    assert "--format github" in lint["run"] and "${{" not in lint["run"]  # inputs arrive as env, never pasted


def _run_action_step(tmp_path, **inputs):
    step = _action()["runs"]["steps"][-1]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    defaults = {name: str(spec.get("default", "")) for name, spec in _action()["inputs"].items()}
    for name, value in {**defaults, **inputs}.items():
        env[f"WRITER_{name.upper().replace('-', '_')}"] = value
    script = tmp_path / "step.sh"
    script.write_text(step["run"])
    return subprocess.run(["bash", "-e", str(script)], capture_output=True, text=True, env=env, cwd=ROOT)


def test_action_step_lints_and_annotates(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN)
    (tmp_path / "bad.md").write_text(FAILING)
    failing = _run_action_step(tmp_path, paths=f"{tmp_path / 'clean.md'}\n{tmp_path / 'bad.md'}")
    assert failing.returncode == 1, failing.stderr
    assert failing.stdout.startswith(f"::error file={tmp_path / 'bad.md'},line=3,") and "clean.md" not in failing.stdout
    clean = _run_action_step(tmp_path, paths=str(tmp_path / "clean.md"), **{"min-level": "error"})
    assert clean.returncode == 0 and clean.stdout == "", clean.stderr


def test_action_step_passes_rules_and_data(tmp_path):
    article = tmp_path / "week.md"
    article.write_text("---\nweek: 2026-01-26\n---\n" + CLEAN.replace("mixed flows", "a net inflow of $9 billion"))
    result = _run_action_step(
        tmp_path,
        paths=str(article),
        data=str(ROOT / "samples" / "reference-week.csv"),
        rules=str(ROOT / "rules" / "editorial.yaml"),
    )
    assert result.returncode == 1 and "title=grounded-figures::" in result.stdout, result.stderr


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_hook_runs_with_try_repo(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs this project as a git checkout")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "clean.md").write_text(CLEAN)
    (repo / "bad.md").write_text(FAILING)
    _git(repo, "add", ".")
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "writer-lint", "--files", "clean.md", "bad.md"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "bad.md:3:12: error no-causal-attribution" in out and "clean.md:" not in out
