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

/** Memoise a lookup so that it is built on first use only. */
const lazy = <A>(build: () => A): (() => A) => {
  let value: A | undefined
  return () => (value ??= build())
}

/**
 * Build the lookups for one check or query. Each is built on first use, so an
 * edit that only looks at configurations does not index every unit of a large
 * document.
 * @param ev the evaluation
 * @returns the lookups (ids of elements, configurations, sites, units, standards, informants, …), each built on first use
 * @example
 * const refs = evaluationRefs(withMhipTheory(mhipEvaluation))
 * refs.elements.get('low-impact').role //=> 'outcome'
 */
export const evaluationRefs = (ev: Evaluation): EvaluationRefs => {
  const units = lazy(() => {
    const unitSite = new Map<string, string>()
    const objectives = new Set<string>()
    for (const s of ev.sites)
      for (const u of s.units) {
        if (!unitSite.has(u.id)) unitSite.set(u.id, s.id)
        for (const o of u.objectives) objectives.add(o.id)
      }
    return { unitSite, objectives }
  })
  const sites = lazy(() => new Set<string>(ev.sites.map((s) => s.id)))
  const groups = lazy(() => new Set<string>(ev.stakeholderGroups.map((g) => g.id)))
  const informants = lazy(() => byId(ev.informants))
  const sources = lazy(() => byId(ev.sources))
  const elements = lazy(() => byId(ev.elements))
  const configurations = lazy(() => byId(ev.configurations))
  const standards = lazy(() => {
    const out = new Set<string>()
    for (const sec of ev.framework.sections) for (const st of sec.standards) out.add(st.id)
    return out
  })
  const objectiveTypes = lazy(() => new Set<string>(ev.objectiveTypes.map((o) => o.id)))
  return {
    get sites() {
      return sites()
    },
    get unitSite() {
      return units().unitSite
    },
    get groups() {
      return groups()
    },
    get informants() {
      return informants()
    },
    get sources() {
      return sources()
    },
    get elements() {
      return elements()
    },
    get configurations() {
      return configurations()
    },
    get standards() {
      return standards()
    },
    get objectiveTypes() {
      return objectiveTypes()
    },
    get objectives() {
      return units().objectives
    },
  }
}

/**
 * Problems-friendly duplicate finder: each item whose key was already seen,
 * with the index of its first occurrence, yielded lazily (a caller that stops
 * early does not scan, or allocate for, the rest).
 * @param xs the items
 * @param key an item's key (its id)
 * @returns a generator of each repeat: its index, the index of the first item with that key, and the key
 * @example
 * [...duplicateEntries([{ id: 'a' }, { id: 'b' }, { id: 'a' }], (x) => x.id)] //=> [{ index: 2, first: 0, key: 'a' }]
 */
export function* duplicateEntries<A>(
  xs: readonly A[],
  key: (a: A) => string,
): Generator<{ index: number; first: number; key: string }> {
  const seen = new Map<string, number>()
  for (let index = 0; index < xs.length; index++) {
    const k = key(xs[index]!)
    const first = seen.get(k)
    if (first === undefined) seen.set(k, index)
    else yield { index, first, key: k }
  }
}

/**
 * All of `duplicateEntries`, as an array.
 * @param xs the items
 * @param key an item's key (its id)
 * @returns each repeat: its index, the index of the first item with that key, and the key
 * @example
 * duplicateIndexes(['x', 'y', 'x', 'x'], (s) => s) //=> [{ index: 2, first: 0, key: 'x' }, { index: 3, first: 0, key: 'x' }]
 */
export const duplicateIndexes = <A>(
  xs: readonly A[],
  key: (a: A) => string,
): { index: number; first: number; key: string }[] => [...duplicateEntries(xs, key)]
