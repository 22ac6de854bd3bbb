#!/usr/bin/env node
// Compile every Vega-Lite bundle (application/vnd.vegalite.v5+json) of an executed
// notebook with Vega-Lite 5 and render it to SVG with Vega 5: the notebook's
// renderers (JupyterLab's, and what Deno's kernel hands on) are of those versions.
// A spec that compiles with a warning or an error fails.
// Usage: node scripts/notebook-vega-check.mjs EXECUTED.ipynb TOOLS_FOLDER
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [notebook, tools] = process.argv.slice(2)
if (notebook === undefined || tools === undefined) {
  console.error('usage: notebook-vega-check.mjs EXECUTED.ipynb TOOLS_FOLDER')
  process.exit(2)
}
const require = createRequire(join(tools, 'package.json'))
const vl = await import(pathToFileURL(require.resolve('vega-lite')).href)
const vega = await import(pathToFileURL(require.resolve('vega')).href)

const MIME = 'application/vnd.vegalite.v5+json'
const nb = JSON.parse(readFileSync(notebook, 'utf8'))
let passed = 0
let failed = 0
let cell = 0
for (const c of nb.cells) {
  if (c.cell_type !== 'code') continue
  cell++
  for (const o of c.outputs ?? []) {
    const spec = o.data?.[MIME]
    if (spec === undefined) continue
    const messages = []
    const logger = {
      level() {
        return this
      },
      warn: (...a) => messages.push(`warning: ${a.join(' ')}`),
      error: (...a) => messages.push(`error: ${a.join(' ')}`),
      info() {},
      debug() {},
    }
    try {
      const compiled = vl.compile(spec, { logger })
      const svg = await new vega.View(vega.parse(compiled.spec), { renderer: 'none' }).toSVG()
      if (!svg.startsWith('<svg')) messages.push('error: no SVG rendered')
    } catch (e) {
      messages.push(`error: ${e instanceof Error ? e.message : String(e)}`)
    }
    const ok = messages.length === 0 && spec.$schema === 'https://vega.github.io/schema/vega-lite/v5.json'
    if (ok) passed++
    else failed++
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} cell ${cell}: Vega-Lite ${vl.version} compiles, Vega ${vega.version} renders` +
        (messages.length > 0 ? `; ${messages.join('; ')}` : '') +
        (spec.$schema === 'https://vega.github.io/schema/vega-lite/v5.json' ? '' : `; $schema ${spec.$schema}`),
    )
  }
}
if (passed + failed === 0) {
  console.log('FAIL no Vega-Lite bundle found')
  failed++
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
