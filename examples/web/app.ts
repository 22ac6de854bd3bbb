/// <reference lib="dom" />
/**
 * The demo page: import a ratings CSV onto the E-MHIP evaluation, choose the
 * denominator policy, and see attainment, the heatmap and objectives; download
 * the tidy rows, the document and the HTML report. Built by
 * `npm run example:web` into examples/web/dist/ (one HTML file and its script).
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  attainment,
  attainmentRows,
  encodeEvaluation,
  type AttainedRule,
  type DenominatorPolicy,
} from '../../src/index.js'
import type { Evaluation } from '../../src/model/evaluation.js'
import { mhipEvaluation } from '../../src/data/mhip/index.js'
import { importRatingsLongEither, toCsv } from '../../src/io/index.js'
import {
  attainmentHeatmapData,
  attainmentTable,
  describePolicy,
  heatmapSvg,
  htmlReport,
  htmlTable,
  jsonText,
  objectivesTable,
} from '../../src/report/index.js'
import { SAMPLE_CSV } from './sample.js'

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T

let doc: Evaluation = mhipEvaluation
let source = 'the E-MHIP dataset (no ratings imported)'

const policy = (): DenominatorPolicy => ({
  attained: $<HTMLSelectElement>('attained').value as AttainedRule,
  notApplicable: $<HTMLSelectElement>('na').value as 'exclude' | 'not-met',
  unrated: $<HTMLSelectElement>('unrated').value as 'exclude' | 'not-met',
})

const render = (): void => {
  const result = attainment(doc, policy())
  const table = attainmentTable(result, doc)
  $('policy-text').innerHTML = ''
  for (const line of describePolicy(result.policy, doc.framework.scale)) {
    const li = document.createElement('li')
    li.textContent = line
    $('policy-text').append(li)
  }
  $('attainment').innerHTML = htmlTable(table.rows, table.columns, { caption: 'Standards attainment (all sites)' })
  $('heatmap').innerHTML = heatmapSvg(attainmentHeatmapData(result, doc))
  const objectives = objectivesTable(doc)
  $('objectives').innerHTML = htmlTable(objectives.rows, objectives.columns, { caption: 'Objectives attained' })
  $('source').textContent = `Showing ${source}.`
}

const showProblems = (problems: readonly { where: string; expected: string; found: string }[]): void => {
  const list = $('problems')
  list.innerHTML = ''
  for (const p of problems) {
    const li = document.createElement('li')
    li.textContent = `${p.where}: expected ${p.expected}, found ${p.found}`
    list.append(li)
  }
  $('problems-box').hidden = problems.length === 0
  $('problems-count').textContent =
    `${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was imported.`
}

const importText = (text: string, name: string): void => {
  const r = importRatingsLongEither(mhipEvaluation, text)
  if (E.isLeft(r)) {
    showProblems(r.left)
    $('status').textContent = `${name}: ${r.left.length} problem(s), see the list.`
    return
  }
  showProblems([])
  doc = r.right
  source = name
  $('status').textContent = `${name} imported.`
  render()
}

const download = (name: string, type: string, text: string): void => {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([text], { type }))
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 0)
}

const readFile = (file: File): void => {
  void file.text().then((text) => importText(text, file.name))
}

$('file').addEventListener('change', (e) => {
  const f = (e.target as HTMLInputElement).files?.[0]
  if (f) readFile(f)
})
const drop = $('drop')
drop.addEventListener('dragover', (e) => {
  e.preventDefault()
  drop.classList.add('over')
})
drop.addEventListener('dragleave', () => drop.classList.remove('over'))
drop.addEventListener('drop', (e) => {
  e.preventDefault()
  drop.classList.remove('over')
  const f = e.dataTransfer?.files[0]
  if (f) readFile(f)
})
$('sample').addEventListener('click', () => importText(SAMPLE_CSV, 'sample-ratings.csv'))
$('sample-download').addEventListener('click', () => download('sample-ratings.csv', 'text/csv', SAMPLE_CSV))
for (const id of ['attained', 'na', 'unrated']) $(id).addEventListener('change', render)
$('dl-csv').addEventListener('click', () =>
  download('attainment.csv', 'text/csv', toCsv(attainmentRows(attainment(doc, policy())))),
)
$('dl-json').addEventListener('click', () =>
  download('evaluation.json', 'application/json', jsonText(encodeEvaluation(doc), 2)),
)
$('dl-html').addEventListener('click', () =>
  download('report.html', 'text/html', htmlReport(doc, { policy: policy() })),
)

render()
