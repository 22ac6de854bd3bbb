import { describe, expect, it } from 'vitest'
import { displayable, displayTable, isDisplayable, JUPYTER_DISPLAY } from '../../src/report/display.js'
import { htmlTable, markdownTable } from '../../src/report/table.js'

describe('displayable', () => {
  const rows = [{ site: 'Leics', k: 1 }]
  const shown = displayable(rows, { html: (r) => htmlTable(r), markdown: (r) => markdownTable(r) })

  it("uses Deno's Jupyter symbol and returns text/html and text/markdown", () => {
    expect(JUPYTER_DISPLAY).toBe(Symbol.for('Jupyter.display'))
    expect(shown[Symbol.for('Jupyter.display') as typeof JUPYTER_DISPLAY]()).toEqual({
      'text/html':
        '<table><thead><tr><th scope="col">site</th><th scope="col" class="right">k</th></tr></thead><tbody><tr><td>Leics</td><td class="right">1</td></tr></tbody></table>',
      'text/markdown': '| site | k |\n| :-- | --: |\n| Leics | 1 |',
    })
  })

  it('leaves the input untouched and the copy looking the same to data tools', () => {
    expect(isDisplayable(rows)).toBe(false)
    expect(isDisplayable(shown)).toBe(true)
    expect(Array.isArray(shown)).toBe(true)
    expect(JSON.stringify(shown)).toBe(JSON.stringify(rows))
    expect(Object.keys(shown)).toEqual(['0'])
    expect({ ...displayTable({ rows, columns: [] }) }).toEqual({ rows, columns: [] })
  })

  it('renders the current value of the copy', () => {
    const table = displayTable({ rows: [{ a: '<x>' }], columns: [{ key: 'a' as const }], caption: 'C' })
    expect(table[JUPYTER_DISPLAY]()['text/html']).toContain('<td>&lt;x&gt;</td>')
    expect(table[JUPYTER_DISPLAY]()['text/markdown']).toBe('**C**\n\n| a |\n| :-- |\n| &lt;x&gt; |')
  })
})
