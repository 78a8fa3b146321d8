"""scripts/synth.py: generated corpora pass the checker, and generation is reproducible."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import synth  # scripts/ is on pytest's pythonpath (pyproject.toml)
from conftest import folder_files

REPO = Path(__file__).resolve().parent.parent
SYNTH = REPO / "scripts" / "synth.py"
SUMMARY = re.compile(r"(\d+) sources, (\d+) summits, (\d+) people, (\d+) facts, "
                     r"(\d+) citations verified")


def _check(root: Path) -> re.Match[str]:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build.py"), "--check", "--root", str(root)],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    match = SUMMARY.search(done.stdout)
    assert match, done.stdout
    return match


@pytest.mark.parametrize("n", [3, 40])
def test_generated_corpus_passes_the_checker(tmp_path: Path, n: int) -> None:
    synth.generate(n, tmp_path, seed=1)
    match = _check(tmp_path)
    assert int(match[1]) == n
    assert int(match[2]) == n
    assert len(list((tmp_path / "data" / "summits").glob("*.yaml"))) == n


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    synth.generate(40, tmp_path / "a", seed=5)
    # The command line in a fresh interpreter with another string-hash seed: output must
    # not depend on set or dict ordering that varies between processes.
    subprocess.run([sys.executable, str(SYNTH), "--summits", "40", "--out", str(tmp_path / "b"),
                    "--seed", "5"], check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    first, second = folder_files(tmp_path / "a"), folder_files(tmp_path / "b")
    assert len(first) > 40
    assert first == second


def test_another_seed_gives_another_corpus(tmp_path: Path) -> None:
    synth.generate(3, tmp_path / "a", seed=1)
    synth.generate(3, tmp_path / "b", seed=2)
    assert folder_files(tmp_path / "a") != folder_files(tmp_path / "b")


def test_refuses_to_overwrite_existing_data(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    with pytest.raises(FileExistsError):
        synth.generate(3, tmp_path)
