/**
 * What refers to a site or a unit from elsewhere in the document, so that
 * removing it can be refused instead of leaving dangling ids.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'

/**
 * The places that name a site: informants, evidence sources, configuration scopes.
 * @example
 * siteReferences(ev, 'south-staffs') //=> ['informant I3', 'configuration c2']
 */
export const siteReferences = (ev: Evaluation, siteId: string): string[] => [
  ...ev.informants.filter((i) => i.site === siteId).map((i) => `informant ${i.id}`),
  ...ev.sources.filter((s) => s.site === siteId).map((s) => `source ${s.id}`),
  ...ev.configurations.filter((c) => c.scope.sites.includes(siteId as never)).map((c) => `configuration ${c.id}`),
]

/**
 * The places that name a unit: configuration scopes.
 * @example
 * unitReferences(ev, 'acute') //=> ['configuration c2']
 */
export const unitReferences = (ev: Evaluation, unitId: string): string[] =>
  ev.configurations.filter((c) => c.scope.units.includes(unitId as never)).map((c) => `configuration ${c.id}`)

/**
 * Name a list for a message: the first few and a count.
 * @example
 * listed(['a', 'b', 'c', 'd', 'e', 'f']) //=> 'a, b, c, d, e and 1 more'
 */
export const listed = (items: readonly string[], max = 5): string =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`
