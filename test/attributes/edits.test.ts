import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { encodeEvaluation } from '../../src/model/codec.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { applyEdit, applyEdits, edit } from '../../src/edit/define.js'
import { recordEditEither, replayEither, undoEither } from '../../src/edit/log.js'
import { clearAttribute, declareAttribute, removeAttribute, setAttribute } from '../../src/attributes/index.js'
import { attributeValue, attributeValueEither, attributeRows } from '../../src/model/attribute-values.js'
import { sampleDocument } from '../support/arbitraries.js'

const sample = (): Evaluation => parseEvaluation(sampleDocument())
const engagement = {
  id: 'engagement',
  label: 'Staff engagement',
  on: 'site',
  kind: 'numeric',
  unit: 'points',
  bands: [
    { id: 'low', label: 'below 60', upper: { value: 60, closed: false } },
    { id: 'high', label: '60 and above', lower: { value: 60, closed: true } },
  ],
} as const
const size = { id: 'size', label: 'Size', on: 'unit', kind: 'ordinal', order: ['small', 'large'] } as const
const brief = (r: E.Either<readonly { where: string; expected: string; found: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => `${p.where}: ${p.expected}, found ${p.found}`) : []

describe('attribute edits', () => {
  it('declare, set, read back, and decode the result', () => {
    const ev = edit(
      sample(),
      declareAttribute({ attribute: engagement }),
      declareAttribute({ attribute: size }),
      setAttribute({ site: 'ss', attribute: 'engagement', value: 61.5 }),
      setAttribute({ unit: 'acute', attribute: 'size', value: 'large' }),
    )
    expect(attributeValue(ev, { site: 'ss', attribute: 'engagement' })).toBe(61.5)
    // A unit reads its site's value of a site attribute.
    expect(attributeValue(ev, { unit: 'crisis', attribute: 'engagement' })).toBe(61.5)
    expect(attributeValue(ev, { unit: 'crisis', attribute: 'size' })).toBeNull()
    expect(attributeRows(ev)).toEqual([
      { site: 'ss', unit: null, attribute: 'engagement', kind: 'numeric', value: 61.5, band: 'high' },
      { site: 'ss', unit: 'acute', attribute: 'size', kind: 'ordinal', value: 'large', band: null },
    ])
    expect(E.isRight(decodeEvaluation(encodeEvaluation(ev)))).toBe(true)
  })

  it('records patches that replay and undo exactly', () => {
    const ev = edit(sample(), declareAttribute({ attribute: engagement }))
    const r = recordEditEither(ev, setAttribute({ site: 'ss', attribute: 'engagement', value: 48 }), {
      who: 'JB',
      when: '2026-01-01T00:00:00.000Z',
    })
    if (E.isLeft(r)) throw new Error('refused')
    expect(r.right.entry.patches).toEqual([{ op: 'add', path: ['sites', 0, 'attributes'], value: { engagement: 48 } }])
    expect(replayEither(ev, JSON.parse(JSON.stringify([r.right.entry])))).toStrictEqual(E.right(r.right.evaluation))
    expect(undoEither(r.right.evaluation, r.right.entry)).toStrictEqual(E.right(ev))
    const removed = recordEditEither(r.right.evaluation, removeAttribute({ attribute: 'engagement' }), { who: 'JB' })
    if (E.isLeft(removed)) throw new Error('refused')
    expect(removed.right.evaluation.sites[0]!.attributes).toEqual({})
    expect(removed.right.evaluation.attributes).toEqual([])
    expect(undoEither(removed.right.evaluation, removed.right.entry)).toStrictEqual(E.right(r.right.evaluation))
  })

  it('refuses a malformed declaration at its path, and overlapping bands naming the shared value', () => {
    expect(
      brief(applyEdit(sample(), declareAttribute({ attribute: { ...engagement, kind: 'colour' } as never }))),
    ).toEqual([
      'declareAttribute › attribute › kind: one of "categorical" | "ordinal" | "numeric" | "date", found "colour"',
    ])
    const overlapping = {
      ...engagement,
      bands: [
        { id: 'mid', label: '50-60', lower: { value: 50, closed: true }, upper: { value: 60, closed: true } },
        engagement.bands[1],
      ],
    }
    expect(brief(applyEdit(sample(), declareAttribute({ attribute: overlapping as never })))).toEqual([
      'declareAttribute › attribute engagement › bands › band high: bands that share no value (band mid [50, 60] and band high [60, ∞) both hold 60), found 60',
    ])
    const twice = applyEdits(sample(), [
      declareAttribute({ attribute: engagement }),
      declareAttribute({ attribute: engagement }),
    ])
    expect(brief(twice)).toEqual([
      'edit 2 (declareAttribute) › declareAttribute › attribute engagement › id: an attribute id not used before (attribute #1 has it already), found "engagement"',
    ])
    expect(brief(applyEdit(sample(), declareAttribute(undefined as never)))).toEqual([
      'declareAttribute › arguments: an arguments object, found nothing (missing)',
    ])
  })

  it('refuses values that do not suit the declaration, the wrong level, and unknown places', () => {
    const ev = edit(sample(), declareAttribute({ attribute: engagement }), declareAttribute({ attribute: size }))
    expect(brief(applyEdit(ev, setAttribute({ site: 'ss', attribute: 'engagement', value: '61' as never })))).toEqual([
      'setAttribute › value: a finite number (in points of attribute engagement), found "61"',
    ])
    expect(brief(applyEdit(ev, setAttribute({ unit: 'acute', attribute: 'size', value: 'huge' })))).toEqual([
      'setAttribute › value: one of "small" | "large" (the order of attribute size), found "huge"',
    ])
    expect(brief(applyEdit(ev, setAttribute({ unit: 'acute', attribute: 'engagement', value: 3 })))).toEqual([
      'setAttribute › unit: a site (attribute engagement is declared on sites), found "acute"',
    ])
    expect(brief(applyEdit(ev, setAttribute({ site: 'nowhere', attribute: 'colour', value: 3 })))).toEqual([
      'setAttribute › attribute: an attribute declared in this evaluation (engagement, size), found "colour"',
      'setAttribute › site: the id of a site of this evaluation, found "nowhere"',
    ])
    expect(brief(applyEdit(ev, clearAttribute({ site: 'ss', attribute: 'engagement' })))).toEqual([
      'clearAttribute › attribute: an attribute with a value on site ss, found "engagement"',
    ])
    expect(brief(applyEdit(ev, removeAttribute({ attribute: 'nope' })))).toEqual([
      'removeAttribute › attribute: an attribute declared in this evaluation (engagement, size), found "nope"',
    ])
  })

  it('clears a value, leaving the rest of the document untouched', () => {
    const ev = edit(
      sample(),
      declareAttribute({ attribute: engagement }),
      setAttribute({ site: 'ss', attribute: 'engagement', value: 48 }),
    )
    const cleared = edit(ev, clearAttribute({ site: 'ss', attribute: 'engagement' }))
    expect(attributeValue(cleared, { site: 'ss', attribute: 'engagement' })).toBeNull()
    expect(cleared.sites[0]!.units).toBe(ev.sites[0]!.units)
  })

  it('attributeValue refuses unknown places and attributes with clear problems', () => {
    const ev = edit(sample(), declareAttribute({ attribute: size }))
    expect(brief(attributeValueEither(ev, { site: 'ss', attribute: 'size' }))).toEqual([
      'attributeValue › unit: a unit (attribute size is declared on units), found nothing (missing)',
    ])
    expect(brief(attributeValueEither(ev, { unit: 'ward', attribute: 'colour' }))).toEqual([
      'attributeValue › attribute: an attribute declared in this evaluation (size), found "colour"',
      'attributeValue › unit: a unit id of this evaluation, found "ward"',
    ])
    expect(() => attributeValue(ev, undefined as never)).toThrow(/attributeValue: 2 problems/)
  })
})
