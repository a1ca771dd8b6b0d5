"""The lint (ruff.toml): pyflakes' findings and pycodestyle's errors in every Python file of the project
(hooks, tools, tests), as `.venv/bin/ruff check .` reports them. An unused import or name, an undefined name or
an f-string without a placeholder fails here with the file and line to fix."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_the_python_code_passes_the_lint():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_lint_reads_every_python_file_of_the_project():
    """ruff.toml and git's ignore list must not leave out the code the lint is for."""
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--show-files", "."],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    seen = {line.strip() for line in result.stdout.splitlines()}
    expected = {str(path) for folder in ("hooks", "tools", "tests") for path in (ROOT / folder).rglob("*.py")
                if "node_modules" not in path.parts and "__pycache__" not in path.parts}
    assert expected - seen == set()
