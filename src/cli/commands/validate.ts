import * as E from '../../model/either.js'
import { onePositional, parse } from '../args.js'
import { loadDocument, printProblems, summary } from '../document.js'
import { termSafe } from '../term.js'
import { jsonText } from '../../report/escape.js'
import { EXIT, type CliEnv } from '../env.js'

/** The text of `realist-eval validate --help`. */
export const VALIDATE_HELP = `Usage: realist-eval validate <file.json> [--json]

Check an evaluation document: its shape, every reference (ratings to the
framework, units to sites, evidence to informants, …) and every cross-field
rule (attained ≤ total, …). Prints every problem, one per line, with where it
is and what was expected.

Options:
  --json       print the problems as a JSON array of
               { path, where, expected, found, code } (an empty array when valid)
  -h, --help   show this help

Exit codes: 0 valid, 1 the document has problems, 2 usage error.
`

/**
 * `realist-eval validate <file>`: check a document and print every problem (or, with `--json`,
 * the problems as a JSON array).
 * @param args the command's arguments, after the command name
 * @param env the CLI's environment (output streams, files, clock)
 * @returns the exit code: 0 valid, 1 the document has problems, 2 usage error
 * @throws {UsageError} for a missing file or an unknown option
 * @example
 * const printed = []
 * const env = { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t), readFile: () => new TextEncoder().encode(JSON.stringify(encodeEvaluation(mhipEvaluation))),
 *   writeFile: () => {}, stderrIsTTY: false, now: () => 0 }
 * validate(['mhip.json', '--json'], env) //=> 0
 * printed //=> ['[]\n']
 */
export const validate = (args: readonly string[], env: CliEnv): number => {
  const p = parse(args, { json: { type: 'boolean' } })
  if (p.values['help'] === true) return (env.stdout(VALIDATE_HELP), EXIT.ok)
  const file = onePositional(p, 'document file (JSON)')
  const doc = loadDocument(env, file)
  if (p.values['json'] === true) {
    env.stdout(jsonText(E.isLeft(doc) ? doc.left : [], 2) + '\n')
    return E.isLeft(doc) ? EXIT.dataProblems : EXIT.ok
  }
  if (E.isLeft(doc)) {
    printProblems((t) => env.stdout(termSafe(t)), file, doc.left)
    return EXIT.dataProblems
  }
  env.stdout(termSafe(`${file}: valid. ${JSON.stringify(doc.right.title)}: ${summary(doc.right)}.\n`))
  return EXIT.ok
}
