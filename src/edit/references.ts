/**
 * What refers to a site or a unit from elsewhere in the document, so that
 * removing it can be refused instead of leaving dangling ids.
 * @module
 */
import type { Evaluation } from '../model/evaluation.js'

/**
 * The places that name a site: informants, evidence sources, configuration scopes.
 * @param ev the evaluation
 * @param siteId the site's id
 * @returns one label per reference (`informant I3`, `source S1`, `configuration c2`), in that order; empty when none
 * @example
 * // the MHIP theory scopes one configuration to South West London
 * siteReferences(withMhipTheory(mhipEvaluation), 'south-west-london') //=> ['configuration prince2-culture']
 */
export const siteReferences = (ev: Evaluation, siteId: string): string[] => [
  ...ev.informants.filter((i) => i.site === siteId).map((i) => `informant ${i.id}`),
  ...ev.sources.filter((s) => s.site === siteId).map((s) => `source ${s.id}`),
  ...ev.configurations.filter((c) => c.scope.sites.includes(siteId as never)).map((c) => `configuration ${c.id}`),
]

/**
 * The places that name a unit: configuration scopes.
 * @param ev the evaluation
 * @param unitId the unit's id
 * @returns one label per configuration whose scope names the unit; empty when none
 * @example
 * unitReferences(withMhipTheory(mhipEvaluation), 'acute-care') //=> []
 */
export const unitReferences = (ev: Evaluation, unitId: string): string[] =>
  ev.configurations.filter((c) => c.scope.units.includes(unitId as never)).map((c) => `configuration ${c.id}`)

/**
 * Name a list for a message: the first few and a count.
 * @param items the names
 * @param max how many to name before counting the rest; default 5
 * @returns the names joined by commas, with `and N more` when there are over `max`
 * @example
 * listed(['a', 'b', 'c', 'd', 'e', 'f']) //=> 'a, b, c, d, e and 1 more'
 */
export const listed = (items: readonly string[], max = 5): string =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`
