/**
 * A quote register as data: the labelled excerpts a realist evaluation
 * publishes as its qualitative evidence, each read as it stood in the file,
 * with the lines it came from.
 * @module
 */
import * as E from '../model/either.js'
import {
  parseAttributionEither,
  siteKey,
  type AttributionProblem,
  type AttributionSite,
  type ParsedAttribution,
} from './attribution.js'

/** One excerpt of a register, as it stood in the file. */
export interface RegisterEntry {
  /** The excerpt's label (`LPT_7`); `''` when the file gave none. */
  readonly label: string
  /** The excerpt's words; an excerpt printed over several lines is joined with single spaces. */
  readonly text: string
  readonly section?: string
  readonly theme?: string
  /** The attribution as printed (`[Service Director_3] Trust B`); absent when the file gave none. */
  readonly attribution?: string
  /** An explicit informant id, when the register has an informant column. */
  readonly informant?: string
  /**
   * The evidence source an excerpt with no informant is attributed to (a
   * document or a survey rather than a person), when the register has a source column.
   */
  readonly source?: string
  /** 1-based line where the excerpt starts. */
  readonly line: number
  /** Every line the excerpt was read from, in order. */
  readonly lines: readonly number[]
}

/** A quote register: its excerpts in file order. */
export interface QuoteRegister {
  readonly entries: readonly RegisterEntry[]
}

/** Stakeholder group of a role: the first rule whose pattern matches it. */
export interface RoleGroupRule {
  /** A regular expression, or a text matched as a whole word sequence ignoring case. */
  readonly pattern: string | RegExp
  readonly group: string
}

/** What the register is read against. Every field is optional. */
export interface RegisterContext {
  /** The study's sites, for resolving and checking the site of each attribution. */
  readonly sites?: readonly AttributionSite[]
  /** Repair obvious attribution slips, reporting each (see `parseAttributionEither`). Default `false`. */
  readonly lenient?: boolean
  /** Role → stakeholder group rules; roles matching none are reported as unmapped. */
  readonly roleGroups?: readonly RoleGroupRule[]
}

/** One entry with its attribution read and its informant keyed. Internal. */
export interface ReadEntry {
  readonly entry: RegisterEntry
  readonly index: number
  readonly parsed?: ParsedAttribution
  readonly attributionProblem?: AttributionProblem
  /** The informant's identity: the explicit id, else the normalised (role, ordinal, site) key. */
  readonly informant?: string
  /** The site key (resolved id, else the normalised printed name). */
  readonly site?: string
  readonly group?: string
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const ruleTest = (rule: RoleGroupRule): ((role: string) => boolean) => {
  const re =
    typeof rule.pattern === 'string' ? new RegExp(`\\b${escapeRegExp(rule.pattern.trim())}\\b`, 'i') : rule.pattern
  return (role) => {
    re.lastIndex = 0
    return re.test(role)
  }
}

/**
 * The normalised identity of an informant with no explicit id: role,
 * ordinal and site, in lower case with single spaces. The same role title at
 * two sites gives two keys, so two people are never merged by their title.
 * @param role the role as printed
 * @param ordinal the informant's number within the role, if printed
 * @param site the site's id or printed name, if any
 * @returns a key such as `service director_3@trust b`
 * @example
 * informantKey('Service  Director', 3, 'Trust B') //=> 'service director_3@trust b'
 * informantKey('Consultant', undefined, undefined) //=> 'consultant@'
 */
export const informantKey = (role: string, ordinal: number | undefined, site: string | undefined): string =>
  `${siteKey(role)}${ordinal === undefined ? '' : `_${ordinal}`}@${site === undefined ? '' : siteKey(site)}`

/**
 * Read every entry's attribution and key its informant. Shared by the
 * integrity checks, the counts and the conversion to document evidence, so
 * that all three see the same informants. Internal.
 * @param register the register
 * @param context the sites, leniency and role-group rules the attributions are read against; default none
 * @returns one read entry per register entry, in file order (the same array for the same register and context)
 * @example
 * // register: the Trust A manager quoted twice
 * readEntries(register).slice(0, 2).map((e) => e.informant) //=> ['manager@trust a', 'manager@trust a']
 */
export const readEntries = (register: QuoteRegister, context: RegisterContext = {}): ReadEntry[] => {
  // Registers are immutable data: checks, counts and triangulation over the same register and
  // context read its attributions once.
  const cached = readCache
    .get(register)
    ?.find(
      (c) =>
        c.sites === context.sites && c.roleGroups === context.roleGroups && c.lenient === (context.lenient === true),
    )
  if (cached !== undefined && cached.entries === register.entries) return cached.read
  const read = readAll(register, context)
  const list = readCache.get(register) ?? []
  list.push({
    sites: context.sites,
    roleGroups: context.roleGroups,
    lenient: context.lenient === true,
    entries: register.entries,
    read,
  })
  if (list.length > 8) list.shift()
  readCache.set(register, list)
  return read
}

interface CachedRead {
  readonly sites: RegisterContext['sites']
  readonly roleGroups: RegisterContext['roleGroups']
  readonly lenient: boolean
  readonly entries: QuoteRegister['entries']
  readonly read: ReadEntry[]
}
const readCache = new WeakMap<QuoteRegister, CachedRead[]>()

const readAll = (register: QuoteRegister, context: RegisterContext): ReadEntry[] => {
  const rules = (context.roleGroups ?? []).map((r) => ({ group: r.group, test: ruleTest(r) }))
  const options = {
    ...(context.sites === undefined ? {} : { sites: context.sites }),
    lenient: context.lenient === true,
  }
  return register.entries.map((entry, index) => {
    const explicit = entry.informant !== undefined && entry.informant.trim() !== '' ? entry.informant.trim() : undefined
    if (entry.attribution === undefined || entry.attribution.trim() === '')
      return { entry, index, ...(explicit === undefined ? {} : { informant: explicit }) }
    const r = parseAttributionEither(entry.attribution, options)
    if (E.isLeft(r))
      return { entry, index, attributionProblem: r.left, ...(explicit === undefined ? {} : { informant: explicit }) }
    const parsed = r.right
    const site = parsed.siteId ?? (parsed.site === undefined ? undefined : siteKey(parsed.site))
    const group = rules.find((rule) => rule.test(parsed.role))?.group
    return {
      entry,
      index,
      parsed,
      informant: explicit ?? informantKey(parsed.role, parsed.ordinal, site),
      ...(site === undefined ? {} : { site }),
      ...(group === undefined ? {} : { group }),
    }
  })
}

/**
 * Normalise an excerpt's words for comparison: case folded, quotation marks
 * of every kind removed, runs of white space made one space, trailing
 * punctuation dropped.
 * @param text the excerpt's words
 * @returns the comparison key
 * @example
 * normaliseExcerptText('  “We were  NOT consulted.”  ') //=> 'we were not consulted'
 */
export const normaliseExcerptText = (text: string): string =>
  text
    .toLowerCase()
    .replace(/["'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?\u2026]+$/, '')
