/**
 * The README's five-minute tour, as a program: every line the README shows is
 * here, and `test/examples/tour-example.test.ts` checks what it prints.
 * Run: npm run example:tour
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  addUnit,
  applyEdit,
  attainment,
  attainmentRows,
  decodeEvaluation,
  edit,
  encodeEvaluation,
  formatObjectiveAttainment,
  formatProblems,
  objectiveAttainment,
  parseEvaluation,
  rate,
  recordEditEither,
  replayEither,
  undoEither,
  wilson,
} from '../src/index.js'
import { mhipEvaluation } from '../src/data/mhip/index.js'
import { getStandard, emhipFramework } from '../src/data/emhip-framework.js'
import { formatInterval, formatPercent, markdownTable } from '../src/report/index.js'

const show = (label: string, value: unknown): void =>
  console.log(`${label}\n  ${typeof value === 'string' ? value : JSON.stringify(value)}`)

// 1. The embedded E-MHIP data: objective attainment, the `?` kept honest.
const [all] = objectiveAttainment(mhipEvaluation)
show('objectives attained, default policy (bounds):', formatObjectiveAttainment(all!))
const [asReport] = objectiveAttainment(mhipEvaluation, { unknown: 'not-attained' })
show("objectives attained, the report's policy:", formatObjectiveAttainment(asReport!))

// 2. A standard by any of its wordings.
show('standard by wording:', getStandard(emhipFramework, 'responsibility is devolved to FRONTLINE staff').id)

// 3. Rate two workstreams (a document is plain data; edits never mutate it).
const rated = edit(
  mhipEvaluation,
  rate({ unit: 'acute-care', target: '2.4', level: 'met' }),
  rate({ unit: 'access', target: '2.4', level: 'partly' }),
  rate({ unit: 'voluntary-sector', target: '2.4', level: 'not-met' }),
  rate({ unit: 'older-persons-services', target: '2.4', level: 'na' }),
)
const ratingsOf = (ev: typeof rated) =>
  ev.sites
    .flatMap((s) => s.units)
    .reduce((n, u) => n + Object.values(u.ratings).reduce((m, r) => m + Object.keys(r).length, 0), 0)
show('ratings before and after (the input is never mutated):', `${ratingsOf(mhipEvaluation)} → ${ratingsOf(rated)}`)

// 4. Attainment with an explicit denominator policy; every figure keeps k and n.
const s24 = (policy?: Parameters<typeof attainment>[1]) => {
  const s = attainment(rated, policy).overall.standards.find((x) => x.standard === '2.4')!
  return `${s.k}/${s.n} (na ${s.na}, unrated ${s.unrated})`
}
show('2.4 fully met, defaults (na and unrated excluded):', s24())
show('2.4 met or partly met:', s24({ attained: 'met-or-partly' }))
show('2.4 with not-applicable counted as not met:', s24({ notApplicable: 'not-met' }))
show('Wilson 95% interval for 3/15:', wilson(3, 15))

// 5. Tidy rows, ready for a table, Arquero, Observable Plot or pandas.
const rows = attainmentRows(attainment(rated)).filter(
  (r) => r.standard === '2.4' && r.round !== null && r.site === null,
)
// Rows hold proportions on 0-1; percentages appear only in the formatted table.
console.log(
  markdownTable(
    rows.map((r) => ({
      site: r.site ?? 'all sites',
      standard: r.standard,
      level: r.level,
      k: r.k,
      n: r.n,
      '%': formatPercent(r.p, 1),
      '95% CI': formatInterval(r.lo, r.hi, 1),
    })),
  ),
)

// 6. Bad input: every problem, with where it is and what was found.
const bad = decodeEvaluation({
  ...(encodeEvaluation(rated) as object),
  title: 42,
  rounds: [{ id: 'mhip-2008', label: NaN }],
})
if (E.isLeft(bad)) console.log(formatProblems('decodeEvaluation', bad.left))
const refused = applyEdit(rated, rate({ unit: 'acute-care', target: '9.9', level: 'fully' }))
if (E.isLeft(refused)) console.log(formatProblems('applyEdit', refused.left))
try {
  parseEvaluation('{"schemaVersion": 1, "title": "x"')
} catch (e) {
  console.log((e as Error).message)
}

// 7. A change log: who, when, what; undo and replay are exact.
const logged = recordEditEither(rated, addUnit({ site: 'leicestershire', id: 'crisis', name: 'Crisis team' }), {
  who: 'AB',
  when: '2008-01-15',
})
if (E.isRight(logged)) {
  const { evaluation, entry } = logged.right
  show('logged:', { op: entry.op, who: entry.who, when: entry.when, patches: entry.patches.length })
  const back = undoEither(evaluation, entry)
  show(
    'undo gives back the document before:',
    E.isRight(back) && JSON.stringify(encodeEvaluation(back.right)) === JSON.stringify(encodeEvaluation(rated)),
  )
  const again = replayEither(rated, [entry])
  show(
    'replay reproduces it:',
    E.isRight(again) && JSON.stringify(encodeEvaluation(again.right)) === JSON.stringify(encodeEvaluation(evaluation)),
  )
}
