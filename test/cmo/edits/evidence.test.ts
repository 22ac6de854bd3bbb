import * as E from 'fp-ts/lib/Either.js'
import { evidenceFindings } from '../../../src/evidence/index.js'
import { describe, expect, it } from 'vitest'
import { applyEdit } from '../../../src/edit/define.js'
import {
  addEvidenceSource,
  addExcerpt,
  addInformant,
  addStakeholderGroup,
  linkExcerpt,
} from '../../../src/cmo/index.js'
import { apply, base, LE } from '../fixtures.js'

const brief = (r: E.Either<readonly { where: string; found: string; code: string }[], unknown>) =>
  E.isLeft(r) ? r.left.map((p) => [p.where, p.found, p.code]) : 'accepted'
const withInformant = () =>
  apply(base(), addInformant({ item: { id: 'i1', group: 'g1', site: LE, role: 'ward manager' } }))

describe('evidence edits', () => {
  it('add groups, informants, sources and excerpts', () => {
    const ev = apply(
      withInformant(),
      addStakeholderGroup({ item: { id: 'g5', label: 'Other', count: 13 } }),
      addEvidenceSource({ item: { id: 'pid', kind: 'document', title: 'PID', site: LE } }),
      addExcerpt({
        item: {
          id: 'x1',
          label: 'Q1',
          kind: 'quote',
          text: 'It was all too fast.',
          informant: 'i1',
          links: [{ element: 'ready', stance: 'supports' }],
        },
      }),
      linkExcerpt({ excerpt: 'x1', link: { configuration: 'c1', stance: 'contradicts' } }),
    )
    expect(ev.informants).toEqual([{ id: 'i1', group: 'g1', site: LE, role: 'ward manager' }])
    expect(ev.excerpts[0]!.links).toEqual([
      { element: 'ready', stance: 'supports' },
      { configuration: 'c1', stance: 'contradicts' },
    ])
  })

  it('keeps informants pseudonymous: a name or email field is refused', () => {
    expect(
      brief(applyEdit(base(), addInformant({ item: { id: 'i1', group: 'g1', name: 'Jo Bloggs' } as never }))),
    ).toEqual([['informant i1 › name', '"Jo Bloggs"', 'value']])
    expect(
      brief(applyEdit(base(), addInformant({ item: { id: 'i1', group: 'g1', email: 'jo@nhs' } as never }))),
    ).toEqual([['informant i1 › email', '"jo@nhs"', 'value']])
  })

  it('refuses dangling group and site, an unknown source kind, and duplicate ids', () => {
    expect(brief(applyEdit(base(), addInformant({ item: { id: 'i1', group: 'g9', site: 'kent' } })))).toEqual([
      ['informant i1 › group', '"g9"', 'reference'],
      ['informant i1 › site', '"kent"', 'reference'],
    ])
    expect(brief(applyEdit(base(), addEvidenceSource({ item: { id: 's', kind: 'rumour' as never } })))).toEqual([
      ['source s › kind', '"rumour"', 'value'],
    ])
    expect(brief(applyEdit(withInformant(), addInformant({ item: { id: 'i1', group: 'g1' } })))).toEqual([
      ['addInformant › informant i1', '"i1"', 'duplicate'],
    ])
  })

  it('refuses links to nothing, to both, or to what does not exist; keeps a repeated label and a missing attribution for the register checks', () => {
    const ev = apply(
      withInformant(),
      addExcerpt({ item: { id: 'x1', label: 'Q1', kind: 'note', text: '…', informant: 'i1', links: [] } }),
    )
    expect(
      brief(
        applyEdit(
          ev,
          addExcerpt({
            item: {
              id: 'x2',
              label: 'Q1',
              kind: 'quote',
              text: '…',
              links: [
                { stance: 'supports' },
                { element: 'ready', configuration: 'c1', stance: 'supports' },
                { element: 'zz', stance: 'contradicts' },
              ],
            },
          }),
        ),
      ),
    ).toEqual([
      ['excerpt Q1 › link 1', 'nothing (missing)', 'consistency'],
      ['excerpt Q1 › link 2', 'an object with keys element, configuration', 'consistency'],
      ['excerpt Q1 › link 3 › element', '"zz"', 'reference'],
    ])
    // A repeated label and no attribution are accepted, and reported by evidenceFindings.
    const kept = apply(
      ev,
      addExcerpt({ item: { id: 'x2', label: 'Q1', kind: 'quote', text: 'Other words', links: [] } }),
    )
    expect(kept.excerpts.map((x) => x.id)).toEqual(['x1', 'x2'])
    // x1's text '…' has no words, so it is reported too.
    expect(evidenceFindings(kept).map((f) => [f.kind, f.label])).toEqual([
      ['missing-text', 'Q1'],
      ['duplicate-label', 'Q1'],
      ['missing-attribution', 'Q1'],
    ])
    expect(
      brief(applyEdit(ev, linkExcerpt({ excerpt: 'x1', link: { element: 'ready', stance: 'maybe' as never } }))),
    ).toEqual([['link › stance', '"maybe"', 'value']])
    const linked = apply(ev, linkExcerpt({ excerpt: 'x1', link: { element: 'ready', stance: 'supports' } }))
    expect(
      brief(applyEdit(linked, linkExcerpt({ excerpt: 'x1', link: { element: 'ready', stance: 'supports' } }))),
    ).toEqual([['linkExcerpt › link', '"ready"', 'duplicate']])
  })
})
