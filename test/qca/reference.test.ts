import { describe, expect, it } from 'vitest'
import { calibrate, minimise, necessity, sufficiency, truthTable, type QcaSolution } from '../../src/qca/index.js'
import { KROOK, KROOK_CONDITIONS } from './fixtures/krook.js'
import { LC, LIPSET_CONDITIONS } from './fixtures/lipset-crisp.js'
import { LF, LR_DEV } from './fixtures/lipset-fuzzy.js'
import { RAGIN_INCOME } from './fixtures/ragin-income.js'

// Published reference values. "QCA snapshot" means the printed output kept in
// the R package QCA's test snapshots (Dusa; tests/testthat/_snaps/<file>.md),
// which prints three decimals; values here are compared at that precision.
// R prints with C's printf, which rounds an exact tie to even (0.3125 -> 0.312).
const r3 = (x: number | null) => {
  if (x === null) return null
  const v = x * 1000
  const f = Math.floor(v)
  if (Math.abs(v - f - 0.5) < 1e-9) return (f % 2 === 0 ? f : f + 1) / 1000
  return Math.round(v) / 1000
}
const fits = (s: QcaSolution, model = 0) =>
  s.models[model]!.terms.map((t) => [t.term, r3(t.inclS), r3(t.pri), r3(t.covS), r3(t.covU)])
const whole = (s: QcaSolution, model = 0) => [
  r3(s.models[model]!.inclS),
  r3(s.models[model]!.pri),
  r3(s.models[model]!.covS),
]
const ALL_PRESENT = { DEV: 1, URB: 1, LIT: 1, IND: 1, STB: 1 } as const

describe('calibration (direct method)', () => {
  it("reproduces Ragin's worked table of national income, anchors 20000 / 5000 / 2500 (Ragin 2008, ch. 5)", () => {
    const got = calibrate(
      RAGIN_INCOME.map((r) => r[1]),
      { full: 20000, crossover: 5000, non: 2500 },
    ).memberships
    expect(got.map((m) => Math.round(m * 100) / 100)).toEqual(RAGIN_INCOME.map((r) => r[2]))
  })

  it('turns Lipset raw GDP per capita into the fuzzy DEV column (anchors 900 / 550 / 400; QCA data LR → LF)', () => {
    const got = calibrate(LR_DEV, { full: 900, crossover: 550, non: 400 }).memberships
    expect(got.map((m) => Math.round(m * 100) / 100)).toEqual(LF.map((r) => r.DEV))
  })

  it('puts log odds exactly ±3 at the anchors and 0 at the crossover (Ragin 2008, ch. 5)', () => {
    const { memberships } = calibrate([900, 550, 400], { full: 900, crossover: 550, non: 400 })
    const logOdds = memberships.map((m) => Math.log(m / (1 - m)))
    expect(logOdds[0]).toBeCloseTo(3, 12)
    expect(logOdds[1]).toBe(0)
    expect(logOdds[2]).toBeCloseTo(-3, 12)
  })
})

describe('Lipset crisp sets (QCA data LC)', () => {
  const tt = truthTable(LC, { conditions: LIPSET_CONDITIONS, outcome: 'SURV' })

  it('builds the truth table printed by print(ttLC, show.cases = TRUE) (QCA snapshot truthTable.md)', () => {
    expect(
      tt.rows.map((r) => [r.id, r.values.join(''), r.out, r.n, r3(r.inclS), r3(r.pri), r.cases.join(',')]),
    ).toEqual([
      [1, '00000', 0, 3, 0, 0, 'GR,PT,ES'],
      [2, '00001', 0, 2, 0, 0, 'IT,RO'],
      [5, '00100', 0, 2, 0, 0, 'HU,PL'],
      [6, '00101', 0, 1, 0, 0, 'EE'],
      [22, '10101', 1, 2, 1, 1, 'FI,IE'],
      [23, '10110', 0, 1, 0, 0, 'AU'],
      [24, '10111', 1, 2, 1, 1, 'FR,SE'],
      [31, '11110', 0, 1, 0, 0, 'DE'],
      [32, '11111', 1, 4, 1, 1, 'BE,CZ,NL,UK'],
    ])
    // The complete table has 32 rows: the 9 above and 23 remainders (complete = TRUE).
    expect(tt.remainderCount).toBe(23)
  })

  it('conservative: DEV*~URB*LIT*STB + DEV*LIT*IND*STB (QCA snapshot minimize.md, minimize(ttLC, details = TRUE))', () => {
    const s = minimise(tt)
    expect(s.models.map((m) => m.expression)).toEqual(['DEV*~URB*LIT*STB + DEV*LIT*IND*STB'])
    expect(fits(s)).toEqual([
      ['DEV*~URB*LIT*STB', 1, 1, 0.5, 0.25],
      ['DEV*LIT*IND*STB', 1, 1, 0.75, 0.5],
    ])
    expect(whole(s)).toEqual([1, 1, 1])
    expect(s.models[0]!.terms.map((t) => t.cases.join(','))).toEqual(['FI,IE,FR,SE', 'FR,SE,BE,CZ,NL,UK'])
    expect(s.models[0]!.simplifyingAssumptions).toEqual([])
  })

  it('parsimonious: DEV*STB, with simplifying assumptions rows 18, 20, 26, 28, 30 (QCA snapshot minimize.md, pLC and pLC$SA)', () => {
    const s = minimise(tt, { solution: 'parsimonious' })
    expect(s.models.map((m) => m.expression)).toEqual(['DEV*STB'])
    expect(whole(s)).toEqual([1, 1, 1])
    expect(s.models[0]!.simplifyingAssumptions).toEqual([18, 20, 26, 28, 30])
  })

  it('intermediate with every condition expected present: DEV*LIT*STB', () => {
    // The QCA snapshot (minimize.md, dir.exp = "1,1,1,1,1") prints DEV*LIT*STB for the fuzzy
    // Lipset table, whose conservative (DEV*~URB*LIT*STB + DEV*LIT*IND*STB) and parsimonious
    // (DEV*STB) solutions are the two derived here from LC; the intermediate solution is a
    // function of those two and the expectations.
    const s = minimise(tt, { solution: 'intermediate', directions: ALL_PRESENT })
    expect(s.models.map((m) => m.expression)).toEqual(['DEV*LIT*STB'])
    expect(s.models[0]!.from).toEqual({ conservative: 1, parsimonious: 1 })
    // ~URB was dropped by assuming DEV*URB*LIT*~IND*STB (row 30) positive: the one easy counterfactual.
    expect(s.models[0]!.simplifyingAssumptions).toEqual([30])
  })

  it('negated outcome: ~DEV*~URB*~IND + DEV*LIT*IND*~STB, parsimonious ~DEV + ~STB (QCA snapshot minimize.md, ttLCn)', () => {
    const ttn = truthTable(LC, { conditions: LIPSET_CONDITIONS, outcome: '~SURV' })
    expect(ttn.outcome).toBe('~SURV')
    expect(minimise(ttn).models.map((m) => m.expression)).toEqual(['~DEV*~URB*~IND + DEV*LIT*IND*~STB'])
    const p = minimise(ttn, { solution: 'parsimonious' })
    expect(p.models.map((m) => m.expression)).toEqual(['~DEV + ~STB'])
    expect(fits(p)).toEqual([
      ['~DEV', 1, 1, 0.8, 0.3],
      ['~STB', 1, 1, 0.7, 0.2],
    ])
    expect(p.models[0]!.terms.map((t) => t.cases.join(','))).toEqual([
      'GR,PT,ES,IT,RO,HU,PL,EE',
      'GR,PT,ES,HU,PL,AU,DE',
    ])
  })
})

describe('Krook (2010) women in parliament, crisp sets (QCA data d.represent)', () => {
  const tt = truthTable(KROOK, { conditions: KROOK_CONDITIONS, outcome: 'WNP' })

  it('builds the 14-row truth table of truthTable(d.represent, outcome = WNP) (QCA snapshot truthTable.md)', () => {
    expect(tt.rows.map((r) => [r.id, r.out, r.n])).toEqual([
      [3, 0, 2],
      [4, 1, 1],
      [9, 0, 1],
      [11, 0, 4],
      [12, 1, 1],
      [18, 0, 1],
      [21, 1, 1],
      [24, 1, 1],
      [25, 0, 3],
      [26, 1, 1],
      [27, 1, 1],
      [28, 1, 2],
      [29, 1, 1],
      [32, 1, 2],
    ])
  })

  it('conservative: five terms (QCA snapshot minimize.md, minimize(d.represent, outcome = "WNP"))', () => {
    expect(minimise(tt).models.map((m) => m.expression)).toEqual([
      '~ES*~WS*WM*LP + ES*QU*~WS*WM + ES*QU*~WS*LP + ES*WS*~WM*~LP + ES*WS*WM*LP',
    ])
  })

  it('parsimonious: two models, WS + ES*WM + QU*LP + (~ES*LP | WM*LP), with their fit (QCA snapshot minimize.md, Kro.sp)', () => {
    const s = minimise(tt, { solution: 'parsimonious' })
    expect(s.models.map((m) => m.expression)).toEqual(['WS + ES*WM + QU*LP + ~ES*LP', 'WS + ES*WM + QU*LP + WM*LP'])
    expect(s.models[0]!.terms.map((t) => t.essential)).toEqual([true, true, true, false])
    // Kro.sp: inclS, PRI, covS, and covU within each model (columns (M1) and (M2)).
    expect(fits(s, 0)).toEqual([
      ['WS', 1, 1, 0.455, 0.182],
      ['ES*WM', 1, 1, 0.545, 0.091],
      ['QU*LP', 1, 1, 0.545, 0.091],
      ['~ES*LP', 1, 1, 0.182, 0.091],
    ])
    expect(fits(s, 1)[3]).toEqual(['WM*LP', 1, 1, 0.636, 0.091])
    expect(whole(s, 0)).toEqual([1, 1, 1])
    expect(whole(s, 1)).toEqual([1, 1, 1])
    // Kro.sp$PIchart: the seven prime implicants.
    expect([...s.primeImplicants].sort()).toEqual(
      ['ES*WM', 'ES*~QU*~LP', 'QU*LP', 'WM*LP', 'WS', '~ES*LP', '~QU*~WM*~LP'].sort(),
    )
    // Kro.sp$SA: the remainders each model assumes positive.
    expect(s.models[0]!.simplifyingAssumptions).toEqual([2, 5, 6, 7, 8, 10, 13, 14, 15, 16, 19, 20, 22, 23, 30, 31])
    expect(s.models[1]!.simplifyingAssumptions).toEqual([5, 6, 7, 8, 10, 13, 14, 15, 16, 19, 20, 22, 23, 30, 31])
    expect(s.models[1]!.terms[3]!.cases).toEqual(['NZ', 'DE', 'DK', 'NL', 'BE', 'NO', 'IS'])
  })

  it('negated outcome, conservative: ~ES*~WS*WM*~LP + QU*~WS*~WM*~LP + ES*~QU*~WS*~WM*LP (QCA snapshot minimize.md)', () => {
    const ttn = truthTable(KROOK, { conditions: KROOK_CONDITIONS, outcome: '~WNP' })
    expect(minimise(ttn).models.map((m) => m.expression)).toEqual([
      '~ES*~WS*WM*~LP + QU*~WS*~WM*~LP + ES*~QU*~WS*~WM*LP',
    ])
  })

  // QCA snapshot pof.md: pof(x, WNP), pof(1 - x, WNP), pof(x, 1 - WNP), pof(1 - x, 1 - WNP), and relation = "suf".
  const nec = (expr: string, outcome: string) => {
    const n = necessity(KROOK, expr, outcome)
    return [r3(n.inclN), r3(n.ron), r3(n.covN)]
  }
  const suf = (expr: string, outcome: string) => {
    const s = sufficiency(KROOK, expr, outcome)
    return [r3(s.inclS), r3(s.pri), r3(s.covS)]
  }
  it.each([
    ['ES', 'WNP', [0.818, 0.692, 0.692]],
    ['QU', 'WNP', [0.727, 0.429, 0.5]],
    ['WS', 'WNP', [0.455, 1, 1]],
    ['WM', 'WNP', [0.727, 0.571, 0.571]],
    ['LP', 'WNP', [0.727, 0.929, 0.889]],
    ['~ES', 'WNP', [0.182, 0.65, 0.222]],
    ['~QU', 'WNP', [0.273, 0.842, 0.5]],
    ['~WS', 'WNP', [0.545, 0.312, 0.353]],
    ['~WM', 'WNP', [0.273, 0.737, 0.375]],
    ['~LP', 'WNP', [0.273, 0.474, 0.231]],
    ['ES', '~WNP', [0.364, 0.5, 0.308]],
    ['WS', '~WNP', [0, 0.773, 0]],
    ['LP', '~WNP', [0.091, 0.619, 0.111]],
    ['~ES', '~WNP', [0.636, 0.867, 0.778]],
    ['~WS', '~WNP', [1, 0.455, 0.647]],
    ['~LP', '~WNP', [0.909, 0.75, 0.769]],
  ] as const)('necessity of %s for %s: inclN, RoN, covN', (expr, outcome, want) => {
    expect(nec(expr, outcome)).toEqual(want)
  })

  it.each([
    ['ES', 'WNP', [0.692, 0.692, 0.818]],
    ['QU', 'WNP', [0.5, 0.5, 0.727]],
    ['WS', 'WNP', [1, 1, 0.455]],
    ['WM', 'WNP', [0.571, 0.571, 0.727]],
    ['LP', 'WNP', [0.889, 0.889, 0.727]],
    ['ES', '~WNP', [0.308, 0.308, 0.364]],
    ['QU', '~WNP', [0.5, 0.5, 0.727]],
    ['WS', '~WNP', [0, 0, 0]],
    ['WM', '~WNP', [0.429, 0.429, 0.545]],
    ['LP', '~WNP', [0.111, 0.111, 0.091]],
  ] as const)('sufficiency of %s for %s: inclS, PRI, covS', (expr, outcome, want) => {
    expect(suf(expr, outcome)).toEqual(want)
  })
})

describe('Lipset fuzzy sets (Ragin 2009; QCA data LF)', () => {
  const tt = truthTable(LF, { conditions: LIPSET_CONDITIONS, outcome: 'SURV', inclusionCut: 0.8 })

  it('puts each country in the corner where its memberships exceed 0.5, and finds two consistent rows', () => {
    expect(tt.rows.filter((r) => r.out === 1).map((r) => [r.id, r.cases.join(',')])).toEqual([
      [22, 'FI,IE'],
      [32, 'BE,CZ,NL,UK'],
    ])
    expect(tt.unassigned).toEqual([])
  })

  it('conservative: DEV*~URB*LIT*~IND*STB + DEV*URB*LIT*IND*STB (Ragin 2009, the two paths to survival)', () => {
    expect(minimise(tt).models.map((m) => m.expression)).toEqual(['DEV*~URB*LIT*~IND*STB + DEV*URB*LIT*IND*STB'])
  })

  it('parsimonious at inclusion cut 0.8: DEV*~IND + URB*STB (QCA minimize on LF, include = "?")', () => {
    expect(minimise(tt, { solution: 'parsimonious' }).models.map((m) => m.expression)).toEqual(['DEV*~IND + URB*STB'])
  })

  // R QCA 3.25 (R 4.5.1) on data(LF), truthTable(LF, "SURV", incl.cut = 0.8), at full double precision, as
  // recorded in setqca-python's parity fixture (validation/fixtures/r_qca.json, analysis "LF-SURV-incl80":
  // truth_table and term_fits; commit 53049544).
  it('truth table at inclusion cut 0.8: n, inclS and PRI of every observed row as R computes them', () => {
    const R: readonly (readonly [number, number, number, number])[] = [
      // [row id (R minterm + 1), n, incl, PRI]
      [1, 3, 0.215976331360947, 0],
      [2, 2, 0.278026905829596, 0],
      [5, 2, 0.520900321543409, 0.113095238095238],
      [6, 1, 0.528571428571429, 0.228070175438597],
      [22, 2, 0.804270462633452, 0.719387755102041],
      [23, 1, 0.378205128205128, 0.0396039603960395],
      [24, 2, 0.7087719298245621, 0.634361233480176],
      [31, 1, 0.445255474452555, 0.0499999999999999],
      [32, 4, 0.904205607476635, 0.885793871866295],
    ]
    const observed = tt.rows.filter((r) => r.n > 0)
    expect(observed.map((r) => [r.id, r.n])).toEqual(R.map(([id, n]) => [id, n]))
    observed.forEach((r, i) => {
      expect(r.inclS).toBeCloseTo(R[i]![2], 12)
      expect(r.pri).toBeCloseTo(R[i]![3], 12)
    })
  })

  it('intermediate at cut 0.8: DEV*URB*LIT*STB + DEV*LIT*~IND*STB, one easy counterfactual (row 30), as R derives it', () => {
    // R: minimize(tt, include = "?", dir.exp = c(1, 1, 1, 1, 1)) gives i.sol DEV*URB*LIT*STB + DEV*LIT*~IND*STB,
    // easy counterfactual minterm 29 (row 30: DEV*URB*LIT*~IND*STB); the same with IND expected absent
    // (analyses "LF-SURV-all-present" and "LF-SURV-ind-absent"). The remainder row 30 joins row 22 (FI, IE)
    // into DEV*LIT*~IND*STB and row 32 (BE, CZ, NL, UK) into DEV*URB*LIT*STB.
    for (const IND of [1, 0] as const) {
      const s = minimise(tt, { solution: 'intermediate', directions: { ...ALL_PRESENT, IND } })
      expect(s.models.map((m) => m.terms.map((t) => t.term).sort())).toEqual([['DEV*LIT*~IND*STB', 'DEV*URB*LIT*STB']])
      expect(s.models[0]!.simplifyingAssumptions).toEqual([30])
    }
    // Three conditions (analysis "LF-SURV-three"): DEV*LIT*STB, with no easy counterfactual.
    const tt3 = truthTable(LF, { conditions: ['DEV', 'LIT', 'STB'], outcome: 'SURV', inclusionCut: 0.8 })
    const s3 = minimise(tt3, { solution: 'intermediate', directions: { DEV: 1, LIT: 1, STB: 1 } })
    expect(s3.models.map((m) => m.expression)).toEqual(['DEV*LIT*STB'])
    expect(s3.models[0]!.simplifyingAssumptions).toEqual([])
  })

  it('term fits of the conservative and parsimonious solutions at cut 0.8 equal R to 12 decimals', () => {
    const R = {
      'DEV*URB*LIT*IND*STB': [0.9042056074766355, 0.8857938718662952, 0.454225352112676, 0.3931924882629108],
      'DEV*~URB*LIT*~IND*STB': [0.8042704626334523, 0.7193877551020412, 0.2652582159624414, 0.2042253521126761],
      'DEV*~IND': [0.8148148148148149, 0.7208121827411167, 0.2840375586854459, 0.1936619718309858],
      'URB*STB': [0.8737672583826429, 0.8454106280193235, 0.5199530516431925, 0.4295774647887324],
    } as const
    const terms = [...minimise(tt).models[0]!.terms, ...minimise(tt, { solution: 'parsimonious' }).models[0]!.terms]
    expect(terms.map((t) => t.term).sort()).toEqual(Object.keys(R).sort())
    for (const t of terms) {
      const want = R[t.term as keyof typeof R]
      ;[t.inclS, t.pri, t.covS, t.covU!].forEach((got, i) => expect(got, `${t.term} [${i}]`).toBeCloseTo(want[i]!, 12))
    }
  })
})

// Dusa's own printed output: the R package QCA's test snapshot (dusadrian/QCA,
// tests/testthat/_snaps/minimize.md, commit ee9fd13d), for
// ttLF <- truthTable(LF, SURV, incl.cut = 0.7) (tests/testthat/test-minimize.R).
describe('Lipset fuzzy sets at inclusion cut 0.7 (QCA snapshot minimize.md, ttLF)', () => {
  const tt = truthTable(LF, { conditions: LIPSET_CONDITIONS, outcome: 'SURV', inclusionCut: 0.7 })

  it('conservative: DEV*~URB*LIT*STB + DEV*LIT*IND*STB, inclS/PRI/covS/covU per term and for M1', () => {
    // minimize(ttLF, details = TRUE, show.cases = TRUE)
    const s = minimise(tt)
    expect(s.models.map((m) => m.expression)).toEqual(['DEV*~URB*LIT*STB + DEV*LIT*IND*STB'])
    expect(fits(s)).toEqual([
      ['DEV*~URB*LIT*STB', 0.809, 0.761, 0.433, 0.196],
      ['DEV*LIT*IND*STB', 0.843, 0.821, 0.622, 0.385],
    ])
    expect(whole(s)).toEqual([0.871, 0.851, 0.818])
    // cases: "FI,IE; FR,SE" and "FR,SE; BE,CZ,NL,UK"
    expect(s.models[0]!.terms.map((t) => [...t.cases].sort().join(','))).toEqual(['FI,FR,IE,SE', 'BE,CZ,FR,NL,SE,UK'])
  })

  it('parsimonious: DEV*STB 0.869 / 0.848 / 0.824', () => {
    // minimize(ttLF, include = "?", details = TRUE, show.cases = TRUE). R prints "-" for the unique
    // coverage of a one-term model; here it is the term's whole coverage, as nothing else covers the outcome.
    const s = minimise(tt, { solution: 'parsimonious' })
    expect(s.models.map((m) => m.expression)).toEqual(['DEV*STB'])
    expect(fits(s)).toEqual([['DEV*STB', 0.869, 0.848, 0.824, 0.824]])
    expect(whole(s)).toEqual([0.869, 0.848, 0.824])
  })

  it('intermediate with every condition expected present: DEV*LIT*STB 0.869 / 0.848 / 0.824', () => {
    // minimize(ttLF, include = "?", details = TRUE, show.cases = TRUE, dir.exp = "1,1,1,1,1")
    const s = minimise(tt, { solution: 'intermediate', directions: ALL_PRESENT })
    expect(s.models.map((m) => m.expression)).toEqual(['DEV*LIT*STB'])
    expect(fits(s)).toEqual([['DEV*LIT*STB', 0.869, 0.848, 0.824, 0.824]])
    expect(whole(s)).toEqual([0.869, 0.848, 0.824])
  })
})
