/**
 * Unambiguous lookup of a thing by what a person or a file calls it: its id,
 * its name or an alias. Imports resolve every site, unit, round, standard,
 * criterion, level and objective type cell through it, so that a cell that
 * could mean two things is a problem instead of a silent choice.
 * @module
 */
import { problem, showList, type Problem } from './problem.js'

/** What a cell names: one thing, nothing, or several things it could mean. */
export type NameMatch<A> =
  | { readonly kind: 'one'; readonly item: A }
  | { readonly kind: 'none' }
  | { readonly kind: 'many'; readonly items: readonly A[] }

const addTo = <A>(m: Map<string, A[]>, key: string, item: A): void => {
  const list = m.get(key)
  if (list === undefined) m.set(key, [item])
  // One `add` pushes its names one after another, so a repeat can only be the last item:
  // checking it alone keeps indexing linear when thousands of things share one name.
  else if (list[list.length - 1] !== item) list.push(item)
}

const NONE: NameMatch<never> = { kind: 'none' }

/**
 * An index of things by id and by name, with the matching rule every import
 * uses:
 * 1. a cell equal to an id or a name exactly (as written) names that thing,
 *    unless another thing has the cell as a name or alias loosely (ignoring
 *    case and punctuation): then it names both, and is ambiguous;
 * 2. otherwise a cell that loosely equals the ids, names and aliases of
 *    exactly one thing names it; of several, it is ambiguous.
 *
 * So an id matches before a name only when nothing else is called by it: a
 * unit id `ward-b` beside another unit named `Ward B` is ambiguous, while an
 * id `a.b` beside another id `a-b` is not (ids are written exactly).
 * `findId` matches ids exactly and nothing else (files written by the
 * library's own exports).
 *
 * Adding is O(names); a lookup is O(1) plus the size of its answer.
 * @example
 * const units = new NameIndex<string>(normaliseWording)
 * units.add('ward-b', 'u1', ['Ward A'])
 * units.add('u2', 'u2', ['ward-b'])
 * units.find('Ward A') //=> { kind: 'one', item: 'u1' }
 * units.find('ward-b') //=> { kind: 'many', items: ['u1', 'u2'] }
 * units.findId('ward-b') //=> { kind: 'one', item: 'u1' }
 */
export class NameIndex<A> {
  private readonly ids = new Map<string, A>()
  private readonly exact = new Map<string, A[]>()
  private readonly looseNames = new Map<string, A[]>()
  private readonly looseAll = new Map<string, A[]>()

  /** @param normalise the loose form of a name (e.g. lower case, punctuation dropped) */
  constructor(private readonly normalise: (text: string) => string) {}

  /**
   * Index one thing. A second thing with the same id keeps the first's place
   * in `findId` (ids are unique in a valid document).
   * @param id its id (`undefined` for a thing known by names only)
   * @param item the thing
   * @param names its names and aliases
   */
  add(id: string | undefined, item: A, names: readonly string[]): void {
    if (id !== undefined) {
      if (!this.ids.has(id)) this.ids.set(id, item)
      addTo(this.exact, id, item)
      addTo(this.looseAll, this.normalise(id), item)
    }
    for (const name of names) {
      addTo(this.exact, name, item)
      const key = this.normalise(name)
      addTo(this.looseNames, key, item)
      addTo(this.looseAll, key, item)
    }
  }

  /**
   * The thing `text` names, by the rule above.
   * @param text - a name, alias or id as written.
   * @returns one match, several, or none.
   * @example
   * const index = new NameIndex<string>(normaliseWording)
   * index.add('acute-care', 'u1', ['Acute care'])
   * index.find('ACUTE  care') //=> { kind: 'one', item: 'u1' } // case and spacing do not matter
   * index.find('Crisis') //=> { kind: 'none' }
   */
  find(text: string): NameMatch<A> {
    const exact = this.exact.get(text)
    const key = this.normalise(text)
    if (exact !== undefined) {
      if (exact.length > 1) return { kind: 'many', items: exact }
      const others = (this.looseNames.get(key) ?? []).filter((x) => x !== exact[0])
      return others.length === 0 ? { kind: 'one', item: exact[0]! } : { kind: 'many', items: [exact[0]!, ...others] }
    }
    const loose = this.looseAll.get(key)
    if (loose === undefined || key === '') return NONE
    return loose.length === 1 ? { kind: 'one', item: loose[0]! } : { kind: 'many', items: loose }
  }

  /**
   * The thing whose id is exactly `text`.
   * @param text - an id, exactly as written.
   * @returns one match, or none.
   * @example
   * const index = new NameIndex<string>(normaliseWording)
   * index.add('acute-care', 'u1', ['Acute care'])
   * index.findId('acute-care') //=> { kind: 'one', item: 'u1' }
   * index.findId('Acute care') //=> { kind: 'none' } // a name, not the id
   */
  findId(text: string): NameMatch<A> {
    const item = this.ids.get(text)
    return item === undefined ? NONE : { kind: 'one', item }
  }
}

/** A thing as a problem names it: its id and its name or label. */
export interface Nameable {
  readonly id: string
  readonly name?: string
  readonly label?: string
}

/**
 * The problem of a cell that could mean several things (placed at its cell
 * by the caller): each candidate by id and name, at most five.
 * @param kind what was looked for: `site`, `unit`, `round`, …
 * @param text the cell as written
 * @param things the candidates
 * @returns a `duplicate` problem whose `where` is `kind`
 * @example
 * ambiguousName('unit', 'ward-b', [{ id: 'ward-b', name: 'Ward A' }, { id: 'u2', name: 'ward-b' }]).expected
 * //=> 'a name of exactly one unit (it could mean ward-b ("Ward A"), u2 ("ward-b")); write the id exactly, or rename one'
 */
export const ambiguousName = (kind: string, text: string, things: readonly Nameable[]): Problem =>
  problem(
    [],
    `a name of exactly one ${kind} (it could mean ${showList(things.map((t) => `${t.id} (${JSON.stringify(t.name ?? t.label ?? '')})`))}); write the id exactly, or rename one`,
    text,
    'duplicate',
    kind,
  )
