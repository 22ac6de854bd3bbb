#!/usr/bin/env node
// Size check of the published build (run after `npm run build`): what an
// application pays, bundled by esbuild for the browser and minified, for importing
// one function or everything; and the demo page's JavaScript, minified and gzipped.
// Exits 1 when a budget is exceeded. `--json` prints the measures as JSON.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { bundleForBrowser, fpTsModules, root } from './bundle.mjs'
const KB = 1024

// Budgets in bytes, minified (not gzipped) unless the name says gzip.
const budgets = [
  { name: "import { wilson } from 'realist-eval'", code: "export { wilson } from 'realist-eval'", max: 6 * KB },
  {
    name: "import { roundHalfUp } from 'realist-eval'",
    code: "export { roundHalfUp } from 'realist-eval'",
    max: 1 * KB,
  },
  // Its result carries its notebook display (a compact text table), which is counted here.
  {
    name: "import { attainment } from 'realist-eval'",
    code: "export { attainment } from 'realist-eval'",
    max: 30 * KB,
  },
  // Whole entries are checked below against a bundle of their sources.
]

// A whole entry must cost no more than a bundle of its own sources (+5%): the
// published build adds nothing. (The root measured 192.7 KB before the ESM build
// became one file per module; it has since grown with the library, not the build.)
const wholeEntries = [
  ['realist-eval', 'src/index.ts'],
  ['realist-eval/io', 'src/io/index.ts'],
  ['realist-eval/report', 'src/report/index.ts'],
  ['realist-eval/datasets/mhip', 'src/data/mhip/index.ts'],
  ['realist-eval/frameworks/emhip', 'src/data/emhip-framework.ts'],
]

const bundle = async (code) => (await bundleForBrowser(code)).bytes
const bundleSources = async (file) =>
  (await bundleForBrowser(`export * from './${file}'`, { loader: 'ts', plugins: [fpTsModules()] })).bytes

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('size: dist/ is missing; run `npm run build` first.')
  process.exit(1)
}

const rows = []
for (const b of budgets) {
  const bytes = await bundle(b.code)
  rows.push({ name: b.name, bytes: bytes.length, gzip: gzipSync(bytes).length, max: b.max })
}

for (const [name, source] of wholeEntries) {
  const bytes = await bundle(`export * from '${name}'`)
  const reference = (await bundleSources(source)).length
  rows.push({
    name: `import * from '${name}'`,
    bytes: bytes.length,
    gzip: gzipSync(bytes).length,
    max: Math.ceil(reference * 1.05),
  })
}

// The demo page's script (built by `npm run example:web`), minified + gzipped: at most 80 KB.
// It bundles csv-parse's ES module build with the part of Buffer it uses (examples/web/buffer.ts).
const demo = join(root, 'examples', 'web', 'dist', 'app.js')
if (existsSync(demo)) {
  const bytes = readFileSync(demo)
  rows.push({
    name: 'demo page script (examples/web), gzip',
    bytes: bytes.length,
    gzip: gzipSync(bytes).length,
    max: 80 * KB,
    gzipped: true,
  })
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2))
} else {
  for (const r of rows) {
    const measured = r.gzipped ? r.gzip : r.bytes
    const ok = measured <= r.max ? 'ok  ' : 'OVER'
    const size = `${(r.bytes / KB).toFixed(1)} KB min, ${(r.gzip / KB).toFixed(1)} KB gzip`
    console.log(
      `${ok} ${r.name.padEnd(46)} ${size.padEnd(28)} budget ${(r.max / KB).toFixed(0)} KB${r.gzipped ? ' gzip' : ''}`,
    )
  }
}
const over = rows.filter((r) => (r.gzipped ? r.gzip : r.bytes) > r.max)
if (over.length > 0) {
  console.error(`size: ${over.length} budget(s) exceeded: ${over.map((r) => r.name).join('; ')}`)
  process.exit(1)
}
