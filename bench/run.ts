/**
 * Run every benchmark and write bench/results.md.
 *
 *   npm run bench                    # all, full size; rewrites bench/results.md
 *   npm run bench -- --quick         # smaller and shorter, every benchmark
 *   npm run bench -- --quick=shapes  # the shapes reduced, every other benchmark full size
 *   npm run bench -- --only attainment,memory
 *   BENCH_SHAPES='E-MHIP, 200 sites, 2 rounds' npm run bench -- --only shapes   # some shapes only
 *
 * Each benchmark module exports `run(ctx): Promise<BenchReport>` (bench/harness.ts).
 * Every comparator of one benchmark is measured in the same tinybench run.
 * @module
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Evaluation } from '../src/model/evaluation.js'
import { decodeEvaluation } from '../src/document/decode.js'
import { formatProblems } from '../src/model/problem.js'
import { generateEvaluation, NATIONAL, SIZES } from './generate.js'
import type { BenchContext, BenchReport, Check } from './harness.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const quickArg = args.find((a) => a === '--quick' || a.startsWith('--quick='))
/** Benchmarks run reduced: all (`--quick`), the ones listed (`--quick=shapes,csv`), or none. */
const quickModules = quickArg?.startsWith('--quick=') ? new Set(quickArg.slice('--quick='.length).split(',')) : null
const quick = quickArg === '--quick'
const isQuick = (key: string): boolean => quick || (quickModules?.has(key) ?? false)
const onlyArg = args.indexOf('--only')
const only = onlyArg >= 0 ? new Set((args[onlyArg + 1] ?? '').split(',')) : null

/** The benchmark modules, in the order they run (cheapest set-up first is not needed: the context is shared). */
const MODULES: readonly { key: string; file: string }[] = [
  { key: 'shapes', file: './shapes.bench.js' },
  { key: 'attainment', file: './attainment.bench.js' },
  { key: 'incremental', file: './incremental.bench.js' },
  { key: 'decode', file: './decode.bench.js' },
  { key: 'edit', file: './edit.bench.js' },
  { key: 'memory', file: './memory.bench.js' },
  { key: 'scaling', file: './scaling.bench.js' },
  { key: 'qca', file: './qca.bench.js' },
  { key: 'csv', file: './csv.bench.js' },
  { key: 'agreement', file: './agreement.bench.js' },
  { key: 'register', file: './register.bench.js' },
]

/** Build each costly input once, on first use. */
const lazy = <A>(make: () => A): (() => A) => {
  let value: { v: A } | null = null
  return () => (value ??= { v: make() }).v
}

const size = quick ? SIZES['100k'] : NATIONAL
const generated = lazy<Evaluation>(() => generateEvaluation(size))
const json = lazy(() => JSON.stringify(generated()))
const decoded = lazy<Evaluation>(() => {
  const r = decodeEvaluation(JSON.parse(json()))
  if (r._tag === 'Left')
    throw new Error(`the generated document does not decode:\n${formatProblems('decodeEvaluation', r.left)}`)
  return r.right
})
const ctx: BenchContext = { generated, json, decoded, quick }

const fmt = (v: number): string =>
  Number.isNaN(v) ? 'n/a' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3)
const verdict = (c: Check): string => (c.pass === null ? '—' : c.pass ? 'met' : '**missed**')

// Taken when the run starts: the header is written at its end.
const startedAt = new Date()
const loadAtStart = os.loadavg()
const loads = (l: readonly number[]): string => `${l.map((x) => x.toFixed(1)).join(', ')} (1, 5, 15 min)`

const machine = (): string[] => {
  const cpus = os.cpus()
  return [
    `- Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}, V8 ${process.versions.v8}; tinybench medians after warm-up`,
    `- Load average at start: ${loads(loadAtStart)}`,
    `- Started: ${startedAt.toISOString()}; ended: ${new Date().toISOString()}`,
    `- Command: \`npm run bench${args.length ? ' -- ' + args.join(' ') : ''}\``,
    `- Mode: ${
      quick
        ? 'reduced (`--quick`: fewer samples; shapes of at most 100,000 rating slots, units per site cut to fit; the other benchmarks on the 100k-slot document)'
        : quickModules
          ? `reduced for ${[...quickModules].join(', ')} (fewer samples; shapes of at most 100,000 rating slots, units per site cut to fit); full size for the others`
          : 'full'
    }`,
    `- Document of the benchmarks other than the shapes: ${quick ? '20 organisations × 25 units × 198 criteria × 1 round = 99,000 slots' : '200 organisations × 25 units × 11 standards × 18 criteria × 1 round = 990,000 slots'}, seed ${size.seed} (bench/generate.ts)`,
  ]
}

const render = (reports: readonly { key: string; report: BenchReport | null; error?: string }[]): string => {
  const lines = [
    '# Benchmark results',
    '',
    ...machine(),
    `- Load average at the end: ${loads(os.loadavg())}`,
    '',
    'The machine is shared with other work (2 cores; load average above), so figures vary between runs; verdicts use medians, and the fastest sample is shown beside each to make the noise visible. Every comparator of a benchmark is measured in the same run, interleaved, under the same load: the ratios are the figures to read.',
    '',
  ]
  lines.push('## Summary', '', '| benchmark | figure | value | target | verdict |', '|---|---|---|---|---|')
  for (const { key, report, error } of reports) {
    if (!report) {
      lines.push(`| ${key} | not run | — | — | ${error ?? 'pending'} |`)
      continue
    }
    for (const c of report.checks)
      lines.push(
        `| ${key} | ${c.label} | ${fmt(c.value)} ${c.unit} | ${c.target === '—' ? '—' : `${c.target} ${c.unit}`} | ${verdict(c)} |`,
      )
  }
  for (const { key, report } of reports) {
    if (!report) continue
    lines.push('', `## ${report.title}`, '', `(\`bench/${key}.bench.ts\`${isQuick(key) ? ', reduced' : ''})`, '')
    if (report.measurements.length > 0) {
      lines.push('| task | median (ms) | fastest (ms) | samples |', '|---|---|---|---|')
      for (const m of report.measurements)
        lines.push(`| ${m.name} | ${fmt(m.medianMs)} | ${fmt(m.minMs)} | ${m.samples} |`)
      lines.push('')
    }
    for (const n of report.notes) lines.push(...(n.includes('\n') ? ['', n, ''] : [`- ${n}`]))
  }
  return lines.join('\n') + '\n'
}

/** Run one benchmark module in this process (the child side). */
const runModule = async (m: (typeof MODULES)[number]): Promise<BenchReport> => {
  const mod = (await import(m.file)) as { run?: (c: BenchContext) => Promise<BenchReport> }
  if (typeof mod.run !== 'function') throw new Error(`bench/${m.key}.bench.ts has no run(ctx) export`)
  return mod.run(ctx)
}

/**
 * Run one benchmark module in a fresh `node --expose-gc` process, so that no
 * benchmark measures on a heap full of another's data (the 1M-row Arquero
 * table, the JSON text…), and read its report from the last line of stdout.
 */
const runChild = (m: (typeof MODULES)[number]): { report: BenchReport } | { error: string } => {
  if (!existsSync(join(here, m.file.slice(2).replace(/\.js$/, '.ts'))))
    return { error: 'pending (file not written yet)' }
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--module',
      m.key,
      ...(isQuick(m.key) ? ['--quick'] : []),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const last = child.stdout.trim().split('\n').at(-1) ?? ''
  if (child.status !== 0 || !last.startsWith('{')) return { error: `failed (exit ${child.status})` }
  return { report: JSON.parse(last) as BenchReport }
}

const main = async (): Promise<void> => {
  const childKey = args.indexOf('--module')
  if (childKey >= 0) {
    const m = MODULES.find((x) => x.key === args[childKey + 1])
    if (!m) throw new Error(`no benchmark ${args[childKey + 1]}`)
    console.log(JSON.stringify(await runModule(m)))
    return
  }
  const reports: { key: string; report: BenchReport | null; error?: string }[] = []
  for (const m of MODULES) {
    if (only && !only.has(m.key)) continue
    const t0 = performance.now()
    console.log(`${m.key}: running…`)
    const out = runChild(m)
    if ('error' in out) {
      reports.push({ key: m.key, report: null, error: out.error })
      console.log(`  ${out.error}`)
      continue
    }
    reports.push({ key: m.key, report: out.report })
    for (const c of out.report.checks)
      console.log(`  ${c.label}: ${fmt(c.value)} ${c.unit} (target ${c.target}) ${verdict(c)}`)
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  }
  // A run of every benchmark (full or reduced) is the record; a run of some of them is not.
  const file = only ? join(here, 'data', 'results-partial.md') : join(here, 'results.md')
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, render(reports))
  console.log(`wrote ${file}`)
}

await main()
