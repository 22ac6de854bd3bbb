/**
 * CSV: the parsers, and a long ratings file → attainment.
 *
 * 1. Parsers on the same text (the long ratings layout, one record per line,
 *    no quotes, as machine-written files are; and the same with every field
 *    quoted): csv-parse (the library's parser), udsv, papaparse, d3-dsv.
 *    Each is first checked for exactness on an RFC 4180 corpus (quoted
 *    delimiters, doubled quotes, line breaks inside quotes, CRLF, empty
 *    fields, a missing final line break) and for what it says about a
 *    broken file (an unclosed quote): whether it reports it, and where.
 * 2. File → attainment: `importRatingsLong` onto the document's sites and
 *    units, then `attainment(…, { count: 'criteria' })`, against Arquero
 *    `fromCSV` + `groupby().rollup()` and DuckDB `read_csv` + `GROUP BY` on
 *    the same file (both grouping by round × site × criterion, less work
 *    than the library's per-standard figures). Peak RSS of the library's
 *    path is measured in a child process of its own.
 * @module
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as aq from 'arquero'
import { parse as csvParse } from 'csv-parse/sync'
import Papa from 'papaparse'
import { inferSchema, initParser } from 'udsv'
import { csvParseRows } from 'd3-dsv'
import { DuckDBInstance } from '@duckdb/node-api'
import type { Evaluation } from '../src/model/evaluation.js'
import { attainment } from '../src/standards/index.js'
import { decodeEvaluation, encodeEvaluation, parseEvaluation } from '../src/index.js'
import { importRatingsLong } from '../src/io/index.js'
import { visitCsv } from '../src/io/csv/read.js'
import { ratingRows } from '../src/io/export/document-rows.js'
import { generateEvaluation } from './generate.js'
import type { BenchContext, BenchReport, Check } from './harness.js'
import { measure, median } from './harness.js'

const here = dirname(fileURLToPath(import.meta.url))

type Parser = (text: string) => string[][]

const PARSERS: Record<string, Parser> = {
  'csv-parse': (text) => csvParse(text, { relax_column_count: true }) as string[][],
  udsv: (text) => initParser(inferSchema(text, { header: () => [] })).stringArrs(text) as string[][],
  papaparse: (text) =>
    Papa.parse<string[]>(text, { skipEmptyLines: false }).data.filter((r) => !(r.length === 1 && r[0] === '')),
  'd3-dsv': (text) => csvParseRows(text),
  // The library's reader: its own scanner on a well-formed file (csv-parse on anything else). It skips
  // blank records (a line of only delimiters), as every import does.
  'realist-eval visitCsv': (text) => {
    const rows: string[][] = []
    visitCsv(text, {}, () => (cells) => void rows.push(cells))
    return rows
  },
}

/** RFC 4180 cases: text and the records it holds. */
const CORPUS: readonly {
  readonly name: string
  readonly text: string
  readonly rows: readonly (readonly string[])[]
}[] = [
  {
    name: 'plain, LF',
    text: 'a,b\n1,2\n',
    rows: [
      ['a', 'b'],
      ['1', '2'],
    ],
  },
  {
    name: 'CRLF',
    text: 'a,b\r\n1,2\r\n',
    rows: [
      ['a', 'b'],
      ['1', '2'],
    ],
  },
  {
    name: 'no final line break',
    text: 'a,b\n1,2',
    rows: [
      ['a', 'b'],
      ['1', '2'],
    ],
  },
  {
    name: 'quoted delimiter',
    text: 'a,b\n"x,y",2\n',
    rows: [
      ['a', 'b'],
      ['x,y', '2'],
    ],
  },
  {
    name: 'doubled quote',
    text: 'a,b\n"say ""hi""",2\n',
    rows: [
      ['a', 'b'],
      ['say "hi"', '2'],
    ],
  },
  {
    name: 'line break inside quotes',
    text: 'a,b\n"line 1\r\nline 2",2\n',
    rows: [
      ['a', 'b'],
      ['line 1\r\nline 2', '2'],
    ],
  },
  {
    name: 'empty fields',
    text: 'a,b,c\n,,\n',
    rows: [
      ['a', 'b', 'c'],
      ['', '', ''],
    ],
  },
  {
    name: 'empty quoted field',
    text: 'a,b\n"",2\n',
    rows: [
      ['a', 'b'],
      ['', '2'],
    ],
  },
]
const BROKEN = 'a,b\n1,2\n"open,3\n4,5\n'

const exactness = (p: Parser): { exact: number; failed: string[] } => {
  const failed: string[] = []
  for (const c of CORPUS) {
    let got: string[][] | string
    try {
      got = p(c.text)
    } catch (e) {
      got = String(e)
    }
    if (JSON.stringify(got) !== JSON.stringify(c.rows)) failed.push(c.name)
  }
  return { exact: CORPUS.length - failed.length, failed }
}

const brokenReport = (name: string): string => {
  try {
    if (name === 'realist-eval visitCsv') {
      const r = visitCsv(BROKEN, {}, () => () => undefined)
      return r.problems.length > 0
        ? `reports it: ${r.problems
            .map((p) => `${p.where}: ${p.found}`)
            .join('; ')
            .slice(0, 120)}`
        : 'silent'
    }
    if (name === 'csv-parse') csvParse(BROKEN)
    else if (name === 'papaparse') {
      const r = Papa.parse(BROKEN)
      return r.errors.length > 0
        ? `reports it: ${r.errors.map((e) => `${e.code} at row ${e.row} (a record index, no line or column)`).join('; ')}`
        : 'silent'
    } else PARSERS[name]!(BROKEN)
    return 'silent: returns records, no error'
  } catch (e) {
    const err = e as { message?: string; lines?: number; column?: number }
    return `throws: ${String(err.message).slice(0, 90)}${err.lines !== undefined ? ` (lines ${err.lines})` : ''}`
  }
}

/** The long ratings CSV of a document (the export layout), without the empty rater/date/note columns. */
const ratingsCsv = (ev: Evaluation, quoted: boolean): string => {
  const q = quoted ? (s: string) => `"${s}"` : (s: string) => s
  const lines = ['site,unit,round,target,level']
  for (const r of ratingRows(ev))
    lines.push(`${q(r.site)},${q(r.unit ?? '')},${q(r.round)},${q(r.target)},${q(r.level)}`)
  return lines.join('\n') + '\n'
}

/** The document without ratings: sites, units and rounds to import onto. */
const unrated = (ev: Evaluation): Evaluation => ({
  ...ev,
  sites: ev.sites.map((s) => ({ ...s, units: s.units.map((u) => ({ ...u, ratings: {} })) })),
})

const libraryPath = (base: Evaluation, text: string) => attainment(importRatingsLong(base, text), { count: 'criteria' })

const ROLLUP = {
  met: (d: { level: string }) => aq.op.sum(d.level === 'met' ? 1 : 0),
  partly: (d: { level: string }) => aq.op.sum(d.level === 'partly' ? 1 : 0),
  notMet: (d: { level: string }) => aq.op.sum(d.level === 'not-met' ? 1 : 0),
  na: (d: { level: string }) => aq.op.sum(d.level === 'na' ? 1 : 0),
}

// Child mode: run the library's path once on a file and print peak RSS.
if (process.argv.includes('--rss')) {
  const file = process.argv[process.argv.indexOf('--rss') + 1]!
  // The base as a user holds it: a document read from its file (sites, units and rounds, no ratings).
  const base = parseEvaluation(readFileSync(process.argv[process.argv.indexOf('--base') + 1]!, 'utf8'))
  const t0 = performance.now()
  libraryPath(base, readFileSync(file, 'utf8'))
  console.log(JSON.stringify({ ms: performance.now() - t0, peakRssMb: process.resourceUsage().maxRSS / 1024 }))
  process.exit(0)
}

/** Check that the library's met counts per site, over all rounds, equal DuckDB's. */
const agree = (lib: ReturnType<typeof libraryPath>, sums: readonly Record<string, unknown>[]): void => {
  for (const row of sums) {
    const scope = lib.scopes.find((s) => s.round === null && s.site === row['site'])
    if (!scope || Number(row['met']) !== scope.total.counts['met' as never])
      throw new Error(`library and DuckDB disagree on ${String(row['site'])}`)
  }
}

/**
 * The files and the base of one size: the generated document is dropped once
 * they are made, so that no comparator runs on a heap holding a million
 * rating objects that a user importing a file would not have.
 */
const inputs = (sites: number): { text: string; quotedText: string; base: Evaluation } => {
  const ev = generateEvaluation({ sites })
  // The base as a user holds it: a decoded document (sites, units and rounds, no ratings).
  const decodedBase = decodeEvaluation(encodeEvaluation(unrated(ev)))
  if (decodedBase._tag === 'Left') throw new Error('the generated base does not decode')
  return { text: ratingsCsv(ev, false), quotedText: ratingsCsv(ev, true), base: decodedBase.right }
}

export const run = async (ctx: BenchContext): Promise<BenchReport> => {
  // BENCH_CSV_SITES: the file's size in sites (200: about 930,000 rows), whatever the mode.
  const sites = Number(process.env.BENCH_CSV_SITES ?? (ctx.quick ? 20 : 200))
  const made = inputs(sites)
  const base = made.base
  const file = join(here, 'data', `ratings-${sites}.csv`)
  const quotedFile = join(here, 'data', `ratings-${sites}-quoted.csv`)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, made.text)
  writeFileSync(quotedFile, made.quotedText)
  // The texts as a user has them, read from the files (one flat string each; the joined strings the
  // generator made are concatenations, slower to read character by character for every JS parser).
  const text = readFileSync(file, 'utf8')
  const quotedText = readFileSync(quotedFile, 'utf8')
  const rows = text.split('\n').length - 2

  const exact = Object.fromEntries(Object.keys(PARSERS).map((n) => [n, exactness(PARSERS[n]!)]))
  for (const [name, p] of Object.entries(PARSERS))
    if (p(text).length !== rows + 1) throw new Error(`${name} read a different number of records`)

  const parserTasks = Object.fromEntries(
    Object.entries(PARSERS).flatMap(([name, p]) => [
      [`parse: ${name}`, () => p(text)],
      [`parse, every field quoted: ${name}`, () => p(quotedText)],
    ]),
  )
  // BENCH_CSV_PARSERS=0 leaves the parser timings out (the file → attainment pipeline only).
  const timeParsers = process.env.BENCH_CSV_PARSERS !== '0'
  const parsers = timeParsers
    ? await measure(parserTasks, {
        time: ctx.quick ? 300 : 2000,
        iterations: ctx.quick ? 3 : 5,
        passes: ctx.quick ? 1 : 2,
        warmupIterations: 2,
      })
    : []

  const db = await (await DuckDBInstance.create(':memory:')).connect()
  const duck = `SELECT round, site, target, count(*) FILTER (WHERE level = 'met') AS met, count(*) FILTER (WHERE level = 'partly') AS partly, count(*) FILTER (WHERE level = 'not-met') AS not_met, count(*) FILTER (WHERE level = 'na') AS na FROM read_csv('${file}') GROUP BY round, site, target`
  // Agreement: the library's criteria counts equal DuckDB's summed per site (the result is not kept).
  const sums = (await db.runAndReadAll(`SELECT site, sum(met) AS met FROM (${duck}) GROUP BY site`)).getRowObjects()
  agree(libraryPath(base, text), sums)
  const LIB = 'file → attainment: importRatingsLong + attainment (criteria)'
  const AQ = 'file → attainment: Arquero fromCSV + groupby/rollup'
  const DUCK = 'file → attainment: DuckDB read_csv + GROUP BY'
  const pipeline = await measure(
    {
      [LIB]: () => libraryPath(base, text),
      [AQ]: () => aq.fromCSV(text).groupby('round', 'site', 'target').rollup(ROLLUP),
      [DUCK]: async () => (await db.runAndReadAll(duck)).getRowObjects().length,
    },
    { time: ctx.quick ? 300 : 2000, iterations: ctx.quick ? 2 : 3, passes: 1, warmupIterations: 1 },
  )
  db.closeSync()
  const baseFile = join(here, 'data', `base-${sites}.json`)
  writeFileSync(baseFile, JSON.stringify(encodeEvaluation(base)))
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--rss', file, '--base', baseFile],
    { encoding: 'utf8' },
  )
  const rss = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{"peakRssMb":NaN}') as { peakRssMb: number }

  const tLib = median(pipeline, LIB)
  const tAq = median(pipeline, AQ)
  const tDuck = median(pipeline, DUCK)
  const checks: Check[] = [
    {
      label: `file → attainment, Arquero / library (${rows.toLocaleString('en')} rows)`,
      value: tAq / tLib,
      unit: '×',
      target: '> 1',
      pass: tAq / tLib > 1,
    },
    {
      label: 'file → attainment, library / DuckDB',
      value: tLib / tDuck,
      unit: '×',
      target: '≤ 3',
      pass: tLib / tDuck <= 3,
    },
    {
      label: 'file → attainment, library peak RSS',
      value: rss.peakRssMb,
      unit: 'MB',
      target: '< 400',
      pass: rss.peakRssMb < 400,
    },
  ]
  const fastest = !timeParsers
    ? []
    : Object.keys(PARSERS).sort((a, b) => median(parsers, `parse: ${a}`) - median(parsers, `parse: ${b}`))
  return {
    title: 'CSV: parsers, and a long ratings file to attainment',
    measurements: [...parsers, ...pipeline],
    checks,
    notes: [
      `${rows.toLocaleString('en')} data rows (${(text.length / 2 ** 20).toFixed(1)} MB); ${timeParsers ? `parsers fastest first: ${fastest.join(', ')}` : 'parsers not timed in this run'}.`,
      ...Object.entries(exact).map(
        ([name, e]) =>
          `${name}: exact on ${e.exact} of ${CORPUS.length} RFC 4180 cases${e.failed.length ? ` (not: ${e.failed.join(', ')})` : ''}; an unclosed quote: ${brokenReport(name)}.`,
      ),
      'realist-eval visitCsv skips blank records (the "empty fields" case is a line of only delimiters), as every import of the library does; on a well-formed file it reads with its own scanner, and hands any other file to csv-parse.',
      'The library path is the whole import: parsing, resolving every site, unit, round, target and level, the all-or-nothing checks, building the document, then the attainment figures. The base is a decoded document, as a user holds one, so the result is checked by construction and not decoded again (a base built in code is: the whole result then goes through decodeEvaluation).',
      'Arquero and DuckDB group by round × site × criterion (no roll-up to standards, no checks): less work than the library does.',
    ],
  }
}
