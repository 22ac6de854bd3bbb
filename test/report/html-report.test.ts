import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { createHash } from 'node:crypto'
import { htmlReport, htmlReportEither, REPORT_CSP, REPORT_STYLE } from '../../src/report/html-report.js'
import { markdownReport, markdownReportEither } from '../../src/report/markdown-report.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { small } from './fixture.js'

// String-level checks; the rendering itself is checked in Chromium (html-report.browser.test.ts).
describe('htmlReport', () => {
  const html = htmlReport(small)

  it('is one self-contained document with a CSP forbidding scripts and remote loads', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">')).toBe(true)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`)
    expect(REPORT_CSP).toContain("default-src 'none'")
    expect(REPORT_CSP).not.toMatch(/script-src|https?:/)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|@import|url\((?!#)/i)
  })

  it('allows only its own style sheet, by the SHA-256 of its text (no unsafe-inline)', () => {
    const hash = `sha256-${createHash('sha256').update(REPORT_STYLE, 'utf8').digest('base64')}`
    expect(REPORT_CSP).toBe(`default-src 'none'; style-src '${hash}'; base-uri 'none'; form-action 'none'`)
    expect(REPORT_CSP).not.toContain('unsafe')
    // The one <style> element holds exactly that text, and nothing else carries style.
    expect(html.match(/<style>([\s\S]*?)<\/style>/g)).toEqual([`<style>${REPORT_STYLE}</style>`])
    expect(html).not.toMatch(/\sstyle=/i)
  })

  it('holds the policy, tables, charts and a problems section', () => {
    for (const id of ['policy', 'standards', 'objectives', 'problems']) expect(html).toContain(`<section id="${id}">`)
    expect(html.match(/<table>/g)).toHaveLength(4)
    expect(html.match(/<svg /g)).toHaveLength(2)
    expect(html).toContain('<li>Attained: Met only</li>')
    expect(html).toContain('No problems found')
  })

  it('is deterministic', () => {
    expect(htmlReport(small)).toBe(html)
  })

  it('names the policy it was given', () => {
    expect(htmlReport(small, { policy: { attained: 'partly-as-half', total: 'mean-of-standards' } })).toContain(
      '<li>Totals: mean of the standards’ proportions</li>',
    )
  })

  it('says when there are no ratings (the MHIP dataset publishes none)', () => {
    const mhip = htmlReport(mhipEvaluation)
    expect(mhip).toContain('This document holds no standard ratings')
    expect(mhip.match(/<svg /g)).toHaveLength(1)
  })

  it('lists data problems instead of failing on them', () => {
    const bad: Evaluation = {
      ...small,
      sites: small.sites.map((s, i) =>
        i === 0
          ? {
              ...s,
              units: s.units.map((u, j) =>
                j === 0 ? { ...u, objectiveCells: [{ type: 'outcome' as never, attained: 3, total: 2 }] } : u,
              ),
            }
          : s,
      ),
    }
    const out = htmlReport(bad)
    expect(out).toContain('1 problem found:')
    expect(out).toContain(
      'site south-staffordshire › unit acute-care › objectives › type outcome: expected attained ≤ total (2), found 3',
    )
    expect(out).toContain('Objectives could not be summarised')
  })

  it('refuses an invalid policy with the standards module’s problem', () => {
    const r = htmlReportEither(small, { policy: { unrated: 'ignore' as never } })
    expect(E.isLeft(r) && r.left[0]!.where).toBe('policy › unrated')
  })
})

describe('markdownReport', () => {
  it('has the same sections as the HTML report', () => {
    const md = markdownReport(small)
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Denominator policy',
      '## Standards attainment',
      '## Objectives',
      '## Data problems',
    ])
    expect(md).toContain(
      '| 1.1 | The organisation is ready for change | 67% (2) | 33% (1) | 0% (0) | 3 | 2 | 67% | 21–94% | 1 | 11 |',
    )
    expect(md).toContain('| All sites | 25 of 42 (60%) | 8 of 31 (26%) | 4–6 of 11 (36–55%) | 37–39 of 84 (44–46%) |')
  })
  it('refuses an invalid policy', () => {
    expect(E.isLeft(markdownReportEither(small, { policy: { confidence: 2 } }))).toBe(true)
  })
})
