/**
 * The CLI's dispatcher: one function from arguments to an exit code.
 * @module
 */
import { UsageError } from './args.js'
import { EXIT, MAX_INPUT_BYTES, type CliEnv } from './env.js'
import { termSafe } from './term.js'
import { example, EXAMPLE_HELP } from './commands/example.js'
import { importCommand, IMPORT_HELP } from './commands/import.js'
import { report, REPORT_HELP } from './commands/report.js'
import { validate, VALIDATE_HELP } from './commands/validate.js'
import { version } from '../../package.json'

/** The text of `realist-eval --help`: the commands, the options and the exit codes. */
export const MAIN_HELP = `Usage: realist-eval <command> [options]

Realist evaluation from the command line: check evaluation documents, import
ratings and objectives from CSV, and publish reports.

Commands:
  validate <file.json>   check a document and print every problem
  report <file.json>     render a report: --format md|html|csv, --policy …
  import <file.csv>      import a CSV (long or wide ratings, objective counts or
                         a list of objectives) onto a document and write the
                         new document
  example <name>         print an embedded example (mhip)
  help [command]         show help for a command

Options:
  -V, --version          print the version
  -h, --help             show this help

Run "realist-eval <command> --help" for a command's options. A file argument
of - reads standard input. Input files are read whole, up to ${MAX_INPUT_BYTES / 1024 / 1024} MB each. Output
(--out) is written whole or not at all (a temporary file, then a rename), and
never over an input file. Control characters in messages are printed as \\xNN.

Exit codes:
  0  success
  1  data problems: the document or the CSV has problems (each is printed
     with where it is: a JSON path or a CSV line and column)
  2  usage error: unknown command or option, missing argument, unreadable
     or too large file, invalid --policy, --out naming an input
  3  internal error in realist-eval (please report it)
`

const COMMANDS: Readonly<
  Record<string, { readonly run: (args: readonly string[], env: CliEnv) => number; readonly help: string }>
> = {
  validate: { run: validate, help: VALIDATE_HELP },
  report: { run: report, help: REPORT_HELP },
  import: { run: importCommand, help: IMPORT_HELP },
  example: { run: example, help: EXAMPLE_HELP },
}

/** V8's errors for a string, array or buffer larger than it can allocate: the input is too large, not a bug. */
const isOutOfMemory = (e: unknown): boolean =>
  e instanceof RangeError &&
  /Invalid string length|Invalid array length|Invalid typed array length|Array buffer allocation failed/.test(e.message)

/**
 * Run the CLI on its arguments (without `node` and the script path) and
 * return the exit code. Usage errors print a message and a pointer to the
 * help (exit 2); anything unexpected is an internal error (exit 3), never a
 * raw stack trace.
 * @param argv the arguments after `node` and the script path: a command and its options
 * @param rawEnv the outside world the CLI may touch (`nodeEnv()` in the binary; an in-memory one in tests)
 * @returns the exit code: 0 success, 1 invalid input (problems printed), 2 usage error, 3 internal error
 * @example
 * const printed = []
 * const doc = new TextEncoder().encode(JSON.stringify(encodeEvaluation(mhipEvaluation)))
 * const env = {
 *   stdout: (t) => printed.push(t), stderr: (t) => printed.push(t), readFile: () => doc,
 *   writeFile: () => {}, stderrIsTTY: false, now: () => 0,
 * }
 * run(['validate', 'mhip.json'], env) //=> 0
 * run(['nope'], env) //=> 2
 * printed.at(-1) //=> 'realist-eval: unknown command "nope"…'
 */
export const run = (argv: readonly string[], rawEnv: CliEnv): number => {
  // Every message goes through termSafe; data written by emit (reports, CSV, JSON) is kept as is.
  const env: CliEnv = {
    ...rawEnv,
    stderr: (t) => rawEnv.stderr(termSafe(t)),
    control: rawEnv.control ?? ((t) => rawEnv.stderr(termSafe(t))),
  }
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h')
    return (env.stdout(MAIN_HELP), command === undefined ? EXIT.usage : EXIT.ok)
  if (command === '--version' || command === '-V') return (env.stdout(`${version}\n`), EXIT.ok)
  if (command === 'help') {
    // `help --help` is a request for help, not an unknown command.
    const topic = rest[0] === '--help' || rest[0] === '-h' ? undefined : rest[0]
    const entry = topic === undefined ? undefined : Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined
    if (topic !== undefined && entry === undefined) {
      env.stderr(`realist-eval: unknown command ${JSON.stringify(topic)}\n\n${MAIN_HELP}`)
      return EXIT.usage
    }
    env.stdout(entry?.help ?? MAIN_HELP)
    return EXIT.ok
  }
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (entry === undefined) {
    env.stderr(`realist-eval: unknown command ${JSON.stringify(command)}\n\n${MAIN_HELP}`)
    return EXIT.usage
  }
  try {
    return entry.run(rest, env)
  } catch (e) {
    if (e instanceof UsageError) {
      env.stderr(`realist-eval ${command}: ${e.message}\nRun "realist-eval ${command} --help" for usage.\n`)
      return EXIT.usage
    }
    if (isOutOfMemory(e)) {
      env.stderr(
        `realist-eval ${command}: the input is too large to process in memory (${(e as Error).message}); split it into several files\n`,
      )
      return EXIT.usage
    }
    env.stderr(
      `realist-eval ${command}: internal error: ${e instanceof Error ? e.message : String(e)}\nPlease report this at the project's issue tracker.\n`,
    )
    return EXIT.internal
  }
}
