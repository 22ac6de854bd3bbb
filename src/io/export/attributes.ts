/**
 * Attribute values and observations as tidy rows for CSV: attribute values in
 * the wide layout `importAttributes` reads, observations one per row.
 * @module
 */
import type { Evaluation } from '../../model/evaluation.js'
import type { AttributeValue } from '../../model/attributes.js'

/** One site or unit with its attribute values: `site`, `unit` (empty for a site's own row), then one key per attribute id. */
export type AttributeTableRow = { readonly site: string; readonly unit: string } & Readonly<
  Record<string, AttributeValue | null>
>

/**
 * Every site and unit that has attribute values, one row each, with one
 * column per declared attribute (blank where it has no value): the wide
 * layout `importAttributes` reads, so `toCsv(attributeTable(ev))` imported
 * onto the same document without values gives back the same values. Sites'
 * rows list site attributes, units' rows unit attributes.
 *
 * Degenerate input: no attribute declared, or no value set, gives `[]`.
 * @param ev - the evaluation.
 * @returns the rows, sites then their units in document order.
 * @example
 * // ev declares engagement on units: one row per unit, one column per attribute
 * attributeTable(ev)
 * //=> [{ site: 'ss', unit: 'acute', engagement: 40 }, { site: 'ss', unit: 'access', engagement: 65 },
 * //    { site: 'le', unit: 'older', engagement: 55 }, { site: 'le', unit: 'primary', engagement: 30 }]
 */
export const attributeTable = (ev: Evaluation): AttributeTableRow[] => {
  const defs = ev.attributes ?? []
  if (defs.length === 0) return []
  const out: AttributeTableRow[] = []
  const row = (
    site: string,
    unit: string,
    on: 'site' | 'unit',
    values: Readonly<Record<string, AttributeValue>> | undefined,
  ) => {
    if (values === undefined || !defs.some((d) => d.on === on && values[d.id] !== undefined)) return
    const r: Record<string, AttributeValue | null> = { site, unit }
    for (const d of defs) if (d.on === on) r[d.id] = values[d.id] ?? null
    out.push(r as AttributeTableRow)
  }
  for (const site of ev.sites) {
    row(site.id, '', 'site', site.attributes)
    for (const unit of site.units) row(site.id, unit.id, 'unit', unit.attributes)
  }
  return out
}
