"""MkDocs hook: a thin adapter that adds the generated pages to a build or `mkdocs serve`.

The pages are added in memory (File.generated), so nothing is written into docs/ and
`mkdocs serve` cannot loop on its own output. See summit_briefings.pipeline for the work.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from summit_briefings.mkdocs_adapter import on_files, on_post_build  # noqa: E402,F401
