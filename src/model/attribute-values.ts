/**
 * Reading attributes: one value (`attributeValue`), every value as tidy rows
 * (`attributeRows`), and the rated entities of an evaluation (units, and
 * sites rated as a whole) sorted into groups by an attribute, a site, or one
 * group per entity (`groupEntities`). Other concepts
 * (attainment by group, QCA conditions) build on these.
 * @module
 */
import * as E from './either.js'
import type { AttributeDefinition, AttributeValue, AttributeValues } from './attributes.js'
import { bandOf } from './bands.js'
import type { Evaluation, Site, Unit } from './evaluation.js'
import type { SiteId, UnitId } from './ids.js'
import { orThrow, problem, showName, type Problem, type Result } from './problem.js'

/** Where to read an attribute: a site, or a unit (its site is found from the unit id). */
export interface AttributeWhere {
  /** The site id. Needed for a site; optional for a unit (unit ids are unique across sites). */
  readonly site?: string
  /** The unit id, to read a unit's value (or, for a site attribute, its site's value). */
  readonly unit?: string
  /** The attribute id. */
  readonly attribute: string
}

/** The declaration of an attribute, or a `reference` problem listing the declared ids. */
const findAttributeEither = (ev: Evaluation, attribute: unknown, where = 'attribute'): Result<AttributeDefinition> => {
  const defs = ev.attributes ?? []
  const def = typeof attribute === 'string' ? defs.find((d) => d.id === attribute) : undefined
  if (def !== undefined) return E.right(def)
  const known = defs.map((d) => d.id)
  return E.left([
    problem(
      [],
      `an attribute declared in this evaluation (${known.length > 0 ? known.join(', ') : 'none is declared'})`,
      attribute,
      typeof attribute === 'string' ? 'reference' : 'shape',
      where,
    ),
  ])
}

const locate = (ev: Evaluation, where: AttributeWhere, fn: string): Result<{ site: Site; unit: Unit | null }> => {
  const problems: Problem[] = []
  if (where === null || typeof where !== 'object')
    return E.left([problem([], 'an object { site?, unit?, attribute }', where, 'shape', fn)])
  if (where.site !== undefined && typeof where.site !== 'string')
    problems.push(problem(['site'], 'a site id (a string)', where.site, 'shape', `${fn} › site`))
  if (where.unit !== undefined && typeof where.unit !== 'string')
    problems.push(problem(['unit'], 'a unit id (a string)', where.unit, 'shape', `${fn} › unit`))
  if (where.site === undefined && where.unit === undefined)
    problems.push(problem(['site'], 'a site or a unit id', undefined, 'shape', `${fn} › site`))
  if (problems.length > 0) return E.left(problems)
  for (const site of ev.sites) {
    if (where.site !== undefined && site.id !== where.site) continue
    if (where.unit === undefined) return E.right({ site, unit: null })
    const unit = site.units.find((u) => u.id === where.unit)
    if (unit !== undefined) return E.right({ site, unit })
  }
  if (where.unit !== undefined && (where.site === undefined || ev.sites.some((s) => s.id === where.site)))
    return E.left([
      problem(
        ['unit'],
        `a unit id of this evaluation${where.site !== undefined ? ` in site ${showName(where.site)}` : ''}`,
        where.unit,
        'reference',
        `${fn} › unit`,
      ),
    ])
  return E.left([problem(['site'], 'a site id of this evaluation', where.site, 'reference', `${fn} › site`)])
}

/**
 * The value of an attribute on a site or a unit, or `null` when it has none.
 * A unit read for a site attribute (`on: 'site'`) gives its site's value; a
 * site read for a unit attribute is refused.
 *
 * Degenerate input: an unknown attribute, site or unit gives a `reference`
 * problem; a missing value is `null`, never a default.
 * @param ev - the evaluation.
 * @param where - `{ site?, unit?, attribute }`.
 * @returns `right(value | null)` or `left(problems)`.
 * @example
 * // ev declares one attribute, engagement, on units (Access: 65 points)
 * attributeValueEither(ev, { unit: 'access', attribute: 'engagement' }) //=> right(65)
 * attributeValueEither(ev, { site: 'ss', attribute: 'colour' })
 * //=> left([{ where: 'attributeValue › attribute', expected: 'an attribute declared in this evaluation (engagement)', found: '"colour"', … }])
 * attributeValueEither(ev, { site: 'ss', attribute: 'engagement' })
 * //=> left([{ where: 'attributeValue › unit', expected: 'a unit (attribute engagement is declared on units)', … }])
 */
export const attributeValueEither = (ev: Evaluation, where: AttributeWhere): Result<AttributeValue | null> => {
  const fn = 'attributeValue'
  const place = locate(ev, where, fn)
  const def = findAttributeEither(ev, where?.attribute, `${fn} › attribute`)
  if (E.isLeft(place) || E.isLeft(def))
    return E.left([...(E.isLeft(def) ? def.left : []), ...(E.isLeft(place) ? place.left : [])])
  const { site, unit } = place.right
  if (def.right.on === 'unit' && unit === null)
    return E.left([
      problem(
        ['unit'],
        `a unit (attribute ${showName(def.right.id)} is declared on units)`,
        undefined,
        'shape',
        `${fn} › unit`,
      ),
    ])
  const values = def.right.on === 'site' ? site.attributes : unit!.attributes
  const v = values === undefined ? undefined : (values as Record<string, AttributeValue>)[def.right.id]
  return E.right(v ?? null)
}

/**
 * The value of an attribute on a site or a unit, or `null` when it has none
 * (the throwing twin of {@link attributeValueEither}).
 * @param ev - the evaluation.
 * @param where - `{ site?, unit?, attribute }`.
 * @returns the value, or `null`.
 * @throws {RealistError} for an unknown attribute, site or unit, naming it.
 * @example
 * attributeValue(ev, { unit: 'acute', attribute: 'engagement' }) //=> 40
 * attributeValue(ev, { unit: 'icu', attribute: 'engagement' }) //=> throws 'icu'
 */
export const attributeValue = (ev: Evaluation, where: AttributeWhere): AttributeValue | null =>
  orThrow('attributeValue', attributeValueEither(ev, where))

/** One attribute value of one site or unit: a tidy row. */
export interface AttributeRow {
  readonly site: SiteId
  /** The unit, or `null` for a site's own value. */
  readonly unit: UnitId | null
  readonly attribute: string
  readonly kind: AttributeDefinition['kind']
  readonly value: AttributeValue
  /** The band of a numeric value (when the attribute has bands and the value falls in one), else `null`. */
  readonly band: string | null
}

/**
 * Every attribute value as tidy rows, sites first then their units, each in
 * declaration order of the attributes. Only values set on the site or unit
 * itself are listed (a unit does not repeat its site's values).
 * @param ev - the evaluation.
 * @returns the rows (empty when no attribute is declared).
 * @example
 * // Acute care: 40 points, in the band "below 50"
 * attributeRows(ev)[0] //=> { site: 'ss', unit: 'acute', attribute: 'engagement', kind: 'numeric', value: 40, band: 'low' }
 * attributeRows(ev).length //=> 4 // one value per unit
 */
export const attributeRows = (ev: Evaluation): AttributeRow[] => {
  const defs = ev.attributes ?? []
  const out: AttributeRow[] = []
  const push = (site: Site, unit: Unit | null, values: Readonly<Record<string, AttributeValue>> | undefined) => {
    if (values === undefined) return
    for (const def of defs) {
      const value = values[def.id]
      if (value === undefined) continue
      const band =
        def.kind === 'numeric' && def.bands !== undefined && typeof value === 'number'
          ? (bandOf(value, def.bands)?.id ?? null)
          : null
      out.push({ site: site.id, unit: unit?.id ?? null, attribute: def.id, kind: def.kind, value, band })
    }
  }
  for (const site of ev.sites) {
    push(site, null, site.attributes)
    for (const unit of site.units) push(site, unit, unit.attributes)
  }
  return out
}

/** How to sort rated entities into groups: by site, one group per entity, or by an attribute. */
export type EntityGrouping = 'site' | 'unit' | { readonly attribute: string }

/** A rated entity: a unit, or a site rated as a whole (`unit: null`). */
export interface EntityRef {
  readonly site: SiteId
  readonly unit: UnitId | null
}

/** The rated entities of one group. */
export interface EntityGroup {
  /**
   * The group's key: the site or unit id, the category, the band id (numeric
   * attributes with bands), the number or date itself; `null` for the
   * entities with no value (or a numeric value in no band).
   */
  readonly key: string | null
  /** A label for reports: the site or unit name, the band label, the value; "(no value)" for `key: null`. */
  readonly label: string
  readonly members: readonly EntityRef[]
}

/** The label of the group of entities with no value. */
export const NO_VALUE_LABEL = '(no value)'

/**
 * Whether a site carries ratings of its own (as a whole, on any instrument),
 * which makes it a rated entity beside its units.
 * @param site - a site of the evaluation.
 * @returns true when the site has counted ratings of its own on the default instrument or on any
 * further instrument.
 * @example
 * ratedAsWhole({ id: 'org-01', name: 'Org 1', aliases: [], units: [] }) //=> false
 */
export const ratedAsWhole = (site: Site): boolean => {
  const own = site as { readonly ratings?: object; readonly instrumentRatings?: object }
  return (
    (own.ratings !== undefined && Object.keys(own.ratings).length > 0) ||
    (own.instrumentRatings !== undefined && Object.keys(own.instrumentRatings).length > 0)
  )
}

/**
 * Every rated entity, in document order: for each site, the site as a whole
 * (when it carries ratings of its own), then its units.
 * @param ev - the evaluation.
 * @returns one reference per rated entity: `{ site, unit: null }` for a site rated as a whole, `{
 * site, unit }` for a unit.
 * @example
 * ratedEntities(ev) //=> [{ site: 'ss', unit: 'acute' }, { site: 'ss', unit: 'access' }, { site: 'le', unit: 'older' }, { site: 'le', unit: 'primary' }]
 */
export const ratedEntities = (ev: Evaluation): EntityRef[] => {
  const out: EntityRef[] = []
  for (const site of ev.sites) {
    if (ratedAsWhole(site)) out.push({ site: site.id, unit: null })
    for (const unit of site.units) out.push({ site: site.id, unit: unit.id })
  }
  return out
}

/**
 * Sort the rated entities of an evaluation (units, and sites rated as a
 * whole) into groups: one per site (a site with its units), one per entity
 * (`'unit'`; a site rated as a whole is its own group, keyed by the site id),
 * or one per value of an attribute. For a site attribute every entity of a
 * site takes the site's value; for a unit attribute a site rated as a whole
 * has no value. Groups come in a stable order: sites and units as in the
 * document; categories as declared; ordinal values in their order; numeric
 * bands in order (a numeric attribute without bands groups by each distinct
 * value, ascending); dates ascending. Declared categories and bands are kept
 * as groups even with no member, so a table has every row. The entities with
 * no value form a last group, `key: null`, when there are any.
 *
 * Degenerate input: an unknown attribute, or a grouping that is not one of
 * the three forms, gives a problem; so does `'unit'` when a site rated as a
 * whole has the id of a unit (two groups would share one key).
 * @param ev - the evaluation.
 * @param by - `'site'`, `'unit'` or `{ attribute: id }`.
 * @returns `right(groups)` or `left(problems)`.
 * @example
 * // engagement: Acute care 40, Access 65, Older people 55, Primary care 30; bands below 50 and 50 and over
 * groupEntitiesEither(ev, { attribute: 'engagement' })
 * //=> right([{ key: 'low', label: 'below 50', members: [{ site: 'ss', unit: 'acute' }, { site: 'le', unit: 'primary' }] },
 * //          { key: 'high', label: '50 and over', members: [{ site: 'ss', unit: 'access' }, { site: 'le', unit: 'older' }] }])
 * groupEntitiesEither(ev, 'ward') //=> left([{ where: 'groupEntities › by', … }])
 */
export const groupEntitiesEither = (ev: Evaluation, by: EntityGrouping): Result<EntityGroup[]> => {
  const fn = 'groupEntities'
  if (by === 'site')
    return E.right(
      ev.sites.map((s) => ({
        key: s.id as string,
        label: s.name,
        members: [
          ...(ratedAsWhole(s) ? [{ site: s.id, unit: null }] : []),
          ...s.units.map((u) => ({ site: s.id, unit: u.id })),
        ],
      })),
    )
  if (by === 'unit') {
    // A site rated as a whole is keyed by its site id. Sites and units are separate namespaces, so a site id may
    // also be a unit's id: refused, since two groups with one key cannot be told apart in a table or a comparison.
    const unitIds = new Set(ev.sites.flatMap((s) => s.units.map((u) => u.id as string)))
    const clash = ev.sites.find((s) => ratedAsWhole(s) && unitIds.has(s.id))
    if (clash !== undefined)
      return E.left([
        problem(
          ['by'],
          `'unit' grouping with one key per rated entity: site ${showName(clash.id)} is rated as a whole and a unit ` +
            `has the same id; group by 'site', or give the site or the unit another id`,
          by,
          'duplicate',
          `${fn} › by`,
        ),
      ])
    return E.right(
      ev.sites.flatMap((s) => [
        ...(ratedAsWhole(s) ? [{ key: s.id as string, label: s.name, members: [{ site: s.id, unit: null }] }] : []),
        ...s.units.map((u) => ({ key: u.id as string, label: u.name, members: [{ site: s.id, unit: u.id }] })),
      ]),
    )
  }
  if (by === null || typeof by !== 'object')
    return E.left([problem(['by'], `'site', 'unit' or { attribute: id }`, by, 'shape', `${fn} › by`)])
  const found = findAttributeEither(ev, by.attribute, `${fn} › by › attribute`)
  if (E.isLeft(found)) return found
  const def = found.right
  const keyed = new Map<string, { label: string; members: EntityRef[] }>()
  const add = (key: string, label: string) => keyed.set(key, { label, members: [] })
  if (def.kind === 'categorical') for (const c of def.categories) add(c, c)
  if (def.kind === 'ordinal') for (const c of def.order) add(c, c)
  if (def.kind === 'numeric' && def.bands !== undefined) for (const b of def.bands) add(b.id, b.label)
  const none: EntityRef[] = []
  const loose: { key: string | number; member: EntityRef }[] = []
  const place = (v: AttributeValue | undefined, member: EntityRef) => {
    if (v === undefined) none.push(member)
    else if (def.kind === 'numeric' && def.bands !== undefined) {
      const band = typeof v === 'number' ? bandOf(v, def.bands) : null
      if (band === null) none.push(member)
      else keyed.get(band.id)!.members.push(member)
    } else if (def.kind === 'categorical' || def.kind === 'ordinal') {
      const g = keyed.get(String(v))
      if (g === undefined) none.push(member)
      else g.members.push(member)
    } else loose.push({ key: v, member })
  }
  const valueOf = (values: AttributeValues | undefined) =>
    values === undefined ? undefined : (values as Record<string, AttributeValue>)[def.id]
  for (const site of ev.sites) {
    if (ratedAsWhole(site))
      place(def.on === 'site' ? valueOf(site.attributes) : undefined, { site: site.id, unit: null })
    for (const unit of site.units)
      place(valueOf(def.on === 'site' ? site.attributes : unit.attributes), { site: site.id, unit: unit.id })
  }
  loose.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  for (const { key, member } of loose) {
    const k = String(key)
    if (!keyed.has(k)) add(k, k)
    keyed.get(k)!.members.push(member)
  }
  const groups: EntityGroup[] = [...keyed].map(([key, g]) => ({ key, label: g.label, members: g.members }))
  if (none.length > 0) groups.push({ key: null, label: NO_VALUE_LABEL, members: none })
  return E.right(groups)
}

/**
 * Sort the rated entities into groups (the throwing twin of {@link groupEntitiesEither}).
 * @param ev - the evaluation.
 * @param by - `'site'`, `'unit'` or `{ attribute: id }`.
 * @returns the groups.
 * @throws {RealistError} for an unknown attribute or grouping, naming it.
 * @example
 * groupEntities(ev, 'site').map((g) => g.key) //=> ['ss', 'le']
 * groupEntities(ev, { attribute: 'engagement' }).map((g) => [g.key, g.members.length]) //=> [['low', 2], ['high', 2]]
 */
export const groupEntities = (ev: Evaluation, by: EntityGrouping): EntityGroup[] =>
  orThrow('groupEntities', groupEntitiesEither(ev, by))

const entityKey = (site: string, unit: string | null): string => (unit === null ? `site:${site}` : `unit:${unit}`)

/**
 * Keys of rated entities, for {@link onlyEntities}: a set of `site:<id>` (a
 * site rated as a whole) and `unit:<id>` strings.
 * @param members - the entities.
 * @returns their keys.
 * @example
 * [...entityKeys([{ site: 'ss', unit: 'acute' }, { site: 'ss', unit: null }])] //=> ['unit:acute', 'site:ss']
 */
export const entityKeys = (members: readonly EntityRef[]): ReadonlySet<string> =>
  new Set(members.map((m) => entityKey(m.site, m.unit)))

/**
 * The evaluation restricted to some rated entities: every site keeps only the
 * listed units, and its own ratings (as a whole) only when the site itself is
 * listed; sites left with nothing are dropped. Everything else is shared with
 * `ev` (nothing is mutated). Counting functions run on the result count one
 * group of entities. Site-level data (attributes, names) is kept.
 * @param ev - the evaluation.
 * @param keep - entity keys from {@link entityKeys}.
 * @param options - `keepEmptySites` (default false): keep sites left with nothing, so per-site results keep every site.
 * @returns a new evaluation value (sharing unchanged parts).
 * @example
 * const one = onlyEntities(ev, entityKeys([{ site: 'ss', unit: 'acute' }]))
 * one.sites.map((s) => [s.id, s.units.map((u) => u.id)]) //=> [['ss', ['acute']]] // Leicestershire, now empty, is left out
 */
export const onlyEntities = (
  ev: Evaluation,
  keep: ReadonlySet<string>,
  options: { readonly keepEmptySites?: boolean } = {},
): Evaluation => {
  const sites: Site[] = []
  for (const site of ev.sites) {
    const units = site.units.filter((u) => keep.has(entityKey(site.id, u.id)))
    const whole = ratedAsWhole(site) && keep.has(entityKey(site.id, null))
    if (units.length === 0 && !whole && options.keepEmptySites !== true) continue
    if (units.length === site.units.length && (whole || !ratedAsWhole(site))) {
      sites.push(site)
      continue
    }
    const copy: Record<string, unknown> = { ...site, units }
    if (!whole) for (const k of ['ratings', 'byRater', 'instrumentRatings']) delete copy[k]
    sites.push(copy as unknown as Site)
  }
  return { ...ev, sites }
}
