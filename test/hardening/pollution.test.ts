/**
 * Prototype pollution: documents and arguments that use
 * `__proto__`, `constructor` or `prototype` as ids, keys or labels go through
 * decoding, edits, CSV import and aggregation, and `Object.prototype` (and
 * Array/Function prototypes) stay exactly as they were. Ids with these names
 * are refused with a problem naming them; labels may be anything.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { encodeEvaluation } from '../../src/model/index.js'
import { decodeEvaluation, parseEvaluation } from '../../src/document/decode.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { addRound, addSite, addUnit, applyEdit, rate, renameUnit, unrate, type Edit } from '../../src/edit/index.js'
import { attainment, attainmentRows, tallyRatings, findStandard, findLevel } from '../../src/standards/index.js'
import { addObjective, addObjectiveType, objectiveAttainment, setObjectiveCell } from '../../src/objectives/index.js'
import { addCmoElement, addStakeholderGroup } from '../../src/cmo/index.js'
import {
  importObjectivesEither,
  importRatingsLongEither,
  importRatingsWideEither,
  ratingRows,
  readCsvEither,
  toCsv,
} from '../../src/io/index.js'
import { deepFreeze, expectPrototypesUntouched, FUZZ_RUNS, prototypeSnapshot, smallDocument } from './support.js'

const RESERVED = ['__proto__', 'constructor', 'prototype'] as const

let before: string[]
beforeAll(() => {
  before = prototypeSnapshot()
})
afterEach(() => expectPrototypesUntouched(before))

const decodeOrThrow = (u: unknown): Evaluation => {
  const r = decodeEvaluation(u)
  if (E.isLeft(r)) throw new Error(r.left.map((p) => p.where).join('; '))
  return r.right
}

/** The small generated document as JSON text, with `edit` applied to its parsed form first. */
const textWith = (edit: (doc: any) => void): string => {
  const doc = smallDocument(1) as any
  edit(doc)
  return JSON.stringify(doc)
}

/** JSON text in which `"KEY":` becomes `"__proto__":` etc. (JSON.parse makes them own keys, as an attacker's file would). */
const renameKeyInText = (text: string, from: string, to: string): string => text.split(`"${from}":`).join(`"${to}":`)

describe('decodeEvaluation with reserved names', () => {
  it.each(RESERVED)(
    'refuses %s as a site, unit, round, section, standard, criterion, level or objective-type id, naming it',
    (name) => {
      const places: [string, (doc: any) => void][] = [
        ['site', (d) => (d.sites[0].id = name)],
        ['unit', (d) => (d.sites[0].units[0].id = name)],
        ['round', (d) => (d.rounds[0].id = name)],
        ['section', (d) => (d.framework.sections[0].id = name)],
        ['standard', (d) => (d.framework.sections[0].standards[0].id = name)],
        ['criterion', (d) => (d.framework.sections[0].standards[0].criteria[0].id = name)],
        ['level', (d) => (d.framework.scale.levels[0].id = name)],
        ['objective type', (d) => (d.objectiveTypes[0].id = name)],
      ]
      for (const [what, edit] of places) {
        const r = decodeEvaluation(JSON.parse(textWith(edit)))
        expect(E.isLeft(r), what).toBe(true)
        if (E.isLeft(r))
          expect(
            r.left.some((p) => p.found === JSON.stringify(name)),
            `${what}: ${r.left.map((p) => p.found).join(', ')}`,
          ).toBe(true)
      }
    },
  )

  it.each(RESERVED)(
    'refuses %s as a ratings key (round or target) read from JSON text, and pollutes nothing',
    (name) => {
      const doc = smallDocument(1) as any
      const unit = doc.sites[0].units[0]
      const round = Object.keys(unit.ratings)[0]!
      const target = Object.keys(unit.ratings[round])[0]!
      // As own keys, the way JSON.parse of an attacker's file makes them.
      const asRound = JSON.parse(renameKeyInText(JSON.stringify(doc), round, name))
      const asTarget = JSON.parse(renameKeyInText(JSON.stringify(doc), target, name))
      for (const input of [asRound, asTarget]) {
        const r = decodeEvaluation(input)
        expect(E.isLeft(r)).toBe(true)
        if (E.isLeft(r)) expect(r.left.some((p) => p.found === JSON.stringify(name))).toBe(true)
      }
    },
  )

  it('ignores {"__proto__": {"polluted": …}} payloads anywhere (as unknown fields), from text and from parsed values', () => {
    const payload = '{"polluted":"yes","isAdmin":true}'
    const base = JSON.stringify(smallDocument(1))
    // Insert the payload as the first key of every object of the document.
    for (const key of RESERVED) {
      const text = base.replace(/\{/g, `{"${key}":${key === 'constructor' ? `{"prototype":${payload}}` : payload},`)
      expect(() => parseEvaluation(text)).not.toThrow(TypeError)
      const r = decodeEvaluation(JSON.parse(text))
      expect(E.isLeft(r) || E.isRight(r)).toBe(true)
      if (E.isRight(r)) expect(JSON.stringify(encodeEvaluation(r.right))).not.toContain('"isAdmin":true}}')
    }
  })

  it.each(RESERVED)(
    'accepts %s as a label, name, title or alias, and keeps it verbatim through decode and encode',
    (name) => {
      const text = textWith((d) => {
        d.title = name
        d.sites[0].name = name
        d.sites[0].aliases = [name]
        d.sites[0].units[0].name = name
        d.rounds[0].label = name
        d.framework.sections[0].standards[0].title = name
        d.framework.scale.levels[0].label = name
      })
      const ev = decodeOrThrow(JSON.parse(text))
      expect(ev.title).toBe(name)
      expect(ev.sites[0]!.units[0]!.name).toBe(name)
      expect(ev.sites[0]!.aliases).toEqual([name])
      expect(JSON.stringify(encodeEvaluation(ev))).toBe(text)
    },
  )

  it('decodes hostile keys and names from fuzzing without touching the prototypes', () => {
    const base = JSON.stringify(smallDocument(2))
    const keys = [...new Set([...base.matchAll(/"([^"]+)":/g)].map((m) => m[1]!))]
    const values = [...new Set([...base.matchAll(/:"([^"]+)"/g)].map((m) => m[1]!))]
    fc.assert(
      fc.property(
        fc.constantFrom(...keys, ...values),
        fc.constantFrom(...RESERVED),
        fc.boolean(),
        (from, to, asKey) => {
          const text = asKey ? renameKeyInText(base, from, to) : base.split(`:"${from}"`).join(`:"${to}"`)
          let input: unknown
          try {
            input = JSON.parse(text)
          } catch {
            return // a rename that broke the JSON (the text occurs inside another string): not a case
          }
          const r = decodeEvaluation(input)
          expect(E.isLeft(r) || E.isRight(r)).toBe(true)
          expectPrototypesUntouched(before)
        },
      ),
      { numRuns: Math.max(50, Math.round(FUZZ_RUNS / 50)) },
    )
  })
})

describe('edits with reserved names', () => {
  const ev = deepFreeze(decodeOrThrow(smallDocument(3)))
  const site = ev.sites[0]!.id
  const unit = ev.sites[0]!.units[0]!.id
  const criterion = ev.framework.sections[0]!.standards[0]!.criteria[0]!.id
  const round = ev.rounds[0]!.id
  const snapshot = JSON.stringify(encodeEvaluation(ev))

  const edits = (name: string): [string, Edit][] => [
    ['rate: unit', rate({ unit: name, target: criterion, level: 'met', round })],
    ['rate: target', rate({ unit, target: name, level: 'met', round })],
    ['rate: level', rate({ unit, target: criterion, level: name, round })],
    ['rate: round', rate({ unit, target: criterion, level: 'met', round: name })],
    ['unrate: target', unrate({ unit, target: name, round })],
    ['addSite: id', addSite({ id: name, name: 'x' })],
    ['addUnit: id', addUnit({ site, id: name, name: 'x' })],
    ['addUnit: site', addUnit({ site: name, id: 'new-unit', name: 'x' })],
    ['addRound: id', addRound({ id: name, label: 'x' })],
    ['addObjectiveType: id', addObjectiveType({ type: { id: name, label: 'x' } })],
    ['setObjectiveCell: type', setObjectiveCell({ unit, cell: { type: name, attained: 1, total: 2 } })],
    [
      'addObjective: id',
      addObjective({ unit, objective: { id: name, type: ev.objectiveTypes[0]!.id, status: 'attained' } }),
    ],
    ['addCmoElement: id', addCmoElement({ element: { id: name, role: 'context', label: 'x' } as never })],
    ['addStakeholderGroup: id', addStakeholderGroup({ item: { id: name, label: 'x' } as never })],
  ]

  it.each(RESERVED)('refuses %s as an id or reference in every edit, naming it, and changes nothing', (name) => {
    for (const [what, edit] of edits(name)) {
      const r = applyEdit(ev, edit)
      expect(E.isLeft(r), what).toBe(true)
      if (E.isLeft(r)) expect(r.left.length, what).toBeGreaterThan(0)
    }
    expect(JSON.stringify(encodeEvaluation(ev))).toBe(snapshot)
  })

  it.each(RESERVED)(
    'accepts %s as a name (renameUnit, addSite name) and the result is still a valid document',
    (name) => {
      for (const edit of [renameUnit({ unit, name }), addSite({ id: 'new-site', name, aliases: [name] })]) {
        const r = applyEdit(ev, edit)
        expect(E.isRight(r)).toBe(true)
        if (E.isRight(r)) expect(E.isRight(decodeEvaluation(encodeEvaluation(r.right)))).toBe(true)
      }
      expect(JSON.stringify(encodeEvaluation(ev))).toBe(snapshot)
    },
  )
})

describe('CSV import with reserved names', () => {
  const ev = deepFreeze(decodeOrThrow(smallDocument(4)))
  const unit = ev.sites[0]!.units[0]!
  const criterion = ev.framework.sections[0]!.standards[0]!.criteria[0]!.id
  const snapshot = JSON.stringify(encodeEvaluation(ev))

  it.each(RESERVED)('reads a file whose headers and cells are %s without pollution', (name) => {
    const csv = `${name},${name},${name}\n${name},${name},${name}\n`
    const t = readCsvEither(csv)
    expect(E.isLeft(t) || E.isRight(t)).toBe(true)
    if (E.isRight(t)) expect(Object.getPrototypeOf(t.right)).not.toBeNull()
  })

  it.each(RESERVED)(
    'refuses %s as a unit, target, level or round of a long ratings import, and changes nothing',
    (name) => {
      const files = [
        `workstream,criterion,rating\n${name},${criterion},met\n`,
        `workstream,criterion,rating\n${unit.id},${name},met\n`,
        `workstream,criterion,rating\n${unit.id},${criterion},${name}\n`,
        `workstream,criterion,rating,round\n${unit.id},${criterion},met,${name}\n`,
      ]
      for (const csv of files) {
        for (const create of [false, true]) {
          const r = importRatingsLongEither(ev, csv, { create })
          expect(E.isLeft(r) || E.isRight(r)).toBe(true)
          // With create, a new unit may be made from the name, but never with a reserved id.
          if (E.isRight(r)) expect(E.isRight(decodeEvaluation(encodeEvaluation(r.right)))).toBe(true)
        }
      }
      expect(JSON.stringify(encodeEvaluation(ev))).toBe(snapshot)
    },
  )

  it.each(RESERVED)('handles %s as a wide-table column and as an objectives-import cell', (name) => {
    const wide = importRatingsWideEither(ev, `workstream,${name}\n${unit.id},met\n`)
    expect(E.isLeft(wide) || E.isRight(wide)).toBe(true)
    const objectives = importObjectivesEither(ev, `workstream,objective type,attained,total\n${unit.id},${name},1,2\n`)
    expect(E.isLeft(objectives) || E.isRight(objectives)).toBe(true)
    expect(JSON.stringify(encodeEvaluation(ev))).toBe(snapshot)
  })
})

describe('aggregation and export with reserved names', () => {
  it.each(RESERVED)(
    'counts a hand-built (undecoded) document whose ratings are keyed %s as unrated or refused, never polluting',
    (name) => {
      const doc = smallDocument(5) as any
      const unit = doc.sites[0].units[0]
      const round = Object.keys(unit.ratings)[0]!
      // An own "__proto__" key, as JSON.parse makes it; then a hostile value.
      const hostile = JSON.parse(`{"${name}": {"level": "met", "polluted": "yes"}}`)
      Object.assign(unit.ratings[round], hostile)
      const ev = doc as Evaluation
      for (const policy of [undefined, { count: 'criteria' as const }]) {
        const r = (() => {
          try {
            return E.right(attainment(ev, policy))
          } catch (e) {
            return E.left(e)
          }
        })()
        if (E.isLeft(r)) expect((r.left as Error).name).toBe('RealistError')
      }
      expect(tallyRatings(ev.framework, [unit.ratings[round]]).cells.length).toBeGreaterThan(0)
    },
  )

  it('aggregates documents whose ids are Object.prototype member names (A’s arbitrary ids), with no pollution', () => {
    const doc = smallDocument(6) as any
    doc.sites[0].id = 'toString'
    doc.sites[0].units[0].id = 'hasOwnProperty'
    doc.objectiveTypes[0].id = 'valueOf'
    for (const u of doc.sites.flatMap((s: any) => s.units))
      for (const c of u.objectiveCells) if (c.type === 'analysis-planning') c.type = 'valueOf'
    const ev = decodeOrThrow(doc)
    const rows = attainmentRows(attainment(ev))
    expect(rows.some((r) => r.site === 'toString')).toBe(true)
    expect(objectiveAttainment(ev).length).toBeGreaterThan(0)
    expect(ratingRows(ev).some((r) => r.unit === 'hasOwnProperty')).toBe(true)
    expect(toCsv(ratingRows(ev))).toContain('hasOwnProperty')
  })

  it.each(RESERVED)('looks up %s as a standard or level name without finding an inherited member', (name) => {
    const ev = decodeOrThrow(smallDocument(7))
    expect(E.isLeft(findStandard(ev.framework, name))).toBe(true)
    expect(E.isLeft(findLevel(ev.framework.scale, name))).toBe(true)
  })
})
