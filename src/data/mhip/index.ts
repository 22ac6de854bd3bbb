/**
 * The embedded MHIP dataset: the one complete unit-level dataset the E-MHIP
 * final report (2008) publishes, Table 7 "Attainment and impact of MHIP
 * objectives" (L1883-L1906), as an `Evaluation` document. Entry of the
 * `realist-eval/datasets/mhip` subpath.
 *
 * - 4 pilot sites, 15 workstreams, in report order, each site with the other
 *   names the report gives it (resolve them with `resolveSite`).
 * - Objective counts per workstream × type exactly as printed, including the
 *   `?/2` (unknown), blank vs NA attributions, impact NA vs None and the
 *   free-text impact "None at time of MHIP; high potential" (see `sites.ts`).
 * - South West Yorkshire's single workstream records that it covers 9 year-2
 *   workstreams (`subUnits`).
 * - The framework is the E-MHIP standards framework (`emhipFramework`), with
 *   one round, `mhip-2008`. There are NO standard ratings: the report publishes
 *   only percentages across workstreams (Table 5), never a unit's rating, so
 *   inventing unit ratings that reproduce Table 5 would be fiction.
 * - Table 7's TOTAL rows are not stored; the objectives aggregation reproduces them.
 *
 * Source: E-MHIP final report (2008); line numbers `Lnnnn` refer to its
 * reference text. The table's cells are on L1887-L1904, the prose figures on
 * L1908-L1912.
 * @module
 */
import { emhipFramework } from '../emhip-framework.js'
import { asId } from '../../model/ids.js'
import type { Evaluation } from '../../model/evaluation.js'
import { assembleEvaluation } from '../../model/new-evaluation.js'
import { mhipObjectiveTypes } from './objective-types.js'
import { mhipSites } from './sites.js'

export { mhipObjectiveTypes, MHIP_TYPE } from './objective-types.js'
export { mhipSites } from './sites.js'
export { resolveSite, getSiteByName } from '../../objectives/resolve-site.js'
export {
  emhipTable8Sites,
  emhipTable8Areas,
  emhipTable8Hours,
  emhipTable8Footnote,
  emhipEconomicFigures,
  mhipCostLedger,
  type Table8AreaRow,
} from '../emhip-table8.js'

/** The id of the dataset's one round. */
export const MHIP_ROUND = asId<'RoundId'>('mhip-2008')

/**
 * E-MHIP Table 7 as an evaluation document: 4 sites, 15 workstreams, 29
 * unit × type count cells, 15 impacts; no ratings, no CMO content.
 * @example
 * import { mhipEvaluation } from 'realist-eval/datasets/mhip'
 * mhipEvaluation.sites.map((s) => s.units.length) //=> [5, 5, 1, 4]
 */
export const mhipEvaluation: Evaluation = assembleEvaluation({
  title: 'External evaluation of the Mental Health Improvement Partnerships (E-MHIP): final report, 2008',
  programme: {
    id: 'mhip',
    name: 'Mental Health Improvement Partnerships (MHIP)',
    description:
      'A NIMHE service improvement programme piloted in four mental health communities in England, 2004-2006.',
  },
  framework: emhipFramework,
  rounds: [{ id: MHIP_ROUND, label: 'E-MHIP evaluation (report 2008)' }],
  sites: mhipSites,
  objectiveTypes: mhipObjectiveTypes,
})
