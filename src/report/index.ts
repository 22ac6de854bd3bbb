/**
 * `realist-eval/report`: tables (Markdown and HTML), charts (standalone SVG
 * and Vega-Lite specs), the self-contained HTML report, notebook display and
 * tidy rows.
 * @module
 */
export { escapeHtml, escapeMarkdown, jsonText, xmlSafe } from './escape.js'
export { formatPercent, formatInterval, formatCount, NO_VALUE } from './format.js'
export {
  markdownTable,
  htmlTable,
  renderMarkdown,
  renderHtml,
  renderText,
  tableGrid,
  columnsFromRows,
  type Table,
  type TableColumn,
  type TableValue,
  type HtmlTableOptions,
} from './table.js'
export { describePolicy } from './policy-text.js'
export { agreementTable, coefficientLabel, type AgreementTableOptions } from './agreement-table.js'
export {
  attainmentTable,
  findScope,
  type AttainmentTableOptions,
  type AttainmentTableRow,
  type ScopeOptions,
} from './attainment-table.js'
export {
  objectivesTableEither,
  objectivesTable,
  impactText,
  type ObjectivesTableOptions,
  type ObjectivesTableRow,
} from './objectives-table.js'
export {
  siteComparisonTable,
  objectiveSiteTableEither,
  objectiveSiteTable,
  type ComparisonRow,
  type SiteComparisonOptions,
  type ObjectiveSiteOptions,
} from './site-comparison.js'
export { VIRIDIS, OKABE_ITO, NO_DATA_FILL, viridis, relativeLuminance, textColour } from './charts/palette.js'
export {
  attainmentHeatmapData,
  type HeatmapData,
  type HeatmapCell,
  type HeatmapAxisItem,
  type AttainmentHeatmapOptions,
} from './charts/heatmap-data.js'
export { heatmapSvg, type HeatmapSvgOptions } from './charts/heatmap-svg.js'
export {
  objectiveBarRowsEither,
  objectiveBarRows,
  OBJECTIVE_STATUSES_SHOWN,
  STATUS_COLOURS,
  type ObjectiveBarRow,
  type ObjectiveStatusShown,
} from './charts/objective-bars-data.js'
export { objectivesBarSvgEither, objectivesBarSvg, type ObjectiveBarsSvgOptions } from './charts/objective-bars-svg.js'
export {
  heatmapVegaLite,
  objectivesBarVegaLiteEither,
  objectivesBarVegaLite,
  qcaXyPlotVegaLiteEither,
  qcaXyPlotVegaLite,
  VEGA_LITE_SCHEMA,
  VEGA_LITE_V5_SCHEMA,
  vegaLiteBundle,
  type VegaLiteSpec,
  type XyPlotVegaLiteOptions,
} from './charts/vega-lite.js'
export { htmlReportEither, htmlReport, REPORT_CSP, type HtmlReportOptions } from './html-report.js'
export {
  reportInputsEither,
  reportInputs,
  documentCounts,
  describeCounts,
  type ReportInputs,
  type ReportOptions,
  type DocumentCounts,
} from './report-inputs.js'
export { markdownReportEither, markdownReport, type MarkdownReportOptions } from './markdown-report.js'
export {
  instrumentSections,
  ratersTable,
  raterRuleText,
  siteRatingsTable,
  type InstrumentSection,
  type RaterTableRow,
  type SiteRatingRow,
} from './instrument-tables.js'
export {
  displayable,
  displayTable,
  isDisplayable,
  JUPYTER_DISPLAY,
  svgImage,
  problemsTable,
  type Displayable,
  type MimeBundle,
  type Renderers,
  type SvgImage,
  type ProblemsTableOptions,
  type ProblemRow,
} from './display.js'
export {
  gridHtml,
  gridText,
  gridBundle,
  withDisplay,
  type Grid,
  type GridHtmlOptions,
  type Align,
} from '../model/display.js'
export { toRows, flattenRow, type Row } from './rows.js'
export { qcaTruthTableTable, qcaSolutionTable } from './qca-tables.js'
export { qcaXyPlotSvgEither, qcaXyPlotSvg, type XyPlotSvgOptions } from './charts/xy-svg.js'
export { spendTableEither, spendTable, type SpendTableOptions, type SpendTableRow } from './costs-table.js'
export { registerProblemsTable, registerCountsTable, registerTriangulationTable } from './register-tables.js'
export {
  groupAttainmentTable,
  formatGroupComparison,
  roundMovesTable,
  attributeStatsTable,
  observationsTable,
  type GroupAttainmentTableRow,
  type RoundMoveRow,
} from './group-tables.js'
