import type { Evaluation } from '../model/evaluation.js'
import type { EvidenceLink, EvidenceSource, Excerpt, Informant } from '../model/evidence.js'
import type {
  CmoElement,
  Configuration,
  ConfigurationSnapshot,
  ElementRole,
  ProgrammeTheory,
  TheoryVersion,
} from '../model/cmo.js'
import { appendAll, MAX_LISTED_PROBLEMS, problem, showList, type Problem } from '../model/problem.js'
import { canTransition, describeNextStatuses } from './lifecycle.js'
import { duplicateEntries, evaluationRefs, type EvaluationRefs } from './refs.js'

/** A JSON path into the document: keys and list indices. */
export type Path = readonly (string | number)[]

/**
 * Duplicate keys in a list, as problems at the later occurrences. Internal.
 * @param xs the items
 * @param key an item's key (its id)
 * @param path the list's path in the document
 * @param what what the items are, for the message (`element`)
 * @param max the most problems built; default no limit
 * @returns one `duplicate` problem per repeat, up to `max`
 * @example
 * duplicates([{ id: 'a' }, { id: 'a' }], (x) => x.id, ['elements'], 'element')
 * //=> [{ path: ['elements', 1], code: 'duplicate', … }]
 */
export const duplicates = <A>(
  xs: readonly A[],
  key: (a: A) => string,
  path: Path,
  what: string,
  max = Infinity,
): Problem[] => {
  const out: Problem[] = []
  if (max <= 0) return out
  for (const p of duplicatesLazy(xs, key, path, what)) if (out.push(p) >= max) break
  return out
}

export { MAX_LISTED_PROBLEMS }

/** Collects problems up to `MAX_LISTED_PROBLEMS`, then notes that checking stopped. */
class Bounded {
  readonly out: Problem[] = []
  private stopped = false
  constructor(readonly max: number = MAX_LISTED_PROBLEMS) {}
  get full(): boolean {
    return this.out.length >= this.max
  }
  /** How many more problems may be listed. */
  get remaining(): number {
    return Math.max(0, this.max - this.out.length)
  }
  add(ps: Iterable<Problem>): void {
    for (const p of ps) {
      if (this.full) return void (this.stopped = true)
      this.out.push(p)
    }
  }
  /** Run `check` on each item until the bound is reached. */
  each<A>(xs: readonly A[], check: (x: A, i: number) => Iterable<Problem>): void {
    for (let i = 0; i < xs.length; i++) {
      if (this.full) return void (this.stopped = true)
      this.add(check(xs[i]!, i))
    }
  }
  result(what: string): Problem[] {
    if (!this.stopped) return this.out
    return [
      ...this.out,
      problem([], `at most ${this.max} listed ${what} problems`, 'more (checking stopped there)', 'limit', what),
    ]
  }
}

/** Duplicates as a lazy sequence, so a bounded collector builds only what it keeps. */
function* duplicatesLazy<A>(xs: readonly A[], key: (a: A) => string, path: Path, what: string): Generator<Problem> {
  for (const { index, first, key: k } of duplicateEntries(xs, key))
    yield problem(
      [...path, index],
      `a unique ${what} id (first used at index ${first})`,
      k,
      'duplicate',
      `${what} ${k}`,
    )
}

/**
 * A dangling reference. Internal.
 * @param path where the reference is in the document
 * @param where the domain name of that place (`informant i1 › group`)
 * @param expected what it should name
 * @param found the id it names
 * @returns a `reference` problem
 * @example
 * missing(['informants', 0, 'group'], 'informant i1 › group', 'a stakeholder group id of this evaluation', 'nobody')
 * //=> { path: ['informants', 0, 'group'], where: 'informant i1 › group', expected: 'a stakeholder group id of this evaluation', found: '"nobody"', code: 'reference' }
 */
export const missing = (path: Path, where: string, expected: string, found: string): Problem =>
  problem(path, expected, found, 'reference', where)

// ---- evidence -------------------------------------------------------------

/**
 * References of one informant (at `informants[i]`). Internal: edits reuse it.
 * @param inf the informant
 * @param i its index in `informants`
 * @param refs the evaluation's lookups (`evaluationRefs`)
 * @returns a problem for an unknown group and for an unknown site
 * @example
 * informantProblems({ id: 'i1', group: 'nobody' }, 0, { groups: new Set(['mht-senior']), sites: new Set() })
 * //=> [{ path: ['informants', 0, 'group'], where: 'informant i1 › group', code: 'reference', … }]
 */
export const informantProblems = (inf: Informant, i: number, refs: EvaluationRefs): Problem[] => {
  const out: Problem[] = []
  if (inf.group !== undefined && !refs.groups.has(inf.group))
    out.push(
      missing(
        ['informants', i, 'group'],
        `informant ${inf.id} › group`,
        'a stakeholder group id of this evaluation',
        inf.group,
      ),
    )
  if (inf.site !== undefined && !refs.sites.has(inf.site))
    out.push(missing(['informants', i, 'site'], `informant ${inf.id} › site`, 'a site id of this evaluation', inf.site))
  return out
}

/**
 * References of one evidence source (at `sources[i]`). Internal.
 * @param src the source
 * @param i its index in `sources`
 * @param refs the evaluation's lookups (`evaluationRefs`)
 * @returns a problem for an unknown site, else none
 * @example
 * sourceProblems({ id: 's1', kind: 'document', site: 'kent' }, 0, { sites: new Set(['leicestershire']) })
 * //=> [{ where: 'source s1 › site', found: '"kent"', … }]
 */
export const sourceProblems = (src: EvidenceSource, i: number, refs: EvaluationRefs): Problem[] =>
  src.site !== undefined && !refs.sites.has(src.site)
    ? [missing(['sources', i, 'site'], `source ${src.id} › site`, 'a site id of this evaluation', src.site)]
    : []

/**
 * Attribution and links of one excerpt (at `excerpts[i]`). Internal.
 * @param x the excerpt
 * @param i its index in `excerpts`
 * @param refs the evaluation's lookups (`evaluationRefs`)
 * @param max the most problems built; default no limit
 * @returns problems for an unknown informant or source, and for each link's target
 * @example
 * const refs = { informants: new Map(), sources: new Map(), elements: new Map(), configurations: new Map() }
 * excerptProblems({ id: 'x1', label: 'Q1', kind: 'quote', text: '…', informant: 'i9', links: [] }, 0, refs)
 * //=> [{ where: 'excerpt Q1 › informant', code: 'reference', … }]
 */
export const excerptProblems = (x: Excerpt, i: number, refs: EvaluationRefs, max = Infinity): Problem[] => {
  const out: Problem[] = []
  const at = `excerpt ${x.label}`
  if (x.informant !== undefined && !refs.informants.has(x.informant))
    out.push(
      missing(['excerpts', i, 'informant'], `${at} › informant`, 'an informant id of this evaluation', x.informant),
    )
  if (x.source !== undefined && !refs.sources.has(x.source))
    out.push(missing(['excerpts', i, 'source'], `${at} › source`, 'a source id of this evaluation', x.source))
  for (let j = 0; j < x.links.length && out.length < max; j++)
    appendAll(out, evidenceLinkProblems(x.links[j]!, ['excerpts', i, 'links', j], `${at} › link ${j + 1}`, refs))
  return out
}

/**
 * One evidence link: exactly one target, and that target exists. Internal.
 * @param l the link
 * @param path its path in the document
 * @param at the domain name of the link, for `where` (`excerpt Q1 › link 1`)
 * @param refs the evaluation's lookups (`evaluationRefs`)
 * @returns the link's problems; none when it names one existing target
 * @example
 * const refs = { elements: new Map(), configurations: new Map([['c1', {}]]) }
 * evidenceLinkProblems({ configuration: 'c1', stance: 'supports' }, ['excerpts', 0, 'links', 0], 'excerpt Q1 › link 1', refs) //=> []
 */
export const evidenceLinkProblems = (l: EvidenceLink, path: Path, at: string, refs: EvaluationRefs): Problem[] => {
  const out: Problem[] = []
  if ((l.element === undefined) === (l.configuration === undefined))
    out.push(
      problem(
        path,
        'exactly one of element or configuration',
        l.element === undefined ? undefined : { element: l.element, configuration: l.configuration },
        'consistency',
        at,
      ),
    )
  if (l.element !== undefined && !refs.elements.has(l.element))
    out.push(missing([...path, 'element'], `${at} › element`, 'a CMO element id of this evaluation', l.element))
  if (l.configuration !== undefined && !refs.configurations.has(l.configuration))
    out.push(
      missing(
        [...path, 'configuration'],
        `${at} › configuration`,
        'a configuration id of this evaluation',
        l.configuration,
      ),
    )
  return out
}

/**
 * Referential checks of an evaluation's evidence: stakeholder groups,
 * informants, sources and excerpts. Run by `decodeEvaluation` after the shape
 * is decoded; usable alone on any `Evaluation`.
 *
 * Reports: duplicate ids (groups, informants, sources, excerpts); an
 * informant whose group or site does not exist; a source whose site does not
 * exist; an excerpt pointing at a missing informant or source; an evidence
 * link that names neither or both of an element and a configuration, or a
 * missing one. A repeated excerpt label and an excerpt with no attribution
 * are register defects, not broken references: a document holds them, and
 * `evidenceFindings` lists them with the other register checks.
 *
 * @param ev the evaluation document
 * @param max the most problems listed (default `MAX_LISTED_PROBLEMS`); checking stops there
 * @returns every problem found, in document order, up to `max`
 *   (then one `limit` problem: checking stopped); `[]` when all is well
 * @example
 * evidenceProblems({ ...ev, informants: [{ id: 'i1', group: 'nobody' }] })
 * //=> [{ path: ['informants', 0, 'group'], where: 'informant i1 › group',
 * //      expected: 'a stakeholder group id of this evaluation', found: '"nobody"', code: 'reference' }]
 */
export const evidenceProblems = (ev: Evaluation, max = MAX_LISTED_PROBLEMS): Problem[] => {
  const refs = evaluationRefs(ev)
  const b = new Bounded(max)
  b.add(duplicatesLazy(ev.stakeholderGroups, (g) => g.id, ['stakeholderGroups'], 'stakeholder group'))
  b.add(duplicatesLazy(ev.informants, (i) => i.id, ['informants'], 'informant'))
  b.add(duplicatesLazy(ev.sources, (s) => s.id, ['sources'], 'source'))
  b.add(duplicatesLazy(ev.excerpts, (x) => x.id, ['excerpts'], 'excerpt'))
  b.each(ev.informants, (inf, i) => informantProblems(inf, i, refs))
  b.each(ev.sources, (src, i) => sourceProblems(src, i, refs))
  b.each(ev.excerpts, (x, i) => excerptProblems(x, i, refs, b.remaining + 1))
  return b.result('evidence')
}

// ---- theory ---------------------------------------------------------------

/**
 * Role history and tags of one element (at `elements[i]`). Internal.
 * @param el the element
 * @param i its index in `elements`
 * @param refs the evaluation's lookups (`evaluationRefs`)
 * @param max the most problems built; default no limit
 * @returns problems of a role history that does not chain to the role, and of unknown standards, objective types or objectives
 * @example
 * const refs = { standards: new Set(['1.1', '1.2']), objectiveTypes: new Set(), objectives: new Set() }
 * elementProblems({ id: 'readiness', label: 'Readiness', role: 'context', standards: ['9.9'] }, 0, refs)
 * //=> [{ path: ['elements', 0, 'standards', 0], code: 'reference', … }]
 */
export const elementProblems = (el: CmoElement, i: number, refs: EvaluationRefs, max = Infinity): Problem[] => {
  const out: Problem[] = []
  const at = `element ${el.id}`
  const history = el.roleHistory ?? []
  history.forEach((h, j) => {
    if (out.length >= max) return
    const path = ['elements', i, 'roleHistory', j]
    if (h.from === h.to)
      out.push(
        problem([...path, 'to'], `a role other than ${h.from}`, h.to, 'consistency', `${at} › role change ${j + 1}`),
      )
    if (h.previous.role !== h.from)
      out.push(
        problem(
          [...path, 'previous', 'role'],
          `the role the change is from (${h.from})`,
          h.previous.role,
          'consistency',
          `${at} › role change ${j + 1}`,
        ),
      )
    const next = history[j + 1]?.from ?? el.role
    if (h.to !== next)
      out.push(
        problem(
          [...path, 'to'],
          `the role that follows (${next})`,
          h.to,
          'consistency',
          `${at} › role change ${j + 1}`,
        ),
      )
  })
  if (el.role === 'context')
    (el.standards ?? []).forEach((s, j) => {
      if (out.length < max && !refs.standards.has(s))
        out.push(missing(['elements', i, 'standards', j], `${at} › standard`, 'a standard id of the framework', s))
    })
  if (el.role === 'outcome') {
    ;(el.objectiveTypes ?? []).forEach((o, j) => {
      if (out.length < max && !refs.objectiveTypes.has(o))
        out.push(
          missing(
            ['elements', i, 'objectiveTypes', j],
            `${at} › objective type`,
            'an objective type id of this evaluation',
            o,
          ),
        )
    })
    ;(el.objectives ?? []).forEach((o, j) => {
      if (out.length < max && !refs.objectives.has(o))
        out.push(missing(['elements', i, 'objectives', j], `${at} › objective`, 'an objective id of some unit', o))
    })
  }
  return out
}

/**
 * Check the element lists of a configuration (live or snapshot) against a
 * role lookup: each id exists and has the role of the slot it sits in.
 */
const slotProblems = (
  c: ConfigurationSnapshot,
  path: Path,
  at: string,
  roleOf: (id: string) => ElementRole | undefined,
  known: string,
  max = Infinity,
): Problem[] => {
  const out: Problem[] = []
  const check = (id: string, slotPath: Path, slot: string, role: ElementRole) => {
    if (out.length >= max) return
    const actual = roleOf(id)
    if (actual === undefined) out.push(missing(slotPath, `${at} › ${slot}`, `a CMO element id ${known}`, id))
    else if (actual !== role)
      out.push(
        problem(slotPath, `an element whose role is ${role}`, `${id} (a ${actual})`, 'consistency', `${at} › ${slot}`),
      )
  }
  if (c.contexts.length === 0)
    out.push(problem([...path, 'contexts'], 'at least one context', c.contexts, 'consistency', `${at} › contexts`))
  if (c.mechanisms.length === 0)
    out.push(
      problem([...path, 'mechanisms'], 'at least one mechanism', c.mechanisms, 'consistency', `${at} › mechanisms`),
    )
  c.contexts.forEach((id, j) => check(id, [...path, 'contexts', j], 'context', 'context'))
  c.mechanisms.forEach((id, j) => check(id, [...path, 'mechanisms', j], 'mechanism', 'mechanism'))
  check(c.outcome, [...path, 'outcome'], 'outcome', 'outcome')
  for (const list of ['contexts', 'mechanisms'] as const)
    for (const d of duplicateEntries(c[list], (x) => x)) {
      if (out.length >= max) break
      out.push(
        problem(
          [...path, list, d.index],
          `each element once (also at index ${d.first})`,
          d.key,
          'duplicate',
          `${at} › ${list}`,
        ),
      )
    }
  return out
}

/**
 * Slots, scope and status history of one configuration (at `configurations[i]`).
 * Linear in the configuration's size: the scope's sites are a Set, the message
 * naming them is built once and bounded (`showList`), and no more than `max`
 * problems are built. Internal: edits reuse it.
 * @param c the configuration
 * @param i its index in `configurations`
 * @param refs the evaluation's lookups (`evaluationRefs`)
 * @param max the most problems built; default no limit
 * @returns the configuration's problems; none when it is sound
 * @example
 * const refs = { elements: new Map([['ready', { role: 'context' }], ['low', { role: 'outcome' }]]), sites: new Set(), unitSite: new Map() }
 * const c1 = { id: 'c1', label: 'C1', contexts: ['ready'], mechanisms: ['ready'], outcome: 'low', direction: 'fires',
 *   scope: { sites: [], units: [] }, status: 'hypothesised', statusHistory: [] }
 * configurationProblems(c1, 0, refs)
 * //=> [{ path: ['configurations', 0, 'mechanisms', 0], expected: 'an element whose role is mechanism', code: 'consistency', … }]
 */
export const configurationProblems = (c: Configuration, i: number, refs: EvaluationRefs, max = Infinity): Problem[] => {
  const at = `configuration ${c.id}`
  const path = ['configurations', i]
  const out = slotProblems(c, path, at, (id) => refs.elements.get(id)?.role, 'of this evaluation', max)
  for (let j = 0; j < c.scope.sites.length && out.length < max; j++) {
    const s = c.scope.sites[j]!
    if (!refs.sites.has(s))
      out.push(missing([...path, 'scope', 'sites', j], `${at} › scope › site`, 'a site id of this evaluation', s))
  }
  const scopeSites = new Set<string>(c.scope.sites)
  let outside: string | undefined
  for (let j = 0; j < c.scope.units.length && out.length < max; j++) {
    const u = c.scope.units[j]!
    const site = refs.unitSite.get(u)
    if (site === undefined)
      out.push(missing([...path, 'scope', 'units', j], `${at} › scope › unit`, 'a unit id of this evaluation', u))
    else if (scopeSites.size > 0 && !scopeSites.has(site)) {
      outside ??= `a unit of the scope's sites (${showList(scopeSites)})`
      out.push(
        problem([...path, 'scope', 'units', j], outside, `${u} (site ${site})`, 'consistency', `${at} › scope › unit`),
      )
    }
  }
  // The status history must be a walk through the legal transitions ending at `status`.
  let status = 'hypothesised' as Configuration['status']
  c.statusHistory.forEach((h, j) => {
    if (out.length >= max) return
    const hp = [...path, 'statusHistory', j]
    if (h.from !== status)
      out.push(
        problem(
          [...hp, 'from'],
          `the status before this move (${status})`,
          h.from,
          'consistency',
          `${at} › status change ${j + 1}`,
        ),
      )
    else if (!canTransition(h.from, h.to))
      out.push(
        problem(
          [...hp, 'to'],
          `a legal next status after ${h.from}: ${describeNextStatuses(h.from)}`,
          h.to,
          'value',
          `${at} › status change ${j + 1}`,
        ),
      )
    status = h.to
  })
  if (c.status !== status)
    out.push(
      problem(
        [...path, 'status'],
        `the status the history ends at (${status})`,
        c.status,
        'consistency',
        `${at} › status`,
      ),
    )
  return out
}

const versionProblems = (v: TheoryVersion, path: Path, at: string, max = Infinity): Problem[] => {
  const roles = new Map(v.elements.map((e) => [e.id as string, e.role]))
  const out: Problem[] = []
  appendAll(
    out,
    duplicates(v.configurations, (c) => c.id, [...path, 'configurations'], `${at} › configuration`, max),
  )
  appendAll(
    out,
    duplicates(v.elements, (e) => e.id, [...path, 'elements'], `${at} › element`, max - out.length),
  )
  v.configurations.forEach((c, j) => {
    if (out.length >= max) return
    const at2 = `${at} › configuration ${c.id}`
    appendAll(
      out,
      slotProblems(
        c,
        [...path, 'configurations', j],
        at2,
        (id) => roles.get(id),
        "in this version's element snapshot",
        max - out.length,
      ),
    )
  })
  return out
}

/**
 * Working set and versions of one theory (at `theories[i]`). Internal.
 * @param th the theory
 * @param i its index in `theories`
 * @param refs the evaluation's lookups (`evaluationRefs`)
 * @param max the most problems built; default no limit
 * @returns problems of a missing configuration, versions out of order and snapshots that are not self-consistent
 * @example
 * programmeTheoryProblems({ id: 't1', name: 'T1', configurations: ['nope'], versions: [] }, 0, { configurations: new Map() })
 * //=> [{ path: ['theories', 0, 'configurations', 0], code: 'reference', … }]
 */
export const programmeTheoryProblems = (
  th: ProgrammeTheory,
  i: number,
  refs: EvaluationRefs,
  max = Infinity,
): Problem[] => {
  const at = `theory ${th.id}`
  const out: Problem[] = []
  th.configurations.forEach((c, j) => {
    if (out.length < max && !refs.configurations.has(c))
      out.push(
        missing(
          ['theories', i, 'configurations', j],
          `${at} › configuration`,
          'a configuration id of this evaluation',
          c,
        ),
      )
  })
  appendAll(
    out,
    duplicates(
      th.configurations,
      (c) => c,
      ['theories', i, 'configurations'],
      `${at} › configuration`,
      max - out.length,
    ),
  )
  th.versions.forEach((v, j) => {
    if (out.length >= max) return
    const path = ['theories', i, 'versions', j]
    const prev = th.versions[j - 1]?.version ?? 0
    if (!Number.isInteger(v.version) || v.version <= prev)
      out.push(
        problem(
          [...path, 'version'],
          `an integer version number above ${prev}`,
          v.version,
          'consistency',
          `${at} › version ${v.version}`,
        ),
      )
    appendAll(out, versionProblems(v, path, `${at} › version ${v.version}`, max - out.length))
  })
  return out
}

/**
 * Referential and lifecycle checks of an evaluation's programme theory:
 * elements, configurations and theories. Run by `decodeEvaluation` after
 * the shape is decoded; usable alone on any `Evaluation`.
 *
 * Reports: duplicate element, configuration and theory ids; a role history
 * that does not chain to the current role; a context tagged with an unknown
 * standard, an outcome tagged with an unknown objective type or objective; a
 * configuration with no context or no mechanism, an element id that is
 * missing or has the wrong role for its slot, a scope naming an unknown site
 * or unit (or a unit outside the scope's sites), a status history that is not
 * a walk through `STATUS_TRANSITIONS` ending at `status`; a theory naming a
 * missing configuration, version numbers that do not increase, and version
 * snapshots that are not self-consistent.
 *
 * @param ev the evaluation document
 * @param max the most problems listed (default `MAX_LISTED_PROBLEMS`); checking stops there
 * @returns every problem found, in document order, up to `max`
 *   (then one `limit` problem: checking stopped); `[]` when all is well
 * @example
 * const ev = withMhipTheory(mhipEvaluation)
 * theoryProblems(ev) //=> []
 * const wrong = { ...ev.configurations[0], mechanisms: ['insufficient-readiness'] }
 * theoryProblems({ ...ev, configurations: [wrong, ...ev.configurations.slice(1)] })
 * //=> [{ path: ['configurations', 0, 'mechanisms', 0], where: 'configuration capacity-low-impact › mechanism',
 * //      expected: 'an element whose role is mechanism', found: '"insufficient-readiness (a context)"', code: 'consistency' }]
 */
export const theoryProblems = (ev: Evaluation, max = MAX_LISTED_PROBLEMS): Problem[] => {
  const refs = evaluationRefs(ev)
  const b = new Bounded(max)
  b.add(duplicatesLazy(ev.elements, (e) => e.id, ['elements'], 'element'))
  b.add(duplicatesLazy(ev.configurations, (c) => c.id, ['configurations'], 'configuration'))
  b.add(duplicatesLazy(ev.theories, (t) => t.id, ['theories'], 'theory'))
  // Each check is told how many problems may still be listed (+1, so the bound is seen to be passed).
  b.each(ev.elements, (el, i) => elementProblems(el, i, refs, b.remaining + 1))
  b.each(ev.configurations, (c, i) => configurationProblems(c, i, refs, b.remaining + 1))
  b.each(ev.theories, (th, i) => programmeTheoryProblems(th, i, refs, b.remaining + 1))
  return b.result('theory')
}
