import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  addRegister,
  addRegisterEither,
  addSite,
  applyEdits,
  decodeEvaluation,
  evidenceFindings,
  newEvaluation,
  orThrow,
  registerOf,
  registerProblems,
  RealistError,
  type Evaluation,
} from '../../src/index.js'
import { readRegister } from '../../src/io/index.js'
import { emhipFramework } from '../../src/data/emhip-framework.js'
import { deepFreeze } from '../standards/freeze.js'
import { CHECKS, registerTsv, SITES } from './support.js'

const study = (): Evaluation =>
  orThrow(
    'test',
    applyEdits(
      newEvaluation({ title: 'Register study', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework }),
      SITES.map((s) => addSite({ id: s.id, name: s.names[0]!, aliases: s.names.slice(1) })),
    ),
  )
const { sites: _sites, ...checks } = CHECKS
const register = () => readRegister(registerTsv()).register

describe('addRegister: a register as evidence in the document', () => {
  it('adds every excerpt, one informant per (role, ordinal, site) or explicit id, the mapped groups and one source', () => {
    const { evaluation, added } = addRegister(study(), register(), checks)
    // 32 excerpts; 21 distinct informants (7 at Trust A, 8 at Trust B, 7 at Trust C, P07 counted at both A and C);
    // 4 groups from the role rules; the register's source.
    expect(added).toEqual({ excerpts: 32, informants: 21, groups: 4, sources: 1 })
    expect(
      evaluation.informants.filter((i) => i.role === 'Service Director').map((i) => [i.id, i.site, i.group]),
    ).toEqual([
      ['service director_1@a', 'a', 'senior managers'],
      ['service director_1@b', 'b', 'senior managers'],
      ['service director_2@b', 'b', 'senior managers'],
    ])
    expect(evaluation.stakeholderGroups.find((g) => g.id === 'senior managers')).toEqual({
      id: 'senior managers',
      label: 'senior managers',
      count: 6,
    })
    // A repeated label gets a distinct id and keeps its label; an unlabelled excerpt is named by its line.
    expect(evaluation.excerpts.filter((x) => x.label === 'LPT_5').map((x) => x.id)).toEqual(['LPT_5', 'LPT_5~2'])
    expect(evaluation.excerpts[25]).toMatchObject({
      id: 'excerpt-line-27',
      label: 'line 27',
      informant: 'nurse_1@b',
      source: 'quote-register',
    })
    // An attribution that does not parse is kept as printed, with no informant.
    expect(evaluation.excerpts.find((x) => x.label === 'LPT_9')).toMatchObject({
      attribution: '[Nurse_2 Trust B',
      lines: [11],
    })
    expect(evaluation.excerpts.find((x) => x.label === 'LPT_9')!.informant).toBeUndefined()
  })

  it('returns the same findings as registerProblems against the evaluation’s sites', () => {
    const { findings } = addRegister(study(), register(), checks)
    expect(findings).toEqual(registerProblems(register(), CHECKS))
    expect(findings).toHaveLength(14)
  })

  it('the document decodes, and reads back out as the same register', () => {
    const { evaluation } = addRegister(study(), register(), checks)
    const decoded = decodeEvaluation(JSON.parse(JSON.stringify(evaluation)))
    expect(E.isRight(decoded) ? 'decoded' : decoded.left.slice(0, 3)).toBe('decoded')
    expect(registerOf(evaluation, { source: 'quote-register' }).entries).toEqual(register().entries)
    // And the defects stay visible from the document alone.
    expect(evidenceFindings(evaluation, checks)).toEqual(registerProblems(register(), CHECKS))
  })

  it('does not change its input, and reuses informants and groups the evaluation has', () => {
    const base = deepFreeze(study())
    const once = addRegister(base, register(), checks).evaluation
    const twice = addRegister(once, register(), { ...checks, source: { id: 'second-copy' } })
    expect(twice.added).toEqual({ excerpts: 32, informants: 0, groups: 0, sources: 1 })
    expect(twice.evaluation.excerpts.filter((x) => x.label === 'LPT_1').map((x) => x.id)).toEqual(['LPT_1', 'LPT_1~2'])
  })

  it('refuses a bad evaluation or source id with a Left, never a TypeError', () => {
    expect(E.isLeft(addRegisterEither(undefined as never, register()))).toBe(true)
    expect(E.isLeft(addRegisterEither(study(), register(), { source: { id: '__proto__' } }))).toBe(true)
    expect(() => addRegister(study(), null as never)).toThrow(RealistError)
  })
})
