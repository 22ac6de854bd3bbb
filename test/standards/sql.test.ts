/**
 * attainmentSql run in DuckDB (@duckdb/node-api, offline, on Parquet files
 * written by toParquet) gives exactly the in-memory engine's figures: every
 * per-level count, na, unrated, excluded, explicit, items, n and k of every
 * standard, section and total of every scope.
 *
 * - The generated national document (200 sites × 25 units × 198 criteria,
 *   931,172 ratings) under six policies that between them take every value
 *   of every policy option at that size.
 * - A small document on the embedded E-MHIP framework (two standards rated
 *   directly, 2 rounds, a unit with no rating at all given through the units
 *   table) under every combination of the options: 2 × 3 × 3 × 2 × (criteria
 *   + 4 built-in rules) = 180 policies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { generateEvaluation } from '../../bench/generate.js'
import { emhipFramework } from '../../src/data/emhip-framework.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import {
  attainmentEither,
  attainmentSql,
  attainmentSqlEither,
  customRule,
  type DenominatorPolicy,
} from '../../src/standards/index.js'
import type { AttainmentCount } from '../../src/standards/index.js'
import { ratingRows } from '../../src/io/export/document-rows.js'
import { RATING_COLUMNS, toParquet } from '../../src/io/export/columnar.js'

type SqlRow = Record<string, unknown>

let dir: string
let db: DuckDBConnection

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'realist-eval-sql-'))
  db = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect()
})
afterAll(() => {
  db?.closeSync()
  rmSync(dir, { recursive: true, force: true })
})

const writeRatings = (ev: Evaluation, name: string): string => {
  const file = join(dir, name)
  writeFileSync(file, toParquet(ratingRows(ev), RATING_COLUMNS, { parquetWriteBuffer }))
  return file
}

const key = (round: unknown, site: unknown, scope: string, id: unknown): string =>
  `${round ?? '*'}|${site ?? '*'}|${scope}|${id ?? '*'}`

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number))

/** Throw (with the place) unless every figure of the in-memory result equals the SQL row's. */
const compare = (ev: Evaluation, policy: DenominatorPolicy, rows: readonly SqlRow[]): number => {
  const r = attainmentEither(ev, policy)
  if (E.isLeft(r)) throw new Error(`in memory refused ${JSON.stringify(policy)}: ${r.left[0]?.expected}`)
  const byKey = new Map(
    rows.map((x) => [key(x.round, x.site, x.scope as string, x.scope === 'standard' ? x.standard : x.section), x]),
  )
  let compared = 0
  const check = (where: string, fig: AttainmentCount & { explicit?: number }, row: SqlRow | undefined): void => {
    if (row === undefined) throw new Error(`no SQL row for ${where}`)
    const same = (name: string, a: number, b: number, exact = true): void => {
      const ok = exact ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
      if (!ok) throw new Error(`${where} ${name}: in memory ${a}, SQL ${b} (${JSON.stringify(policy)})`)
      compared++
    }
    for (const level of r.right.levels) same(level, fig.counts[level] ?? 0, num(row[level]))
    same('na', fig.na, num(row.na))
    same('unrated', fig.unrated, num(row.unrated))
    same('excluded', fig.excluded, num(row.excluded))
    same('items', fig.items, num(row.items))
    same('n', fig.n, num(row.n))
    // k is a sum of weighted counts (exact) or, for a mean of standards, of proportions (summed in another order).
    same('k', fig.k, num(row.k), policy.total !== 'mean-of-standards')
    if (fig.explicit !== undefined) same('explicit', fig.explicit, num(row.explicit))
    if ((fig.proportion === null) !== (row.proportion === null))
      throw new Error(`${where} proportion: ${fig.proportion} vs ${row.proportion}`)
  }
  for (const scope of r.right.scopes) {
    const at = `${scope.round ?? 'all rounds'} × ${scope.site ?? 'all sites'}`
    for (const s of scope.standards)
      check(`${at} › ${s.standard}`, s, byKey.get(key(scope.round, scope.site, 'standard', s.standard)))
    for (const g of scope.sections)
      check(`${at} › section ${g.section}`, g, byKey.get(key(scope.round, scope.site, 'section', g.section)))
    check(`${at} › total`, scope.total, byKey.get(key(scope.round, scope.site, 'total', null)))
  }
  const expectedRows = r.right.scopes.reduce((n, s) => n + s.standards.length + s.sections.length + 1, 0)
  if (rows.length !== expectedRows) throw new Error(`SQL gave ${rows.length} rows, in memory ${expectedRows} figures`)
  return compared
}

const run = async (sql: string): Promise<SqlRow[]> => (await db.runAndReadAll(sql)).getRowObjects() as SqlRow[]

/** Run the SQL of a policy and compare, or (unrated: 'error') check that both refuse. */
const agree = async (ev: Evaluation, policy: DenominatorPolicy, ratings: string, units?: string): Promise<number> => {
  const sql = attainmentSql(policy, {
    ratings,
    framework: ev.framework,
    rounds: ev.rounds.map((r) => r.id),
    ...(units ? { units } : {}),
  })
  if (policy.unrated === 'error') {
    expect(E.isLeft(attainmentEither(ev, policy))).toBe(true)
    await expect(run(sql)).rejects.toThrow(/unrated/)
    return 0
  }
  return compare(ev, policy, await run(sql))
}

describe('attainmentSql in DuckDB equals the in-memory engine', () => {
  it('on the generated 931,172-rating document, under policies covering every option value', async () => {
    const ev = generateEvaluation()
    const file = writeRatings(ev, 'national.parquet')
    const policies: DenominatorPolicy[] = [
      {},
      { count: 'criteria' },
      {
        count: 'criteria',
        notApplicable: 'not-met',
        unrated: 'not-met',
        attained: 'partly-as-half',
        total: 'mean-of-standards',
      },
      { rollup: 'worst-of', attained: 'top-two', notApplicable: 'not-met' },
      { rollup: 'majority', unrated: 'not-met', total: 'mean-of-standards' },
      { rollup: 'mean-score', attained: 'partly-as-half' },
      { unrated: 'error' },
    ]
    let compared = 0
    for (const policy of policies) compared += await agree(ev, policy, file)
    // 6 policies × 1 round × 201 site scopes (and the all-rounds copies) × (11 standards + 4 sections + total) × ≥ 9 figures
    expect(compared).toBeGreaterThan(6 * 2 * 201 * 16 * 9)
  }, 600_000)

  it('on a small E-MHIP document, under all 180 combinations of the policy options', async () => {
    // Standards 1.1 and 1.2 have no criteria: the generator rates them directly (explicit ratings).
    const ev0 = generateEvaluation({ framework: emhipFramework, sites: 4, unitsPerSite: 3, rounds: 2, seed: 5 })
    // One more unit, with no rating at all: only the units table tells SQL it exists.
    const ev: Evaluation = {
      ...ev0,
      sites: ev0.sites.map((s, i) =>
        i === 0 ? { ...s, units: [...s.units, { ...s.units[0]!, id: 'unrated-unit' as never, ratings: {} }] } : s,
      ),
    }
    const file = writeRatings(ev, 'small.parquet')
    const units = join(dir, 'units.parquet')
    const unitRows = ev.sites.flatMap((s) => s.units.map((u) => ({ site: s.id, unit: u.id })))
    writeFileSync(
      units,
      toParquet(
        unitRows,
        [
          { name: 'site', type: 'string' },
          { name: 'unit', type: 'string' },
        ],
        { parquetWriteBuffer },
      ),
    )
    let compared = 0
    let policies = 0
    for (const notApplicable of ['exclude', 'not-met'] as const)
      for (const unrated of ['exclude', 'not-met', 'error'] as const)
        for (const attained of ['top', 'top-two', 'partly-as-half'] as const)
          for (const total of ['pooled', 'mean-of-standards'] as const)
            for (const mode of ['criteria', 'all-met-else-partly', 'worst-of', 'majority', 'mean-score'] as const) {
              const policy: DenominatorPolicy =
                mode === 'criteria'
                  ? { notApplicable, unrated, attained, total, count: 'criteria' }
                  : { notApplicable, unrated, attained, total, rollup: mode }
              compared += await agree(ev, policy, file, units)
              policies++
            }
    expect(policies).toBe(180)
    expect(compared).toBeGreaterThan(120 * 3 * 5 * 16 * 9)
  }, 600_000)

  it('refuses what SQL cannot do or was not given, naming the place', () => {
    const r = attainmentSqlEither(
      { rollup: customRule('mine', () => 'met') },
      { ratings: 'r.parquet', framework: emhipFramework },
    )
    expect(E.isLeft(r) && r.left[0]!.where).toBe('policy › rollup')
    const bad = attainmentSqlEither({}, { ratings: '', framework: undefined as never })
    expect(E.isLeft(bad) && bad.left.map((p) => p.where)).toEqual([
      'attainmentSql › ratings',
      'attainmentSql › framework',
    ])
    expect(() =>
      attainmentSql({ count: 'bogus' as never }, { ratings: 'r.parquet', framework: emhipFramework }),
    ).toThrow(/policy › count/)
    expect(() => attainmentSql(undefined, undefined as never)).toThrow(/attainmentSql/)
  })
})
