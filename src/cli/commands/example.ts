import { mhipEvaluation } from '../../data/mhip/index.js'
import { encodeEvaluation } from '../../model/codec.js'
import type { Evaluation } from '../../model/evaluation.js'
import { htmlReport } from '../../report/html-report.js'
import { jsonText } from '../../report/escape.js'
import { markdownReport } from '../../report/markdown-report.js'
import { toCsv } from '../../io/csv/write.js'
import { objectiveCellRows } from '../../io/export/document-rows.js'
import { OBJECTIVE_CELL_COLUMNS } from '../../io/export/columnar.js'
import { oneOf, onePositional, parse, str, UsageError } from '../args.js'
import { emit } from '../document.js'
import { EXIT, type CliEnv } from '../env.js'

const EXAMPLES: Readonly<Record<string, { readonly doc: Evaluation; readonly about: string }>> = {
  mhip: {
    doc: mhipEvaluation,
    about:
      'E-MHIP Table 7 (2008): 4 pilot sites, 15 workstreams, objectives attained, attribution and impact; no standard ratings (the report publishes none)',
  },
}

const FORMATS = ['json', 'md', 'html', 'csv'] as const

/** The text of `realist-eval example --help`. */
export const EXAMPLE_HELP = `Usage: realist-eval example <name> [--format json|md|html|csv] [--out file]

Print an embedded example document, or its report.

Examples:
${Object.entries(EXAMPLES)
  .map(([name, e]) => `  ${name.padEnd(10)} ${e.about}`)
  .join('\n')}

Options:
  --format json|md|html|csv  json: the document (default), to validate, edit or
                             import onto; md / html: its report; csv: its
                             objective cells in the import layout
  --out <file>               write to a file instead of stdout
  -h, --help                 show this help

Exit codes: 0 ok, 2 usage error (unknown example or option).
`

/**
 * `realist-eval example <name>`: print an embedded example document (as JSON), its report
 * (Markdown or HTML) or its objective cells (CSV), to stdout or `--out`.
 * @param args the command's arguments, after the command name
 * @param env the CLI's environment (output streams, files, clock)
 * @returns the exit code: 0 printed, 2 usage error
 * @throws {UsageError} for an unknown example, format or option (the dispatcher prints it and exits 2)
 * @example
 * const printed = []
 * const env = { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t), readFile: () => new Uint8Array(),
 *   writeFile: () => {}, stderrIsTTY: false, now: () => 0 }
 * example(['mhip', '--format', 'csv'], env) //=> 0
 * printed[0] //=> 'site,unit,type,attained,total,…'
 */
export const example = (args: readonly string[], env: CliEnv): number => {
  const p = parse(args, { format: { type: 'string' }, out: { type: 'string', short: 'o' } })
  if (p.values['help'] === true) return (env.stdout(EXAMPLE_HELP), EXIT.ok)
  const name = onePositional(p, `example name (${Object.keys(EXAMPLES).join(', ')})`)
  const found = EXAMPLES[name]
  if (found === undefined || !Object.hasOwn(EXAMPLES, name))
    throw new UsageError(`unknown example ${JSON.stringify(name)} (known: ${Object.keys(EXAMPLES).join(', ')})`)
  const format = oneOf(p, 'format', FORMATS, 'json')
  const text =
    format === 'json'
      ? jsonText(encodeEvaluation(found.doc), 2) + '\n'
      : format === 'md'
        ? markdownReport(found.doc)
        : format === 'html'
          ? htmlReport(found.doc)
          : toCsv(objectiveCellRows(found.doc), { columns: OBJECTIVE_CELL_COLUMNS.map((c) => c.name) })
  emit(env, str(p, 'out'), text)
  return EXIT.ok
}
