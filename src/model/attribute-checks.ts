/**
 * Cross-field checks of attributes and observations, on a document whose
 * shape is already known good: declarations (unique ids, categories, bands),
 * the values on sites and units against their declarations, and the
 * references of observations.
 * @module
 */
import type { Evaluation } from './evaluation.js'
import { expectedValue, isIsoDate, valueFits, type AttributeDefinition } from './attributes.js'
import { bandProblems } from './bands.js'
import { describePath } from './codec-kit.js'
import { frameworkTargets } from './codec-framework.js'
import { problem, showName, type Problem } from './problem.js'

type Path = readonly (string | number)[]

const declarationProblems = (defs: readonly AttributeDefinition[]): Problem[] => {
  const out: Problem[] = []
  const ids = new Map<string, number>()
  defs.forEach((def, i) => {
    const path = ['attributes', i]
    const at = `attribute ${showName(def.id)}`
    const first = ids.get(def.id)
    if (first !== undefined)
      out.push(
        problem(
          [...path, 'id'],
          `an attribute id not used before (attribute #${first + 1} has it already)`,
          def.id,
          'duplicate',
          `${at} › id`,
        ),
      )
    else ids.set(def.id, i)
    const list =
      def.kind === 'categorical'
        ? (['categories', def.categories] as const)
        : def.kind === 'ordinal'
          ? (['order', def.order] as const)
          : null
    if (list !== null) {
      const [key, values] = list
      if (values.length === 0)
        out.push(
          problem(
            [...path, key],
            `at least one ${key === 'order' ? 'value in the order' : 'category'}`,
            values,
            'value',
            `${at} › ${key}`,
          ),
        )
      const seen = new Set<string>()
      values.forEach((v, j) => {
        if (seen.has(v))
          out.push(problem([...path, key, j], `a value listed once in ${key}`, v, 'duplicate', `${at} › ${key}`))
        seen.add(v)
      })
    }
    if (def.kind === 'numeric' && def.bands !== undefined)
      for (const p of bandProblems(def.bands, [...path, 'bands'], `${at} › bands`)) out.push(p)
  })
  return out
}

const valueProblems = (
  ev: Evaluation,
  byId: ReadonlyMap<string, AttributeDefinition>,
  values: Readonly<Record<string, unknown>> | undefined,
  level: 'site' | 'unit',
  path: Path,
): Problem[] => {
  if (values === undefined) return []
  const out: Problem[] = []
  for (const key of Object.keys(values)) {
    const at = [...path, 'attributes', key]
    const where = describePath(ev, at)
    const def = byId.get(key)
    const value = values[key]
    if (def === undefined) {
      const known = [...byId.values()].filter((d) => d.on === level).map((d) => d.id)
      out.push(
        problem(
          at,
          `an attribute declared in the document's attributes${known.length > 0 ? ` (${known.join(', ')})` : ' (none is declared)'}`,
          key,
          'reference',
          where,
        ),
      )
    } else if (def.on !== level) {
      out.push(
        problem(
          at,
          `an attribute declared on ${level}s (attribute ${showName(def.id)} is declared on ${def.on}s)`,
          key,
          'reference',
          where,
        ),
      )
    } else if (!valueFits(def, value)) {
      out.push(problem(at, expectedValue(def), value, 'value', where))
    }
  }
  return out
}

/**
 * The checks of attributes: declarations have unique ids; categorical and
 * ordinal ones list at least one value, each once; numeric bands are sound
 * (`bandProblems`: lower < upper, increasing, no value in two bands). Every
 * value on a site or unit names a declared attribute, declared on that level
 * (`on: 'site'` or `'unit'`), and suits it (a listed category, a finite
 * number, a real `YYYY-MM-DD` date). Used by `decodeEvaluation`.
 * @param ev - an evaluation of valid shape.
 * @returns the problems found; empty for a valid document.
 * @example
 * attributeProblems(ev) //=> []
 * const size = { id: 'size', label: 'Size', on: 'site', kind: 'ordinal', order: ['small', 'large'] }
 * const [ss, le] = ev.sites
 * attributeProblems({ ...ev, attributes: [...ev.attributes, size], sites: [{ ...ss, attributes: { size: 'huge' } }, le] })
 * //=> [{ path: ['sites', 0, 'attributes', 'size'], where: 'site ss › attributes › size',
 * //      expected: 'one of "small" | "large" (the order of attribute size)', found: '"huge"', code: 'value' }]
 */
export const attributeProblems = (ev: Evaluation): Problem[] => {
  const defs = ev.attributes ?? []
  const out = declarationProblems(defs)
  const byId = new Map<string, AttributeDefinition>()
  for (const d of defs) if (!byId.has(d.id)) byId.set(d.id, d)
  ev.sites.forEach((site, s) => {
    for (const p of valueProblems(ev, byId, site.attributes, 'site', ['sites', s])) out.push(p)
    site.units.forEach((unit, u) => {
      for (const p of valueProblems(ev, byId, unit.attributes, 'unit', ['sites', s, 'units', u])) out.push(p)
    })
  })
  return out
}

/**
 * The checks of observations: unique ids; the site exists; the unit, if
 * given, is a unit of that site; the target, if given, is a standard or
 * criterion of the framework; the round, if given, is a round of the
 * document; the date, if given, is a real `YYYY-MM-DD` date. Used by
 * `decodeEvaluation`.
 * @param ev - an evaluation of valid shape.
 * @returns the problems found; empty for a valid document.
 * @example
 * observationProblems(ev) //=> []
 * observationProblems({ ...ev, observations: [{ id: 'o1', site: 'nowhere', text: 'Improvements noted' }] })
 * //=> [{ path: ['observations', 0, 'site'], where: 'observation o1 › site', expected: 'a site id of this evaluation', found: '"nowhere"', code: 'reference' }]
 */
export const observationProblems = (ev: Evaluation): Problem[] => {
  const list = ev.observations ?? []
  if (list.length === 0) return []
  const out: Problem[] = []
  const sites = new Map(ev.sites.map((s) => [s.id as string, new Set(s.units.map((u) => u.id as string))]))
  const rounds = new Set(ev.rounds.map((r) => r.id as string))
  const targets = frameworkTargets(ev.framework)
  const ids = new Set<string>()
  list.forEach((o, i) => {
    const at = (key: string): [Path, string] => {
      const path = ['observations', i, key]
      return [path, describePath(ev, path)]
    }
    const push = (key: string, expected: string, found: unknown, code: Problem['code']) => {
      const [path, where] = at(key)
      out.push(problem(path, expected, found, code, where))
    }
    if (ids.has(o.id)) push('id', 'an observation id not used before', o.id, 'duplicate')
    ids.add(o.id)
    const units = sites.get(o.site)
    if (units === undefined) push('site', 'a site id of this evaluation', o.site, 'reference')
    else if (o.unit !== undefined && !units.has(o.unit))
      push('unit', `a unit id of site ${showName(o.site)}`, o.unit, 'reference')
    if (o.target !== undefined && !targets.has(o.target))
      push('target', `a standard or criterion id of framework ${showName(ev.framework.id)}`, o.target, 'reference')
    if (o.round !== undefined && !rounds.has(o.round))
      push('round', 'a round id of this evaluation', o.round, 'reference')
    if (o.date !== undefined && !isIsoDate(o.date)) push('date', 'a date written YYYY-MM-DD', o.date, 'value')
  })
  return out
}
