/**
 * The referential and cross-field checks of the foundation, on a document
 * whose shape is already known good: duplicate ids, a scale that defines the
 * reserved `"na"` level, a scale out of order. (Ratings are checked against
 * the framework while they are decoded, in `unitRatingsC`.)
 * @module
 */
import type { Evaluation } from './evaluation.js'
import type { Framework } from './framework.js'
import { describePath } from './codec-kit.js'
import { appendAll, problem, showName, showPath, showValue, type Problem } from './problem.js'
import { NOT_APPLICABLE } from './scale.js'

type Path = readonly (string | number)[]
/**
 * Items whose ids share one namespace, the path of the list that holds them,
 * and the index of the first item in that list (default 0).
 */
type Group = readonly [items: readonly { readonly id: string }[], path: Path, offset?: number]

/**
 * Duplicates listed one by one per namespace (sites, units, rounds, …). Past
 * this many they are summed up in one more problem: a hostile document with a
 * million copies of one id then costs a hundred problems, not a million.
 */
export const MAX_DUPLICATES_LISTED = 100

/**
 * One `duplicate` problem for every item whose id was already used in the
 * same namespace (the first use is kept, and named in the message), at most
 * `MAX_DUPLICATES_LISTED`, then one problem summing up the rest. Paths are
 * built only for first uses and listed duplicates.
 */
/** "an instrument", "an objective", but "a unit", "a site" (as `idC` says it). */
const an = (noun: string): string => (/^(?:[aeio]|u(?!ni|s))/i.test(noun) ? 'an' : 'a')

const duplicates = (ev: Evaluation, groups: readonly Group[], what: string): Problem[] => {
  const out: Problem[] = []
  const seen = new Map<string, Path>()
  let more = 0
  let moreAt: Path | undefined
  let sameId: string | null = null
  const sample = new Set<string>()
  for (const [items, path, offset = 0] of groups)
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!.id
      const first = seen.get(id)
      if (first === undefined) seen.set(id, [...path, offset + i])
      else if (out.length < MAX_DUPLICATES_LISTED) {
        const at = [...path, offset + i, 'id']
        out.push(
          problem(
            at,
            `${an(what)} ${what} id not used before (${showPath(first)} has it already)`,
            id,
            'duplicate',
            describePath(ev, at),
          ),
        )
      } else {
        if (more++ === 0) {
          moreAt = path
          sameId = id
        } else if (sameId !== id) sameId = null
        if (sample.size < 3) sample.add(id)
      }
    }
  if (moreAt !== undefined) {
    const ids = sameId !== null ? showValue(sameId) : `${[...sample].map(showValue).join(', ')}, …`
    out.push({
      path: moreAt,
      where: describePath(ev, moreAt),
      expected: `${an(what)} ${what} id not used before (the first ${MAX_DUPLICATES_LISTED} duplicates are listed; the rest reuse ${ids})`,
      found: `… and ${more.toLocaleString('en')} more`,
      code: 'duplicate',
    })
  }
  return out
}

/** The scale: at least one level, unique ids and aliases, no level called "na", best level first. */
const scaleProblems = (ev: Evaluation, framework: Framework, base: Path): Problem[] => {
  const scale = framework.scale
  const at = `scale ${showName(scale.id)}`
  const path = [...base, 'scale', 'levels']
  const out: Problem[] = []
  if (scale.levels.length === 0) out.push(problem(path, 'at least one level', scale.levels, 'value', `${at} › levels`))
  appendAll(out, duplicates(ev, [[scale.levels, path]], 'level'))
  const spellings = new Map<string, string>()
  scale.levels.forEach((level, i) => {
    if (level.id === NOT_APPLICABLE)
      out.push(
        problem(
          [...path, i, 'id'],
          `a level id other than "${NOT_APPLICABLE}" (reserved for not applicable, which is not a level)`,
          level.id,
          'value',
          `${at} › level ${showName(level.id)}`,
        ),
      )
    const prev = scale.levels[i - 1]
    if (prev !== undefined && level.score > prev.score)
      out.push(
        problem(
          [...path, i, 'score'],
          `a score ≤ ${prev.score} (levels are listed best first)`,
          level.score,
          'consistency',
          `${at} › level ${showName(level.id)} › score`,
        ),
      )
    level.aliases?.forEach((alias, j) => {
      const key = alias.toLowerCase()
      const owner = spellings.get(key)
      if (owner !== undefined && owner !== level.id)
        out.push(
          problem(
            [...path, i, 'aliases', j],
            `an alias not used by another level (level ${showName(owner)} uses it)`,
            alias,
            'duplicate',
            `${at} › level ${showName(level.id)} › aliases`,
          ),
        )
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
 *
 * Degenerate input: at most `MAX_DUPLICATES_LISTED` (100) duplicates are
 * listed per namespace; the rest are summed up in one more problem
 * (`rounds: expected a round id not used before (the first 100 duplicates are
 * listed; the rest reuse "r1"), found … and 999,899 more`).
 * @param ev - an evaluation of valid shape.
 * @returns the problems found; empty for a valid document.
 * @example
 * documentProblems(ev) //=> []
 * const [r1] = ev.rounds
 * documentProblems({ ...ev, rounds: [r1, r1] })
 * //=> [{ path: ['rounds', 1, 'id'], where: 'round r1 › id', expected: 'a round id not used before ($.rounds[0] has it already)', found: '"r1"', code: 'duplicate' }]
 */
export const documentProblems = (ev: Evaluation): Problem[] => {
  const out = instrumentProblems(ev, ev.framework, ['framework'])
  ev.instruments?.forEach((f, i) => appendAll(out, instrumentProblems(ev, f, ['instruments', i])))
  if (ev.instruments !== undefined) {
    // A further instrument may not reuse the default instrument's id (ratings name instruments by id).
    ev.instruments.forEach((f, i) => {
      if (f.id !== ev.framework.id) return
      const at = ['instruments', i, 'id']
      out.push(
        problem(
          at,
          `an instrument id not used before ($.framework has it already)`,
          f.id,
          'duplicate',
          describePath(ev, at),
        ),
      )
    })
    appendAll(out, duplicates(ev, [[ev.instruments, ['instruments']]], 'instrument'))
  }
  if (ev.raters !== undefined) appendAll(out, duplicates(ev, [[ev.raters, ['raters']]], 'rater'))
  appendAll(out, duplicates(ev, [[ev.rounds, ['rounds']]], 'round'))
  appendAll(out, duplicates(ev, [[ev.sites, ['sites']]], 'site'))
  appendAll(
    out,
    duplicates(
      ev,
      ev.sites.map((site, s): Group => [site.units, ['sites', s, 'units']]),
      'unit',
    ),
  )
  return out
}

/** One instrument's checks: its scale, and duplicate section and standard/criterion ids. */
const instrumentProblems = (ev: Evaluation, framework: Framework, base: Path): Problem[] => {
  const out = scaleProblems(ev, framework, base)
  appendAll(out, duplicates(ev, [[framework.sections, [...base, 'sections']]], 'section'))
  // Standards and criteria share one namespace, in document order: a standard, then its criteria.
  const targets = framework.sections.flatMap((section, s) =>
    section.standards.flatMap((standard, k): Group[] => {
      const path = [...base, 'sections', s, 'standards']
      return [
        [[standard], path, k],
        [standard.criteria, [...path, k, 'criteria']],
      ]
    }),
  )
  appendAll(out, duplicates(ev, targets, 'standard or criterion'))
  return out
}
