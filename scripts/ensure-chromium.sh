#!/usr/bin/env bash
# Make sure Debian's chromium is installed, for the headless browser test of the
# HTML report (test/report/html-report.browser.test.ts). Idempotent: does nothing
# when /usr/bin/chromium exists. Non-interactive, so it works under CI=true.
# Needs root (CI containers run as root); otherwise tries sudo -n, and fails loudly
# rather than letting the browser test be skipped.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "ensure-chromium: $CHROMIUM is missing and this user cannot install packages (not root, no sudo)." >&2
    echo "ensure-chromium: install it with: apt-get update && apt-get install -y chromium" >&2
    exit 1
  fi
fi

# One installer at a time: parallel test workers (or helpers) may all call this.
LOCK=/tmp/ensure-chromium.lock
exec 9>"$LOCK"
flock 9

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

echo "ensure-chromium: installing Debian chromium (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq chromium >&2

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed." >&2
