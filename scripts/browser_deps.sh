#!/usr/bin/env bash
# What the browser tests (tests/browser/) need from outside the venv; `make test` runs this
# before pytest. Installs what is missing, or says what to install and exits 1.
#
#   Debian packages: chromium (Playwright drives /usr/bin/chromium; it never downloads a
#   browser), fonts-noto-cjk (Hangul glyphs), fonts-liberation (the Arial-metric font that
#   Chromium uses for Helvetica/Arial: the one-page print layout was measured with it;
#   chromium only recommends it, so --no-install-recommends would leave it out),
#   poppler-utils (pdfinfo, pdftotext, pdftoppm) and, only if axe-core must be fetched and
#   npm is missing, npm.
#   CHROMIUM names another Chromium-based browser instead (CI's Google Chrome): it is
#   checked, never installed, and chromium is then left out; the rest is the same.
#   npm registry: axe-core, as tests/browser/npm/package-lock.json locks it (version and
#   hash), installed by npm ci into .cache/npm (git-ignored).
set -euo pipefail

cd "$(dirname "$0")/.."
LOCKED=tests/browser/npm
PREFIX=.cache/npm
AXE=$PREFIX/node_modules/axe-core

have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
# npm ci installs exactly its folder's lockfile, so a copy of the committed one beside
# node_modules tells what is installed; a changed lockfile installs again.
axe_ok() {
    [ -f "$AXE/axe.min.js" ] && cmp -s "$LOCKED/package.json" "$PREFIX/package.json" &&
        cmp -s "$LOCKED/package-lock.json" "$PREFIX/package-lock.json"
}

missing=()
browser=${CHROMIUM:-/usr/bin/chromium}
no_browser=
if [ "$browser" = /usr/bin/chromium ]; then
    [ -x "$browser" ] || missing+=(chromium)
elif [ -x "$browser" ] && [ -f "$browser" ]; then
    echo "browser tests: using CHROMIUM=$browser, not Debian's chromium: nothing to install" \
        "for it" >&2
else
    # Debian's chromium would not appear at that path: installing it would not help.
    no_browser="browser tests: CHROMIUM=$browser is not an executable file; install that \
browser, or unset CHROMIUM to use Debian's chromium (which this script installs)"
    echo "$no_browser" >&2
fi
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || have_deb fonts-noto-cjk ||
    missing+=(fonts-noto-cjk)
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] ||
    have_deb fonts-liberation || missing+=(fonts-liberation)
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null ||
    missing+=(poppler-utils)
if ! axe_ok && ! command -v npm >/dev/null; then
    missing+=(npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        {
            echo "browser tests: missing Debian packages: ${missing[*]}"
            echo "install them, then run make test again:"
            echo "    sudo apt-get update"
            echo "    sudo apt-get install -y --no-install-recommends ${missing[*]}"
        } >&2
        exit 1
    fi
    echo "browser tests: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! axe_ok; then
    echo "browser tests: installing axe-core from $LOCKED/package-lock.json into $PREFIX" >&2
    mkdir -p "$PREFIX"
    cp "$LOCKED/package.json" "$LOCKED/package-lock.json" "$PREFIX/"
    npm ci --prefix "$PREFIX" --no-audit --no-fund --ignore-scripts --loglevel=error
    axe_ok || { echo "browser tests: axe-core did not install into $AXE" >&2; exit 1; }
fi

[ -z "$no_browser" ] || exit 1
