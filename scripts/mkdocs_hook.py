"""MkDocs hook: a thin adapter that adds the generated pages to a build or `mkdocs serve`.

A build adds the pages in memory; `mkdocs serve` writes them to build/live/ (outside the
watched folders, so it cannot loop) and rewrites only pages whose content changed; while
the data has problems it shows them on the last good pages instead of stopping. Nothing
is ever written into docs/. See summit_briefings.pipeline for the work.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from summit_briefings.mkdocs_adapter import (  # noqa: E402,F401
    on_files,
    on_post_build,
    on_startup,
)
