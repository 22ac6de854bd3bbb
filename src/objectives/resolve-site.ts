import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation, Site } from '../model/evaluation.js'
import { orThrow, problem, type Result } from '../model/problem.js'
import { normaliseWording } from '../standards/lookup.js'

const namesOf = (site: Site): string[] => [site.id, site.name, ...site.aliases]

/**
 * Find a site by its id, name or any alias, ignoring case, punctuation and
 * `&` vs "and" (so "S. Staffs", "SSHT" and "South Staffordshire Healthcare NHS
 * Trust" all find South Staffordshire). One report names a site many ways.
 * @param ev the evaluation whose sites are searched
 * @param name an id, name or alias
 * @returns `Right(site)`; `Left` with a `reference` problem listing the site
 *   names when nothing matches, or a `duplicate` problem when the name is
 *   shared by two sites
 * @example
 * resolveSite(mhipEvaluation, 'SWLSG') //=> Right({ id: 'south-west-london', name: 'South West London', … })
 * resolveSite(mhipEvaluation, 'Kent')  //=> Left([{ expected: 'a site id, name or alias (South Staffordshire | …)', found: '"Kent"', … }])
 */
export const resolveSite = (ev: Evaluation, name: string): Result<Site> => {
  if (typeof name !== 'string' || name.trim() === '')
    return E.left([problem([], 'a site id, name or alias (a non-empty string)', name, 'shape', 'site')])
  const key = normaliseWording(name)
  const hits = ev.sites.filter((s) => namesOf(s).some((n) => normaliseWording(n) === key))
  const [only, second] = hits
  if (only !== undefined && second === undefined) return E.right(only)
  if (only === undefined)
    return E.left([problem([], `a site id, name or alias (${ev.sites.map((s) => s.name).join(' | ') || 'no sites'})`, name, 'reference', 'site')])
  return E.left([problem([], `a name of exactly one site (it names ${hits.map((s) => s.id).join(', ')})`, name, 'duplicate', 'site')])
}

/**
 * Throwing form of {@link resolveSite}: the site, or a `RealistError` with
 * the same problems.
 * @example
 * getSiteByName(mhipEvaluation, 'Leics').id //=> 'leicestershire'
 */
export const getSiteByName = (ev: Evaluation, name: string): Site => orThrow('getSiteByName', resolveSite(ev, name))
