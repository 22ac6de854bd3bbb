/**
 * Attributes of sites and units (performance group, partnership type, an
 * engagement index, a survey date): declared once per evaluation, with a
 * kind, and given values on each site or unit.
 * @module
 */
import * as t from 'io-ts'
import type { Band } from './bands.js'
import { BandC } from './bands.js'
import {
  FiniteNumberC,
  StringC,
  fail,
  idC,
  isRecordLike,
  leafC,
  nullProtoRecordC,
  oneOfC,
  withOptional,
} from './codec-kit.js'
import type { Id } from './ids.js'
import { showChoices } from './problem.js'

/** The id of an attribute declaration (`engagement`, `partnership-type`). */
export type AttributeId = Id<'AttributeId'>

/** What an attribute is declared on: sites (organisations) or units inside them. */
export type AttributeTarget = 'site' | 'unit'

/** The kinds of attribute. */
export type AttributeKind = 'categorical' | 'ordinal' | 'numeric' | 'date'

interface AttributeBase {
  readonly id: AttributeId
  readonly label: string
  /** Whether sites or units carry the attribute. A unit is grouped by its site's value of a site attribute. */
  readonly on: AttributeTarget
  readonly description?: string
}

/** Named categories with no order (partnership type, region). */
export interface CategoricalAttribute extends AttributeBase {
  readonly kind: 'categorical'
  /** The allowed values. */
  readonly categories: readonly string[]
}

/** Ordered categories (size: small < medium < large). */
export interface OrdinalAttribute extends AttributeBase {
  readonly kind: 'ordinal'
  /** The allowed values, lowest first. */
  readonly order: readonly string[]
}

/** A number with its unit (an engagement index in points, a percentile), optionally cut into bands. */
export interface NumericAttribute extends AttributeBase {
  readonly kind: 'numeric'
  /** The unit of the values, e.g. `"points"` or `"percentile"` (free text). */
  readonly unit: string
  /** Bands, lowest first; a value's band is its group. See `bandProblems` for the rules. */
  readonly bands?: readonly Band[]
}

/** A calendar date, written `YYYY-MM-DD`. */
export interface DateAttribute extends AttributeBase {
  readonly kind: 'date'
}

/** The declaration of one attribute. */
export type AttributeDefinition = CategoricalAttribute | OrdinalAttribute | NumericAttribute | DateAttribute

/** A value of an attribute: a category (categorical, ordinal), a number (numeric) or a `YYYY-MM-DD` date. */
export type AttributeValue = string | number

/** Attribute values of one site or unit, keyed by attribute id. */
export type AttributeValues = Readonly<Record<AttributeId, AttributeValue>>

/** Codec of an attribute id (see `idC`). */
export const AttributeIdC = idC<'AttributeId'>('attribute id')

const StringsC = t.readonlyArray(StringC, 'a list of strings')
const base = { id: AttributeIdC, label: StringC, on: oneOfC(['site', 'unit'] as const) }
const described = { description: StringC }

const ATTRIBUTE_CODECS = {
  categorical: withOptional(
    { ...base, kind: t.literal('categorical'), categories: StringsC },
    described,
    'a categorical attribute',
  ),
  ordinal: withOptional({ ...base, kind: t.literal('ordinal'), order: StringsC }, described, 'an ordinal attribute'),
  numeric: withOptional(
    { ...base, kind: t.literal('numeric'), unit: StringC },
    { ...described, bands: t.readonlyArray(BandC, 'a list of bands') },
    'a numeric attribute',
  ),
  date: withOptional({ ...base, kind: t.literal('date') }, described, 'a date attribute'),
} as const

const KINDS = Object.keys(ATTRIBUTE_CODECS) as AttributeKind[]
const KIND_EXPECTED = `one of ${showChoices(KINDS)}`

/**
 * Codec of an {@link AttributeDefinition}, chosen by its `kind` (an unknown
 * kind is one problem at `kind` listing the kinds).
 * @example
 * AttributeDefinitionC.decode({ id: 'engagement', label: 'Engagement', on: 'site', kind: 'numeric', unit: 'points' }) //=> right(…)
 * AttributeDefinitionC.decode({ id: 'x', label: 'X', on: 'site', kind: 'colour' })
 * //=> left(…) // … kind: expected one of "categorical" | "ordinal" | "numeric" | "date", found "colour"
 */
export const AttributeDefinitionC: t.Type<AttributeDefinition, unknown, unknown> = new t.Type<
  AttributeDefinition,
  unknown,
  unknown
>(
  'an attribute declaration',
  (u): u is AttributeDefinition =>
    isRecordLike(u) &&
    typeof u.kind === 'string' &&
    KINDS.includes(u.kind as AttributeKind) &&
    ATTRIBUTE_CODECS[u.kind as AttributeKind].is(u),
  (u, c) => {
    if (!isRecordLike(u)) return fail(u, c, 'an attribute declaration')
    const kind = u.kind
    if (typeof kind !== 'string' || !KINDS.includes(kind as AttributeKind))
      return fail(
        kind,
        t.appendContext(c, 'kind', t.unknown, kind),
        KIND_EXPECTED,
        typeof kind === 'string' ? 'value' : 'shape',
      )
    return (ATTRIBUTE_CODECS[kind as AttributeKind] as t.Type<AttributeDefinition, unknown, unknown>).validate(u, c)
  },
  t.identity,
)

/** A string or a finite number: the shape of every attribute value (the declaration decides which). */
export const AttributeValueC = leafC(
  new t.Type<AttributeValue, AttributeValue, unknown>(
    'a string or a finite number',
    (u): u is AttributeValue => typeof u === 'string' || (typeof u === 'number' && Number.isFinite(u)),
    (u, c) =>
      typeof u === 'string' || FiniteNumberC.is(u)
        ? t.success(u)
        : fail(u, c, 'a string or a finite number', typeof u === 'number' ? 'value' : 'shape'),
    t.identity,
  ),
)

/**
 * Codec of the attribute values of a site or unit: a record from attribute id
 * to value, decoded into a null-prototype object. Whether each value suits
 * its declaration is checked over the whole document (`attributeProblems`).
 * @example
 * AttributeValuesC.decode({ engagement: 72.5, type: 'acute' }) //=> right({ engagement: 72.5, type: 'acute' })
 */
export const AttributeValuesC = nullProtoRecordC(
  AttributeIdC,
  AttributeValueC,
  'attribute values (an object from attribute id to value)',
)

/** Codec of the list of attribute declarations. */
export const AttributeDefinitionsC = t.readonlyArray(AttributeDefinitionC, 'a list of attribute declarations')

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Whether a string is a real calendar date written `YYYY-MM-DD` (ISO 8601).
 * @param s - the text to check.
 * @returns true for a date that exists in the calendar, written `YYYY-MM-DD`.
 * @example
 * isIsoDate('2024-02-29') //=> true
 * isIsoDate('2023-02-29') //=> false
 * isIsoDate('29/02/2024') //=> false
 */
export const isIsoDate = (s: string): boolean => {
  const m = ISO_DATE.exec(s)
  if (m === null) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/**
 * What a value of this attribute must be, in words (for problems).
 * @param def - the attribute's declaration.
 * @returns the wording of the problem's `expected`.
 * @example
 * expectedValue({ id: 'size', label: 'Size', on: 'site', kind: 'ordinal', order: ['small', 'large'] })
 * //=> 'one of "small" | "large" (the order of attribute size)'
 */
export const expectedValue = (def: AttributeDefinition): string => {
  switch (def.kind) {
    case 'categorical':
      return `one of ${showChoices(def.categories)} (the categories of attribute ${def.id})`
    case 'ordinal':
      return `one of ${showChoices(def.order)} (the order of attribute ${def.id})`
    case 'numeric':
      return `a finite number (in ${def.unit === '' ? 'the unit' : def.unit} of attribute ${def.id})`
    case 'date':
      return `a date written YYYY-MM-DD (attribute ${def.id})`
  }
}

/**
 * Whether a value suits its declaration: a listed category (categorical,
 * ordinal), a finite number (numeric), a real `YYYY-MM-DD` date (date).
 * @param def - the attribute's declaration.
 * @param value - the value as found in the document.
 * @returns true when the value suits the declaration.
 * @example
 * valueFits({ id: 'e', label: 'E', on: 'site', kind: 'numeric', unit: 'points' }, '72') //=> false
 */
export const valueFits = (def: AttributeDefinition, value: unknown): value is AttributeValue => {
  switch (def.kind) {
    case 'categorical':
      return typeof value === 'string' && def.categories.includes(value)
    case 'ordinal':
      return typeof value === 'string' && def.order.includes(value)
    case 'numeric':
      return typeof value === 'number' && Number.isFinite(value)
    case 'date':
      return typeof value === 'string' && isIsoDate(value)
  }
}
