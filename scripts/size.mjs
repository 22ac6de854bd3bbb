#!/usr/bin/env node
// Size check of the published build (run after `npm run build`): what an
// application pays, bundled by esbuild for the browser and minified, for importing
// one function or everything; and the demo page's JavaScript, minified and gzipped.
// Exits 1 when a budget is exceeded. `--json` prints the measures as JSON.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { bundleForBrowser, root } from './bundle.mjs'
const KB = 1024

// Budgets in bytes, minified (not gzipped) unless the name says gzip.
const budgets = [
  { name: "import { wilson } from 'realist-eval'", code: "export { wilson } from 'realist-eval'", max: 6 * KB },
  { name: "import { roundHalfUp } from 'realist-eval'", code: "export { roundHalfUp } from 'realist-eval'", max: 1 * KB },
  { name: "import { attainment } from 'realist-eval'", code: "export { attainment } from 'realist-eval'", max: 30 * KB },
  // Whole entries: budgets at the size each had when the ESM build became one file
  // per module (root 192.7 KB, io 153.4 KB, report 132.0 KB then), so they never grow
  // past it; io since carries csv-parse's self-contained browser build (+14 KB).
  { name: "import * from 'realist-eval'", code: "export * from 'realist-eval'", max: 193 * KB },
  { name: "import * from 'realist-eval/io'", code: "export * from 'realist-eval/io'", max: 185 * KB },
  { name: "import * from 'realist-eval/report'", code: "export * from 'realist-eval/report'", max: 132 * KB },
  { name: "import * from 'realist-eval/datasets/mhip'", code: "export * from 'realist-eval/datasets/mhip'", max: 32 * KB },
  { name: "import * from 'realist-eval/frameworks/emhip'", code: "export * from 'realist-eval/frameworks/emhip'", max: 32 * KB },
]

const bundle = async (code) => (await bundleForBrowser(code)).bytes

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('size: dist/ is missing; run `npm run build` first.')
  process.exit(1)
}

const rows = []
for (const b of budgets) {
  const bytes = await bundle(b.code)
  rows.push({ name: b.name, bytes: bytes.length, gzip: gzipSync(bytes).length, max: b.max })
}

// The demo page's script (built by `npm run example:web`): budget 80 KB minified + gzipped.
const demo = join(root, 'examples', 'web', 'dist', 'app.js')
if (existsSync(demo)) {
  const bytes = readFileSync(demo)
  rows.push({ name: 'demo page script (examples/web), gzip', bytes: bytes.length, gzip: gzipSync(bytes).length, max: 80 * KB, gzipped: true })
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2))
} else {
  for (const r of rows) {
    const measured = r.gzipped ? r.gzip : r.bytes
    const ok = measured <= r.max ? 'ok  ' : 'OVER'
    const size = `${(r.bytes / KB).toFixed(1)} KB min, ${(r.gzip / KB).toFixed(1)} KB gzip`
    console.log(`${ok} ${r.name.padEnd(46)} ${size.padEnd(28)} budget ${(r.max / KB).toFixed(0)} KB${r.gzipped ? ' gzip' : ''}`)
  }
}
const over = rows.filter((r) => (r.gzipped ? r.gzip : r.bytes) > r.max)
if (over.length > 0) {
  console.error(`size: ${over.length} budget(s) exceeded: ${over.map((r) => r.name).join('; ')}`)
  process.exit(1)
}
