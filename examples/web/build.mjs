// Build the demo page into examples/web/dist/: index.html with its script
// inlined, under a content security policy that allows exactly that script and
// that style sheet (by hash) and nothing from the network, so the page opens
// from disk or any static host. dist/app.js is the same script, for the size check.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fpTsModules, leanCsvParse, leanCsvParseInject, root } from '../../scripts/bundle.mjs'

const here = join(root, 'examples', 'web')
const out = join(here, 'dist')

const result = await build({
  entryPoints: [join(here, 'app.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  write: false,
  legalComments: 'none',
  // csv-parse's ES module build with the part of Buffer it uses, not its browser build (see buffer.ts).
  plugins: [fpTsModules(), leanCsvParse()],
  inject: leanCsvParseInject,
})
// Inlined in a <script> element: no "</script" may appear in it.
const js = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1')
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`

const template = readFileSync(join(here, 'index.html'), 'utf8')
const style = /<style>([\s\S]*?)<\/style>/.exec(template)[1]
const csp = [
  "default-src 'none'",
  `script-src ${sha(js)}`,
  `style-src ${sha(style)}`,
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
const html = template.replace('__CSP__', csp).replace('__SCRIPT__', () => `<script>${js}</script>`)

mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'index.html'), html)
writeFileSync(join(out, 'app.js'), js)
console.log(`examples/web/dist/index.html (${(js.length / 1024).toFixed(1)} KB of script); open it in a browser.`)
