/**
 * The referential and cross-field checks of the foundation, on a document
 * whose shape is already known good: duplicate ids, a scale that defines the
 * reserved `"na"` level, a scale out of order. (Ratings are checked against
 * the framework while they are decoded, in `unitRatingsC`.)
 * @module
 */
import type { Evaluation } from './evaluation.js'
import { describePath } from './codec-kit.js'
import { problem, showPath, type Problem } from './problem.js'
import { NOT_APPLICABLE } from './scale.js'

type Path = readonly (string | number)[]
/** An id and the path of the item that carries it. */
type Entry = readonly [id: string, path: Path]

const entries = (items: readonly { readonly id: string }[], path: Path): Entry[] => items.map((item, i) => [item.id, [...path, i]])

/**
 * One `duplicate` problem for every item whose id was already used in the
 * same namespace (the first use is kept, and named in the message).
 */
const duplicates = (ev: Evaluation, list: readonly Entry[], what: string): Problem[] => {
  const out: Problem[] = []
  const seen = new Map<string, string>()
  for (const [id, path] of list) {
    const first = seen.get(id)
    const at = [...path, 'id']
    if (first !== undefined) out.push(problem(at, `a ${what} id not used before (${first} has it already)`, id, 'duplicate', describePath(ev, at)))
    else seen.set(id, showPath(path))
  }
  return out
}

/** The scale: at least one level, unique ids and aliases, no level called "na", best level first. */
const scaleProblems = (ev: Evaluation): Problem[] => {
  const scale = ev.framework.scale
  const path = ['framework', 'scale', 'levels']
  const out: Problem[] = []
  if (scale.levels.length === 0) out.push(problem(path, 'at least one level', scale.levels, 'value', `scale ${scale.id} › levels`))
  out.push(...duplicates(ev, entries(scale.levels, path), 'level'))
  const spellings = new Map<string, string>()
  scale.levels.forEach((level, i) => {
    if (level.id === NOT_APPLICABLE)
      out.push(problem([...path, i, 'id'], `a level id other than "${NOT_APPLICABLE}" (reserved for not applicable, which is not a level)`, level.id, 'value', `scale ${scale.id} › level ${level.id}`))
    const prev = scale.levels[i - 1]
    if (prev !== undefined && level.score > prev.score)
      out.push(problem([...path, i, 'score'], `a score ≤ ${prev.score} (levels are listed best first)`, level.score, 'consistency', `scale ${scale.id} › level ${level.id} › score`))
    level.aliases?.forEach((alias, j) => {
      const key = alias.toLowerCase()
      const owner = spellings.get(key)
      if (owner !== undefined && owner !== level.id)
        out.push(problem([...path, i, 'aliases', j], `an alias not used by another level (level ${owner} uses it)`, alias, 'duplicate', `scale ${scale.id} › level ${level.id} › aliases`))
      spellings.set(key, level.id)
    })
    spellings.set(level.id.toLowerCase(), level.id)
  })
  return out
}

/**
 * The foundation's checks of a shape-valid document: duplicate section,
 * standard/criterion (one namespace, since ratings are keyed by either),
 * round, site and unit ids (unit ids are unique across all sites, since edits
 * name a unit without its site), and the scale rules. Used by
 * `decodeEvaluation`; usable alone on a document built in code.
 * @param ev - an evaluation of valid shape.
 * @returns every problem found; empty for a valid document.
 * @example
 * documentProblems({ ...ev, rounds: [r1, r1] })
 * //=> [{ where: 'round r1 › id', expected: 'a round id not used before (it is already used at round r1)', code: 'duplicate', … }]
 */
export const documentProblems = (ev: Evaluation): Problem[] => {
  const out = scaleProblems(ev)
  out.push(...duplicates(ev, entries(ev.framework.sections, ['framework', 'sections']), 'section'))
  const targets = ev.framework.sections.flatMap((section, s) =>
    section.standards.flatMap((standard, k): Entry[] => {
      const path = ['framework', 'sections', s, 'standards', k]
      return [[standard.id, path], ...entries(standard.criteria, [...path, 'criteria'])]
    }),
  )
  out.push(...duplicates(ev, targets, 'standard or criterion'))
  out.push(...duplicates(ev, entries(ev.rounds, ['rounds']), 'round'))
  out.push(...duplicates(ev, entries(ev.sites, ['sites']), 'site'))
  out.push(...duplicates(ev, ev.sites.flatMap((site, s) => entries(site.units, ['sites', s, 'units'])), 'unit'))
  return out
}
