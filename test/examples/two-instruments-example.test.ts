import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

// examples/two-instruments.ts: 24 invented organisations, standards C1 and C2 on a four-level
// compliance scale (F fully, A almost, P partly, N not met), two rounds, engagement bands
// low (< 50), mid [50, 70), high (>= 70). The data, as written in the example (C1 r1, C2 r1, C1 r2, C2 r2):
//   high  org-01 FFFF  02 FAFF  03 FFFA  04 AFFF  05 FPFF  06 AAFA  07 PAAF  08 FF--
//   mid   org-09 FAFA  10 AAAF  11 PAAA  12 APFA  13 PPAP  14 FAFF  15 NPPA  16 AA--
//   low   org-17 PNAP  18 NPPP  19 APAA  20 NNPN  21 PAPF  22 NPNP  23 FPFP  24 --PA
// The quality instrument (Q1 r1, Q2 r1, Q1 r2, Q2 r2; E excellent, G good, F fair, P poor):
//   high  org-01 EEEE  02 EGEE  03 GGEG  04 EGGE  05 GFGG  06 EEEG  07 FGGE  08 GE--
//   mid   org-09 GGGE  10 FGGG  11 GFGG  12 PFFG  13 GGEG  14 FFGF  15 EGGG  16 FG--
//   low   org-17 FPFF  18 PPFP  19 GFGF  20 PPPF  21 FFGG  22 EPFF  23 PFPG  24 --FP
// Second rater (Bob) on every compliance item of org-01, 04, 07, 10, 13, 16, 19, 22 (Ann's ratings are the
// table above, and the agreed consensus): 01 FFFA  04 AFFF  07 AAAF  10 AAAF  13 PPPP  16 AP--  19 APAA  22 NPNN.
// Every expected value below is counted by hand from these tables.
const root = join(__dirname, '..', '..')
let out = ''
beforeAll(() => {
  out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'examples', 'two-instruments.ts')], {
    cwd: root,
    encoding: 'utf8',
  })
}, 120_000)

const line = (start: string): string => {
  const found = out.split('\n').find((l) => l.startsWith(start))
  if (found === undefined) throw new Error(`no line starting "${start}" in:\n${out}`)
  return found
}

describe('examples/two-instruments.ts (npm run example:two-instruments)', () => {
  it('prints attainment and level counts per band, both rounds together', () => {
    // high: F per organisation 4+3+3+3+3+1+1+2 = 20 of 7×4 + 2 = 30 items; A 1+1+1+3+2 = 8; P 1+1 = 2; N 0.
    // Wilson 95% for 20/30: 48.8–80.8% (Wilson 1927; computed independently in Python, z = 1.959964).
    expect(line('| 70 and above |')).toBe('| 70 and above | 8 | 20/30 | 67% | 49–81% | 20 | 8 | 2 | 0 |')
    // mid: F 2+1+0+1+0+3+0+0 = 7 of 30; A 2+3+3+2+1+1+1+2 = 15; P 1+1+3+2 = 7; N 1 (org-15).
    expect(line('| 50 to under 70 |')).toBe('| 50 to under 70 | 8 | 7/30 | 23% | 12–41% | 7 | 15 | 7 | 1 |')
    // low: F 1 (org-21) + 2 (org-23) = 3 of 30; A 1+3+1+1 = 6; P 2+3+1+1+2+2+2+1 = 14; N 1+1+3+2 = 7.
    expect(line('| below 50 |')).toBe('| below 50 | 8 | 3/30 | 10% | 3–26% | 3 | 6 | 14 | 7 |')
  })

  it('prints round 2 per band (org-08 and org-16 unrated there, org-24 rated)', () => {
    const r2 = out.slice(out.indexOf('round 2\n'))
    // high r2: F 2+2+1+2+2+1+1 = 11 of 14; mid r2: 1+1+0+1+0+2+0 = 5 of 14; low r2: F 1 (org-21) + 1 (org-23) = 2 of 16.
    expect(r2).toContain('| 70 and above | 8 | 11/14 | 79% |')
    expect(r2).toContain('| 50 to under 70 | 8 | 5/14 | 36% |')
    expect(r2).toContain('| below 50 | 8 | 2/16 | 13% |')
  })

  it('prints attainment and level counts per band on the quality instrument, both rounds together', () => {
    const q = out.slice(out.indexOf('## Quality instrument'))
    expect(q).toContain('| Group | Units | Attained | % | 95% CI | Excellent | Good | Fair | Poor |')
    // high: E per organisation 4+3+1+2+0+3+1+1 = 15 of 30; G 0+1+3+2+3+1+2+1 = 13; F 1 (org-05) + 1 (org-07) = 2; P 0.
    // Wilson 95% for 15/30: 33.2–66.8% (computed independently in Python, z = 1.959964).
    expect(q).toContain('| 70 and above | 8 | 15/30 | 50% | 33–67% | 15 | 13 | 2 | 0 |')
    // mid: E 1 (org-09) + 1 (org-13) + 1 (org-15) = 3; G 3+3+3+1+3+1+3+1 = 18; F 0+1+1+2+0+3+0+1 = 8; P 1 (org-12).
    // Wilson 3/30: 3.5–25.6%.
    expect(q).toContain('| 50 to under 70 | 8 | 3/30 | 10% | 3–26% | 3 | 18 | 8 | 1 |')
    // low: E 1 (org-22); G 2 (org-19) + 2 (org-21) + 1 (org-23) = 5; F 3+1+2+1+2+2+1+1 = 13; P 1+3+3+1+2+1 = 11.
    // Wilson 1/30: 0.6–16.7%.
    expect(q).toContain('| below 50 | 8 | 1/30 | 3% | 1–17% | 1 | 5 | 13 | 11 |')
  })

  it('prints the quality instrument per band in round 2', () => {
    const q = out.slice(out.indexOf('## Quality instrument: attainment (excellent) by engagement band, round 2'))
    // high r2 (Q1 Q2): EE EE EG GE GG EG GE (org-08 unrated): E 2+2+1+1+0+1+1 = 8 of 14, G 6; Wilson 32.6–78.6%.
    expect(q).toContain('| 70 and above | 8 | 8/14 | 57% | 33–79% | 8 | 6 | 0 | 0 |')
    // mid r2: GE GG GG FG EG GF GG (org-16 unrated): E 2 of 14, G 10, F 2; Wilson 4.0–39.9%.
    expect(q).toContain('| 50 to under 70 | 8 | 2/14 | 14% | 4–40% | 2 | 10 | 2 | 0 |')
    // low r2: FF FP GF PF GG FF PG FP: E 0 of 16, G 4, F 8, P 4; Wilson 0–19.4%.
    expect(q).toContain('| below 50 | 8 | 0/16 | 0% | 0–19% | 0 | 4 | 8 | 4 |')
  })

  it('prints the double-rated items and where the two raters differed (the consensus is what is counted)', () => {
    // A third of the 90 compliance items: 7 organisations × 4 + org-16 × 2 = 30. Bob differs from Ann on
    // org-01 r2 C2 (F/A), org-07 r1 C1 (P/A), org-13 r2 C1 (A/P), org-16 r1 C2 (A/P), org-22 r2 C2 (P/N): 5.
    expect(line('double-rated:')).toBe('double-rated: 30 items; raters agreed on 25, differed on 5')
    expect(line('  org-01 r2 C2')).toBe('  org-01 r2 C2: ann fully, bob almost')
    expect(line('  org-07 r1 C1')).toBe('  org-07 r1 C1: ann partly, bob almost')
    expect(line('  org-13 r2 C1')).toBe('  org-13 r2 C1: ann almost, bob partly')
    expect(line('  org-16 r1 C2')).toBe('  org-16 r1 C2: ann almost, bob partly')
    expect(line('  org-22 r2 C2')).toBe('  org-22 r2 C2: ann partly, bob not')
  })

  it('prints the top-versus-bottom band difference with its Newcombe interval', () => {
    // C1 in round 2: high 6/7 fully met (org-01..06; org-07 almost; org-08 unrated); low 1/8 (org-23).
    // 6/7 − 1/8 = 0.7321. Newcombe (1998) method 10: Wilson limits 6/7 (0.4869, 0.9743), 1/8 (0.0224, 0.4709);
    // lo = 0.7321 − √((0.8571 − 0.4869)² + (0.4709 − 0.125)²) = 0.2254; hi = 0.7321 + √((0.9743 − 0.8571)² + (0.125 − 0.0224)²) = 0.8879.
    expect(line('70 and above 6/7')).toBe(
      '70 and above 6/7 (86%) vs below 50 1/8 (13%): difference +73.2 points, 95% CI +22.5 to +88.8 (Newcombe hybrid score)',
    )
  })

  it('prints the paired movements: 21 paired, 3 left out, 21 moves (one of +2, one decline)', () => {
    expect(line('paired:')).toBe(
      'paired: 21 rated in both rounds; left out: org-08, org-16 (round 1 only); org-24 (round 2 only)',
    )
    // Moves counted cell by cell over the 21 paired organisations: 02 C2, 03 C2 (F→A, −1), 04 C1, 05 C2 (P→F, +2),
    // 06 C1, 07 C1 and C2, 10 C2, 11 C1, 12 C1 and C2, 13 C1, 14 C2, 15 C1 and C2, 17 C1 and C2, 18 C1,
    // 19 C2, 20 C1, 21 C2 = 21 moves, 20 better and 1 worse.
    expect(line('moves:')).toBe('moves: 21 (20 better, 1 worse)')
    expect(line('  org-05 C2')).toBe('  org-05 C2: partly → fully (+2)')
    expect(line('  org-03 C2')).toBe('  org-03 C2: fully → almost (−1)')
    expect(out).not.toContain('  org-08')
  })

  it('prints the quality instrument\u2019s top-versus-bottom difference on Q1 in round 2, with its Newcombe interval', () => {
    // Q1 in round 2, attained = excellent: high E E E G G E G (org-08 unrated) = 4/7; low F F G P G F P F = 0/8.
    // 4/7 − 0/8 = 0.5714. Newcombe (1998) method 10 from Wilson limits 4/7 (0.2505, 0.8418) and 0/8 (0, 0.3244):
    // lo = 0.5714 − √((0.5714 − 0.2505)² + (0.3244 − 0)²) = 0.1151; hi = 0.5714 + √((0.8418 − 0.5714)² + 0²) = 0.8418
    // (computed independently in Python, z = 1.959964).
    expect(line('70 and above 4/7')).toBe(
      '70 and above 4/7 (57%) vs below 50 0/8 (0%): difference +57.1 points, 95% CI +11.5 to +84.2 (Newcombe hybrid score)',
    )
  })

  it('prints the quality instrument\u2019s paired movements: 21 paired, 24 moves (20 better, 4 worse)', () => {
    // Rated in both rounds: all but org-08 and org-16 (round 1 only) and org-24 (round 2 only).
    expect(line('quality paired:')).toBe(
      'quality paired: 21 rated in both rounds; left out: org-08, org-16 (round 1 only); org-24 (round 2 only)',
    )
    // Cell by cell (E > G > F > P): 02 Q2 +1; 03 Q1 +1; 04 Q1 −1, Q2 +1; 05 Q2 +1; 06 Q2 −1; 07 Q1 +1, Q2 +1; 09 Q2 +1;
    // 10 Q1 +1; 11 Q2 +1; 12 Q1 +1, Q2 +1; 13 Q1 +1; 14 Q1 +1; 15 Q1 −1; 17 Q2 +1; 18 Q1 +1; 20 Q2 +1;
    // 21 Q1 +1, Q2 +1; 22 Q1 −2, Q2 +1; 23 Q2 +1 = 24 moves, 4 of them declines (04 Q1, 06 Q2, 15 Q1, 22 Q1).
    expect(line('quality moves:')).toBe('quality moves: 24 (20 better, 4 worse)')
    expect(line('  org-22 Q1')).toBe('  org-22 Q1: excellent → fair (−2)')
    expect(line('  org-06 Q2')).toBe('  org-06 Q2: excellent → good (−1)')
    expect(line('  org-12 Q1')).toBe('  org-12 Q1: poor → fair (+1)')
  })

  it('prints the engagement statistics per band', () => {
    // high 72 75 78 80 83 85 88 91: sum 652, mean 81.5, median (80 + 83)/2 = 81.5.
    expect(line('70 and above: n')).toBe('70 and above: n 8, mean 81.5, median 81.5, min 72, max 91')
    // mid 51 54 57 60 62 65 67 69: sum 485, mean 60.625, median (60 + 62)/2 = 61.
    expect(line('50 to under 70: n')).toBe('50 to under 70: n 8, mean 60.625, median 61, min 51, max 69')
    // low 30 34 38 41 43 45 47 49: sum 327, mean 40.875, median (41 + 43)/2 = 42.
    expect(line('below 50: n')).toBe('below 50: n 8, mean 40.875, median 42, min 30, max 49')
  })

  it('lists the observations, which are not counted', () => {
    expect(line('| 2024-03-20 |')).toBe(
      '| 2024-03-20 | West region | Organisation 24 |  | r1 | Placed in special measures | Regulator notice |',
    )
    expect(out).toContain('Evidence requested; rating deferred')
  })
})
