/**
 * Number formatting for reports: percentages and intervals, with `null` (no
 * estimate) shown as an en dash. The formatters live with the standards, whose
 * notebook displays use them too.
 * @module
 */
export { formatPercent, formatInterval, formatCount, NO_VALUE } from '../standards/format.js'
