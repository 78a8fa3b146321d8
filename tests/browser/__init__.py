"""Browser tests: the built site in headless Chromium (search, print, offline, privacy, a11y).

They need Debian's chromium, fonts-noto-cjk, fonts-liberation and poppler-utils, and
axe-core in .cache/npm: `scripts/browser_deps.sh` (run by `make test`) installs them. When
something is missing the tests fail and say what; they never skip.
"""
