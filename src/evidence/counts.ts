/**
 * Counts and triangulation over a quote register, each listing the labels
 * behind it so a reader can check the evidence, not only the number.
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import { readEntries, type QuoteRegister, type ReadEntry, type RegisterContext } from './register.js'

/** What register counts and triangulation group excerpts by. */
export type RegisterDimension = 'site' | 'group' | 'section' | 'theme'
const DIMENSIONS: readonly RegisterDimension[] = ['site', 'group', 'section', 'theme']

/**
 * The values of one excerpt on a dimension. A theme cell may name several
 * themes separated by `;`; an excerpt with no value has none (it is counted
 * in the `null` row of `registerCounts`).
 */
const valuesOf = (r: ReadEntry, by: RegisterDimension): string[] => {
  switch (by) {
    case 'site':
      return r.site === undefined ? [] : [r.site]
    case 'group':
      return r.group === undefined ? [] : [r.group]
    case 'section':
      return r.entry.section?.trim() ? [r.entry.section.trim()] : []
    case 'theme':
      return (r.entry.theme ?? '')
        .split(';')
        .map((t) => t.trim())
        .filter((t) => t !== '')
  }
}

/** Excerpts and distinct informants behind one value of a dimension. */
export interface RegisterCountRow {
  /** The dimension counted by: site, group, section or theme. */
  readonly by: RegisterDimension
  /** The site, group, section or theme; `null` for excerpts that have none. */
  readonly value: string | null
  /** Excerpts with this value. */
  readonly excerpts: number
  /** Distinct informants among those excerpts. */
  readonly informants: number
  /** The excerpts' labels, in register order. */
  readonly labels: readonly string[]
}

/** Options of {@link registerCountsEither}. */
export interface RegisterCountsOptions extends RegisterContext {
  /** Default `'site'`. */
  readonly by?: RegisterDimension
}

/** An excerpt's label, or its line for an unlabelled one, so no excerpt is listed as a blank. */
const shown = (r: ReadEntry): string => (r.entry.label.trim() === '' ? `line ${r.entry.line}` : r.entry.label)

const shapeProblems = (register: unknown, by: unknown): Problem[] => [
  ...(typeof register === 'object' && register !== null && Array.isArray((register as QuoteRegister).entries)
    ? []
    : [problem(['register'], 'a quote register { entries: [...] } (see readRegister)', register, 'shape', 'register')]),
  ...(by === undefined || DIMENSIONS.includes(by as RegisterDimension)
    ? []
    : [problem(['options', 'by'], `one of ${DIMENSIONS.join(' | ')}`, by, 'value', 'options › by')]),
]

/**
 * Excerpts and distinct informants per site, stakeholder group, section or
 * theme, with the labels of the excerpts behind each row. Informants are
 * keyed as `readEntries` keys them (explicit id, else role + ordinal + site),
 * so one role title at two sites is two informants.
 *
 * @param register the register, as `readRegister` returns it
 * @param options `{ by = 'site', sites?, lenient?, roleGroups? }` (groups need `roleGroups`)
 * @returns rows in order of first appearance, the `null` row (no value) last when there is one
 * @example
 * // register: LPT_1, LPT_2 (the Trust A manager), HPT_1 (a Trust B nurse), HPT_2, HPT_3 (Trust B nurse 2)
 * registerCountsEither(register, { by: 'site', sites: [{ id: 'a', names: ['Trust A'] }, { id: 'b', names: ['Trust B'] }] })
 * //=> right([{ by: 'site', value: 'a', excerpts: 2, informants: 1, labels: ['LPT_1', 'LPT_2'] },
 * //          { by: 'site', value: 'b', excerpts: 3, informants: 2, labels: ['HPT_1', 'HPT_2', 'HPT_3'] }])
 */
export const registerCountsEither = (
  register: QuoteRegister,
  options: RegisterCountsOptions = {},
): Result<RegisterCountRow[]> => {
  const by = options.by ?? 'site'
  const bad = shapeProblems(register, options.by)
  if (bad.length > 0) return E.left(bad)
  const rows = new Map<string | null, { labels: string[]; informants: Set<string> }>()
  for (const r of readEntries(register, options)) {
    const values = valuesOf(r, by)
    for (const value of values.length === 0 ? [null] : values) {
      const row = rows.get(value) ?? { labels: [], informants: new Set<string>() }
      row.labels.push(shown(r))
      if (r.informant !== undefined) row.informants.add(r.informant)
      rows.set(value, row)
    }
  }
  const keys = [...rows.keys()].sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0))
  return E.right(
    keys.map((value) => ({
      by,
      value,
      excerpts: rows.get(value)!.labels.length,
      informants: rows.get(value)!.informants.size,
      labels: rows.get(value)!.labels,
    })),
  )
}

/**
 * Throwing twin of {@link registerCountsEither}: excerpts and distinct
 * informants per site, group, section or theme, with their labels.
 * @param register the register, as `readRegister` returns it
 * @param options `{ by = 'site', sites?, lenient?, roleGroups? }`
 * @returns the count rows
 * @throws {RealistError} when the register is not a register or `by` is not a dimension
 * @example
 * // register: three excerpts on governance, one on training, one (HPT_3) with no theme
 * registerCounts(register, { by: 'theme' }).map((r) => [r.value, r.excerpts])
 * //=> [['governance', 3], ['training', 1], [null, 1]]
 */
export const registerCounts = (register: QuoteRegister, options: RegisterCountsOptions = {}): RegisterCountRow[] =>
  orThrow('registerCounts', registerCountsEither(register, options))

/** One informant and the excerpts quoted from them. */
export interface QuotedInformantRow {
  /** The informant's key: the explicit id, else role, ordinal and site (`informantKey`). */
  readonly informant: string
  readonly role: string | null
  /** The informant's number within the role (`_3`); null when none was printed. */
  readonly ordinal: number | null
  readonly site: string | null
  readonly group: string | null
  /** Excerpts quoting the informant. */
  readonly excerpts: number
  /** Their labels, in register order. */
  readonly labels: readonly string[]
}

/** Options of {@link mostQuotedEither}. */
export interface MostQuotedOptions extends RegisterContext {
  /** How many informants to list. Default 10; ties at the cut are all kept, so none is dropped arbitrarily. */
  readonly top?: number
}

/**
 * The most-quoted informants: those whose words carry the register. A
 * finding that rests on one voice quoted many times is weaker than it looks.
 * @param register the register, as `readRegister` returns it
 * @param options `{ top = 10, sites?, lenient?, roleGroups? }`
 * @returns informants by number of excerpts (descending, then first appearance), ties at the cut kept
 * @example
 * // register: LPT_1, LPT_2 (the Trust A manager), HPT_1 (a Trust B nurse), HPT_2, HPT_3 (Trust B nurse 2)
 * // two informants are quoted twice: the tie at the cut is kept
 * mostQuotedEither(register, { top: 1 })
 * //=> right([{ informant: 'manager@trust a', role: 'Manager', ordinal: null, site: 'trust a', group: null, excerpts: 2, labels: ['LPT_1', 'LPT_2'] },
 * //          { informant: 'nurse_2@trust b', role: 'Nurse', ordinal: 2, site: 'trust b', group: null, excerpts: 2, labels: ['HPT_2', 'HPT_3'] }])
 */
export const mostQuotedEither = (
  register: QuoteRegister,
  options: MostQuotedOptions = {},
): Result<QuotedInformantRow[]> => {
  const bad = shapeProblems(register, undefined)
  const top = options.top ?? 10
  if (!(Number.isInteger(top) && top >= 1))
    bad.push(problem(['options', 'top'], 'a whole number ≥ 1', top, 'value', 'options › top'))
  if (bad.length > 0) return E.left(bad)
  const rows = new Map<string, { r: ReadEntry; labels: string[] }>()
  for (const r of readEntries(register, options)) {
    if (r.informant === undefined) continue
    const row = rows.get(r.informant) ?? { r, labels: [] }
    row.labels.push(shown(r))
    rows.set(r.informant, row)
  }
  const all = [...rows.entries()]
    .map(([informant, { r, labels }]) => ({
      informant,
      role: r.parsed?.role ?? null,
      ordinal: r.parsed?.ordinal ?? null,
      site: r.site ?? null,
      group: r.group ?? null,
      excerpts: labels.length,
      labels,
    }))
    .sort((a, b) => b.excerpts - a.excerpts)
  const cut = all[top - 1]?.excerpts ?? 0
  return E.right(all.filter((row, i) => i < top || row.excerpts === cut))
}

/**
 * Throwing twin of {@link mostQuotedEither}: the most-quoted informants.
 * @param register the register
 * @param options `{ top = 10, sites?, lenient?, roleGroups? }`
 * @returns informants by number of excerpts
 * @throws {RealistError} when the register is not a register or `top` is not a whole number ≥ 1
 * @example
 * // register: LPT_1, LPT_2 (the Trust A manager), HPT_1 (a Trust B nurse), HPT_2, HPT_3 (Trust B nurse 2)
 * mostQuoted(register, { top: 1 })[0].labels //=> ['LPT_1', 'LPT_2']
 * mostQuoted(register, { top: 0 }) //=> throws 'top'
 */
export const mostQuoted = (register: QuoteRegister, options: MostQuotedOptions = {}): QuotedInformantRow[] =>
  orThrow('mostQuoted', mostQuotedEither(register, options))

/** Which labels of one theme (or section) come from one site (or group). */
export interface TriangulationSupport {
  readonly value: string
  readonly labels: readonly string[]
}

/** Triangulation of one theme or section across sites or groups. */
export interface RegisterTriangulationRow {
  /** What is triangulated: theme or section. */
  readonly of: 'theme' | 'section'
  /** The theme or section. */
  readonly value: string
  /** What distinct voices are counted across: site or group. */
  readonly across: 'site' | 'group'
  /** Distinct sites (or groups) with excerpts on this theme. */
  readonly distinct: number
  /** `distinct >= minDistinct`. */
  readonly robust: boolean
  /** Each site or group with the labels it contributes, in order of first appearance. */
  readonly support: readonly TriangulationSupport[]
  /** Excerpts on the theme with no site (or group): counted here, but they add no perspective. */
  readonly unattributed: readonly string[]
}

/** Options of {@link registerTriangulationEither}. */
export interface RegisterTriangulationOptions extends RegisterContext {
  /** Default `'theme'`. */
  readonly of?: 'theme' | 'section'
  /** Default `'group'` (stakeholder perspectives, as E-MHIP triangulated); needs `roleGroups`. */
  readonly across?: 'site' | 'group'
  /** Distinct sites or groups needed to call a theme robust. Default 3 (E-MHIP L487-L491). */
  readonly minDistinct?: number
}

/**
 * Triangulation per theme (or section): how many distinct sites or
 * stakeholder groups speak to it, and which labels each contributes.
 * @param register the register, as `readRegister` returns it
 * @param options `{ of = 'theme', across = 'group', minDistinct = 3, sites?, roleGroups? }`
 * @returns one row per theme in order of first appearance
 * @example
 * // register: LPT_1, LPT_2 (the Trust A manager), HPT_1 (a Trust B nurse), HPT_2, HPT_3 (Trust B nurse 2)
 * // governance is spoken to at both trusts; training at Trust B only
 * registerTriangulationEither(register, { across: 'site', minDistinct: 2 })
 * //=> right([{ of: 'theme', value: 'governance', across: 'site', distinct: 2, robust: true,
 * //            support: [{ value: 'trust a', labels: ['LPT_1', 'LPT_2'] }, { value: 'trust b', labels: ['HPT_1'] }], unattributed: [] },
 * //          { of: 'theme', value: 'training', across: 'site', distinct: 1, robust: false, … }])
 */
export const registerTriangulationEither = (
  register: QuoteRegister,
  options: RegisterTriangulationOptions = {},
): Result<RegisterTriangulationRow[]> => {
  const of = options.of ?? 'theme'
  const across = options.across ?? 'group'
  const min = options.minDistinct ?? 3
  const bad = shapeProblems(register, undefined)
  if (of !== 'theme' && of !== 'section')
    bad.push(problem(['options', 'of'], "'theme' | 'section'", of, 'value', 'options › of'))
  if (across !== 'site' && across !== 'group')
    bad.push(problem(['options', 'across'], "'site' | 'group'", across, 'value', 'options › across'))
  if (!(Number.isInteger(min) && min >= 1))
    bad.push(problem(['options', 'minDistinct'], 'a whole number ≥ 1', min, 'value', 'options › minDistinct'))
  if (bad.length > 0) return E.left(bad)
  const themes = new Map<string, { support: Map<string, string[]>; unattributed: string[] }>()
  for (const r of readEntries(register, options)) {
    const who = valuesOf(r, across)[0]
    for (const value of valuesOf(r, of)) {
      const t = themes.get(value) ?? { support: new Map<string, string[]>(), unattributed: [] }
      if (who === undefined) t.unattributed.push(shown(r))
      else t.support.set(who, [...(t.support.get(who) ?? []), shown(r)])
      themes.set(value, t)
    }
  }
  return E.right(
    [...themes.entries()].map(([value, t]) => ({
      of,
      value,
      across,
      distinct: t.support.size,
      robust: t.support.size >= min,
      support: [...t.support.entries()].map(([v, labels]) => ({ value: v, labels })),
      unattributed: t.unattributed,
    })),
  )
}

/**
 * Throwing twin of {@link registerTriangulationEither}: triangulation per
 * theme or section across sites or stakeholder groups, with labels.
 * @param register the register
 * @param options `{ of = 'theme', across = 'group', minDistinct = 3, sites?, roleGroups? }`
 * @returns one row per theme
 * @throws {RealistError} when the register or an option has the wrong shape
 * @example
 * // register: LPT_1, LPT_2 (the Trust A manager), HPT_1 (a Trust B nurse), HPT_2, HPT_3 (Trust B nurse 2)
 * registerTriangulation(register, { across: 'site', minDistinct: 2 }).map((r) => [r.value, r.robust])
 * //=> [['governance', true], ['training', false]]
 */
export const registerTriangulation = (
  register: QuoteRegister,
  options: RegisterTriangulationOptions = {},
): RegisterTriangulationRow[] => orThrow('registerTriangulation', registerTriangulationEither(register, options))
