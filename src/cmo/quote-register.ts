import type { Evaluation } from '../model/evaluation.js'
import { problem, type Problem } from '../model/problem.js'
import { resolveSite } from '../objectives/resolve-site.js'
import * as t from 'io-ts'
import { ARG_FIELD, argShapeProblems } from './args.js'
import { evidenceProblems } from './validate.js'

/** A row of a quote register as it comes from a spreadsheet: column name → cell. */
export type QuoteRegisterRow = Readonly<Record<string, unknown>>

/** The columns the check reads. */
export type QuoteRegisterColumn = 'label' | 'informant' | 'site' | 'source'

/** What to check: a register, an informant sheet, a document, or any mix. */
export interface QuoteRegisterInput {
  /** Quote register rows: label, informant, site, source, text, … */
  readonly rows?: readonly QuoteRegisterRow[]
  /** An informant sheet (id, site, …) when informants are listed apart from the quotes. */
  readonly informants?: readonly QuoteRegisterRow[]
  /** The evaluation: its informants and sites are the ones that exist; its own excerpts are checked too. */
  readonly evaluation?: Evaluation
}

/** Options of `quoteRegisterProblems`. */
export interface QuoteRegisterOptions {
  /**
   * Column names, matched ignoring case and surrounding spaces. Defaults:
   * `label`, `informant`, `site`, `source`; the informant sheet's id column is `informant` or `id`.
   */
  readonly columns?: Partial<Record<QuoteRegisterColumn, string>>
  /** Spreadsheet row number of the first data row, for messages. Default 2 (row 1 is the header). */
  readonly firstRow?: number
}

const cell = (row: QuoteRegisterRow, column: string): { key: string; value: string } | undefined => {
  const want = column.trim().toLowerCase()
  const key = Object.keys(row).find((k) => k.trim().toLowerCase() === want)
  if (key === undefined) return undefined
  const v = row[key]
  const value = v === null || v === undefined ? '' : String(v).trim()
  return { key, value }
}

interface SiteClaim {
  readonly site: string
  readonly shown: string
  readonly at: string
}

/**
 * Integrity check of a quote register: lists every problem, each with its
 * location (JSON path and spreadsheet row), of these kinds:
 * - a duplicate excerpt label (ignoring case and surrounding spaces), at every repeat;
 * - an excerpt attributed to an informant that does not exist (not in the
 *   evaluation nor the informant sheet; checked only when one of them is given);
 * - an excerpt attributed to a site that does not exist (site ids, names and
 *   aliases are accepted, as `resolveSite`; checked only with an evaluation);
 * - an informant attributed to two different sites, across the register, the
 *   informant sheet and the evaluation, at every claim after the first;
 * - an excerpt with no attribution (neither informant nor source);
 * and, when an evaluation is given, every `evidenceProblems` of its own
 * excerpts, informants and sources.
 *
 * Degenerate input: empty input gives `[]`; a row missing a column reads as a
 * blank cell; input or options of the wrong shape (rows that are not objects,
 * a `firstRow` that is not a whole number) give problems naming them, and nothing else is checked.
 * @param input `{ rows?, informants?, evaluation? }`
 * @param options `{ columns?, firstRow = 2 }`
 * @returns problems in order: register rows, then informant sheet, then document
 * @example
 * quoteRegisterProblems({ rows: [
 *   { label: 'Q1', informant: 'inf-01', site: 'Leics' },
 *   { label: 'Q1', informant: 'inf-01', site: 'SSHT' },
 * ], evaluation: ev })
 * //=> [{ path: ['rows', 1, 'label'], where: 'register row 3 (Q1) › label', expected: 'a unique excerpt label (also on row 2)', found: '"Q1"', code: 'duplicate' },
 * //    { path: ['rows', 1, 'site'], where: 'register row 3 (Q1) › site',
 * //      expected: 'the site informant inf-01 has elsewhere (leicestershire, register row 2)', found: '"SSHT"', code: 'consistency' }, …]
 */
export const quoteRegisterProblems = (input: QuoteRegisterInput, options: QuoteRegisterOptions = {}): Problem[] => {
  const shape = [
    ...argShapeProblems(input, 'input', t.partial({ rows: ARG_FIELD.rows, informants: ARG_FIELD.rows, evaluation: t.type({ sites: t.UnknownArray, stakeholderGroups: t.UnknownArray, informants: t.UnknownArray, sources: t.UnknownArray, excerpts: t.UnknownArray, elements: t.UnknownArray, configurations: t.UnknownArray }, 'an evaluation') })),
    ...argShapeProblems(options, 'options', t.partial({ columns: ARG_FIELD.columns, firstRow: ARG_FIELD.count })),
  ]
  if (shape.length > 0) return shape
  const col = (c: QuoteRegisterColumn) => options.columns?.[c] ?? c
  const firstRow = options.firstRow ?? 2
  const ev = input.evaluation
  const siteList = () => (ev === undefined ? '' : ` (${ev.sites.map((s) => s.name).join(' | ')})`)

  // A site as its canonical id when the evaluation knows it (names and aliases resolve), else as typed.
  const siteId = (name: string): string | undefined => {
    if (ev === undefined) return name.toLowerCase()
    const r = resolveSite(ev, name)
    return r._tag === 'Right' ? r.right.id : undefined
  }
  // Each informant's first known site: the evaluation, then the informant sheet, then the register.
  const claims = new Map<string, SiteClaim>()
  const claim = (out: Problem[], informant: string, shown: string, site: string | undefined, at: string, path: (string | number)[], where: string) => {
    if (site === undefined) return
    const first = claims.get(informant)
    if (first === undefined) claims.set(informant, { site, shown, at })
    else if (first.site !== site)
      out.push(problem(path, `the site informant ${informant} has elsewhere (${first.site}, ${first.at})`, shown, 'consistency', where))
  }
  for (const inf of ev?.informants ?? []) if (inf.site !== undefined) claims.set(inf.id, { site: inf.site, shown: inf.site, at: `informant ${inf.id} of the evaluation` })

  const sheetProblems: Problem[] = []
  const sheetIds = new Set<string>()
  ;(input.informants ?? []).forEach((row, i) => {
    const idCell = cell(row, col('informant')) ?? cell(row, 'id')
    if (!idCell?.value) return
    sheetIds.add(idCell.value)
    const site = cell(row, col('site'))
    if (!site?.value) return
    const rowNo = i + firstRow
    const where = `informant sheet row ${rowNo} (${idCell.value}) › ${col('site')}`
    const resolved = siteId(site.value)
    if (resolved === undefined) sheetProblems.push(problem(['informants', i, site.key], `a site of the evaluation${siteList()}`, site.value, 'reference', where))
    claim(sheetProblems, idCell.value, site.value, resolved, `informant sheet row ${rowNo}`, ['informants', i, site.key], where)
  })
  const knowsInformants = ev !== undefined || input.informants !== undefined
  const evInformants = new Set<string>(ev?.informants.map((i) => i.id) ?? [])
  const informantExists = (id: string) => sheetIds.has(id) || evInformants.has(id)

  const rowProblems: Problem[] = []
  const labels = new Map<string, number>()
  ;(input.rows ?? []).forEach((row, i) => {
    const rowNo = i + firstRow
    const label = cell(row, col('label'))
    const name = `register row ${rowNo}${label?.value ? ` (${label.value})` : ''}`
    const pathOf = (c: QuoteRegisterColumn) => ['rows', i, cell(row, col(c))?.key ?? col(c)]
    const report = (c: QuoteRegisterColumn, expected: string, found: unknown, code: Problem['code']) =>
      rowProblems.push(problem(pathOf(c), expected, found, code, `${name} › ${col(c)}`))

    if (!label?.value) report('label', 'an excerpt label', label?.value, 'shape')
    else {
      const key = label.value.toLowerCase()
      const first = labels.get(key)
      if (first === undefined) labels.set(key, rowNo)
      else report('label', `a unique excerpt label (also on row ${first})`, label.value, 'duplicate')
    }

    const informant = cell(row, col('informant'))?.value ?? ''
    const source = cell(row, col('source'))?.value ?? ''
    const site = cell(row, col('site'))?.value ?? ''
    if (informant === '' && source === '')
      rowProblems.push(problem(['rows', i], `an attribution: an informant (column ${col('informant')}) or a source (column ${col('source')})`, undefined, 'consistency', `${name} › attribution`))
    if (informant !== '' && knowsInformants && !informantExists(informant))
      report('informant', 'an informant of the evaluation or the informant sheet', informant, 'reference')
    if (site === '') return
    const resolved = siteId(site)
    if (resolved === undefined) report('site', `a site of the evaluation${siteList()}`, site, 'reference')
    if (informant !== '') claim(rowProblems, informant, site, resolved, `register row ${rowNo}`, pathOf('site'), `${name} › ${col('site')}`)
  })

  return [...rowProblems, ...sheetProblems, ...(ev === undefined ? [] : evidenceProblems(ev))]
}
