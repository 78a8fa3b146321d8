"""Benchmark what users wait for, at N = 5 (the real data), 100 and 1000 summits.

    python scripts/bench.py [--sizes 5,100,1000] [--repeat 3] [--out .] [--no-search]

For each N, in rounds of one run of each step (so that the runs compared see the same phases
of the machine's speed), each run a fresh process tree writing into a folder that does not
exist yet: generation alone (`make pages`); the whole `make site` (scripts/site.py: MkDocs
with the plugin, which generates every page, meeting packs included, then Pagefind's index);
and plain MkDocs + Material with its own search on the same generated Markdown, the
baseline. Each reports its wall time and the peak memory of its whole process tree; the
fastest run is reported, every run is kept.
Then: the bytes of the site; `make serve`'s save-to-page time (a summit's YAML edited, until
the served page shows the edit, over HTTP), with the pages the save rendered and wrote again;
and, unless --no-search, the first search result in headless Chromium, on the
site (Pagefind) and on the baseline (Material's lunr).

Writes bench.json and BENCHMARKS.md and exits 1 if a target is missed. Rows of sizes not
measured in this run (N=5000, from `make bench-5000`) are kept from bench.json.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import functools
import http.server
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

PROJECT_PARTS = ("docs", "templates", "overrides", "scripts", "summit_briefings", "mkdocs.yml")
STEPS = ("gen", "site", "baseline")
# MkDocs alone: the same site and search on the generated Markdown, without the plugin.
BASELINE_CONFIG = """INHERIT: mkdocs.yml
docs_dir: build/docs
watch: []
plugins:
  - search:
      separator: '[\\s\\-,:;!?=\\[\\]()"/–—$]+|\\.(?!\\d)'
"""
# Where each step writes, in the project folder.
OUTPUT = {"gen": "build/docs", "site": "site-built", "baseline": "site-baseline"}
SAMPLE_S = 0.05  # how often the process tree's memory is read
STEP_TIMEOUT_S = 3 * 3600
SERVE_TIMEOUT_S = 3 * 3600
# A reader's query with results at every N (the real data and the synthetic corpora).
SEARCH_QUERY = "Vietnamese workers quota"
# Requests a search makes that a page view does not: the index and the search code.
SEARCH_PATHS = ("/pagefind/", "/search/", "/assets/javascripts/workers/",
                "/assets/javascripts/pagefind-worker.js", "/assets/javascripts/lunr/")
SEARCH_RUNS = 5
SEARCH_TIMEOUT_S = 120
OPTIMISATIONS = "## Optimisations kept"
PAGE_BYTES_LIMIT = 300_000
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def make_project(n: int, folder: Path) -> Path:
    """A project folder with N summits: the real data for 5, synthetic data otherwise."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / part)
    if n == 5:
        shutil.copytree(ROOT / "data", folder / "data")
    else:
        from synth import generate  # a sibling script: run as a script, its folder is on the path

        generate(n, folder)
    (folder / "mkdocs-baseline.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    # Installing compiles a package once; no step should pay for that. `python -m mkdocs`,
    # run in the project folder, imports the project's own copy of the package.
    compileall.compile_dir(folder / "summit_briefings", quiet=1)
    return folder


def tree_rss_kb(session: int) -> int:
    """The resident memory of every process in a session (a step's whole process tree: it
    was started as the session's leader), summed, in KiB."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rpartition(b")")[2].split()
        except OSError:  # the process has ended
            continue
        # After the command's name: state, ppid, pgrp, session, … rss (pages) 22nd.
        if int(fields[3]) == session:
            total += int(fields[21]) * PAGE_KB
    return total


def run_tree(command: list[str], cwd: Path) -> dict:
    """Run a command as a new session; its wall time, and the peak of its whole process
    tree's memory: the larger of the sum sampled every SAMPLE_S and the kernel's peak of the
    largest single process in it (which sampling can miss)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600")}
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                   stderr=errors, start_new_session=True)
        peak_kb = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak_kb = max(peak_kb, tree_rss_kb(process.pid))
            if time.perf_counter() - started > STEP_TIMEOUT_S:
                os.killpg(process.pid, signal.SIGKILL)
            time.sleep(SAMPLE_S)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} in {cwd} failed:\n"
                               f"{errors.read()[-3000:].decode(errors='replace')}")
    peak_kb = max(peak_kb, usage.ru_maxrss)
    return {"seconds": round(seconds, 3), "peak_rss_mb": round(peak_kb / 1024, 1)}


def run_step(what: str, project: Path, run: int) -> dict:
    """One run of a step, into an output folder that does not exist yet, so that every run
    does the same work. The previous run's output is moved aside rather than deleted, so
    the disk work of deleting it cannot overlap this run."""
    output = project / OUTPUT[what]
    if output.exists():
        output.rename(output.with_name(f"{output.name}.run{run}"))
    python = sys.executable
    command = {
        "gen": [python, "scripts/build.py", "--out", str(output)],
        "site": [python, "scripts/site.py", str(output)],
        "baseline": [python, "-m", "mkdocs", "build", "-q", "-f", "mkdocs-baseline.yml",
                     "-d", str(output)],
    }[what]
    return run_tree(command, project)


def edit_title(summit: Path, marker: str) -> None:
    """A summit's title with ``marker`` after it, as an editor saving the file would."""
    data = yaml.safe_load(summit.read_text(encoding="utf-8"))
    data["title"] = f"{data['title'].split(' (edited')[0]} ({marker})"
    summit.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def edited_summit(project: Path) -> Path:
    summits = sorted((project / "data" / "summits").glob("*.yaml"))
    return summits[len(summits) // 2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """The page's HTML, or "" when it does not answer (yet). `mkdocs serve` holds a request
    while it rebuilds, and answers it when the build is done."""
    try:
        with urllib.request.urlopen(url, timeout=SERVE_TIMEOUT_S) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return ""


def wait_for(url: str, text: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVE_TIMEOUT_S
    while text not in fetch(url):
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"`mkdocs serve` never showed {text!r} at {url}")
        time.sleep(SAMPLE_S)


def serve_edits(project: Path, edits: int) -> dict:
    """`make serve` on the project (`mkdocs serve --livereload --dirty`); once it serves,
    a summit's title is edited ``edits`` times, each timed from the save until the served
    summit page shows it, then until the next summit's page, which links to it by its title,
    shows it too: the whole site, built beside the preview. With the pages the server's
    first build rendered, and those the last save rendered first, then rendered beside the
    preview and wrote (from the plugin's lines in the server's log)."""
    summit = edited_summit(project)
    url = f"http://127.0.0.1:{free_port()}/"
    page = f"{url}summits/{summit.stem}/"
    summits = sorted(summit.parent.glob("*.yaml"))
    following = f"{url}summits/{summits[summits.index(summit) + 1].stem}/"
    log = project / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty",
             "-a", url.removeprefix("http://").rstrip("/")],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            wait_for(page, "</html>", server)
            seconds, whole = [], []
            for edit in range(1, edits + 1):
                marker = f"edited {edit}"
                started = time.perf_counter()
                edit_title(summit, marker)
                wait_for(page, f"({marker})", server)
                seconds.append(round(time.perf_counter() - started, 3))
                wait_for(following, f"({marker})", server)
                whole.append(round(time.perf_counter() - started, 3))
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}; its log:\n{log.read_text('utf-8')[-3000:]}") from None
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
    said = log.read_text(encoding="utf-8")
    rendered = [int(n) for n in re.findall(r"generated pages: (\d+) rendered$", said, re.M)]
    beside = [int(n) for n in re.findall(r"generated pages: (\d+) rendered beside", said)]
    written = [int(n) for n in re.findall(r"generated pages: (\d+) files written", said)]
    return {"serve_edit_s": min(seconds), "serve_edit_runs_s": seconds,
            "serve_whole_s": min(whole), "serve_whole_runs_s": whole, "pages": rendered[0],
            "rendered_first_after_edit": rendered[-1], "rendered_after_edit": beside[-1],
            "files_written_after_edit": written[-1], "edited": summit.name}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def bench_size(n: int, work: Path, repeat: int, search: bool) -> dict:
    project = make_project(n, work / f"n{n}")
    load = [round(os.getloadavg()[0], 2)]
    measured: dict[str, list[dict]] = {what: [] for what in STEPS}
    for run in range(repeat):
        for what in STEPS:
            measured[what].append(run_step(what, project, run))
    site, baseline = project / OUTPUT["site"], project / OUTPUT["baseline"]
    summit_pages = sorted((site / "summits").glob("*/index.html"))
    largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    row: dict = {
        "full_build_s": min(r["seconds"] for r in measured["site"]),
        "baseline_s": min(r["seconds"] for r in measured["baseline"]),
        "gen_s": min(r["seconds"] for r in measured["gen"]),
        "tree_peak_rss_mb": max(r["peak_rss_mb"] for r in measured["site"]),
        "baseline_peak_rss_mb": max(r["peak_rss_mb"] for r in measured["baseline"]),
        "gen_peak_rss_mb": max(r["peak_rss_mb"] for r in measured["gen"]),
        **{f"{what}_runs": done for what, done in measured.items()},
        "summits": len(summit_pages),
        "site_bytes": folder_bytes(site),
        "baseline_site_bytes": folder_bytes(baseline),
        "pagefind_index_bytes": folder_bytes(site / "pagefind"),
        "summit_html_bytes": int(statistics.median(p.stat().st_size for p in summit_pages)),
        "largest_page_bytes": largest.stat().st_size,
        "largest_page": largest.parent.relative_to(site).as_posix() + "/",
    }
    row["site_bytes_per_summit"] = round(row["site_bytes"] / row["summits"])
    if search:
        # The site as `make site` serves it (Pagefind), and MkDocs alone's build of the same
        # pages (Material's lunr search).
        row.update(search_timings({"search": site, "material_search": baseline}))
    row.update(serve_edits(project, repeat))
    load.append(round(os.getloadavg()[0], 2))
    row.update({"repeat": repeat, "load_average": load,
                "measured": datetime.now(UTC).strftime("%Y-%m-%d")})
    return row


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder and counts the bytes of each file sent, by path."""

    sent: list[tuple[str, int]]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:
        body = source.read()
        self.sent.append((self.path.split("?")[0], len(body)))
        outputfile.write(body)


@contextlib.contextmanager
def counted_server(site: Path) -> Iterator[tuple[str, list]]:
    """The site on 127.0.0.1 (no compression, as a plain static server sends it); yields its
    URL and the list of (path, bytes) sent, which the caller may clear."""
    sent: list[tuple[str, int]] = []
    handler = type("Handler", (_CountingHandler,), {"sent": sent})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def browser_helpers():
    """tests/browser/helpers.py (Chromium's path and flags), loaded from its file: this
    script runs as `python scripts/bench.py`, with scripts/ and not the project on its path."""
    spec = importlib.util.spec_from_file_location(
        "browser_helpers", ROOT / "tests" / "browser" / "helpers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A reader who types the query as soon as the page has loaded: at the load event the page
# focuses the box, fills in the query and sends the keyup Material listens for; the time is
# the page's own clock (from navigation start) when the first result enters the list, so the
# test driver's own delays count for neither engine.
FIRST_RESULT_JS = """
addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector(".md-search-result__list");
  new MutationObserver((_, observer) => {
    if (list.querySelector(".md-search-result__item")) {
      window.__firstResult = performance.now() / 1000;
      observer.disconnect();
    }
  }).observe(list, {childList: true});
});
addEventListener("load", () => {
  window.__typed = performance.now() / 1000;
  const box = document.querySelector("input.md-search__input");
  box.focus();
  box.value = QUERY;
  box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
});
"""


def first_result(browser, url: str, sent: list) -> tuple[float, float, int] | None:
    """One search in a fresh browser profile (nothing cached): seconds from opening the home
    page to the first result shown for SEARCH_QUERY, seconds from the page's load event
    (when the query is typed) to that result, and the bytes of the search's own requests
    (index, worker, engine); None if no result shows within SEARCH_TIMEOUT_S."""
    from playwright.sync_api import TimeoutError as NoResult

    # bypass_csp: the page's Content-Security-Policy refuses the string Playwright evaluates
    # to poll for the result; the policy itself is tested in tests/browser/test_csp.py.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        context.add_init_script(FIRST_RESULT_JS.replace("QUERY", json.dumps(SEARCH_QUERY)))
        page = context.new_page()
        sent.clear()
        page.goto(url, timeout=SEARCH_TIMEOUT_S * 1000)
        try:
            page.wait_for_function("window.__firstResult !== undefined",
                                   timeout=SEARCH_TIMEOUT_S * 1000)
        except NoResult:
            return None
        seconds, typed = page.evaluate("[window.__firstResult, window.__typed]")
        page.wait_for_timeout(500)  # the snippets' last requests
        return round(seconds, 3), round(seconds - typed, 3), sum(
            size for path, size in sent if path.startswith(SEARCH_PATHS))
    finally:
        context.close()


def search_timings(sites: dict[str, Path]) -> dict:
    """first_result for each site (key -> built site), SEARCH_RUNS times each, the sites in
    turn so that they see the same phases of the machine's speed, after one discarded run of
    each (the browser's first page pays for starting its processes); the medians, every run
    kept. A site that shows no result within SEARCH_TIMEOUT_S is not searched again, and
    its figures are None."""
    from playwright.sync_api import sync_playwright

    helpers = browser_helpers()
    runs: dict[str, list[tuple[float, float, int]]] = {key: [] for key in sites}
    load = os.getloadavg()[0]
    with contextlib.ExitStack() as stack:
        served = {key: stack.enter_context(counted_server(site)) for key, site in sites.items()}
        playwright = stack.enter_context(sync_playwright())
        browser = helpers.launch(playwright)
        stack.callback(browser.close)
        failed: set[str] = set()
        for run in range(SEARCH_RUNS + 1):
            for key, (url, sent) in served.items():
                measured = None if key in failed else first_result(browser, url, sent)
                if measured is None:
                    failed.add(key)
                elif run:
                    runs[key].append(measured)
    # Other work on the machine slows both engines: its load average, at the start and end.
    row: dict = {"search_load_average": [round(load, 2), round(os.getloadavg()[0], 2)]}
    for key, done in runs.items():
        if key in failed:
            row.update({f"{key}_{what}": None for what in
                        ("first_result_s", "after_load_s", "bytes", "runs_s")})
            continue
        row.update({f"{key}_first_result_s": statistics.median(s for s, _, _ in done),
                    f"{key}_after_load_s": statistics.median(a for _, a, _ in done),
                    f"{key}_bytes": int(statistics.median(b for _, _, b in done)),
                    f"{key}_runs_s": [s for s, _, _ in done]})
    return row


def targets(results: dict[str, dict]) -> list[tuple[str, str, bool]]:
    """Issue #29's targets (ratios within one run) and the earlier ones still in force."""
    sizes = sorted(results, key=int)
    largest = results[sizes[-1]]
    main = [n for n in sizes if n != "5000"]
    big = results[main[-1]] if main else largest
    checks = [
        (f"whole `make site` ≤ 1.25 × plain MkDocs + Material at N={main[-1]}",
         f"{big['full_build_s']:.1f} s / {big['baseline_s']:.1f} s = "
         f"{big['full_build_s'] / big['baseline_s']:.2f}",
         big["full_build_s"] <= 1.25 * big["baseline_s"]),
        (f"peak RSS of its process tree ≤ 1.25 × the baseline's at N={main[-1]}",
         f"{big['tree_peak_rss_mb']:.0f} MB / {big['baseline_peak_rss_mb']:.0f} MB = "
         f"{big['tree_peak_rss_mb'] / big['baseline_peak_rss_mb']:.2f}",
         big["tree_peak_rss_mb"] <= 1.25 * big["baseline_peak_rss_mb"])]
    if "1000" in results:
        row = results["1000"]
        checks.append(("`make serve`, save to page at N=1000 ≤ 2 s", f"{row['serve_edit_s']:.1f} s",
                       row["serve_edit_s"] <= 2))
    if "5" in results:
        row = results["5"]
        checks.append(("`make serve`, save to page on the real data ≤ 1 s",
                       f"{row['serve_edit_s']:.1f} s", row["serve_edit_s"] <= 1))
    if "100" in results and "5000" in results:
        small, huge = results["100"], results["5000"]
        ratio = huge["site_bytes_per_summit"] / small["site_bytes_per_summit"]
        checks += [("bytes of site/ per summit at N=5000 ≤ 1.25 × at N=100", f"{ratio:.2f}",
                    ratio <= 1.25),
                   ("the N=5000 `make site` peaks under 1.5 GB",
                    f"{huge['tree_peak_rss_mb']:,.0f} MB", huge["tree_peak_rss_mb"] < 1536)]
    heaviest = max(sizes, key=lambda n: results[n]["largest_page_bytes"])
    row = results[heaviest]
    checks.append((f"no page over {PAGE_BYTES_LIMIT // 1000} KB of HTML at any N",
                   f"{row['largest_page_bytes']:,} bytes ({row['largest_page']}, N={heaviest})",
                   row["largest_page_bytes"] <= PAGE_BYTES_LIMIT))
    if "100" in results and "1000" in results:
        small, big = results["100"], results["1000"]
        checks += [
            ("whole build(1000) / build(100) ≤ 11",
             f"{big['full_build_s'] / small['full_build_s']:.2f}",
             big["full_build_s"] / small["full_build_s"] <= 11),
            ("summit page at N=1000 ≤ 1.25 × at N=100",
             f"{big['summit_html_bytes'] / small['summit_html_bytes']:.3f}",
             big["summit_html_bytes"] <= 1.25 * small["summit_html_bytes"])]
    if "search_first_result_s" in big:
        checks += [
            (f"first search result ≤ 1.5 s from opening the home page at N={main[-1]}",
             _searched(big, "search_first_result_s", "{:.2f} s"),
             (big["search_first_result_s"] or SEARCH_TIMEOUT_S) <= 1.5),
            (f"bytes for one search ≤ 2 MB at N={main[-1]}",
             _searched(big, "search_bytes", "{:.2f} MB", 1e6),
             (big["search_bytes"] or 2_000_001) <= 2_000_000)]
    for size in sizes:
        row = results[size]
        checks.append((f"one edit at N={size} re-renders only affected pages",
                       f"{row['rendered_after_edit']} of {row['pages']} rendered, "
                       f"{row['files_written_after_edit']} files written",
                       row["rendered_after_edit"] <= row["files_written_after_edit"]))
    return checks


HEADER = ("| N summits | whole `make site` (s) | plain MkDocs + Material (s) | ratio "
          "| tree peak RSS (MB) | baseline peak RSS (MB) | ratio | site/ (MB) "
          "| per summit (KB) | largest page (KB) | save to page, `make serve` (s) "
          "| save to whole site (s) | load average |\n" + "|---" * 13 + "|")
DETAIL_HEADER = ("| N summits | generation (s) | its peak RSS (MB) | pages "
                 "| re-rendered after one edit (first, then beside) | summit page (bytes, median) "
                 "| Pagefind index (bytes) | baseline site/ (MB) | runs |\n" + "|---" * 9 + "|")
SEARCH_HEADER = ("| N summits | first result, Pagefind (s) | of which after load (s) "
                 "| bytes, Pagefind (MB) | first result, Material (s) | of which after load (s) "
                 "| bytes, Material (MB) | load average |\n" + "|---" * 8 + "|")


def _searched(row: dict, key: str, form: str, scale: float = 1) -> str:
    """A search figure, or what happened instead (first_result: no result in time)."""
    value = row[key]
    return f"no result in {SEARCH_TIMEOUT_S} s" if value is None else form.format(value / scale)


def _seconds(row: dict, key: str) -> str:
    """A row kept from an earlier version of the bench may not have the key."""
    return f"{row[key]:.2f}" if key in row else "–"


def spread(runs: list[dict]) -> str:
    seconds = [r["seconds"] for r in runs]
    return f"{min(seconds):.1f}–{max(seconds):.1f}" if len(seconds) > 1 else f"{seconds[0]:.1f}"


def report(results: dict[str, dict], seconds: float) -> str:
    sizes = sorted(results, key=int)
    rows = "\n".join(
        f"| {n} | {r['full_build_s']:.2f} | {r['baseline_s']:.2f} | "
        f"{r['full_build_s'] / r['baseline_s']:.2f} | {r['tree_peak_rss_mb']:.0f} | "
        f"{r['baseline_peak_rss_mb']:.0f} | "
        f"{r['tree_peak_rss_mb'] / r['baseline_peak_rss_mb']:.2f} | "
        f"{r['site_bytes'] / 1e6:,.1f} | {r['site_bytes_per_summit'] / 1e3:,.0f} | "
        f"{r['largest_page_bytes'] / 1e3:,.0f} | {r['serve_edit_s']:.2f} | "
        f"{_seconds(r, 'serve_whole_s')} | "
        f"{'–'.join(f'{x:.1f}' for x in r['load_average'])} |" for n in sizes
        for r in [results[n]])
    details = "\n".join(
        f"| {n} | {r['gen_s']:.2f} | {r['gen_peak_rss_mb']:.0f} | {r['pages']:,} | "
        f"{r.get('rendered_first_after_edit', '–')}, {r['rendered_after_edit']} | "
        f"{r['summit_html_bytes']:,} | "
        f"{r['pagefind_index_bytes']:,} | {r['baseline_site_bytes'] / 1e6:,.1f} | "
        f"{r['repeat']} on {r['measured']}; `make site` {spread(r['site_runs'])} s, "
        f"baseline {spread(r['baseline_runs'])} s |" for n in sizes for r in [results[n]])
    searched = [n for n in sizes if "search_first_result_s" in results[n]]
    search_rows = "\n".join(
        f"| {n} | " + " | ".join(
            _searched(r, f"{engine}_{what}", "{:.2f}", scale)
            for engine in ("search", "material_search")
            for what, scale in (("first_result_s", 1), ("after_load_s", 1), ("bytes", 1e6)))
        + f" | {'–'.join(f'{x:.1f}' for x in r['search_load_average'])} |"
        for n in searched for r in [results[n]])
    search = f"""
## Search

The site searches with Pagefind (served builds) and the offline `file://` build with
Material's lunr search. Measured in headless Chromium over HTTP (a plain static server, no
compression), a fresh profile each run: from opening the home page to the first result
shown for "{SEARCH_QUERY}", typed in as soon as the page has loaded (the page's own clock,
from navigation start; *of which after load*: from the load event, when the query is typed),
and the bytes of the requests the search makes (index, worker, engine; not the page
itself); median of {SEARCH_RUNS} runs, the two engines in turn. *Material* is the baseline's
build of the same pages, searched with Material's lunr index.

{SEARCH_HEADER}
{search_rows}

- Why Pagefind: Material's search fetches one JSON index of every page and builds a lunr
  index in the browser before its first result, so time and bytes grow with the site;
  Pagefind fetches a small entry file, its WebAssembly and only the index chunks and page
  fragments a query touches. Material stays for `file://`, where Chromium refuses
  Pagefind's module and index.
""" if searched else ""
    checks = "\n".join(f"| {name} | {value} | {'met' if ok else 'MISSED'} |"
                       for name, value, ok in targets(results))
    machine = (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
               f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    huge = ("the N=5000 row comes from `make bench-5000`" if "5000" in results else
            "no N=5000 row: `make bench-5000` has not been run with this version of the bench")
    return f"""# Benchmarks

Written by `make bench` (this run: {seconds:.0f} s, sizes {", ".join(sizes)}; {huge}).
Absolute times vary between machines and with other work on this one; the ratios were
measured side by side in one run. Machine: {machine}.
*Load average*: the machine's 1-minute load average when the row's measurement started and
ended; on 2 cores, above 2 means other work was slowing every step, the baseline's too.

{HEADER}
{rows}

- *whole `make site`*: `scripts/site.py`, as `make site` runs it: generation (every page,
  the meeting packs among them), MkDocs with the `briefings` plugin, then Pagefind's index,
  from starting Python to the site swapped into place.
- *plain MkDocs + Material*: `mkdocs build` of the same generated Markdown without the
  plugin, with Material's own search (its lunr index), the baseline.
- *tree peak RSS*: the most memory the step's whole process tree held at once (every
  process's resident memory summed, read every {SAMPLE_S * 1000:.0f} ms, or the kernel's
  peak of its largest process if higher): `scripts/site.py` with the generation, then
  with MkDocs, then with Pagefind, each in a process of its own that has exited before the
  next starts.
- *site/*: every file of the built site; *per summit*: divided by the summits built.
  *Largest page*: the biggest HTML file.
- *save to page*: `mkdocs serve --livereload --dirty` (`make serve`) on the project; once it
  serves, a summit's YAML file is saved with a new title, timed until the served summit page
  shows it (over HTTP, no browser). Each of the runs is one edit in the same session.
  *Save to whole site*: from the same save until the next summit's page, which links to the
  edited one by its title, shows it: after a save to a summit file, the preview shows that
  summit's pages first and builds the whole site beside it. *Re-rendered after one edit*:
  the pages the last save rendered first, then beside the preview; the edit re-renders only
  affected pages when each of those changed, which the files it wrote count.
- Each step ran as often as *runs* says, in rounds of one run of each step, each run a
  fresh process tree writing into a new folder; the tables show the fastest run (the least
  disturbed by other load), bench.json every run. N=5 is the real data; the other sizes are
  synthetic corpora from `scripts/synth.py`.

{DETAIL_HEADER}
{details}
{search}
| Target | Measured | |
|---|---|---|
{checks}

Reproduce: `make bench` (writes this file and `bench.json`); `make bench-5000` adds the
N=5000 row.
"""


def kept_by_hand(path: Path) -> str:
    """The hand-written part of an existing report, from its OPTIMISATIONS heading on: each
    optimisation's own before-and-after figure, measured when it was made."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    at = text.find(OPTIMISATIONS)
    return "\n" + text[at:] if at >= 0 else ""


def kept_rows(path: Path) -> dict[str, dict]:
    """The rows of an earlier bench.json that this version of the bench wrote."""
    earlier = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {n: row for n, row in earlier.items() if "full_build_s" in row}


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,100,1000")
    parser.add_argument("--out", type=Path, default=ROOT)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each timed step; the fastest is reported")
    parser.add_argument("--no-search", dest="search", action="store_false",
                        help="leave out the search timings (headless Chromium)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)  # now, not after a quarter of an hour
    results = kept_rows(args.out / "bench.json")
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        for n in (int(s) for s in args.sizes.split(",")):
            print(f"N={n} …", flush=True)
            results[str(n)] = bench_size(n, Path(work), args.repeat, args.search)
            print(f"  {json.dumps(results[str(n)])}", flush=True)
    results = {n: results[n] for n in sorted(results, key=int)}
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    text = report(results, time.perf_counter() - started)
    (args.out / "BENCHMARKS.md").write_text(text + kept_by_hand(args.out / "BENCHMARKS.md"),
                                            encoding="utf-8")
    missed = [name for name, _, ok in targets(results) if not ok]
    for name in missed:
        print(f"target missed: {name}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
