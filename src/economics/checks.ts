/**
 * Checks of published economic figures, in the spirit of the Table 5 check
 * (`checkPublishedFigures`): whether a column of rounded percentages can sum
 * to 100 %, whether an "at least one full-time post in k of n sites" claim
 * holds under stated contracted hours, and how many non-respondents a
 * sensitivity statement implies.
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

/** A column of published percentages (e.g. one site of Table 8); `null` for a cell the source left out. */
export interface PercentColumn {
  readonly id: string
  readonly percents: readonly (number | null)[]
}

/** Options of {@link shareSumsEither}. */
export interface ShareSumsOptions {
  /** Decimal places the percentages were printed with. Default 0 (whole percentages, as Table 8). */
  readonly digits?: number
}

/** Whether one column of rounded percentages can come from shares summing to exactly 100 %. */
export interface ShareSumRow {
  readonly id: string
  /** The printed percentages' sum, as a proportion (1 = 100 %). */
  readonly sum: number
  readonly shares: number
  /** Cells left out (`null`); with any, the check only asks whether the rest stay at or under 100 %. */
  readonly missing: number
  /** The lowest and highest sums of the unrounded shares (each within half a printed unit of its figure). */
  readonly low: number
  readonly high: number
  /** True when 100 % lies within [low, high] (or, with cells left out, when low ≤ 100 %). */
  readonly consistent: boolean
}

/**
 * For each column of published percentages rounded to `digits` places: the
 * sum, and whether the unrounded shares could sum to exactly 100 % (each
 * share lies within half a printed unit of its figure, so the true sum lies
 * within ± n/2 units of the printed sum). Exact integer arithmetic on the
 * printed units.
 *
 * Degenerate input: a percentage outside [0, 100] or with more decimals than
 * `digits`, or `digits` not a whole number 0-6, gives a `Left` naming the
 * column and cell; an empty column has sum 0 and is inconsistent.
 * @param columns the columns
 * @param options `digits` (default 0)
 * @returns one row per column
 * @example
 * shareSumsEither([{ id: 'south-staffordshire', percents: [6, 26, 44, 20, 4] }])
 * //=> right([{ id: 'south-staffordshire', sum: 1, shares: 5, missing: 0, low: 0.975, high: 1.025, consistent: true }])
 */
export const shareSumsEither = (
  columns: readonly PercentColumn[],
  options: ShareSumsOptions = {},
): Result<ShareSumRow[]> => {
  const digits = options.digits ?? 0
  const problems: Problem[] = []
  if (!Number.isInteger(digits) || digits < 0 || digits > 6)
    problems.push(
      problem(['digits'], 'a whole number of decimal places from 0 to 6', digits, 'value', 'shareSums › digits'),
    )
  if (!Array.isArray(columns))
    problems.push(problem(['columns'], 'a list of columns { id, percents }', columns, 'shape', 'shareSums › columns'))
  if (problems.length > 0) return E.left(problems)
  const unit = 10 ** digits
  const rows: ShareSumRow[] = []
  columns.forEach((c, i) => {
    if (c === null || typeof c !== 'object' || !Array.isArray(c.percents)) {
      problems.push(problem(['columns', i], 'a column { id, percents }', c, 'shape', `shareSums › column ${i}`))
      return
    }
    let scaled = 0
    let shares = 0
    let missing = 0
    c.percents.forEach((p, k) => {
      if (p === null) return void missing++
      const s = finite(p) ? Math.round(p * unit) : NaN
      if (!finite(p) || p < 0 || p > 100 || Math.abs(s / unit - p) > 1e-9) {
        problems.push(
          problem(
            ['columns', i, 'percents', k],
            `a percentage from 0 to 100 with at most ${digits} decimal place(s)`,
            p,
            'value',
            `shareSums › column ${c.id} › cell ${k}`,
          ),
        )
        return
      }
      scaled += s
      shares++
    })
    const whole = 100 * unit
    // Each true share lies in [s − 1/2, s + 1/2] printed units (a share of 0 cannot be below 0).
    const lowUnits = c.percents.reduce<number>(
      (a, p) => a + (p === null || !finite(p) ? 0 : Math.max(0, Math.round(p * unit) - 0.5)),
      0,
    )
    const highUnits = scaled + shares / 2
    rows.push({
      id: c.id,
      sum: scaled / whole,
      shares,
      missing,
      low: lowUnits / whole,
      high: highUnits / whole,
      consistent: shares > 0 && lowUnits <= whole && (missing > 0 || highUnits >= whole),
    })
  })
  return problems.length > 0 ? E.left(problems) : E.right(rows)
}

/**
 * For each column of published percentages rounded to `digits` places: the
 * sum, and whether the unrounded shares could sum to exactly 100 % (each
 * share lies within half a printed unit of its figure, so the true sum lies
 * within ± n/2 units of the printed sum). Exact integer arithmetic on the
 * printed units.
 *
 * The throwing form of {@link shareSumsEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: a percentage outside [0, 100] or with more decimals than
 * `digits`, or `digits` not a whole number 0-6, throws naming the
 * column and cell; an empty column has sum 0 and is inconsistent.
 * @param columns the columns
 * @param options `digits` (default 0)
 * @returns the result (`ShareSumRow[]`), as {@link shareSumsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link shareSumsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] shareSums: …`).
 * @example
 * shareSums([{ id: 'x', percents: [60, 45] }])[0].consistent //=> false // 105 % cannot round from 100 %
 */
export const shareSums = (columns: readonly PercentColumn[], options: ShareSumsOptions = {}): ShareSumRow[] =>
  orThrow('shareSums', shareSumsEither(columns, options))

/** Options of {@link fteClaimEither}. */
export interface FteClaimOptions {
  /** The stated contracted hours of one full-time post per year (required). */
  readonly contractedHours: number
  /** The claimed number of sites (k in "k of n"). */
  readonly sites: number
  /** Posts per site claimed. Default 1 ("at least one full-time post"). */
  readonly fte?: number
}

/** Whether "at least `fte` full-time posts in `sites` of n sites" holds, given hours per site (some unknown). */
export interface FteClaim {
  /** Contracted hours per year of one full-time post, as given. */
  readonly contractedHours: number
  /** The posts claimed per site, as given. */
  readonly fte: number
  /** How many sites the claim says meet it. */
  readonly claimedSites: number
  /** How many sites there are. */
  readonly of: number
  /** Sites whose hours are known to reach the claim, and that many plus the sites with unknown hours. */
  readonly sitesMeetingLow: number
  /** Sites that may meet it: those known to, plus those with unknown hours. */
  readonly sitesMeetingHigh: number
  /** `true` when the known hours prove it, `false` when even unknown sites meeting it would not be enough, else `null`. */
  readonly holds: boolean | null
  /** The largest contracted hours under which the known hours prove the claim (`null`: no contracted hours do). */
  readonly holdsUpTo: number | null
  /** The largest contracted hours under which the claim is still possible (unknown sites meeting it). */
  readonly possibleUpTo: number | null
}

/**
 * Check a claim such as "the hours amount to at least one full-time post in
 * three of the four sites" (E-MHIP L2118) under a stated contracted-hours
 * figure: a site meets it when its hours ≥ fte × contracted hours. Sites
 * with unknown hours (`null`) may or may not meet it, so the count is a
 * range and the verdict can be undetermined (`null`). Also returns the
 * largest contracted hours under which the claim is proven, and possible.
 *
 * Degenerate input: contracted hours not > 0, fte not > 0, sites not a whole
 * number from 1 to the number of sites, or a negative or non-finite hour
 * gives a `Left` naming it.
 * @param hours hours per site (`null` = not reported)
 * @param options `contractedHours` and `sites` (required), `fte` (default 1)
 * @returns `Right` of the claim's verdict: how many sites meet it at least and at most, `holds` (true, false,
 *   or `null` when the unknown hours decide it), and the contracted hours up to which it holds and may hold;
 *   `Left` of problems for bad hours or options
 * @example
 * fteClaimEither([1290, 1650, null, 2690], { contractedHours: 1950, sites: 3 })
 * //=> right({ sitesMeetingLow: 1, sitesMeetingHigh: 2, holds: false, holdsUpTo: 1290, possibleUpTo: 1650, … })
 */
export const fteClaimEither = (hours: readonly (number | null)[], options: FteClaimOptions): Result<FteClaim> => {
  const problems: Problem[] = []
  const o = options ?? ({} as FteClaimOptions)
  const fte = o.fte ?? 1
  if (!Array.isArray(hours))
    return E.left([
      problem(['hours'], 'a list of hours per site (null = not reported)', hours, 'shape', 'fteClaim › hours'),
    ])
  hours.forEach((h, i) => {
    if (h !== null && (!finite(h) || h < 0))
      problems.push(
        problem(['hours', i], 'a number of hours ≥ 0, or null (not reported)', h, 'value', `fteClaim › hours[${i}]`),
      )
  })
  if (!finite(o.contractedHours) || o.contractedHours <= 0)
    problems.push(
      problem(
        ['contractedHours'],
        'the contracted hours of a full-time post per year (a number > 0)',
        o.contractedHours,
        'value',
        'fteClaim › contractedHours',
      ),
    )
  if (!finite(fte) || fte <= 0)
    problems.push(problem(['fte'], 'posts per site (a number > 0)', fte, 'value', 'fteClaim › fte'))
  if (!Number.isInteger(o.sites) || o.sites < 1 || o.sites > hours.length)
    problems.push(
      problem(['sites'], `a whole number of sites from 1 to ${hours.length}`, o.sites, 'value', 'fteClaim › sites'),
    )
  if (problems.length > 0) return E.left(problems)
  const need = fte * o.contractedHours
  const known = hours.filter((h): h is number => h !== null).sort((a, b) => b - a)
  const unknown = hours.length - known.length
  const low = known.filter((h) => h >= need).length
  const high = low + unknown
  const kth = (k: number): number | null => (k <= 0 ? Infinity : k <= known.length ? known[k - 1]! / fte : null)
  const upTo = (k: number): number | null => {
    const v = kth(k)
    return v === Infinity ? null : v
  }
  return E.right({
    contractedHours: o.contractedHours,
    fte,
    claimedSites: o.sites,
    of: hours.length,
    sitesMeetingLow: low,
    sitesMeetingHigh: high,
    holds: low >= o.sites ? true : high < o.sites ? false : null,
    holdsUpTo: upTo(o.sites),
    possibleUpTo: o.sites - unknown <= 0 ? null : upTo(o.sites - unknown),
  })
}

/**
 * Check a claim such as "the hours amount to at least one full-time post in
 * three of the four sites" (E-MHIP L2118) under a stated contracted-hours
 * figure: a site meets it when its hours ≥ fte × contracted hours. Sites
 * with unknown hours (`null`) may or may not meet it, so the count is a
 * range and the verdict can be undetermined (`null`). Also returns the
 * largest contracted hours under which the claim is proven, and possible.
 *
 * The throwing form of {@link fteClaimEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: contracted hours not > 0, fte not > 0, sites not a whole
 * number from 1 to the number of sites, or a negative or non-finite hour
 * throws naming it.
 * @param hours hours per site (`null` = not reported)
 * @param options `contractedHours` and `sites` (required), `fte` (default 1)
 * @returns the result (`FteClaim`), as {@link fteClaimEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link fteClaimEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] fteClaim: …`).
 * @example
 * fteClaim([1290, 1650, null, 2690], { contractedHours: 1290, sites: 3 }).holds //=> true
 */
export const fteClaim = (hours: readonly (number | null)[], options: FteClaimOptions): FteClaim =>
  orThrow('fteClaim', fteClaimEither(hours, options))

/** Options of {@link impliedNonRespondentsEither}. */
export interface ImpliedNonRespondentsOptions {
  /** Hours each non-respondent is assumed to have spent (E-MHIP: 12). */
  readonly hoursEach: number
  /** The extra posts per site the statement gives (E-MHIP: one third). */
  readonly postFraction: number
  /** The stated contracted hours of one full-time post per year. */
  readonly contractedHours: number
  /** The survey's response rate (0-1), to give the implied invited and responding counts too. */
  readonly responseRate?: number
}

/** What a sensitivity statement implies per site. */
export interface ImpliedNonRespondents {
  /** The extra hours per site: postFraction × contracted hours. */
  readonly hoursPerSite: number
  /** Non-respondents per site: hoursPerSite / hoursEach. */
  readonly nonRespondents: number
  /** Invited per site, nonRespondents / (1 − response rate); `null` without a rate. */
  readonly invited: number | null
  /** Respondents per site, invited × response rate; `null` without a rate. */
  readonly respondents: number | null
}

/**
 * How many non-respondents per site a statement such as "12 hours each ≈ an
 * additional one-third of a full-time post per site" (E-MHIP L2118) implies
 * under a stated contracted-hours figure, and, with the response rate, how
 * many were invited and responded. Not rounded: the figures are what the
 * statement implies, not counts anyone reported.
 *
 * Degenerate input: hours each, post fraction or contracted hours not > 0,
 * or a response rate outside [0, 1) gives a `Left` naming it.
 * @param options the statement's figures and the contracted hours
 * @returns `Right` of the hours per site the statement implies, and the non-respondents, invited and
 *   respondents per site it implies (unrounded); `Left` of problems for a figure out of range
 * @example
 * impliedNonRespondentsEither({ hoursEach: 12, postFraction: 1 / 3, contractedHours: 1950, responseRate: 0.4 })
 * //=> right({ hoursPerSite: 650, nonRespondents: 54.1666…, invited: 90.2777…, respondents: 36.1111… })
 */
export const impliedNonRespondentsEither = (options: ImpliedNonRespondentsOptions): Result<ImpliedNonRespondents> => {
  const o = options ?? ({} as ImpliedNonRespondentsOptions)
  const problems: Problem[] = []
  for (const key of ['hoursEach', 'postFraction', 'contractedHours'] as const)
    if (!finite(o[key]) || o[key] <= 0)
      problems.push(problem([key], 'a number > 0', o[key], 'value', `impliedNonRespondents › ${key}`))
  if (o.responseRate !== undefined && (!finite(o.responseRate) || o.responseRate < 0 || o.responseRate >= 1))
    problems.push(
      problem(
        ['responseRate'],
        'a proportion from 0 to below 1',
        o.responseRate,
        'value',
        'impliedNonRespondents › responseRate',
      ),
    )
  if (problems.length > 0) return E.left(problems)
  const hoursPerSite = o.postFraction * o.contractedHours
  const nonRespondents = hoursPerSite / o.hoursEach
  const invited = o.responseRate === undefined ? null : nonRespondents / (1 - o.responseRate)
  return E.right({
    hoursPerSite,
    nonRespondents,
    invited,
    respondents: invited === null ? null : invited * o.responseRate!,
  })
}

/**
 * How many non-respondents per site a statement such as "12 hours each ≈ an
 * additional one-third of a full-time post per site" (E-MHIP L2118) implies
 * under a stated contracted-hours figure, and, with the response rate, how
 * many were invited and responded. Not rounded: the figures are what the
 * statement implies, not counts anyone reported.
 *
 * The throwing form of {@link impliedNonRespondentsEither}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: hours each, post fraction or contracted hours not > 0,
 * or a response rate outside [0, 1) throws naming it.
 * @param options the statement's figures and the contracted hours
 * @returns the result (`ImpliedNonRespondents`), as {@link impliedNonRespondentsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link impliedNonRespondentsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] impliedNonRespondents: …`).
 * @example
 * impliedNonRespondents({ hoursEach: 12, postFraction: 1 / 3, contractedHours: 1290 }).nonRespondents //=> 35.8333…
 */
export const impliedNonRespondents = (options: ImpliedNonRespondentsOptions): ImpliedNonRespondents =>
  orThrow('impliedNonRespondents', impliedNonRespondentsEither(options))
