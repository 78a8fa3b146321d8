"""The build date printed on briefings, reproducible for a given commit.

SOURCE_DATE_EPOCH (the reproducible-builds convention) wins, read as MkDocs reads it for its
own dates (mkdocs.utils.get_build_date); otherwise the time of the checked-out git commit;
otherwise no date is printed. Never the wall clock, get_build_date's own fallback, so two
builds of the same inputs are byte-identical.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.utils import get_build_date


def commit_time(root: Path) -> str | None:
    """The checked-out commit's time in seconds since the epoch; None outside a checkout."""
    try:
        epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return epoch if epoch.isdigit() else None


def source_date_epoch(root: Path) -> str | None:
    """SOURCE_DATE_EPOCH if set, else the commit time of the checkout, else None: what a
    build gives MkDocs as SOURCE_DATE_EPOCH (scripts/site.py), so that the sitemap and the
    pages carry the same date."""
    return os.environ.get("SOURCE_DATE_EPOCH") or commit_time(root)


def build_date(root: Path) -> str | None:
    """'2023-11-14': the day of source_date_epoch, in UTC (MkDocs's own date when
    SOURCE_DATE_EPOCH is set)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return get_build_date()
    epoch = commit_time(root)
    return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%d") if epoch else None
