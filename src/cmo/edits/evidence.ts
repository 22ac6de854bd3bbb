import { roomArg } from '../../edit/args.js'
import { castDraft } from 'immer'
import type * as t from 'io-ts'
import type { Evaluation } from '../../model/evaluation.js'
import type { EvidenceLink, EvidenceSource, Excerpt, Informant, StakeholderGroup } from '../../model/evidence.js'
import { EvidenceLinkC, EvidenceSourceC, ExcerptC, InformantC, StakeholderGroupC } from '../../model/evidence.js'
import { problem, type Problem } from '../../model/problem.js'
import { evaluationRefs, type EvaluationRefs } from '../refs.js'
import { evidenceLinkProblems, excerptProblems, informantProblems, sourceProblems } from '../validate.js'
import { ARG, type PlainIds, argsOf, checkedEdit, decodeItem, duplicateIdProblems, findById } from './support.js'

type ListKey = 'stakeholderGroups' | 'informants' | 'sources' | 'excerpts'

/** An "add one item to a list" edit: decode it, refuse a taken id, run the item's reference checks. */
const addItemEdit = <A extends { readonly id: string }>(
  op: string,
  list: ListKey,
  what: string,
  codec: t.Type<A, unknown, unknown>,
  references: (item: A, index: number, refs: EvaluationRefs, ev: Evaluation) => Problem[],
) =>
  checkedEdit<{ readonly item: PlainIds<A> }>(
    op,
    argsOf({ item: ARG.any }),
    (ev, { item }) => {
      const n = ev[list].length
      const decoded = decodeItem(codec, item, list, n)
      if ('problems' in decoded) return decoded.problems
      return [
        ...roomArg(op, 'item', n, `the evaluation's ${list}`),
        ...duplicateIdProblems(op, list, ev[list], decoded.ok.id, what),
        ...references(decoded.ok, n, evaluationRefs(ev), ev),
      ]
    },
    (draft, { item }) => {
      ;(draft[list] as unknown[]).push(castDraft(structuredClone(item)))
    },
  )

/**
 * Add a stakeholder group (the unit of triangulation), e.g. a row of E-MHIP Table 2.
 *
 * Refused when the shape is wrong or the id is taken.
 * @param args `{ item: { id, label, count?, ref? } }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * applyEdit(ev, addStakeholderGroup({ item: { id: 'frontline', label: 'Mental health Trust Frontline staff', count: 37 } }))
 * //=> right(…) // ev with the group
 */
export const addStakeholderGroup = addItemEdit<StakeholderGroup>(
  'addStakeholderGroup',
  'stakeholderGroups',
  'stakeholder group',
  StakeholderGroupC,
  () => [],
)

/**
 * Add an informant under a pseudonymous id, with a stakeholder group, an
 * optional site and an optional role. A `name` or `email` field is refused.
 *
 * Refused when the id is taken or the group or site does not exist.
 * @param args `{ item: { id, group, site?, role? } }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes, starting configurations and stakeholder groups
 * edit(mhip, addInformant({ item: { id: 'inf-07', group: 'mht-frontline', site: 'leicestershire' } })).informants
 * //=> [{ id: 'inf-07', group: 'mht-frontline', site: 'leicestershire' }]
 * applyEdit(mhip, addInformant({ item: { id: 'inf-08', group: 'nobody' } }))
 * //=> left([{ where: 'informant inf-08 › group', code: 'reference', … }])
 */
export const addInformant = addItemEdit<Informant>(
  'addInformant',
  'informants',
  'informant',
  InformantC,
  informantProblems,
)

/**
 * Add an evidence source: an interview, a document or a survey.
 *
 * Refused when the kind is not one of those, the id is taken or the site does not exist.
 * @param args `{ item: { id, kind, title?, date?, site?, ref? } }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const item = { id: 'pid-ss', kind: 'document', title: 'Local MHIP PID', site: 'south-staffordshire' }
 * edit(mhipEvaluation, addEvidenceSource({ item })).sources //=> [item]
 */
export const addEvidenceSource = addItemEdit<EvidenceSource>(
  'addEvidenceSource',
  'sources',
  'source',
  EvidenceSourceC,
  sourceProblems,
)

/**
 * Add an excerpt (a quote or a note) from one informant or source, linked to
 * the elements and configurations it supports or contradicts.
 *
 * Refused when the id is taken, the informant or source it names does not
 * exist, or a link names a missing element or configuration (or both /
 * neither). A repeated label or a missing attribution is accepted: these are
 * register defects that `evidenceFindings` reports, not reasons to lose the
 * excerpt.
 * @param args `{ item: { id, label, kind, text, informant?, source?, links, section?, theme?, attribution?, lines? } }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * const mhip = withMhipTheory(mhipEvaluation) // the MHIP themes, starting configurations and stakeholder groups
 * const ev = edit(mhip,
 *   addInformant({ item: { id: 'inf-07', group: 'mht-frontline', site: 'leicestershire' } }),
 *   addExcerpt({ item: { id: 'x1', label: 'Q1', kind: 'quote', text: 'Nobody had the time.', informant: 'inf-07',
 *     links: [{ element: 'insufficient-readiness', stance: 'supports' }] } }))
 * ev.excerpts.map((x) => x.id) //=> ['x1']
 * applyEdit(ev, addExcerpt({ item: { id: 'x2', label: 'Q2', kind: 'quote', text: '…', links: [{ element: 'nope', stance: 'supports' }] } }))
 * //=> left([{ code: 'reference', … }, …])
 */
export const addExcerpt = addItemEdit<Excerpt>('addExcerpt', 'excerpts', 'excerpt', ExcerptC, (x, i, refs) =>
  excerptProblems(x, i, refs),
)

/** Arguments of `linkExcerpt`. */
export interface LinkExcerptArgs {
  readonly excerpt: string
  readonly link: PlainIds<EvidenceLink>
}

/**
 * Link an existing excerpt to one more element or configuration it supports
 * or contradicts (coding the excerpt).
 *
 * Refused when the excerpt does not exist, the link names a missing target or
 * both / neither targets, or the same target and stance is already linked.
 * @param args `{ excerpt, link: { element? | configuration?, stance } }`
 * @returns an edit; apply it with `applyEdit` (or `edit`, `recordEdit`)
 * @example
 * // theoryEv: the MHIP theory with illustrative quotes; q1 supports capacity-low-impact
 * const ev = edit(theoryEv, linkExcerpt({ excerpt: 'q1', link: { configuration: 'energy-not-harnessed', stance: 'contradicts' } }))
 * ev.excerpts[0].links
 * //=> [{ configuration: 'capacity-low-impact', stance: 'supports' }, { configuration: 'energy-not-harnessed', stance: 'contradicts' }]
 * applyEdit(ev, linkExcerpt({ excerpt: 'q1', link: { configuration: 'energy-not-harnessed', stance: 'contradicts' } }))
 * //=> left([{ where: 'linkExcerpt › link', code: 'duplicate', … }])
 */
export const linkExcerpt = checkedEdit<LinkExcerptArgs>(
  'linkExcerpt',
  argsOf({ excerpt: ARG.id, link: ARG.any }),
  (ev, { excerpt, link }) => {
    const op = 'linkExcerpt'
    const found = findById(op, 'excerpt', ev.excerpts, excerpt, 'excerpt')
    if ('problems' in found) return found.problems
    const j = found.item.links.length
    const decoded = decodeItem(EvidenceLinkC, link, 'link')
    if ('problems' in decoded) return decoded.problems
    const l = decoded.ok
    const out = evidenceLinkProblems(
      l,
      ['excerpts', found.index, 'links', j],
      `${op} › excerpt ${found.item.label} › link`,
      evaluationRefs(ev),
    )
    out.push(...roomArg(op, 'link', j, `the links of excerpt ${found.item.label}`))
    if (
      found.item.links.some(
        (x) => x.element === l.element && x.configuration === l.configuration && x.stance === l.stance,
      )
    )
      out.push(
        problem(
          ['link'],
          `a link excerpt ${found.item.label} does not have yet`,
          l.element ?? l.configuration,
          'duplicate',
          `${op} › link`,
        ),
      )
    return out
  },
  (draft, { excerpt, link }) => {
    draft.excerpts.find((x) => x.id === excerpt)!.links.push(castDraft(structuredClone(link) as EvidenceLink))
  },
)
