/**
 * What each exported declaration of `src/` lacks in its doc comment, read with
 * the TypeScript parser (so a signature over several lines, overloads and
 * arrow functions are seen as the compiler sees them).
 *
 * - A function (an `export function`, or an `export const` whose value is an
 *   arrow or function expression) needs a summary, an `@param` for each
 *   parameter named as in the signature (a destructured parameter has no name
 *   and is exempt), and `@returns`.
 * - A type, interface, enum or class needs a description.
 *
 * A doc comment tagged `@internal` is exempt. Each gap is reported as
 * `file#name: what is missing`, with `file` relative to `src/`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** One exported declaration's gaps. */
export interface DocGap {
  /** `file#name`, `file` relative to `src/` with `/` separators. */
  readonly key: string
  /** What is missing, e.g. `@param policy`, `@returns`, `description`. */
  readonly missing: readonly string[]
}

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : []
  })

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

/** The JSDoc comments attached to a node (for a `const`, those of its statement). */
const docsOf = (node: ts.Node): ts.JSDoc[] =>
  ((node as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []).filter((d) => d.kind === ts.SyntaxKind.JSDoc)

const commentText = (c: ts.JSDoc['comment']): string =>
  c === undefined ? '' : typeof c === 'string' ? c : c.map((p) => p.text).join('')

const described = (docs: readonly ts.JSDoc[]): boolean => docs.some((d) => commentText(d.comment).trim() !== '')

const tagsOf = (docs: readonly ts.JSDoc[]): readonly ts.JSDocTag[] => docs.flatMap((d) => [...(d.tags ?? [])])

const internal = (docs: readonly ts.JSDoc[]): boolean => tagsOf(docs).some((t) => t.tagName.text === 'internal')

const functionGaps = (docs: readonly ts.JSDoc[], params: readonly ts.ParameterDeclaration[]): string[] => {
  const tags = tagsOf(docs)
  const documented = new Set(
    tags.filter((t): t is ts.JSDocParameterTag => ts.isJSDocParameterTag(t)).map((t) => t.name.getText()),
  )
  const missing: string[] = []
  if (!described(docs)) missing.push('summary')
  for (const p of params) {
    if (ts.isIdentifier(p.name) && !documented.has(p.name.text)) missing.push(`@param ${p.name.text}`)
  }
  if (!tags.some((t) => t.tagName.text === 'returns' || t.tagName.text === 'return')) missing.push('@returns')
  return missing
}

/** The gaps of one source text; `rel` is its path relative to `src/`. */
export const textGaps = (text: string, rel: string): DocGap[] => {
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true)
  // Overloads share one name: the doc of any of its declarations counts.
  const functions = new Map<string, { docs: ts.JSDoc[]; params: ts.ParameterDeclaration[] }>()
  const gaps: DocGap[] = []
  const add = (name: string, missing: string[]) => {
    if (missing.length > 0) gaps.push({ key: `${rel}#${name}`, missing })
  }
  for (const st of sf.statements) {
    if (!isExported(st)) continue
    if (ts.isFunctionDeclaration(st) && st.name) {
      const seen = functions.get(st.name.text)
      const docs = docsOf(st)
      if (seen) seen.docs.push(...docs)
      else functions.set(st.name.text, { docs: [...docs], params: [...st.parameters] })
    } else if (ts.isVariableStatement(st)) {
      const docs = docsOf(st)
      if (internal(docs)) continue
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.initializer === undefined) continue
        let init: ts.Expression = d.initializer
        while (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init))
          init = init.expression
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) {
          add(d.name.text, functionGaps(docs, init.parameters))
        }
      }
    } else if (
      ts.isInterfaceDeclaration(st) ||
      ts.isTypeAliasDeclaration(st) ||
      ts.isEnumDeclaration(st) ||
      ts.isClassDeclaration(st)
    ) {
      const docs = docsOf(st)
      if (st.name && !internal(docs) && !described(docs)) add(st.name.text, ['description'])
    }
  }
  for (const [name, { docs, params }] of functions) {
    if (!internal(docs)) add(name, functionGaps(docs, params))
  }
  return gaps
}

/** The gaps of one source file under `src`. */
export const fileGaps = (file: string, src: string): DocGap[] =>
  textGaps(readFileSync(file, 'utf8'), relative(src, file).replace(/\\/g, '/'))

/** The gaps of every file under `src`, in file order. */
export const docGaps = (src: string): DocGap[] =>
  walk(src)
    .sort()
    .flatMap((f) => fileGaps(f, src))

/** The folder of a gap's key: `standards` for `standards/rows.ts#x`, `.` for a top-level file. */
export const folderOf = (key: string): string => {
  const file = key.split('#')[0]!
  return file.includes('/') ? file.split('/')[0]! : '.'
}
