/**
 * Cross-field checks of the cost ledger, run by `decodeEvaluation` after the
 * shape is known (and by every economics function, for documents built in
 * code: so a negative amount or hour, or a share outside 0-1, is named there
 * too): every site, funder, area and role band named exists; a
 * range has low ≤ high; ids are not used twice; a site's published shares in
 * one dimension do not sum past 100 % (beyond what rounding can add); survey
 * counts agree with each other.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import { BUILTIN_AREAS, BUILTIN_FUNDERS, type CostAmount, type CostCategory, type CostLedger } from '../model/costs.js'
import { problem, type Problem } from '../model/problem.js'

type Path = readonly (string | number)[]
const AT: Path = ['costs']

/**
 * The funder ids a ledger knows: the built-in ones and those it declares.
 * @param ledger the cost ledger
 * @returns the built-in funder ids in their fixed order, then the declared ones in the ledger's order
 * @example
 * knownFunders({ funders: [{ id: 'pct', label: 'Primary care trust' }] })
 * //=> ['programme-grant', 'programme-in-kind', 'host-trust', 'partners', 'sha', 'pct']
 */
export const knownFunders = (ledger: CostLedger): string[] => [
  ...BUILTIN_FUNDERS,
  ...(ledger.funders ?? []).map((f) => f.id),
]
/**
 * The area ids a ledger knows: the built-in ones and those it declares.
 * @param ledger the cost ledger
 * @returns the built-in area ids (E-MHIP Table 8's rows) in their fixed order, then the declared ones
 * @example
 * knownAreas({}) //=> ['launch-events', 'governance', 'implementation-team', 'training', 'user-carer-involvement']
 */
export const knownAreas = (ledger: CostLedger): string[] => [...BUILTIN_AREAS, ...(ledger.areas ?? []).map((a) => a.id)]

/**
 * How far past 100 % a column of published shares may sum before it is
 * refused: half a unit of the last printed digit per share, the most that
 * rounding each share to a whole percentage can add (0.005 per share).
 */
export const SHARE_ROUNDING_SLACK = 0.005

const nonNegative = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0
/** The numbers of an amount, each with its key under `amount`. */
const amountParts = (a: CostAmount): [string[], number][] =>
  typeof a === 'number'
    ? [[[], a]]
    : a === 'unknown'
      ? []
      : 'atLeast' in a
        ? [[['atLeast'], a.atLeast]]
        : [
            [['low'], a.low],
            [['high'], a.high],
          ]

const oneOf = (ids: readonly string[]): string => ids.join(' | ')

const declaredProblems = (
  list: readonly CostCategory[] | undefined,
  key: 'funders' | 'areas',
  builtin: readonly string[],
): Problem[] => {
  const out: Problem[] = []
  const seen = new Set<string>(builtin)
  ;(list ?? []).forEach((c, i) => {
    if (seen.has(c.id)) {
      const what = builtin.includes(c.id) ? 'built in' : 'declared twice'
      out.push(
        problem(
          [...AT, key, i, 'id'],
          `a ${key === 'funders' ? 'funder' : 'area'} id not yet used (${c.id} is ${what})`,
          c.id,
          'duplicate',
          `costs › ${key} › ${c.id}`,
        ),
      )
    }
    seen.add(c.id)
  })
  return out
}

/**
 * Every problem of an evaluation's cost ledger (none when it has no ledger).
 * Each has the JSON path of the offending value and a domain `where` such as
 * `costs › entry e3 › funder`.
 * @param ev a decoded evaluation (shape already valid)
 * @returns the problems, `[]` when the ledger is sound
 * @example
 * costProblems({ ...ev, costs: { entries: [{ id: 'e1', site: 'ss', funder: 'lottery', area: 'governance',
 *   kind: 'cash', amount: 10, currency: 'GBP', priceYear: 2005 }] } })
 * //=> [{ path: ['costs', 'entries', 0, 'funder'], where: 'costs › entry e1 › funder',
 * //      expected: 'a funder of the ledger (programme-grant | … | sha)', found: '"lottery"', code: 'reference' }]
 */
export const costProblems = (ev: Evaluation): Problem[] => {
  const ledger = ev.costs
  if (ledger === undefined) return []
  const out: Problem[] = []
  const sites = new Set<string>(ev.sites.map((s) => s.id))
  const siteList = oneOf([...sites]) || 'none defined'
  const siteCheck = (site: string, path: Path, where: string) => {
    if (!sites.has(site)) out.push(problem(path, `a site id of the evaluation (${siteList})`, site, 'reference', where))
  }
  out.push(
    ...declaredProblems(ledger.funders, 'funders', BUILTIN_FUNDERS),
    ...declaredProblems(ledger.areas, 'areas', BUILTIN_AREAS),
  )
  const funders = knownFunders(ledger)
  const areas = knownAreas(ledger)
  const funderSet = new Set(funders)
  const areaSet = new Set(areas)

  const ids = new Set<string>()
  ;(ledger.entries ?? []).forEach((e, i) => {
    const path = [...AT, 'entries', i]
    const where = `costs › entry ${e.id}`
    if (ids.has(e.id))
      out.push(
        problem([...path, 'id'], 'a cost entry id not used by another entry', e.id, 'duplicate', `${where} › id`),
      )
    ids.add(e.id)
    siteCheck(e.site, [...path, 'site'], `${where} › site`)
    if (!funderSet.has(e.funder))
      out.push(
        problem(
          [...path, 'funder'],
          `a funder of the ledger (${oneOf(funders)})`,
          e.funder,
          'reference',
          `${where} › funder`,
        ),
      )
    if (!areaSet.has(e.area))
      out.push(
        problem(
          [...path, 'area'],
          `an area of spend of the ledger (${oneOf(areas)})`,
          e.area,
          'reference',
          `${where} › area`,
        ),
      )
    const a = e.amount
    for (const [key, v] of amountParts(a))
      if (!nonNegative(v))
        out.push(problem([...path, 'amount', ...key], 'a finite number ≥ 0', v, 'value', `${where} › amount`))
    if (typeof a === 'object' && 'low' in a && a.low > a.high)
      out.push(problem([...path, 'amount', 'low'], `low ≤ high (${a.high})`, a.low, 'consistency', `${where} › amount`))
  })

  const sums = new Map<string, { total: number; count: number; first: number }>()
  const shareKeys = new Set<string>()
  ;(ledger.shares ?? []).forEach((s, i) => {
    const path = [...AT, 'shares', i]
    const where = `costs › share ${s.site} › ${s.dimension} ${s.category}`
    siteCheck(s.site, [...path, 'site'], where)
    const known = s.dimension === 'area' ? areaSet : funderSet
    if (!known.has(s.category))
      out.push(
        problem(
          [...path, 'category'],
          `${s.dimension === 'area' ? 'an area of spend' : 'a funder'} of the ledger (${oneOf(s.dimension === 'area' ? areas : funders)})`,
          s.category,
          'reference',
          where,
        ),
      )
    const key = JSON.stringify([s.site, s.dimension, s.category])
    if (shareKeys.has(key))
      out.push(
        problem([...path, 'category'], 'one share per site, dimension and category', s.category, 'duplicate', where),
      )
    shareKeys.add(key)
    if (s.share === null) return
    if (!(typeof s.share === 'number' && s.share >= 0 && s.share <= 1)) {
      out.push(problem([...path, 'share'], 'a proportion from 0 to 1 or null', s.share, 'value', where))
      return
    }
    const sumKey = JSON.stringify([s.site, s.dimension])
    const sum = sums.get(sumKey) ?? { total: 0, count: 0, first: i }
    sums.set(sumKey, { total: sum.total + s.share, count: sum.count + 1, first: sum.first })
  })
  for (const [key, sum] of sums) {
    const [site, dimension] = JSON.parse(key) as [string, string]
    if (sum.total > 1 + SHARE_ROUNDING_SLACK * sum.count + 1e-9)
      out.push(
        problem(
          [...AT, 'shares', sum.first, 'share'],
          `shares of site ${site} by ${dimension} summing to at most 1 (+ ${SHARE_ROUNDING_SLACK} per share for rounding)`,
          Math.round(sum.total * 1e6) / 1e6,
          'consistency',
          `costs › shares › site ${site} › ${dimension}`,
        ),
      )
  }

  const hidden = ledger.hiddenTime
  if (hidden !== undefined) {
    const bands = new Set<string>()
    ;(hidden.unitCosts ?? []).forEach((u, i) => {
      if (bands.has(u.band))
        out.push(
          problem(
            [...AT, 'hiddenTime', 'unitCosts', i, 'band'],
            'one unit cost per role band',
            u.band,
            'duplicate',
            `costs › unit cost ${u.band}`,
          ),
        )
      bands.add(u.band)
    })
    const bandList = oneOf([...bands])
    hidden.hours.forEach((h, i) => {
      const path = [...AT, 'hiddenTime', 'hours', i]
      const where = `costs › hidden time › site ${h.site} › band ${h.band}`
      siteCheck(h.site, [...path, 'site'], where)
      if (h.hours !== null && !nonNegative(h.hours))
        out.push(problem([...path, 'hours'], 'a number of hours ≥ 0 or null (not reported)', h.hours, 'value', where))
      if (bands.size > 0 && !bands.has(h.band))
        out.push(problem([...path, 'band'], `a role band with a unit cost (${bandList})`, h.band, 'reference', where))
    })
    ;(hidden.surveys ?? []).forEach((s, i) => {
      const path = [...AT, 'hiddenTime', 'surveys', i]
      const where = `costs › survey ${s.site ?? '(all sites)'}`
      if (s.site !== undefined) siteCheck(s.site, [...path, 'site'], where)
      if (s.invited !== undefined && s.responded !== undefined) {
        if (s.responded > s.invited)
          out.push(
            problem([...path, 'responded'], `responded ≤ invited (${s.invited})`, s.responded, 'consistency', where),
          )
        else if (
          s.responseRate !== undefined &&
          s.invited > 0 &&
          Math.abs(s.responded / s.invited - s.responseRate) > 0.005
        )
          out.push(
            problem(
              [...path, 'responseRate'],
              `responded / invited = ${s.responded}/${s.invited} (within 0.005)`,
              s.responseRate,
              'consistency',
              where,
            ),
          )
      }
      if (s.invited === undefined && s.responded === undefined && s.responseRate === undefined)
        out.push(problem(path, 'invited and responded counts, or a response rate', s, 'shape', where))
    })
    const scenarioIds = new Set<string>()
    ;(hidden.scenarios ?? []).forEach((s, i) => {
      const path = [...AT, 'hiddenTime', 'scenarios', i]
      if (scenarioIds.has(s.id))
        out.push(
          problem(
            [...path, 'id'],
            'a scenario id not used by another scenario',
            s.id,
            'duplicate',
            `costs › scenario ${s.id}`,
          ),
        )
      scenarioIds.add(s.id)
      if (s.band !== undefined && !bands.has(s.band))
        out.push(
          problem(
            [...path, 'band'],
            `a role band with a unit cost (${bandList || 'none given'})`,
            s.band,
            'reference',
            `costs › scenario ${s.id} › band`,
          ),
        )
    })
  }
  return out
}
