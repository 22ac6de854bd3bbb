/**
 * The E-MHIP organisational change standards (Mental Health Improvement
 * Partnerships evaluation, final report 2008), shipped as data: 4 sections,
 * 11 standards with their Table 5 wording (L1226-L1242) and the chapter 4
 * wording variants (L1256-L1829), each standard's criteria as far as the report
 * states them, and the three-level scale met / partly met / not met (L1220).
 *
 * This is also the entry of the `realist-eval/frameworks/emhip` subpath, so the
 * lookups a user of the framework needs are re-exported from here.
 *
 * About the criteria: the full standards are in the report's Appendix 2, which
 * is not in the reference text. The criteria below are the sub-points that
 * chapter 4 reports as rated per workstream ("in 4 out of 15 workstreams,
 * responsibility … was devolved", L1690), quoted or closely paraphrased, each
 * with its line. Their assignment to a standard follows the chapter section
 * that reports them (sections 4.2.1-4.3.4 each name their standard). Standards
 * 1.1 and 1.2 are assessed in chapter 3 and no criteria are stated for them.
 * Line numbers refer to the reference text of the report.
 * @module
 */
import { asId } from '../model/ids.js'
import type { Criterion, Framework, Section, SourceRef, Standard, WordingVariant } from '../model/framework.js'
import type { RatingScale, ScaleLevel } from '../model/scale.js'

const DOCUMENT = 'E-MHIP final report (2008)'
const ref = (lines: string): SourceRef => ({ document: DOCUMENT, lines })

const level = (id: string, label: string, score: number, aliases: readonly string[]): ScaleLevel => ({
  id: asId<'LevelId'>(id),
  label,
  score,
  aliases,
})

/**
 * The E-MHIP rating scale, best first: met (score 1), partly met (0.5), not met (0)
 * (L1220: rated "either “met”, “partly met” or “not met”"). Not applicable is
 * not a level: it is the `"na"` marker.
 */
export const emhipScale: RatingScale = {
  id: 'emhip',
  label: 'Met / partly met / not met (E-MHIP)',
  levels: [
    level('met', 'Met', 1, ['met', 'fully met', 'full', 'yes', 'M', 'Y']),
    level('partly', 'Partly met', 0.5, [
      'partly',
      'partly met',
      'partly-met',
      'partially met',
      'part met',
      'partial',
      'PM',
      'P',
    ]),
    level('not-met', 'Not met', 0, ['not met', 'not-met', 'unmet', 'no', 'NM', 'N']),
  ],
}

const criterion = (id: string, text: string, lines: string): Criterion => ({
  id: asId<'CriterionId'>(id),
  text,
  ref: ref(lines),
})

const variant = (text: string, lines: string): WordingVariant => ({ text, ref: ref(lines) })

const standard = (
  id: string,
  title: string,
  lines: string,
  variants: readonly WordingVariant[],
  criteria: readonly Criterion[],
): Standard => ({ id: asId<'StandardId'>(id), title, ref: ref(lines), variants, criteria })

const section = (id: string, title: string, standards: readonly Standard[]): Section => ({
  id: asId<'SectionId'>(id),
  title,
  standards,
})

// Comments after each criterion give the prose count the report publishes for it.
const preconditions = section('1', 'Preconditions', [
  standard('1.1', 'The organisation is ready for change', 'L1229', [variant('Readiness for change', 'L840')], []),
  standard('1.2', 'The existing organisational structure is supportive of change', 'L1230', [], []),
])

const planning = section('2', 'Planning', [
  standard(
    '2.1',
    'The change programme is developed in consultation with all relevant parties',
    'L1231',
    [variant('The change programme is developed in consultation with all relevant parties', 'L1256')],
    [
      // "developed in consultation with all relevant parties": about one third (L1332)
      criterion('2.1.1', 'Priorities are systematically identified and agreed by major stakeholders', 'L1332'), // about half
      criterion(
        '2.1.2',
        'Managers involve staff in the development of the initiative and the agreement of team and individual objectives',
        'L1332',
      ), // one third
      criterion(
        '2.1.3',
        'A needs assessment is carried out (e.g. by talking first hand to stakeholders) to inform the design of the project',
        'L1332',
      ), // about half
    ],
  ),
  standard(
    '2.2',
    'The needs, goals and abilities to meet these goals are communicated to relevant parties',
    'L1232',
    [variant('The needs, goals and abilities to meet these goals are communicated to relevant parties', 'L1390')],
    [
      criterion('2.2.1', 'The project plan is highly structured, with clear and measurable objectives', 'L1408'), // less than half
      criterion('2.2.2', 'The implementation plan is simple and understood', 'L1408'), // four workstreams
      criterion('2.2.3', 'The work is results orientated: how targets are to be achieved is not dictated', 'L1408'), // half
      criterion(
        '2.2.4',
        'Local anecdotes and experiences are used to illustrate problems and potential solutions',
        'L1410',
      ), // less than half
      criterion('2.2.5', 'There is good communication from the outset', 'L1412'), // one third
      criterion(
        '2.2.6',
        'The objectives of the work, and the abilities of staff to meet these goals, are communicated',
        'L1412',
      ), // less than half
      criterion(
        '2.2.7',
        'The change offers benefit to frontline staff (e.g. the chance to deliver a better service, or improved working conditions)',
        'L1412',
      ), // less than half
      criterion('2.2.8', 'The change requires few or no job changes', 'L1412'), // two thirds
    ],
  ),
  standard(
    '2.3',
    'The change programme uses methods that have been shown to be effective',
    'L1233',
    [variant('The change programme uses methods that have been shown to be effective', 'L1458')],
    [
      criterion('2.3.1', 'An evaluation process is set out during the design period', 'L1499'), // about one quarter
      criterion(
        '2.3.2',
        'Plans clearly present the techniques to be used to achieve the identified objectives',
        'L1503',
      ), // "in general"
      criterion('2.3.3', 'Multiple change methods are used', 'L1503-L1507'), // seldom
      criterion('2.3.4', 'Staff are offered financial incentives', 'L1507'), // none
      criterion(
        '2.3.5',
        'Whole systems thinking: the organisation is conceptualised as a collection of systems',
        'L1511',
      ), // nearly all
      criterion('2.3.6', 'The workstream is relevant to local needs', 'L1527'), // all 15
    ],
  ),
  standard(
    '2.4',
    'All resource and budget implications of the desired change have been considered',
    'L1234',
    [variant('All resource and budget implications of the desired change have been considered beforehand', 'L1551')],
    [
      criterion('2.4.1', 'All resource and budget implications are considered beforehand', 'L1567'), // one workstream
      criterion('2.4.2', 'Dedicated funds and staff time are available', 'L1567'), // three workstreams
      criterion('2.4.3', 'Managers commit funds and staff time to the work', 'L1567'), // most did not
    ],
  ),
])

const implementation = section('3', 'Implementation', [
  standard(
    '3.1',
    'The change programme includes effective change measurement and evaluation',
    'L1235',
    [
      variant(
        'The change programme includes effective change measurement and evaluation, incorporating valid performance data and honest feedback from service users and staff',
        'L1605',
      ),
    ],
    [
      criterion('3.1.1', 'Baseline and progress measures are collected', 'L1616'), // "often not collected"
      criterion('3.1.2', 'The work includes effective measures of improvement or evaluation', 'L1632'), // three did not
      criterion('3.1.3', 'The evaluation process is an integrated part of the work', 'L1632'), // four did not
      criterion('3.1.4', 'The work is adapted in response to feedback (an iterative approach, e.g. PDSA)', 'L1634'), // two
      criterion('3.1.5', 'There is a quick trouble-shooting procedure through project governance', 'L1634'), // most
      criterion('3.1.6', 'Findings are passed on in an easy-to-read format', 'L1634'), // four
    ],
  ),
  standard(
    '3.2',
    'Responsibility is devolved to frontline staff',
    'L1236',
    [
      variant(
        'Responsibility is devolved to enable frontline staff to make key decisions about the organisational intervention',
        'L1672',
      ),
    ],
    [
      criterion('3.2.1', 'The work has a nominated lead', 'L1690'), // all
      criterion('3.2.2', 'Responsibility for making key decisions is devolved to frontline staff', 'L1690'), // 4 of 15
      criterion(
        '3.2.3',
        'Frontline staff are actively involved (e.g. collecting data, attending project team meetings)',
        'L1690',
      ), // about one third
      criterion('3.2.4', 'Local staff feel involved and feel ownership of its objectives', 'L1690'), // 5
    ],
  ),
  standard(
    '3.3',
    'Staff receive the training and support required to engage with the change programme',
    'L1237',
    [
      variant(
        'Staff have the necessary knowledge and skills to design and implement and receive the necessary training',
        'L1770',
      ),
    ],
    [
      criterion('3.3.1', 'Staff have received training in organisational improvement interventions', 'L1777'), // 1 workstream
      criterion('3.3.2', 'Leads help in constructing process flow charts and influence diagrams', 'L1777'), // two thirds
      criterion('3.3.3', 'Existing quality improvement structures (clinical audit teams) are used', 'L1797'), // one workstream
    ],
  ),
  standard(
    '3.4',
    'Staff receive constructive feedback on the progress of the change programme',
    'L1238',
    [
      variant(
        'Staff receive constructive feedback on the success of the change programme regularly and when appropriate',
        'L1829',
      ),
    ],
    [
      criterion('3.4.1', 'Staff receive some feedback on progress', 'L1850'), // most
      criterion(
        '3.4.2',
        'Multidisciplinary discussion forums are used or set up to promote learning across professions and disciplines',
        'L1850',
      ), // about half
      criterion(
        '3.4.3',
        'Managers regularly generate summary reports for practitioners to discuss at team meetings',
        'L1850',
      ), // half
    ],
  ),
])

const followUp = section('4', 'Follow-up', [
  standard(
    '4.1',
    'The change programme is evaluated in terms of generating evidence & developing theory',
    'L1239',
    [variant('The change programme is evaluated in terms of generating evidence and developing theory', 'L1605')],
    [
      // Follow-up "summarises the extent to which the progress and impact … is reviewed and learned from" (L479).
      criterion('4.1.1', 'The work is re-audited over the course of the programme', 'L1634'), // none
      criterion('4.1.2', 'End of programme reports describe the lessons learned', 'L1632'), // not the lessons learned
    ],
  ),
])

/**
 * The E-MHIP organisational change standards framework (final report 2008):
 * sections Preconditions, Planning, Implementation, Follow-up (L474-L479),
 * standards 1.1-4.1 as in Table 5 (L1226-L1242), rated on {@link emhipScale}.
 * @example
 * emhipFramework.sections.map((s) => s.standards.length) //=> [2, 4, 4, 1]
 */
export const emhipFramework: Framework = {
  id: 'emhip',
  title: 'E-MHIP standards of good practice in organisational change',
  scale: emhipScale,
  sections: [preconditions, planning, implementation, followUp],
  ref: ref('L455-L491, L1218-L1244'),
}

export { findStandard, getStandard, findCriterion, getCriterion } from '../standards/lookup.js'
export { findLevel, getLevel } from '../standards/levels.js'
