/**
 * Integrity checks of a quote register: the defects a reviewer looks for by
 * hand, each reported as a tidy row with the register lines behind it.
 * @module
 */
import * as E from '../model/either.js'
import { orThrow, problem, type Problem, type Result } from '../model/problem.js'
import {
  normaliseExcerptText,
  readEntries,
  type QuoteRegister,
  type ReadEntry,
  type RegisterContext,
} from './register.js'

/** The kinds of register defect, and the notes the lenient mode adds. */
export type RegisterFindingKind =
  | 'missing-label'
  | 'duplicate-label'
  | 'missing-text'
  | 'duplicate-text'
  | 'text-two-attributions'
  | 'missing-attribution'
  | 'unparsed-attribution'
  | 'unknown-site'
  | 'repaired-attribution'
  | 'informant-two-sites'
  | 'unknown-reference'
  | 'reference-text-differs'
  | 'unmapped-role'
  | 'group-size'

/** Every finding kind, in the order rows are sorted within a line. */
export const REGISTER_FINDING_KINDS: readonly RegisterFindingKind[] = [
  'missing-label',
  'duplicate-label',
  'missing-text',
  'duplicate-text',
  'text-two-attributions',
  'missing-attribution',
  'unparsed-attribution',
  'unknown-site',
  'repaired-attribution',
  'informant-two-sites',
  'unknown-reference',
  'reference-text-differs',
  'unmapped-role',
  'group-size',
]

/** One register defect as a tidy row. */
export interface RegisterFinding {
  readonly kind: RegisterFindingKind
  /** The label of the excerpt at fault (`''` for a group-level finding or an unlabelled excerpt). */
  readonly label: string
  /** The register line the finding is placed at (for a body reference: the body line, when given). */
  readonly line: number | null
  /** Every register line involved, sorted: both copies of a duplicate, all excerpts of a role. */
  readonly lines: readonly number[]
  /** Labels of the other excerpts involved (the first copy of a duplicate, …). */
  readonly related: readonly string[]
  /** What is wrong, in one sentence. */
  readonly message: string
}

/** A place in the report body that quotes or cites a register label. */
export interface BodyReference {
  readonly label: string
  /** Line of the body (or page), for the finding. */
  readonly line?: number
  /** The words quoted in the body, when they are: checked against the register's text. */
  readonly text?: string
}

/** Options of {@link registerProblemsEither}: what the register is checked against. */
export interface RegisterCheckOptions extends RegisterContext {
  /** Stated group sizes ("4 consultants interviewed"): group → number of informants. */
  readonly groupSizes?: Readonly<Record<string, number>>
  /** Labels cited in the report body; a label missing from the register is a finding. */
  readonly references?: readonly BodyReference[]
}

const sorted = (xs: Iterable<number>): number[] => [...new Set(xs)].sort((a, b) => a - b)
const attributionOf = (r: ReadEntry): string => r.informant ?? `site ${r.site ?? '?'}`

/** Problems with the check options themselves (shape, not register defects). */
const optionProblems = (register: unknown, options: unknown): Problem[] => {
  const out: Problem[] = []
  if (typeof register !== 'object' || register === null || !Array.isArray((register as QuoteRegister).entries))
    out.push(
      problem(['register'], 'a quote register { entries: [...] } (see readRegister)', register, 'shape', 'register'),
    )
  if (options === null || typeof options !== 'object') {
    out.push(problem(['options'], 'an options object', options, 'shape', 'options'))
    return out
  }
  const o = options as RegisterCheckOptions
  if (o.sites !== undefined && !Array.isArray(o.sites))
    out.push(problem(['options', 'sites'], 'a list of { id, names }', o.sites, 'shape', 'options › sites'))
  if (o.roleGroups !== undefined && !Array.isArray(o.roleGroups))
    out.push(
      problem(['options', 'roleGroups'], 'a list of { pattern, group }', o.roleGroups, 'shape', 'options › roleGroups'),
    )
  if (o.references !== undefined && !Array.isArray(o.references))
    out.push(
      problem(
        ['options', 'references'],
        'a list of { label, line?, text? }',
        o.references,
        'shape',
        'options › references',
      ),
    )
  if (o.groupSizes !== undefined) {
    if (typeof o.groupSizes !== 'object' || o.groupSizes === null)
      out.push(
        problem(
          ['options', 'groupSizes'],
          'an object: group → number of informants',
          o.groupSizes,
          'shape',
          'options › groupSizes',
        ),
      )
    else
      for (const [g, n] of Object.entries(o.groupSizes))
        if (!(Number.isInteger(n) && n >= 0))
          out.push(
            problem(['options', 'groupSizes', g], 'a whole number ≥ 0', n, 'value', `options › groupSizes › ${g}`),
          )
  }
  return out
}

/**
 * Check a quote register's integrity. Each defect is a tidy row with its
 * register line(s), never an exception: a register with defects is still a
 * register, and the evaluator wants them listed, not the file refused.
 *
 * Kinds found:
 * - `missing-label`, `missing-text`: an excerpt without a label or words;
 * - `duplicate-label`: a label used again (at each repeat, with the first);
 * - `duplicate-text`: the same words (compared by `normaliseExcerptText`) under two labels;
 * - `text-two-attributions`: the same words attributed to two different informants or sites;
 * - `missing-attribution`: no attribution, no informant id and no source;
 * - `unparsed-attribution`, `unknown-site`: the attribution fails `parseAttributionEither`;
 * - `repaired-attribution`: a slip the lenient mode repaired (listed so it is never silent);
 * - `informant-two-sites`: one explicit informant id attached to two sites;
 * - `unknown-reference`, `reference-text-differs`: a label cited in the body that
 *   the register lacks, or whose quoted words differ from the register's;
 * - `unmapped-role`: a role no `roleGroups` rule maps (only when rules are given);
 * - `group-size`: a stated group size that differs from the distinct informants listed.
 *
 * Not defects, by design: the same role title at two sites (two informants), a
 * body quote that repeats a register excerpt under its own label, and an
 * excerpt printed over several lines.
 *
 * Cost: linear in the register (hash maps by label, text and informant).
 *
 * @param register the register, as `readRegister` returns it
 * @param options `{ sites?, lenient?, roleGroups?, groupSizes?, references? }`
 * @returns `Right(findings)` sorted by line then kind, or `Left(problems)` when the input or options have the wrong shape
 * @example
 * registerProblemsEither({ entries: [
 *   { label: 'LPT_1', text: 'We were not consulted.', attribution: '[Manager] Trust A', line: 2, lines: [2] },
 *   { label: 'LPT_1', text: 'Nobody asked us', attribution: '[Nurse] Trust B', line: 3, lines: [3] },
 * ] })
 * //=> right([{ kind: 'duplicate-label', label: 'LPT_1', line: 3, lines: [2, 3], related: ['LPT_1'], message: 'label LPT_1 is used again (first on line 2)' }])
 */
export const registerProblemsEither = (
  register: QuoteRegister,
  options: RegisterCheckOptions = {},
): Result<RegisterFinding[]> => {
  const bad = optionProblems(register, options)
  if (bad.length > 0) return E.left(bad)
  const read = readEntries(register, options)
  const out: RegisterFinding[] = []
  const add = (
    kind: RegisterFindingKind,
    r: ReadEntry | undefined,
    message: string,
    lines: Iterable<number> = [],
    related: readonly string[] = [],
  ) =>
    out.push({
      kind,
      label: r?.entry.label ?? '',
      line: r?.entry.line ?? null,
      lines: sorted(r === undefined ? lines : [r.entry.line, ...lines]),
      related,
      message,
    })

  const byLabel = new Map<string, ReadEntry>()
  const byText = new Map<string, ReadEntry>()
  const siteOfInformant = new Map<string, ReadEntry>()
  for (const r of read) {
    const { entry } = r
    const label = entry.label.trim()
    if (label === '') add('missing-label', r, `the excerpt on line ${entry.line} has no label`)
    else {
      const first = byLabel.get(label)
      if (first === undefined) byLabel.set(label, r)
      else
        add(
          'duplicate-label',
          r,
          `label ${label} is used again (first on line ${first.entry.line})`,
          [first.entry.line],
          [first.entry.label],
        )
    }
    const key = normaliseExcerptText(entry.text)
    if (key === '') add('missing-text', r, `excerpt ${label || `on line ${entry.line}`} has no text`)
    else {
      const first = byText.get(key)
      if (first === undefined) byText.set(key, r)
      else {
        const firstWho = first.informant === undefined && first.site === undefined ? undefined : attributionOf(first)
        const who = r.informant === undefined && r.site === undefined ? undefined : attributionOf(r)
        const differs =
          firstWho !== undefined && who !== undefined && (first.informant !== r.informant || first.site !== r.site)
        if (differs)
          add(
            'text-two-attributions',
            r,
            `the same words are attributed to ${who} here and to ${firstWho} on line ${first.entry.line} (${first.entry.label})`,
            [first.entry.line],
            [first.entry.label],
          )
        else if (first.entry.label.trim() !== label)
          add(
            'duplicate-text',
            r,
            `the same words as ${first.entry.label || `line ${first.entry.line}`} (line ${first.entry.line}) under another label`,
            [first.entry.line],
            [first.entry.label],
          )
      }
    }
    if (r.attributionProblem !== undefined) {
      const p = r.attributionProblem
      add(
        p.kind === 'unknown-site' ? 'unknown-site' : 'unparsed-attribution',
        r,
        `attribution ${JSON.stringify(entry.attribution)}: ${p.kind} at column ${p.column + 1}, expected ${p.expected}`,
      )
    } else if (r.parsed === undefined && r.informant === undefined && !entry.source?.trim())
      add('missing-attribution', r, `excerpt ${label || `on line ${entry.line}`} has no attribution`)
    for (const repair of r.parsed?.repairs ?? [])
      add('repaired-attribution', r, `attribution ${JSON.stringify(entry.attribution)}: ${repair.description}`)
    const explicit = entry.informant?.trim()
    if (explicit !== undefined && explicit !== '' && r.site !== undefined) {
      const first = siteOfInformant.get(explicit)
      if (first === undefined) siteOfInformant.set(explicit, r)
      else if (first.site !== r.site)
        add(
          'informant-two-sites',
          r,
          `informant ${explicit} is at ${r.site} here and at ${first.site} on line ${first.entry.line}`,
          [first.entry.line],
          [first.entry.label],
        )
    }
  }

  for (const ref of options.references ?? []) {
    const label = String(ref.label ?? '').trim()
    const hit = byLabel.get(label)
    const line = typeof ref.line === 'number' ? ref.line : null
    if (hit === undefined)
      out.push({
        kind: 'unknown-reference',
        label,
        line,
        lines: [],
        related: [],
        message: `the body cites ${label}${line === null ? '' : ` (line ${line})`}, which the register does not have`,
      })
    else if (ref.text !== undefined && normaliseExcerptText(ref.text) !== normaliseExcerptText(hit.entry.text))
      out.push({
        kind: 'reference-text-differs',
        label,
        line,
        lines: [hit.entry.line],
        related: [],
        message: `the body quotes ${label}${line === null ? '' : ` (line ${line})`} in words that differ from the register's (line ${hit.entry.line})`,
      })
  }

  if (options.roleGroups !== undefined) {
    const unmapped = new Map<string, ReadEntry[]>()
    for (const r of read)
      if (r.parsed !== undefined && r.group === undefined)
        unmapped.set(r.parsed.role, [...(unmapped.get(r.parsed.role) ?? []), r])
    for (const [role, rs] of unmapped)
      add(
        'unmapped-role',
        rs[0],
        `role ${JSON.stringify(role)} matches no stakeholder-group rule (${rs.length} excerpt${rs.length === 1 ? '' : 's'})`,
        rs.map((r) => r.entry.line),
        rs.slice(1).map((r) => r.entry.label),
      )
  }

  if (options.groupSizes !== undefined) {
    const members = new Map<string, { informants: Set<string>; lines: number[] }>()
    for (const r of read) {
      if (r.group === undefined || r.informant === undefined) continue
      const m = members.get(r.group) ?? { informants: new Set<string>(), lines: [] }
      m.informants.add(r.informant)
      m.lines.push(r.entry.line)
      members.set(r.group, m)
    }
    for (const [group, stated] of Object.entries(options.groupSizes)) {
      const m = members.get(group)
      const listed = m?.informants.size ?? 0
      if (listed !== stated)
        out.push({
          kind: 'group-size',
          label: '',
          line: null,
          lines: sorted(m?.lines ?? []),
          related: [],
          message: `group ${group}: ${stated} stated, ${listed} distinct informant${listed === 1 ? '' : 's'} listed`,
        })
    }
  }

  const rank = new Map(REGISTER_FINDING_KINDS.map((k, i) => [k, i]))
  return E.right(
    out.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || rank.get(a.kind)! - rank.get(b.kind)!),
  )
}

/**
 * Throwing twin of {@link registerProblemsEither}: check a quote register's
 * integrity and list every defect as a tidy row with its line(s).
 *
 * @param register the register, as `readRegister` returns it
 * @param options `{ sites?, lenient?, roleGroups?, groupSizes?, references? }`
 * @returns the findings, sorted by line then kind; `[]` for a clean register
 * @throws {RealistError} when the register or the options have the wrong shape (not for register defects)
 * @example
 * registerProblems({ entries: [{ label: 'HPT_2', text: 'It worked.', line: 2, lines: [2] }] })
 * //=> [{ kind: 'missing-attribution', label: 'HPT_2', line: 2, lines: [2], related: [], message: 'excerpt HPT_2 has no attribution' }]
 */
export const registerProblems = (register: QuoteRegister, options: RegisterCheckOptions = {}): RegisterFinding[] =>
  orThrow('registerProblems', registerProblemsEither(register, options))
