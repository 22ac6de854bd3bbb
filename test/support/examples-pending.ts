/**
 * Documentation examples that do not run yet, by `file#export#k`: each uses an
 * evaluation it does not build (`ev` described in prose) or an expected value in
 * words. The suite checks each still fails, so one that is fixed must leave the
 * list, and every new example must run.
 */
export const PENDING: ReadonlySet<string> = new Set([
  'io/csv/problem.ts#atCell#0',
  'io/export/attributes.ts#attributeTable#0',
  'io/export/columnar.ts#toArrowIpc#0',
  'io/export/columnar.ts#toArrowIpcEither#0',
  'io/export/columnar.ts#toParquet#0',
  'io/export/columnar.ts#toParquetEither#0',
  'io/export/document-rows.ts#objectiveListRows#0',
  'io/export/document-rows.ts#ratingRows#0',
  'io/import/apply.ts#applyWrites#0',
  'io/import/attributes.ts#importAttributes#0',
  'io/import/attributes.ts#importAttributesEither#0',
  'io/import/costs.ts#costEntryRows#0',
  'io/import/costs.ts#importCostEntries#0',
  'io/import/gate.ts#gate#0',
  'io/import/objective-list.ts#importObjectiveList#0',
  'io/import/objective-list.ts#importObjectiveListEither#0',
  'io/import/objectives.ts#importObjectives#0',
  'io/import/ratings.ts#importRatingsLong#0',
  'io/import/ratings.ts#importRatingsWide#0',
  'io/import/rows.ts#prepare#0',
])
