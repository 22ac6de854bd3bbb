/**
 * Resolve a level of a rating scale from its id, label or an alias ("PM",
 * "Partly-met"), ignoring case, whitespace and punctuation.
 * @module
 */
import * as E from '../model/either.js'
import type { RatingScale, ScaleLevel } from '../model/scale.js'
import { orThrow, problem, type Result } from '../model/problem.js'
import { normaliseWording } from './lookup.js'

const indexes = new WeakMap<RatingScale, Map<string, ScaleLevel>>()
const indexOf = (scale: RatingScale): Map<string, ScaleLevel> => {
  let index = indexes.get(scale)
  if (index === undefined) {
    index = new Map()
    for (const l of scale.levels) {
      for (const name of [l.id, l.label, ...(l.aliases ?? [])]) {
        const key = normaliseWording(name)
        // The first (better) level keeps a name two levels share.
        if (!index.has(key)) index.set(key, l)
      }
    }
    indexes.set(scale, index)
  }
  return index
}

/**
 * Find the level of a scale named by `text`: its id, its label or an alias,
 * matched ignoring case, whitespace and punctuation (so "Partly-met", "partly
 * met" and "PM" all name E-MHIP's `partly`).
 *
 * Degenerate input: an unknown name or a non-string gives a `Left` with one
 * problem listing the levels. Not applicable (`"na"`) is not a level: check
 * for it before calling.
 * @param scale - the rating scale to search.
 * @param text - a level's id, label or alias.
 * @returns `Right` with the level, or `Left` with one problem listing the scale's levels.
 * @example
 * findLevel(emhipScale, 'Partly-met') //=> right({ id: 'partly', label: 'Partly met', score: 0.5, … })
 * findLevel(emhipScale, 'sort of')    //=> left([{ expected: 'a level of scale emhip (met | partly | not-met)', found: '"sort of"', … }])
 */
export const findLevel = (scale: RatingScale, text: string): Result<ScaleLevel> => {
  const found = typeof text === 'string' ? indexOf(scale).get(normaliseWording(text)) : undefined
  if (found !== undefined) return E.right(found)
  const expected = `a level of scale ${scale.id} (${scale.levels.map((l) => l.id).join(' | ')})`
  return E.left([
    problem(
      [],
      expected,
      text,
      typeof text === 'string' ? 'value' : 'shape',
      `level ${typeof text === 'string' ? JSON.stringify(text) : ''}`.trim(),
    ),
  ])
}

/**
 * Find the level of a scale named by `text`: its id, its label or an alias,
 * matched ignoring case, whitespace and punctuation (so "Partly-met", "partly
 * met" and "PM" all name E-MHIP's `partly`).
 *
 * The throwing form of {@link findLevel}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: an unknown name or a non-string throws with one
 * problem listing the levels. Not applicable (`"na"`) is not a level: check
 * for it before calling.
 * @param scale the rating scale
 * @param text a level id or one of its labels or synonyms
 * @returns the result (`ScaleLevel`), as {@link findLevel}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link findLevel} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] getLevel: …`).
 * @example
 * getLevel(emhipScale, 'NM').id //=> 'not-met'
 */
export const getLevel = (scale: RatingScale, text: string): ScaleLevel => orThrow('getLevel', findLevel(scale, text))
