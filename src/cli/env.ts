/**
 * What the CLI touches of the outside world, passed in so that the commands
 * are plain functions (the tests spawn the built binary; this keeps the
 * commands themselves free of `process`).
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs'

export interface CliEnv {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Read a file; the path `-` is standard input. */
  readonly readFile: (path: string) => Uint8Array
  readonly writeFile: (path: string, text: string) => void
  /** Whether stderr is a terminal (progress redraws one line with `\r`). */
  readonly stderrIsTTY: boolean
  readonly now: () => number
}

/** The real environment of a Node process. */
export const nodeEnv = (): CliEnv => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  // File descriptor 0 is standard input: `-` reads a piped file.
  readFile: (p) => readFileSync(p === '-' ? 0 : p),
  writeFile: (p, t) => writeFileSync(p, t),
  stderrIsTTY: process.stderr.isTTY === true,
  now: () => Date.now(),
})

/** Exit codes, as documented in `realist-eval --help`. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The data has problems: an invalid document, CSV rows that do not import. */
  dataProblems: 1,
  /** The command line is wrong: unknown command or option, missing argument, unreadable file, bad policy. */
  usage: 2,
  /** A bug in realist-eval: please report it. */
  internal: 3,
} as const
