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

# One installer at a time: parallel test workers may all call this. The lock file
# lives in the project's own cache folder.
LOCK_DIR="$(cd "$(dirname "$0")/.." && pwd)/node_modules/.cache"
mkdir -p "$LOCK_DIR"
exec 9>"$LOCK_DIR/ensure-chromium.lock"
flock 9

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

echo "ensure-chromium: installing Debian chromium (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
# Another process (unattended upgrades, a second test run) may hold the dpkg or apt
# lists lock: wait for it up to ten minutes rather than failing at once, and retry
# the whole install once after a failure.
APT_WAIT=(-o DPkg::Lock::Timeout=600)
install_chromium() {
  $SUDO apt-get "${APT_WAIT[@]}" update -qq >&2 &&
    $SUDO apt-get "${APT_WAIT[@]}" install -y -qq chromium >&2
}
if ! install_chromium; then
  echo "ensure-chromium: apt-get failed; retrying once in 15 s…" >&2
  sleep 15
  install_chromium
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed." >&2
