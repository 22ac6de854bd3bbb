/**
 * Reading documents and printing problems, shared by the commands.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { parseJson } from '../model/codec.js'
import { decodeEvaluation } from '../document/decode.js'
import type { Evaluation } from '../model/evaluation.js'
import { formatProblem, type Problem, type Result } from '../model/problem.js'
import { describeCounts, documentCounts } from '../report/report-inputs.js'
import { UsageError } from './args.js'
import { MAX_INPUT_BYTES, type CliEnv } from './env.js'

const MB = 1024 * 1024

/**
 * Read a file, or throw a usage error naming it (missing, a folder, above the input limit).
 * @param env the CLI's environment
 * @param path the file's path; `-` is standard input
 * @returns the file's bytes
 * @throws {UsageError} when the file cannot be read, saying why
 * @example
 * const env = { stdout: () => {}, stderr: () => {}, readFile: () => { throw Object.assign(new Error(), { code: 'ENOENT' }) },
 *   writeFile: () => {}, stderrIsTTY: false, now: () => 0 }
 * const message = (() => { try { readInput(env, 'doc.json') } catch (e) { return e.message } })()
 * message //=> 'cannot read doc.json: no such file'
 */
export const readInput = (env: CliEnv, path: string): Uint8Array => {
  try {
    return env.readFile(path)
  } catch (e) {
    const { code, size } = e as { code?: string; size?: number }
    if (code === 'EFBIG')
      throw new UsageError(
        `cannot read ${path}: it is ${size === undefined ? 'larger than' : `${Math.ceil(size / MB)} MB, above`} the input limit of ` +
          `${MAX_INPUT_BYTES / MB} MB (split the data into several files)`,
      )
    throw new UsageError(
      `cannot read ${path}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a directory' : code === undefined ? '' : ` (${code})`}`,
    )
  }
}

/**
 * Refuse an `--out` that names one of the command's input files (after links, so `./doc.json`, an
 * absolute path and a symbolic link to it are all caught): writing there would replace the input.
 * @param env the CLI's environment (its `sameFile` compares paths; without it nothing is refused)
 * @param out the `--out` path, if any (`-` is standard output)
 * @param inputs the command's input paths
 * @returns nothing; it throws when `out` is an input
 * @throws {UsageError} when `out` names one of the inputs
 * @example
 * const env = { stdout: () => {}, stderr: () => {}, readFile: () => new Uint8Array(), writeFile: () => {},
 *   sameFile: (a, b) => a === b, stderrIsTTY: false, now: () => 0 }
 * refuseOverwrite(env, 'new.json', ['doc.json']) //=> undefined
 */
export const refuseOverwrite = (
  env: CliEnv,
  out: string | undefined,
  inputs: readonly (string | undefined)[],
): void => {
  if (out === undefined || out === '-' || env.sameFile === undefined) return
  for (const input of inputs)
    if (input !== undefined && input !== '-' && env.sameFile(out, input))
      throw new UsageError(`--out ${out} is ${input}, an input of this command: write the output to another file`)
}

/**
 * Read, parse and decode an evaluation document (JSON).
 * @param env the CLI's environment
 * @param path the document's path; `-` is standard input
 * @returns `Right` of the evaluation, or `Left` of the JSON or document problems
 * @throws {UsageError} when the file cannot be read
 * @example
 * const text = JSON.stringify(encodeEvaluation(mhipEvaluation))
 * const env = { stdout: () => {}, stderr: () => {}, readFile: () => new TextEncoder().encode(text),
 *   writeFile: () => {}, stderrIsTTY: false, now: () => 0 }
 * loadDocument(env, 'mhip.json') //=> right(mhipEvaluation)
 */
export const loadDocument = (env: CliEnv, path: string): Result<Evaluation> =>
  E.chain((json: unknown) => decodeEvaluation(json))(parseJson(new TextDecoder().decode(readInput(env, path))))

/**
 * Print problems, one per line, after a count.
 * @param write where to print (the environment's `stderr`, usually)
 * @param label what the problems are of (a file name)
 * @param problems the problems
 * @returns nothing
 * @example
 * const lines = []
 * printProblems((t) => lines.push(t), 'doc.json', [{ path: ['title'], where: 'title', expected: 'a string', found: '3', code: 'shape' }])
 * lines //=> ['doc.json: 1 problem\n', '  - title: expected a string, found 3\n']
 */
export const printProblems = (write: (t: string) => void, label: string, problems: readonly Problem[]): void => {
  write(`${label}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`)
  for (const p of problems) write(`  - ${formatProblem(p)}\n`)
}

/**
 * A one-line summary of a document.
 * @param ev the evaluation
 * @returns its counts in words
 * @example
 * summary(mhipEvaluation) //=> '4 sites, 15 units, 1 round, 0 ratings, …'
 */
export const summary = (ev: Evaluation): string => describeCounts(documentCounts(ev))

/**
 * Write output to a file (`--out`) or stdout.
 * @param env the CLI's environment
 * @param out the `--out` path; `undefined` writes to stdout
 * @param text the output
 * @returns nothing
 * @throws {UsageError} when the file cannot be written
 * @example
 * const printed = []
 * const env = { stdout: (t) => printed.push(t), stderr: () => {}, readFile: () => new Uint8Array(), writeFile: () => {},
 *   stderrIsTTY: false, now: () => 0 }
 * emit(env, undefined, 'report\n')
 * printed //=> ['report\n']
 */
export const emit = (env: CliEnv, out: string | undefined, text: string): void => {
  if (out === undefined) env.stdout(text)
  else {
    try {
      env.writeFile(out, text)
    } catch (e) {
      throw new UsageError(`cannot write ${out} (${(e as { code?: string }).code ?? String(e)})`)
    }
  }
}
