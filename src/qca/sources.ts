/**
 * QCA rows from an evaluation: one case per site (or per unit), with each
 * condition or outcome taken from the case's attributes, its standards
 * attainment, its objective outcomes, or the standards that stand as evidence
 * for a CMO context element, and calibrated as asked. The rows are plain data
 * for `truthTable`.
 * @module
 */
import * as E from '../model/either.js'
import { attributeValueEither } from '../model/attribute-values.js'
import type { Evaluation, Site, Unit } from '../model/evaluation.js'
import { orThrow, problem, showName, type Problem, type Result } from '../model/problem.js'
import { objectiveAttainmentEither } from '../objectives/attainment.js'
import { attainmentEither, attainmentScope, type AttainmentOptions } from '../standards/attainment.js'
import { anchorProblems, calibrateEither, type CalibrationAnchors } from './calibrate.js'
import { isConditionName } from './expression.js'

/**
 * Where a set's raw value comes from, and how it is calibrated. "The case" is a
 * site, or a unit with `cases: 'units'`: a unit reads its own attributes and
 * its site's (a site attribute's value is its site's), and its own attainment
 * and objectives.
 */
export type SetSource =
  /** A numeric attribute of the case, calibrated by the direct method. */
  | { readonly attribute: string; readonly anchors: CalibrationAnchors }
  /** A numeric attribute of the case as a crisp set: at or above the threshold is in. */
  | { readonly attribute: string; readonly threshold: number }
  /** An attribute of the case whose listed categories are in the set (crisp). */
  | { readonly attribute: string; readonly categories: readonly string[] }
  /** An attribute of the case calibrated by the indirect method: a membership per category. */
  | { readonly attribute: string; readonly memberships: Readonly<Record<string, number>> }
  /**
   * The case's standards attainment (a proportion of its counted items): the
   * total over all standards, or one standard by id. Calibrated by `anchors`
   * (direct method) or `threshold` (crisp, at or above is in); with neither,
   * the proportion itself is the membership.
   */
  | { readonly attainment: 'total' | string; readonly anchors?: CalibrationAnchors; readonly threshold?: number }
  /**
   * The case's objective outcomes: the share of its objectives attained
   * (all, or of one objective type), unknown outcomes counted as not
   * attained (the E-MHIP report's convention) or excluded; calibrated as for
   * attainment.
   */
  | {
      readonly objectives: 'all' | string
      readonly unknown?: 'not-attained' | 'exclude'
      readonly anchors?: CalibrationAnchors
      readonly threshold?: number
    }
  /**
   * A CMO context element: the case's attainment pooled over the standards
   * that the element names as its evidence; calibrated as for attainment.
   */
  | { readonly context: string; readonly anchors?: CalibrationAnchors; readonly threshold?: number }

/** Options of `qcaRows`. */
export interface QcaRowsOptions {
  /** Each set (condition or outcome) by name, and its source. */
  readonly sets: Readonly<Record<string, SetSource>>
  /** The round whose attainment is used; `null` or absent for all rounds together. */
  readonly round?: string | null
  /** The denominator policy for attainment (defaults as `attainment`). */
  readonly policy?: AttainmentOptions
  /**
   * What a case is: `'sites'` (default), or `'units'`, one case per unit, named `<site id>/<unit id>`,
   * with unit attributes and unit-level attainment and objectives.
   */
  readonly cases?: 'sites' | 'units'
}

/** `qcaRows`'s result: rows for `truthTable`, and the raw values they were calibrated from. */
export interface QcaRows {
  /** One row per case: `{ case: <site id> or <site id>/<unit id>, <set>: membership, … }`. */
  readonly rows: readonly Record<string, string | number>[]
  /** The raw values before calibration, same shape. */
  readonly raw: readonly Record<string, string | number>[]
}

const hasKey = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)

/** One case: a site, or a unit with its site; its path in the document and its name in problems. */
interface Case {
  readonly id: string
  readonly site: Site
  readonly unit?: Unit
  readonly path: readonly (string | number)[]
  readonly label: string
}

/**
 * Build QCA rows from an evaluation, one case per site (or, with
 * `cases: 'units'`, per unit, named `<site id>/<unit id>`): each set comes
 * from an attribute of the case (direct, crisp or indirect calibration; a
 * unit also reads its site's attributes), the case's standards attainment,
 * its objective outcomes, or a CMO context element's standards, as
 * `options.sets` says.
 *
 * Refused, with the case and set named, when a case lacks an attribute
 * value, a value cannot be calibrated, attainment has no denominator, or a
 * context element is missing or names no standard.
 * @param ev the evaluation
 * @param options `{ sets, round?, policy?, cases? ['sites'] }`
 * @returns `Right` with the calibrated rows and the raw values before calibration, one per case, or
 * `Left` naming each case and set that failed.
 * @example
 * // ev's units: engagement 40, 65, 55, 30; standards attained over both rounds 4/6, 1/6, 2/5, 3/5.
 * // Direct calibration (Ragin 2008), anchors 80 / 50 / 20: log odds ±3 at the anchors, so
 * // 40 → 1 / (1 + e^1) = 0.2689 and 65 → 1 / (1 + e^-1.5) = 0.8176
 * qcaRowsEither(ev, { cases: 'units', sets: { ENG: { attribute: 'engagement', anchors: { full: 80, crossover: 50, non: 20 } }, ATT: { attainment: 'total' } } })
 * //=> right({ rows: [{ case: 'ss/acute', ENG: 0.2689, ATT: 0.6667 }, { case: 'ss/access', ENG: 0.8176, ATT: 0.1667 }, …],
 * //           raw: [{ case: 'ss/acute', ENG: 40, ATT: 0.6667 }, …] })
 * // engagement is declared on units: per site it is refused
 * qcaRowsEither(ev, { sets: { ENG: { attribute: 'engagement', anchors: { full: 80, crossover: 50, non: 20 } } } })
 * //=> left([{ where: 'qcaRows › sets › ENG', expected: 'a site attribute declared in the evaluation (none)', … }])
 */
export const qcaRowsEither = (ev: Evaluation, options: QcaRowsOptions): Result<QcaRows> => {
  const fn = 'qcaRows'
  if (typeof ev !== 'object' || ev === null || !Array.isArray((ev as Evaluation).sites))
    return E.left([problem(['evaluation'], 'an evaluation', ev, 'shape', `${fn} › evaluation`)])
  if (typeof options !== 'object' || options === null || typeof options.sets !== 'object' || options.sets === null)
    return E.left([
      problem(['options', 'sets'], 'options { sets: { <name>: source } }', options, 'shape', `${fn} › options`),
    ])
  const problems: Problem[] = []
  const names = Object.keys(options.sets)
  if (names.length === 0)
    problems.push(problem(['options', 'sets'], 'at least one set', 'none', 'value', `${fn} › sets`))
  for (const n of names)
    if (!isConditionName(n))
      problems.push(
        problem(
          ['options', 'sets', n],
          'a set name (letters, digits, _ or .)',
          n,
          'value',
          `${fn} › sets › ${showName(n)}`,
        ),
      )
  if (problems.length > 0) return E.left(problems)

  const caseKind = options.cases ?? 'sites'
  if (caseKind !== 'sites' && caseKind !== 'units')
    return E.left([problem(['options', 'cases'], '"sites" or "units"', caseKind, 'value', `${fn} › cases`)])
  const cases: readonly Case[] =
    caseKind === 'sites'
      ? ev.sites.map((s, i) => ({ id: s.id, site: s, path: ['sites', i], label: `site ${showName(s.id)}` }))
      : ev.sites.flatMap((s, i) =>
          s.units.map((u, j) => ({
            id: `${s.id}/${u.id}`,
            site: s,
            unit: u,
            path: ['sites', i, 'units', j],
            label: `site ${showName(s.id)} › unit ${showName(u.id)}`,
          })),
        )
  if (cases.length === 0)
    return E.left([problem(['sites'], `at least one case (${caseKind})`, 'none', 'value', `${fn} › cases`)])

  const needsAttainment = names.some((n) => {
    const s = options.sets[n] as unknown
    return typeof s === 'object' && s !== null && (hasKey(s, 'attainment') || hasKey(s, 'context'))
  })
  let scopes: ((c: Case) => ReturnType<typeof attainmentScope>) | null = null
  if (needsAttainment) {
    // Counted once for the whole evaluation: this checks the policy, and gives the sites' scopes.
    const a = attainmentEither(ev, options.policy)
    if (E.isLeft(a)) return a
    const round = options.round ?? null
    scopes =
      caseKind === 'sites'
        ? (c) => attainmentScope(a.right, { round, site: c.site.id })
        : (c) => {
            // A unit's attainment: the evaluation narrowed to that unit, counted under the same policy.
            const one = attainmentEither({ ...ev, sites: [{ ...c.site, units: [c.unit!] }] }, options.policy)
            if (E.isLeft(one)) {
              problems.push(...one.left)
              return undefined
            }
            return attainmentScope(one.right, { round, site: c.site.id })
          }
  }

  const raw: Record<string, string | number>[] = cases.map((c) => ({ case: c.id }))
  const rows: Record<string, string | number>[] = cases.map((c) => ({ case: c.id }))
  for (const name of names) {
    const src = options.sets[name] as SetSource & Record<string, unknown>
    const where = `${fn} › sets › ${showName(name)}`
    const at = (i: number) => `${where} › ${cases[i]!.label}`
    let values: (number | string | null)[] = []
    if (typeof src !== 'object' || src === null) {
      problems.push(
        problem(['options', 'sets', name], 'a source { attribute | attainment | context, … }', src, 'shape', where),
      )
      continue
    }
    if (hasKey(src, 'attribute')) {
      const id = src.attribute
      // A unit reads unit attributes and, through its site, site attributes.
      const usable = (ev.attributes ?? []).filter((a) => a.on === 'site' || caseKind === 'units')
      if (typeof id !== 'string' || !usable.some((a) => a.id === id)) {
        const kind = caseKind === 'sites' ? 'a site attribute' : 'a unit or site attribute'
        const declared = usable.map((a) => a.id).join(', ') || 'none'
        problems.push(
          problem(
            ['options', 'sets', name, 'attribute'],
            `${kind} declared in the evaluation (${declared})`,
            id,
            'reference',
            where,
          ),
        )
        continue
      }
      values = cases.map((c, i) => {
        const v = attributeValueEither(
          ev,
          c.unit === undefined
            ? { site: c.site.id, attribute: id }
            : { site: c.site.id, unit: c.unit.id, attribute: id },
        )
        if (E.isLeft(v)) {
          problems.push(...v.left)
          return null
        }
        if (v.right === null) {
          problems.push(
            problem(
              [...c.path, 'attributes', id],
              `a value of attribute ${showName(id)}`,
              undefined,
              'reference',
              at(i),
            ),
          )
          return null
        }
        return v.right
      })
    } else if (hasKey(src, 'attainment') || hasKey(src, 'context')) {
      let standards: string[] | 'total'
      if (hasKey(src, 'context')) {
        const el = ev.elements.find((e) => e.id === src.context)
        if (el === undefined || el.role !== 'context' || (el.standards ?? []).length === 0) {
          problems.push(
            problem(
              ['options', 'sets', name, 'context'],
              'a context element that names its standards',
              src.context,
              'reference',
              where,
            ),
          )
          continue
        }
        standards = [...el.standards!]
      } else standards = src.attainment === 'total' ? 'total' : [src.attainment as string]
      values = cases.map((c, i) => {
        const scope = scopes!(c)
        let k = 0
        let n = 0
        if (standards === 'total') {
          k = scope?.total.k ?? 0
          n = scope?.total.n ?? 0
        } else
          for (const id of standards) {
            const st = scope?.standards.find((x) => x.standard === id)
            if (st === undefined) {
              problems.push(problem(['options', 'sets', name], `a standard of the framework`, id, 'reference', where))
              return null
            }
            k += st.k
            n += st.n
          }
        if (n === 0) {
          problems.push(problem(c.path, 'attainment with a denominator (rated items)', 'none counted', 'value', at(i)))
          return null
        }
        return k / n
      })
    } else if (hasKey(src, 'objectives')) {
      const unknown = src.unknown ?? 'not-attained'
      if (unknown !== 'not-attained' && unknown !== 'exclude') {
        problems.push(
          problem(
            ['options', 'sets', name, 'unknown'],
            '"not-attained" or "exclude"',
            unknown,
            'value',
            `${where} › unknown`,
          ),
        )
        continue
      }
      const type = src.objectives as string
      const byType = type !== 'all'
      const place = caseKind === 'sites' ? 'site' : 'unit'
      const o = objectiveAttainmentEither(ev, { by: byType ? [place, 'type'] : [place], unknown })
      if (E.isLeft(o)) {
        problems.push(...o.left)
        continue
      }
      if (byType && !o.right.some((r) => r.type === type)) {
        problems.push(
          problem(
            ['options', 'sets', name, 'objectives'],
            'an objective type of the evaluation, or "all"',
            type,
            'reference',
            where,
          ),
        )
        continue
      }
      values = cases.map((c, i) => {
        const row = o.right.find(
          (r) => r.site === c.site.id && (c.unit === undefined || r.unit === c.unit.id) && (!byType || r.type === type),
        )
        if (row === undefined || row.shareLow === null) {
          problems.push(problem(c.path, 'objectives with outcomes to count', 'none', 'value', at(i)))
          return null
        }
        return row.shareLow
      })
    } else {
      problems.push(
        problem(
          ['options', 'sets', name],
          'a source with attribute, attainment, objectives or context',
          src,
          'shape',
          where,
        ),
      )
      continue
    }
    if (values.some((v) => v === null)) continue
    // Calibrate.
    let ms: number[] | null = null
    if (hasKey(src, 'anchors') && src.anchors !== undefined) {
      const bad = anchorProblems(src.anchors, `${where} › anchors`)
      const nums = values.map((v, i) => {
        if (typeof v !== 'number') bad.push(problem(cases[i]!.path, 'a number to calibrate', v, 'value', at(i)))
        return v as number
      })
      if (bad.length > 0) {
        problems.push(...bad)
        continue
      }
      const c = calibrateEither(nums, src.anchors as CalibrationAnchors)
      if (E.isLeft(c)) problems.push(...c.left)
      else ms = [...c.right.memberships]
    } else if (hasKey(src, 'categories')) {
      const cats = new Set(src.categories as string[])
      ms = values.map((v) => (cats.has(v as string) ? 1 : 0))
    } else if (hasKey(src, 'memberships')) {
      const m = src.memberships as Record<string, number>
      ms = values.map((v, i) => {
        const x = m[String(v)]
        if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
          problems.push(
            problem(cases[i]!.path, `a category with a membership (${Object.keys(m).join(', ')})`, v, 'value', at(i)),
          )
          return 0
        }
        return x
      })
    } else if (hasKey(src, 'threshold') && src.threshold !== undefined) {
      const th = src.threshold
      if (typeof th !== 'number' || !Number.isFinite(th)) {
        problems.push(
          problem(['options', 'sets', name, 'threshold'], 'a finite number', th, 'shape', `${where} › threshold`),
        )
        continue
      }
      ms = values.map((v, i) => {
        if (typeof v !== 'number')
          problems.push(problem(cases[i]!.path, 'a number to compare with the threshold', v, 'value', at(i)))
        return (v as number) >= th ? 1 : 0
      })
    } else if (hasKey(src, 'attribute')) {
      problems.push(
        problem(
          ['options', 'sets', name],
          'anchors, categories or memberships to calibrate the attribute',
          src,
          'shape',
          where,
        ),
      )
    } else ms = values as number[]
    if (ms === null) continue
    cases.forEach((_, i) => {
      raw[i]![name] = values[i]!
      rows[i]![name] = ms![i]!
    })
  }
  return problems.length > 0 ? E.left(problems) : E.right({ rows, raw })
}

/**
 * Build QCA rows from an evaluation, one case per site or per unit (throwing
 * form of `qcaRowsEither`): sets from attributes, standards attainment,
 * objectives or CMO context elements, calibrated as asked.
 * @param ev the evaluation
 * @param options `{ sets, round?, policy?, cases? ['sites'] }`
 * @returns one row per case with the calibrated memberships (`QcaRows`).
 * @throws {RealistError} naming the site and set when a value is missing or cannot be calibrated
 * @example
 * // ev's sites: South Staffordshire attains 5 of 12 items (0.42), Leicestershire 5 of 10 (0.5)
 * qcaRows(ev, { sets: { ATT: { attainment: 'total', threshold: 0.5 } } }).rows //=> [{ case: 'ss', ATT: 0 }, { case: 'le', ATT: 1 }]
 */
export const qcaRows = (ev: Evaluation, options: QcaRowsOptions): QcaRows =>
  orThrow('qcaRows', qcaRowsEither(ev, options))
