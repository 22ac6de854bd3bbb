/**
 * The `--policy` option: a denominator policy as JSON
 * (`{"attained":"met-or-partly"}`) or as `key=value` pairs separated by
 * commas (`attained=met-or-partly,total=mean-of-standards`). Numbers (the
 * confidence) are read as numbers.
 * @module
 */
import * as E from '../model/either.js'
import type { DenominatorPolicy } from '../standards/policy.js'
import { resolvePolicyEither } from '../standards/policy.js'
import { formatProblem } from '../model/problem.js'
import { UsageError } from './args.js'

const KNOWN: ReadonlySet<string> = new Set([
  'notApplicable',
  'unrated',
  'count',
  'attained',
  'raters',
  'rollup',
  'total',
  'interval',
  'confidence',
])

/** What a policy key accepts, in the policy check's own words (so the list cannot drift from it). */
const allowed = (key: string): string => {
  const r = resolvePolicyEither({ [key]: Symbol('no value') } as unknown as DenominatorPolicy)
  return E.isLeft(r) && r.left[0] !== undefined ? `expected ${r.left[0].expected}` : 'see --help'
}

/**
 * Parse and check a `--policy` value.
 * @param text the option's text: JSON, or `key=value` pairs separated by commas; `undefined` when not given
 * @returns the denominator policy (`{}`: the defaults)
 * @throws {UsageError} for text that does not parse, an unknown key or a bad value, listing every problem
 * @example
 * policyArg('attained=met-or-partly,confidence=0.9') //=> { attained: 'met-or-partly', confidence: 0.9 }
 * policyArg('{"attained":"met-or-partly"}') //=> { attained: 'met-or-partly' }
 * policyArg(undefined) //=> {}
 */
export const policyArg = (text: string | undefined): DenominatorPolicy => {
  if (text === undefined) return {}
  let policy: unknown
  if (text.trim().startsWith('{')) {
    try {
      policy = JSON.parse(text)
    } catch (e) {
      throw new UsageError(`--policy is not valid JSON: ${(e as Error).message}`)
    }
  } else {
    // No prototype: a key such as __proto__ or toString is an own key, reported as unknown below.
    const out: Record<string, string | number> = Object.create(null) as Record<string, string | number>
    for (const part of text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')) {
      const eq = part.indexOf('=')
      if (eq < 0 && KNOWN.has(part))
        throw new UsageError(`--policy: ${part} needs a value (${part}=…): ${allowed(part)}`)
      if (eq <= 0)
        throw new UsageError(`--policy: expected key=value pairs separated by commas, got ${JSON.stringify(part)}`)
      const key = part.slice(0, eq).trim()
      const value = part.slice(eq + 1).trim()
      out[key] = key === 'confidence' && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value
    }
    policy = out
  }
  const unknown = Object.keys(policy as object).filter((k) => !KNOWN.has(k))
  if (unknown.length > 0)
    throw new UsageError(
      `--policy: unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')} (known: ${[...KNOWN].join(', ')})`,
    )
  const resolved = resolvePolicyEither(policy as DenominatorPolicy)
  if (E.isLeft(resolved)) throw new UsageError(`--policy: ${resolved.left.map(formatProblem).join('; ')}`)
  return { ...(policy as DenominatorPolicy) }
}
