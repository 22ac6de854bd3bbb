import type { Evaluation } from '../model/evaluation.js'
import type { CmoElement, Configuration } from '../model/cmo.js'
import type { EvidenceSource, Informant } from '../model/evidence.js'

/** Lookups of the ids an evaluation's evidence and theory may refer to. Internal. */
export interface EvaluationRefs {
  readonly sites: ReadonlySet<string>
  /** unit id → the id of the site holding it. */
  readonly unitSite: ReadonlyMap<string, string>
  readonly groups: ReadonlySet<string>
  readonly informants: ReadonlyMap<string, Informant>
  readonly sources: ReadonlyMap<string, EvidenceSource>
  readonly elements: ReadonlyMap<string, CmoElement>
  readonly configurations: ReadonlyMap<string, Configuration>
  readonly standards: ReadonlySet<string>
  readonly objectiveTypes: ReadonlySet<string>
  readonly objectives: ReadonlySet<string>
}

/** First one wins on duplicate ids; duplicates are reported separately. */
const byId = <A extends { readonly id: string }>(xs: readonly A[]): Map<string, A> => {
  const m = new Map<string, A>()
  for (const x of xs) if (!m.has(x.id)) m.set(x.id, x)
  return m
}

/** Build the lookups once per check or query. */
export const evaluationRefs = (ev: Evaluation): EvaluationRefs => {
  const unitSite = new Map<string, string>()
  const objectives = new Set<string>()
  for (const s of ev.sites)
    for (const u of s.units) {
      if (!unitSite.has(u.id)) unitSite.set(u.id, s.id)
      for (const o of u.objectives) objectives.add(o.id)
    }
  const standards = new Set<string>()
  for (const sec of ev.framework.sections) for (const st of sec.standards) standards.add(st.id)
  return {
    sites: new Set(ev.sites.map((s) => s.id)),
    unitSite,
    groups: new Set(ev.stakeholderGroups.map((g) => g.id)),
    informants: byId(ev.informants),
    sources: byId(ev.sources),
    elements: byId(ev.elements),
    configurations: byId(ev.configurations),
    standards,
    objectiveTypes: new Set(ev.objectiveTypes.map((o) => o.id)),
    objectives,
  }
}

/**
 * Problems-friendly duplicate finder: the indexes of every item whose key was
 * already seen, with the index of its first occurrence.
 */
export const duplicateIndexes = <A>(xs: readonly A[], key: (a: A) => string): { index: number; first: number; key: string }[] => {
  const seen = new Map<string, number>()
  const out: { index: number; first: number; key: string }[] = []
  xs.forEach((x, index) => {
    const k = key(x)
    const first = seen.get(k)
    if (first === undefined) seen.set(k, index)
    else out.push({ index, first, key: k })
  })
  return out
}
