import { describe, expect, it } from 'vitest'
import { columnsFromRows, htmlTable, markdownTable, renderHtml, renderMarkdown } from '../../src/report/table.js'

const rows = [
  { standard: '2.4', title: 'Resources | budget', pct: 13, note: null },
  { standard: '3.2', title: '<b>Devolved</b>', pct: 29, note: 'x' },
]

describe('markdownTable', () => {
  it('renders a GFM table with escaped cells and numeric columns right-aligned', () => {
    expect(markdownTable(rows)).toBe(
      [
        '| standard | title | pct | note |',
        '| :-- | :-- | --: | :-- |',
        '| 2.4 | Resources \\| budget | 13 |  |',
        '| 3.2 | &lt;b&gt;Devolved&lt;/b&gt; | 29 | x |',
      ].join('\n'),
    )
  })
  it('uses column headers, formats and alignment', () => {
    const md = markdownTable(rows, [
      { key: 'standard', header: 'Standard', align: 'center' },
      { key: 'pct', header: '%', format: (v) => `${v}%` },
    ])
    expect(md).toBe(['| Standard | % |', '| :-: | --: |', '| 2.4 | 13% |', '| 3.2 | 29% |'].join('\n'))
  })
  it('gives header and rule only for no rows, and nothing for no columns', () => {
    expect(markdownTable([], [{ key: 'a' as never }])).toBe('| a |\n| :-- |')
    expect(markdownTable([])).toBe('')
  })
})

describe('htmlTable', () => {
  it('renders thead and tbody, escaping every cell, header and caption', () => {
    const html = htmlTable([{ '<th>': '<td>' }], undefined, { caption: '<caption>' })
    expect(html).toBe(
      '<table><caption>&lt;caption&gt;</caption><thead><tr><th scope="col">&lt;th&gt;</th></tr></thead><tbody><tr><td>&lt;td&gt;</td></tr></tbody></table>',
    )
  })
  it('marks numeric columns for right alignment', () => {
    expect(htmlTable([{ k: 3 }])).toContain('<td class="right">3</td>')
  })
})

describe('renderMarkdown / renderHtml', () => {
  it('add the caption and the note', () => {
    const table = { rows: [{ a: 1 }], columns: columnsFromRows([{ a: 1 }]), caption: 'Cap', note: 'Policy: pooled' }
    expect(renderMarkdown(table)).toBe('**Cap**\n\n| a |\n| --: |\n| 1 |\n\n_Policy: pooled_')
    expect(renderHtml(table)).toMatch(/^<table><caption>Cap<\/caption>.*<\/table><p class="note">Policy: pooled<\/p>$/)
  })
})
