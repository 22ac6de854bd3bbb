/**
 * The slow path of attainment: when the fast count finds levels not on the
 * scale, a roll-up rule that answered with no level, or unrated items under
 * `unrated: 'error'`, walk the document again and name each offending place.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'
import type { RoundRatings } from '../model/ratings.js'
import { problem, type Problem } from '../model/problem.js'
import { unitCodes, type CompiledFramework } from './compile.js'
import type { ResolvedPolicy } from './policy.js'
import { compiledRule, countCriteria, ownRating, rolledCode } from './rollup.js'
import { isSiteEntity } from './raters.js'

/** At most this many problems are listed; one more says how many were left out. */
export const MAX_LISTED = 1000

type Visit = (ratings: RoundRatings | undefined, path: (string | number)[], where: string) => void

/**
 * Each rated entity's ratings in each round, with the path and name of its
 * place in the document. `ev` may be a ratings view (`ratingsViewEither`):
 * there a site rated as a whole is one more entity first among its units,
 * and another instrument's ratings sit in `ratings`; the path names where
 * they really are (`sites[i].ratings`, `sites[i].units[j].instrumentRatings[id].ratings`).
 */
const eachUnitRound = (ev: Evaluation, visit: Visit): void => {
  // A view of a further instrument has that instrument (one of `instruments`) as its framework.
  const instrument = ev.instruments?.includes(ev.framework) === true ? ev.framework.id : null
  const stored: (string | number)[] = instrument === null ? ['ratings'] : ['instrumentRatings', instrument, 'ratings']
  ev.sites.forEach((site, si) => {
    const shift = site.units.length > 0 && isSiteEntity(site.units[0]!) ? 1 : 0
    site.units.forEach((unit, ui) => {
      const whole = ui === 0 && shift === 1
      const base: (string | number)[] = whole ? ['sites', si, ...stored] : ['sites', si, 'units', ui - shift, ...stored]
      const name = whole ? `site ${site.id} (as a whole)` : `site ${site.id} › unit ${unit.id}`
      const on = instrument === null ? '' : ` › instrument ${instrument}`
      for (const round of ev.rounds) {
        const ratings = (unit.ratings as Record<string, RoundRatings | undefined>)[round.id]
        visit(ratings, [...base, round.id], `${name}${on} › round ${round.id}`)
      }
    })
  })
}

/**
 * The problems `check` reports over every rated entity and round, at most
 * {@link MAX_LISTED} of them and then one saying how many more were left out
 * (a problem is made only when it is listed). `check` gets the unit's codes
 * (see `unitCodes`) through `codes`, and each standard's roll-up through
 * `rolled`: the code its criteria give (−1 for a rule's answer off the
 * scale), or null when a criterion's level is not on the scale.
 */
const listProblems = (
  ev: Evaluation,
  c: CompiledFramework,
  policy: ResolvedPolicy,
  check: (
    ratings: RoundRatings | undefined,
    path: (string | number)[],
    where: string,
    report: (make: () => Problem) => void,
    rolled: (codes: Uint8Array, s: number) => number | null,
  ) => void,
): Problem[] => {
  const out: Problem[] = []
  let seen = 0
  const report = (make: () => Problem): void => {
    seen++
    if (out.length < MAX_LISTED) out.push(make())
  }
  const decide = compiledRule(policy.rollupRule, c.scale)
  const scratch = new Float64Array(c.width)
  const rolled = (codes: Uint8Array, s: number): number | null =>
    countCriteria(c, codes, s, scratch) > 0 ? null : rolledCode(c, scratch, decide)
  eachUnitRound(ev, (ratings, path, where) => check(ratings, path, where, report, rolled))
  return seen > out.length
    ? [...out, problem([], 'no more problems', `${seen - out.length} more not listed`, 'limit', 'attainment')]
    : out
}

/**
 * Problems that make the count impossible: ratings whose level is not on the
 * scale (nor "na"), and roll-ups whose rule gave no level of the scale.
 * @internal
 */
export const levelProblems = (ev: Evaluation, c: CompiledFramework, policy: ResolvedPolicy): Problem[] => {
  const expected = `a level of scale ${c.scale.id} (${c.levelIds.join(' | ')}) or "na"`
  const buffer = new Uint8Array(c.slotIds.length)
  const targets = policy.count === 'criteria' ? c.criterionIds : [...c.standardIds, ...c.criterionIds]
  return listProblems(ev, c, policy, (ratings, path, where, report, rolled) => {
    if (ratings === undefined) return
    for (const id of targets) {
      const r = ownRating(ratings, id)
      if (r !== undefined && !c.levelCode.has(r.level))
        report(() => problem([...path, id, 'level'], expected, r.level, 'value', `${where} › rating ${id}`))
    }
    if (policy.count === 'criteria') return
    const codes = unitCodes(c, ratings, buffer)
    for (let s = 0; s < c.standardIds.length; s++) {
      const id = c.standardIds[s] as string
      if (ownRating(ratings, id) === undefined && rolled(codes, s) === -1)
        report(() =>
          problem(
            [...path, id],
            `roll-up rule ${policy.rollup} to give a level of scale ${c.scale.id}`,
            'no level of the scale',
            'value',
            `${where} › standard ${id} › roll-up ${policy.rollup}`,
          ),
        )
    }
  })
}

/**
 * Problems for `unrated: 'error'`: every unrated item, by place.
 * @internal
 */
export const unratedProblems = (ev: Evaluation, c: CompiledFramework, policy: ResolvedPolicy): Problem[] => {
  const buffer = new Uint8Array(c.slotIds.length)
  const expected = 'a rating (the policy says unrated: "error")'
  return listProblems(ev, c, policy, (ratings, path, where, report, rolled) => {
    const missing = (id: string, kind: string): void =>
      report(() => problem([...path, id], expected, undefined, 'policy', `${where} › ${kind} ${id}`))
    if (policy.count === 'criteria') {
      for (const id of c.criterionIds) if (ownRating(ratings, id) === undefined) missing(id, 'criterion')
      return
    }
    const codes = unitCodes(c, ratings, buffer)
    for (let s = 0; s < c.standardIds.length; s++) {
      const id = c.standardIds[s] as string
      if (ownRating(ratings, id) === undefined && rolled(codes, s) === c.unrated) missing(id, 'standard')
    }
  })
}
