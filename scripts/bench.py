"""Benchmark the generator and the MkDocs build at N = 5 (the real data), 100 and 1000 summits.

    python scripts/bench.py [--sizes 5,100,1000] [--out .]

Each measurement runs in its own process (for a clean peak-memory reading), three times
by default (--repeat), in rounds of one run of each step; the fastest run is reported, and
every run is kept in bench.json. Search is measured in headless Chromium over HTTP, on the
site (Pagefind) and on MkDocs alone's build of the same pages (Material's lunr search).
Writes bench.json and BENCHMARKS.md, and exits 1 if a target is missed:
generation ≤ 10 % of the full build at the largest N, and the full build's peak memory at
most 1.25 × MkDocs alone's on the same pages; build(1000)/build(100) ≤ 11;
a summit page at N=1000 at most 1.25 × its size at N=100; after one data file is edited,
only the pages that show it are rendered and written again; at N=1000 the first search
result within 1.5 s of page load and at most 2 MB transferred for it.
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
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

PROJECT_PARTS = ("docs", "templates", "overrides", "scripts", "summit_briefings", "mkdocs.yml")
# build: MkDocs with the plugin but without Pagefind (pagefind: false), as before Pagefind
# came, so its time and memory compare; index: Pagefind alone over that build's output.
STEPS = ("check", "gen", "build", "index", "baseline")
# A reader's query with results at every N (the real data and the synthetic corpora).
SEARCH_QUERY = "Vietnamese workers quota"
# Requests a search makes that a page view does not: the index and the search code.
SEARCH_PATHS = ("/pagefind/", "/search/", "/assets/javascripts/workers/",
                "/assets/javascripts/pagefind-worker.js", "/assets/javascripts/lunr/")
SEARCH_TARGET_S, SEARCH_TARGET_BYTES = 1.5, 2_000_000
SEARCH_RUNS = 5
OPTIMISATIONS = "## Optimisations kept"
# MkDocs alone: the same site and search on the generated Markdown, without the plugin.
BASELINE_CONFIG = """INHERIT: mkdocs.yml
docs_dir: build/docs
watch: []
plugins:
  - search:
      separator: '[\\s\\-,:;!?=\\[\\]()"/–—$]+|\\.(?!\\d)'
"""


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
    # Installing compiles a package once; no step should pay for that.
    compileall.compile_dir(folder / "summit_briefings", quiet=1)
    return folder


def measure(what: str, project: Path) -> dict:
    """Run one step in this process; return its wall time and the process's peak RSS."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    started = time.perf_counter()
    if what == "check":
        from summit_briefings.pipeline import check_site

        built = check_site(project)
    elif what == "gen":
        from summit_briefings.cli import build_docs

        built = build_docs(project, "2026-01-01", project / "build" / "docs")
    elif what == "index":
        from summit_briefings.site_search import run_pagefind

        built = run_pagefind(project / "site-build")
    else:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(str(project / ("mkdocs.yml" if what == "build" else
                                            "mkdocs-baseline.yml")),
                             site_dir=str(project / f"site-{what}"))
        if what == "build":
            config.plugins["briefings"].config.pagefind = False  # the index step runs it
        built = build(config)
    seconds = time.perf_counter() - started
    del built
    # Pagefind is a child process: its own peak, not this Python's.
    who = (resource.RUSAGE_CHILDREN,) if what == "index" else (
        resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    peak_kb = max(resource.getrusage(w).ru_maxrss for w in who)
    return {"seconds": round(seconds, 3), "peak_rss_mb": round(peak_kb / 1024, 1)}


def incremental(project: Path) -> dict:
    """Edit one summit's data file between two builds sharing a cache, as `serve` does."""
    from summit_briefings.pipeline import build_site
    from summit_briefings.render import RenderCache
    from summit_briefings.write import sync_folder

    cache, live = RenderCache(), project / "build" / "live"
    first = build_site(project, "2026-01-01", cache)
    sync_folder({**first.pages, **first.files}, live)
    summit = sorted((project / "data" / "summits").glob("*.yaml"))[len(first.corpus.summits) // 2]
    data = yaml.safe_load(summit.read_text(encoding="utf-8"))
    data["title"] += " (edited)"
    summit.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    second = build_site(project, "2026-01-01", cache)
    written, removed = sync_folder({**second.pages, **second.files}, live)
    return {"pages": len(second.pages), "rendered_after_edit": cache.rendered,
            "files_written_after_edit": written, "edited": summit.name}


def child(what: str, project: Path) -> dict:
    # The project's own copy of this script, so the step imports the project's own code.
    script = project / "scripts" / "bench.py"
    result = subprocess.run([sys.executable, str(script), "--measure", what, str(project)],
                            capture_output=True, text=True, cwd=project, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(f"{what} at {project} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_step(what: str, project: Path, run: int) -> dict:
    """One run of a step, in a fresh process and into an output folder that does not exist
    yet, so every run does the same work. The previous run's output is moved aside rather
    than deleted, so the disk work of deleting it cannot overlap this run."""
    # The index step indexes the output of this round's build, which is new each round.
    output = project / ("build/docs" if what == "gen" else f"site-{what}")
    if what != "index" and output.exists():
        output.rename(output.with_name(f"{output.name}.run{run}"))
    return child(what, project)


def bench_size(n: int, work: Path, repeat: int) -> dict:
    project = make_project(n, work / f"n{n}")
    # In rounds of one run of each step, so that the runs compared are minutes apart at
    # most: this machine's speed drifts by a third over minutes, and three runs of one
    # step in a row would all see the same phase of it.
    measured: dict[str, list[dict]] = {what: [] for what in STEPS}
    for run in range(repeat):
        for what in STEPS:
            measured[what].append(run_step(what, project, run))
    site = project / "site-build"
    summit_pages = sorted((site / "summits").glob("*/index.html"))
    row: dict = {f"{what}_s": min(r["seconds"] for r in done) for what, done in measured.items()}
    row.update({f"{what}_runs_s": [r["seconds"] for r in done] for what, done in measured.items()})
    row.update({
        "summit_html_bytes": int(statistics.median(p.stat().st_size for p in summit_pages)),
        "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
        "peak_rss_mb": max(r["peak_rss_mb"] for what in ("gen", "build") for r in measured[what]),
        "baseline_peak_rss_mb": max(r["peak_rss_mb"] for r in measured["baseline"]),
        "index_peak_rss_mb": max(r["peak_rss_mb"] for r in measured["index"]),
        "pagefind_index_bytes": sum(p.stat().st_size for p in (site / "pagefind").rglob("*")
                                    if p.is_file()),
        "summits": len(summit_pages),
    })
    row.update(incremental(project))
    # Search: the site as `make site` serves it (Pagefind), and MkDocs alone's build of the
    # same pages (Material's lunr search, its index unchanged by our plugin).
    row.update(search_timings({"search": site, "material_search": project / "site-baseline"}))
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


def first_result(browser, url: str, sent: list) -> tuple[float, float, int]:
    """One search in a fresh browser profile (nothing cached): seconds from opening the home
    page to the first result shown for SEARCH_QUERY, seconds from the page's load event
    (when the query is typed) to that result, and the bytes of the search's own requests
    (index, worker, engine)."""
    # bypass_csp: the page's Content-Security-Policy refuses the string Playwright evaluates
    # to poll for the result; the policy itself is tested in tests/browser/test_csp.py.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        context.add_init_script(FIRST_RESULT_JS.replace("QUERY", json.dumps(SEARCH_QUERY)))
        page = context.new_page()
        sent.clear()
        page.goto(url)
        page.wait_for_function("window.__firstResult !== undefined", timeout=120_000)
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
    kept."""
    from playwright.sync_api import sync_playwright

    helpers = browser_helpers()
    runs: dict[str, list[tuple[float, float, int]]] = {key: [] for key in sites}
    load = os.getloadavg()[0]
    with contextlib.ExitStack() as stack:
        served = {key: stack.enter_context(counted_server(site)) for key, site in sites.items()}
        playwright = stack.enter_context(sync_playwright())
        browser = helpers.launch(playwright)
        stack.callback(browser.close)
        for run in range(SEARCH_RUNS + 1):
            for key, (url, sent) in served.items():
                measured = first_result(browser, url, sent)
                if run:
                    runs[key].append(measured)
    # Other work on the machine slows both engines: its load average, at the start and end.
    row: dict = {"search_load_average": [round(load, 2), round(os.getloadavg()[0], 2)]}
    for key, done in runs.items():
        row.update({f"{key}_first_result_s": statistics.median(s for s, _, _ in done),
                    f"{key}_after_load_s": statistics.median(a for _, a, _ in done),
                    f"{key}_bytes": int(statistics.median(b for _, _, b in done)),
                    f"{key}_runs_s": [s for s, _, _ in done]})
    return row


def targets(results: dict[str, dict]) -> list[tuple[str, str, bool]]:
    largest, sizes = results[max(results, key=int)], sorted(results, key=int)
    checks = [("generation ≤ 10 % of the full build at the largest N",
               f"{largest['gen_s'] / largest['build_s']:.1%}",
               largest["gen_s"] <= 0.10 * largest["build_s"]),
              ("peak RSS of the full build ≤ 1.25 × plain MkDocs at the largest N",
               f"{largest['peak_rss_mb']:.0f} MB / {largest['baseline_peak_rss_mb']:.0f} MB = "
               f"{largest['peak_rss_mb'] / largest['baseline_peak_rss_mb']:.2f}",
               largest["peak_rss_mb"] <= 1.25 * largest["baseline_peak_rss_mb"])]
    if "100" in results and "1000" in results:
        small, big = results["100"], results["1000"]
        checks += [
            ("build(1000) / build(100) ≤ 11", f"{big['build_s'] / small['build_s']:.2f}",
             big["build_s"] / small["build_s"] <= 11),
            ("summit page at N=1000 ≤ 1.25 × at N=100",
             f"{big['summit_html_bytes'] / small['summit_html_bytes']:.3f}",
             big["summit_html_bytes"] <= 1.25 * small["summit_html_bytes"])]
    if "search_first_result_s" in largest:
        checks += [
            (f"first search result ≤ {SEARCH_TARGET_S} s after page load at the largest N",
             f"{largest['search_first_result_s']:.2f} s",
             largest["search_first_result_s"] <= SEARCH_TARGET_S),
            (f"bytes for one search ≤ {SEARCH_TARGET_BYTES / 1e6:.0f} MB at the largest N",
             f"{largest['search_bytes'] / 1e6:.2f} MB",
             largest["search_bytes"] <= SEARCH_TARGET_BYTES)]
    for size in sizes:
        row = results[size]
        checks.append((f"one edit at N={size} re-renders only affected pages",
                       f"{row['rendered_after_edit']} of {row['pages']} rendered, "
                       f"{row['files_written_after_edit']} files written",
                       row["rendered_after_edit"] <= 20 + row["pages"] // 100))
    return checks


HEADER = ("| N summits | generate (s) | of which check (s) | full build (s) | MkDocs alone (s) "
          "| generate / build | summit page (bytes, median) | Pagefind index, all files (bytes) "
          "| peak RSS (MB) | pages re-rendered after one edit |\n" + "|---" * 10 + "|")


SEARCH_HEADER = ("| N summits | Pagefind indexing (s) | its peak RSS (MB) "
                 "| first result, Pagefind (s) | of which after load (s) | bytes, Pagefind (MB) "
                 "| first result, Material (s) | of which after load (s) | bytes, Material (MB) "
                 "| load average |\n" + "|---" * 10 + "|")


def report(results: dict[str, dict], seconds: float, repeat: int) -> str:
    rows = "\n".join(
        f"| {n} | {r['gen_s']:.2f} | {r['check_s']:.2f} | {r['build_s']:.2f} | "
        f"{r['baseline_s']:.2f} | "
        f"{r['gen_s'] / r['build_s']:.1%} | {r['summit_html_bytes']:,} | "
        f"{r['pagefind_index_bytes']:,} | {r['peak_rss_mb']:.0f} | "
        f"{r['rendered_after_edit']} / {r['pages']} |" for n, r in results.items())
    search_rows = "\n".join(
        f"| {n} | {r['index_s']:.2f} | {r['index_peak_rss_mb']:.0f} | "
        f"{r['search_first_result_s']:.2f} | {r['search_after_load_s']:.2f} | "
        f"{r['search_bytes'] / 1e6:.2f} | {r['material_search_first_result_s']:.2f} | "
        f"{r['material_search_after_load_s']:.2f} | {r['material_search_bytes'] / 1e6:.2f} | "
        f"{'–'.join(f'{x:.1f}' for x in r['search_load_average'])} |"
        for n, r in results.items())
    checks = "\n".join(f"| {name} | {value} | {'met' if ok else 'MISSED'} |"
                       for name, value, ok in targets(results))
    largest_n = max(results, key=int)
    largest = results[largest_n]
    split = (f"At N={largest_n}, checking (load, validate, verify) takes "
             f"{largest['check_s']:.2f} s of the {largest['gen_s']:.2f} s generation; rendering "
             f"{largest['pages']:,} pages and writing them takes the rest. MkDocs adds "
             f"{largest['baseline_s'] / largest['pages'] * 1000:.0f} ms per page; the "
             f"generator {largest['gen_s'] / largest['pages'] * 1000:.1f} ms.")
    gen_runs, build_runs = largest["gen_runs_s"], largest["build_runs_s"]
    spread = (f"Each timed step ran {repeat} time{'s' if repeat > 1 else ''}, in rounds of one "
              "run of each step, each run in a fresh process; the tables show the fastest run, "
              "the one least disturbed by other "
              f"load on the machine. At N={largest_n} the runs of generate took "
              f"{min(gen_runs):.2f}–{max(gen_runs):.2f} s and those of the full build "
              f"{min(build_runs):.2f}–{max(build_runs):.2f} s; from the medians, generate / "
              f"build is {statistics.median(gen_runs) / statistics.median(build_runs):.1%}.")
    machine = (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
               f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    return f"""# Benchmarks

Generated by `make bench` ({seconds:.0f} s). Absolute times vary between machines; the
ratios were measured side by side in one run. Machine: {machine}.

{HEADER}
{rows}

{split}

{spread}

- *generate*: load, validate, verify citations, render and write every page
  (`scripts/build.py`), in one fresh process, imports included.
- *of which check*: load, validate and verify alone (`make check`), measured separately.
- *full build*: `mkdocs build` with the `briefings` plugin, which generates the pages and marks
  them for search, without Pagefind's indexing (timed apart below, see *Search*).
- *MkDocs alone*: `mkdocs build` of the same generated Markdown without the plugin.
- *peak RSS*: of the generate and full-build steps; the target compares it with MkDocs
  alone on the same Markdown (`baseline_peak_rss_mb` in bench.json).
- N=5 is the real data; 100 and 1000 are synthetic corpora from `scripts/synth.py`.

## Search

The site searches with Pagefind (served builds) and keeps Material's lunr search for the
offline `file://` build. Measured in headless Chromium over HTTP (a plain static server, no
compression), a fresh profile each run: from opening the home page to the first result
shown for "{SEARCH_QUERY}", typed in as soon as the page has loaded (the page's own clock,
from navigation start; *of which after load*: from the load event, when the query is typed),
and the bytes of the requests the search makes (index, worker, engine; not the page
itself); median of {SEARCH_RUNS} runs, the two engines in turn. *Load average*: the
machine's 1-minute load average at the start and end of the measurement (2 cores: above
2, other work was slowing both engines).
*Material* is the same pages built by MkDocs alone, searched with Material's lunr index.

{SEARCH_HEADER}
{search_rows}

- *Pagefind indexing*: `pagefind_extended --site` over the built site, timed on its own
  (`index_s`, `index_peak_rss_mb`). `make site` runs it at the end of the MkDocs build, so a
  full `make site` takes *full build* + *indexing*; the *full build* column and its peak
  RSS leave it out (the index is a separate process, with its own memory).
- Pagefind reads only pages at most two folders deep (`site_search.PAGES_INDEXED`),
  which leaves out the meeting packs (marked for no index in any case): on the
  N=1000 site, indexing took 107 s reading them and 34 s without (one run each,
  the same index).
- Why Pagefind: Material's search fetches one JSON index of every page and builds a lunr
  index in the browser before its first result, so time and bytes grow with the site;
  Pagefind fetches a small entry file, its WebAssembly and only the index chunks and page
  fragments a query touches. It folds Vietnamese diacritics and reads Hangul without our
  index rewrite, and indexes only the marked article text. Material stays for `file://`,
  where Chromium refuses Pagefind's module and index.

| Target | Measured | |
|---|---|---|
{checks}

Reproduce: `make bench` (writes this file and `bench.json`).
"""


def kept_by_hand(path: Path) -> str:
    """The hand-written part of an existing report, from its OPTIMISATIONS heading on: each
    optimisation's own before-and-after figure, measured when it was made."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    at = text.find(OPTIMISATIONS)
    return "\n" + text[at:] if at >= 0 else ""


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,100,1000")
    parser.add_argument("--out", type=Path, default=ROOT)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each timed step; the fastest is reported")
    parser.add_argument("--measure", nargs=2, metavar=("STEP", "PROJECT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return 0
    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)  # now, not after a quarter of an hour
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        for n in (int(s) for s in args.sizes.split(",")):
            print(f"N={n} …", flush=True)
            results[str(n)] = bench_size(n, Path(work), args.repeat)
            print(f"  {results[str(n)]}", flush=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    text = report(results, time.perf_counter() - started, args.repeat)
    (args.out / "BENCHMARKS.md").write_text(text + kept_by_hand(args.out / "BENCHMARKS.md"),
                                            encoding="utf-8")
    missed = [name for name, _, ok in targets(results) if not ok]
    for name in missed:
        print(f"target missed: {name}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
