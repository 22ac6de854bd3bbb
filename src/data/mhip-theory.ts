/**
 * The MHIP programme theory as data: the chapter 7 themes of the E-MHIP
 * final report (2008) as CMO elements (3 contexts, 12 mechanisms, 3
 * outcomes, L3043-L3068, each with the lines of its theme and of its
 * discussion section), the Table 2 stakeholder groups (L610-L623), and a
 * starting theory of five hypothesised configurations.
 *
 * What is the report's and what is ours:
 * - Theme wordings, roles, stakeholder groups and counts are the report's.
 * - The report lists the themes but states no CMO configurations: the
 *   authors found "the RE configurations (context+mechanism=outcome) not to
 *   be useful for understanding or communicating the emerging MHIP theories"
 *   (L2964). The five starting configurations are therefore OUR reading of
 *   causal statements in the chapter 7 discussion, each citing the lines it
 *   rests on. They start `hypothesised`, for an analyst to test and refine.
 * - Mechanisms carry resource / reasoning (Dalkin et al. 2015) only where the
 *   discussion names both; elsewhere they are `null` (unknown), as the report
 *   does not make that split.
 * - Tags: readiness is tagged with standards 1.1 (readiness) and 1.2
 *   (structure), the preconditions; low impact is tagged with the objective
 *   type "outcome changes" (impact on service quality, L1879).
 * @module
 */
import { asId, type ElementId } from '../model/ids.js'
import type { SourceRef } from '../model/framework.js'
import type { CmoElement, Configuration, Mechanism, ProgrammeTheory } from '../model/cmo.js'
import type { StakeholderGroup } from '../model/evidence.js'
import type { Evaluation } from '../model/evaluation.js'
import { snapshotTheory } from '../cmo/snapshot.js'
import { MHIP_DOCUMENT, MHIP_TYPE } from './mhip/objective-types.js'

const ref = (lines: string): SourceRef => ({ document: MHIP_DOCUMENT, lines })
const E_ = (s: string) => asId<'ElementId'>(s)

/** Ids of the chapter 7 themes, for code that names them. */
export const MHIP_THEME = {
  // Context (L3043-L3047)
  readiness: E_('insufficient-readiness'),
  leadership: E_('local-leadership'),
  politics: E_('political-agendas'),
  // Mechanism (L3049-L3062)
  noScience: E_('no-scientific-approach'),
  noTheory: E_('not-based-on-theory'),
  fewTechniques: E_('limited-techniques'),
  prince2: E_('prince2'),
  vagueAims: E_('non-specific-aims'),
  partnership: E_('partnership-difficult'),
  userInvolvement: E_('little-user-involvement'),
  vehicle: E_('vehicle-for-change'),
  spur: E_('spur-to-action'),
  fewPersonnel: E_('too-few-personnel'),
  nimheSupport: E_('nimhe-support-inconsistent'),
  resources: E_('insufficient-resources'),
  // Outcome (L3064-L3068)
  lowImpact: E_('low-impact'),
  cultureChange: E_('culture-change'),
  learningMissed: E_('learning-missed'),
} as const

const mechanism = (
  id: ElementId,
  label: string,
  lines: string,
  resource: string | null = null,
  reasoning: string | null = null,
): Mechanism => ({
  id,
  label,
  role: 'mechanism',
  resource,
  reasoning,
  ref: ref(lines),
})

const T = MHIP_THEME

/** The 18 chapter 7 themes, in the report's order: contexts, mechanisms, outcomes. */
export const mhipThemes: readonly CmoElement[] = [
  {
    id: T.readiness,
    label: 'Insufficient local readiness for change',
    role: 'context',
    description:
      'Financial pressures, poor skill base, weak partnerships, little service user involvement, organisational instability (L3080-L3084).',
    standards: [asId<'StandardId'>('1.1'), asId<'StandardId'>('1.2')],
    ref: ref('L3045; L3072-L3086'),
  },
  {
    id: T.leadership,
    label: 'Local leadership influenced nature and progress of MHIP',
    role: 'context',
    ref: ref('L3046; L3088-L3100'),
  },
  {
    id: T.politics,
    label: 'Political agendas influenced nature and progress of MHIP',
    role: 'context',
    ref: ref('L3047; L3102-L3112'),
  },
  mechanism(T.noScience, 'Lack of a scientific approach', 'L3051; L3116-L3134'),
  mechanism(T.noTheory, 'MHIP was not based on theory', 'L3052; L3136-L3140'),
  mechanism(T.fewTechniques, 'Limited range of service improvement techniques used', 'L3053; L3142-L3150'),
  mechanism(
    T.prince2,
    'PRINCE 2 was excessive, but provided structure and durability',
    'L3054; L3152-L3156',
    'PRINCE 2 project management and training (ten staff trained in South West London)',
    'staff adopted a shared project-management language that held work together through management changes; many found it too formal',
  ),
  mechanism(T.vagueAims, 'Non-specific aims and objectives were not helpful', 'L3055; L3158-L3170'),
  mechanism(T.partnership, 'True partnership working extremely difficult', 'L3056; L3172-L3184'),
  mechanism(T.userInvolvement, 'Little service user or carer involvement', 'L3057; L3186-L3198'),
  mechanism(
    T.vehicle,
    'MHIP used as a vehicle for change',
    'L3058; L3200-L3204',
    'a loosely defined national programme with its energy and profile',
    'leaders used it to drive existing local priorities, giving local ownership',
  ),
  mechanism(
    T.spur,
    'MHIP was a spur to action',
    'L3059; L3206-L3218',
    'national profile, Department of Health backing, NIMHE funding and consultation events',
    'energy and enthusiasm to volunteer and to show progress, which dissipated quickly',
  ),
  mechanism(
    T.fewPersonnel,
    'Focus on too few local personnel',
    'L3060; L3220-L3236',
    'training and coaching concentrated on a few experienced local leads',
    null,
  ),
  mechanism(T.nimheSupport, 'NIMHE support was valued, but inconsistent', 'L3061; L3238-L3244'),
  mechanism(T.resources, 'Insufficient resources, hazily viewed', 'L3062; L3246-L3263'),
  {
    id: T.lowImpact,
    label: 'Low impact of MHIP',
    role: 'outcome',
    intended: false,
    valence: 'negative',
    objectiveTypes: [MHIP_TYPE.outcome],
    ref: ref('L3066; L3267-L3277'),
  },
  {
    id: T.cultureChange,
    label: 'Culture change',
    role: 'outcome',
    intended: false,
    valence: 'positive',
    description: 'A side effect of participation in the workstreams (L3283).',
    ref: ref('L3067; L3279-L3287'),
  },
  {
    id: T.learningMissed,
    label: 'Learning opportunities missed',
    role: 'outcome',
    intended: false,
    valence: 'negative',
    ref: ref('L3068; L3291-L3301'),
  },
]

const G = (id: string, label: string, count: number, line: number): StakeholderGroup => ({
  id: asId<'StakeholderGroupId'>(id),
  label,
  count,
  ref: ref(`L${line}`),
})

/** E-MHIP Table 2 (L610-L623): the professional groups interviewed and/or surveyed, with their counts (total 205). */
export const mhipStakeholderGroups: readonly StakeholderGroup[] = [
  G('mht-senior', 'Mental health Trust Senior management', 46, 613),
  G('mht-middle', 'Mental health Trust Middle management', 33, 614),
  G('mht-frontline', 'Mental health Trust Frontline staff', 37, 615),
  G('pct', 'Primary Care Trust personnel', 20, 616),
  G('sha', 'Strategic Health Authority personnel', 4, 617),
  G('local-authority', 'Local Authority personnel', 9, 618),
  G('nimhe', 'NIMHE/CSIP/MA', 7, 619),
  G('voluntary', 'Voluntary Sector', 11, 620),
  G('service-users-carers', 'Service users and carers representatives', 25, 621),
  G('other', 'Other', 13, 622),
]

const everywhere = { sites: [], units: [] }

/** A hypothesised configuration with an empty history. */
const hypothesis = (
  id: string,
  label: string,
  description: string,
  cmo: {
    readonly contexts: readonly ElementId[]
    readonly mechanisms: readonly ElementId[]
    readonly outcome: ElementId
    readonly direction: Configuration['direction']
  },
  lines: string,
  scope: Configuration['scope'] = everywhere,
): Configuration => ({
  id: asId<'ConfigurationId'>(id),
  label,
  description,
  ...cmo,
  scope,
  status: 'hypothesised',
  statusHistory: [],
  ref: ref(lines),
})

/**
 * Five starting configurations, all `hypothesised`: our reading of chapter 7
 * (see the module note), each citing the lines it rests on.
 */
export const mhipStartingConfigurations: readonly Configuration[] = [
  hypothesis(
    'capacity-low-impact',
    'Unready sites + too few skilled people + thin resources → low impact',
    '"… many of the planned changes did not materialise, due to limited capacity and contextual distractions" (L3271).',
    { contexts: [T.readiness], mechanisms: [T.fewPersonnel, T.resources], outcome: T.lowImpact, direction: 'fires' },
    'L3084; L3226; L3248-L3253; L3271',
  ),
  hypothesis(
    'energy-not-harnessed',
    'Spur to action fails to fire where partnerships are weak → low impact',
    'Energy from the consultation events dissipated; sites could not harness it (L1958, L3218).',
    { contexts: [T.readiness], mechanisms: [T.spur, T.partnership], outcome: T.lowImpact, direction: 'fails' },
    'L1958; L3174; L3218',
  ),
  hypothesis(
    'prince2-culture',
    'Middle-manager promotion of PRINCE 2 → project-management culture (South West London)',
    '"In South West London, a project management culture clearly developed … due to the consistent promotion of PRINCE 2 training by middle managers" (L3283).',
    { contexts: [T.leadership], mechanisms: [T.prince2], outcome: T.cultureChange, direction: 'fires' },
    'L3154; L3283',
    { sites: [asId<'SiteId'>('south-west-london')], units: [] },
  ),
  hypothesis(
    'no-science-no-learning',
    'Political management + no science, theory or clear aims → learning missed',
    'Poor measurement and little formal recording of lessons (L3130); no core model or "active ingredients" to retain (L3170).',
    {
      contexts: [T.politics],
      mechanisms: [T.noScience, T.noTheory, T.vagueAims],
      outcome: T.learningMissed,
      direction: 'fires',
    },
    'L3110; L3130; L3170; L3295',
  ),
  hypothesis(
    'users-absent-low-impact',
    'Little user involvement + inconsistent support → no useful outcomes for service users',
    '"This evaluation did not identify any useful outcomes for service users and carers" (L3198).',
    {
      contexts: [T.readiness],
      mechanisms: [T.userInvolvement, T.nimheSupport],
      outcome: T.lowImpact,
      direction: 'fires',
    },
    'L3188; L3198; L3240-L3242',
  ),
]

const theory: ProgrammeTheory = {
  id: asId<'TheoryId'>('emhip-research-team'),
  name: 'E-MHIP chapter 7 themes (starting theory)',
  perspective: 'E-MHIP research team',
  description:
    'Themes identified independently by three researchers from the case studies (L3039), linked into hypothesised configurations.',
  configurations: mhipStartingConfigurations.map((c) => c.id),
  versions: [],
}

/**
 * The starting theory, from the research team's perspective, with version 1
 * committed (a snapshot of the five starting configurations).
 */
export const mhipStartingTheory: ProgrammeTheory = {
  ...theory,
  versions: [
    {
      ...snapshotTheory(
        { elements: mhipThemes, configurations: mhipStartingConfigurations } as unknown as Evaluation,
        theory,
        1,
      ),
      note: 'Starting theory from the chapter 7 themes (L3043-L3068)',
    },
  ],
}

/**
 * Add the MHIP programme theory to an evaluation: the stakeholder groups,
 * the 18 themes, the five starting configurations and the starting theory.
 * Items whose id the evaluation already has are left as they are.
 * @param ev an evaluation, typically `mhipEvaluation` (whose sites the
 *   South West London configuration names)
 * @returns a new evaluation; `ev` is not changed
 * @example
 * const ev = withMhipTheory(mhipEvaluation)
 * ev.elements.length        //=> 18
 * ev.stakeholderGroups.length //=> 10
 */
export const withMhipTheory = (ev: Evaluation): Evaluation => {
  const add = <A extends { readonly id: string }>(now: readonly A[], more: readonly A[]): A[] => [
    ...now,
    ...more.filter((m) => !now.some((x) => x.id === m.id)),
  ]
  return {
    ...ev,
    stakeholderGroups: add(ev.stakeholderGroups, mhipStakeholderGroups),
    elements: add(ev.elements, mhipThemes),
    configurations: add(ev.configurations, mhipStartingConfigurations),
    theories: add(ev.theories, [mhipStartingTheory]),
  }
}
