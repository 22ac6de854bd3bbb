/**
 * Command-line parsing on `node:util` `parseArgs`, with errors as values.
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A usage error: the message to print (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

type Options = NonNullable<ParseArgsConfig['options']>

/** Parsed options and positionals of one command. */
export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | undefined>>
  readonly positionals: readonly string[]
}

/**
 * Parse a command's arguments strictly (unknown options are errors), with
 * `--help`/`-h` added to every command.
 * @example
 * parse(['doc.json', '--format', 'md'], { format: { type: 'string' } }) //=> { values: { format: 'md' }, positionals: ['doc.json'] }
 */
export const parse = (args: readonly string[], options: Options): Parsed => {
  try {
    const r = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
    return { values: r.values as Parsed['values'], positionals: r.positionals }
  } catch (e) {
    throw new UsageError(
      e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e),
    )
  }
}

/** A string option's value, or `undefined`. */
export const str = (p: Parsed, name: string): string | undefined => {
  const v = p.values[name]
  return typeof v === 'string' ? v : undefined
}

/** A string option restricted to some values. */
export const oneOf = <const S extends string>(p: Parsed, name: string, allowed: readonly S[], fallback: S): S => {
  const v = str(p, name)
  if (v === undefined) return fallback
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(v)}`)
  return v as S
}

/** The one positional argument a command takes. */
export const onePositional = (p: Parsed, what: string): string => {
  const [first, ...rest] = p.positionals
  if (first === undefined) throw new UsageError(`missing ${what}`)
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])} (one ${what} only)`)
  return first
}
