"""The build date: SOURCE_DATE_EPOCH as MkDocs reads it, else the commit's time, else none."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from mkdocs.utils import get_build_date

from summit_briefings.publish.build_date import build_date, source_date_epoch

COMMITTED = "1900000000"  # 2030-03-17 17:46:40 UTC


def committed_checkout(folder: Path) -> Path:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"@{COMMITTED}", "GIT_COMMITTER_DATE":
           f"@{COMMITTED}", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    folder.mkdir()
    for command in (["git", "init", "-q"], ["git", "commit", "-q", "--allow-empty", "-m", "x"]):
        subprocess.run(command, cwd=folder, env=env, check=True)
    return folder


@pytest.mark.parametrize(("epoch", "checkout", "epoch_pinned", "date"), [
    ("1700000000", True, "1700000000", "2023-11-14"),  # SOURCE_DATE_EPOCH wins over git
    ("1700000000", False, "1700000000", "2023-11-14"),
    ("0", False, "0", "1970-01-01"),
    (None, True, COMMITTED, "2030-03-17"),              # else the commit's time
    ("", True, COMMITTED, "2030-03-17"),                # set but empty: as if unset
    (None, False, None, None),                          # neither: no date, not today's
])
def test_the_build_date_is_source_date_epochs_else_the_commits_else_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch, checkout, epoch_pinned, date):
    root = committed_checkout(tmp_path / "repo") if checkout else tmp_path
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no checkout above tmp_path
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert source_date_epoch(root) == epoch_pinned
    assert build_date(root) == date
    if epoch_pinned is not None:
        # What MkDocs dates the sitemap by, once scripts/site.py pins SOURCE_DATE_EPOCH.
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_pinned)
        assert get_build_date() == date
