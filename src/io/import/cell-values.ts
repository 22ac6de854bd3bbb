/**
 * Read one cell of a ratings file as a level or a target, using the
 * framework's own data (level labels and aliases, standard and criterion ids
 * and wordings). Each distinct cell text is resolved once per import.
 * @module
 */
import * as E from '../../model/either.js'
import type { Framework } from '../../model/framework.js'
import type { ExcerptId, LevelId, TargetId } from '../../model/ids.js'
import type { SourceRef } from '../../model/framework.js'
import { SourceRefC } from '../../model/codec-kit.js'
import { protoKeyPath } from '../../model/own.js'
import { limitProblems } from '../../model/codec-limits.js'
import { ambiguousName, NameIndex } from '../../model/names.js'
import { problem, showList, type Result } from '../../model/problem.js'
import { NOT_APPLICABLE, type NotApplicable } from '../../model/scale.js'
import { normaliseWording } from '../../standards/lookup.js'

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

/** A level or not applicable, as the index holds it (id and label, for messages). */
interface LevelEntry {
  readonly id: LevelId | NotApplicable
  readonly label: string
}

/**
 * A level reader for a framework's scale: level id, label or alias (any case,
 * any punctuation: "Partly-met", "partly met", "PM"), or one of `naLabels`
 * for not applicable. A cell that names two levels (one level's id is another's
 * label, or a level is called like not applicable) is a problem naming both.
 * With `exactIds`, a cell is a level id or `na`, exactly.
 * @param framework - the instrument whose scale the cells name.
 * @param naLabels - the cells read as not applicable (default `DEFAULT_NA_LABELS`).
 * @param exactIds - read only exact level ids (files the library wrote).
 * @returns a reader from a cell to a level id or `"na"`, with a problem for anything else.
 * @example
 * const read = levelReader(emhipFramework)
 * read('Partly-met') //=> right('partly')
 * read('N/A')        //=> right('na')
 * read('sort of')    //=> left([{ expected: 'a level of scale emhip (…) or not applicable (…)', … }])
 */
export const levelReader = (
  framework: Framework,
  naLabels: readonly string[] = DEFAULT_NA_LABELS,
  exactIds = false,
): ((text: string) => Result<LevelId | NotApplicable>) => {
  const index = new NameIndex<LevelEntry>(normaliseWording)
  for (const l of framework.scale.levels) index.add(l.id, { id: l.id, label: l.label }, [l.label, ...(l.aliases ?? [])])
  const na: LevelEntry = { id: NOT_APPLICABLE, label: 'not applicable' }
  index.add(exactIds ? NOT_APPLICABLE : undefined, na, naLabels)
  const names = new Map<string, string>()
  for (const l of framework.scale.levels)
    for (const n of [l.label, ...(l.aliases ?? [])])
      if (!names.has(normaliseWording(n))) names.set(normaliseWording(n), n)
  const expected = exactIds
    ? `a level id of scale ${framework.scale.id} (${showList(
        framework.scale.levels.map((l) => l.id),
        8,
        ' | ',
      )}) or ${NOT_APPLICABLE}, exactly`
    : `a level of scale ${framework.scale.id} (${[...names.values()].join(' | ')}) or not applicable (${naLabels.join(' | ')})`
  return cached((text) => {
    const found = exactIds ? index.findId(text) : index.find(text)
    if (found.kind === 'one') return E.right(found.item.id)
    if (found.kind === 'many') return E.left([{ ...ambiguousName('level', text, found.items), where: '' }])
    return E.left([problem([], expected, text, 'value', '')])
  })
}

/** A standard or criterion as the index holds it. */
interface TargetEntry {
  readonly id: TargetId
  readonly label: string
}

// "Standard 2.4", "std. 2.4", "criterion 2.4.1" → "2.4" / "2.4.1" (as findStandard reads them)
const ID_PREFIX = /^(?:standard|std|criterion|crit)\.?\s*/i

const targetIndexes = new WeakMap<Framework, NameIndex<TargetEntry>>()
const targetIndex = (framework: Framework): NameIndex<TargetEntry> => {
  let index = targetIndexes.get(framework)
  if (index === undefined) {
    index = new NameIndex<TargetEntry>(normaliseWording)
    for (const section of framework.sections)
      for (const st of section.standards) {
        index.add(st.id, { id: st.id, label: st.title }, [st.title, ...st.variants.map((v) => v.text)])
        for (const c of st.criteria) index.add(c.id, { id: c.id, label: c.text }, [c.text])
      }
    targetIndexes.set(framework, index)
  }
  return index
}

/**
 * A target reader: a standard or criterion by id (`2.4`, `Standard 2.4`,
 * `2.4.1`) or any wording. A cell that could name two targets (one's id is
 * another's wording, or a wording two share) is a problem naming them. With
 * `exactIds`, a cell is a standard or criterion id, exactly.
 * @param framework - the instrument whose standards and criteria the cells name.
 * @param exactIds - read only exact ids (files the library wrote).
 * @returns a reader from a cell to a standard or criterion id, with a problem for anything else.
 * @example
 * const read = targetReader(emhipFramework)
 * read('Standard 2.4') //=> right('2.4')
 * read('2.4.2')        //=> right('2.4.2')
 * read('9.9')          //=> left([{ expected: 'a standard or criterion of framework emhip (an id such as 2.4 or 2.4.1, or a wording)', … }])
 */
export const targetReader = (framework: Framework, exactIds = false): ((text: string) => Result<TargetId>) =>
  cached((text) => {
    const index = targetIndex(framework)
    let found = exactIds ? index.findId(text) : index.find(text)
    const stripped = text.trim().replace(ID_PREFIX, '')
    if (!exactIds && stripped !== text.trim()) {
      const byId = index.findId(stripped)
      if (byId.kind === 'one' && found.kind === 'none') found = byId
      else if (byId.kind === 'one' && found.kind === 'one' && found.item !== byId.item)
        found = { kind: 'many', items: [found.item, byId.item] }
    }
    if (found.kind === 'one') return E.right(found.item.id)
    if (found.kind === 'many')
      return E.left([{ ...ambiguousName('standard or criterion', text, found.items), where: '' }])
    const expected = exactIds
      ? `a standard or criterion id of framework ${framework.id}, exactly`
      : `a standard or criterion of framework ${framework.id} (an id such as 2.4 or 2.4.1, or a wording)`
    return E.left([problem([], expected, text, 'reference', '')])
  })

/**
 * A source reference from its cell: the JSON object the exports write
 * (`{"document":"…","lines":"…","page":"…"}`, every field optional text).
 * Blank is none.
 * @param text - the cell's text.
 * @returns `Right` with the reference (`undefined` for a blank cell), or `Left` with one problem.
 * @example
 * readRef('{"lines":"L12"}') //=> right({ lines: 'L12' })
 * readRef('')                //=> right(undefined)
 * readRef('p. 12')           //=> left([{ expected: 'a source reference as JSON: {"document": …, "lines": …, "page": …} (text fields, each optional)', … }])
 */
export const readRef = (text: string): Result<SourceRef | undefined> => {
  if (text === '') return E.right(undefined)
  const expected = 'a source reference as JSON: {"document": …, "lines": …, "page": …} (text fields, each optional)'
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return E.left([problem([], expected, text, 'shape', '')])
  }
  if (protoKeyPath(value) !== undefined)
    return E.left([problem([], `${expected}, without a __proto__ key`, text, 'value', '')])
  const decoded = SourceRefC.decode(value)
  return E.isRight(decoded) ? E.right(decoded.right) : E.left([problem([], expected, text, 'shape', '')])
}

/**
 * Read a cell of a rating's own data (`extensions`): a JSON object, as
 * `ratingRows` writes it. Blank is none. Refused: text that is not JSON, a
 * JSON value that is not an object, a `__proto__` key anywhere, and anything
 * over the decoder's input limits (nesting, string length, items).
 * @param text - the cell text.
 * @returns `right(object)`, `right(undefined)` for a blank cell, or `left(problems)` (path and place filled in by the caller).
 * @example
 * readExtensions('{"source":"visit"}') //=> right({ source: 'visit' })
 * readExtensions('')                   //=> right(undefined)
 * readExtensions('[1]')._tag           //=> 'Left'
 */
export const readExtensions = (text: string): Result<Readonly<Record<string, unknown>> | undefined> => {
  if (text === '') return E.right(undefined)
  const expected = 'your own data as a JSON object, e.g. {"source": "site visit"}'
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return E.left([problem([], expected, text, 'shape', '')])
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return E.left([problem([], expected, text, 'shape', '')])
  if (protoKeyPath(value) !== undefined)
    return E.left([problem([], `${expected}, without a __proto__ key`, text, 'value', '')])
  const over = limitProblems(value)
  return over.length === 0 ? E.right(value as Record<string, unknown>) : E.left([{ ...over[0]!, path: [], where: '' }])
}

/**
 * An evidence reader: a cell of excerpt ids, `q1; q2` or a JSON array
 * (`["a;b"]`, `[]`), each an excerpt of the evaluation. Blank is none.
 * @param excerpts - the excerpt ids of the evaluation.
 * @returns a reader from a cell to excerpt ids (`undefined` for a blank cell).
 * @example
 * const read = evidenceReader(new Set(['q1', 'q2']))
 * read('q1; q2') //=> right(['q1', 'q2'])
 * read('[]')     //=> right([])
 * read('q9')     //=> left([{ expected: 'excerpt ids of the evaluation, separated by ; or as a JSON list (q1 | q2)', found: '"q9"', … }])
 */
export const evidenceReader = (excerpts: ReadonlySet<string>): ((text: string) => Result<ExcerptId[] | undefined>) => {
  const expected = `excerpt ids of the evaluation, separated by ; or as a JSON list (${showList(excerpts, 5, ' | ')})`
  return cached((text) => {
    if (text === '') return E.right(undefined)
    let ids: unknown
    if (text.startsWith('[')) {
      try {
        ids = JSON.parse(text)
      } catch {
        return E.left([problem([], expected, text, 'shape', '')])
      }
      if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string'))
        return E.left([problem([], expected, text, 'shape', '')])
    } else ids = text.split(';').map((x) => x.trim())
    const list = ids as string[]
    const unknown = list.filter((id) => !excerpts.has(id))
    if (unknown.length > 0) return E.left([problem([], expected, showList(unknown), 'reference', '')])
    return E.right(list as ExcerptId[])
  })
}
