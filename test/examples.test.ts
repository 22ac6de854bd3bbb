import { appendFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/Either'
import * as M from 'fp-ts/Monoid'
import * as t from 'io-ts'
import * as arrow from 'apache-arrow'
import * as hyparquet from 'hyparquet'
import * as hyparquetWriter from 'hyparquet-writer'
import * as O from 'fp-ts/Option'
import { pipe } from 'fp-ts/function'
import * as root from '../src/index.js'
import * as io from '../src/io/index.js'
import * as report from '../src/report/index.js'
import * as framework from '../src/data/emhip-framework.js'
import * as mhip from '../src/data/mhip/index.js'
import * as codec from '../src/codec.js'
import {
  compile,
  extractExamples,
  mismatch,
  MORE,
  Pattern,
  sourceFiles,
  Truncated,
  type ExampleFailure,
} from './support/examples.js'
import { FIXTURES } from './support/example-fixtures.js'
import { PENDING } from './support/examples-pending.js'

// Every `@example` in src/ runs, and every `//=>` value in it is compared with
// the actual value (the convention is in CONTRIBUTING.md and test/support/examples.ts).
const src = join(__dirname, '..', 'src')

const MODULES: Record<string, unknown> = {
  'realist-eval': root,
  'realist-eval/io': io,
  'realist-eval/report': report,
  'realist-eval/frameworks/emhip': framework,
  'realist-eval/datasets/mhip': mhip,
  'realist-eval/codec': codec,
  'fp-ts/Either': E,
  'fp-ts/lib/Either': E,
  'fp-ts/Option': O,
  'fp-ts/Monoid': M,
  'io-ts': t,
  // The columnar writers' optional peers, for the examples of toArrowIpc and toParquet.
  'apache-arrow': arrow,
  hyparquet,
  'hyparquet-writer': hyparquetWriter,
  'fp-ts/function': { pipe },
}

const scope: Record<string, unknown> = {
  ...root,
  ...io,
  ...report,
  ...framework,
  ...mhip,
  ...codec,
  pipe,
  right: E.right,
  left: E.left,
  isRight: E.isRight,
  isLeft: E.isLeft,
  ...FIXTURES,
}
const identifiers = (o: object): string[] => Object.keys(o).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))

// A relative path names a module of src/ beside the example's file (for the
// examples of internal helpers, which no entry exports).
const module =
  (file: string) =>
  async (name: string): Promise<unknown> => {
    if (name.startsWith('.')) return import(join(src, dirname(file), name.replace(/\.js$/, '.ts')))
    return entry(name)
  }

const entry = (name: string): unknown => {
  const m = MODULES[name]
  if (m === undefined) throw new Error(`example imports an unknown module ${name}`)
  return m
}

// An example runs with the public names in scope, and the names its own module
// exports (so an example of a module-level helper can call it); its own module's
// names win, so a helper that shares a public name (report's cellText, io's
// cellText) is the one its example calls.
const runExample = async (code: string, own: Record<string, unknown>, file: string): Promise<string[]> => {
  const local = { ...scope, ...own }
  const names = identifiers(local)
  const failures: string[] = []
  const check = async (
    line: number,
    actual: () => unknown,
    expected: () => unknown,
    throws: boolean,
    raw: string,
  ): Promise<void> => {
    if (throws) {
      try {
        await actual()
      } catch (e) {
        if (!root.isRealistError(e)) {
          failures.push(`line +${line}: expected a RealistError, got ${String(e)}`)
          return
        }
        const exp = expected()
        if (exp === undefined) return
        const text = exp instanceof Pattern ? exp.text : String(exp)
        if (!new Pattern(`…${text}…`).test(e.message)) {
          failures.push(
            `line +${line}: expected a message with ${JSON.stringify(text)}, got ${JSON.stringify(e.message)}`,
          )
        }
        return
      }
      failures.push(`line +${line}: expected to throw (${raw})`)
      return
    }
    let value: unknown
    try {
      value = await actual()
    } catch (e) {
      failures.push(`line +${line}: threw ${String(e instanceof Error ? e.message : e).slice(0, 300)}`)
      return
    }
    let exp: unknown
    try {
      exp = expected()
    } catch (e) {
      failures.push(`line +${line}: the expected value ${JSON.stringify(raw)} does not evaluate: ${String(e)}`)
      return
    }
    const m = mismatch(value, exp)
    if (m) failures.push(`line +${line}: ${m}`)
  }
  let fn: (...args: unknown[]) => Promise<void>
  try {
    fn = new Function(`${compile(code, names)}\nreturn __example`)() as typeof fn
  } catch (e) {
    const detail = (e as { errors?: { text: string }[] }).errors?.[0]?.text ?? String(e)
    return [`does not compile: ${detail}`]
  }
  try {
    await fn(local, check, module(file), MORE, Pattern, Truncated)
  } catch (e) {
    failures.push(`threw ${String(e instanceof Error ? e.message : e).slice(0, 300)}`)
  }
  return failures
}

const files = sourceFiles(src)
  .map((f) => ({ file: f, examples: extractExamples(f, src) }))
  .filter((f) => f.examples.length > 0)

describe('documentation examples', () => {
  it('finds the examples', () => {
    expect(files.reduce((n, f) => n + f.examples.length, 0)).toBeGreaterThan(400)
  })

  it.each(files.map((f) => [relative(src, f.file).replace(/\\/g, '/'), f.examples] as const))(
    '%s',
    async (file, examples) => {
      const failures: ExampleFailure[] = []
      const fixed: string[] = []
      const stillPending: string[] = []
      const own = (await import(join(src, file))) as Record<string, unknown>
      for (const ex of examples) {
        const messages = await runExample(ex.code, own, file)
        if (PENDING.has(ex.key)) {
          if (messages.length === 0) fixed.push(ex.key)
          else stillPending.push(...messages.map((m) => `PENDING ${ex.file}:${ex.line} (${ex.key}) ${m}`))
          continue
        }
        for (const message of messages) failures.push({ at: `${ex.file}:${ex.line} (${ex.key})`, message })
      }
      if (process.env.EXAMPLES_REPORT) {
        const lines = [
          ...failures.map((f) => `${f.at} ${f.message}`),
          ...fixed.map((k) => `FIXED ${k}`),
          ...stillPending,
        ]
        appendFileSync(process.env.EXAMPLES_REPORT, lines.map((l) => `${l}\n`).join(''))
      }
      expect(failures.map((f) => `${f.at} ${f.message}`).join('\n')).toBe('')
      // An example that now runs leaves the pending list.
      expect(fixed).toEqual([])
    },
  )

  it('lists only examples that exist in the pending list', () => {
    const keys = new Set(files.flatMap((f) => f.examples.map((e) => e.key)))
    expect([...PENDING].filter((k) => !keys.has(k))).toEqual([])
  })
})
