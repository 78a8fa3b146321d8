"""scripts/bench.py: one run writes bench.json and BENCHMARKS.md, reporting the fastest of
the repeated runs of each step, and its exit status says whether every target was met.
It times a search in headless Chromium, so it counts as a browser test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser

KEYS = {"gen_s", "check_s", "build_s", "baseline_s", "summit_html_bytes",
        "search_index_bytes", "peak_rss_mb"}


def test_bench_on_the_real_data_writes_both_reports(tmp_path: Path):
    by_hand = "## Optimisations kept\n\n- one, with its figure\n"
    (tmp_path / "BENCHMARKS.md").write_text("an earlier report\n\n" + by_hand, encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "bench.py"), "--sizes", "5",
                           "--repeat", "2", "--out", str(tmp_path)],
                          cwd=REPO, capture_output=True, text=True, timeout=600, check=False)
    results = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert list(results) == ["5"]
    row = results["5"]
    assert KEYS <= set(row)
    live_summits = len(list((REPO / "data" / "summits").glob("*.yaml")))
    assert row["summits"] == live_summits and row["pages"] > live_summits
    assert row["check_s"] > 0 and row["gen_s"] > 0
    for step in ("check", "gen", "build", "baseline"):
        assert len(row[f"{step}_runs_s"]) == 2 and row[f"{step}_s"] == min(row[f"{step}_runs_s"])
    assert row["files_written_after_edit"] == row["rendered_after_edit"] < row["pages"]
    report = (tmp_path / "BENCHMARKS.md").read_text(encoding="utf-8")
    assert f"| 5 | {row['gen_s']:.2f} | {row['check_s']:.2f} |" in report
    assert "an earlier report" not in report and report.endswith("\n\n" + by_hand)
    missed = "| MISSED |" in report
    assert done.returncode == (1 if missed else 0), done.stderr
