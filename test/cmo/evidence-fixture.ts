/**
 * A hand-worked evidence set for triangulation and the support matrix.
 *
 * Informants (group, site):
 *   i1 (g1, SS)  i2 (g1, LE)  i3 (g2, SS)  i4 (g3, LE)  i5 (g4, SY)  i6 (g2, LE)
 * Source doc: a document with no site.
 *
 * Configurations x, y, z (all ready + train → low). Excerpts:
 *   x supported by i1, i2, i3, i4   → groups {g1, g2, g3} = 3 (g1 counted once)
 *   x contradicted by i5, i6        → contradicting groups {g2, g4} = 2
 *   y supported by i1, i3 and doc   → groups {g1, g2} = 2, one excerpt without a group
 *   z supported by i1, i3, i4, i5   → groups {g1, g2, g3, g4} = 4
 *   element train supported by i2   → {g1} = 1
 *
 * Robust (supporting groups ≥ N):
 *   N = 2: x (3) yes, y (2) yes, z (4) yes, train (1) no
 *   N = 3: x yes, y no, z yes
 *   N = 4: x no, y no, z yes
 */
import { addConfiguration, addEvidenceSource, addExcerpt, addInformant } from '../../src/cmo/index.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { apply, base, LE, SS, SY } from './fixtures.js'

export const evidenceSet = (): Evaluation => {
  const informants: [string, string, string][] = [
    ['i1', 'g1', SS],
    ['i2', 'g1', LE],
    ['i3', 'g2', SS],
    ['i4', 'g3', LE],
    ['i5', 'g4', SY],
    ['i6', 'g2', LE],
  ]
  const links: [string, string | null, { configuration?: string; element?: string }, 'supports' | 'contradicts'][] = [
    ['X1', 'i1', { configuration: 'x' }, 'supports'],
    ['X2', 'i2', { configuration: 'x' }, 'supports'],
    ['X3', 'i3', { configuration: 'x' }, 'supports'],
    ['X4', 'i4', { configuration: 'x' }, 'supports'],
    ['X5', 'i5', { configuration: 'x' }, 'contradicts'],
    ['X6', 'i6', { configuration: 'x' }, 'contradicts'],
    ['Y1', 'i1', { configuration: 'y' }, 'supports'],
    ['Y2', 'i3', { configuration: 'y' }, 'supports'],
    ['Y3', null, { configuration: 'y' }, 'supports'],
    ['Z1', 'i1', { configuration: 'z' }, 'supports'],
    ['Z2', 'i3', { configuration: 'z' }, 'supports'],
    ['Z3', 'i4', { configuration: 'z' }, 'supports'],
    ['Z4', 'i5', { configuration: 'z' }, 'supports'],
    ['T1', 'i2', { element: 'train' }, 'supports'],
  ]
  return apply(
    { ...base(), configurations: [] },
    ...['x', 'y', 'z'].map((id) =>
      addConfiguration({
        configuration: {
          id,
          label: id.toUpperCase(),
          contexts: ['ready'],
          mechanisms: ['train'],
          outcome: 'low',
          direction: 'fires',
        },
      }),
    ),
    ...informants.map(([id, group, site]) => addInformant({ item: { id, group, site } })),
    addEvidenceSource({ item: { id: 'doc', kind: 'document', title: 'National PID' } }),
    ...links.map(([label, informant, target, stance]) =>
      addExcerpt({
        item: {
          id: label,
          label,
          kind: 'quote',
          text: '…',
          ...(informant === null ? { source: 'doc' } : { informant }),
          links: [{ ...target, stance }],
        },
      }),
    ),
  )
}
