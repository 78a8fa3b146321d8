"""The build date printed on briefings, reproducible for a given commit.

SOURCE_DATE_EPOCH (the reproducible-builds convention) wins; otherwise the time of the
checked-out git commit; otherwise no date is printed. Never the wall clock, so two builds
of the same inputs are byte-identical.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path


def source_date_epoch(root: Path) -> str | None:
    """SOURCE_DATE_EPOCH if set, else the commit time of the checkout, else None."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        try:
            epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                                   capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            epoch = ""
    return epoch if epoch.isdigit() else None


def build_date(root: Path) -> str | None:
    epoch = source_date_epoch(root)
    return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat() if epoch else None
