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
# shellcheck source=apt-install.sh
. scripts/apt-install.sh

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
  apt_install notebook-setup python3-jupyter-client
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
