/**
 * The demo page reads CSV through csv-parse's ES module build with the part of
 * `Buffer` it uses written out (examples/web/buffer.ts), not csv-parse's
 * browser build. Here the library's csv-parse reading (`visitCsvWithCsvParse`,
 * the path every file the scanner does not read takes) is bundled exactly as
 * the demo bundles it, and held to the same reading with Node's csv-parse and
 * `Buffer`: the same records, lines, quoted empty cells and problems (their
 * messages included), on well-formed and broken files.
 */
import { build } from 'esbuild'
import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { visitCsvWithCsvParse, type ReadCsvOptions } from '../../src/io/csv/read.js'
// @ts-expect-error: a JavaScript module without declarations
import { leanCsvParse, leanCsvParseInject, root } from '../../scripts/bundle.mjs'

type Visit = typeof visitCsvWithCsvParse
let lean: Visit
const dir = mkdtempSync(join(tmpdir(), 'web-buffer-'))

beforeAll(async () => {
  const out = await build({
    stdin: { contents: "export { visitCsvWithCsvParse } from './src/io/csv/read.ts'", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: [leanCsvParse()],
    inject: leanCsvParseInject,
  })
  const text = out.outputFiles[0]!.text
  // The bundle holds csv-parse's ES module build, and no Buffer polyfill of its own.
  expect(text).toContain('csv-parse/lib/sync.js')
  expect(text).not.toContain('csv-parse/dist/')
  expect(text).not.toContain('base64')
  const file = join(dir, 'lean.mjs')
  writeFileSync(file, text)
  lean = ((await import(pathToFileURL(file).href)) as { visitCsvWithCsvParse: Visit }).visitCsvWithCsvParse
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const read = (visit: Visit, input: string | Uint8Array, options: ReadCsvOptions = {}) => {
  const records: unknown[] = []
  const result = visit(input, options, (cells, line, quotedEmpty) => records.push({ cells, line, quotedEmpty }))
  return { records, problems: [...result.problems], stopped: result.stopped }
}

const same = (input: string | Uint8Array, options: ReadCsvOptions = {}) =>
  expect(read(lean, input, options)).toEqual(read(visitCsvWithCsvParse, input, options))

describe("the demo's csv-parse (its ES module build with the Buffer subset)", () => {
  it('reads what Node reads, broken files included', () => {
    const cases = [
      'site,unit,criterion,level\nss,acute,1.1.1,met\n',
      'a,b\n"x, y",z\n"multi\nline",""\n',
      'a,b\n1,2\r\n3,4\r\n', // mixed line endings
      'a,b\r1,2\r3,4\r', // CR alone, as old spreadsheets write
      'a,b\n"open,2\n', // an unclosed quote
      'a,b\nx"y,2\n', // a quote inside an unquoted field
      'a,b\n"x"y,2\n3,4\n', // text after a closing quote, then a good record
      '\ufeffa,b\n1,2\n', // a byte-order mark
      'a;b\n1;2\n',
      'site,note\nss,café – naïve 日本 😀\n',
      '  a ,  b  \n\n\n  1,2  \n   \n',
    ]
    for (const c of cases) same(c)
    same('a;b\n1;2\n', { delimiter: ';' })
    same('a||b\n1||2\n', { delimiter: '||' })
    same("a,b\n=1,'=2\n", { stripFormulaGuard: true })
    same(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xc3, 0xa9, 0x2c, 0xff, 0x0a])) // bytes, one not UTF-8
  })

  it('property: any text of CSV characters reads the same', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'é', '😀', '"', '""', ',', ';', '\n', '\r', '\r\n', ' ', '\t', 'x,y', '='),
      maxLength: 60,
    })
    fc.assert(
      fc.property(text, (t) => {
        same(t)
      }),
      { numRuns: 500 },
    )
  })
})
