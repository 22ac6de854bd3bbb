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

/** Read a file, or throw a usage error naming it (missing, a folder, above the input limit). */
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

/** Read, parse and decode an evaluation document (JSON). */
export const loadDocument = (env: CliEnv, path: string): Result<Evaluation> =>
  E.chain((json: unknown) => decodeEvaluation(json))(parseJson(new TextDecoder().decode(readInput(env, path))))

/** Print problems, one per line, after a count; to stderr unless told otherwise. */
export const printProblems = (write: (t: string) => void, label: string, problems: readonly Problem[]): void => {
  write(`${label}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`)
  for (const p of problems) write(`  - ${formatProblem(p)}\n`)
}

/** A one-line summary of a document: `4 sites, 15 units, 1 round, 0 ratings, 84 objectives`. */
export const summary = (ev: Evaluation): string => describeCounts(documentCounts(ev))

/** Write output to a file (`--out`) or stdout. */
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
