import * as E from '../../model/either.js'
import { emhipFramework } from '../../data/emhip-framework.js'
import { mhipObjectiveTypes } from '../../data/mhip/objective-types.js'
import { importObjectivesEither, type ObjectivesImportOptions } from '../../io/import/objectives.js'
import { importObjectiveListEither } from '../../io/import/objective-list.js'
import { readRegisterEither } from '../../io/import/register.js'
import { addRegisterEither } from '../../evidence/document.js'
import {
  importRatingsLongEither,
  importRatingsWideEither,
  type WideRatingsImportOptions,
} from '../../io/import/ratings.js'
import type { ImportProgress } from '../../io/import/options.js'
import { encodeEvaluation, parseJson } from '../../model/codec.js'
import type { Evaluation } from '../../model/evaluation.js'
import { newEvaluation } from '../../document/new-evaluation.js'
import { formatProblem, type Result } from '../../model/problem.js'
import { oneOf, onePositional, parse, str, UsageError } from '../args.js'
import { emit, loadDocument, printProblems, readInput, refuseOverwrite, summary } from '../document.js'
import { jsonText } from '../../report/escape.js'
import { EXIT, type CliEnv } from '../env.js'

const KINDS = ['ratings-long', 'ratings-wide', 'objectives', 'objective-list', 'quote-register'] as const
type Kind = (typeof KINDS)[number]

/** Files with more data rows than this get a progress line on stderr. */
export const PROGRESS_THRESHOLD = 100_000

/** The text of `realist-eval import --help`. */
export const IMPORT_HELP = `Usage: realist-eval import <file.csv> [--mapping mapping.json] [--base doc.json] [options]

Import a CSV file onto an evaluation document and write the new document
(JSON). All or nothing: if any row has a problem, every problem is printed
with its line and column and nothing is written.

Options:
  --mapping <file>       a JSON mapping file (see below)
  --kind <kind>          ratings-long (default), ratings-wide, objectives (counts
                         per unit × type, as Table 7), objective-list (one row
                         per objective) or quote-register (a CSV, TSV or printed
                         list of labelled excerpts); overrides the mapping
                         file's "kind"
  --base <file>          the document to import onto (default: a new document on
                         the E-MHIP framework, with --create implied)
  --create               create the sites, units and rounds the file names but
                         the base lacks (default: refuse them, so a typo cannot
                         create a site)
  --round <id>           the round of every rating when the file has no round
                         column (default: the base's only round)
  --delimiter <char>     field delimiter (default ,)
  --strip-formula-guard  remove the ' that "report --format csv" puts before
                         cells starting with = + - @ tab or CR
  --out <file>           write the document to a file instead of stdout
  -h, --help             show this help

Mapping file (every field optional):
  {
    "kind": "ratings-long",
    "columns": { "site": "Trust", "unit": "Workstream", "target": "Standard",
                 "level": "Rating", "round": "Wave", "rater": "Rater" },
    "round": "baseline", "create": true, "delimiter": ";",
    "targets": ["1.1", "2.4"], "ignore": ["Comments"],     (ratings-wide)
    "naLabels": ["na", "n/a"], "unknownMarkers": ["?"]     (objectives)
  }
Column fields: ratings-long: site, unit, target, level, round, rater, date,
note; ratings-wide: site, unit, round, rater, date, note (every other column
is a standard or criterion); objectives: site, unit, type, attained, total,
attribution, impact; objective-list: site, unit, id, type, status (attained,
not-attained or unknown; achieved / yes / no / ? are read too), text,
attribution. A field left out is found by its usual names
(workstream for unit, standard or criterion for target, rating for level, …).

A quote register is never refused for its defects: its excerpts, informants
and stakeholder groups are added to the document, and every defect (repeated
label, the same words twice, an attribution that does not parse, an unknown
site, ...) is printed with its line on stderr. Its mapping file may also give
"roleGroups": [{ "pattern": "nurse", "group": "clinicians" }, { "regex":
"consultant|psychologist", "group": "clinicians" }, ...] (a pattern is text
matched as whole words, a regex is matched ignoring case),
"groupSizes": { "clinicians": 9 } and "lenient": true; --delimiter "\t" or a
.tsv name reads TSV, a file with no header of known names reads as the printed list.

Levels match the framework's labels and aliases in any case ("Met",
"partly met", "Partly-met", "PM"); not applicable is na, n/a or not applicable.

Files over ${PROGRESS_THRESHOLD.toLocaleString('en')} rows show a progress line on stderr.

Exit codes: 0 written, 1 the CSV (or the base) has problems, 2 usage error.
`

interface MappingFile {
  readonly kind?: Kind
  readonly columns?: Readonly<Record<string, string>>
  readonly round?: string
  readonly create?: boolean
  readonly delimiter?: string
  readonly targets?: readonly string[]
  readonly ignore?: readonly string[]
  readonly naLabels?: readonly string[]
  readonly unknownMarkers?: readonly string[]
  readonly roleGroups?: readonly { readonly pattern?: string; readonly regex?: string; readonly group: string }[]
  readonly groupSizes?: Readonly<Record<string, number>>
  readonly lenient?: boolean
}

const MAPPING_KEYS = [
  'kind',
  'columns',
  'round',
  'create',
  'delimiter',
  'targets',
  'ignore',
  'naLabels',
  'unknownMarkers',
  'roleGroups',
  'groupSizes',
  'lenient',
]

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** Read and check a mapping file; any problem is a usage error. */
const readMapping = (env: CliEnv, path: string): MappingFile => {
  const json = parseJson(new TextDecoder().decode(readInput(env, path)))
  if (E.isLeft(json)) throw new UsageError(`--mapping ${path}: ${json.left.map(formatProblem).join('; ')}`)
  const m = json.right as Record<string, unknown>
  const bad: string[] = []
  if (typeof m !== 'object' || m === null || Array.isArray(m))
    throw new UsageError(`--mapping ${path}: expected a JSON object`)
  for (const k of Object.keys(m))
    if (!MAPPING_KEYS.includes(k)) bad.push(`unknown key ${JSON.stringify(k)} (known: ${MAPPING_KEYS.join(', ')})`)
  if (m['kind'] !== undefined && !(KINDS as readonly unknown[]).includes(m['kind']))
    bad.push(`"kind" must be one of ${KINDS.join(', ')}`)
  if (
    m['columns'] !== undefined &&
    (typeof m['columns'] !== 'object' ||
      m['columns'] === null ||
      Object.values(m['columns']).some((v) => typeof v !== 'string'))
  )
    bad.push('"columns" must map field names to column names (strings)')
  for (const k of ['round', 'delimiter'])
    if (m[k] !== undefined && typeof m[k] !== 'string') bad.push(`"${k}" must be a string`)
  if (m['create'] !== undefined && typeof m['create'] !== 'boolean') bad.push('"create" must be true or false')
  for (const k of ['targets', 'ignore', 'naLabels', 'unknownMarkers'])
    if (m[k] !== undefined && !isStringList(m[k])) bad.push(`"${k}" must be a list of strings`)
  const rules = m['roleGroups']
  const ruleOk = (r: unknown): boolean => {
    if (typeof r !== 'object' || r === null) return false
    const { pattern, regex, group } = r as Record<string, unknown>
    if (typeof group !== 'string' || (typeof pattern === 'string') === (typeof regex === 'string')) return false
    if (typeof regex !== 'string') return true
    try {
      return new RegExp(regex, 'i') instanceof RegExp
    } catch {
      return false
    }
  }
  if (rules !== undefined && !(Array.isArray(rules) && rules.every(ruleOk)))
    bad.push(
      '"roleGroups" must be a list of { "pattern": text } or { "regex": a valid regular expression }, each with a "group"',
    )
  const sizes = m['groupSizes']
  if (
    sizes !== undefined &&
    (typeof sizes !== 'object' ||
      sizes === null ||
      Array.isArray(sizes) ||
      Object.values(sizes).some((n) => !Number.isInteger(n) || (n as number) < 0))
  )
    bad.push('"groupSizes" must map group names to whole numbers')
  if (m['lenient'] !== undefined && typeof m['lenient'] !== 'boolean') bad.push('"lenient" must be true or false')
  if (bad.length > 0) throw new UsageError(`--mapping ${path}: ${bad.join('; ')}`)
  return m as MappingFile
}

/** A new, empty document on the E-MHIP framework with the MHIP objective types. */
const blankDocument = (): Evaluation =>
  newEvaluation({
    title: 'Imported evaluation',
    programme: { id: 'programme', name: 'Imported programme' },
    framework: emhipFramework,
    objectiveTypes: mhipObjectiveTypes,
  })

/** Count line breaks, to decide whether a file is big enough for a progress line. */
const lineCount = (bytes: Uint8Array): number => {
  let n = 0
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) n++
  return n
}

/** A progress reporter writing one line to stderr (redrawn with \r on a terminal). */
const progressLine = (env: CliEnv, rows: number) => {
  let last = ''
  // Rows are checked as they are read, so their count is known only at the end: until then, the lines less the header.
  const dataRows = Math.max(1, rows - 1)
  return (p: ImportProgress): void => {
    const text =
      p.phase === 'parse'
        ? `import: reading records… ${p.done.toLocaleString('en')} of about ${rows.toLocaleString('en')}`
        : `import: checking rows… ${p.done.toLocaleString('en')} of ${(p.total ?? dataRows).toLocaleString('en')} (${Math.floor((100 * p.done) / Math.max(1, p.total ?? dataRows))}%)`
    if (text === last) return
    last = text
    if (env.stderrIsTTY) (env.control ?? env.stderr)(`\r${text}\u001b[K`)
    else env.stderr(`${text}\n`)
  }
}

/**
 * `realist-eval import <file.csv>`: import ratings (long or wide), objective counts or an
 * objective list from CSV onto a base document, and write the new document.
 * @param args the command's arguments, after the command name
 * @param env the CLI's environment (output streams, files, clock)
 * @returns the exit code: 0 imported, 1 rows that do not import (problems printed), 2 usage error
 * @throws {UsageError} for a missing file or option, or a bad option value
 * @example
 * const printed = []
 * const env = { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t), readFile: () => new Uint8Array(),
 *   writeFile: () => {}, stderrIsTTY: false, now: () => 0 }
 * importCommand(['--help'], env) //=> 0
 * printed[0] //=> 'Usage: realist-eval import <file.csv>…'
 */
export const importCommand = (args: readonly string[], env: CliEnv): number => {
  const p = parse(args, {
    mapping: { type: 'string', short: 'm' },
    kind: { type: 'string' },
    base: { type: 'string' },
    create: { type: 'boolean' },
    round: { type: 'string' },
    delimiter: { type: 'string' },
    'strip-formula-guard': { type: 'boolean' },
    out: { type: 'string', short: 'o' },
  })
  if (p.values['help'] === true) return (env.stdout(IMPORT_HELP), EXIT.ok)
  const file = onePositional(p, 'CSV file')
  const mappingPath = str(p, 'mapping')
  refuseOverwrite(env, str(p, 'out'), [file, mappingPath, str(p, 'base')])
  const mapping = mappingPath === undefined ? {} : readMapping(env, mappingPath)
  const kind = oneOf(p, 'kind', KINDS, mapping.kind ?? 'ratings-long')
  const basePath = str(p, 'base')
  const csv = readInput(env, file)
  let base: Evaluation
  if (basePath === undefined) base = blankDocument()
  else {
    const loaded = loadDocument(env, basePath)
    if (E.isLeft(loaded)) {
      printProblems(env.stderr, basePath, loaded.left)
      return EXIT.dataProblems
    }
    base = loaded.right
  }
  const started = env.now()
  if (kind === 'quote-register')
    return importRegister(env, {
      file,
      text: new TextDecoder().decode(csv),
      base,
      mapping,
      delimiter: str(p, 'delimiter') ?? mapping.delimiter,
      out: str(p, 'out'),
      started,
    })
  const rows = lineCount(csv)
  const progress = rows > PROGRESS_THRESHOLD ? progressLine(env, rows) : undefined
  const round = str(p, 'round') ?? mapping.round
  const delimiter = str(p, 'delimiter') ?? mapping.delimiter
  const options: WideRatingsImportOptions & ObjectivesImportOptions = {
    ...(mapping.columns === undefined ? {} : { mapping: mapping.columns }),
    create: p.values['create'] === true || mapping.create === true || basePath === undefined,
    ...(round === undefined ? {} : { round }),
    ...(delimiter === undefined ? {} : { delimiter }),
    stripFormulaGuard: p.values['strip-formula-guard'] === true,
    ...(mapping.targets === undefined ? {} : { targets: mapping.targets }),
    ...(mapping.ignore === undefined ? {} : { ignore: mapping.ignore }),
    ...(mapping.naLabels === undefined ? {} : { naLabels: mapping.naLabels }),
    ...(mapping.unknownMarkers === undefined ? {} : { unknownMarkers: mapping.unknownMarkers }),
    ...(progress === undefined ? {} : { onProgress: progress, progressEvery: 50_000 }),
  }
  const importers: Readonly<
    Record<
      Exclude<Kind, 'quote-register'>,
      (
        base: Evaluation,
        csv: Uint8Array,
        options: WideRatingsImportOptions & ObjectivesImportOptions,
      ) => Result<Evaluation>
    >
  > = {
    'ratings-long': importRatingsLongEither,
    'ratings-wide': importRatingsWideEither,
    objectives: importObjectivesEither,
    'objective-list': importObjectiveListEither,
  }
  const result = importers[kind](base, csv, options)
  if (progress !== undefined) env.stderr(env.stderrIsTTY ? '\n' : '')
  if (E.isLeft(result)) {
    printProblems(env.stderr, file, result.left)
    env.stderr('Nothing was written.\n')
    return EXIT.dataProblems
  }
  emit(env, str(p, 'out'), jsonText(encodeEvaluation(result.right), 2) + '\n')
  env.stderr(
    `import: ${file} → ${str(p, 'out') ?? 'stdout'}: ${summary(result.right)} (${((env.now() - started) / 1000).toFixed(1)} s)\n`,
  )
  return EXIT.ok
}

interface RegisterImport {
  readonly file: string
  readonly text: string
  readonly base: Evaluation
  readonly mapping: MappingFile
  readonly delimiter: string | undefined
  readonly out: string | undefined
  readonly started: number
}

/** `import --kind quote-register`: load what can be loaded, write it, list every defect by line. */
const importRegister = (env: CliEnv, r: RegisterImport): number => {
  const format = r.delimiter === '\t' || /\.tsv$/i.test(r.file) ? 'tsv' : r.delimiter === ',' ? 'csv' : undefined
  const read = readRegisterEither(r.text, {
    ...(format === undefined ? {} : { format }),
    ...(r.mapping.columns === undefined ? {} : { columns: r.mapping.columns }),
  })
  if (E.isLeft(read)) {
    printProblems(env.stderr, r.file, read.left)
    env.stderr('Nothing was written.\n')
    return EXIT.dataProblems
  }
  const added = addRegisterEither(r.base, read.right.register, {
    ...(r.mapping.roleGroups === undefined
      ? {}
      : {
          roleGroups: r.mapping.roleGroups.map((g) => ({
            group: g.group,
            pattern: g.regex === undefined ? (g.pattern ?? '') : new RegExp(g.regex, 'i'),
          })),
        }),
    ...(r.mapping.groupSizes === undefined ? {} : { groupSizes: r.mapping.groupSizes }),
    ...(r.mapping.lenient === undefined ? {} : { lenient: r.mapping.lenient }),
  })
  if (E.isLeft(added)) {
    printProblems(env.stderr, r.file, added.left)
    return EXIT.dataProblems
  }
  for (const p of read.right.problems) env.stderr(`${r.file}:${p.line}: ${formatProblem(p)}\n`)
  for (const f of added.right.findings)
    env.stderr(`${r.file}:${f.line ?? '-'}: ${f.kind}${f.label === '' ? '' : ` ${f.label}`}: ${f.message}\n`)
  emit(env, r.out, jsonText(encodeEvaluation(added.right.evaluation), 2) + '\n')
  const { excerpts, informants } = added.right.added
  const defects = added.right.findings.length + read.right.problems.length
  env.stderr(
    `import: ${r.file} (${read.right.format}) → ${r.out ?? 'stdout'}: ${excerpts} excerpts, ${informants} new informants; ${defects} register defect${defects === 1 ? '' : 's'} listed above (${((env.now() - r.started) / 1000).toFixed(1)} s)\n`,
  )
  return EXIT.ok
}
