/**
 * Edits of the cost ledger, built with `defineEdit`: each is checked by
 * running the ledger's own checks (`costProblems`, and the entry's shape
 * codec) on the ledger as it would be, so an edit can never make a ledger
 * the decoder refuses; problems are named `op › argument`. Applied with
 * `applyEdit` or `recordEdit` (which gives the immer patches).
 * @module
 */
import * as t from 'io-ts'
import * as E from '../model/either.js'
import { castDraft, type Draft } from 'immer'
import { defineEdit } from '../edit/define.js'
import { argProblem } from '../edit/args.js'
import type { Evaluation } from '../model/evaluation.js'
import {
  CostAmountC,
  CostCategoryC,
  CostEntryC,
  HiddenHoursC,
  SpendShareC,
  type CostAmount,
  type CostEntry,
  type CostLedger,
  type HiddenHours,
  type SpendShare,
} from '../model/costs.js'
import { problemsFromErrors } from '../model/codec-kit.js'
import { problem, type Problem } from '../model/problem.js'
import { costProblems } from './validate.js'

type Path = readonly (string | number)[]
const startsWith = (path: Path, prefix: Path): boolean => prefix.every((p, i) => path[i] === p)

/**
 * The problems an edit would leave in the ledger: the argument's shape
 * (checked with `codec`, reported under `arg`), then the problems of the
 * ledger as it would be that lie under `at` (re-rooted at `arg`).
 */
const ledgerCheck = (
  op: string,
  ev: Evaluation,
  arg: string,
  value: unknown,
  codec: t.Decoder<unknown, unknown>,
  next: (ledger: CostLedger) => CostLedger,
  at: Path,
): Problem[] => {
  const shape = codec.decode(value)
  if (E.isLeft(shape))
    return problemsFromErrors(shape.left, value).map((p) => ({
      ...p,
      path: [arg, ...p.path],
      where: `${op} › ${arg}${p.path.length > 0 ? ` › ${p.path.join('.')}` : ''}`,
    }))
  const after = { ...ev, costs: next(ev.costs ?? {}) }
  return costProblems(after)
    .filter((p) => startsWith(p.path, at))
    .map((p) => ({ ...p, path: [arg, ...p.path.slice(at.length)], where: `${op} › ${p.where}` }))
}

/** A check that first refuses arguments that are not an object (a notebook call with none), never a TypeError. */
const guarded =
  <A>(op: string, check: (ev: Evaluation, args: A) => Problem[]) =>
  (ev: Evaluation, args: A): Problem[] =>
    args === null || typeof args !== 'object'
      ? [problem([], 'an object of arguments', args, 'shape', `${op} › arguments`)]
      : check(ev, args)

const draftLedger = (d: Draft<Evaluation>): Draft<CostLedger> => {
  if (d.costs === undefined) d.costs = {}
  return d.costs
}

/**
 * Add an entry to the cost ledger (creating the ledger if the document has
 * none). Refused when the entry's shape is wrong, its id is taken, or its
 * site, funder or area is unknown, or its range has low > high.
 * @param args `{ entry }`: id, site, funder, area, kind, amount (a number, a range, a lower bound or `"unknown"`), currency and price year
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const grant = { id: 'e1', site: 'leicestershire', funder: 'programme-grant', area: 'implementation-team',
 *   kind: 'cash', amount: 40000, currency: 'GBP', priceYear: 2005 }
 * const ev = edit(mhipEvaluation, addCostEntry({ entry: grant }))
 * ev.costs //=> { entries: [grant] }
 * applyEdit(mhipEvaluation, addCostEntry({ entry: { ...grant, funder: 'lottery' } }))
 * //=> left([{ path: ['entry', 'funder'], where: 'addCostEntry › costs › entry e1 › funder', code: 'reference', … }])
 */
export const addCostEntry = defineEdit<{ readonly entry: CostEntry }>(
  'addCostEntry',
  guarded('addCostEntry', (ev, { entry }) => {
    const n = ev.costs?.entries?.length ?? 0
    return ledgerCheck(
      'addCostEntry',
      ev,
      'entry',
      entry,
      CostEntryC,
      (l) => ({ ...l, entries: [...(l.entries ?? []), entry] }),
      ['costs', 'entries', n],
    )
  }),
  (d, { entry }) => {
    const ledger = draftLedger(d)
    if (ledger.entries === undefined) ledger.entries = []
    ;(ledger.entries as Draft<CostEntry>[]).push(castDraft({ ...entry }))
  },
)

const entryIndex = (ev: Evaluation, id: unknown): number => (ev.costs?.entries ?? []).findIndex((e) => e.id === id)
const noEntry = (op: string, ev: Evaluation, id: unknown): Problem =>
  argProblem(
    op,
    'entry',
    `the id of a cost entry (${(ev.costs?.entries ?? []).map((e) => e.id).join(' | ') || 'the ledger has none'})`,
    id,
    'reference',
  )

/**
 * Set the amount of an entry: a number, `{ low, high }`, `{ atLeast }` or
 * `"unknown"`. Refused for an unknown entry, a negative amount or low > high.
 * @param args the `entry` id and its new `amount`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const grant = { id: 'e1', site: 'leicestershire', funder: 'programme-grant', area: 'implementation-team',
 *   kind: 'cash', amount: 40000, currency: 'GBP', priceYear: 2005 }
 * const ev = edit(mhipEvaluation, addCostEntry({ entry: grant }))
 * edit(ev, setCostAmount({ entry: 'e1', amount: { low: 30000, high: 45000 } })).costs.entries[0].amount
 * //=> { low: 30000, high: 45000 }
 * applyEdit(ev, setCostAmount({ entry: 'e1', amount: { low: 5, high: 2 } }))
 * //=> left([{ where: 'setCostAmount › costs › entry e1 › amount', … }])
 */
export const setCostAmount = defineEdit<{ readonly entry: string; readonly amount: CostAmount }>(
  'setCostAmount',
  guarded('setCostAmount', (ev, { entry, amount }) => {
    const i = entryIndex(ev, entry)
    if (i < 0) return [noEntry('setCostAmount', ev, entry)]
    const next = (l: CostLedger) => ({ ...l, entries: l.entries!.map((e, k) => (k === i ? { ...e, amount } : e)) })
    return ledgerCheck('setCostAmount', ev, 'amount', amount, CostAmountC, next, ['costs', 'entries', i, 'amount'])
  }),
  (d, { entry, amount }) => {
    const e = d.costs!.entries!.find((x) => x.id === entry)!
    e.amount = castDraft(typeof amount === 'object' ? { ...amount } : amount)
  },
)

/**
 * Remove an entry from the ledger.
 * @param args the `entry` id
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const grant = { id: 'e1', site: 'leicestershire', funder: 'programme-grant', area: 'implementation-team',
 *   kind: 'cash', amount: 40000, currency: 'GBP', priceYear: 2005 }
 * const ev = edit(mhipEvaluation, addCostEntry({ entry: grant }))
 * edit(ev, removeCostEntry({ entry: 'e1' })).costs //=> { entries: [] }
 * applyEdit(ev, removeCostEntry({ entry: 'e2' }))
 * //=> left([{ where: 'removeCostEntry › entry', expected: 'the id of a cost entry (e1)', … }])
 */
export const removeCostEntry = defineEdit<{ readonly entry: string }>(
  'removeCostEntry',
  guarded('removeCostEntry', (ev, { entry }) =>
    entryIndex(ev, entry) < 0 ? [noEntry('removeCostEntry', ev, entry)] : [],
  ),
  (d, { entry }) => {
    const list = d.costs!.entries as Draft<CostEntry>[]
    list.splice(
      list.findIndex((e) => e.id === entry),
      1,
    )
  },
)

/**
 * Declare a funder or an area of spend beyond the built-in ones. Refused when
 * the id is built in or declared already.
 * @param args the `dimension` (`'funder'` or `'area'`) and the `category` (`{ id, label }`)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * applyEdit(ev, declareCostCategory({ dimension: 'funder', category: { id: 'pct', label: 'Primary care trust' } })) //=> right(…)
 * applyEdit(ev, declareCostCategory({ dimension: 'funder', category: { id: 'sha', label: 'again' } }))
 * //=> left([{ path: ['category', 'id'], code: 'duplicate', … }])
 */
export const declareCostCategory = defineEdit<{
  readonly dimension: 'funder' | 'area'
  readonly category: { readonly id: string; readonly label: string }
}>(
  'declareCostCategory',
  guarded('declareCostCategory', (ev, { dimension, category }) => {
    if (dimension !== 'funder' && dimension !== 'area')
      return [argProblem('declareCostCategory', 'dimension', 'one of "funder" | "area"', dimension)]
    const key = dimension === 'funder' ? 'funders' : 'areas'
    const n = ev.costs?.[key]?.length ?? 0
    return ledgerCheck(
      'declareCostCategory',
      ev,
      'category',
      category,
      CostCategoryC,
      (l) => ({ ...l, [key]: [...(l[key] ?? []), category] }),
      ['costs', key, n],
    )
  }),
  (d, { dimension, category }) => {
    const ledger = draftLedger(d)
    const key = dimension === 'funder' ? 'funders' : 'areas'
    if (ledger[key] === undefined) ledger[key] = []
    ;(ledger[key] as { id: string; label: string }[]).push({ ...category })
  },
)

/**
 * Set (add or replace) a published share of a site's spend, as a proportion
 * 0-1 (`null` for a share the source left out). Refused for a share outside
 * 0-1, an unknown site or category, or a site's shares summing past 100 %
 * (beyond rounding).
 * @param args `{ share }`: the site, the dimension (`'area'` or `'funder'`), the category and the share (0-1, or `null`)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * applyEdit(mhipEvaluation, setSpendShare({ share: { site: 'leicestershire', dimension: 'area', category: 'governance', share: 1.3 } }))
 * //=> left([{ path: ['share', 'share'], where: 'setSpendShare › share › share', expected: 'a proportion from 0 to 1 or null', … }])
 */
export const setSpendShare = defineEdit<{ readonly share: SpendShare }>(
  'setSpendShare',
  guarded('setSpendShare', (ev, { share }) => {
    const list = ev.costs?.shares ?? []
    const same = (s: SpendShare) =>
      s.site === share?.site && s.dimension === share?.dimension && s.category === share?.category
    const i = list.findIndex(same)
    const at = i < 0 ? list.length : i
    const next = (l: CostLedger) => {
      const shares = [...(l.shares ?? [])]
      shares[at] = share
      return { ...l, shares }
    }
    const problems = ledgerCheck('setSpendShare', ev, 'share', share, SpendShareC, next, ['costs', 'shares', at])
    if (problems.length > 0) return problems
    // A sum past 100 % is reported at the site's first share: name it for this edit.
    return costProblems({ ...ev, costs: next(ev.costs ?? {}) })
      .filter((p) => p.code === 'consistency' && p.path[1] === 'shares')
      .map((p) => ({ ...p, path: ['share', 'share'], where: `setSpendShare › ${p.where}` }))
  }),
  (d, { share }) => {
    const ledger = draftLedger(d)
    if (ledger.shares === undefined) ledger.shares = []
    const list = ledger.shares as Draft<SpendShare>[]
    const i = list.findIndex(
      (s) => s.site === share.site && s.dimension === share.dimension && s.category === share.category,
    )
    if (i < 0) list.push(castDraft({ ...share }))
    else list[i] = castDraft({ ...share })
  },
)

/**
 * Set (add or replace) the hours survey respondents reported at a site for
 * one role band (`null` = not reported, as Table 8's `--`). Refused for a
 * negative hour, an unknown site, or a band without a unit cost when the
 * ledger has unit costs.
 * @param args `{ hours }`: the site, the role band and the hours reported (`null` when not reported)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * applyEdit(ev, setHiddenHours({ hours: { site: 'leicestershire', band: 'staff', hours: -4 } }))
 * //=> left([{ path: ['hours', 'hours'], where: 'setHiddenHours › hours › hours', code: 'value', … }])
 */
export const setHiddenHours = defineEdit<{ readonly hours: HiddenHours }>(
  'setHiddenHours',
  guarded('setHiddenHours', (ev, { hours }) => {
    const list = ev.costs?.hiddenTime?.hours ?? []
    const i = list.findIndex((h) => h.site === hours?.site && h.band === hours?.band)
    const at = i < 0 ? list.length : i
    const next = (l: CostLedger): CostLedger => {
      const all = [...(l.hiddenTime?.hours ?? [])]
      all[at] = hours
      return { ...l, hiddenTime: { ...(l.hiddenTime ?? {}), hours: all } }
    }
    return ledgerCheck('setHiddenHours', ev, 'hours', hours, HiddenHoursC, next, ['costs', 'hiddenTime', 'hours', at])
  }),
  (d, { hours }) => {
    const ledger = draftLedger(d)
    if (ledger.hiddenTime === undefined) ledger.hiddenTime = { hours: [] }
    const list = ledger.hiddenTime.hours as Draft<HiddenHours>[]
    const i = list.findIndex((h) => h.site === hours.site && h.band === hours.band)
    if (i < 0) list.push(castDraft({ ...hours }))
    else list[i] = castDraft({ ...hours })
  },
)
