/**
 * Extract and run the `@example` blocks of the sources, as fp-ts's docs-ts does.
 *
 * The convention (written for contributors in CONTRIBUTING.md):
 * - An example runs with every public name of the package in scope (the root
 *   entry and the `io`, `report`, `frameworks/emhip` and `datasets/mhip`
 *   subpaths), plus `pipe`, `right`, `left` and the fixtures of `FIXTURES` below.
 *   `import` lines in an example are honoured (they map to the same modules);
 *   an example of an `@internal` helper may import a module of `src/` by a
 *   path relative to its own file (`import { compileFramework } from './compile.js'`).
 * - A line `expr //=> expected` checks that `expr` deeply equals `expected`.
 *   `const x = expr //=> expected` checks `x`. The expected value is a JS
 *   expression; continuation lines start with `//` while brackets are open.
 * - `…` stands for "more not shown": in an object, other keys; in an array,
 *   other elements (before or after those shown); as a whole value, anything;
 *   inside a string, any text; after a number's digits, nothing (the number is
 *   truncated).
 * - A number with d decimals matches an actual value that rounds to it at d
 *   decimals; an integer matches exactly.
 * - `//=> throws 'text'` checks the expression throws a `RealistError` whose
 *   message contains the text (`…` wildcard allowed); `//=> throws` alone checks
 *   only that it throws a `RealistError`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { transformSync } from 'esbuild'

export interface Example {
  readonly file: string
  readonly line: number
  readonly code: string
  /** `file#name#k`: the k-th example of the export `name` (stable under edits elsewhere in the file). */
  readonly key: string
}

export interface ExampleFailure {
  readonly at: string
  readonly message: string
}

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : []
  })

export const sourceFiles = (src: string): string[] => walk(src).sort()

/** Every `@example` block of one file, with the line its code starts on. */
export const extractExamples = (file: string, src: string): Example[] => {
  const lines = readFileSync(file, 'utf8').split('\n')
  const out: Example[] = []
  let inDoc = false
  let current: { line: number; body: string[] } | undefined
  const flush = () => {
    if (current && current.body.some((l) => l.trim() !== '')) {
      pending.push({ line: current.line, code: current.body.join('\n') })
    }
    current = undefined
  }
  const pending: { line: number; code: string }[] = []
  const flushBlock = (end: number) => {
    let name = '?'
    for (let j = end + 1; j < Math.min(lines.length, end + 6); j++) {
      const m =
        /^export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|function\*?|class|interface|type|enum)\s+(\w+)/.exec(
          lines[j]!,
        )
      const method = /^\s+(?:static\s+)?(?:async\s+)?(\w+)\s*[(<]/.exec(lines[j]!)
      if (m ?? method) {
        name = (m ?? method)![1]!
        break
      }
    }
    pending.forEach((p, k) => {
      const f = relative(src, file).replace(/\\/g, '/')
      out.push({ file: f, line: p.line, code: p.code, key: `${f}#${name}#${k}` })
    })
    pending.length = 0
  }
  lines.forEach((raw, i) => {
    const t = raw.trim()
    if (!inDoc) {
      if (t.startsWith('/**')) inDoc = true
      else return
    }
    const ended = t.endsWith('*/')
    const text = raw
      .replace(/^\s*\/\*\*\s?/, '')
      .replace(/\s*\*\/\s*$/, '')
      .replace(/^\s*\* ?/, '')
    if (/^@example\b/.test(text.trim())) {
      flush()
      current = { line: i + 2, body: [] }
      const rest = text.trim().slice('@example'.length).trim()
      if (rest !== '') current.body.push(rest)
    } else if (/^@\w+/.test(text.trim())) {
      flush()
    } else if (current && !/^```/.test(text.trim())) {
      current.body.push(text)
    }
    if (ended) {
      flush()
      flushBlock(i)
      inDoc = false
    }
  })
  return out
}

// ---- expected values ------------------------------------------------------

/** Marks "more not shown" in an expected value. */
export const MORE: unique symbol = Symbol('more')
/** A string with `…` wildcards. */
export class Pattern {
  constructor(readonly text: string) {}
  test(s: string): boolean {
    const parts = this.text.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    return new RegExp(`^${parts.join('[\\s\\S]*')}$`).test(s)
  }
}
/** A number shown truncated (`0.1111…`): matches by prefix of its digits. */
export class Truncated {
  constructor(readonly digits: string) {}
}

/** Rewrite `…` in an expected-value expression into markers the matcher knows. */
export const rewriteEllipsis = (expected: string): string => {
  let out = ''
  const stack: string[] = []
  let i = 0
  while (i < expected.length) {
    const c = expected[i]!
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1
      while (j < expected.length && expected[j] !== c) j += expected[j] === '\\' ? 2 : 1
      const lit = expected.slice(i, j + 1)
      out += lit.includes('…') ? `new __Pattern(${lit})` : lit
      i = j + 1
      continue
    }
    if (c === '{' || c === '[' || c === '(') stack.push(c)
    if (c === '}' || c === ']' || c === ')') stack.pop()
    if (c === '…') {
      const before = out.trimEnd()
      const numberBefore = /(-?\d+(?:\.\d+)?)$/.exec(before)
      if (/[A-Za-z_$]/.test(expected[i + 1] ?? '')) {
        out += '...' // `…name` is a spread
      } else if (numberBefore && before === out) {
        out = out.slice(0, out.length - numberBefore[1]!.length) + `new __Truncated('${numberBefore[1]}')`
      } else if (stack.at(-1) === '{' && !before.endsWith(':')) {
        out += '[__MORE]: true'
      } else {
        out += '__MORE'
      }
      i++
      continue
    }
    out += c
    i++
  }
  return out
}

const decimals = (n: number): number => {
  const s = String(n)
  if (s.includes('e')) return 20
  const dot = s.indexOf('.')
  return dot < 0 ? 0 : s.length - dot - 1
}

const show = (v: unknown): string => {
  try {
    const s = JSON.stringify(v, (_k, x: unknown) =>
      typeof x === 'number' && !Number.isFinite(x)
        ? String(x)
        : typeof x === 'bigint'
          ? `${x}n`
          : x instanceof Map
            ? Object.fromEntries(x)
            : x instanceof Set
              ? [...x]
              : x === undefined
                ? '<undefined>'
                : typeof x === 'symbol'
                  ? x.toString()
                  : x,
    )
    return (s ?? String(v)).slice(0, 400)
  } catch {
    return String(v).slice(0, 400)
  }
}

/** Deep match of an actual value against an expected one, or the path where they differ. */
export const mismatch = (actual: unknown, expected: unknown, path = '$'): string | undefined => {
  if (expected === MORE) return undefined
  if (expected instanceof Pattern) {
    return typeof actual === 'string' && expected.test(actual)
      ? undefined
      : `${path}: expected ${show(expected.text)}, got ${show(actual)}`
  }
  if (expected instanceof Truncated) {
    const ok = typeof actual === 'number' && String(actual).startsWith(expected.digits)
    return ok ? undefined : `${path}: expected ${expected.digits}…, got ${show(actual)}`
  }
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: expected ${expected}, got ${show(actual)}`
    if (Number.isNaN(expected)) return Number.isNaN(actual) ? undefined : `${path}: expected NaN, got ${actual}`
    if (!Number.isFinite(expected))
      return actual === expected ? undefined : `${path}: expected ${expected}, got ${actual}`
    const d = decimals(expected)
    const ok = d === 0 ? actual === expected : Math.abs(actual - expected) <= 0.5 * 10 ** -d + 1e-12
    return ok ? undefined : `${path}: expected ${expected}, got ${actual}`
  }
  if (expected === null || typeof expected !== 'object') {
    return Object.is(actual, expected) ? undefined : `${path}: expected ${show(expected)}, got ${show(actual)}`
  }
  if (actual instanceof Map) actual = Object.fromEntries(actual)
  if (actual instanceof Set) actual = [...actual]
  if (ArrayBuffer.isView(actual) && !(actual instanceof DataView))
    actual = Array.from(actual as unknown as ArrayLike<number>)
  if (ArrayBuffer.isView(expected) && !(expected instanceof DataView)) {
    expected = Array.from(expected as unknown as ArrayLike<number>)
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`
    const at = expected.indexOf(MORE)
    if (at < 0) {
      if (actual.length !== expected.length) {
        return `${path}: expected ${expected.length} elements, got ${actual.length}: ${show(actual)}`
      }
      for (let i = 0; i < expected.length; i++) {
        const m = mismatch(actual[i], expected[i], `${path}[${i}]`)
        if (m) return m
      }
      return undefined
    }
    const head = expected.slice(0, at)
    const tail = expected.slice(at + 1).filter((x) => x !== MORE)
    if (actual.length < head.length + tail.length) {
      return `${path}: expected at least ${head.length + tail.length} elements, got ${actual.length}`
    }
    for (let i = 0; i < head.length; i++) {
      const m = mismatch(actual[i], head[i], `${path}[${i}]`)
      if (m) return m
    }
    for (let i = 0; i < tail.length; i++) {
      const k = actual.length - tail.length + i
      const m = mismatch(actual[k], tail[i], `${path}[${k}]`)
      if (m) return m
    }
    return undefined
  }
  if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${show(actual)}`
  const exp = expected as Record<string | symbol, unknown>
  const act = actual as Record<string, unknown>
  const open = MORE in exp
  const keys = Object.keys(exp)
  for (const k of keys) {
    if (!(k in act) && exp[k] !== undefined) return `${path}.${k}: missing in ${show(actual)}`
    const m = mismatch(act[k], exp[k], `${path}.${k}`)
    if (m) return m
  }
  if (!open) {
    const extra = Object.keys(act).filter((k) => !keys.includes(k) && act[k] !== undefined)
    if (extra.length > 0) return `${path}: unexpected keys ${extra.join(', ')} in ${show(actual)}`
  }
  return undefined
}

// ---- turning an example into a function ------------------------------------

const depth = (s: string): number => {
  let d = 0
  let q: string | undefined
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (q) {
      if (c === '\\') i++
      else if (c === q) q = undefined
      continue
    }
    if (c === '/' && s[i + 1] === '/') break
    if (c === "'" || c === '"' || c === '`') q = c
    else if ('{[('.includes(c)) d++
    else if ('}])'.includes(c)) d--
  }
  return d
}

/** An expected value without its trailing `// note`. */
export const withoutNote = (expected: string): string => {
  let q: string | undefined
  for (let i = 0; i < expected.length; i++) {
    const c = expected[i]!
    if (q) {
      if (c === '\\') i++
      else if (c === q) q = undefined
      continue
    }
    if (c === "'" || c === '"' || c === '`') q = c
    else if (c === '/' && expected[i + 1] === '/') return expected.slice(0, i).trim()
  }
  return expected.trim()
}

const exprDepth = (s: string): number => depth(s.replace(/\/\//g, ' '))

const importLine = (line: string): string | undefined => {
  const m = /^\s*import\s+(type\s+)?(.+?)\s+from\s+['"]([^'"]+)['"];?\s*$/.exec(line)
  if (!m) return undefined
  if (m[1]) return ''
  const what = m[2]!.trim()
  const mod = JSON.stringify(m[3])
  const star = /^\*\s+as\s+(\w+)$/.exec(what)
  if (star) return `const ${star[1]} = await __module(${mod});`
  const names = what
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '' && !n.startsWith('type '))
    .map((n) => n.replace(/\s+as\s+/, ': '))
  return `const { ${names.join(', ')} } = await __module(${mod});`
}

/** The example's body, with each `//=>` line turned into a check. */
export const instrument = (code: string): string => {
  const lines = code.split('\n')
  const out: string[] = []
  let buffer: string[] = []
  let open = 0
  let last: { at: number; length: number; code: string } | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const imp = importLine(line)
    if (imp !== undefined && buffer.length === 0) {
      out.push(imp)
      continue
    }
    const at = line.indexOf('//=>')
    if (at < 0) {
      buffer.push(line)
      open += depth(line)
      if (open <= 0) {
        const code = buffer.join('\n').trim()
        last = code === '' || code.startsWith('//') ? last : { at: out.length, length: buffer.length, code }
        out.push(...buffer)
        buffer = []
        open = 0
      }
      continue
    }
    let expected = line.slice(at + 4).trim()
    let eDepth = exprDepth(expected)
    while (eDepth > 0 && i + 1 < lines.length && /^\s*\/\/(?!=>)/.test(lines[i + 1]!)) {
      i++
      const more = lines[i]!.replace(/^\s*\/\/\s?/, '')
      expected += '\n' + more
      eDepth += exprDepth(more)
    }
    let code = [...buffer, line.slice(0, at)].join('\n').trim()
    if (code === '' && last !== undefined) {
      // `//=>` on a line of its own checks the statement just before it.
      out.splice(last.at, last.length)
      code = last.code
    }
    last = undefined
    const stmt = code.replace(/;$/, '')
    buffer = []
    open = 0
    const lineNo = i
    const decl = /^(const|let|var)\s+(\w+)\s*(?::[^=]+)?=\s*([\s\S]+)$/.exec(stmt)
    let value: string
    if (decl) {
      out.push(`${decl[1]} ${decl[2]} = ${decl[3]};`)
      value = decl[2]!
    } else {
      const log = /^console\.log\(([\s\S]+)\)$/.exec(stmt)
      value = log ? log[1]! : stmt
    }
    expected = withoutNote(expected)
    const throws = /^throws\b\s*([\s\S]*)$/.exec(expected)
    const exp = throws
      ? throws[1]!.trim() === ''
        ? 'undefined'
        : rewriteEllipsis(throws[1]!)
      : rewriteEllipsis(expected)
    const fn = decl ? `() => (${value})` : `async () => (${value})`
    out.push(
      `await __check(${lineNo}, ${fn}, () => (${exp}), ${throws ? 'true' : 'false'}, ${JSON.stringify(expected)});`,
    )
  }
  out.push(...buffer)
  return out.join('\n')
}

/** Compile one example into an async function of (scope, check, module). */
export const compile = (code: string, names: readonly string[]): string => {
  const body = instrument(code)
  const src = `async function __example(__scope, __check, __module, __MORE, __Pattern, __Truncated) {
const { ${names.join(', ')} } = __scope;
{
${body}
}
}`
  return transformSync(src, { loader: 'ts', target: 'es2022' }).code
}
