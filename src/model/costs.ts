/**
 * The cost ledger of an evaluation's economic component: what was spent (or
 * given in kind, or given as staff time), by whom, on what, at which site,
 * and the "hidden" staff time reported by a survey. Types and shape codecs
 * only: the cross-field checks (known sites, funders and areas, low ≤ high,
 * shares summing to at most 100 %) are `costProblems` in `economics/`.
 * @module
 */
import * as t from 'io-ts'
import type { SiteId } from './ids.js'
import type { SourceRef } from './framework.js'
import {
  CountC,
  NonEmptyStringC,
  SourceRefC,
  StringC,
  fail,
  idC,
  isRecordLike,
  leafC,
  oneOfC,
  withOptional,
} from './codec-kit.js'

/** The kinds of a cost: money, goods or services given in kind, staff time. */
export const COST_KINDS = ['cash', 'in-kind', 'staff-time'] as const
/** How a cost was met: `'cash'`, `'in-kind'` (goods or services given) or `'staff-time'`. */
export type CostKind = (typeof COST_KINDS)[number]

/**
 * The funders every ledger knows without declaring them: the national
 * programme's grant, its in-kind support (staff, training, events), the host
 * trust, partner organisations and the strategic health authority.
 */
export const BUILTIN_FUNDERS = ['programme-grant', 'programme-in-kind', 'host-trust', 'partners', 'sha'] as const

/**
 * The areas of spend every ledger knows without declaring them (E-MHIP
 * Table 8's rows): launch events, governance, the implementation team,
 * training and technical support, service-user and carer involvement.
 */
export const BUILTIN_AREAS = [
  'launch-events',
  'governance',
  'implementation-team',
  'training',
  'user-carer-involvement',
] as const

/** Labels of the built-in funders and areas, for tables. */
export const BUILTIN_COST_LABELS: Readonly<Record<string, string>> = {
  'programme-grant': 'Programme grant',
  'programme-in-kind': 'Programme in-kind support',
  'host-trust': 'Host trust',
  partners: 'Partner organisations',
  sha: 'Strategic health authority',
  'launch-events': 'Launch events, conferences, workshops',
  governance: 'Governance',
  'implementation-team': 'Implementation team',
  training: 'Training and technical support',
  'user-carer-involvement': 'Service user and carer involvement',
}

/**
 * An amount of money as the sources give it: a number, a range, a lower
 * bound only ("960,000+"), or unknown. In JSON: `1200`, `{ "low": 1000,
 * "high": 1500 }`, `{ "atLeast": 960000 }`, `"unknown"`.
 */
export type CostAmount =
  number | { readonly low: number; readonly high: number } | { readonly atLeast: number } | 'unknown'

/** A funder or an area of spend declared by the user, beside the built-in ones. */
export interface CostCategory {
  readonly id: string
  readonly label: string
  readonly description?: string
}

/** One line of the ledger. */
export interface CostEntry {
  readonly id: string
  readonly site: SiteId
  /** A built-in funder (`BUILTIN_FUNDERS`) or one declared in `ledger.funders`. */
  readonly funder: string
  /** A built-in area (`BUILTIN_AREAS`) or one declared in `ledger.areas`. */
  readonly area: string
  readonly kind: CostKind
  readonly amount: CostAmount
  /** ISO 4217 code, e.g. `GBP`. */
  readonly currency: string
  /** The year whose prices the amount is in. */
  readonly priceYear: number
  readonly ref?: SourceRef
  readonly note?: string
}

/**
 * A published share of a site's spend (a proportion 0-1), when only shares
 * are known, as in E-MHIP Table 8. `share: null` is a share the source left
 * out.
 */
export interface SpendShare {
  readonly site: SiteId
  readonly dimension: 'area' | 'funder'
  readonly category: string
  readonly share: number | null
  readonly ref?: SourceRef
}

/** Hours of unfunded staff time reported by survey respondents, per site and role band; `null` = not reported. */
export interface HiddenHours {
  readonly site: SiteId
  readonly band: string
  readonly hours: number | null
  readonly ref?: SourceRef
}

/**
 * Who was asked and who answered a time-use survey, at one site or (without
 * `site`) across all sites. Give the counts, or the response rate, or both.
 */
export interface SurveyResponse {
  readonly site?: SiteId
  readonly invited?: number
  readonly responded?: number
  /** A proportion 0-1, e.g. 0.4 for "40%". */
  readonly responseRate?: number
  readonly ref?: SourceRef
}

/** The cost of an hour of a role band, with its source (e.g. a national unit-cost compendium). */
export interface UnitCost {
  readonly band: string
  readonly perHour: number
  readonly currency: string
  readonly priceYear: number
  readonly ref?: SourceRef
}

/** An assumption about non-respondents: each spent `hoursEach` hours (0 in the base case). */
export interface NonRespondentScenario {
  readonly id: string
  readonly label: string
  readonly hoursEach: number
  /** The role band whose unit cost prices non-respondents' hours; without it they are priced from the lowest to the highest band. */
  readonly band?: string
}

/** The stated working hours of one full-time post per year, from which FTEs are computed. */
export interface ContractedHours {
  readonly perYear: number
  readonly ref?: SourceRef
  readonly note?: string
}

/** The hidden staff time: reported hours, the survey's response, unit costs, scenarios, contracted hours. */
export interface HiddenTime {
  readonly hours: readonly HiddenHours[]
  readonly surveys?: readonly SurveyResponse[]
  readonly unitCosts?: readonly UnitCost[]
  /** The scenarios; when none are given the base case alone (0 hours per non-respondent) applies. */
  readonly scenarios?: readonly NonRespondentScenario[]
  readonly contractedHours?: ContractedHours
}

/** The economic component of a document. */
export interface CostLedger {
  /** Funders beyond `BUILTIN_FUNDERS`. */
  readonly funders?: readonly CostCategory[]
  /** Areas of spend beyond `BUILTIN_AREAS`. */
  readonly areas?: readonly CostCategory[]
  readonly entries?: readonly CostEntry[]
  readonly shares?: readonly SpendShare[]
  readonly hiddenTime?: HiddenTime
}

// ---------------------------------------------------------------------------
// Codecs (io-ts). Shape and ranges of single values only.
// ---------------------------------------------------------------------------

const nonNegative = (name: string) =>
  leafC(
    new t.Type<number, number, unknown>(
      name,
      (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0,
      (u, c) =>
        typeof u !== 'number'
          ? fail(u, c, name)
          : Number.isFinite(u) && u >= 0
            ? t.success(u)
            : fail(u, c, name, 'value'),
      t.identity,
    ),
  )

/** A finite number ≥ 0 (money, hours). NaN, Infinity and negatives are refused. */
export const NonNegativeC = nonNegative('a finite number ≥ 0')
const HoursC = nonNegative('a number of hours ≥ 0')

/** A proportion from 0 to 1 (shares, response rates; never a percentage). */
export const ProportionC = leafC(
  new t.Type<number, number, unknown>(
    'a proportion from 0 to 1',
    (u): u is number => typeof u === 'number' && u >= 0 && u <= 1,
    (u, c) =>
      typeof u !== 'number'
        ? fail(u, c, 'a proportion from 0 to 1')
        : u >= 0 && u <= 1
          ? t.success(u)
          : fail(u, c, 'a proportion from 0 to 1', 'value'),
    t.identity,
  ),
)

const PriceYearC = leafC(
  new t.Type<number, number, unknown>(
    'a price year (a whole number from 1800 to 2200)',
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 1800 && u <= 2200,
    (u, c) =>
      typeof u !== 'number'
        ? fail(u, c, 'a price year (a whole number from 1800 to 2200)')
        : Number.isInteger(u) && u >= 1800 && u <= 2200
          ? t.success(u)
          : fail(u, c, 'a price year (a whole number from 1800 to 2200)', 'value'),
    t.identity,
  ),
)

const CurrencyC = leafC(
  new t.Type<string, string, unknown>(
    'a currency code (three capital letters, ISO 4217)',
    (u): u is string => typeof u === 'string' && /^[A-Z]{3}$/.test(u),
    (u, c) =>
      typeof u !== 'string'
        ? fail(u, c, 'a currency code (three capital letters, ISO 4217)')
        : /^[A-Z]{3}$/.test(u)
          ? t.success(u)
          : fail(u, c, 'a currency code (three capital letters, ISO 4217)', 'value'),
    t.identity,
  ),
)

const AMOUNT = 'an amount: a number ≥ 0, { low, high }, { atLeast } or "unknown"'
const RangeC = t.type({ low: NonNegativeC, high: NonNegativeC })
const AtLeastC = t.type({ atLeast: NonNegativeC })

/**
 * Codec of a {@link CostAmount}. Each form's own problems are reported at
 * the field (`amount.low`), not as a failed union.
 * @example
 * CostAmountC.decode({ atLeast: 960000 }) //=> right({ atLeast: 960000 })
 * CostAmountC.decode(-5) //=> left(…) // … expected a finite number ≥ 0, found -5
 */
export const CostAmountC = new t.Type<CostAmount, CostAmount, unknown>(
  AMOUNT,
  (u): u is CostAmount => u === 'unknown' || NonNegativeC.is(u) || RangeC.is(u) || AtLeastC.is(u),
  (u, c) => {
    if (u === 'unknown') return t.success(u)
    if (typeof u === 'number') return NonNegativeC.validate(u, c)
    if (isRecordLike(u) && 'atLeast' in u) return AtLeastC.validate(u, c) as t.Validation<CostAmount>
    if (isRecordLike(u) && ('low' in u || 'high' in u)) return RangeC.validate(u, c) as t.Validation<CostAmount>
    return fail(u, c, AMOUNT, typeof u === 'string' ? 'value' : 'shape')
  },
  t.identity,
)

const SiteRefC = idC<'SiteId'>('site id')
/** An id kept as a plain string (ledger ids are not branded). */
const keyC = (kind: string) => idC<'Key'>(kind) as unknown as t.Type<string, string, unknown>
const CategoryIdC = keyC('category id')

/** Codec of a declared funder or area. */
export const CostCategoryC: t.Type<CostCategory, unknown, unknown> = withOptional(
  { id: CategoryIdC, label: StringC },
  { description: StringC },
  'a cost category',
)

/** Codec of a {@link CostEntry}. */
export const CostEntryC: t.Type<CostEntry, unknown, unknown> = withOptional(
  {
    id: keyC('cost entry id'),
    site: SiteRefC,
    funder: NonEmptyStringC,
    area: NonEmptyStringC,
    kind: oneOfC(COST_KINDS),
    amount: CostAmountC,
    currency: CurrencyC,
    priceYear: PriceYearC,
  },
  { ref: SourceRefC, note: StringC },
  'a cost entry',
)

/** Codec of a {@link SpendShare}. */
export const SpendShareC: t.Type<SpendShare, unknown, unknown> = withOptional(
  {
    site: SiteRefC,
    dimension: oneOfC(['area', 'funder'] as const),
    category: NonEmptyStringC,
    share: t.union([ProportionC, t.null], 'a proportion from 0 to 1 or null (not given)'),
  },
  { ref: SourceRefC },
  'a spend share',
)

/** Codec of {@link HiddenHours}. */
export const HiddenHoursC: t.Type<HiddenHours, unknown, unknown> = withOptional(
  {
    site: SiteRefC,
    band: NonEmptyStringC,
    hours: t.union([HoursC, t.null], 'a number of hours ≥ 0 or null (not reported)'),
  },
  { ref: SourceRefC },
  'reported hours',
)

const SurveyResponseC: t.Type<SurveyResponse, unknown, unknown> = withOptional(
  {},
  { site: SiteRefC, invited: CountC, responded: CountC, responseRate: ProportionC, ref: SourceRefC },
  'a survey response',
)

const UnitCostC: t.Type<UnitCost, unknown, unknown> = withOptional(
  { band: NonEmptyStringC, perHour: NonNegativeC, currency: CurrencyC, priceYear: PriceYearC },
  { ref: SourceRefC },
  'a unit cost',
)

const ScenarioC: t.Type<NonRespondentScenario, unknown, unknown> = withOptional(
  { id: keyC('scenario id'), label: StringC, hoursEach: HoursC },
  { band: NonEmptyStringC },
  'a non-respondent scenario',
)

const ContractedHoursC: t.Type<ContractedHours, unknown, unknown> = withOptional(
  {
    perYear: leafC(
      new t.Type<number, number, unknown>(
        'contracted hours per year (a number > 0)',
        (u): u is number => typeof u === 'number' && Number.isFinite(u) && u > 0,
        (u, c) =>
          typeof u !== 'number'
            ? fail(u, c, 'contracted hours per year (a number > 0)')
            : Number.isFinite(u) && u > 0
              ? t.success(u)
              : fail(u, c, 'contracted hours per year (a number > 0)', 'value'),
        t.identity,
      ),
    ),
  },
  { ref: SourceRefC, note: StringC },
  'contracted hours',
)

const HiddenTimeC: t.Type<HiddenTime, unknown, unknown> = withOptional(
  { hours: t.readonlyArray(HiddenHoursC, 'a list of reported hours') },
  {
    surveys: t.readonlyArray(SurveyResponseC, 'a list of survey responses'),
    unitCosts: t.readonlyArray(UnitCostC, 'a list of unit costs'),
    scenarios: t.readonlyArray(ScenarioC, 'a list of non-respondent scenarios'),
    contractedHours: ContractedHoursC,
  },
  'hidden staff time',
)

/**
 * Codec of a {@link CostLedger} (the document's `costs` field): the shape of
 * every part. Cross-field rules are `costProblems` (economics).
 * @example
 * CostLedgerC.decode({ entries: [{ id: 'e1', site: 'ss', funder: 'sha', area: 'governance', kind: 'cash',
 *   amount: -1, currency: 'GBP', priceYear: 2005 }] })
 * //=> left(…) // … $.entries[0].amount: expected a finite number ≥ 0, found -1
 */
export const CostLedgerC: t.Type<CostLedger, unknown, unknown> = withOptional(
  {},
  {
    funders: t.readonlyArray(CostCategoryC, 'a list of funders'),
    areas: t.readonlyArray(CostCategoryC, 'a list of areas of spend'),
    entries: t.readonlyArray(CostEntryC, 'a list of cost entries'),
    shares: t.readonlyArray(SpendShareC, 'a list of spend shares'),
    hiddenTime: HiddenTimeC,
  },
  'a cost ledger',
)
