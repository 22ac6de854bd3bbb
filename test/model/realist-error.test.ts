import { describe, expect, it, vi } from 'vitest'
import { isRealistError, RealistError, problem } from '../../src/model/problem.js'
import { wilson } from '../../src/standards/intervals/index.js'

describe('RealistError across copies of the library', () => {
  it('is recognised by instanceof and isRealistError when thrown by a second, separately loaded copy', async () => {
    vi.resetModules()
    const copy = await import('../../src/model/problem.js')
    expect(copy.RealistError).not.toBe(RealistError) // really a second class
    const err = new copy.RealistError('wilson', [problem(['k'], 'k: a finite number from 0 to n', 5)])
    expect(err instanceof RealistError).toBe(true)
    expect(isRealistError(err)).toBe(true)
    const ours = new RealistError('f', [])
    expect(ours instanceof copy.RealistError).toBe(true)
    expect(copy.isRealistError(ours)).toBe(true)
  })

  it('refuses look-alikes: a plain Error, an object with the same fields, a string, null, undefined', () => {
    const lookAlike = Object.assign(new Error('[realist-eval] f: 0 problems'), {
      name: 'RealistError',
      fn: 'f',
      problems: [],
    })
    for (const v of [new Error('x'), lookAlike, { fn: 'f', problems: [] }, 'RealistError', null, undefined]) {
      expect(isRealistError(v)).toBe(false)
      expect(v instanceof RealistError).toBe(false)
    }
  })

  it('the brand is not enumerable, so errors still serialise as before', () => {
    let caught: unknown
    try {
      wilson(5, 3)
    } catch (e) {
      caught = e
    }
    expect(isRealistError(caught) && caught.problems.length).toBe(1)
    expect(Object.keys(caught as object).sort()).toEqual(['fn', 'name', 'problems'])
  })
})
