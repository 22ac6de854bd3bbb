import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeMarkdown } from '../../src/report/escape.js'

describe('escapeHtml', () => {
  it('turns every markup character into an entity', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')"> & </script>`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; &lt;/script&gt;',
    )
  })
  it('renders null and undefined as nothing and numbers as text', () => {
    expect([escapeHtml(null), escapeHtml(undefined), escapeHtml(0.5)]).toEqual(['', '', '0.5'])
  })
})

describe('escapeMarkdown', () => {
  it('keeps a cell one cell and inert', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b')
    expect(escapeMarkdown('*bold* _em_ [link](x) `code` ~~s~~')).toBe(
      '\\*bold\\* \\_em\\_ \\[link\\](x) \\`code\\` \\~\\~s\\~\\~',
    )
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(escapeMarkdown('two\nlines\r\nhere')).toBe('two lines here')
  })
  it('leaves a plain ampersand readable but escapes one that would start an entity', () => {
    expect(escapeMarkdown('evidence & theory')).toBe('evidence & theory')
    expect(escapeMarkdown('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;')
  })
  it('escapes backslashes first, so an escape cannot be undone by the data', () => {
    expect(escapeMarkdown('\\|')).toBe('\\\\\\|')
  })
})
