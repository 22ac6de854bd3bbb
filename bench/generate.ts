/**
 * A seeded, deterministic generator of national-scale evaluation documents,
 * for the benchmarks in bench/ and the hardening tests in test/hardening/.
 *
 * The default size is a national audit: 200 organisations (sites) × 25 units
 * × 11 standards × 18 criteria × 1 round = 990,000 criterion ratings. The
 * output is a plain, JSON-ready object that conforms to `Evaluation`
 * (src/model/evaluation.ts); it is not decoded (ratings are ordinary objects,
 * not null-prototype ones), so `JSON.stringify` of it is the text a user would
 * feed `decodeEvaluation`.
 *
 * Mixes are realistic rather than uniform:
 * - each standard's chance of "met" starts at its E-MHIP Table 5 "% fully met"
 *   (DOMAIN.md, reference L1226-L1242) and the overall partly / not-met split
 *   at the reported 62% / 17% (L1242);
 * - each unit has a maturity that shifts all its ratings, and a later round is
 *   a little better than the one before;
 * - about 3% of criteria are not applicable (`"na"`), about 4% are unrated
 *   (absent), and 2% of unit × standard blocks are not assessed at all;
 * - objective cells have totals of 1 to 5, and about 12% have an unknown
 *   attained count (`attained: null`, Table 7's `?/2`).
 *
 * Run directly to write a file into bench/data/ (git-ignored):
 *   node --import tsx bench/generate.ts [sites] [seed]
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Evaluation, Site, Unit } from '../src/model/evaluation.js'
import type { Framework, Section, Standard } from '../src/model/framework.js'
import type { Rating, RoundRatings } from '../src/model/ratings.js'
import type { ObjectiveCell, ObjectiveType, Attribution, ImpactLevel } from '../src/model/objectives.js'
import type { RatingScale } from '../src/model/scale.js'
import { asId } from '../src/model/ids.js'
import { assembleEvaluation } from '../src/model/new-evaluation.js'
import { emhipFramework } from '../src/data/emhip-framework.js'

/** Size and seed of a generated document. Every field has a default. */
export interface GenerateOptions {
  /** PRNG seed; the same seed and sizes give the same document. Default 1. */
  readonly seed?: number
  /** Organisations (sites). Default 200. */
  readonly sites?: number
  /** Rated units per site. Default 25. */
  readonly unitsPerSite?: number
  /** Standards in the framework, E-MHIP ids first (1.1 … 4.1). Default 11. */
  readonly standards?: number
  /**
   * Mean criteria per standard. Standards vary around it (±3) when it is at
   * least 4, but the framework always has exactly `standards × criteriaPerStandard`
   * criteria. Default 18.
   */
  readonly criteriaPerStandard?: number
  /** Rating rounds (baseline, follow-up, …). Default 1. */
  readonly rounds?: number
  /**
   * A framework to rate instead of the generated one (e.g. the embedded
   * E-MHIP framework); `standards` and `criteriaPerStandard` are then unused.
   * Its scale's levels are used best first; a standard without criteria is
   * rated itself. Default: the generated framework.
   */
  readonly framework?: Framework
  /**
   * Rate each site (organisation) as a whole: the site carries the ratings
   * (`site.ratings`) and has no units (`unitsPerSite` is then unused).
   * Default false.
   */
  readonly siteLevel?: boolean
  /**
   * A further instrument (with its own scale), rated on every rated entity
   * beside the first, in `instrumentRatings`. Its ratings come from a
   * separate random stream, so the first instrument's are those of the same
   * options without it. Default none.
   */
  readonly instrument?: Framework
  /**
   * Raters of the further instrument: `raterShare` of its rated items are
   * rated by each of these raters with no counted rating recorded (so a rater
   * rule decides), the rest carry one counted rating. Default none.
   */
  readonly raters?: readonly string[]
  /** Share of the further instrument's items rated by every rater. Default 1/3. */
  readonly raterShare?: number
}

/** The defaults: about 1M criterion ratings (before unrated ones are dropped). */
export const NATIONAL: Required<
  Omit<GenerateOptions, 'framework' | 'siteLevel' | 'instrument' | 'raters' | 'raterShare'>
> = {
  seed: 1,
  sites: 200,
  unitsPerSite: 25,
  standards: 11,
  criteriaPerStandard: 18,
  rounds: 1,
}

/**
 * The second instrument of the two-instrument documents: E-MHIP's standards
 * and criteria (38 criteria, 11 standards, two of them rated directly) on a
 * four-level compliance scale.
 */
export const COMPLIANCE: Framework = {
  ...emhipFramework,
  id: 'compliance',
  title: 'Compliance review (E-MHIP standards, four-level scale)',
  scale: {
    id: 'compliance',
    label: 'Fully met / almost met / partly met / not met',
    levels: [
      { id: asId<'LevelId'>('fully'), label: 'Fully met', score: 3 },
      { id: asId<'LevelId'>('almost'), label: 'Almost met', score: 2 },
      { id: asId<'LevelId'>('partly'), label: 'Partly met', score: 1 },
      { id: asId<'LevelId'>('not'), label: 'Not met', score: 0 },
    ],
  },
}

/** The two raters of the two-instrument documents. */
export const RATERS = ['ann', 'bob'] as const

/**
 * What makes a document one with two instruments and two raters: beside
 * the first instrument's ratings, every rated entity is rated on
 * `COMPLIANCE`, a third of those items by both raters with no counted
 * rating recorded. Spread over a size: `{ ...NATIONAL, ...TWO_INSTRUMENTS }`
 * is the national document with the second instrument (200 sites × 25
 * units: 990,000 slots of the first instrument and 200,000 of the second).
 */
export const TWO_INSTRUMENTS = { instrument: COMPLIANCE, raters: RATERS } as const satisfies GenerateOptions

/** Slots (possible ratings) at the three benchmark sizes: 9,900, 99,000 and 990,000. */
export const SIZES = {
  '10k': { ...NATIONAL, sites: 2 },
  '100k': { ...NATIONAL, sites: 20 },
  '1M': { ...NATIONAL, sites: 200 },
} as const satisfies Record<string, typeof NATIONAL>

/**
 * mulberry32: a small, fast 32-bit PRNG (Tommy Ettinger, public domain),
 * good enough for test data and fully determined by its seed.
 * @example
 * const r = mulberry32(1); r() //=> 0.6270739405881613
 */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** E-MHIP standards with their Table 5 "% fully met" (DOMAIN.md §2, L1226-L1242). */
const EMHIP_STANDARDS: readonly { id: string; title: string; met: number }[] = [
  { id: '1.1', title: 'The organisation is ready for change', met: 0.19 },
  { id: '1.2', title: 'The existing organisational structure is supportive of change', met: 0.23 },
  { id: '2.1', title: 'The change programme is developed in consultation with all relevant parties', met: 0.44 },
  {
    id: '2.2',
    title: 'The needs, goals and abilities to meet these goals are communicated to relevant parties',
    met: 0.43,
  },
  { id: '2.3', title: 'The change programme uses methods that have been shown to be effective', met: 0.33 },
  { id: '2.4', title: 'All resource and budget implications of the desired change have been considered', met: 0.13 },
  { id: '3.1', title: 'The change programme includes effective change measurement and evaluation', met: 0.18 },
  { id: '3.2', title: 'Responsibility is devolved to frontline staff', met: 0.29 },
  {
    id: '3.3',
    title: 'Staff receive the training and support required to engage with the change programme',
    met: 0.22,
  },
  { id: '3.4', title: 'Staff receive constructive feedback on the progress of the change programme', met: 0.3 },
  {
    id: '4.1',
    title: 'The change programme is evaluated in terms of generating evidence & developing theory',
    met: 0.05,
  },
]
const SECTION_TITLES = ['Preconditions', 'Planning', 'Implementation', 'Follow-up']
/** Offsets around the mean criteria count; they sum to 0 so the total is exact. */
const CRITERIA_OFFSETS = [3, -2, 1, -1, 0, 2, -3, 1, -1, 0, 0]

/** The E-MHIP three-level scale (met 1, partly met 0.5, not met 0). */
export const GENERATED_SCALE: RatingScale = {
  id: 'emhip',
  label: 'E-MHIP met / partly met / not met',
  levels: [
    { id: asId<'LevelId'>('met'), label: 'Met', score: 1 },
    { id: asId<'LevelId'>('partly'), label: 'Partly met', score: 0.5 },
    { id: asId<'LevelId'>('not-met'), label: 'Not met', score: 0 },
  ],
}

const OBJECTIVE_TYPES: readonly ObjectiveType[] = [
  { id: asId<'ObjectiveTypeId'>('analysis-planning'), label: 'Analysis & planning' },
  { id: asId<'ObjectiveTypeId'>('process'), label: 'Process change' },
  { id: asId<'ObjectiveTypeId'>('outcome'), label: 'Outcome change' },
]
const ATTRIBUTIONS: readonly Attribution[] = ['high', 'medium', 'low', 'no', 'na']
const IMPACTS: readonly (ImpactLevel | 'na')[] = ['none', 'low', 'medium', 'high', 'na']

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** Standard ids beyond E-MHIP's eleven continue as sections 5, 6, … with one standard each. */
const standardSpec = (k: number): { id: string; section: string; title: string; met: number } => {
  const known = EMHIP_STANDARDS[k]
  if (known) return { ...known, section: known.id.split('.')[0]! }
  const section = String(5 + k - EMHIP_STANDARDS.length)
  return { id: `${section}.1`, section, title: `Generated standard ${section}.1`, met: 0.25 }
}

/**
 * The generated framework: `standards` standards in E-MHIP sections, each with
 * criteria ids like `2.4.7`, on the E-MHIP three-level scale.
 * @example
 * generateFramework({ standards: 11, criteriaPerStandard: 18 }).sections.length //=> 4
 */
export const generateFramework = (options: GenerateOptions = {}): Framework => {
  const { standards, criteriaPerStandard } = { ...NATIONAL, ...options }
  const sections = new Map<string, Standard[]>()
  for (let k = 0; k < standards; k++) {
    const spec = standardSpec(k)
    const inFullBlock = k < Math.floor(standards / CRITERIA_OFFSETS.length) * CRITERIA_OFFSETS.length
    const offset = criteriaPerStandard >= 4 && inFullBlock ? CRITERIA_OFFSETS[k % CRITERIA_OFFSETS.length]! : 0
    const count = criteriaPerStandard + offset
    const criteria = Array.from({ length: count }, (_, c) => ({
      id: asId<'CriterionId'>(`${spec.id}.${c + 1}`),
      text: `Criterion ${spec.id}.${c + 1} of "${spec.title}"`,
    }))
    const list = sections.get(spec.section) ?? []
    list.push({ id: asId<'StandardId'>(spec.id), title: spec.title, variants: [], criteria })
    sections.set(spec.section, list)
  }
  const sectionList: Section[] = [...sections].map(([id, stds]) => ({
    id: asId<'SectionId'>(id),
    title: SECTION_TITLES[Number(id) - 1] ?? `Section ${id}`,
    standards: stds,
  }))
  return {
    id: 'emhip-national',
    title: 'E-MHIP standards, national audit (generated)',
    scale: GENERATED_SCALE,
    sections: sectionList,
  }
}

/** Shared rating objects, one per level: the generator need not allocate 1M of them (JSON text is the same). */
const levelRating = (level: string): Rating => ({ level: level as Rating['level'] })
const NA = levelRating('na')

/**
 * One rated entity's ratings of a framework in every round: each standard's
 * chance of its top level from `met` and the entity's maturity, the worst
 * level about 17%, the levels between shared evenly; about 3% not
 * applicable, 4% unrated (absent), and 2% of standard blocks not assessed.
 */
const rateEntity = (
  rand: () => number,
  framework: Framework,
  met: readonly number[],
  rounds: readonly { readonly id: string }[],
  maturity: number,
): Record<string, Record<string, Rating>> => {
  const standards = framework.sections.flatMap((s) => s.standards)
  const levels = framework.scale.levels.map((l) => levelRating(l.id))
  const ratings: Record<string, Record<string, Rating>> = {}
  rounds.forEach((round, r) => {
    const shift = 0.15 * maturity + 0.08 * r
    const out: Record<string, Rating> = {}
    standards.forEach((std, k) => {
      if (rand() < 0.02) return
      const pTop = Math.max(0.01, Math.min(0.95, met[k]! + shift))
      const pWorst = Math.max(0.01, Math.min(0.9 - pTop, 0.17 - 0.6 * shift))
      for (const c of std.criteria.length > 0 ? std.criteria : [std]) {
        const x = rand()
        if (x < 0.04) continue
        if (x < 0.07) {
          out[c.id] = NA
          continue
        }
        const y = rand()
        const middle = levels.length - 2
        out[c.id] =
          y < pTop || levels.length === 1
            ? levels[0]!
            : y < pTop + pWorst || middle <= 0
              ? levels[levels.length - 1]!
              : levels[1 + Math.min(middle - 1, Math.floor(((y - pTop - pWorst) / (1 - pTop - pWorst)) * middle))]!
      }
    })
    ratings[round.id] = out
  })
  return ratings
}

/** Split ratings between one counted rating and every rater's own (no counted rating recorded), item by item. */
const splitByRater = (
  rand: () => number,
  framework: Framework,
  ratings: Record<string, Record<string, Rating>>,
  raters: readonly string[],
  share: number,
): {
  ratings: Record<string, Record<string, Rating>>
  byRater: Record<string, Record<string, Record<string, Rating>>>
} => {
  const levels = framework.scale.levels.map((l) => levelRating(l.id))
  const counted: Record<string, Record<string, Rating>> = {}
  const byRater: Record<string, Record<string, Record<string, Rating>>> = {}
  for (const round of Object.keys(ratings)) {
    const own: Record<string, Rating> = {}
    for (const [target, rating] of Object.entries(ratings[round]!)) {
      if (rand() >= share) {
        own[target] = rating
        continue
      }
      // Each rater gives the level or one step away from it (not applicable stays so for the first rater).
      const at = levels.findIndex((l) => l.level === rating.level)
      const item: Record<string, Rating> = {}
      raters.forEach((rater, j) => {
        const step = j === 0 || at < 0 ? 0 : Math.floor(rand() * 3) - 1
        item[rater] = at < 0 ? rating : levels[Math.max(0, Math.min(levels.length - 1, at + step))]!
      })
      ;(byRater[round] ??= {})[target] = item
    }
    counted[round] = own
  }
  return { ratings: counted, byRater }
}

/**
 * Generate a whole evaluation document, deterministic for a given seed.
 * @param options sizes and seed; defaults to `NATIONAL` (≈1M ratings).
 * @example
 * const ev = generateEvaluation({ seed: 7, sites: 2, unitsPerSite: 3, criteriaPerStandard: 4 })
 * ev.sites.length //=> 2
 * ev.sites[0].units[0].ratings.r1['2.4.1'] //=> { level: 'partly' } (or another level, absent if unrated)
 */
export const generateEvaluation = (options: GenerateOptions = {}): Evaluation => {
  const o = { ...NATIONAL, ...options }
  const rand = mulberry32(o.seed)
  const framework = options.framework ?? generateFramework(o)
  const standards = framework.sections.flatMap((s) => s.standards)
  const baseMet = standards.map((s, k) =>
    options.framework ? (EMHIP_STANDARDS.find((e) => e.id === s.id)?.met ?? 0.25) : standardSpec(k).met,
  )
  const levels = framework.scale.levels
  const [MET, PARTLY, NOT_MET] = [levels[0]!, levels[Math.min(1, levels.length - 1)]!, levels[levels.length - 1]!].map(
    (l) => levelRating(l.id),
  )
  const rounds = Array.from({ length: o.rounds }, (_, r) => ({
    id: asId<'RoundId'>(`r${r + 1}`),
    label: r === 0 ? 'Baseline' : `Follow-up ${r}`,
    date: `${2006 + r}-10-01`,
  }))

  const siteWidth = String(o.sites).length
  const unitsPerSite = options.siteLevel === true ? 1 : o.unitsPerSite
  const unitWidth = String(unitsPerSite).length
  const second = options.instrument
  const secondRand = mulberry32(o.seed + 0x9e3779b9)
  const secondMet = second?.sections.flatMap((sec) => sec.standards.map(() => 0.3)) ?? []
  const raters = options.raters ?? []
  /** The further instrument's ratings of one rated entity (nothing without one). */
  const further = (maturity: number): Pick<Unit, 'instrumentRatings'> => {
    if (second === undefined) return {}
    const all = rateEntity(secondRand, second, secondMet, rounds, maturity)
    const split =
      raters.length > 0 ? splitByRater(secondRand, second, all, raters, options.raterShare ?? 1 / 3) : { ratings: all }
    return { instrumentRatings: { [second.id]: split } as Unit['instrumentRatings'] }
  }
  const sites: Site[] = []
  for (let s = 0; s < o.sites; s++) {
    const siteId = `org-${pad(s + 1, Math.max(3, siteWidth))}`
    // Organisations differ; their units resemble each other.
    const siteMaturity = rand() * 2 - 1
    const units: Unit[] = []
    for (let u = 0; u < unitsPerSite; u++) {
      const maturity = Math.max(-1, Math.min(1, 0.6 * siteMaturity + 0.8 * (rand() * 2 - 1)))
      const ratings: Record<string, RoundRatings> = {}
      for (let r = 0; r < o.rounds; r++) {
        const shift = 0.15 * maturity + 0.08 * r
        const roundRatings: Record<string, Rating> = {}
        for (let k = 0; k < standards.length; k++) {
          const std = standards[k]!
          // 2% of unit × standard blocks were not assessed at all.
          if (rand() < 0.02) continue
          const pMet = Math.max(0.01, Math.min(0.95, baseMet[k]! + shift))
          const pNot = Math.max(0.01, Math.min(0.9 - pMet, 0.17 - 0.6 * shift))
          // A standard without criteria (E-MHIP 1.1, 1.2) is rated itself.
          for (const c of std.criteria.length > 0 ? std.criteria : [std]) {
            const x = rand()
            if (x < 0.04) continue // unrated: absent
            if (x < 0.07) {
              roundRatings[c.id] = NA
              continue
            }
            const y = rand()
            roundRatings[c.id] = y < pMet ? MET! : y < pMet + pNot ? NOT_MET! : PARTLY!
          }
        }
        ratings[rounds[r]!.id] = roundRatings
      }
      const objectiveCells: ObjectiveCell[] = []
      for (const type of OBJECTIVE_TYPES) {
        if (rand() < 0.2) continue // no objectives of this type ("-")
        const total = 1 + Math.floor(rand() * 5)
        const pAttain = Math.max(0.05, Math.min(0.95, 0.45 + 0.3 * maturity))
        let attained = 0
        for (let i = 0; i < total; i++) if (rand() < pAttain) attained++
        const unknown = rand() < 0.12
        const attr = rand() < 0.15 ? undefined : ATTRIBUTIONS[Math.floor(rand() * ATTRIBUTIONS.length)]
        objectiveCells.push({
          type: type.id,
          attained: unknown ? null : attained,
          total,
          ...(attr ? { attribution: attr } : {}),
        })
      }
      units.push({
        id: asId<'UnitId'>(`${siteId}-u${pad(u + 1, Math.max(2, unitWidth))}`),
        name: `Unit ${u + 1} of organisation ${s + 1}`,
        ratings,
        objectives: [],
        objectiveCells,
        impact: { level: IMPACTS[Math.floor(rand() * IMPACTS.length)]! },
        ...further(maturity),
      })
    }
    const site: Site = { id: asId<'SiteId'>(siteId), name: `Organisation ${s + 1}`, aliases: [`O${s + 1}`], units }
    if (options.siteLevel === true) {
      // The organisation rated as a whole: its one rated entity's ratings are the site's own.
      const [only] = units
      sites.push({
        ...site,
        units: [],
        ratings: only!.ratings,
        ...(only!.instrumentRatings && { instrumentRatings: only!.instrumentRatings }),
      })
    } else sites.push(site)
  }

  return assembleEvaluation({
    title: `National audit (generated, seed ${o.seed})`,
    programme: { id: 'national', name: 'National change programme (generated)' },
    framework,
    rounds,
    sites,
    objectiveTypes: OBJECTIVE_TYPES,
    ...(second && { instruments: [second] }),
    ...(raters.length > 0 && { raters: raters.map((id) => ({ id: asId<'RaterId'>(id), name: `Rater ${id}` })) }),
  })
}

/**
 * The same document as JSON text, what `decodeEvaluation` benchmarks read.
 * @example
 * JSON.parse(generateJson({ sites: 1, unitsPerSite: 1 })).schemaVersion //=> 1
 */
export const generateJson = (options: GenerateOptions = {}): string => JSON.stringify(generateEvaluation(options))

/**
 * Count the counted ratings actually present in a document on its default
 * instrument (all rounds, units' and sites' own), e.g. to report time per
 * rating.
 * @example
 * countRatings(generateEvaluation()) //=> about 920,000 of 990,000 slots
 */
export const countRatings = (ev: Evaluation): number => {
  let n = 0
  for (const site of ev.sites)
    for (const unit of site.units)
      for (const round in unit.ratings) n += Object.keys(unit.ratings[round as keyof typeof unit.ratings]!).length
  for (const site of ev.sites)
    for (const round in site.ratings ?? {}) n += Object.keys(site.ratings![round as keyof typeof site.ratings]!).length
  return n
}

/**
 * Count every rating of a document: the counted ratings on every instrument
 * and every rater's own (`byRater`), of units and of sites rated as a whole.
 * @example
 * countEveryRating(generateEvaluation({ ...TWO_INSTRUMENTS })) //=> about 1.18M
 */
export const countEveryRating = (ev: Evaluation): number => {
  type Rec = Readonly<Record<string, Readonly<Record<string, unknown>>>>
  const counted = (r: Rec | undefined): number =>
    r === undefined ? 0 : Object.values(r).reduce((n, round) => n + Object.keys(round).length, 0)
  const byRater = (r: Readonly<Record<string, Rec>> | undefined): number =>
    r === undefined ? 0 : Object.values(r).reduce((n, round) => n + counted(round), 0)
  const entity = (e: Site | Unit): number => {
    let n = counted(e.ratings as Rec | undefined) + byRater(e.byRater as never)
    for (const on of Object.values(e.instrumentRatings ?? {}) as { ratings: Rec; byRater?: never }[])
      n += counted(on.ratings) + byRater(on.byRater)
    return n
  }
  let n = 0
  for (const site of ev.sites) {
    n += entity(site)
    for (const unit of site.units) n += entity(unit)
  }
  return n
}

// Run directly: write bench/data/evaluation-<sites>-<seed>.json.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sites = Number(process.argv[2] ?? NATIONAL.sites)
  const seed = Number(process.argv[3] ?? NATIONAL.seed)
  const file = join(dirname(fileURLToPath(import.meta.url)), 'data', `evaluation-${sites}-${seed}.json`)
  mkdirSync(dirname(file), { recursive: true })
  const t0 = performance.now()
  const ev = generateEvaluation({ sites, seed })
  writeFileSync(file, JSON.stringify(ev))
  console.log(`${file}: ${countRatings(ev)} ratings in ${(performance.now() - t0).toFixed(0)} ms`)
}
