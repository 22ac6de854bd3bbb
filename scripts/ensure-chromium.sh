#!/usr/bin/env bash
# Make sure Debian's chromium is installed, for the headless browser test of the
# HTML report (test/report/html-report.browser.test.ts). Idempotent: does nothing
# when /usr/bin/chromium exists. Non-interactive, so it works under CI=true.
# Needs root (CI containers run as root); otherwise tries sudo -n, and fails loudly
# rather than letting the browser test be skipped (scripts/apt-install.sh).
set -euo pipefail
# shellcheck source=apt-install.sh
. "$(dirname "$0")/apt-install.sh"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

# One installer at a time: parallel test workers may all call this. The lock file
# lives in the project's own cache folder.
LOCK_DIR="$(cd "$(dirname "$0")/.." && pwd)/node_modules/.cache"
mkdir -p "$LOCK_DIR"
exec 9>"$LOCK_DIR/ensure-chromium.lock"
flock 9

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

apt_install ensure-chromium chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed." >&2
