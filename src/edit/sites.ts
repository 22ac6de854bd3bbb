/**
 * Edits of sites: `addSite`, `renameSite`, `removeSite`.
 * @module
 */
import { castDraft, original } from 'immer'
import type { Evaluation, Site } from '../model/evaluation.js'
import type { SiteId } from '../model/ids.js'
import { defineEdit } from './define.js'
import { argProblem, newIdArg, roomArg, stringArg, stringsArg } from './args.js'
import { listed, siteReferences } from './references.js'
import { siteIndex } from './locate.js'

/** Arguments of `addSite`. */
export interface AddSiteArgs {
  readonly id: string
  readonly name: string
  /** Other names the site goes by. Default none. */
  readonly aliases?: readonly string[]
}

/**
 * Add a pilot site, with no units, at the end of the site list. Refused when
 * the id is taken or reserved, or the name is empty.
 * @param args the new site's id (unique, not reserved), its name and optional aliases
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, addSite({ id: 'north-east', name: 'North East', aliases: ['NE'] }))
 * ev.sites.at(-1) //=> { id: 'north-east', name: 'North East', aliases: ['NE'], units: [] }
 */
export const addSite = defineEdit<AddSiteArgs>(
  'addSite',
  (ev, args) => [
    ...newIdArg('addSite', 'id', args.id, 'site', (id) => siteIndex(ev, id) >= 0),
    ...roomArg('addSite', 'id', ev.sites.length, 'the sites'),
    ...stringArg('addSite', 'name', args.name),
    ...stringsArg('addSite', 'aliases', args.aliases),
  ],
  (draft, args) => {
    const site: Site = { id: args.id as SiteId, name: args.name, aliases: [...(args.aliases ?? [])], units: [] }
    draft.sites.push(castDraft(site))
  },
)

/** Arguments of `renameSite`. */
export interface RenameSiteArgs {
  readonly site: string
  readonly name: string
}

const knownSite = (op: string, ev: Evaluation, site: unknown) =>
  typeof site === 'string' && siteIndex(ev, site) >= 0
    ? []
    : [argProblem(op, 'site', 'the id of a site of this evaluation', site, 'reference')]

/**
 * Give a site a new display name (its id stays).
 * @param args the site's id and its new name (a non-empty string)
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, renameSite({ site: 'south-staffordshire', name: 'South Staffs' }))
 * ev.sites[0].name //=> 'South Staffs'
 */
export const renameSite = defineEdit<RenameSiteArgs>(
  'renameSite',
  (ev, args) => [...knownSite('renameSite', ev, args.site), ...stringArg('renameSite', 'name', args.name)],
  (draft, args) => {
    draft.sites[siteIndex(original(draft)!, args.site)]!.name = args.name
  },
)

/** Arguments of `removeSite`. */
export interface RemoveSiteArgs {
  readonly site: string
}

/**
 * Remove a site. Refused while it still has units (remove them first, saying
 * what happens to their ratings) or while informants, sources or
 * configurations name it.
 * @param args the site's id
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const ev = edit(mhipEvaluation, addSite({ id: 'north-east', name: 'North East' }))
 * edit(ev, removeSite({ site: 'north-east' })).sites.length //=> 4
 * applyEdit(ev, removeSite({ site: 'south-staffordshire' }))
 * //=> left([{ where: 'removeSite › site', expected: 'a site without units (remove its 5 units first)', … }])
 */
export const removeSite = defineEdit<RemoveSiteArgs>(
  'removeSite',
  (ev, args) => {
    const known = knownSite('removeSite', ev, args.site)
    if (known.length > 0) return known
    const site = ev.sites[siteIndex(ev, args.site)]!
    const refs = siteReferences(ev, args.site)
    return [
      ...(site.units.length > 0
        ? [
            argProblem(
              'removeSite',
              'site',
              `a site without units (remove its ${site.units.length} units first)`,
              args.site,
              'consistency',
            ),
          ]
        : []),
      ...(refs.length > 0
        ? [
            argProblem(
              'removeSite',
              'site',
              `a site nothing refers to (${listed(refs)} name it)`,
              args.site,
              'reference',
            ),
          ]
        : []),
    ]
  },
  (draft, args) => {
    draft.sites.splice(siteIndex(original(draft)!, args.site), 1)
  },
)
