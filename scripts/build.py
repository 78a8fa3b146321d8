"""Build the briefing pages from data/, or only check the data (--check).

    python scripts/build.py --check        validate and verify; print a summary line
    python scripts/build.py [--out DIR]    also render the Markdown pages into DIR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summit_briefings.cli import main  # noqa: E402

if __name__ == "__main__":
    main(sys.argv[1:], ROOT, argparse.ArgumentParser(description=__doc__))
