import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RegisterCheckOptions } from '../../src/evidence/index.js'

/** The test register (32 excerpts with planted defects and traps), and the printed-list sample. */
export const registerTsv = (): string =>
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'register.tsv'), 'utf8')
export const registerTxt = (): string =>
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'register.txt'), 'utf8')

export const SITES = [
  { id: 'a', names: ['Trust A', 'TA'] },
  { id: 'b', names: ['Trust B'] },
  { id: 'c', names: ['Trust C'] },
]

export const ROLE_GROUPS = [
  { pattern: 'director', group: 'senior managers' },
  { pattern: 'manager', group: 'senior managers' },
  { pattern: 'commissioner', group: 'senior managers' },
  { pattern: /consultant|psychologist|nurse/i, group: 'clinicians' },
  { pattern: 'carer', group: 'carers' },
  { pattern: 'analyst', group: 'support staff' },
]

/** Everything the register is checked against: sites, role groups, stated sizes, body citations. */
export const CHECKS: RegisterCheckOptions = {
  sites: SITES,
  roleGroups: ROLE_GROUPS,
  // Stated sizes: clinicians and carers match the informants listed; senior managers do not (8 listed).
  groupSizes: { clinicians: 9, 'senior managers': 6, carers: 2 },
  references: [
    { label: 'HPT_2', line: 120, text: '“The structure kept us going when the managers changed”' },
    { label: 'LPT_99', line: 140 },
    { label: 'LPT_3', line: 150 },
  ],
}
