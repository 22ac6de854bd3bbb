#!/usr/bin/env bash
# Install what the notebook check (npm run test:notebook) needs, and print the
# folder of its tools. Idempotent: a second run installs nothing.
# - Python 3 with jupyter_client, to drive the kernel (Debian's python3-jupyter-client);
# - Deno 2.9, whose `deno jupyter` is the kernel (npm package deno, which ships the binary);
# - Vega-Lite 5 and Vega 5, to compile and render the Vega-Lite bundles the notebook shows.
# Deno and Vega go to the project's own cache folder, not the project's dependencies:
# a user of the library needs none of them.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="${REALIST_EVAL_NOTEBOOK_TOOLS:-$PWD/node_modules/.cache/realist-eval-notebook}"
DENO_VERSION="2.9.6"

python_with_jupyter() {
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import jupyter_client' 2>/dev/null; then
      command -v "$py"
      return 0
    fi
  done
  return 1
}

if ! python_with_jupyter >/dev/null; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      SUDO="sudo -n"
    else
      echo "notebook-setup: Python's jupyter_client is missing and this user cannot install packages." >&2
      echo "notebook-setup: install it with: apt-get install -y python3-jupyter-client" >&2
      exit 1
    fi
  fi
  echo "notebook-setup: installing python3-jupyter-client (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  # Wait for a dpkg lock held by another process (unattended upgrades), and retry once.
  APT_WAIT=(-o DPkg::Lock::Timeout=600)
  install() {
    $SUDO apt-get "${APT_WAIT[@]}" update -qq >&2 &&
      $SUDO apt-get "${APT_WAIT[@]}" install -y -qq python3-jupyter-client >&2
  }
  if ! install; then
    echo "notebook-setup: apt-get failed; retrying once in 15 s…" >&2
    sleep 15
    install
  fi
  python_with_jupyter >/dev/null || {
    echo "notebook-setup: python3-jupyter-client installed, but no python3 imports jupyter_client." >&2
    exit 1
  }
fi

if [ ! -x "$TOOLS/node_modules/.bin/deno" ] || [ ! -d "$TOOLS/node_modules/vega-lite" ] ||
  [ "$("$TOOLS/node_modules/.bin/deno" --version 2>/dev/null | head -1 | cut -d' ' -f2)" != "$DENO_VERSION" ]; then
  echo "notebook-setup: installing deno@$DENO_VERSION, vega-lite@5 and vega@5 into $TOOLS (npm)…" >&2
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{ "private": true }' >"$TOOLS/package.json"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "deno@$DENO_VERSION" vega-lite@5 vega@5 >&2
fi
echo "$TOOLS"
