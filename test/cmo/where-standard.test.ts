import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  addConfiguration,
  addExcerpt,
  addInformant,
  cmoWhereStandard,
  cmoWhereStandardEither,
} from '../../src/cmo/index.js'
import { rate } from '../../src/edit/ratings.js'
import { worstOf } from '../../src/standards/rollup.js'
import { apply, base, LE, SS } from './fixtures.js'

/**
 * Ratings of standard 2.1 (criteria 2.1.1-2.1.3), one round:
 *   acute-care (SS)                explicit 2.1 not-met             → not-met (explicit)
 *   transparent-commissioning (SS) criteria not-met, not-met         → not-met (all-met-else-partly)
 *   values-based-workforce (SS)    criteria met, not-met             → partly (excluded; worst-of → not-met)
 *   voluntary-sector (LE)          explicit 2.1 not-met             → not-met
 *   access (SL)                    explicit 2.1 met                 → met
 *   every other unit                unrated                          → never matches
 * Configurations (all ready → … → low):
 *   cS  scope site SS                → recorded for acute-care, transparent-commissioning
 *   cU  scope unit voluntary-sector  → recorded for voluntary-sector
 *   cE  no scope, supported by an informant at LE → voluntary-sector by evidence
 *   cW  no scope, no evidence        → only with includeProgrammeWide
 */
const ev = () =>
  apply(
    { ...base(), configurations: [] },
    rate({ unit: 'acute-care', target: '2.1', level: 'not-met' }),
    rate({ unit: 'transparent-commissioning', target: '2.1.1', level: 'not-met' }),
    rate({ unit: 'transparent-commissioning', target: '2.1.2', level: 'not-met' }),
    rate({ unit: 'values-based-workforce', target: '2.1.1', level: 'met' }),
    rate({ unit: 'values-based-workforce', target: '2.1.2', level: 'not-met' }),
    rate({ unit: 'voluntary-sector', target: '2.1', level: 'not-met' }),
    rate({ unit: 'access', target: '2.1', level: 'met' }),
    addConfiguration({
      configuration: {
        id: 'cS',
        label: 'S',
        contexts: ['ready'],
        mechanisms: ['events', 'train'],
        outcome: 'low',
        direction: 'fires',
        scope: { sites: [SS], units: [] },
      },
    }),
    addConfiguration({
      configuration: {
        id: 'cU',
        label: 'U',
        contexts: ['ready'],
        mechanisms: ['train'],
        outcome: 'low',
        direction: 'fails',
        scope: { sites: [], units: ['voluntary-sector'] },
      },
    }),
    addConfiguration({
      configuration: {
        id: 'cE',
        label: 'E',
        contexts: ['ready'],
        mechanisms: ['events'],
        outcome: 'low',
        direction: 'fires',
      },
    }),
    addConfiguration({
      configuration: {
        id: 'cW',
        label: 'W',
        contexts: ['ready'],
        mechanisms: ['train'],
        outcome: 'low',
        direction: 'fires',
      },
    }),
    addInformant({ item: { id: 'i1', group: 'g1', site: LE } }),
    addExcerpt({
      item: {
        id: 'x1',
        label: 'Q1',
        kind: 'quote',
        text: '…',
        informant: 'i1',
        links: [{ configuration: 'cE', stance: 'supports' }],
      },
    }),
  )

const brief = (rows: ReturnType<typeof cmoWhereStandard>) =>
  rows.map((r) => [r.unit, r.level, r.levelSource, r.configuration, r.matchedBy, r.mechanism])

describe('cmoWhereStandard: which mechanisms were recorded where a standard was not met, and what followed', () => {
  it('answers per unit, one row per configuration × mechanism (hand-worked above)', () => {
    expect(brief(cmoWhereStandard(ev(), { standard: '2.1' }))).toEqual([
      ['acute-care', 'not-met', 'explicit', 'cS', 'scope', 'events'],
      ['acute-care', 'not-met', 'explicit', 'cS', 'scope', 'train'],
      ['transparent-commissioning', 'not-met', 'all-met-else-partly', 'cS', 'scope', 'events'],
      ['transparent-commissioning', 'not-met', 'all-met-else-partly', 'cS', 'scope', 'train'],
      ['voluntary-sector', 'not-met', 'explicit', 'cU', 'scope', 'train'],
      ['voluntary-sector', 'not-met', 'explicit', 'cE', 'evidence', 'events'],
    ])
  })

  it('carries the outcome and the mechanism parts on each row', () => {
    const row = cmoWhereStandard(ev(), { standard: '2.1' })[0]!
    expect(row).toEqual({
      site: SS,
      siteName: 'South Staffordshire',
      unit: 'acute-care',
      unitName: 'Acute care',
      standard: '2.1',
      level: 'not-met',
      levelSource: 'explicit',
      configuration: 'cS',
      matchedBy: 'scope',
      direction: 'fires',
      status: 'hypothesised',
      mechanism: 'events',
      mechanismLabel: 'Consultation events',
      resource: 'events',
      reasoning: 'enthusiasm',
      outcome: 'low',
      outcomeLabel: 'Low impact',
      outcomeValence: 'negative',
      outcomeIntended: false,
    })
  })

  it('uses the roll-up rule given (worst-of makes met + not-met a not-met) and keeps units with nothing recorded', () => {
    const rows = cmoWhereStandard(
      ev(),
      { standard: 'The change programme is developed in consultation with all relevant parties' },
      { rule: worstOf },
    )
    const vbw = rows.filter((r) => r.unit === 'values-based-workforce')
    expect(vbw.map((r) => [r.levelSource, r.configuration])).toEqual([
      ['worst-of', 'cS'],
      ['worst-of', 'cS'],
    ])
  })

  it('other levels, programme-wide configurations, and a matching unit with nothing recorded', () => {
    const met = cmoWhereStandard(ev(), { standard: '2.1', levels: ['Met'] })
    expect(brief(met)).toEqual([['access', 'met', 'explicit', null, null, null]])
    const wide = cmoWhereStandard(ev(), { standard: '2.1', levels: ['met'] }, { includeProgrammeWide: true })
    expect(brief(wide)).toEqual([
      ['access', 'met', 'explicit', 'cE', 'programme-wide', 'events'],
      ['access', 'met', 'explicit', 'cW', 'programme-wide', 'train'],
    ])
  })

  it('gives [] when no unit matches, and a Left for unknown standard, level or round', () => {
    expect(cmoWhereStandard(ev(), { standard: '3.2' })).toEqual([])
    const r = cmoWhereStandardEither(ev(), { standard: '9.9', levels: ['sort of'] }, { round: 'r9' })
    expect(E.isLeft(r) && r.left.map((p) => p.where)).toEqual([
      'condition › standard',
      'condition › levels[0]',
      'options › round',
    ])
  })
})

describe('cmoWhereStandard argument shapes', () => {
  it('refuses a condition or options of the wrong shape, naming the field', () => {
    const r = cmoWhereStandardEither(
      ev(),
      { standard: '2.1', levels: 'not met' as never },
      { includeProgrammeWide: 'yes' as never },
    )
    expect(E.isLeft(r) && r.left.map((p) => [p.where, p.expected])).toEqual([
      ['condition › levels', 'a list of strings'],
      ['options › includeProgrammeWide', 'true or false'],
    ])
  })
})
