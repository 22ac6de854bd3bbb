#!/usr/bin/env bash
# The notebook check: execute examples/notebook/mhip.ipynb in a real Deno Jupyter
# kernel against this clone's build, check each cell's outputs (MIME types and
# contents, as the cells' metadata lists them), then compile every Vega-Lite
# bundle with Vega-Lite 5 and render it with Vega 5. Installs its tools first
# (scripts/notebook-setup.sh). Run `npm run build` before, as `npm run test:notebook` does.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="$(bash scripts/notebook-setup.sh)"
PYTHON=""
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import jupyter_client' 2>/dev/null; then
    PYTHON="$py"
    break
  fi
done
[ -f dist/index.js ] || { echo "notebook-check: dist/ is missing; run npm run build first." >&2; exit 1; }

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$PYTHON" scripts/notebook-check.py examples/notebook/mhip.ipynb \
  --deno "$TOOLS/node_modules/.bin/deno" --out "$OUT/mhip.executed.ipynb"
node scripts/notebook-vega-check.mjs "$OUT/mhip.executed.ipynb" "$TOOLS"
