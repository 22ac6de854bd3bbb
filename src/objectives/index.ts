/**
 * Objectives, attribution and impact: validation, aggregation (per unit, per
 * site, per type, overall, under a selectable unknown policy), tidy rows and
 * edits.
 * @module
 */
export { objectiveProblems, cellProblems } from './validate.js'
export { resolveSite, getSiteByName } from './resolve-site.js'
