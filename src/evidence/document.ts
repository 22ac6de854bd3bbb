/**
 * A quote register as evidence in the document: its excerpts, informants,
 * stakeholder groups and source added to an evaluation, and read back out in
 * the register's own layout.
 * @module
 */
import * as E from '../model/either.js'
import type { Evaluation } from '../model/evaluation.js'
import type { EvidenceSource, Excerpt, Informant, StakeholderGroup } from '../model/evidence.js'
import type { ExcerptId, InformantId, SiteId, SourceId, StakeholderGroupId } from '../model/ids.js'
import { RESERVED_KEYS } from '../model/codec-kit.js'
import { orThrow, problem, type Result } from '../model/problem.js'
import type { AttributionSite } from './attribution.js'
import { registerProblemsEither, type RegisterCheckOptions, type RegisterFinding } from './integrity.js'
import { informantKey, readEntries, type QuoteRegister, type RegisterEntry } from './register.js'

/**
 * The sites of an evaluation as the attribution parser matches them: by id,
 * name and every alias.
 * @param ev the evaluation
 * @returns one `{ id, names }` per site, the name first
 * @example
 * evaluationSites(mhipEvaluation)[0] //=> { id: 'south-staffordshire', names: ['South Staffordshire', 'south-staffordshire', 'South Staffordshire Healthcare NHS Trust', 'SSHT', …] }
 */
export const evaluationSites = (ev: Evaluation): AttributionSite[] =>
  ev.sites.map((s) => ({ id: s.id, names: [s.name, s.id, ...s.aliases] }))

/** Options of {@link addRegisterEither}. */
export interface AddRegisterOptions extends Omit<RegisterCheckOptions, 'sites'> {
  /** The document source every imported excerpt cites. Default `{ id: 'quote-register', title: 'Quote register' }`. */
  readonly source?: { readonly id: string; readonly title?: string }
}

/** An evaluation with a register's evidence added, and the register's defects. */
export interface RegisterAdded {
  readonly evaluation: Evaluation
  /** Every defect `registerProblems` finds, checked against the evaluation's sites. */
  readonly findings: readonly RegisterFinding[]
  /** How many of each were added (informants and groups already in the evaluation are reused). */
  readonly added: {
    readonly excerpts: number
    readonly informants: number
    readonly groups: number
    readonly sources: number
  }
}

const uniqueId = (wanted: string, taken: Set<string>, fallback: string): string => {
  const base = wanted.trim() === '' || RESERVED_KEYS.has(wanted.trim()) ? fallback : wanted.trim()
  let id = base
  for (let k = 2; taken.has(id); k++) id = `${base}~${k}`
  taken.add(id)
  return id
}

/**
 * Add a quote register to an evaluation as evidence. Each excerpt becomes an
 * excerpt of the document (label, text, section, theme, the attribution as
 * printed and its lines), citing one document source for the register. Each
 * distinct informant becomes an informant keyed by its explicit id or else by
 * role, ordinal and site (`informantKey`), with the stakeholder group its role
 * maps to. The same role title at two sites is two informants.
 *
 * Nothing is refused for being a register defect: a repeated label gets a
 * distinct excerpt id (`LPT_7~2`) and keeps its label; an attribution that
 * does not parse is kept as printed, with no informant. Every defect comes
 * back in `findings`. The input evaluation is not changed.
 *
 * @param ev the evaluation (its sites resolve the attributions' sites; with none, sites are read as printed)
 * @param register the register, as `readRegister` returns it
 * @param options `{ source?, lenient?, roleGroups?, groupSizes?, references? }`
 * @returns `Right({ evaluation, findings, added })`, or `Left(problems)` when an option has the wrong shape
 * @example
 * // register: five excerpts from three informants: the Trust A manager, a Trust B nurse, Trust B nurse 2
 * const study = newEvaluation({ title: 'Study', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework })
 * const added = addRegisterEither(study, register)
 * isRight(added) && added.right.added //=> { excerpts: 5, informants: 3, groups: 0, sources: 1 }
 * isRight(added) && added.right.evaluation.informants.map((i) => i.id) //=> ['manager@trust a', 'nurse@trust b', 'nurse_2@trust b']
 * addRegisterEither(study, register, { source: { id: '' } }) //=> left([{ where: 'options › source › id', … }])
 */
export const addRegisterEither = (
  ev: Evaluation,
  register: QuoteRegister,
  options: AddRegisterOptions = {},
): Result<RegisterAdded> => {
  if (typeof ev !== 'object' || ev === null || !Array.isArray((ev as Evaluation).sites))
    return E.left([problem(['evaluation'], 'an evaluation document', ev, 'shape', 'evaluation')])
  const source = options.source ?? { id: 'quote-register', title: 'Quote register' }
  if (
    typeof source !== 'object' ||
    source === null ||
    typeof source.id !== 'string' ||
    source.id.trim() === '' ||
    RESERVED_KEYS.has(source.id)
  )
    return E.left([
      problem(
        ['options', 'source', 'id'],
        'a source id (a non-empty string, not __proto__, constructor or prototype)',
        source?.id,
        'value',
        'options › source › id',
      ),
    ])
  // With no sites declared yet, sites are read as printed rather than all called unknown.
  const context = ev.sites.length === 0 ? options : { ...options, sites: evaluationSites(ev) }
  const checked = registerProblemsEither(register, context)
  if (E.isLeft(checked)) return checked
  const read = readEntries(register, context)

  const groups: StakeholderGroup[] = []
  const groupIds = new Set<string>(ev.stakeholderGroups.map((g) => g.id))
  const informants: Informant[] = []
  const informantIds = new Set<string>(ev.informants.map((i) => i.id))
  const siteIds = new Set<string>(ev.sites.map((s) => s.id))
  for (const r of read) {
    if (r.group !== undefined && !groupIds.has(r.group)) {
      groupIds.add(r.group)
      const count = options.groupSizes?.[r.group]
      groups.push({ id: r.group as StakeholderGroupId, label: r.group, ...(count === undefined ? {} : { count }) })
    }
    if (r.informant === undefined || informantIds.has(r.informant)) continue
    informantIds.add(r.informant)
    informants.push({
      id: r.informant as InformantId,
      ...(r.group === undefined ? {} : { group: r.group as StakeholderGroupId }),
      ...(r.site !== undefined && siteIds.has(r.site) ? { site: r.site as SiteId } : {}),
      ...(r.parsed === undefined ? {} : { role: r.parsed.role }),
      ...(r.parsed?.ordinal === undefined ? {} : { ordinal: r.parsed.ordinal }),
    })
  }
  const sources: EvidenceSource[] = ev.sources.some((s) => s.id === source.id)
    ? []
    : [{ id: source.id as SourceId, kind: 'document', ...(source.title === undefined ? {} : { title: source.title }) }]
  const excerptIds = new Set<string>(ev.excerpts.map((x) => x.id))
  const sourceIds = new Set<string>(ev.sources.map((s) => s.id))
  const excerpts: Excerpt[] = read.map(({ entry, informant }) => ({
    id: uniqueId(entry.label, excerptIds, `excerpt-line-${entry.line}`) as ExcerptId,
    label: entry.label.trim() === '' ? `line ${entry.line}` : entry.label,
    kind: 'quote',
    text: entry.text,
    ...(informant === undefined ? {} : { informant: informant as InformantId }),
    source: (entry.source !== undefined && sourceIds.has(entry.source) ? entry.source : source.id) as SourceId,
    links: [],
    ...(entry.section === undefined ? {} : { section: entry.section }),
    ...(entry.theme === undefined ? {} : { theme: entry.theme }),
    ...(entry.attribution === undefined ? {} : { attribution: entry.attribution }),
    lines: [...entry.lines],
  }))
  return E.right({
    evaluation: {
      ...ev,
      stakeholderGroups: [...ev.stakeholderGroups, ...groups],
      informants: [...ev.informants, ...informants],
      sources: [...ev.sources, ...sources],
      excerpts: [...ev.excerpts, ...excerpts],
    },
    findings: checked.right,
    added: { excerpts: excerpts.length, informants: informants.length, groups: groups.length, sources: sources.length },
  })
}

/**
 * Throwing twin of {@link addRegisterEither}: add a quote register's
 * excerpts, informants, groups and source to an evaluation.
 * @param ev the evaluation
 * @param register the register, as `readRegister` returns it
 * @param options `{ source?, lenient?, roleGroups?, groupSizes?, references? }`
 * @returns `{ evaluation, findings, added }` (register defects are returned in `findings`, never thrown)
 * @throws {RealistError} when the evaluation or an option has the wrong shape
 * @example
 * // register: five excerpts from three informants: the Trust A manager, a Trust B nurse, Trust B nurse 2
 * const study = newEvaluation({ title: 'Study', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework })
 * addRegister(study, register).added //=> { excerpts: 5, informants: 3, groups: 0, sources: 1 }
 * // against the example audit, whose sites are South Staffordshire and Leicestershire, the trusts are unknown sites
 * addRegister(ev, register).findings.map((f) => f.kind) //=> ['unknown-site', 'unknown-site', 'unknown-site', 'unknown-site', 'unknown-site']
 */
export const addRegister = (ev: Evaluation, register: QuoteRegister, options: AddRegisterOptions = {}): RegisterAdded =>
  orThrow('addRegister', addRegisterEither(ev, register, options))

/** Options of {@link registerOf}. */
export interface RegisterOfOptions {
  /** Only the excerpts citing this source (a register imported with `addRegister`). Default: every excerpt. */
  readonly source?: string
}

/**
 * An evaluation's excerpts as a quote register, in the layout they were
 * imported from: label, text, section, theme, and the attribution as printed
 * (or, for an excerpt entered by hand, `[Role_n] Site` built from its
 * informant). An informant id that is not the default (role, ordinal, site)
 * key is written in the informant column, so the register reads back to the
 * same informants.
 * @param ev the evaluation
 * @param options `{ source? }`
 * @returns the register; each entry's line is the one it was imported from, else its position
 * @example
 * // register: five excerpts from three informants: the Trust A manager, a Trust B nurse, Trust B nurse 2
 * const study = newEvaluation({ title: 'Study', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework })
 * const { evaluation } = addRegister(study, register)
 * registerOf(evaluation, { source: 'quote-register' }).entries.map((e) => e.label) //=> ['LPT_1', 'LPT_2', 'HPT_1', 'HPT_2', 'HPT_3']
 * registerOf(evaluation).entries[0] //=> { label: 'LPT_1', text: 'We set up a board.', theme: 'governance', attribution: '(Manager) Trust A', … }
 */
export const registerOf = (ev: Evaluation, options: RegisterOfOptions = {}): QuoteRegister => {
  const informants = new Map(ev.informants.map((i) => [i.id as string, i]))
  const siteName = new Map(ev.sites.map((s) => [s.id as string, s.name]))
  const excerpts = options.source === undefined ? ev.excerpts : ev.excerpts.filter((x) => x.source === options.source)
  return {
    entries: excerpts.map((x, i): RegisterEntry => {
      const inf = x.informant === undefined ? undefined : informants.get(x.informant)
      const built =
        inf?.role === undefined
          ? undefined
          : `[${inf.role}${inf.ordinal === undefined ? '' : `_${inf.ordinal}`}]${inf.site === undefined ? '' : ` ${siteName.get(inf.site) ?? inf.site}`}`
      const attribution = x.attribution ?? built
      const keyed = inf?.role === undefined ? undefined : informantKey(inf.role, inf.ordinal, inf.site)
      const explicit = x.informant !== undefined && x.informant !== keyed ? x.informant : undefined
      const line = x.lines?.[0] ?? i + 2
      // A hand-entered excerpt from a document or survey is attributed to its source.
      const source =
        x.informant === undefined && x.attribution === undefined && x.lines === undefined ? x.source : undefined
      return {
        label: /^line \d+$/.test(x.label) && x.id.startsWith('excerpt-line-') ? '' : x.label,
        text: x.text,
        ...(x.section === undefined ? {} : { section: x.section }),
        ...(x.theme === undefined ? {} : { theme: x.theme }),
        ...(attribution === undefined ? {} : { attribution }),
        ...(explicit === undefined ? {} : { informant: explicit }),
        ...(source === undefined ? {} : { source }),
        line,
        lines: x.lines === undefined ? [line] : [...x.lines],
      }
    }),
  }
}

/**
 * Check the integrity of an evaluation's excerpts, read back as a quote
 * register (`registerOf`) against the evaluation's sites. Each defect is a
 * tidy row with its register line(s), never an exception: a register with
 * defects is still a register, and the evaluator wants them listed, not the
 * file refused.
 *
 * The throwing form of {@link registerProblemsEither} applied to the evaluation's excerpts.
 * @param ev the evaluation whose excerpts are checked
 * @param options `{ sites?, lenient?, roleGroups?, groupSizes?, references? }`
 * @returns the result (`RegisterFinding[]`), as {@link registerProblemsEither}
 * gives it in its `Right`.
 * @throws {RealistError} when {@link registerProblemsEither} gives `Left`: the error's
 * `problems` are those problems, and its message lists them (`[realist-eval] evidenceFindings: …`).
 * @example
 * const study = newEvaluation({ title: 'Study', programme: { id: 'p', name: 'Programme' }, framework: emhipFramework })
 * const twice = readRegister('label,text,attribution\nLPT_1,A board.,(Manager) Trust A\nLPT_1,It met.,(Manager) Trust A\n').register
 * evidenceFindings(addRegister(study, twice).evaluation)
 * //=> [{ kind: 'duplicate-label', label: 'LPT_1', line: 3, lines: [2, 3], message: 'label LPT_1 is used again (first on line 2)', … }]
 */
export const evidenceFindings = (
  ev: Evaluation,
  options: Omit<RegisterCheckOptions, 'sites'> = {},
): RegisterFinding[] =>
  orThrow(
    'evidenceFindings',
    registerProblemsEither(
      registerOf(ev),
      ev.sites.length === 0 ? options : { ...options, sites: evaluationSites(ev) },
    ),
  )
