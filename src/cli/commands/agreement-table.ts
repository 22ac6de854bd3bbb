/**
 * `realist-eval report --table agreement`: inter-rater agreement of the
 * document's rater-keyed ratings, as Markdown, HTML, tidy CSV or JSON rows.
 * @module
 */
import { agreementEither } from '../../agreement/document.js'
import { AGREEMENT_COEFFICIENTS, type AgreementCoefficient, type AgreementRow } from '../../agreement/from-ratings.js'
import type { AlphaLevel } from '../../agreement/krippendorff-alpha.js'
import type { Evaluation } from '../../model/evaluation.js'
import type { Result } from '../../model/problem.js'
import { agreementTable } from '../../report/agreement-table.js'
import { renderHtml, renderMarkdown } from '../../report/table.js'
import { UsageError } from '../args.js'

/** The command-line options of the agreement table, as text. */
export interface AgreementCliOptions {
  readonly by?: string | undefined
  readonly coefficient?: string | undefined
  readonly instrument?: string | undefined
  readonly level?: string | undefined
  readonly round: string | null
}

const LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio']

const list = (s: string | undefined): string[] =>
  s === undefined
    ? []
    : s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0)

/**
 * The agreement rows of a document from the command line's text options.
 * @internal
 * @param ev a decoded evaluation
 * @param o `--by`, `--coefficient` (comma-separated lists), `--instrument`, `--level`, `--round`
 * @returns `Right` of tidy agreement rows, or `Left` of problems (unknown instrument, round or grouping key)
 * @throws {UsageError} for an unknown coefficient or level of measurement
 * @example
 * // reliabilityEv: Krippendorff's (2011) data on criterion a.1; a.2 rated l3 by every rater, so p_a = 1
 * agreementCliRows(reliabilityEv, { by: 'target', coefficient: 'percent-agreement', round: null })
 * //=> right([{ target: 'a.1', coefficient: 'percent-agreement', … }, { target: 'a.2', value: 1, … }])
 * const refusal = (() => { try { agreementCliRows(reliabilityEv, { coefficient: 'kappa', round: null }) } catch (e) { return e.message } })()
 * refusal //=> '--coefficient "kappa": expected a comma-separated list of percent-agreement, cohen-kappa, …'
 */
export const agreementCliRows = (ev: Evaluation, o: AgreementCliOptions): Result<AgreementRow[]> => {
  const coefficients = list(o.coefficient)
  const bad = coefficients.find((c) => !(AGREEMENT_COEFFICIENTS as readonly string[]).includes(c))
  if (bad !== undefined)
    throw new UsageError(
      `--coefficient ${JSON.stringify(bad)}: expected a comma-separated list of ${AGREEMENT_COEFFICIENTS.join(', ')}`,
    )
  if (o.level !== undefined && !(LEVELS as readonly string[]).includes(o.level))
    throw new UsageError(`--level ${JSON.stringify(o.level)}: expected one of ${LEVELS.join(', ')}`)
  return agreementEither(ev, {
    by: list(o.by),
    ...(coefficients.length > 0 ? { coefficient: coefficients as AgreementCoefficient[] } : {}),
    ...(o.instrument === undefined ? {} : { instrument: o.instrument }),
    ...(o.level === undefined ? {} : { level: o.level as AlphaLevel }),
    ...(o.round === null ? {} : { round: o.round }),
  })
}

/**
 * The agreement table as Markdown or HTML (the report's table layout: coefficient, value, interval, units, raters).
 * @internal
 * @param rows agreement rows
 * @param format `md` or `html`
 * @returns the rendered table
 * @example
 * agreementCliRender([], 'md').startsWith('**') //=> true
 */
export const agreementCliRender = (rows: readonly AgreementRow[], format: 'md' | 'html'): string => {
  const table = agreementTable(rows)
  return format === 'md' ? renderMarkdown(table) + '\n' : renderHtml(table)
}
