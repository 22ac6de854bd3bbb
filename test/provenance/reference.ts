import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The E-MHIP report as text, one entry per line (index = line number - 1).
 *
 * The provenance suite checks that every line the embedded data cites holds the
 * wording it quotes. The text is not part of the repository (it is the
 * publisher's, not ours): it is read from `REALIST_REFERENCE` when set, else
 * from `../shared/reference/` beside the clone, where CI puts it. A missing file
 * fails the suite with this message; it is never skipped.
 */
const FILE = '002_d41ef59a8ecd90ef.txt'

const locate = (): string => {
  const fromEnv = process.env['REALIST_REFERENCE']
  const candidates = fromEnv ? [fromEnv] : [resolve(__dirname, '..', '..', '..', 'shared', 'reference', FILE)]
  const found = candidates.find((p) => existsSync(p))
  if (!found) {
    throw new Error(
      `provenance: the E-MHIP reference text is missing (looked for ${candidates.join(', ')}). ` +
        'Set REALIST_REFERENCE to the file, or place the reference folder beside the clone.',
    )
  }
  return found
}

export const reference: readonly string[] = readFileSync(locate(), 'utf8').split('\n')

/** The text of the first line a `ref.lines` value cites (`"L1229"`, `"L3043-L3045; L3100"`). */
export const line = (ref: string | undefined): string => {
  const n = Number(/^L(\d+)/.exec(ref ?? '')?.[1])
  return reference[n - 1] ?? ''
}
