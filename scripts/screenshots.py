"""Screenshots of the built site for review: docs/screenshots/*.png.

Builds the site (strict, into a temporary folder), serves it on 127.0.0.1, and writes
{home,summit,leader,brief,trade,summits}-{desktop,phone}.png (1280 and 390 px wide, the top
of each page), print-{summit,leader,trade}-{a4,letter}.png (Chrome's print to PDF, then
`pdftoppm -png -r 60`, first page), print-brief-{a4,letter}-N.png (every sheet of a
counterpart brief) and print-pack-a4-N.png (every sheet of a meeting pack).
Needs what scripts/browser_deps.sh installs.

    .venv/bin/python -m scripts.screenshots    (from the project folder)
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from tests.browser.helpers import (
    build_site,
    launch,
    missing_tools,
    pdf_pages,
    print_pdf,
    serve,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PAGES = {
    "home": "",
    "summit": "summits/2023-06-23-vietnam/",
    "leader": "leaders/luong-cuong/",
    "brief": "leaders/luong-cuong/brief/",
    "trade": "trade-targets/",
    "summits": "summits/",
}
PACK = "summits/2023-06-23-vietnam/pack/"
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
MAX_HEIGHT = {"desktop": 1600, "phone": 2400}  # crop long pages to their top
MAX_BYTES = 300_000


def shoot(page, path: Path, width: int, height: int) -> None:
    """A full-page screenshot cut to `height` pixels, smaller cuts if the PNG is too big."""
    full = page.evaluate("document.documentElement.scrollHeight")
    height = min(full, height)
    while True:
        page.screenshot(path=str(path), full_page=True, animations="disabled",
                        clip={"x": 0, "y": 0, "width": width, "height": height})
        if path.stat().st_size < MAX_BYTES or height <= 800:
            return
        height = int(height * 0.8)


def run() -> list[Path]:
    missing = missing_tools()
    if missing:
        raise SystemExit("missing: " + "; ".join(missing) + " (run scripts/browser_deps.sh)")
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(ROOT, Path(tmp) / "site")
        with serve(site) as url, sync_playwright() as playwright:
            browser = launch(playwright)
            for device, (width, height) in VIEWPORTS.items():
                context = browser.new_context(viewport={"width": width, "height": height},
                                              device_scale_factor=1,
                                              is_mobile=device == "phone",
                                              has_touch=device == "phone")
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(url + path, wait_until="networkidle")
                    target = OUT / f"{name}-{device}.png"
                    shoot(page, target, width, MAX_HEIGHT[device])
                    written.append(target)
                context.close()
            context = browser.new_context()
            page = context.new_page()
            for name in ("summit", "leader", "trade"):
                page.goto(url + PAGES[name], wait_until="networkidle")
                for paper in ("A4", "Letter"):
                    pdf = Path(tmp) / f"{name}-{paper}.pdf"
                    pdf.write_bytes(print_pdf(page, paper))
                    stem = OUT / f"print-{name}-{paper.lower()}"
                    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                                    "-singlefile", str(pdf), str(stem)], check=True)
                    written.append(stem.with_suffix(".png"))
                    print(f"{PAGES[name]} on {paper}: {pdf_pages(pdf.read_bytes())} page(s)")
            page.goto(url + PAGES["brief"], wait_until="networkidle")
            for old in OUT.glob("print-brief-*.png"):
                old.unlink()
            for paper in ("A4", "Letter"):
                pdf = Path(tmp) / f"brief-{paper}.pdf"
                pdf.write_bytes(print_pdf(page, paper))
                stem = OUT / f"print-brief-{paper.lower()}"
                subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(stem)], check=True)
                written += sorted(OUT.glob(f"{stem.name}-*.png"))
                print(f"{PAGES['brief']} on {paper}: {pdf_pages(pdf.read_bytes())} page(s)")
            page.goto(url + PACK, wait_until="networkidle")
            pdf = Path(tmp) / "pack-A4.pdf"
            pdf.write_bytes(print_pdf(page, "A4"))
            sheets = pdf_pages(pdf.read_bytes())
            for old in OUT.glob("print-pack-a4-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(OUT / "print-pack-a4")],
                           check=True)
            written += sorted(OUT.glob("print-pack-a4-*.png"))
            print(f"{PACK} on A4: {sheets} page(s)")
            context.close()
            browser.close()
    for path in written:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    return written


if __name__ == "__main__":
    run()
