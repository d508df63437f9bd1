"""The code stays clean by the linter's rules ([tool.ruff] in pyproject.toml)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
        capture_output=True, text=True, cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_is_configured_and_would_find_a_fault(tmp_path):
    faulty = tmp_path / "faulty.py"
    faulty.write_text("import os\n\n\ndef f(items=[]):\n    return items\n")
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--config", str(REPO / "pyproject.toml"),
         "--output-format", "concise", str(faulty)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "F401" in result.stdout and "B006" in result.stdout
