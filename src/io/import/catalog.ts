/**
 * Resolve the site, unit and round names of an import against the base
 * document, creating the missing ones when asked. Names are matched by id,
 * name or alias, ignoring case and punctuation; each distinct name is
 * resolved once, because a large file repeats the same few names.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Evaluation, Round, Site, Unit } from '../../model/evaluation.js'
import type { RoundId, SiteId, UnitId } from '../../model/ids.js'
import { asId } from '../../model/ids.js'
import { problem, type Problem, type Result } from '../../model/problem.js'
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

/** Make an id from a name: `"Acute care"` → `acute-care`. */
export const slug = (name: string): string => normaliseWording(name).replace(/ /g, '-') || 'x'

const uniqueId = (wanted: string, taken: Set<string>): string => {
  let id = wanted
  for (let i = 2; taken.has(id); i++) id = `${wanted}-${i}`
  taken.add(id)
  return id
}

const unitNames = (u: Unit): string[] => [u.id, u.name, ...(u.aliases ?? [])]
const matches = (names: readonly string[], key: string): boolean => names.some((n) => normaliseWording(n) === key)

const newUnit = (id: string, name: string): Unit => ({ id: asId<'UnitId'>(id), name, ratings: {}, objectives: [], objectiveCells: [] })

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
  /** Normalised id or label → round, kept as rounds are added, so a file with many rounds resolves each in O(1). */
  private readonly roundNames = new Map<string, RoundId>()

  constructor(
    readonly base: Evaluation,
    readonly create: boolean,
  ) {
    this.siteIds = new Set(base.sites.map((s) => s.id))
    this.unitIds = new Set(base.sites.flatMap((s) => s.units.map((u) => u.id)))
    this.roundIds = new Set(base.rounds.map((r) => r.id))
    for (const r of base.rounds) this.nameRound(r)
  }

  private nameRound(r: Round): void {
    for (const name of [r.id, r.label]) {
      const key = normaliseWording(name)
      if (!this.roundNames.has(key)) this.roundNames.set(key, r.id)
    }
  }

  /** Every site: the base's, then the new ones. */
  private allSites(): Site[] {
    return [...this.base.sites, ...this.additions.sites]
  }

  private findSite(name: string): Result<Site> {
    const key = normaliseWording(name)
    const added = this.additions.sites.find((s) => matches([s.id, s.name], key))
    if (added !== undefined) return E.right(added)
    const found = resolveSite(this.base, name)
    if (E.isRight(found) || !this.create || found.left.some((p) => p.code !== 'reference')) return found
    const site: Site = { id: asId<'SiteId'>(uniqueId(slug(name), this.siteIds)), name: name.trim(), aliases: [], units: [] }
    this.additions.sites.push(site)
    return E.right(site)
  }

  private unitsOf(site: Site): Unit[] {
    return [...site.units, ...(this.additions.units.get(site.id) ?? [])]
  }

  private resolveUnit(siteName: string | undefined, unitName: string): Result<UnitRef> {
    const key = normaliseWording(unitName)
    if (key === '') return E.left([problem([], 'a unit id, name or alias (a non-empty string)', unitName, 'shape', 'unit')])
    if (siteName === undefined) {
      const hits = this.allSites().flatMap((s) => this.unitsOf(s).filter((u) => matches(unitNames(u), key)).map((u) => ({ site: s.id, unit: u.id })))
      const [only, second] = hits
      if (only !== undefined && second === undefined) return E.right(only)
      if (only === undefined)
        return E.left([problem([], `a unit id, name or alias of the evaluation${this.create ? ' (add a site column to create units)' : ''}`, unitName, 'reference', 'unit')])
      return E.left([problem([], `a name of exactly one unit (it names ${hits.map((h) => `${h.site} › ${h.unit}`).join(', ')}); add a site column`, unitName, 'duplicate', 'unit')])
    }
    const site = this.findSite(siteName)
    if (E.isLeft(site)) return site
    const s = site.right
    const unit = this.unitsOf(s).find((u) => matches(unitNames(u), key))
    if (unit !== undefined) return E.right({ site: s.id, unit: unit.id })
    if (!this.create)
      return E.left([problem([], `a unit of site ${s.id} (${this.unitsOf(s).map((u) => u.name).join(' | ') || 'no units'})`, unitName, 'reference', `site ${s.id} › unit`)])
    const created = newUnit(uniqueId(slug(unitName), this.unitIds), unitName.trim())
    const isNewSite = this.additions.sites.includes(s)
    if (isNewSite) (s.units as Unit[]).push(created)
    else this.additions.units.set(s.id, [...(this.additions.units.get(s.id) ?? []), created])
    return E.right({ site: s.id, unit: created.id })
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

  private resolveRound(name: string): Result<RoundId> {
    const key = normaliseWording(name)
    const found = this.roundNames.get(key)
    if (found !== undefined) return E.right(found)
    if (key === '' || !this.create)
      return E.left([problem([], `a round id or label (${this.base.rounds.map((r) => r.id).join(' | ') || 'no rounds'})`, name, 'reference', 'round')])
    const round: Round = { id: asId<'RoundId'>(uniqueId(slug(name), this.roundIds)), label: name.trim() }
    this.additions.rounds.push(round)
    this.nameRound(round)
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
    const have = this.base.rounds.map((r) => r.id).join(' | ') || 'none'
    return E.left([problem([], `a round column or the round option (the evaluation has rounds: ${have})`, undefined, 'reference', 'round')])
  }
}

/** The problems as a list, for callers collecting many. */
export const problemsOf = <A>(r: Result<A>): readonly Problem[] => (E.isLeft(r) ? r.left : [])
