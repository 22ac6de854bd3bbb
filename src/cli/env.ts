/**
 * What the CLI touches of the outside world, passed in so that the commands
 * are plain functions (the tests spawn the built binary; this keeps the
 * commands themselves free of `process`).
 * @module
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** What the CLI touches of the outside world: its output streams, files and clock. */
export interface CliEnv {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Read a file; the path `-` is standard input. Above {@link MAX_INPUT_BYTES}: an error with code `EFBIG`. */
  readonly readFile: (path: string) => Uint8Array
  /** Write a file whole, or leave it as it was (atomically: a temporary file beside it, then a rename). */
  readonly writeFile: (path: string, text: string) => void
  /** Whether two paths name one existing file (after links); `false` when either does not exist. */
  readonly sameFile?: (a: string, b: string) => boolean
  /** Write terminal control text as is (the progress line's redraw); `stderr` escapes control characters. */
  readonly control?: (text: string) => void
  /** Whether stderr is a terminal (progress redraws one line with `\r`). */
  readonly stderrIsTTY: boolean
  readonly now: () => number
}

/**
 * The largest input file the CLI reads: 256 MiB. A larger document or CSV would not fit in memory
 * once decoded (a JavaScript string holds at most about 512 M characters, and the parsed objects take
 * several times the text), so it is refused up front with a clear message instead of failing half-way.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024

const tooLarge = (path: string, size: number): Error =>
  Object.assign(new Error(`${path} is larger than the input limit`), { code: 'EFBIG', size })

/** Read a file descriptor to its end, refusing more than `MAX_INPUT_BYTES` (standard input has no size up front). */
const readLimited = (fd: number, path: string): Uint8Array => {
  const size = fstatSync(fd).size
  if (size > MAX_INPUT_BYTES) throw tooLarge(path, size)
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const chunk = new Uint8Array(1 << 20)
    let n: number
    try {
      n = readSync(fd, chunk, 0, chunk.length, null)
    } catch (e) {
      if ((e as { code?: string }).code === 'EAGAIN') continue
      if ((e as { code?: string }).code === 'EOF') break
      throw e
    }
    if (n === 0) break
    total += n
    if (total > MAX_INPUT_BYTES) throw tooLarge(path, total)
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n))
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** Write `text` to `path` through a temporary file in the same folder and a rename, so a reader never sees half a file. */
const writeAtomically = (path: string, text: string): void => {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`)
  try {
    writeFileSync(temp, text, { flag: 'wx' })
    renameSync(temp, path)
  } catch (e) {
    try {
      unlinkSync(temp)
    } catch {
      // the temporary file was not created
    }
    throw e
  }
}

const fileId = (path: string): string | undefined => {
  try {
    const s = statSync(path)
    return `${s.dev}:${s.ino}`
  } catch {
    return undefined
  }
}

/**
 * The real environment of a Node process: `process.stdout` and `stderr`, files read up to
 * {@link MAX_INPUT_BYTES} (`-` is standard input), written atomically, and the system clock.
 * @returns the environment the `realist-eval` binary runs in
 * @example
 * const env = nodeEnv()
 * env.stderrIsTTY === (process.stderr.isTTY === true) //=> true
 */
export const nodeEnv = (): CliEnv => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  // File descriptor 0 is standard input: `-` reads a piped file.
  readFile: (p) => {
    if (p === '-') return readLimited(0, 'standard input')
    const fd = openSync(p, 'r')
    try {
      return readLimited(fd, p)
    } finally {
      closeSync(fd)
    }
  },
  writeFile: writeAtomically,
  sameFile: (a, b) => {
    const x = fileId(a)
    return x !== undefined && x === fileId(b)
  },
  control: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
  now: () => Date.now(),
})

/** Exit codes, as documented in `realist-eval --help`. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The data has problems: an invalid document, CSV rows that do not import. */
  dataProblems: 1,
  /** The command line is wrong: unknown command or option, missing argument, unreadable or too large file, bad policy. */
  usage: 2,
  /** A bug in realist-eval: please report it. */
  internal: 3,
} as const
