/**
 * Read one cell of a ratings file as a level or a target, using the
 * framework's own data (level labels and aliases, standard and criterion ids
 * and wordings). Each distinct cell text is resolved once per import.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Framework } from '../../model/framework.js'
import type { LevelId, TargetId } from '../../model/ids.js'
import { problem, type Result } from '../../model/problem.js'
import { NOT_APPLICABLE, type NotApplicable } from '../../model/scale.js'
import { findLevel } from '../../standards/levels.js'
import { findCriterion, findStandard, normaliseWording } from '../../standards/lookup.js'

/** Spellings of "not applicable" accepted by default (matched ignoring case and punctuation). */
export const DEFAULT_NA_LABELS: readonly string[] = ['na', 'n/a', 'not applicable']

const cached = <A>(resolve: (text: string) => Result<A>): ((text: string) => Result<A>) => {
  const cache = new Map<string, Result<A>>()
  return (text) => {
    let hit = cache.get(text)
    if (hit === undefined) {
      hit = resolve(text)
      cache.set(text, hit)
    }
    return hit
  }
}

/**
 * A level reader for a framework's scale: level id, label or alias (any case,
 * any punctuation: "Partly-met", "partly met", "PM"), or one of `naLabels`
 * for not applicable.
 * @example
 * const read = levelReader(emhipFramework)
 * read('Partly-met') //=> right('partly')
 * read('N/A')        //=> right('na')
 * read('sort of')    //=> left([{ expected: 'a level of scale emhip (…) or not applicable (…)', … }])
 */
export const levelReader = (framework: Framework, naLabels: readonly string[] = DEFAULT_NA_LABELS): ((text: string) => Result<LevelId | NotApplicable>) => {
  const na = new Set(naLabels.map(normaliseWording))
  const names = new Map<string, string>()
  for (const l of framework.scale.levels) for (const n of [l.label, ...(l.aliases ?? [])]) if (!names.has(normaliseWording(n))) names.set(normaliseWording(n), n)
  const expected = `a level of scale ${framework.scale.id} (${[...names.values()].join(' | ')}) or not applicable (${naLabels.join(' | ')})`
  return cached((text) => {
    if (na.has(normaliseWording(text))) return E.right(NOT_APPLICABLE)
    const level = findLevel(framework.scale, text)
    return E.isRight(level) ? E.right(level.right.id) : E.left([problem([], expected, text, 'value', '')])
  })
}

/**
 * A target reader: a standard (id `2.4`, `Standard 2.4`, or any wording) or,
 * failing that, a criterion (id `2.4.1` or its wording).
 * @example
 * const read = targetReader(emhipFramework)
 * read('Standard 2.4') //=> right('2.4')
 * read('2.4.2')        //=> right('2.4.2')
 * read('9.9')          //=> left([{ expected: 'a standard or criterion of framework emhip (an id such as 2.4 or 2.4.1, or a wording)', … }])
 */
export const targetReader = (framework: Framework): ((text: string) => Result<TargetId>) =>
  cached((text) => {
    const standard = findStandard(framework, text)
    if (E.isRight(standard)) return E.right(standard.right.id)
    const criterion = findCriterion(framework, text)
    if (E.isRight(criterion)) return E.right(criterion.right.id)
    // A wording shared by two items is a different problem from an unknown one: say which.
    const ambiguous = [...standard.left, ...criterion.left].find((p) => p.code === 'value')
    if (ambiguous !== undefined) return E.left([{ ...ambiguous, where: '' }])
    return E.left([problem([], `a standard or criterion of framework ${framework.id} (an id such as 2.4 or 2.4.1, or a wording)`, text, 'reference', '')])
  })
