/**
 * From a QCA solution term to programme theory: the term becomes a CMO
 * configuration hypothesis (its literals as context elements), and its
 * consistency and coverage become a piece of evidence (a note from a
 * document source) that supports it. Built as ordinary CMO edits, so the
 * usual checks and the change log apply.
 * @module
 */
import * as E from '../model/either.js'
import type { Edit } from '../edit/define.js'
import { addConfiguration } from '../cmo/edits/configurations.js'
import { addEvidenceSource, addExcerpt } from '../cmo/edits/evidence.js'
import type { Direction } from '../model/cmo.js'
import type { Evaluation } from '../model/evaluation.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import type { QcaSolution, QcaTerm } from './minimise.js'

/** Options of `qcaHypothesisEdits`. */
export interface QcaHypothesisOptions {
  /** The solution the term comes from (its kind, outcome and model give the note its wording). */
  readonly solution: QcaSolution
  /** The term, in notation as the solution prints it (e.g. `DEV*STB`). */
  readonly term: string
  /** Which model the term is read from (1-based). Default 1. */
  readonly model?: number
  /** The new configuration's id, label, mechanisms and outcome element; direction default `fires`. */
  readonly configuration: {
    readonly id: string
    readonly label?: string
    readonly mechanisms: readonly string[]
    readonly outcome: string
    readonly direction?: Direction
  }
  /** The context element standing for each literal of the term, keyed by the literal as printed (`DEV`, `~URB`). */
  readonly contexts: Readonly<Record<string, string>>
  /** The evidence source holding the note: added as a document unless it exists. */
  readonly source: { readonly id: string; readonly title?: string }
  /** The note's id and its register label. */
  readonly excerpt: { readonly id: string; readonly label: string }
}

const f3 = (x: number | null) => (x === null ? 'undefined' : x.toFixed(3))

/**
 * The evidence text for a term: solution, outcome, fit and cases.
 * @param solution - the solution the term comes from.
 * @param term - the term.
 * @param model - the model's number, from 1 (default 1).
 * @returns one paragraph of text for a note excerpt.
 * @example
 * // Lipset's crisp data (LC): the parsimonious solution for SURV is DEV*STB (R package QCA, minimize on ttLC).
 * // It covers the 8 countries where democracy survived, with no contradicting case.
 * const s = minimise(truthTable(LC, { conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'], outcome: 'SURV' }), { solution: 'parsimonious' })
 * qcaEvidenceText(s, s.models[0]!.terms[0]!)
 * //=> 'QCA parsimonious solution for SURV, model 1: DEV*STB. Consistency (inclS) 1.000, PRI 1.000, coverage (covS) 1.000, unique coverage 1.000. Cases: FI, IE, FR, SE, BE, CZ, NL, UK.'
 */
export const qcaEvidenceText = (solution: QcaSolution, term: QcaTerm, model = 1): string =>
  `QCA ${solution.solution} solution for ${solution.outcome}, model ${model}: ${term.term}. ` +
  `Consistency (inclS) ${f3(term.inclS)}, PRI ${f3(term.pri)}, coverage (covS) ${f3(term.covS)}, unique coverage ${f3(term.covU)}. ` +
  `Cases: ${term.cases.length === 0 ? 'none' : term.cases.join(', ')}.`

/**
 * The edits that save one solution term as a CMO configuration hypothesis
 * (status `hypothesised`) with its fit as supporting evidence: the
 * configuration (each literal's context element, the given mechanisms and
 * outcome, scope the sites of the cases the term covers), the document
 * source if new, and a note excerpt linked to the configuration. Apply them
 * with `applyEdits`; the CMO checks (roles, references, duplicate ids) run
 * there.
 *
 * Refused when the model or term is not in the solution, or a literal has no
 * context element.
 * @param ev the evaluation the edits are for (to see whether the source exists)
 * @param options `{ solution, term, model?, configuration, contexts, source, excerpt }`
 * @returns `Right` of the edits, in order
 * @example
 * const solution = minimise(truthTable(LC, { conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'], outcome: 'SURV' }), { solution: 'parsimonious' })
 * // an evaluation with the elements the configuration names
 * const theory = { ...ev, elements: [
 *   { id: 'developed', role: 'context', label: 'Developed economy' }, { id: 'stable', role: 'context', label: 'Stable government' },
 *   { id: 'm1', role: 'mechanism', label: 'Trust in institutions', resource: null, reasoning: null },
 *   { id: 'o1', role: 'outcome', label: 'Democracy survives', intended: true, valence: 'positive' }] }
 * const options = { solution, term: 'DEV*STB', configuration: { id: 'c-qca', mechanisms: ['m1'], outcome: 'o1' },
 *   contexts: { DEV: 'developed', STB: 'stable' }, source: { id: 'qca-2026' }, excerpt: { id: 'x-qca-1', label: 'QCA1' } }
 * const edits = qcaHypothesisEditsEither(theory, options)
 * const next = isRight(edits) ? applyEdits(theory, edits.right) : edits
 * isRight(next) && next.right.configurations
 * //=> [{ id: 'c-qca', label: 'DEV*STB → SURV (QCA)', contexts: ['developed', 'stable'], mechanisms: ['m1'], outcome: 'o1',
 * //      direction: 'fires', scope: { sites: [], units: [] }, status: 'hypothesised', statusHistory: [] }]
 * isRight(next) && next.right.excerpts[0].links //=> [{ configuration: 'c-qca', stance: 'supports' }]
 * qcaHypothesisEditsEither(theory, { ...options, term: 'DEV*URB' })
 * //=> left([{ where: 'qcaHypothesisEdits › term', expected: 'a term of model 1 (DEV*STB)', found: '"DEV*URB"', … }])
 */
export const qcaHypothesisEditsEither = (ev: Evaluation, options: QcaHypothesisOptions): Result<Edit[]> => {
  const fn = 'qcaHypothesisEdits'
  if (
    typeof ev !== 'object' ||
    ev === null ||
    !Array.isArray(ev.sites as unknown) ||
    !Array.isArray(ev.sources as unknown)
  )
    return E.left([problem(['evaluation'], 'an evaluation', ev, 'shape', `${fn} › evaluation`)])
  if (
    typeof options !== 'object' ||
    options === null ||
    typeof options.solution !== 'object' ||
    options.solution === null ||
    !Array.isArray(options.solution.models as unknown) ||
    typeof options.configuration !== 'object' ||
    options.configuration === null ||
    typeof options.source !== 'object' ||
    options.source === null ||
    typeof options.excerpt !== 'object' ||
    options.excerpt === null
  )
    return E.left([
      problem(
        ['options'],
        'options { solution, term, configuration, contexts, source, excerpt }',
        options,
        'shape',
        `${fn} › options`,
      ),
    ])
  const m = options.model ?? 1
  const model = options.solution.models[m - 1]
  if (model === undefined)
    return E.left([
      problem(
        ['options', 'model'],
        `a model of the solution (1 to ${options.solution.models.length})`,
        m,
        'reference',
        `${fn} › model`,
      ),
    ])
  const term = model.terms.find((t) => t.term === options.term)
  if (term === undefined)
    return E.left([
      problem(
        ['options', 'term'],
        `a term of model ${m} (${model.expression})`,
        options.term,
        'reference',
        `${fn} › term`,
      ),
    ])
  const problems: Problem[] = []
  const contexts = term.literals.map((l) => {
    const text = (l.negated ? '~' : '') + l.condition
    const id = options.contexts?.[text]
    if (typeof id !== 'string')
      problems.push(
        problem(
          ['options', 'contexts', text],
          'the id of a context element for this literal',
          id,
          'reference',
          `${fn} › contexts › ${text}`,
        ),
      )
    return id as string
  })
  if (problems.length > 0) return E.left(problems)
  const siteIds = new Set(ev.sites.map((s) => s.id as string))
  const scopeSites = [...new Set(term.cases.filter((c) => siteIds.has(c)))]
  const c = options.configuration
  const edits: Edit[] = [
    addConfiguration({
      configuration: {
        id: c.id,
        label: c.label ?? `${term.term} → ${options.solution.outcome} (QCA)`,
        contexts: [...new Set(contexts)],
        mechanisms: c.mechanisms,
        outcome: c.outcome,
        direction: c.direction ?? 'fires',
        scope: { sites: scopeSites, units: [] },
      },
    }),
  ]
  if (!ev.sources.some((s) => s.id === options.source.id))
    edits.push(
      addEvidenceSource({
        item: {
          id: options.source.id,
          kind: 'document',
          ...(options.source.title === undefined ? {} : { title: options.source.title }),
        },
      }),
    )
  edits.push(
    addExcerpt({
      item: {
        id: options.excerpt.id,
        label: options.excerpt.label,
        kind: 'note',
        text: qcaEvidenceText(options.solution, term, m),
        source: options.source.id,
        links: [{ configuration: c.id, stance: 'supports' }],
      },
    }),
  )
  return E.right(edits)
}

/**
 * The edits that save one solution term as a CMO configuration hypothesis
 * with its consistency and coverage as supporting evidence (throwing form of
 * `qcaHypothesisEditsEither`).
 * @param ev the evaluation the edits are for
 * @param options `{ solution, term, model?, configuration, contexts, source, excerpt }`
 * @returns the edits that record the term as a configuration, for `applyEdits`.
 * @throws {RealistError} when the model or term is not in the solution, or a literal has no context element
 * @example
 * const solution = minimise(truthTable(LC, { conditions: ['DEV', 'URB', 'LIT', 'IND', 'STB'], outcome: 'SURV' }), { solution: 'parsimonious' })
 * const theory = { ...ev, elements: [
 *   { id: 'developed', role: 'context', label: 'Developed economy' }, { id: 'stable', role: 'context', label: 'Stable government' },
 *   { id: 'm1', role: 'mechanism', label: 'Trust in institutions', resource: null, reasoning: null },
 *   { id: 'o1', role: 'outcome', label: 'Democracy survives', intended: true, valence: 'positive' }] }
 * const next = edit(theory, ...qcaHypothesisEdits(theory, { solution, term: 'DEV*STB', configuration: { id: 'c-qca', mechanisms: ['m1'], outcome: 'o1' },
 *   contexts: { DEV: 'developed', STB: 'stable' }, source: { id: 'qca' }, excerpt: { id: 'x1', label: 'QCA1' } }))
 * next.configurations.at(-1)!.status //=> 'hypothesised'
 * qcaHypothesisEdits(theory, { solution, term: 'DEV*STB', configuration: { id: 'c-qca', mechanisms: ['m1'], outcome: 'o1' },
 *   contexts: { DEV: 'developed' }, source: { id: 'qca' }, excerpt: { id: 'x1', label: 'QCA1' } }) //=> throws 'STB'
 */
export const qcaHypothesisEdits = (ev: Evaluation, options: QcaHypothesisOptions): Edit[] =>
  orThrow('qcaHypothesisEdits', qcaHypothesisEditsEither(ev, options))
