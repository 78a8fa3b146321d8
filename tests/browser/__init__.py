"""Browser tests: the built site in headless Chromium (search, print, offline, privacy, a11y).

They need Debian's chromium, fonts-noto-cjk, fonts-liberation and poppler-utils, and
axe-core in .cache/npm: `scripts/browser_deps.sh` (run by `make test`) installs them. When
something is missing the tests fail and say what; they never skip for that.

CHROMIUM=/path runs them in another Chromium-based browser (the GitHub workflow uses the
runner's Google Chrome). Everything runs there as well, except that the checks that depend
on font metrics (print page counts, layout widths) are skipped, with the reason, when that
browser draws the text in another font than the one they were measured with
(conftest.measured_font).
"""
