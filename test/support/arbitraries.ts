/**
 * fast-check arbitraries of valid evaluation documents, shared by the tests of
 * every folder, and one small hand-written document for example-based tests.
 *
 * Generated documents are valid under every check `decodeEvaluation` runs.
 * They are in decoded form: rating records are null-prototype objects and no
 * field holds `undefined`, so `decodeEvaluation(encodeEvaluation(x))` can be
 * compared to `x` with `toStrictEqual`.
 */
import fc from 'fast-check'
import type { Evaluation, Site, Unit } from '../../src/model/evaluation.js'
import type { Framework, Section } from '../../src/model/framework.js'
import type { Rating } from '../../src/model/ratings.js'
import type { RatingScale } from '../../src/model/scale.js'
import type { ObjectiveCell } from '../../src/model/objectives.js'
import { asId } from '../../src/model/ids.js'

/**
 * Ids that are valid but dangerous for code that uses plain objects as maps
 * (they are inherited from `Object.prototype`). The reserved `__proto__`,
 * `constructor` and `prototype` are refused by the decoder, so they are not here.
 */
export const PROTOTYPE_NAMES = ['toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'] as const

/** An id: short lowercase text, sometimes an `Object.prototype` member name, sometimes non-ASCII. */
export const idArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9.-]{0,5}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('ünit', '2.4', '1.1.1', 'a b', 'ログ') },
)

const uniqueIds = (n: number, filter: (id: string) => boolean = () => true): fc.Arbitrary<string[]> =>
  fc.uniqueArray(idArb.filter(filter), { minLength: n, maxLength: n })

/** A rating scale of 1 to 4 levels, best first, with descending scores. */
export const scaleArb: fc.Arbitrary<RatingScale> = fc
  .uniqueArray(
    idArb.filter((id) => id !== 'na'),
    { minLength: 1, maxLength: 4 },
  )
  .map((ids) => ({
    id: 'scale',
    label: 'Generated scale',
    levels: ids.map((id, i) => ({
      id: asId<'LevelId'>(id),
      label: `Level ${id}`,
      score: ids.length === 1 ? 1 : 1 - i / (ids.length - 1),
    })),
  }))

/** Sections → standards → number of criteria. */
const frameworkShapeArb = fc.array(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 3,
})

const buildFramework = (
  shape: number[][],
  sectionIds: string[],
  targetIds: string[],
  scale: RatingScale,
): Framework => {
  let next = 0
  const sections: Section[] = shape.map((standards, s) => ({
    id: asId<'SectionId'>(sectionIds[s]!),
    title: `Section ${s + 1}`,
    standards: standards.map((criteria) => ({
      id: asId<'StandardId'>(targetIds[next++]!),
      title: 'A standard',
      variants: [],
      criteria: Array.from({ length: criteria }, () => ({
        id: asId<'CriterionId'>(targetIds[next++]!),
        text: 'A criterion',
      })),
    })),
  }))
  return { id: 'generated', title: 'Generated framework', scale, sections }
}

const OBJECTIVE_TYPES = [
  { id: asId<'ObjectiveTypeId'>('process'), label: 'Process change' },
  { id: asId<'ObjectiveTypeId'>('outcome'), label: 'Outcome change' },
]

const cellArb = (type: string): fc.Arbitrary<ObjectiveCell> =>
  fc
    .integer({ min: 1, max: 5 })
    .chain((total) =>
      fc
        .option(fc.integer({ min: 0, max: total }), { nil: null })
        .map((attained) => ({ type: asId<'ObjectiveTypeId'>(type), attained, total })),
    )

const ratingArb = (levels: readonly string[], excerpts: readonly string[]): fc.Arbitrary<Rating> =>
  fc
    .record(
      {
        level: fc.constantFrom(...levels, 'na'),
        rater: fc.string({ maxLength: 6 }),
        date: fc.constantFrom('2006-10-01', '2007-03-31'),
        note: fc.string({ maxLength: 10 }),
        evidence: fc.subarray([...excerpts]),
        extensions: fc.constant(null).chain(() => extensionsArb),
      },
      { requiredKeys: ['level'] },
    )
    // A plain object: fc.record may build null-prototype ones, and decoded ratings are plain.
    .map((r) => ({ ...r }) as unknown as Rating)

/** One unit's ratings: for each round, maybe a record of some targets (null-prototype, as decoded). */
const ratingsArb = (
  rounds: readonly string[],
  targets: readonly string[],
  levels: readonly string[],
  excerpts: readonly string[],
) =>
  fc
    .tuple(
      ...rounds.map(() =>
        fc.option(fc.array(fc.tuple(fc.constantFrom(...targets), ratingArb(levels, excerpts)), { maxLength: 6 }), {
          nil: undefined,
        }),
      ),
    )
    .map((perRound) => {
      const out: Record<string, Record<string, Rating>> = Object.create(null)
      perRound.forEach((entries, r) => {
        if (entries === undefined) return
        const byTarget: Record<string, Rating> = Object.create(null)
        for (const [target, rating] of entries) byTarget[target] = rating
        out[rounds[r]!] = byTarget
      })
      return out as Unit['ratings']
    })

const unitArb = (
  id: string,
  rounds: readonly string[],
  targets: readonly string[],
  levels: readonly string[],
  excerpts: readonly string[],
): fc.Arbitrary<Unit> =>
  fc
    .record({
      name: fc.string({ maxLength: 12 }),
      ratings: ratingsArb(rounds, targets, levels, excerpts),
      cellTypes: fc.subarray(OBJECTIVE_TYPES.map((t) => t.id as string)),
      impact: fc.option(fc.constantFrom('none', 'low', 'medium', 'high', 'na'), { nil: undefined }),
      aliases: fc.option(fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }), { nil: undefined }),
    })
    .chain(({ cellTypes, impact, aliases, ...rest }) =>
      fc.tuple(...cellTypes.map(cellArb)).map((objectiveCells) => ({
        id: asId<'UnitId'>(id),
        ...rest,
        objectives: [],
        objectiveCells,
        ...(aliases !== undefined && { aliases }),
        ...(impact !== undefined && { impact: { level: impact } }),
      })),
    )

/** Size bounds of generated documents. */
export interface EvaluationArbOptions {
  readonly maxSites?: number
  readonly maxUnitsPerSite?: number
  readonly maxRounds?: number
  /**
   * Add the parts beyond one instrument (default true): 0-2 declared raters
   * with their own ratings (`byRater`), 0-1 further instrument with its own
   * scale and ratings (`instrumentRatings`), sites rated as a whole, and
   * `extensions` on the document, sites, units and raters.
   */
  readonly further?: boolean
}

/** Users' own data: a small JSON object. */
export const extensionsArb: fc.Arbitrary<Record<string, unknown>> = fc
  .dictionary(
    fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,5}$/),
    fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.record({ n: fc.integer() }),
    ),
    { minKeys: 1, maxKeys: 3 },
  )
  .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>)

/** Each rater's own ratings (null-prototype records, as decoded): round → target → rater → rating. */
const byRaterArb = (
  rounds: readonly string[],
  targets: readonly string[],
  levels: readonly string[],
  raters: readonly string[],
) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...rounds),
        fc.constantFrom(...targets),
        fc.constantFrom(...raters),
        ratingArb(levels, []),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((entries) => {
      const out: Record<string, Record<string, Record<string, Rating>>> = Object.create(null)
      for (const [round, target, rater, rating] of entries) {
        const byTarget = (out[round] ??= Object.create(null))
        ;(byTarget[target] ??= Object.create(null))[rater] = rating
      }
      return out as NonNullable<Unit['byRater']>
    })

/** The further parts of one rated entity (a unit or a site): counted ratings on the default instrument (sites only), raters' ratings, another instrument's, extensions. */
const entityExtrasArb = (
  isSite: boolean,
  rounds: readonly string[],
  targets: readonly string[],
  levels: readonly string[],
  raters: readonly string[],
  other: { readonly id: string; readonly targets: readonly string[]; readonly levels: readonly string[] } | null,
  excerpts: readonly string[],
) =>
  fc
    .record(
      {
        ratings: isSite ? ratingsArb(rounds, targets, levels, excerpts) : fc.constant(undefined),
        byRater: raters.length === 0 ? fc.constant(undefined) : byRaterArb(rounds, targets, levels, raters),
        instrument:
          other === null
            ? fc.constant(undefined)
            : fc.record({
                ratings: ratingsArb(rounds, other.targets, other.levels, excerpts),
                byRater:
                  raters.length === 0
                    ? fc.constant(undefined)
                    : fc.option(byRaterArb(rounds, other.targets, other.levels, raters), { nil: undefined }),
              }),
        extensions: extensionsArb,
      },
      { requiredKeys: [] },
    )
    .map((x) => {
      const out: Record<string, unknown> = {}
      if (x.ratings !== undefined && Object.keys(x.ratings).length > 0) out['ratings'] = x.ratings
      if (x.byRater !== undefined) out['byRater'] = x.byRater
      if (x.instrument !== undefined && other !== null) {
        const r: Record<string, unknown> = { ratings: x.instrument.ratings }
        if (x.instrument.byRater !== undefined) r['byRater'] = x.instrument.byRater
        const byInstrument = Object.create(null) as Record<string, unknown>
        byInstrument[other.id] = r
        out['instrumentRatings'] = byInstrument
      }
      if (x.extensions !== undefined) out['extensions'] = x.extensions
      return out
    })

/** A further instrument: its own sections, targets and scale (ids in their own namespace). */
const otherInstrumentArb = (id: string): fc.Arbitrary<Framework> =>
  fc.record({ shape: frameworkShapeArb, scale: scaleArb }).chain(({ shape, scale }) => {
    const targets = shape.flat().reduce((n, criteria) => n + 1 + criteria, 0)
    return fc
      .record({ sectionIds: uniqueIds(shape.length), targetIds: uniqueIds(targets) })
      .map(({ sectionIds, targetIds }) => ({
        ...buildFramework(shape, sectionIds, targetIds, { ...scale, id: `${id}-scale` }),
        id,
        title: 'Another instrument',
      }))
  })

/** The further parts of a document (see `EvaluationArbOptions.further`). */
const furtherArb = (ev: Evaluation, excerpts: readonly string[]): fc.Arbitrary<Evaluation> =>
  fc
    .record({
      raterIds: fc.uniqueArray(idArb, { maxLength: 2 }),
      other: fc.option(otherInstrumentArb('other'), { nil: undefined }),
      documentExtensions: fc.option(extensionsArb, { nil: undefined }),
    })
    .chain(({ raterIds, other, documentExtensions }) => {
      const rounds = ev.rounds.map((r) => r.id as string)
      const targets = frameworkTargets(ev.framework)
      const levels = ev.framework.scale.levels.map((l) => l.id as string)
      const o =
        other === undefined
          ? null
          : { id: other.id, targets: frameworkTargets(other), levels: other.scale.levels.map((l) => l.id as string) }
      const extras = (isSite: boolean) =>
        fc.option(entityExtrasArb(isSite, rounds, targets, levels, raterIds, o, excerpts), { nil: undefined, freq: 2 })
      return fc
        .record({
          sites: fc.tuple(
            ...ev.sites.map((site) => fc.tuple(extras(true), fc.tuple(...site.units.map(() => extras(false))))),
          ),
          raters: fc.tuple(...raterIds.map(() => fc.option(extensionsArb, { nil: undefined }))),
        })
        .map(({ sites, raters }): Evaluation => ({
          ...ev,
          ...(other !== undefined && { instruments: [other] }),
          ...(raterIds.length > 0 && {
            raters: raterIds.map((id, i) => ({
              id: asId<'RaterId'>(id),
              name: `Rater ${i + 1}`,
              ...(raters[i] !== undefined && { extensions: raters[i] }),
            })),
          }),
          ...(documentExtensions !== undefined && { extensions: documentExtensions }),
          sites: ev.sites.map((site, s) => {
            const [own, units] = sites[s]!
            return { ...site, ...own, units: site.units.map((u, k) => ({ ...u, ...units[k] })) } as Site
          }),
        }))
    })

/** Every standard and criterion id of a framework. */
const frameworkTargets = (f: Framework): string[] =>
  f.sections.flatMap((s) => s.standards.flatMap((st) => [st.id as string, ...st.criteria.map((c) => c.id as string)]))

/**
 * A valid evaluation document (decoded form): a framework of 1-3 sections,
 * 1-4 scale levels, 1-`maxRounds` rounds, 0-`maxSites` sites with
 * 0-`maxUnitsPerSite` units, ratings with optional rater/date/note/evidence,
 * objective cells and impact, a few excerpts; and (unless `further: false`)
 * raters, a further instrument, sites rated as a whole and extensions.
 */
export const evaluationArb = (options: EvaluationArbOptions = {}): fc.Arbitrary<Evaluation> =>
  fc
    .record({
      shape: frameworkShapeArb,
      unitsPerSite: fc.array(fc.nat({ max: options.maxUnitsPerSite ?? 3 }), { maxLength: options.maxSites ?? 3 }),
      rounds: fc.integer({ min: 1, max: options.maxRounds ?? 2 }),
      excerpts: fc.nat({ max: 2 }),
      scale: scaleArb,
      title: fc.string({ maxLength: 20 }),
    })
    .chain(({ shape, unitsPerSite, rounds, excerpts, scale, title }) => {
      const targets = shape.flat().reduce((n, criteria) => n + 1 + criteria, 0)
      const units = unitsPerSite.reduce((a, b) => a + b, 0)
      return fc
        .record({
          sectionIds: uniqueIds(shape.length),
          targetIds: uniqueIds(targets),
          roundIds: uniqueIds(rounds),
          siteIds: uniqueIds(unitsPerSite.length),
          unitIds: uniqueIds(units),
          excerptIds: uniqueIds(excerpts),
        })
        .chain((ids) => {
          const framework = buildFramework(shape, ids.sectionIds, ids.targetIds, scale)
          const levels = scale.levels.map((l) => l.id as string)
          const unitArbs = ids.unitIds.map((id) => unitArb(id, ids.roundIds, ids.targetIds, levels, ids.excerptIds))
          const built = fc.tuple(...unitArbs).map((allUnits): Evaluation => {
            let next = 0
            const sites: Site[] = unitsPerSite.map((n, s) => ({
              id: asId<'SiteId'>(ids.siteIds[s]!),
              name: `Site ${s + 1}`,
              aliases: [],
              units: allUnits.slice(next, (next += n)),
            }))
            return {
              schemaVersion: 2,
              title,
              programme: { id: 'programme', name: 'Generated programme' },
              framework,
              rounds: ids.roundIds.map((id, r) => ({ id: asId<'RoundId'>(id), label: `Round ${r + 1}` })),
              sites,
              objectiveTypes: OBJECTIVE_TYPES,
              stakeholderGroups: [],
              informants: [],
              sources: [{ id: asId<'SourceId'>('doc'), kind: 'document' }],
              excerpts: ids.excerptIds.map((id, k) => ({
                id: asId<'ExcerptId'>(id),
                label: `Q${k + 1}`,
                kind: 'quote' as const,
                text: 'A quote.',
                source: asId<'SourceId'>('doc'),
                links: [],
              })),
              elements: [],
              configurations: [],
              theories: [],
            }
          })
          return options.further === false ? built : built.chain((ev) => furtherArb(ev, ids.excerptIds))
        })
    })

/**
 * A small valid document in JSON form (plain objects), written out by hand so
 * that tests can break one field at a time: one site `ss` with units `acute`
 * and `crisis`, a framework with standards 1.1 (criteria 1.1.1, 1.1.2) and
 * 2.4, the E-MHIP scale, one round `r1`, one excerpt `q1` from source `doc1`.
 */
export const sampleDocument = () => ({
  schemaVersion: 1,
  title: 'Sample',
  programme: { id: 'mhip', name: 'MHIP' },
  framework: {
    id: 'emhip',
    title: 'E-MHIP standards',
    scale: {
      id: 'emhip',
      label: 'met / partly / not met',
      levels: [
        { id: 'met', label: 'Met', score: 1 },
        { id: 'partly', label: 'Partly met', score: 0.5, aliases: ['PM'] },
        { id: 'not-met', label: 'Not met', score: 0 },
      ],
    },
    sections: [
      {
        id: '1',
        title: 'Preconditions',
        standards: [
          {
            id: '1.1',
            title: 'The organisation is ready for change',
            variants: [],
            criteria: [
              { id: '1.1.1', text: 'First criterion' },
              { id: '1.1.2', text: 'Second criterion' },
            ],
          },
        ],
      },
      {
        id: '2',
        title: 'Planning',
        standards: [
          { id: '2.4', title: 'All resource and budget implications have been considered', variants: [], criteria: [] },
        ],
      },
    ],
  },
  rounds: [{ id: 'r1', label: 'Baseline', date: '2006-10-01' }],
  sites: [
    {
      id: 'ss',
      name: 'South Staffordshire',
      aliases: ['SSHT'],
      units: [
        {
          id: 'acute',
          name: 'Acute care',
          ratings: {
            r1: {
              '1.1': { level: 'met', rater: 'JB', evidence: ['q1'] },
              '1.1.1': { level: 'partly' },
              '2.4': { level: 'na' },
            },
          },
          objectives: [],
          objectiveCells: [{ type: 'process', attained: 1, total: 2 }],
        },
        { id: 'crisis', name: 'Crisis resolution', ratings: {}, objectives: [], objectiveCells: [] },
      ],
    },
  ],
  objectiveTypes: [{ id: 'process', label: 'Process change' }],
  stakeholderGroups: [],
  informants: [],
  sources: [{ id: 'doc1', kind: 'document', title: 'Workstream plan' }],
  excerpts: [{ id: 'q1', label: 'Q1', kind: 'quote', text: 'We were not ready.', source: 'doc1', links: [] }],
  elements: [],
  configurations: [],
  theories: [],
})
