/**
 * A strict parser for the attributions printed under quotes in a realist
 * evaluation's quote register: `[Service Director_3] Trust B`.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { orThrow, problem, type Problem } from '../model/problem.js'

/** The printed shape an attribution had. */
export type AttributionShape = 'bracket' | 'paren' | 'comma' | 'role-only'

/** An attribution read into its parts. */
export interface ParsedAttribution {
  /** The role as printed, without brackets or ordinal (`Service Director`). */
  readonly role: string
  /** The informant's number within the role (`_3`), when printed. */
  readonly ordinal?: number
  /** The site as printed (`Trust B`), when printed. */
  readonly site?: string
  /** The matching site's id, when `sites` were given and one matched. */
  readonly siteId?: string
  /** Free text after a dash (`telephone interview`), when printed. */
  readonly note?: string
  readonly shape: AttributionShape
  /** Each repair the lenient mode made, with its 0-based column. Always empty in strict mode. */
  readonly repairs: readonly AttributionRepair[]
}

/** A repair made in lenient mode: never silent, always listed. */
export interface AttributionRepair {
  readonly column: number
  readonly description: string
}

/** Why an attribution could not be read. */
export type AttributionErrorKind =
  | 'empty'
  | 'unbalanced-bracket'
  | 'mismatched-bracket'
  | 'missing-open-bracket'
  | 'empty-role'
  | 'unknown-site'
  | 'trailing-text'

/** A problem of an attribution, placed by its 0-based column in the text. */
export interface AttributionProblem extends Problem {
  readonly kind: AttributionErrorKind
  /** 0-based position in the attribution text where the problem is. */
  readonly column: number
}

/** A site the parser may match: its id and every name it is printed under. */
export interface AttributionSite {
  /** The site's id in the study. */
  readonly id: string
  /** The names the site is printed under in attributions (`Trust B`, `Leics`). */
  readonly names: readonly string[]
}

/** Options of {@link parseAttributionEither}. */
export interface ParseAttributionOptions {
  /**
   * The sites of the study. When given, the site part must be one of them
   * (names compared ignoring case and repeated spaces), and text after it that
   * is not a dash note is `trailing-text`. When absent, the site is read as
   * printed and never checked.
   */
  readonly sites?: readonly AttributionSite[]
  /**
   * Repair the two slips whose repair is unambiguous (a missing opening `[`
   * or `(` before the role; a `)` closing a `[`, or a `]` closing a `(`) and
   * list every repair. Default `false`: every slip is an error. An opening
   * bracket that is never closed is not repaired: where the role ends is a guess.
   */
  readonly lenient?: boolean
}

const OPEN: Readonly<Record<string, string>> = { '[': ']', '(': ')' }
const CLOSERS = new Set([']', ')'])
// A dash that starts a note: a hyphen, en dash or em dash with a space before it.
const NOTE_DASH = /\s[-\u2013\u2014]\s*/
const ORDINAL = /^(.*?)[_#](\d+)$/

/** Index of the first character of `s` that `test` accepts, or -1 (no array of characters is built). */
const findChar = (s: string, test: (ch: string) => boolean): number => {
  for (let i = 0; i < s.length; i++) if (test(s.charAt(i))) return i
  return -1
}
const isBracket = (ch: string): boolean => CLOSERS.has(ch) || ch in OPEN

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()
/**
 * The key two site names are compared by: lower case, single spaces, no
 * leading "the".
 * @param s a site name as printed
 * @returns its comparison key
 * @example
 * siteKey('  The  Trust B ') //=> 'trust b'
 */
export const siteKey = (s: string): string => squash(s).toLowerCase().replace(/^the /, '')

const fail = (
  text: unknown,
  kind: AttributionErrorKind,
  column: number,
  expected: string,
): E.Either<AttributionProblem, never> =>
  E.left({
    ...problem(
      ['attribution'],
      expected,
      text,
      kind === 'unknown-site' ? 'reference' : kind === 'empty' ? 'shape' : 'value',
      `attribution, column ${column + 1}`,
    ),
    kind,
    column,
  })

const splitRole = (printed: string): { role: string; ordinal?: number } => {
  const role = squash(printed)
  const m = ORDINAL.exec(role)
  return m === null ? { role: squash(role) } : { role: squash(m[1]!), ordinal: Number(m[2]) }
}

interface SiteIndex {
  readonly byKey: ReadonlyMap<string, AttributionSite>
  /** The first name of each site, for messages. */
  readonly known: string
}

// Built once per sites list: a register of 10,000 excerpts reads every attribution against the same sites.
const siteIndexes = new WeakMap<readonly AttributionSite[], SiteIndex>()
const siteIndex = (sites: readonly AttributionSite[]): SiteIndex => {
  let index = siteIndexes.get(sites)
  if (index === undefined) {
    const byKey = new Map<string, AttributionSite>()
    for (const site of sites)
      for (const name of site.names) if (!byKey.has(siteKey(name))) byKey.set(siteKey(name), site)
    index = { byKey, known: sites.flatMap((s) => s.names.slice(0, 1)).join(' | ') }
    siteIndexes.set(sites, index)
  }
  return index
}

interface Rest {
  readonly site?: string
  readonly siteId?: string
  readonly note?: string
}

/** Read the text after the role: a site, then optionally a dash note. */
const readRest = (
  text: string,
  rest: string,
  offset: number,
  options: ParseAttributionOptions,
): E.Either<AttributionProblem, Rest> => {
  const stray = findChar(rest, isBracket)
  const dash = NOTE_DASH.exec(` ${rest}`)
  const dashAt = dash === null ? -1 : dash.index
  if (stray >= 0 && (dashAt < 0 || stray < dashAt))
    return fail(text, 'unbalanced-bracket', offset + stray, 'no bracket after the role')
  const sitePart = squash(dashAt < 0 ? rest : rest.slice(0, dashAt))
  const note = dash === null ? undefined : squash(` ${rest}`.slice(dash.index + dash[0].length))
  const withNote = (r: Rest): Rest => (note === undefined || note === '' ? r : { ...r, note })
  if (options.sites === undefined) return E.right(withNote(sitePart === '' ? {} : { site: sitePart }))
  if (sitePart === '') return E.right(withNote({}))
  // The longest known name that the site part starts with, found by its word prefixes.
  const index = siteIndex(options.sites)
  const key = siteKey(sitePart)
  const words = key.split(' ')
  let best: { site: AttributionSite; words: number } | undefined
  for (let k = words.length; k >= 1 && best === undefined; k--) {
    const site = index.byKey.get(words.slice(0, k).join(' '))
    if (site !== undefined) best = { site, words: k }
  }
  if (best === undefined)
    return fail(text, 'unknown-site', offset + rest.indexOf(sitePart.charAt(0)), `a site of the study (${index.known})`)
  if (best.words < words.length) {
    const printed = sitePart.split(' ').slice(0, best.words).join(' ')
    const trailing = sitePart.slice(printed.length).trim()
    return fail(
      text,
      'trailing-text',
      offset + rest.indexOf(trailing),
      `nothing after the site ${printed} except a note after a dash`,
    )
  }
  return E.right(withNote({ site: sitePart, siteId: best.site.id }))
}

/**
 * Parse one attribution strictly into `{ role, ordinal, site, note }`. The
 * shapes read are those quote registers print:
 * - `[Role] Site` and `[Role_3] Site` (the ordinal numbers informants of one role);
 * - `(Role) Site` and `(Role_3) Site`;
 * - `Role, Site`;
 * - `[Role]` or a bare `Role` with no site (national informants);
 * - any of these followed by free text after a spaced dash: `[Role] Site – phone interview`.
 *
 * It never guesses: an unbalanced or mismatched bracket, a `]` with no `[`,
 * an empty role, a site the study does not have, or text after the site are
 * errors placed by column. With `lenient: true` a missing opening bracket and
 * a mismatched closing one are repaired, and every repair is listed. It never throws,
 * whatever the string (property-tested).
 *
 * @param text the attribution as printed
 * @param options `{ sites?, lenient = false }`
 * @returns `Right(ParsedAttribution)` or `Left(AttributionProblem)` with its kind and column
 * @example
 * parseAttributionEither('[Service Director_3] Trust B')
 * //=> right({ role: 'Service Director', ordinal: 3, site: 'Trust B', shape: 'bracket', repairs: [] })
 * parseAttributionEither('Service Director] Trust B')
 * //=> left({ kind: 'missing-open-bracket', column: 16, … })
 */
export const parseAttributionEither = (
  text: string,
  options: ParseAttributionOptions = {},
): E.Either<AttributionProblem, ParsedAttribution> => {
  if (typeof text !== 'string') return fail(text, 'empty', 0, 'an attribution as text')
  const lenient = options.lenient === true
  const repairs: AttributionRepair[] = []
  const lead = text.length - text.trimStart().length
  const s = text.trim()
  if (s === '') return fail(text, 'empty', 0, 'an attribution (a role, and a site)')
  const done = (
    shape: AttributionShape,
    role: string,
    rest: E.Either<AttributionProblem, Rest>,
  ): E.Either<AttributionProblem, ParsedAttribution> => {
    const split = splitRole(role)
    if (split.role === '') return fail(text, 'empty-role', lead, 'a role before the ordinal')
    return E.map((r: Rest) => ({ ...split, ...r, shape, repairs }))(rest)
  }

  const first = s.charAt(0)
  if (first in OPEN) {
    const want = OPEN[first]!
    let close = -1
    for (let i = 1; i < s.length; i++) {
      const ch = s.charAt(i)
      if (ch in OPEN)
        return fail(text, 'unbalanced-bracket', lead + i, `a closing ${want} before another opening bracket`)
      if (CLOSERS.has(ch)) {
        if (ch !== want) {
          if (!lenient)
            return fail(text, 'mismatched-bracket', lead + i, `${want} to close the ${first} at column ${lead + 1}`)
          repairs.push({
            column: lead + i,
            description: `read ${ch} as ${want}, closing the ${first} at column ${lead + 1}`,
          })
        }
        close = i
        break
      }
    }
    if (close < 0) return fail(text, 'unbalanced-bracket', lead, `a closing ${want} for this ${first}`)
    const role = s.slice(1, close)
    if (squash(role) === '') return fail(text, 'empty-role', lead + 1, 'a role inside the brackets')
    return done(
      first === '[' ? 'bracket' : 'paren',
      role,
      readRest(text, s.slice(close + 1), lead + close + 1, options),
    )
  }

  const closer = findChar(s, (ch) => CLOSERS.has(ch))
  const comma = s.indexOf(',')
  if (closer >= 0 && (comma < 0 || closer < comma)) {
    if (!lenient)
      return fail(
        text,
        'missing-open-bracket',
        lead + closer,
        `an opening ${s.charAt(closer) === ']' ? '[' : '('} before the role`,
      )
    repairs.push({
      column: lead,
      description: `added the missing ${s.charAt(closer) === ']' ? '[' : '('} before the role`,
    })
    const role = s.slice(0, closer)
    if (squash(role) === '') return fail(text, 'empty-role', lead, 'a role before the closing bracket')
    return done(
      s.charAt(closer) === ']' ? 'bracket' : 'paren',
      role,
      readRest(text, s.slice(closer + 1), lead + closer + 1, options),
    )
  }
  if (comma >= 0) {
    const role = s.slice(0, comma)
    if (squash(role) === '') return fail(text, 'empty-role', lead, 'a role before the comma')
    return done('comma', role, readRest(text, s.slice(comma + 1), lead + comma + 1, options))
  }
  // A bare role, perhaps with a dash note; a stray opening bracket is unbalanced.
  const open = findChar(s, (ch) => ch in OPEN)
  const dash = NOTE_DASH.exec(s)
  if (open >= 0 && (dash === null || open < dash.index))
    return fail(text, 'unbalanced-bracket', lead + open, `a closing ${OPEN[s.charAt(open)]}`)
  const role = dash === null ? s : s.slice(0, dash.index)
  const note = dash === null ? '' : squash(s.slice(dash.index + dash[0].length))
  if (squash(role) === '') return fail(text, 'empty-role', lead, 'a role')
  if (options.sites !== undefined && options.sites.some((site) => site.names.some((n) => siteKey(n) === siteKey(role))))
    return fail(text, 'empty-role', lead, 'a role as well as the site (for example "[Role] Site")')
  return done('role-only', role, E.right(note === '' ? {} : { note }))
}

/**
 * Throwing twin of {@link parseAttributionEither}: parse one attribution
 * strictly into `{ role, ordinal, site, note }`.
 *
 * @param text the attribution as printed
 * @param options `{ sites?, lenient = false }`
 * @returns the parsed attribution
 * @throws {RealistError} when the attribution cannot be read: the problem names its kind and column
 * @example
 * parseAttribution('(Consultant) Trust A – focus group')
 * //=> { role: 'Consultant', site: 'Trust A', note: 'focus group', shape: 'paren', repairs: [] }
 */
export const parseAttribution = (text: string, options: ParseAttributionOptions = {}): ParsedAttribution =>
  orThrow('parseAttribution', E.mapLeft((p: AttributionProblem) => [p])(parseAttributionEither(text, options)))
