"""Forked workers give exactly what one process gives: pages, evidence and problems."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, copy_data

import summit_briefings.parallel
from summit_briefings.cli import build_docs
from summit_briefings.errors import BriefingError, Problem
from summit_briefings.parallel import ForkedMap
from summit_briefings.pipeline import build_site
from summit_briefings.render import RenderCache
from summit_briefings.validate import validate
from summit_briefings.verify import verify_citations


@pytest.mark.parametrize("workers", [2, 3])
@pytest.mark.parametrize("count", [1, 31, 103, 257])
def test_forked_map_keeps_the_order_of_the_items(workers: int, count: int):
    items = list(range(count))
    assert ForkedMap(lambda n: n * n, items, workers).results() == [n * n for n in items]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_then_is_applied_in_this_process_to_every_result_in_order(workers: int):
    def made(n: int) -> tuple[int, int]:
        time.sleep(0.001)  # long enough for every process to take chunks
        return n, os.getpid()

    items = list(range(250))
    found = ForkedMap(made, items, workers).results(then=lambda pair: (*pair, os.getpid()))
    assert [n for n, _, _ in found] == items
    assert {applied for _, _, applied in found} == {os.getpid()}
    assert len({maker for _, maker, _ in found}) == workers


def test_forked_map_raises_the_problems_of_every_failing_item():
    def check(n: int) -> int:
        if n % 10 == 0:
            raise BriefingError([Problem("data/x.yaml", n + 1, 1, f"bad {n}")])
        return n

    with pytest.raises(BriefingError) as caught:
        ForkedMap(check, list(range(25)), workers=2).results()
    assert [p.line for p in caught.value.problems] == [1, 11, 21]


def test_an_unexpected_error_in_a_worker_is_raised_with_its_trace():
    def fail_in_a_worker(n: int) -> int:
        if os.getpid() != parent:
            raise ValueError(f"item {n}")
        time.sleep(0.05)  # leave chunks for the worker
        return n

    parent = os.getpid()
    with pytest.raises(RuntimeError, match="a worker process failed") as caught:
        ForkedMap(fail_in_a_worker, list(range(40)), workers=2).results()
    assert "ValueError: item" in str(caught.value)


def test_a_worker_that_dies_without_sending_its_results_is_an_error():
    def die_in_a_worker(n: int) -> int:
        if os.getpid() != parent:
            os._exit(3)
        time.sleep(0.05)  # leave chunks for the worker
        return n

    parent = os.getpid()
    with pytest.raises(RuntimeError, match="ended without sending its results"):
        ForkedMap(die_in_a_worker, list(range(40)), workers=2).results()


def test_results_far_larger_than_a_pipe_holds_arrive_whole():
    def page(n: int) -> str:
        return str(n) * (200_000 // len(str(n)))

    items = list(range(120))
    assert ForkedMap(page, items, workers=3).results() == [page(n) for n in items]


def test_workers_are_stopped_and_reaped_when_this_process_fails_first():
    with pytest.raises(ValueError, match="meanwhile"):
        with ForkedMap(lambda n: time.sleep(0.01) or n, list(range(400)), workers=2) as mapping:
            workers = [worker.pid for worker in mapping.workers]
            raise ValueError("meanwhile, this process failed")
    assert workers
    for pid in workers:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already reaped


def test_a_site_rendered_by_two_workers_equals_one_rendered_in_process():
    one, two = (build_site(REPO, "2026-01-01", workers=n) for n in (1, 2))
    assert two.pages == one.pages
    assert two.files == one.files
    assert two.evidence == one.evidence


def test_two_workers_report_the_same_problems_as_one(tmp_path: Path):
    copy_data(tmp_path)
    summit = tmp_path / "data" / "summits" / "2018-03-23-hanoi.yaml"
    text = summit.read_text(encoding="utf-8")
    summit.write_text(text.replace("Hanoi", "Hanoi!", 3), encoding="utf-8")
    corpus = validate(tmp_path)
    reports = []
    for workers in (1, 2):
        with pytest.raises(BriefingError) as caught:
            verify_citations(corpus, workers=workers)
        reports.append(caught.value.problems)
    assert reports[0] == reports[1]
    assert reports[0] and all(p.path == "data/summits/2018-03-23-hanoi.yaml" for p in reports[0])


@pytest.fixture(scope="module")
def large_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough summits that every stage splits its work between workers by default."""
    from test_synth import synth

    root = tmp_path_factory.mktemp("large")
    synth.generate(250, root, seed=3)
    for part in ("templates", "docs"):
        shutil.copytree(REPO / part, root / part)
    return root


def test_a_large_site_built_by_default_workers_equals_one_built_in_process(
        large_corpus: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(summit_briefings.parallel, "available_workers", lambda: 2)
    parallel_site = build_site(large_corpus, "2026-01-01")
    monkeypatch.setattr(summit_briefings.parallel, "available_workers", lambda: 1)
    serial_site = build_site(large_corpus, "2026-01-01")
    assert parallel_site.pages == serial_site.pages
    assert parallel_site.evidence == serial_site.evidence


def test_pages_written_by_two_processes_as_they_render_are_the_pages_built(
        large_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(summit_briefings.parallel, "available_workers", lambda: 2)
    out = tmp_path / "docs"
    written_site = build_docs(large_corpus, "2026-01-01", out)
    site = build_site(large_corpus, "2026-01-01")
    assert written_site.pages == {} and written_site.paths == tuple(site.pages)
    handwritten = {path.relative_to(large_corpus / "docs").as_posix()
                   for path in (large_corpus / "docs").rglob("*") if path.is_file()}
    written = {path.relative_to(out).as_posix(): path for path in out.rglob("*")
               if path.is_file()}
    assert handwritten and handwritten <= set(written)
    assert {name: path.read_bytes().decode("utf-8") for name, path in written.items()
            if name not in handwritten} == {**site.pages, **site.files}


def test_a_broken_file_read_by_a_worker_is_reported_at_its_line(
        large_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(summit_briefings.parallel, "available_workers", lambda: 2)
    shutil.copytree(large_corpus / "data", tmp_path / "data")
    broken = sorted((tmp_path / "data" / "summits").glob("*.yaml"))[123]
    lines = broken.read_text(encoding="utf-8").splitlines()
    lines[4] = "title: [unclosed"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        validate(tmp_path)
    [problem] = caught.value.problems
    assert problem.path == f"data/summits/{broken.name}"
    assert problem.line >= 5 and "YAML syntax error" in problem.message


def test_a_build_with_a_serve_cache_forks_no_worker(large_corpus: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    """serve runs the preview server's threads in its process: forking there is unsafe."""
    def no_fork():
        raise AssertionError("a worker was forked")

    monkeypatch.setattr(summit_briefings.parallel, "available_workers", lambda: 2)
    monkeypatch.setattr(summit_briefings.parallel.os, "fork", no_fork)
    cache = RenderCache()
    site = build_site(large_corpus, "2026-01-01", cache)
    assert cache.rendered == len(site.pages) > 250


def test_the_command_line_starts_reading_before_it_imports_pydantic_and_jinja():
    # Workers read the summit files while the rest of the generator is imported; that
    # needs the command line's own imports to stay clear of the heavy ones.
    script = ("import sys; import summit_briefings.cli; "
              "print(sorted({'pydantic', 'jinja2'} & set(sys.modules)))")
    shown = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                           text=True, check=True)
    assert shown.stdout.strip() == "[]"
