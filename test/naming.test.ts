import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The naming rule (docs/naming.md): a public function that returns an fp-ts
// Either is named `xEither`, and its throwing twin `x` is public too. The
// exceptions are the pairs the table in docs/naming.md lists. The check reads
// the return types with the TypeScript checker, over every package entry.
const root = join(__dirname, '..')
const ENTRIES = [
  'src/index.ts',
  'src/io/index.ts',
  'src/report/index.ts',
  'src/codec.ts',
  'src/data/emhip-framework.ts',
  'src/data/mhip/index.ts',
]

/** Either-returning name → its throwing twin, named by an older convention (docs/naming.md). */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  decodeEvaluation: 'parseEvaluation',
  applyEdit: 'edit',
  applyEdits: 'edit',
  findStandard: 'getStandard',
  findCriterion: 'getCriterion',
  findLevel: 'getLevel',
  resolveSite: 'getSiteByName',
}

/** Codec-kit helpers that return an io-ts `Validation` inside a codec (realist-eval/codec): not user calls. */
const CODEC_PLUMBING = new Set(['fail', 'decodeEvaluationWith', 'parseJson'])

const functions = (() => {
  const program = ts.createProgram(
    ENTRIES.map((e) => join(root, e)),
    {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
  )
  const checker = program.getTypeChecker()
  const returnsEither = (t: ts.Type): boolean => {
    const text = checker.typeToString(t)
    if (/^(E\.)?Either<|^Result<|^Validation</.test(text)) return true
    return t.isUnion() && t.types.length === 2 && t.types.every((u) => /^(Left|Right)</.test(checker.typeToString(u)))
  }
  const out = new Map<string, boolean>()
  for (const entry of ENTRIES) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(root, entry))!)!
    for (const ex of checker.getExportsOfModule(module)) {
      const s = ex.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(ex) : ex
      if (!(s.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable)) || !s.valueDeclaration) continue
      const signatures = checker.getTypeOfSymbolAtLocation(s, s.valueDeclaration).getCallSignatures()
      if (signatures.length === 0) continue
      out.set(ex.name, (out.get(ex.name) ?? false) || signatures.some((sig) => returnsEither(sig.getReturnType())))
    }
  }
  return out
})()

describe('naming rule', () => {
  it('reads the public functions', () => {
    expect(functions.size).toBeGreaterThan(300)
    expect(functions.get('wilsonEither')).toBe(true)
    expect(functions.get('wilson')).toBe(false)
  })

  it('names every Either-returning function xEither, or lists it as an exception', () => {
    const wrong = [...functions]
      .filter(
        ([name, either]) => either && !name.endsWith('Either') && !(name in EXCEPTIONS) && !CODEC_PLUMBING.has(name),
      )
      .map(([name]) => name)
    expect(wrong).toEqual([])
  })

  it('gives every xEither a throwing twin x that does not return Either', () => {
    const missing = [...functions]
      .filter(([name, either]) => either && name.endsWith('Either'))
      .map(([name]) => name.slice(0, -'Either'.length))
      .filter((twin) => functions.get(twin) !== false)
    expect(missing).toEqual([])
  })

  it('keeps the exceptions real: each returns Either and its twin exists and throws', () => {
    for (const [either, twin] of Object.entries(EXCEPTIONS)) {
      expect(functions.get(either), either).toBe(true)
      expect(functions.get(twin), twin).toBe(false)
    }
  })

  it('gives no function the suffix without an Either result', () => {
    expect([...functions].filter(([name, either]) => name.endsWith('Either') && !either).map(([n]) => n)).toEqual([])
  })
})
