"""scripts/bench.py, smoke-tested on the real data (N=5) with one run of each step and no
browser: it writes bench.json with the keys of issue #29 and BENCHMARKS.md, keeps the
hand-written part of the report and the rows of sizes it did not measure, and its exit
status says whether every target was met."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

KEYS = {"full_build_s", "baseline_s", "tree_peak_rss_mb", "baseline_peak_rss_mb",
        "site_bytes", "serve_edit_s"}


def test_bench_on_the_real_data_writes_both_reports(tmp_path: Path):
    by_hand = "## Optimisations kept\n\n- one, with its figure\n"
    (tmp_path / "BENCHMARKS.md").write_text("an earlier report\n\n" + by_hand, encoding="utf-8")
    # A row written by an earlier version of the bench, without its keys, is dropped.
    (tmp_path / "bench.json").write_text('{"100": {"build_s": 1.0}}', encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "bench.py"), "--sizes", "5",
                           "--repeat", "1", "--no-search", "--out", str(tmp_path)],
                          cwd=REPO, capture_output=True, text=True, timeout=900, check=False)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    results = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert list(results) == ["5"]
    row = results["5"]
    assert KEYS <= set(row)
    live_summits = len(list((REPO / "data" / "summits").glob("*.yaml")))
    assert row["summits"] == live_summits and row["pages"] > live_summits
    for step in ("gen", "site", "baseline"):
        assert len(row[f"{step}_runs"]) == 1
    assert row["full_build_s"] == row["site_runs"][0]["seconds"] > 0
    # The whole build's tree holds MkDocs and Pagefind; the baseline's, MkDocs alone.
    assert row["tree_peak_rss_mb"] > 20 and row["baseline_peak_rss_mb"] > 20
    assert row["site_bytes"] > row["site_bytes_per_summit"] * live_summits / 2 > 0
    assert len(row["serve_edit_runs_s"]) == 1 and row["serve_edit_s"] > 0
    # The edited summit's page and meeting pack first, then the whole site beside the preview.
    assert row["rendered_first_after_edit"] == 2
    assert row["serve_whole_runs_s"][0] >= row["serve_edit_runs_s"][0]
    assert "search_first_result_s" not in row  # --no-search
    # A page the edit may touch is rendered again, and written only if it changed: a brief
    # depends on every summit, yet its bounded lists may not show the one edited.
    assert 0 < row["files_written_after_edit"] <= row["rendered_after_edit"] < row["pages"]
    report = (tmp_path / "BENCHMARKS.md").read_text(encoding="utf-8")
    assert f"| 5 | {row['full_build_s']:.2f} | {row['baseline_s']:.2f} |" in report
    assert "an earlier report" not in report and report.endswith("\n\n" + by_hand)
    missed = "| MISSED |" in report
    assert done.returncode == (1 if missed else 0), done.stderr[-3000:]


def test_earlier_rows_are_kept_only_if_this_version_of_the_bench_wrote_them(tmp_path: Path):
    """make bench-5000 adds its row to make bench's, and make bench keeps it."""
    import bench  # scripts/ is on pytest's pythonpath

    row = {"full_build_s": 2.0}
    (tmp_path / "bench.json").write_text(json.dumps(
        {"5000": row, "100": {"build_s": 1.0}, "5": row}), encoding="utf-8")
    assert list(bench.kept_rows(tmp_path / "bench.json")) == ["5000", "5"]


def test_a_search_that_shows_no_result_in_time_is_reported_not_fatal():
    """At N=5000 Material's lunr index gave no first result within the browser's wait: the
    bench says so in its report and targets instead of stopping."""
    import bench

    failed = {f"{engine}_{what}": None for engine in ("search", "material_search")
              for what in ("first_result_s", "after_load_s", "bytes", "runs_s")}
    assert bench._searched(failed, "material_search_bytes", "{:.2f}", 1e6) == (
        f"no result in {bench.SEARCH_TIMEOUT_S} s")
    assert bench._searched({"search_bytes": 1_500_000}, "search_bytes", "{:.2f}", 1e6) == "1.50"
