import type { Evaluation } from '../model/evaluation.js'
import type { Excerpt } from '../model/evidence.js'

/** Who and where an excerpt comes from, for counting. Internal. */
export interface ExcerptOrigin {
  readonly excerpt: Excerpt
  /** The informant's stakeholder group; null for an excerpt from a source alone (a document, a survey). */
  readonly group: string | null
  /** The informant's site, else the source's site; null when neither has one (national evidence). */
  readonly site: string | null
}

/**
 * The stakeholder group and site of every excerpt. An excerpt from a source
 * alone has no stakeholder group: a document is not a perspective, so it
 * never counts towards triangulation across groups.
 * @param ev the evaluation
 * @returns one origin per excerpt, in document order
 * @example
 * // theoryEv: quote Q1 is from a South Staffordshire senior manager
 * excerptOrigins(theoryEv)[0] //=> { excerpt: { id: 'q1', … }, group: 'mht-senior', site: 'south-staffordshire' }
 */
export const excerptOrigins = (ev: Evaluation): ExcerptOrigin[] => {
  const informants = new Map(ev.informants.map((i) => [i.id as string, i]))
  const sources = new Map(ev.sources.map((s) => [s.id as string, s]))
  return ev.excerpts.map((excerpt) => {
    const inf = excerpt.informant === undefined ? undefined : informants.get(excerpt.informant)
    const src = excerpt.source === undefined ? undefined : sources.get(excerpt.source)
    return { excerpt, group: inf?.group ?? null, site: inf?.site ?? src?.site ?? null }
  })
}
