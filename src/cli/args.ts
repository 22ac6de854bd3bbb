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
 * @param args the command's arguments (after the command name)
 * @param options the command's options, as `node:util` `parseArgs` takes them
 * @returns the option values by name, and the positional arguments in order
 * @throws {UsageError} for an unknown option or an option missing its value
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

/**
 * A string option's value.
 * @param p the parsed arguments
 * @param name the option's long name
 * @returns its value, or `undefined` when it was not given (or is a flag)
 * @example
 * str(parse(['--format', 'md'], { format: { type: 'string' } }), 'format') //=> 'md'
 */
export const str = (p: Parsed, name: string): string | undefined => {
  const v = p.values[name]
  return typeof v === 'string' ? v : undefined
}

/**
 * A string option restricted to some values.
 * @param p the parsed arguments
 * @param name the option's long name
 * @param allowed the values it may take
 * @param fallback the value when the option is not given
 * @returns the option's value, or `fallback`
 * @throws {UsageError} when the value is not one of `allowed`
 * @example
 * const p = parse(['--format', 'md'], { format: { type: 'string' } })
 * oneOf(p, 'format', ['md', 'html'], 'html') //=> 'md'
 * oneOf(parse([], {}), 'format', ['md', 'html'], 'html') //=> 'html'
 */
export const oneOf = <const S extends string>(p: Parsed, name: string, allowed: readonly S[], fallback: S): S => {
  const v = str(p, name)
  if (v === undefined) return fallback
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(v)}`)
  return v as S
}

/**
 * The one positional argument a command takes.
 * @param p the parsed arguments
 * @param what what the argument is, for the message (`document`)
 * @returns the argument
 * @throws {UsageError} when there is none, or more than one
 * @example
 * onePositional(parse(['doc.json'], {}), 'document') //=> 'doc.json'
 */
export const onePositional = (p: Parsed, what: string): string => {
  const [first, ...rest] = p.positionals
  if (first === undefined) throw new UsageError(`missing ${what}`)
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])} (one ${what} only)`)
  return first
}
