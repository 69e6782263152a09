#!/bin/sh
# Headless Chromium for the browser tests (tests/test_browser.py), from Debian's own
# packages: chromium + chromium-driver, and a font with Arabic glyphs. Playwright's
# Python package drives /usr/bin/chromium; `playwright install` is never run.
set -eu

need_browser=0
need_font=0
[ -x /usr/bin/chromium ] || need_browser=1
if command -v fc-list >/dev/null 2>&1; then
    [ -n "$(fc-list :lang=ar 2>/dev/null | head -n 1)" ] || need_font=1
else
    need_font=1
fi

if [ "$need_browser" -eq 0 ] && [ "$need_font" -eq 0 ]; then
    echo "chromium and an Arabic font are present"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-browser: not root and no sudo; the browser tests will be skipped" >&2
        exit 0
    fi
else
    SUDO=""
fi

packages=""
[ "$need_browser" -eq 1 ] && packages="chromium chromium-driver"
[ "$need_font" -eq 1 ] && packages="$packages fonts-noto-core fontconfig"

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086  # the package list is meant to split
$SUDO apt-get install -y -qq --no-install-recommends $packages
echo "installed: $packages"
