/**
 * The codec of the whole evaluation document: `decodeEvaluation` (fp-ts),
 * `parseEvaluation` (throwing, for notebooks), `encodeEvaluation` (plain JSON).
 * @module
 */
import * as t from 'io-ts'
import * as E from './either.js'
import {
  READABLE_SCHEMA_VERSIONS,
  SCHEMA_VERSION,
  type Evaluation,
  type Programme,
  type Round,
  type Site,
  type Unit,
} from './evaluation.js'
import type { Framework } from './framework.js'
import type { InstrumentRatings, Rater, RatingsByInstrument } from './instruments.js'
import { problem, showName, type Problem, type Result } from './problem.js'
import {
  CountC,
  ExtensionsC,
  NonEmptyStringC,
  SourceRefC,
  StringC,
  countProblems,
  fail,
  idC,
  isRecordLike,
  problemsFromErrorsUpTo,
  unknownKeyMessage,
  withOptional,
  type CodedValidationError,
} from './codec-kit.js'
import { FrameworkC } from './codec-framework.js'
import {
  ratingContext,
  raterRatingsC,
  SITE_RATINGS_DEPTH,
  UNIT_RATINGS_DEPTH,
  unitRatingsC,
  type ErrorBudget,
  type RatingContext,
} from './codec-ratings.js'
import { isRatingsPath, limitProblems, MAX_LIMIT_PROBLEMS, resolveLimits, type DecodeLimits } from './codec-limits.js'
import { copyData, emptyRecord } from './own.js'
import { integerAtLeast, optionProblems } from './options.js'
import { ImpactC, ObjectiveC, ObjectiveCellC, ObjectiveTypeC } from './objectives.js'
import { EvidenceSourceC, ExcerptC, InformantC, StakeholderGroupC } from './evidence.js'
import { CmoElementC, ConfigurationC, ProgrammeTheoryC } from './cmo.js'
import { CostLedgerC } from './costs.js'
import { AttributeDefinitionsC, AttributeValuesC } from './attributes.js'
import { ObservationsC } from './observations.js'

/** Codec of a site id (see `idC`). */
export const SiteIdC = idC<'SiteId'>('site id')
/** Codec of a unit id (see `idC`). */
export const UnitIdC = idC<'UnitId'>('unit id')
/** Codec of a round id (see `idC`). */
export const RoundIdC = idC<'RoundId'>('round id')

/**
 * A list codec (io-ts `readonlyArray` semantics) that stops building errors
 * once the decoding's error budget is spent: past it, a failing item is only
 * counted (validated against the list's own context, with no per-item context
 * and no error kept), except that a list with no error of its own yet keeps
 * one, so it still fails. A million malformed rounds then cost a million
 * small validations, not a million error paths. Without a budget it is
 * `t.readonlyArray`.
 */
const listOf = <A>(
  codec: t.Type<A, unknown, unknown>,
  name: string,
  budget?: ErrorBudget,
): t.Type<readonly A[], unknown, unknown> => {
  const plain = t.readonlyArray(codec, name)
  if (budget === undefined) return plain
  return new t.Type<readonly A[], unknown, unknown>(
    name,
    plain.is,
    (u, c) => {
      if (!Array.isArray(u)) return plain.validate(u, c)
      const out: A[] = []
      const errors: t.ValidationError[] = []
      for (let i = 0; i < u.length; i++) {
        const item: unknown = u[i]
        if (budget.built >= budget.max && errors.length > 0) {
          const r = codec.validate(item, c)
          if (E.isLeft(r)) budget.omitted += countProblems(r.left)
          continue
        }
        const before = budget.built
        const r = codec.validate(item, t.appendContext(c, String(i), codec, item))
        if (E.isRight(r)) out.push(r.right)
        else {
          // Nested lists and the ratings codec have counted their own errors already (and the
          // ratings' deferred ones, which are not in r.left): add only the rest, never more, so
          // the budget is not spent before maxProblems errors exist.
          budget.built += Math.max(0, countProblems(r.left) - (budget.built - before))
          for (const e of r.left) errors.push(e)
        }
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out)
    },
    plain.encode,
  )
}
const StringsC = listOf(StringC, 'a list of strings')

/** Codec of a {@link Round}. */
export const RoundC: t.Type<Round, unknown, unknown> = withOptional(
  { id: RoundIdC, label: StringC },
  { date: StringC },
  'a round',
)

/** Codec of the {@link Programme} header. */
export const ProgrammeC: t.Type<Programme, unknown, unknown> = withOptional(
  { id: NonEmptyStringC, name: StringC },
  { description: StringC },
  'a programme',
)

const SubUnitsC = withOptional({ count: CountC }, { names: StringsC, note: StringC }, 'sub-units')

/**
 * What the ratings of a rated entity may refer to beyond its default
 * instrument: the further instruments (their rating contexts, by instrument
 * id) and the declared raters. A `null` means "unknown" (that part of the
 * document failed to decode): the check it feeds is skipped.
 */
export interface EntityContext {
  readonly instruments: ReadonlyMap<string, RatingContext> | null
  readonly raters: ReadonlySet<string> | null
}

const UNKNOWN_ENTITY: EntityContext = { instruments: null, raters: null }

const BY_INSTRUMENT = 'ratings by instrument (an object keyed by instrument id)'

/** Per context: the codec of ratings on each instrument, made once. */
const instrumentCodecs = new WeakMap<EntityContext, Map<string, t.Type<InstrumentRatings, unknown, unknown>>>()

/**
 * Codec of a rated entity's ratings on the further instruments
 * (`instrument id → { ratings, byRater? }`), each checked against its
 * instrument's framework and scale.
 * @param ctx - the default instrument's context (rounds, excerpts, limits, problem sinks).
 * @param more - the further instruments' contexts and the raters.
 * @param depth - the nesting depth of the `instrumentRatings` record in its
 *   document (the document is 1): default `UNIT_RATINGS_DEPTH` (6, a unit's);
 *   a site's is `SITE_RATINGS_DEPTH` (4).
 * @returns the codec, decoding to null-prototype records.
 * @example
 * // ev's second instrument, quality, rates Q1 and Q2 on excellent | good | fair | poor
 * const ctx = ratingContext(emhipFramework, ['r1'], [])
 * const C = instrumentRatingsC(ctx, { instruments: new Map([['quality', ratingContext(ev.instruments[0], ['r1'], [])]]), raters: new Set() })
 * C.decode({ quality: { ratings: { r1: { Q1: { level: 'good' } } } } }) //=> right({ quality: { ratings: { r1: { Q1: { level: 'good' } } } } })
 * const met = C.decode({ quality: { ratings: { r1: { Q1: { level: 'met' } } } } })
 * isLeft(met) && problemsFromErrors(met.left, {})[0].expected //=> 'a level of scale quality (excellent | good | fair | poor) or "na"'
 */
export const instrumentRatingsC = (
  ctx: RatingContext,
  more: EntityContext,
  depth: number = UNIT_RATINGS_DEPTH,
): t.Type<RatingsByInstrument, unknown, unknown> => {
  let codecs = instrumentCodecs.get(more)
  if (codecs === undefined) instrumentCodecs.set(more, (codecs = new Map()))
  const cache = codecs
  const codecOf = (id: string): t.Type<InstrumentRatings, unknown, unknown> => {
    const key = `${depth} ${id}`
    let hit = cache.get(key)
    if (hit === undefined) {
      const ictx = more.instruments?.get(id) ?? ctx
      // The records sit two below this one (instrument id, then ratings or byRater).
      hit = withOptional(
        { ratings: unitRatingsC(ictx, depth + 2) },
        { byRater: raterRatingsC(ictx, more.raters, depth + 2) },
        'ratings on one instrument',
      )
      cache.set(key, hit)
    }
    return hit
  }
  const known = more.instruments === null ? '' : [...more.instruments.keys()].map((k) => JSON.stringify(k)).join(' | ')
  const expected = `the id of one of the evaluation's further instruments (${known || 'none declared in "instruments"'})`
  return new t.Type<RatingsByInstrument, unknown, unknown>(
    BY_INSTRUMENT,
    (u): u is RatingsByInstrument => isRecordLike(u),
    (u, c) => {
      if (!isRecordLike(u)) return fail(u, c, BY_INSTRUMENT)
      const errors: t.ValidationError[] = []
      const ids = Object.keys(u)
      const out = emptyRecord<InstrumentRatings>(ids.length)
      for (const id of ids) {
        const at = t.appendContext(c, id, t.unknown, u[id])
        if (more.instruments !== null && !more.instruments.has(id)) {
          // A dangling reference leaves the document well-typed: deferred, like the ratings' own references.
          ;(ctx.deferred ?? errors).push({
            value: id,
            context: at,
            message: expected,
            code: 'reference',
          } as CodedValidationError)
          continue
        }
        const r = codecOf(id).validate(u[id], at)
        if (E.isLeft(r)) for (const e of r.left) errors.push(e)
        else out[id] = r.right
      }
      return errors.length > 0 ? t.failures(errors) : t.success(Object.freeze(out) as RatingsByInstrument)
    },
    (a) => JSON.parse(JSON.stringify(a)) as unknown,
  )
}

/**
 * Codec of a {@link Unit}, whose ratings are checked against `ctx`.
 * @param ctx - from `ratingContext`: what the ratings may refer to.
 * @param more - the further instruments and the raters (default: unknown, not checked).
 * @returns the codec of a unit.
 * @example
 * unitC(ratingContext(emhipFramework, ['r1'], [])).decode({ id: 'acute', name: 'Acute', ratings: {}, objectives: [], objectiveCells: [] })
 * //=> right({ id: 'acute', name: 'Acute', ratings: {}, objectives: [], objectiveCells: [] })
 */
export const unitC = (ctx: RatingContext, more: EntityContext = UNKNOWN_ENTITY): t.Type<Unit, unknown, unknown> =>
  withOptional(
    {
      id: UnitIdC,
      name: StringC,
      ratings: unitRatingsC(ctx),
      objectives: listOf(ObjectiveC, 'a list of objectives', ctx.budget),
      objectiveCells: listOf(ObjectiveCellC, 'a list of objective cells', ctx.budget),
    },
    {
      aliases: StringsC,
      subUnits: SubUnitsC,
      impact: ImpactC,
      ref: SourceRefC,
      byRater: raterRatingsC(ctx, more.raters),
      instrumentRatings: instrumentRatingsC(ctx, more),
      extensions: ExtensionsC,
      attributes: AttributeValuesC,
    },
    'a unit',
  )

/**
 * Codec of a {@link Site}, whose units' ratings (and its own, as a whole) are checked against `ctx`.
 * @param ctx - from `ratingContext`: what the ratings may refer to.
 * @param more - the further instruments and the raters (default: unknown, not checked).
 * @returns the codec of a site.
 * @example
 * siteC(ratingContext(emhipFramework, ['r1'], [])).decode({ id: 'ss', name: 'South Staffs', aliases: [], units: [] })
 * //=> right({ id: 'ss', name: 'South Staffs', aliases: [], units: [] })
 * isLeft(siteC(ratingContext(emhipFramework, ['r1'], [])).decode({ id: 'ss', units: [] })) //=> true // no name
 */
export const siteC = (ctx: RatingContext, more: EntityContext = UNKNOWN_ENTITY): t.Type<Site, unknown, unknown> =>
  withOptional(
    { id: SiteIdC, name: StringC, aliases: StringsC, units: listOf(unitC(ctx, more), 'a list of units', ctx.budget) },
    {
      ratings: unitRatingsC(ctx, SITE_RATINGS_DEPTH),
      byRater: raterRatingsC(ctx, more.raters, SITE_RATINGS_DEPTH),
      instrumentRatings: instrumentRatingsC(ctx, more, SITE_RATINGS_DEPTH),
      extensions: ExtensionsC,
      attributes: AttributeValuesC,
    },
    'a site',
  )

const roundsC = (budget?: ErrorBudget) => listOf(RoundC, 'a list of rounds', budget)

/** Codec of a {@link Rater}. */
export const RaterC: t.Type<Rater, unknown, unknown> = withOptional(
  { id: idC<'RaterId'>('rater id'), name: StringC },
  { role: StringC, extensions: ExtensionsC },
  'a rater',
)

/** Codec of the further instruments (a list of frameworks). */
const InstrumentsC = t.readonlyArray(FrameworkC, 'a list of instruments (frameworks)')
const RatersC = t.readonlyArray(RaterC, 'a list of raters')

/** The fields of an evaluation document; any other is refused. */
export const EVALUATION_FIELDS: readonly string[] = [
  'schemaVersion',
  'title',
  'programme',
  'framework',
  'instruments',
  'raters',
  'rounds',
  'sites',
  'objectiveTypes',
  'stakeholderGroups',
  'informants',
  'sources',
  'excerpts',
  'elements',
  'configurations',
  'theories',
  'costs',
  'attributes',
  'observations',
  'extensions',
]

/** Everything but the version, the instruments, the raters and the rounds, which are decoded first. */
const restC = (ctx: RatingContext, more: EntityContext) =>
  withOptional(
    {
      title: StringC,
      programme: ProgrammeC,
      sites: listOf(siteC(ctx, more), 'a list of sites', ctx.budget),
      objectiveTypes: listOf(ObjectiveTypeC, 'a list of objective types', ctx.budget),
      stakeholderGroups: listOf(StakeholderGroupC, 'a list of stakeholder groups', ctx.budget),
      informants: listOf(InformantC, 'a list of informants', ctx.budget),
      sources: listOf(EvidenceSourceC, 'a list of evidence sources', ctx.budget),
      excerpts: listOf(ExcerptC, 'a list of excerpts', ctx.budget),
      elements: listOf(CmoElementC, 'a list of CMO elements', ctx.budget),
      configurations: listOf(ConfigurationC, 'a list of configurations', ctx.budget),
      theories: listOf(ProgrammeTheoryC, 'a list of programme theories', ctx.budget),
    },
    {
      extensions: ExtensionsC,
      // The optional cost ledger (economics), attribute declarations and observations: absent stays absent.
      costs: CostLedgerC,
      attributes: AttributeDefinitionsC,
      observations: ObservationsC,
    },
    'an evaluation document',
    { open: true },
  )

/** Excerpt ids as written in the input, so ratings' evidence can be checked in the same pass. */
const rawIds = (u: unknown): string[] | null =>
  Array.isArray(u) ? u.flatMap((x: unknown) => (isRecordLike(x) && typeof x.id === 'string' ? [x.id] : [])) : null

const DOCUMENT = 'an evaluation document (an object)'
const EVALUATION_KEYS: ReadonlySet<string> = new Set(EVALUATION_FIELDS)

/**
 * The io-ts codec of an {@link Evaluation} under given input limits: the
 * shape of the whole document, plus the checks of every rating against the
 * framework, the scale, the rounds, the excerpts and the limits (all made in
 * the same pass over the ratings, for speed). The framework and rounds are
 * decoded first, for that purpose. A `schemaVersion` other than 1 or 2
 * stops decoding there; a version 1 document is upgraded to version 2 (the
 * version 2 fields are all optional, so nothing else changes).
 *
 * `decodeEvaluation` adds the limits pre-check of everything outside the
 * ratings and the referential checks (`documentProblems`, `objectiveProblems`,
 * …); prefer it for untrusted input.
 * @param limits - input limits for the ratings; default `DEFAULT_LIMITS`.
 * @param deferred - if given, collects the ratings' reference and value
 *   problems instead of failing on them (`decodeEvaluation` uses this to run the
 *   cross-field checks as well and report every problem).
 * @param budget - if given, bounds the rating errors built (see `ErrorBudget`).
 * @returns the codec of a whole evaluation (shape and ratings; the cross-field checks are
 * `decodeEvaluation`'s).
 * @example
 * const json = JSON.parse(JSON.stringify(ev)) // the example audit as plain JSON
 * isRight(evaluationC().decode(json)) //=> true
 * isLeft(evaluationC().decode({ ...json, title: 3 })) //=> true
 */
export const evaluationC = (
  limits: DecodeLimits = {},
  deferred?: CodedValidationError[],
  budget?: ErrorBudget,
): t.Type<Evaluation, unknown, unknown> =>
  new t.Type<Evaluation, unknown, unknown>(
    'Evaluation',
    (u): u is Evaluation => isRecordLike(u) && u.schemaVersion === SCHEMA_VERSION,
    (u, c) => {
      if (!isRecordLike(u)) return fail(u, c, DOCUMENT)
      const errors: t.ValidationError[] = []
      const version = u.schemaVersion
      if (!READABLE_SCHEMA_VERSIONS.includes(version as number)) {
        const at = t.appendContext(c, 'schemaVersion', t.unknown, version)
        const expected = `schemaVersion ${READABLE_SCHEMA_VERSIONS.join(' or ')} (the versions this library reads)`
        const wrong = fail<Evaluation>(version, at, expected, version === undefined ? 'shape' : 'value')
        // Another version's shape is unknown to us: listing its "errors" would only mislead.
        if (version !== undefined) return wrong
        if (E.isLeft(wrong)) errors.push(wrong.left[0]!)
      }
      for (const k of Object.keys(u))
        if (!EVALUATION_KEYS.has(k))
          errors.push({
            value: showName(k),
            context: t.appendContext(c, k, t.unknown, u[k]),
            message: unknownKeyMessage(k, EVALUATION_FIELDS, 'an evaluation document'),
            code: 'shape',
          } as CodedValidationError)
      const framework = FrameworkC.validate(u.framework, t.appendContext(c, 'framework', FrameworkC, u.framework))
      const instruments =
        u.instruments === undefined
          ? E.right([])
          : InstrumentsC.validate(u.instruments, t.appendContext(c, 'instruments', InstrumentsC, u.instruments))
      const raters =
        u.raters === undefined
          ? E.right([])
          : RatersC.validate(u.raters, t.appendContext(c, 'raters', RatersC, u.raters))
      const RoundsC = roundsC(budget)
      const rounds = RoundsC.validate(u.rounds, t.appendContext(c, 'rounds', RoundsC, u.rounds))
      const roundIds = E.isRight(rounds) ? rounds.right.map((r) => r.id) : null
      const excerptIds = rawIds(u.excerpts)
      const context = (f: Framework | null) => ratingContext(f, roundIds, excerptIds, limits, deferred, budget)
      const ctx = context(E.isRight(framework) ? framework.right : null)
      const more: EntityContext = {
        instruments: E.isRight(instruments)
          ? new Map(instruments.right.map((f) => [f.id as string, context(f)]))
          : null,
        raters: E.isRight(raters) ? new Set(raters.right.map((r) => r.id as string)) : null,
      }
      const rest = restC(ctx, more).validate(u, c)
      // A loop, not push(...xs): a million bad rounds or sites are too many for arguments.
      for (const part of [framework, instruments, raters, rounds, rest])
        if (E.isLeft(part)) for (const e of part.left) errors.push(e)
      if (
        errors.length > 0 ||
        E.isLeft(framework) ||
        E.isLeft(instruments) ||
        E.isLeft(raters) ||
        E.isLeft(rounds) ||
        E.isLeft(rest)
      )
        return t.failures(errors)
      // Version 1 is version 2 without the new (optional) fields: the upgrade only sets the version.
      const out: Record<string, unknown> = {
        ...rest.right,
        schemaVersion: SCHEMA_VERSION,
        framework: framework.right,
        rounds: rounds.right,
      }
      if (u.instruments !== undefined) out.instruments = instruments.right
      if (u.raters !== undefined) out.raters = raters.right
      return t.success(out as unknown as Evaluation)
    },
    (ev) => encodeEvaluation(ev),
  )

/**
 * The io-ts codec of an {@link Evaluation} with the default limits (see `evaluationC`).
 * @example
 * isRight(EvaluationC.decode(JSON.parse(JSON.stringify(ev)))) //=> true
 * isLeft(EvaluationC.decode({ title: 'no more than a title' })) //=> true
 */
export const EvaluationC: t.Type<Evaluation, unknown, unknown> = evaluationC()

/** The default of `DecodeOptions.maxProblems`. */
export const DEFAULT_MAX_PROBLEMS = 1000

/** Options of `decodeEvaluation` and `parseEvaluation`: the input limits (see `DecodeLimits`) and how many problems to list. */
export interface DecodeOptions extends DecodeLimits {
  /**
   * The most problems listed. A hostile document can hold millions (a
   * million bad ratings); past this many they are only counted, and one more
   * problem (code `limit`, at the end) says how many were left out. Default
   * 1,000 (`DEFAULT_MAX_PROBLEMS`); at least 1.
   */
  readonly maxProblems?: number
}

/**
 * A cross-field check over a document of valid shape, which a concept
 * contributes to the full decoder (`document/`): it is told how many problems
 * it may still list, and stops building them there. The foundation's own
 * checks are `documentProblems`, `attributeProblems` and `observationProblems`.
 */
export type DocumentCheck = (ev: Evaluation, max: number) => readonly Problem[]

/** Problems up to a maximum, and a count of those past it. */
class ProblemList {
  readonly listed: Problem[] = []
  omitted = 0
  /** Whether a check stopped at the bound, so that `omitted` is a lower bound. */
  stopped = false
  constructor(readonly max: number) {}
  add(p: Problem): void {
    if (this.listed.length < this.max) this.listed.push(p)
    else this.omitted++
  }
  /** The listed problems, and one `limit` problem saying how many were left out (if any). */
  result(): Problem[] {
    if (this.omitted === 0) return this.listed
    const more: Problem = {
      ...problem([], `at most ${this.max} problems listed (the maxProblems option)`, null, 'limit', 'the document'),
      found: `${this.omitted.toLocaleString('en')} more${this.stopped ? ' at least (checking stopped at the bound)' : ''}`,
    }
    return [...this.listed, more]
  }
}

/** The rules of `DecodeOptions`: counts, so NaN or `'abc'` cannot switch a check off. */
const DECODE_OPTION_RULES = {
  maxProblems: integerAtLeast(1),
  maxDepth: integerAtLeast(1),
  maxStringLength: integerAtLeast(0),
  maxItems: integerAtLeast(0),
}

/**
 * Decode an evaluation document: the input limits, the shape of every part
 * and every rating reference (checked while decoding), then the given
 * cross-field checks, in order, on a document of valid shape. The full
 * decoder, `decodeEvaluation` (in `document/`), is this with every concept's
 * checks; see it for what is checked and how problems are listed.
 * @param input - a parsed JSON value (or a value built in code).
 * @param checks - the cross-field checks to run, in order.
 * @param options - input limits (defaults in `DEFAULT_LIMITS`) and `maxProblems` (default 1,000).
 * @returns `right(evaluation)` or `left(problems)`, each with a JSON path and a domain `where`.
 * @example
 * const json = JSON.parse(JSON.stringify(ev))
 * isRight(decodeEvaluationWith(json, [documentProblems])) //=> true // shape and foundation checks only
 * decodeEvaluationWith({ ...json, rounds: [json.rounds[0], json.rounds[0]] }, [documentProblems])
 * //=> left([… , { path: ['rounds', 1, 'id'], code: 'duplicate', … }]) // and each rating of the now unknown round r2
 */
export const decodeEvaluationWith = (
  input: unknown,
  checks: readonly DocumentCheck[],
  options: DecodeOptions = {},
): Result<Evaluation> => {
  const bad = optionProblems('decodeEvaluation', options, DECODE_OPTION_RULES)
  if (bad.length > 0) return E.left(bad)
  const limits = resolveLimits(options)
  // The ratings (nearly all of a big document) are checked against the limits by their own codec, in its one pass.
  const list = new ProblemList(Math.max(1, options.maxProblems ?? DEFAULT_MAX_PROBLEMS))
  const tooBig = limitProblems(input, limits, isRatingsPath)
  if (tooBig.length > 0) {
    // Listed under maxProblems like any other problems; the walk stops at its own bound, so a count
    // that reached it is a lower bound.
    for (const p of tooBig) list.add(p)
    if (tooBig.length >= MAX_LIMIT_PROBLEMS) list.stopped = true
    return E.left(list.result())
  }
  // Decode a copy (the ratings are copied by their own codecs): the result shares nothing with the input,
  // so a caller who later changes their input cannot change the document behind its caches.
  const own = copyData(input, isRatingsPath)
  // Ratings that name unknown things are still well-typed: collect those problems and carry on.
  const deferred: CodedValidationError[] = []
  const budget: ErrorBudget = { max: list.max, built: 0, omitted: 0 }
  const shaped = evaluationC(limits, deferred, budget).decode(own)
  const errors = E.isLeft(shaped) ? [...shaped.left, ...deferred] : deferred
  const fromErrors = problemsFromErrorsUpTo(errors, own, list.max)
  for (const p of fromErrors.problems) list.add(p)
  list.omitted += fromErrors.omitted + budget.omitted
  if (E.isLeft(shaped)) return E.left(list.result())
  // +1: a check that finds one problem past the bound makes the list say that more were left out.
  for (const check of checks) {
    const max = list.max - list.listed.length + 1
    const found = runCheck(check, shaped.right, max)
    // A check that reached its bound may have stopped early: the count of the rest is then a lower bound.
    if (found.length >= max) list.stopped = true
    for (const p of found) list.add(p)
  }
  return list.listed.length > 0 ? E.left(list.result()) : shaped
}

/**
 * Run one cross-field check. As a last resort, a stack overflow inside it
 * (e.g. `push(...list)` of a million problems) becomes a `limit` problem, so
 * no raw RangeError escapes `decodeEvaluation`.
 */
const runCheck = (
  check: (ev: Evaluation, max: number) => readonly Problem[],
  ev: Evaluation,
  max: number,
): readonly Problem[] => {
  try {
    return check(ev, max)
  } catch (e) {
    if (!(e instanceof RangeError)) throw e
    return [
      {
        ...problem([], `a document that ${check.name || 'a check'} can check`, null, 'limit', 'the document'),
        found: 'a stack overflow (RangeError)',
      },
    ]
  }
}

/**
 * Parse JSON text, as a `Result`: a syntax error becomes one problem at `$`.
 * @param text - JSON text.
 * @returns `Right` with the parsed value, or `Left` with one problem.
 * @example
 * parseJson('{"a":') //=> left([{ where: 'the document', expected: 'JSON text', found: '"Unexpected end of JSON input"', … }])
 */
export const parseJson = (text: string): Result<unknown> => {
  try {
    return E.right(JSON.parse(text))
  } catch (e) {
    return E.left([problem([], 'JSON text', e instanceof Error ? e.message : String(e), 'shape', 'the document')])
  }
}

/**
 * Encode an evaluation as plain JSON data: a deep copy with ordinary objects
 * (no null prototypes), no `undefined` fields, nothing shared with `ev`.
 * `decodeEvaluation(encodeEvaluation(ev))` gives back an equal evaluation.
 * @param ev - a valid evaluation.
 * @returns the evaluation as plain JSON data.
 * @example
 * JSON.stringify(encodeEvaluation(ev)) === JSON.stringify(ev) //=> true
 */
export const encodeEvaluation = (ev: Evaluation): unknown => JSON.parse(JSON.stringify(ev))
