import * as E from 'fp-ts/lib/Either.js'
import { evaluationSites, evidenceFindings, registerOf } from '../../evidence/document.js'
import { registerCounts } from '../../evidence/counts.js'
import { attainmentEither } from '../../standards/attainment.js'
import { attainmentRows } from '../../standards/rows.js'
import { objectiveAttainmentEither } from '../../objectives/attainment.js'
import { UNKNOWN_POLICIES, type UnknownPolicy } from '../../objectives/policy.js'
import { toCsv } from '../../io/csv/write.js'
import { objectiveCellRows, objectiveListRows, ratingRows } from '../../io/export/document-rows.js'
import { OBJECTIVE_CELL_COLUMNS, OBJECTIVE_LIST_COLUMNS, RATING_COLUMNS } from '../../io/export/columnar.js'
import { htmlReportEither } from '../../report/html-report.js'
import { markdownReportEither } from '../../report/markdown-report.js'
import { documentCounts } from '../../report/report-inputs.js'
import type { Evaluation } from '../../model/evaluation.js'
import type { Result } from '../../model/problem.js'
import type { DenominatorPolicy } from '../../standards/policy.js'
import { oneOf, onePositional, parse, str, UsageError } from '../args.js'
import { emit, loadDocument, printProblems, refuseOverwrite } from '../document.js'
import { jsonText } from '../../report/escape.js'
import { EXIT, type CliEnv } from '../env.js'
import { policyArg } from '../policy-arg.js'
import { agreementCliRender, agreementCliRows } from './agreement-table.js'
import { QCA_TABLES, qcaTable, readQcaSpec, type QcaTableName } from './qca-table.js'

const FORMATS = ['md', 'html', 'csv', 'json'] as const
const TABLES = [
  ...(['standards', 'objectives', 'ratings', 'cells', 'objective-list', 'register', 'register-problems'] as const),
  ...(['register-counts', 'agreement'] as const),
  ...QCA_TABLES,
] as const
/** The tables built from the document alone (no QCA spec, no agreement options). */
type DocumentTable = Exclude<(typeof TABLES)[number], QcaTableName | 'agreement'>

/** The text of `realist-eval report --help`. */
export const REPORT_HELP = `Usage: realist-eval report <file.json> [--format md|html|csv|json] [options]

Render an evaluation document as a report: the denominator policy, standards
attainment (Table 5 style, with CIs), site comparisons, objectives (Table 7
style) and the data problems found.

Options:
  --format <format>     md: Markdown (default); html: one self-contained file
                        with inline SVG charts, no scripts, no network;
                        csv: one tidy table (see --table); json: the same
                        table as a JSON array of rows (nulls as null)
  --policy <policy>     the denominator policy, as key=value pairs or JSON, e.g.
                        --policy attained=met-or-partly,total=mean-of-standards
                        --policy '{"notApplicable":"not-met","confidence":0.9}'
                        keys: notApplicable (exclude|not-met), unrated
                        (exclude|not-met|error), count (standards|criteria),
                        attained (top|met-or-partly|partly-as-half), rollup
                        (worst-of|all-met-else-partly|majority|mean-score),
                        total (pooled|mean-of-standards), interval
                        (wilson|clopper-pearson), confidence (0-1)
  --unknown <policy>    unknown attained objectives: bounds (default, a range),
                        not-attained (the E-MHIP report's convention), exclude
  --round <id>          one round (default: all rounds together)
  --table <name>        with --format csv or json: standards (tidy attainment rows; the
                        default when there are ratings), objectives (attainment
                        per unit × type; the default otherwise), ratings (the
                        long ratings layout), cells (the objectives import
                        layout), objective-list (listed objectives, the
                        objective-list import layout), register (the quote
                        register, in its import layout), register-problems
                        (its defects, each with its line), register-counts
                        (excerpts and informants by site, group, section and
                        theme, with their labels); qca-truth-table and
                        qca-solution (QCA over the sites or units, from --qca; these
                        two also render as md or html tables); agreement
                        (inter-rater agreement of the raters' own ratings, on
                        the instrument's scale; also as md or html)
  --by <keys>           with --table agreement: group by, comma-separated: site,
                        unit, round, target, standard, section or an attribute id
  --coefficient <list>  with --table agreement: krippendorff-alpha (default),
                        gwet-ac1, gwet-ac2, fleiss-kappa, cohen-kappa,
                        brennan-prediger, percent-agreement (comma-separated)
  --instrument <id>     with --table agreement: the instrument (default: the
                        document's framework)
  --level <level>       with --table agreement: Krippendorff's level of measurement,
                        nominal, ordinal (default), interval or ratio
  --qca <spec>          with --table qca-…: JSON text or a JSON file with
                        sets (each from an attribute, attainment, objectives or
                        a context element, with its calibration), cases
                        ("sites", the default, or "units"), conditions,
                        outcome, inclusionCut, frequencyCut, priCut,
                        solution and directions, e.g.
                        '{"sets":{"ATT":{"attainment":"total","threshold":0.5},
                        "LARGE":{"attribute":"size","categories":["large"]}},
                        "conditions":["LARGE"],"outcome":"ATT"}'
  --title <text>        the report's heading (default: the document's title)
  --out <file>          write to a file instead of stdout
  -h, --help            show this help

CSV cells starting with = + - @ tab or CR are prefixed with ' (formula-injection
guard); read them back with "import --strip-formula-guard".

Exit codes: 0 ok, 1 the document has problems, 2 usage error (bad option or policy).
`

/** A tidy table for csv or json output: its rows and, where the layout is fixed, its columns. */
interface TidyTable {
  readonly rows: readonly object[]
  readonly columns?: readonly string[]
}

const tidyTable = (
  ev: Evaluation,
  table: DocumentTable,
  policy: DenominatorPolicy,
  unknown: UnknownPolicy,
): Result<TidyTable> => {
  switch (table) {
    case 'standards':
      return E.map((r: Parameters<typeof attainmentRows>[0]) => ({ rows: attainmentRows(r) }))(
        attainmentEither(ev, policy),
      )
    case 'objectives':
      return E.map((rows: readonly object[]) => ({ rows }))(
        objectiveAttainmentEither(ev, { by: ['unit', 'type'], unknown }),
      )
    case 'ratings':
      return E.right({ rows: ratingRows(ev), columns: RATING_COLUMNS.map((c) => c.name) })
    case 'cells':
      return E.right({ rows: objectiveCellRows(ev), columns: OBJECTIVE_CELL_COLUMNS.map((c) => c.name) })
    case 'objective-list':
      return E.right({ rows: objectiveListRows(ev), columns: OBJECTIVE_LIST_COLUMNS.map((c) => c.name) })
    case 'register':
      return E.right({
        rows: registerOf(ev).entries.map(({ line: _line, lines: _lines, ...e }) => e),
        columns: ['label', 'text', 'section', 'theme', 'attribution', 'informant', 'source'],
      })
    case 'register-problems':
      return E.right({
        rows: evidenceFindings(ev).map((f) => ({ ...f, lines: f.lines.join(' '), related: f.related.join(' ') })),
        columns: ['kind', 'label', 'line', 'lines', 'related', 'message'],
      })
    case 'register-counts':
      return E.right({
        rows: (['site', 'group', 'section', 'theme'] as const).flatMap((by) =>
          registerCounts(registerOf(ev), { by, sites: evaluationSites(ev) }).map((r) => ({
            ...r,
            labels: r.labels.join(' '),
          })),
        ),
      })
  }
}

/** The table as CSV (through the formula guard) or as a JSON array of rows (nulls kept, keys in column order). */
const renderTidy = (t: TidyTable, format: 'csv' | 'json'): string => {
  if (format === 'csv') return toCsv(t.rows, t.columns === undefined ? {} : { columns: t.columns })
  const rows =
    t.columns === undefined
      ? t.rows
      : t.rows.map((r) => Object.fromEntries(t.columns!.map((c) => [c, (r as Record<string, unknown>)[c] ?? null])))
  return `${jsonText(rows, 2)}\n`
}

/**
 * `realist-eval report <file>`: render a document's report (Markdown, HTML, CSV or JSON), or one
 * of its tables (`--table`), under a denominator policy.
 * @param args the command's arguments, after the command name
 * @param env the CLI's environment (output streams, files, clock)
 * @returns the exit code: 0 rendered, 1 the document has problems, 2 usage error
 * @throws {UsageError} for a missing file, an unknown option or a bad option value
 * @example
 * const printed = []
 * const env = { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t), readFile: () => new TextEncoder().encode(JSON.stringify(encodeEvaluation(mhipEvaluation))),
 *   writeFile: () => {}, stderrIsTTY: false, now: () => 0 }
 * report(['mhip.json', '--format', 'md'], env) //=> 0
 * printed[0] //=> '# External evaluation of the Mental Health Improvement Partnerships (E-MHIP)…'
 */
export const report = (args: readonly string[], env: CliEnv): number => {
  const p = parse(args, {
    format: { type: 'string' },
    policy: { type: 'string' },
    unknown: { type: 'string' },
    round: { type: 'string' },
    table: { type: 'string' },
    qca: { type: 'string' },
    by: { type: 'string' },
    coefficient: { type: 'string' },
    instrument: { type: 'string' },
    level: { type: 'string' },
    title: { type: 'string' },
    out: { type: 'string', short: 'o' },
  })
  if (p.values['help'] === true) return (env.stdout(REPORT_HELP), EXIT.ok)
  const file = onePositional(p, 'document file (JSON)')
  const format = oneOf(p, 'format', FORMATS, 'md')
  const policy = policyArg(str(p, 'policy'))
  const unknown = oneOf(p, 'unknown', UNKNOWN_POLICIES, 'bounds')
  const round = str(p, 'round') ?? null
  const title = str(p, 'title')
  const qcaArg = str(p, 'qca')
  refuseOverwrite(env, str(p, 'out'), [file, qcaArg?.trimStart().startsWith('{') === true ? undefined : qcaArg])
  const doc = loadDocument(env, file)
  if (E.isLeft(doc)) {
    printProblems(env.stderr, file, doc.left)
    return EXIT.dataProblems
  }
  const ev = doc.right
  if (round !== null && !ev.rounds.some((r) => r.id === round)) {
    env.stderr(
      `realist-eval report: --round ${JSON.stringify(round)} is not a round of ${file} (${ev.rounds.map((r) => r.id).join(', ') || 'none'})\n`,
    )
    return EXIT.usage
  }
  const options = { policy, unknown, round, ...(title === undefined ? {} : { title }) }
  const table = oneOf(p, 'table', TABLES, documentCounts(ev).ratings > 0 ? 'standards' : 'objectives')
  const isQca = (QCA_TABLES as readonly string[]).includes(table)
  if (isQca && format === 'json') throw new UsageError('--format json: the QCA tables are written as md, html or csv')
  const agreementOptions = {
    by: str(p, 'by'),
    coefficient: str(p, 'coefficient'),
    instrument: str(p, 'instrument'),
    level: str(p, 'level'),
    round,
  }
  const out =
    table === 'agreement'
      ? E.map((rows: readonly object[]) =>
          format === 'md' || format === 'html'
            ? agreementCliRender(rows as Parameters<typeof agreementCliRender>[0], format)
            : renderTidy({ rows }, format),
        )(agreementCliRows(ev, agreementOptions))
      : isQca
        ? qcaTable(
            ev,
            table as QcaTableName,
            readQcaSpec(env, str(p, 'qca')),
            format as 'md' | 'html' | 'csv',
            round,
            policy,
          )
        : format === 'html'
          ? htmlReportEither(ev, options)
          : format === 'md'
            ? markdownReportEither(ev, options)
            : E.map((t: TidyTable) => renderTidy(t, format))(tidyTable(ev, table as DocumentTable, policy, unknown))
  if (E.isLeft(out)) {
    printProblems(env.stderr, file, out.left)
    return EXIT.dataProblems
  }
  emit(env, str(p, 'out'), out.right)
  return EXIT.ok
}
