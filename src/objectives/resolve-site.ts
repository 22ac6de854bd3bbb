import * as E from '../model/either.js'
import type { Evaluation, Site } from '../model/evaluation.js'
import { ambiguousName, NameIndex } from '../model/names.js'
import { orThrow, problem, showList, type Result } from '../model/problem.js'
import { normaliseWording } from '../standards/lookup.js'

/** One index per sites list (documents are immutable values). */
const indexes = new WeakMap<readonly Site[], NameIndex<Site>>()
const siteIndex = (sites: readonly Site[]): NameIndex<Site> => {
  let index = indexes.get(sites)
  if (index === undefined) {
    index = new NameIndex<Site>(normaliseWording)
    for (const s of sites) index.add(s.id, s, [s.name, ...s.aliases])
    indexes.set(sites, index)
  }
  return index
}

/**
 * Find a site by its id, name or any alias, ignoring case, punctuation and
 * `&` vs "and" (so "S. Staffs", "SSHT" and "South Staffordshire Healthcare NHS
 * Trust" all find South Staffordshire). One report names a site many ways.
 * A name written exactly as a site's id or name finds that site, unless
 * another site is also called by it (`NameIndex`): then it is ambiguous.
 * @param ev the evaluation whose sites are searched
 * @param name an id, name or alias
 * @returns `Right(site)`; `Left` with a `reference` problem listing the site
 *   names when nothing matches, or a `duplicate` problem when the name is
 *   shared by two sites
 * @example
 * resolveSite(mhipEvaluation, 'SWLSG') //=> right({ id: 'south-west-london', name: 'South West London', … })
 * resolveSite(mhipEvaluation, 'Kent') //=> left([{ expected: 'a site id, name or alias (South Staffordshire | …)', found: '"Kent"', … }])
 */
export const resolveSite = (ev: Evaluation, name: string): Result<Site> => {
  if (typeof name !== 'string' || name.trim() === '')
    return E.left([problem([], 'a site id, name or alias (a non-empty string)', name, 'shape', 'site')])
  const found = siteIndex(ev.sites).find(name)
  if (found.kind === 'one') return E.right(found.item)
  if (found.kind === 'none')
    return E.left([
      problem(
        [],
        `a site id, name or alias (${showList(
          ev.sites.map((s) => s.name),
          5,
          ' | ',
        )})`,
        name,
        'reference',
        'site',
      ),
    ])
  return E.left([ambiguousName('site', name, found.items)])
}

/**
 * Find a site by its id, name or any alias, ignoring case, punctuation and
 * `&` vs "and" (so "S. Staffs", "SSHT" and "South Staffordshire Healthcare NHS
 * Trust" all find South Staffordshire). One report names a site many ways.
 *
 * The throwing form of {@link resolveSite}: the same result, returned directly,
 * for notebooks and scripts.
 * @param ev the evaluation whose sites are searched
 * @param name an id, name or alias
 * @returns the result (`Site`), as {@link resolveSite}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link resolveSite} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] getSiteByName: …`).
 * @example
 * getSiteByName(mhipEvaluation, 'Leics').id //=> 'leicestershire'
 */
export const getSiteByName = (ev: Evaluation, name: string): Site => orThrow('getSiteByName', resolveSite(ev, name))
