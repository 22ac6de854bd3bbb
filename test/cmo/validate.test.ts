import { evidenceFindings } from '../../src/evidence/index.js'
import { describe, expect, it } from 'vitest'
import { evidenceProblems, theoryProblems } from '../../src/cmo/index.js'
import { MAX_LISTED_PROBLEMS } from '../../src/cmo/validate.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { evidenceSet } from './evidence-fixture.js'
import { base } from './fixtures.js'

const brief = (ps: readonly { path: readonly (string | number)[]; where: string; code: string }[]) =>
  ps.map((p) => [p.path.join('.'), p.where, p.code])
const patch = (ev: Evaluation, change: Partial<Record<keyof Evaluation, unknown>>) =>
  ({ ...ev, ...change }) as Evaluation

describe('evidenceProblems', () => {
  it('finds nothing wrong in sound evidence', () => {
    expect(evidenceProblems(evidenceSet())).toEqual([])
  })

  it('reports duplicate ids and dangling group/site/informant/source/element/configuration, with paths; register defects are findings', () => {
    const ev = evidenceSet()
    const bad = patch(ev, {
      stakeholderGroups: [...ev.stakeholderGroups, { id: 'g1', label: 'again' }],
      informants: [...ev.informants, { id: 'i7', group: 'g9', site: 'kent' }],
      sources: [...ev.sources, { id: 's2', kind: 'survey', site: 'kent' }],
      excerpts: [
        ...ev.excerpts,
        { id: 'e1', label: 'X1', kind: 'note', text: '', links: [] },
        {
          id: 'e2',
          label: 'E2',
          kind: 'note',
          text: '',
          informant: 'i99',
          source: 's99',
          links: [
            { element: 'zz', stance: 'supports' },
            { configuration: 'zz', stance: 'supports' },
          ],
        },
      ],
    })
    expect(brief(evidenceProblems(bad))).toEqual([
      ['stakeholderGroups.4', 'stakeholder group g1', 'duplicate'],
      ['informants.6.group', 'informant i7 › group', 'reference'],
      ['informants.6.site', 'informant i7 › site', 'reference'],
      ['sources.1.site', 'source s2 › site', 'reference'],
      ['excerpts.15.informant', 'excerpt E2 › informant', 'reference'],
      ['excerpts.15.source', 'excerpt E2 › source', 'reference'],
      ['excerpts.15.links.0.element', 'excerpt E2 › link 1 › element', 'reference'],
      ['excerpts.15.links.1.configuration', 'excerpt E2 › link 2 › configuration', 'reference'],
    ])
    // The repeated label X1 and the unattributed e1 are kept, and listed as register findings.
    // (e1 has no words either.)
    expect(
      evidenceFindings(bad)
        .filter((f) => f.label === 'X1' && f.line === 16)
        .map((f) => f.kind),
    ).toEqual(['duplicate-label', 'missing-text', 'missing-attribution'])
  })
})

describe('theoryProblems', () => {
  it('finds nothing wrong in a sound theory', () => {
    expect(theoryProblems(base())).toEqual([])
  })

  it('reports a status history that skips a step or does not end at the status', () => {
    const ev = base()
    const c = ev.configurations[0]!
    const skipped = patch(ev, {
      configurations: [
        { ...c, status: 'supported', statusHistory: [{ from: 'hypothesised', to: 'supported', reason: 'r' }] },
      ],
    })
    expect(theoryProblems(skipped).map((p) => [p.where, p.expected, p.found])).toEqual([
      ['configuration c1 › status change 1', 'a legal next status after hypothesised: tested', '"supported"'],
    ])
    const noHistory = patch(ev, { configurations: [{ ...c, status: 'tested' }] })
    expect(theoryProblems(noHistory).map((p) => [p.path.join('.'), p.expected])).toEqual([
      ['configurations.0.status', 'the status the history ends at (hypothesised)'],
    ])
  })

  it('reports broken role histories, unknown tags, bad scope and bad theories', () => {
    const ev = base()
    const [ready, lead, events, train, low] = ev.elements as unknown as object[]
    const bad = patch(ev, {
      elements: [
        { ...ready, roleHistory: [{ from: 'mechanism', to: 'outcome', reason: 'r', previous: { role: 'context' } }] },
        lead,
        events,
        train,
        { ...low, objectiveTypes: ['nope'] },
        { id: 'lead', label: 'dup', role: 'context' },
      ],
      configurations: [{ ...ev.configurations[0]!, scope: { sites: ['kent'], units: ['nowhere'] } }],
      theories: [
        {
          id: 't',
          name: 'T',
          configurations: ['c1', 'c1', 'zz'],
          versions: [
            { version: 2, configurations: [], elements: [] },
            {
              version: 2,
              configurations: [{ ...ev.configurations[0]!, statusHistory: undefined }],
              elements: [{ id: 'ready', label: 'R', role: 'mechanism' }],
            },
          ],
        },
      ],
    })
    expect(brief(theoryProblems(bad))).toEqual([
      ['elements.5', 'element lead', 'duplicate'],
      ['elements.0.roleHistory.0.previous.role', 'element ready › role change 1', 'consistency'],
      ['elements.0.roleHistory.0.to', 'element ready › role change 1', 'consistency'],
      ['elements.4.objectiveTypes.0', 'element low › objective type', 'reference'],
      ['configurations.0.scope.sites.0', 'configuration c1 › scope › site', 'reference'],
      ['configurations.0.scope.units.0', 'configuration c1 › scope › unit', 'reference'],
      ['theories.0.configurations.2', 'theory t › configuration', 'reference'],
      ['theories.0.configurations.1', 'theory t › configuration c1', 'duplicate'],
      ['theories.0.versions.1.version', 'theory t › version 2', 'consistency'],
      [
        'theories.0.versions.1.configurations.0.contexts.0',
        'theory t › version 2 › configuration c1 › context',
        'consistency',
      ],
      [
        'theories.0.versions.1.configurations.0.mechanisms.0',
        'theory t › version 2 › configuration c1 › mechanism',
        'reference',
      ],
      [
        'theories.0.versions.1.configurations.0.mechanisms.1',
        'theory t › version 2 › configuration c1 › mechanism',
        'reference',
      ],
      [
        'theories.0.versions.1.configurations.0.outcome',
        'theory t › version 2 › configuration c1 › outcome',
        'reference',
      ],
    ])
  })
})

describe('the listing bound', () => {
  it('lists at most MAX_LISTED_PROBLEMS problems, then one limit problem saying checking stopped', () => {
    const ev = base()
    const excerpts = Array.from({ length: 1500 }, () => ({
      id: 'same',
      label: 'L',
      kind: 'note',
      text: '',
      informant: 'nobody',
      links: [],
    }))
    const ps = evidenceProblems(patch(ev, { excerpts }))
    expect(MAX_LISTED_PROBLEMS).toBe(1000)
    expect(ps).toHaveLength(1001)
    expect(ps.slice(0, 1000).every((p) => p.code === 'duplicate')).toBe(true) // 1499 duplicate ids come first
    expect(ps[1000]).toEqual({
      path: [],
      where: 'evidence',
      expected: 'at most 1000 listed evidence problems',
      found: '"more (checking stopped there)"',
      code: 'limit',
    })
  })

  it('lists everything below the bound', () => {
    const excerpts = Array.from({ length: 300 }, (_, i) => ({
      id: `x${i}`,
      label: `L${i}`,
      kind: 'note',
      text: '',
      informant: 'nobody',
      links: [],
    }))
    const ps = evidenceProblems(patch(base(), { excerpts }))
    expect(ps).toHaveLength(300) // one dangling informant each
    expect(ps.every((p) => p.code === 'reference')).toBe(true)
  })

  it('survives a theory that lists one configuration a million times (no stack overflow from spreading)', () => {
    const configurations = Array.from({ length: 1_000_000 }, () => 'c1')
    const ps = theoryProblems(patch(base(), { theories: [{ id: 't1', name: 'T', configurations, versions: [] }] }))
    expect(ps).toHaveLength(MAX_LISTED_PROBLEMS + 1)
    expect(ps[0]!.code).toBe('duplicate')
    expect(ps.at(-1)!.code).toBe('limit')
  })
})
