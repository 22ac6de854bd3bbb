/**
 * Resolve a standard or criterion from an id (`2.4`, `Standard 2.4`) or any of
 * its wordings, ignoring case, whitespace and punctuation. One report words the
 * same standard several ways (E-MHIP Table 5 vs chapter 4), so analysts type
 * whichever they have at hand.
 * @module
 */
import * as E from '../model/either.js'
import type { Criterion, Framework, Section, Standard } from '../model/framework.js'
import { MAX_LISTED_NAMES, orThrow, problem, showList, type Result } from '../model/problem.js'

/**
 * Normalise a wording for matching: lower case, accents dropped, `&` read as
 * "and", punctuation removed, runs of whitespace collapsed.
 * @param text - the wording.
 * @returns the normalised wording.
 * @example
 * normaliseWording('  Generating Evidence & developing theory. ') //=> 'generating evidence and developing theory'
 */
export const normaliseWording = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

// "Standard 2.4", "std. 2.4", "criterion 2.4.1" → "2.4" / "2.4.1"
const ID_PREFIX = /^(?:standard|std|criterion|crit)\.?\s*/i

/** Every name one item answers to: its id and each wording. */
interface Entry<A> {
  readonly item: A
  readonly standard: Standard
  readonly section: Section
}
interface Index {
  readonly byId: Map<string, Entry<Standard | Criterion>>
  readonly standards: Map<string, Entry<Standard>[]>
  readonly criteria: Map<string, Entry<Criterion>[]>
}

const push = <A>(m: Map<string, A[]>, key: string, v: A): void => {
  const list = m.get(key)
  // One entry pushes its names one after another, so a repeat can only be the last item:
  // checking it alone keeps indexing linear when thousands of items share one wording.
  if (list === undefined) m.set(key, [v])
  else if (list[list.length - 1] !== v) list.push(v)
}

// Built once per framework object; frameworks are immutable values.
const indexes = new WeakMap<Framework, Index>()
const indexOf = (framework: Framework): Index => {
  const cached = indexes.get(framework)
  if (cached !== undefined) return cached
  const index: Index = { byId: new Map(), standards: new Map(), criteria: new Map() }
  for (const section of framework.sections) {
    for (const standard of section.standards) {
      const se: Entry<Standard> = { item: standard, standard, section }
      index.byId.set(standard.id, se)
      push(index.standards, normaliseWording(standard.title), se)
      for (const v of standard.variants) push(index.standards, normaliseWording(v.text), se)
      for (const criterion of standard.criteria) {
        const ce: Entry<Criterion> = { item: criterion, standard, section }
        index.byId.set(criterion.id, ce)
        push(index.criteria, normaliseWording(criterion.text), ce)
      }
    }
  }
  indexes.set(framework, index)
  return index
}

const lookup = <A extends Standard | Criterion>(
  kind: 'standard' | 'criterion',
  framework: Framework,
  idOrWording: unknown,
  isKind: (e: Entry<Standard | Criterion>) => boolean,
  byWording: (index: Index) => Map<string, Entry<A>[]>,
): Result<A> => {
  const expected = `a ${kind} id or wording of framework ${(framework as Framework | null | undefined)?.id}`
  if (typeof framework !== 'object' || framework === null || !Array.isArray(framework.sections))
    return E.left([
      problem(['framework'], 'a framework (with sections)', framework, 'shape', `${kind} lookup › framework`),
    ])
  if (typeof idOrWording !== 'string') return E.left([problem([], expected, idOrWording, 'shape', kind)])
  const index = indexOf(framework)
  const id = idOrWording.trim().replace(ID_PREFIX, '')
  const hit = index.byId.get(id)
  if (hit !== undefined && isKind(hit)) return E.right(hit.item as A)
  const matches = byWording(index).get(normaliseWording(idOrWording)) ?? []
  const [only, ...others] = matches
  if (only === undefined)
    return E.left([problem([], expected, idOrWording, 'reference', `${kind} ${showShort(idOrWording)}`)])
  if (others.length > 0) {
    // Five ids at most, so a wording shared by thousands of items costs the same per cell.
    const ids =
      matches.length > MAX_LISTED_NAMES
        ? `${showList(matches.slice(0, MAX_LISTED_NAMES).map((m) => m.item.id))}, … (${matches.length} in all)`
        : showList(matches.map((m) => m.item.id))
    return E.left([
      problem(
        [],
        `a wording that names one ${kind} (it names ${ids})`,
        idOrWording,
        'value',
        `${kind} ${showShort(idOrWording)}`,
      ),
    ])
  }
  return E.right(only.item)
}

const showShort = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s)

/**
 * Find a standard by id (`"2.4"`, `"Standard 2.4"`) or by any of its wordings
 * (its title or a variant), ignoring case, whitespace and punctuation; `&`
 * matches "and". The index is built once per framework object.
 *
 * Degenerate input: an unknown id or wording, a non-string, or a wording
 * shared by two standards gives a `Left` with one problem (code `reference`,
 * `shape` or `value`).
 * @param framework the framework to search
 * @param idOrWording an id or any wording of the standard
 * @returns `Right` with the standard, or `Left` with one problem.
 * @example
 * findStandard(emhipFramework, 'all resource and budget implications of the desired change have been considered BEFOREHAND')
 * //=> right({ id: '2.4', … })
 * findStandard(emhipFramework, '9.9')
 * //=> left([{ where: 'standard "9.9"', expected: 'a standard id or wording of framework emhip', found: '"9.9"', … }])
 */
export const findStandard = (framework: Framework, idOrWording: string): Result<Standard> =>
  lookup<Standard>(
    'standard',
    framework,
    idOrWording,
    (e) => e.item === e.standard,
    (i) => i.standards,
  )

/**
 * Find a standard by id (`"2.4"`, `"Standard 2.4"`) or by any of its wordings
 * (its title or a variant), ignoring case, whitespace and punctuation; `&`
 * matches "and". The index is built once per framework object.
 *
 * The throwing form of {@link findStandard}: the same result, returned directly,
 * for notebooks and scripts.
 *
 * Degenerate input: an unknown id or wording, a non-string, or a wording
 * shared by two standards throws with one problem (code `reference`,
 * `shape` or `value`).
 * @param framework the framework to search
 * @param idOrWording an id or any wording of the standard
 * @returns the result (`Standard`), as {@link findStandard}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link findStandard} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] getStandard: …`).
 * @example
 * getStandard(emhipFramework, '3.2').title //=> 'Responsibility is devolved to frontline staff'
 */
export const getStandard = (framework: Framework, idOrWording: string): Standard =>
  orThrow('getStandard', findStandard(framework, idOrWording))

/**
 * Find a criterion by id (`"2.4.1"`) or by its wording, ignoring case,
 * whitespace and punctuation. Degenerate input as for {@link findStandard}.
 * @param framework - the framework to search.
 * @param idOrWording - an id or the wording of the criterion.
 * @returns `Right` with the criterion, or `Left` with one problem.
 * @example
 * findCriterion(emhipFramework, '3.2.2') //=> right({ id: '3.2.2', text: 'Responsibility for making key decisions is devolved to frontline staff', … })
 */
export const findCriterion = (framework: Framework, idOrWording: string): Result<Criterion> =>
  lookup<Criterion>(
    'criterion',
    framework,
    idOrWording,
    (e) => e.item !== e.standard,
    (i) => i.criteria,
  )

/**
 * Find a criterion by id (`"2.4.1"`) or by its wording, ignoring case,
 * whitespace and punctuation. Degenerate input as for {@link findStandard}.
 *
 * The throwing form of {@link findCriterion}: the same result, returned directly,
 * for notebooks and scripts.
 * @param framework the framework
 * @param idOrWording a criterion id or its wording
 * @returns the result (`Criterion`), as {@link findCriterion}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link findCriterion} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] getCriterion: …`).
 * @example
 * getCriterion(emhipFramework, '2.4.2').text //=> 'Dedicated funds and staff time are available'
 */
export const getCriterion = (framework: Framework, idOrWording: string): Criterion =>
  orThrow('getCriterion', findCriterion(framework, idOrWording))
