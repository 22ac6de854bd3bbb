/**
 * Resolve the site, unit and round names of an import against the base
 * document, creating the missing ones when asked. Names are matched by id,
 * name or alias, ignoring case and punctuation, and a name that could mean
 * two things is a problem (`NameIndex`); with `exactIds` every cell is an
 * exact id. Each distinct name is resolved once, because a large file repeats
 * the same few names.
 * @module
 */
import * as E from '../../model/either.js'
import type { Evaluation, Round, Site, Unit } from '../../model/evaluation.js'
import type { RoundId, SiteId, UnitId } from '../../model/ids.js'
import { asId } from '../../model/ids.js'
import { ambiguousName, NameIndex, type NameMatch } from '../../model/names.js'
import { problem, showList, type Problem, type Result } from '../../model/problem.js'
import { resolveSite } from '../../objectives/resolve-site.js'
import { normaliseWording } from '../../standards/lookup.js'

/** A unit of the result document: where it is, or that it is new. */
export interface UnitRef {
  readonly site: SiteId
  readonly unit: UnitId
}

/** Sites, units and rounds to add to the base document. */
export interface Additions {
  readonly rounds: Round[]
  /** New sites (with their new units). */
  readonly sites: Site[]
  /** New units of existing sites, by site id. */
  readonly units: Map<SiteId, Unit[]>
}

/**
 * Make an id from a name: `"Acute care"` → `acute-care`.
 * @param name - a name.
 * @returns the id: the normalised wording with hyphens for spaces (`x` when nothing is left).
 */
export const slug = (name: string): string => normaliseWording(name).replace(/ /g, '-') || 'x'

const uniqueId = (wanted: string, taken: Set<string>): string => {
  let id = wanted
  for (let i = 2; taken.has(id); i++) id = `${wanted}-${i}`
  taken.add(id)
  return id
}

/** A unit in the indexes: where it is, and the unit (for messages). */
interface UnitEntry {
  readonly ref: UnitRef
  readonly unit: Unit
}
const unitAliases = (u: Unit): string[] => [u.name, ...(u.aliases ?? [])]
const add = (index: NameIndex<UnitEntry>, entry: UnitEntry): void =>
  index.add(entry.unit.id, entry, unitAliases(entry.unit))
const unitCandidates = (entries: readonly UnitEntry[]) =>
  entries.map((e) => ({ id: `${e.ref.site} › ${e.ref.unit}`, name: e.unit.name }))

const newUnit = (id: string, name: string): Unit => ({
  id: asId<'UnitId'>(id),
  name,
  ratings: {},
  objectives: [],
  objectiveCells: [],
})

/**
 * The name resolver of one import. `create: false` (the default of every
 * import) refuses names the base does not have, so a misspelt site does not
 * quietly become a new one.
 */
export class Catalog {
  readonly additions: Additions = { rounds: [], sites: [], units: new Map() }
  private readonly unitCache = new Map<string, Result<UnitRef>>()
  private readonly roundCache = new Map<string, Result<RoundId>>()
  private readonly siteIds: Set<string>
  private readonly unitIds: Set<string>
  private readonly roundIds: Set<string>
  /** Rounds by id and label, kept as rounds are added, so a file with many rounds resolves each in O(1). */
  private readonly rounds = new NameIndex<Round>(normaliseWording)
  /** Sites added by this import, by id and name. */
  private readonly newSites = new NameIndex<Site>(normaliseWording)
  /**
   * Every unit (base and added), and the units of each site: each index is
   * built when first asked for (a file with a site column never needs the
   * first; a file names few sites of a large document), holding the base's
   * units in document order, then the added ones in the order they were made.
   */
  private allUnitsIndex: NameIndex<UnitEntry> | undefined
  private readonly siteUnits = new Map<string, NameIndex<UnitEntry>>()
  /** One entry per unit, shared by both indexes (its ref is the one object every name of the unit resolves to). */
  private readonly entries = new Map<Unit, UnitEntry>()
  /** The units this import made, in order. */
  private readonly made: UnitEntry[] = []
  /** The base's sites by id (the first of an id). */
  private readonly baseSites = new Map<string, Site>()

  /**
   * @param base the document the import adds to
   * @param create make the sites, units and rounds the file names but the base lacks
   * @param exactIds every cell is an exact id (as the exports write them), never a name
   */
  constructor(
    readonly base: Evaluation,
    readonly create: boolean,
    readonly exactIds = false,
  ) {
    this.siteIds = new Set(base.sites.map((s) => s.id))
    this.unitIds = new Set(base.sites.flatMap((s) => s.units.map((u) => u.id)))
    this.roundIds = new Set(base.rounds.map((r) => r.id))
    for (const r of base.rounds) this.rounds.add(r.id, r, [r.label])
    for (const s of base.sites) if (!this.baseSites.has(s.id)) this.baseSites.set(s.id, s)
  }

  private entryOf(site: SiteId, unit: Unit): UnitEntry {
    let entry = this.entries.get(unit)
    if (entry === undefined) this.entries.set(unit, (entry = { ref: { site, unit: unit.id }, unit }))
    return entry
  }

  private get allUnits(): NameIndex<UnitEntry> {
    let index = this.allUnitsIndex
    if (index === undefined) {
      index = this.allUnitsIndex = new NameIndex<UnitEntry>(normaliseWording)
      for (const s of this.base.sites) for (const u of s.units) add(index, this.entryOf(s.id, u))
      for (const entry of this.made) add(index, entry)
    }
    return index
  }

  /** The index of a site's units, or undefined for a site with none. */
  private unitIndexOf(site: SiteId): NameIndex<UnitEntry> | undefined {
    let index = this.siteUnits.get(site)
    if (index === undefined) {
      const base = this.baseSites.get(site)?.units ?? []
      const made = this.made.filter((e) => e.ref.site === site)
      if (base.length === 0 && made.length === 0) return undefined
      index = new NameIndex<UnitEntry>(normaliseWording)
      for (const u of base) add(index, this.entryOf(site, u))
      for (const entry of made) add(index, entry)
      this.siteUnits.set(site, index)
    }
    return index
  }

  /** Index a unit the import made; returns its ref, the one object every name of the unit resolves to. */
  private indexUnit(site: SiteId, unit: Unit): UnitRef {
    const entry = this.entryOf(site, unit)
    this.made.push(entry)
    if (this.allUnitsIndex !== undefined) add(this.allUnitsIndex, entry)
    const index = this.siteUnits.get(site)
    if (index !== undefined) add(index, entry)
    return entry.ref
  }

  private match<A>(index: NameIndex<A>, text: string): NameMatch<A> {
    return this.exactIds ? index.findId(text) : index.find(text)
  }

  private findSite(name: string): Result<Site> {
    const added = this.match(this.newSites, name)
    if (added.kind === 'one') return E.right(added.item)
    const found = this.exactIds ? this.siteById(name) : resolveSite(this.base, name)
    if (added.kind === 'many' || (E.isRight(found) && added.kind !== 'none'))
      return E.left([
        ambiguousName('site', name, [
          ...(added.kind === 'many' ? added.items : []),
          ...(E.isRight(found) ? [found.right] : []),
        ]),
      ])
    if (E.isRight(found) || !this.create || found.left.some((p) => p.code !== 'reference')) return found
    const site: Site = {
      id: asId<'SiteId'>(uniqueId(slug(name), this.siteIds)),
      name: name.trim(),
      aliases: [],
      units: [],
    }
    this.additions.sites.push(site)
    this.newSites.add(site.id, site, [site.name])
    return E.right(site)
  }

  private siteById(id: string): Result<Site> {
    const site = this.base.sites.find((s) => s.id === id)
    return site !== undefined
      ? E.right(site)
      : E.left([
          problem(
            [],
            `a site id (${showList(
              this.base.sites.map((s) => s.id),
              5,
              ' | ',
            )})`,
            id,
            'reference',
            'site',
          ),
        ])
  }

  private unitsOf(site: Site): Unit[] {
    return [...site.units, ...(this.additions.units.get(site.id) ?? [])]
  }

  private resolveUnit(siteName: string | undefined, unitName: string): Result<UnitRef> {
    const key = normaliseWording(unitName)
    if (key === '' && !this.exactIds)
      return E.left([problem([], 'a unit id, name or alias (a non-empty string)', unitName, 'shape', 'unit')])
    if (siteName === undefined) {
      const found = this.match(this.allUnits, unitName)
      if (found.kind === 'one') return E.right(found.item.ref)
      if (found.kind === 'none')
        return E.left([
          problem(
            [],
            `a unit id, name or alias of the evaluation${this.create ? ' (add a site column to create units)' : ''}`,
            unitName,
            'reference',
            'unit',
          ),
        ])
      const p = ambiguousName('unit', unitName, unitCandidates(found.items))
      return E.left([{ ...p, expected: `${p.expected}; or add a site column` }])
    }
    const site = this.findSite(siteName)
    if (E.isLeft(site)) return site
    const s = site.right
    const index = this.unitIndexOf(s.id)
    const found = index === undefined ? ({ kind: 'none' } as const) : this.match(index, unitName)
    if (found.kind === 'one') return E.right(found.item.ref)
    if (found.kind === 'many')
      return E.left([{ ...ambiguousName('unit', unitName, unitCandidates(found.items)), where: `site ${s.id} › unit` }])
    if (!this.create)
      return E.left([
        problem(
          [],
          `a unit of site ${s.id} (${showList(
            this.unitsOf(s).map((u) => u.name),
            5,
            ' | ',
          )})`,
          unitName,
          'reference',
          `site ${s.id} › unit`,
        ),
      ])
    const created = newUnit(uniqueId(slug(unitName), this.unitIds), unitName.trim())
    const isNewSite = this.additions.sites.includes(s)
    if (isNewSite) (s.units as Unit[]).push(created)
    else this.additions.units.set(s.id, [...(this.additions.units.get(s.id) ?? []), created])
    // The indexed ref: a later name of the same unit ("ward a" after "Ward A") resolves to this very object,
    // which is what the import gathers a unit's ratings by.
    return E.right(this.indexUnit(s.id, created))
  }

  /**
   * The unit named by a site name (optional) and a unit name.
   * @example
   * new Catalog(mhipEvaluation, false).unit('SSHT', 'Acute care') //=> right({ site: 'south-staffordshire', unit: 'acute-care' })
   */
  unit(siteName: string | undefined, unitName: string): Result<UnitRef> {
    const cacheKey = `${siteName ?? ''}\u0000${unitName}`
    let hit = this.unitCache.get(cacheKey)
    if (hit === undefined) {
      hit = this.resolveUnit(siteName, unitName)
      this.unitCache.set(cacheKey, hit)
    }
    return hit
  }

  /**
   * The site named by `name` (id, name or alias), for a rating of the site
   * as a whole; created when the catalog creates names.
   * @example
   * new Catalog(mhipEvaluation, false).site('SSHT') //=> right('south-staffordshire')
   */
  site(name: string): Result<SiteId> {
    const found = this.findSite(name)
    return E.isLeft(found) ? E.left(found.left.map((p) => ({ ...p, where: 'site' }))) : E.right(found.right.id)
  }

  private resolveRound(name: string): Result<RoundId> {
    const found = this.match(this.rounds, name)
    if (found.kind === 'one') return E.right(found.item.id)
    if (found.kind === 'many') return E.left([ambiguousName('round', name, found.items)])
    const key = normaliseWording(name)
    if (key === '' || !this.create)
      return E.left([
        problem(
          [],
          `a round id or label (${showList(
            this.base.rounds.map((r) => r.id),
            5,
            ' | ',
          )})`,
          name,
          'reference',
          'round',
        ),
      ])
    const round: Round = { id: asId<'RoundId'>(uniqueId(slug(name), this.roundIds)), label: name.trim() }
    this.additions.rounds.push(round)
    this.rounds.add(round.id, round, [round.label])
    return E.right(round.id)
  }

  /**
   * The round named by `name` (id or label).
   * @example
   * new Catalog(mhipEvaluation, false).round('mhip-2008') //=> right('mhip-2008')
   */
  round(name: string): Result<RoundId> {
    let hit = this.roundCache.get(name)
    if (hit === undefined) {
      hit = this.resolveRound(name)
      this.roundCache.set(name, hit)
    }
    return hit
  }

  /**
   * The round used when a file has no round column: the option if given, else
   * the base's only round, else (with `create`) a new round `baseline`.
   */
  defaultRound(option: string | undefined): Result<RoundId> {
    if (option !== undefined) return this.round(option)
    const [only, second] = this.base.rounds
    if (only !== undefined && second === undefined) return E.right(only.id)
    if (only === undefined && this.create) return this.round('baseline')
    const have = showList(
      this.base.rounds.map((r) => r.id),
      5,
      ' | ',
    )
    return E.left([
      problem(
        [],
        `a round column or the round option (the evaluation has rounds: ${have})`,
        undefined,
        'reference',
        'round',
      ),
    ])
  }
}

/**
 * The problems as a list, for callers collecting many.
 * @param r - a result.
 * @returns its problems; empty for a `Right`.
 */
export const problemsOf = <A>(r: Result<A>): readonly Problem[] => (E.isLeft(r) ? r.left : [])
