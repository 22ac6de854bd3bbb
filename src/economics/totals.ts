/**
 * Cost totals and shares from the ledger's entries, as tidy rows with ranges.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { CostEntry, CostLedger } from '../model/costs.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { costProblems } from './validate.js'
import { costInterval, shareInterval, sumIntervals, type CostInterval } from './interval.js'

/** What totals may be grouped by. */
export const COST_GROUPS = ['site', 'funder', 'area', 'kind'] as const
/** A column cost totals can be grouped by: `'site'`, `'funder'`, `'area'` or `'kind'` (cash or in kind). */
export type CostGroup = (typeof COST_GROUPS)[number]

/** Options of {@link costTotalsEither}. */
export interface CostTotalsOptions {
  /** Grouping columns, in any order. Default `['site']`; `[]` gives one row for the whole ledger. */
  readonly by?: readonly CostGroup[]
}

/** One group's total: its grouping columns (null when not grouped by), the range, and what it is made of. */
export interface CostTotalRow {
  /** The group's site; null when totals are not grouped by site (as for each grouping column). */
  readonly site: string | null
  readonly funder: string | null
  readonly area: string | null
  /** How the costs were met (cash, in kind or staff time); null when not grouped by kind. */
  readonly kind: string | null
  /** ISO 4217 currency code of every entry in the total. */
  readonly currency: string
  /** The price year of every entry in the total. */
  readonly priceYear: number
  /** The lowest total the entries allow. */
  readonly low: number
  /** The highest total, or `null` when an entry has no upper bound (a lower bound such as "960,000+", or unknown). */
  readonly high: number | null
  /** Ledger entries summed. */
  readonly entries: number
  /** Entries whose amount is unknown. */
  readonly unknown: number
  /** Entries with only a lower bound. */
  readonly lowerBoundOnly: number
}

const optionProblems = (fn: string, by: unknown): Problem[] => {
  if (!Array.isArray(by))
    return [problem(['by'], `a list of grouping columns (${COST_GROUPS.join(' | ')})`, by, 'shape', `${fn} › by`)]
  return by.flatMap((b, i) =>
    (COST_GROUPS as readonly unknown[]).includes(b)
      ? by.indexOf(b) === i
        ? []
        : [problem(['by', i], 'each grouping column once', b, 'duplicate', `${fn} › by[${i}]`)]
      : [problem(['by', i], `a grouping column (${COST_GROUPS.join(' | ')})`, b, 'value', `${fn} › by[${i}]`)],
  )
}

/**
 * The ledger's entries after the document and currency checks: every entry
 * in one currency and one price year (no conversion is made; deflate and
 * convert before entering). Shared by the summaries.
 * @internal
 */
export const checkedEntries = (
  fn: string,
  ev: Evaluation,
): Result<{ ledger: CostLedger; entries: readonly CostEntry[] }> => {
  if (typeof ev !== 'object' || ev === null)
    return E.left([problem([], 'an evaluation document', ev, 'shape', `${fn} › evaluation`)])
  const ledger = ev.costs ?? {}
  const problems = costProblems(ev)
  const entries = ledger.entries ?? []
  const first = entries[0]
  entries.forEach((e, i) => {
    if (first === undefined) return
    if (e.currency !== first.currency)
      problems.push(
        problem(
          ['costs', 'entries', i, 'currency'],
          `the ledger's one currency (${first.currency}); convert before entering`,
          e.currency,
          'consistency',
          `costs › entry ${e.id} › currency`,
        ),
      )
    if (e.priceYear !== first.priceYear)
      problems.push(
        problem(
          ['costs', 'entries', i, 'priceYear'],
          `the ledger's one price year (${first.priceYear}); deflate before entering`,
          e.priceYear,
          'consistency',
          `costs › entry ${e.id} › priceYear`,
        ),
      )
  })
  return problems.length > 0 ? E.left(problems) : E.right({ ledger, entries })
}

/**
 * Total cost per group (site by default; or per funder, area, kind, or any
 * combination), as ranges: each entry is an interval (`costInterval`) and a
 * total is their interval sum, so the low total is never above the high one
 * and a lower bound or unknown amount leaves the high total open (`null`).
 * Only groups with at least one entry are listed, in the order they first
 * appear in the ledger.
 *
 * Degenerate input: no ledger or no entries gives `[]`; a ledger with
 * problems (`costProblems`), entries in several currencies or price years, or
 * bad options give a `Left`.
 * @param ev the evaluation (not mutated)
 * @param options `by` (default `['site']`)
 * @returns one row per group
 * @example
 * const entry = { site: 'south-staffordshire', area: 'implementation-team', kind: 'cash', currency: 'GBP', priceYear: 2005 }
 * const costs = { entries: [
 *   { ...entry, id: 'e1', funder: 'programme-grant', amount: 40000 },
 *   { ...entry, id: 'e2', funder: 'sha', amount: { low: 10000, high: 30000 } },
 * ] }
 * // 40,000 + [10,000, 30,000] = [50,000, 70,000]
 * costTotalsEither({ ...mhipEvaluation, costs })
 * //=> right([{ site: 'south-staffordshire', low: 50000, high: 70000, entries: 2, currency: 'GBP', … }])
 */
export const costTotalsEither = (ev: Evaluation, options: CostTotalsOptions = {}): Result<CostTotalRow[]> => {
  const by = options.by ?? ['site']
  const bad = optionProblems('costTotals', by)
  if (bad.length > 0) return E.left(bad)
  return E.map(({ entries }: { entries: readonly CostEntry[] }) => {
    const groups = new Map<string, { key: Record<CostGroup, string | null>; items: CostEntry[] }>()
    for (const e of entries) {
      const key = { site: null, funder: null, area: null, kind: null } as Record<CostGroup, string | null>
      for (const g of by) key[g] = e[g]
      const k = JSON.stringify(key)
      const group = groups.get(k) ?? { key, items: [] }
      group.items.push(e)
      groups.set(k, group)
    }
    return [...groups.values()].map(({ key, items }) => {
      const total = sumIntervals(items.map((e) => costInterval(e.amount)))
      return {
        ...key,
        currency: items[0]!.currency,
        priceYear: items[0]!.priceYear,
        low: total.low,
        high: total.high,
        entries: items.length,
        unknown: items.filter((e) => e.amount === 'unknown').length,
        lowerBoundOnly: items.filter((e) => typeof e.amount === 'object' && 'atLeast' in e.amount).length,
      }
    })
  })(checkedEntries('costTotals', ev))
}

/**
 * Total cost per group (site by default; or per funder, area, kind, or any
 * combination), as ranges: each entry is an interval (`costInterval`) and a
 * total is their interval sum, so the low total is never above the high one
 * and a lower bound or unknown amount leaves the high total open (`null`).
 * Only groups with at least one entry are listed, in the order they first
 * appear in the ledger.
 *
 * The throwing form of {@link costTotalsEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: no ledger or no entries gives `[]`; a ledger with
 * problems (`costProblems`), entries in several currencies or price years, or
 * bad options throws.
 * @param ev the evaluation (not mutated)
 * @param options `by` (default `['site']`)
 * @returns the result (`CostTotalRow[]`), as {@link costTotalsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link costTotalsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] costTotals: …`).
 * @example
 * const entry = { site: 'south-staffordshire', area: 'implementation-team', kind: 'cash', currency: 'GBP', priceYear: 2005 }
 * const costs = { entries: [
 *   { ...entry, id: 'e1', funder: 'programme-grant', amount: 40000 },
 *   { ...entry, id: 'e2', funder: 'sha', amount: { low: 10000, high: 30000 } },
 * ] }
 * costTotals({ ...mhipEvaluation, costs }, { by: ['site', 'funder'] }).map((r) => [r.site, r.funder, r.low, r.high])
 * //=> [['south-staffordshire', 'programme-grant', 40000, 40000], ['south-staffordshire', 'sha', 10000, 30000]]
 */
export const costTotals = (ev: Evaluation, options: CostTotalsOptions = {}): CostTotalRow[] =>
  orThrow('costTotals', costTotalsEither(ev, options))

/** Options of {@link spendSharesEither}. */
export interface SpendSharesOptions {
  /** Shares by area of spend (Table 8) or by funder. Default `'area'`. */
  readonly dimension?: 'area' | 'funder'
}

/** One category's share of a site's spend, as a proportion range (0-1). */
export interface SpendShareRow {
  readonly site: string
  readonly dimension: 'area' | 'funder'
  readonly category: string
  /** `entries`: computed from the ledger's amounts; `published`: a share the ledger records as given (e.g. Table 8). */
  readonly source: 'entries' | 'published'
  /** Lowest share of the site's spend, a proportion 0-1; null when nothing was spent or the source left it out. */
  readonly low: number | null
  /** Highest share, a proportion 0-1 (equal to `low` for a published share). */
  readonly high: number | null
}

/**
 * Each category's share of each site's spend, by area (Table 8) or by funder:
 * - from the entries, as the interval of the category's total over the
 *   site's total when every amount may vary independently within its range
 *   (`shareInterval`), so a site with exact amounts gets one number
 *   (low = high);
 * - and the shares the ledger records as published (`ledger.shares`),
 *   low = high = the share, `null` when the source left it out.
 *
 * Degenerate input: a site whose amounts are all 0 has no shares (`null`);
 * otherwise as {@link costTotalsEither}.
 * @param ev the evaluation (not mutated)
 * @param options `dimension` (default `'area'`)
 * @returns entries rows first (site, then category in ledger order), then published rows in ledger order
 * @example
 * spendSharesEither({ ...mhipEvaluation, costs: mhipCostLedger })
 * //=> right([{ site: 'south-staffordshire', dimension: 'area', category: 'launch-events', source: 'published', low: 0.06, high: 0.06 }, …])
 */
export const spendSharesEither = (ev: Evaluation, options: SpendSharesOptions = {}): Result<SpendShareRow[]> => {
  const dimension = options.dimension ?? 'area'
  if (dimension !== 'area' && dimension !== 'funder')
    return E.left([problem(['dimension'], 'one of "area" | "funder"', dimension, 'value', 'spendShares › dimension')])
  return E.map(({ ledger, entries }: { ledger: CostLedger; entries: readonly CostEntry[] }) => {
    const rows: SpendShareRow[] = []
    const bySite = new Map<string, Map<string, CostInterval[]>>()
    for (const e of entries) {
      const site = bySite.get(e.site) ?? new Map<string, CostInterval[]>()
      const list = site.get(e[dimension]) ?? []
      list.push(costInterval(e.amount))
      site.set(e[dimension], list)
      bySite.set(e.site, site)
    }
    for (const [site, categories] of bySite) {
      const totals = [...categories].map(([category, xs]) => [category, sumIntervals(xs)] as const)
      for (const [category, part] of totals) {
        const rest = sumIntervals(totals.filter(([c]) => c !== category).map(([, x]) => x))
        const share = shareInterval(part, rest)
        rows.push({ site, dimension, category, source: 'entries', low: share?.low ?? null, high: share?.high ?? null })
      }
    }
    for (const s of ledger.shares ?? [])
      if (s.dimension === dimension)
        rows.push({ site: s.site, dimension, category: s.category, source: 'published', low: s.share, high: s.share })
    return rows
  })(checkedEntries('spendShares', ev))
}

/**
 * Each category's share of each site's spend, by area (Table 8) or by funder:
 * - from the entries, as the interval of the category's total over the
 *   site's total when every amount may vary independently within its range
 *   (`shareInterval`), so a site with exact amounts gets one number
 *   (low = high);
 * - and the shares the ledger records as published (`ledger.shares`),
 *   low = high = the share, `null` when the source left it out.
 *
 * The throwing form of {@link spendSharesEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a site whose amounts are all 0 has no shares (`null`);
 * otherwise as {@link costTotalsEither}.
 * @param ev the evaluation (not mutated)
 * @param options `dimension` (default `'area'`)
 * @returns the result (`SpendShareRow[]`), as {@link spendSharesEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link spendSharesEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] spendShares: …`).
 * @example
 * spendShares({ ...mhipEvaluation, costs: mhipCostLedger }).find((r) => r.site === 'leicestershire' && r.category === 'implementation-team')
 * //=> { site: 'leicestershire', dimension: 'area', category: 'implementation-team', source: 'published', low: 0.53, high: 0.53 }
 */
export const spendShares = (ev: Evaluation, options: SpendSharesOptions = {}): SpendShareRow[] =>
  orThrow('spendShares', spendSharesEither(ev, options))
