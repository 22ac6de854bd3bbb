/**
 * Small io-ts building blocks shared by every codec of the document, and the
 * one translation from io-ts `Errors` to our `Problem[]`.
 * @module
 */
import * as t from 'io-ts'
import type { Id } from './ids.js'
import { problem, showName, type Problem, type ProblemCode, showChoices } from './problem.js'

/**
 * Names that may not be used as ids or keys. Keys of records become object
 * keys, and these three are where prototype pollution happens; immer's patches
 * refuse them too, so the change log could not record them.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** An io-ts validation error that also says which kind of problem it is. */
export interface CodedValidationError extends t.ValidationError {
  readonly code: ProblemCode
}

/**
 * Fail a validation with our own wording and problem code. Use it inside a
 * hand-written `t.Type`'s `validate`; `problemsFromErrors` reads both back.
 * @param u - the value that failed.
 * @param c - the io-ts context of the value.
 * @param expected - what was expected, in words (the problem's `expected`).
 * @param code - the problem code (default `'shape'`).
 * @returns a failed validation carrying the wording and the code.
 * @example
 * import * as t from 'io-ts'
 * const PositiveC = new t.Type<number, number, unknown>('a positive number', (u): u is number => typeof u === 'number' && u > 0,
 *   (u, c) => (typeof u === 'number' && u > 0 ? t.success(u) : fail(u, c, 'a positive number', 'value')), t.identity)
 * problemsFromErrors(PositiveC.decode(-1).left, -1)
 * //=> [{ path: [], where: 'the document', expected: 'a positive number', found: '-1', code: 'value' }]
 */
export const fail = <A>(u: unknown, c: t.Context, expected: string, code: ProblemCode = 'shape'): t.Validation<A> =>
  t.failures([{ value: u, context: c, message: expected, code } as CodedValidationError])

/**
 * Codecs whose `is` implies that `validate` succeeds with the very same value
 * (strings, numbers, ids, fixed sets). `withOptional` checks such a field
 * with `is` and builds an error context only when that fails.
 */
const LEAVES = new WeakSet<t.Mixed>([t.string, t.number, t.boolean])

/**
 * Mark a codec as a leaf (see `withOptional`): its `is` must imply that
 * `validate` returns the same value, with no side effects. The library's
 * string, number, id and enum codecs are leaves.
 * @param codec - a codec whose `is` implies a successful `validate` of the same value.
 * @returns the same codec, marked.
 * @example
 * import * as t from 'io-ts'
 * const LabelC = leafC(new t.Type<string, string, unknown>('a label', (u): u is string => typeof u === 'string',
 *   (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)), t.identity))
 * const RowC = withOptional({ label: LabelC }, {}, 'a row')
 * RowC.decode({ label: 'x' }) //=> right({ label: 'x' })
 * problemsFromErrors(RowC.decode({ label: 7 }).left, { label: 7 })
 * //=> [{ path: ['label'], where: 'label', expected: 'a label', found: '7', code: 'shape' }]
 */
export const leafC = <C extends t.Mixed>(codec: C): C => {
  LEAVES.add(codec)
  return codec
}

/**
 * A string with at least one character.
 * @example
 * NonEmptyStringC.decode('')  //=> left(…) // … expected a non-empty string, found ""
 * NonEmptyStringC.decode('a') //=> right('a')
 */
export const NonEmptyStringC = leafC(
  new t.Type<string, string, unknown>(
    'a non-empty string',
    (u): u is string => typeof u === 'string' && u.length > 0,
    (u, c) =>
      typeof u !== 'string'
        ? fail(u, c, 'a non-empty string')
        : u.length === 0
          ? fail(u, c, 'a non-empty string', 'value')
          : t.success(u),
    t.identity,
  ),
)

/**
 * A codec for ids of one kind: a non-empty string that is not one of the
 * `RESERVED_KEYS`, decoded as the branded id type.
 * @param kind - the human name of the id, used in messages (`"unit id"`).
 * @returns the codec, a leaf (see {@link leafC}).
 * @example
 * const UnitIdC = idC<'UnitId'>('unit id')
 * UnitIdC.decode('acute')     //=> right('acute')
 * UnitIdC.decode('__proto__') //=> left(…) // … expected a unit id (not __proto__, constructor or prototype), found "__proto__"
 */
export const idC = <K extends string>(kind: string): t.Type<Id<K>, string, unknown> => {
  // "an objective id", "an element id", but "a unit id" (a "you" sound).
  const an = /^(?:[aeio]|u(?!ni|s))/i.test(kind) ? 'an' : 'a'
  const expected = `${an} ${kind} (a non-empty string)`
  return leafC(
    new t.Type<Id<K>, string, unknown>(
      expected,
      (u): u is Id<K> => typeof u === 'string' && u.length > 0 && !RESERVED_KEYS.has(u),
      (u, c) => {
        if (typeof u !== 'string') return fail(u, c, expected)
        if (u.length === 0) return fail(u, c, expected, 'value')
        if (RESERVED_KEYS.has(u)) return fail(u, c, `${an} ${kind} (not __proto__, constructor or prototype)`, 'value')
        return t.success(u as Id<K>)
      },
      t.identity,
    ),
  )
}

/**
 * A finite number. Unlike `t.number` it refuses NaN and ±Infinity, and says so
 * (`found NaN`), since a JS caller can pass them even though JSON cannot.
 * @example
 * FiniteNumberC.decode(NaN) //=> left(…) // … expected a finite number, found NaN
 */
export const FiniteNumberC = leafC(
  new t.Type<number, number, unknown>(
    'a finite number',
    (u): u is number => typeof u === 'number' && Number.isFinite(u),
    (u, c) =>
      typeof u !== 'number'
        ? fail(u, c, 'a finite number')
        : Number.isFinite(u)
          ? t.success(u)
          : fail(u, c, 'a finite number', 'value'),
    t.identity,
  ),
)

/**
 * A whole number ≥ 0 (counts). NaN, Infinity, negatives and fractions are refused.
 * @example
 * CountC.decode(-1) //=> left(…) // … expected a whole number ≥ 0, found -1
 */
export const CountC = leafC(
  new t.Type<number, number, unknown>(
    'a whole number ≥ 0',
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0,
    (u, c) =>
      typeof u !== 'number'
        ? fail(u, c, 'a whole number ≥ 0')
        : Number.isInteger(u) && u >= 0
          ? t.success(u)
          : fail(u, c, 'a whole number ≥ 0', 'value'),
    t.identity,
  ),
)

/**
 * One of a fixed set of strings. A string outside the set is a `value`
 * problem listing the allowed values; anything else is a `shape` problem.
 * @param values - the allowed strings.
 * @returns the codec, a leaf (see {@link leafC}).
 * @example
 * const StanceC = oneOfC(['supports', 'contradicts'] as const)
 * StanceC.decode('maybe') //=> left(…) // … expected one of "supports" | "contradicts", found "maybe"
 */
export const oneOfC = <const S extends string>(values: readonly S[]): t.Type<S, S, unknown> => {
  const set: ReadonlySet<string> = new Set(values)
  const expected = `one of ${showChoices(values)}`
  return leafC(
    new t.Type<S, S, unknown>(
      expected,
      (u): u is S => typeof u === 'string' && set.has(u),
      (u, c) =>
        typeof u !== 'string' ? fail(u, c, expected) : set.has(u) ? t.success(u as S) : fail(u, c, expected, 'value'),
      t.identity,
    ),
  )
}

/** Options of {@link withOptional}. */
export interface WithOptionalOptions {
  /**
   * Keep fields that are neither required nor optional (io-ts's own
   * behaviour). Default false: an unknown field is refused, naming the nearest
   * known one. Only for a codec that is one member of an intersection, whose
   * whole is closed with `closedC`.
   */
  readonly open?: boolean
}

/**
 * The edit distance between two strings (Levenshtein: insertions, deletions
 * and substitutions of one character each cost 1).
 * @param a - a string.
 * @param b - another string.
 * @returns the number of single-character edits that turn `a` into `b`.
 * @example
 * editDistance('raitngs', 'ratings') //=> 2
 */
export const editDistance = (a: string, b: string): number => {
  if (a === b) return 0
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    prev = row
  }
  return prev[b.length] as number
}

/**
 * The known key nearest to a misspelt one (case-insensitive edit distance at
 * most a third of its length, and at least 2), or `undefined` when none is near.
 * @param key - the key as written.
 * @param known - the keys that exist.
 * @returns the nearest known key, or `undefined`.
 * @example
 * nearestKey('raitngs', ['id', 'name', 'ratings']) //=> 'ratings'
 * nearestKey('zzz', ['id', 'name']) //=> undefined
 */
export const nearestKey = (key: string, known: readonly string[]): string | undefined => {
  if (key.length > 100) return undefined
  let best: string | undefined
  let bestD = Math.max(2, Math.floor(key.length / 3)) + 1
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase())
    if (d < bestD) {
      best = k
      bestD = d
    }
  }
  return best
}

/**
 * The message of an unknown field: the known fields, and the nearest one.
 * @param key - the unknown field.
 * @param known - the fields the object may have.
 * @param what - the object, in words (`'a unit'`).
 * @returns the message, naming the nearest known field when one is near.
 * @example
 * unknownKeyMessage('raitngs', ['id', 'ratings'], 'a unit')
 * //=> 'no field "raitngs" in a unit (did you mean "ratings"? known: id, ratings)'
 */
export const unknownKeyMessage = (key: string, known: readonly string[], what: string): string => {
  const near = nearestKey(key, known)
  const shown = known.length > 24 ? `${known.slice(0, 24).join(', ')}, …` : known.join(', ')
  const ext = known.includes('extensions') ? '; put your own data under "extensions"' : ''
  return `no field ${JSON.stringify(showName(key))} in ${what} (${near !== undefined ? `did you mean ${JSON.stringify(near)}? ` : ''}known: ${shown}${ext})`
}

/** A `shape` error at `key` for an unknown field (see `unknownKeyMessage`). */
const unknownKeyError = (
  value: unknown,
  c: t.Context,
  key: string,
  known: readonly string[],
  what: string,
): CodedValidationError => ({
  value: showName(key),
  context: t.appendContext(c, key, t.unknown, value),
  message: unknownKeyMessage(key, known, what),
  code: 'shape',
})

/**
 * Close a codec over a fixed set of keys: decode with `codec`, then refuse any
 * other own field of the input (see `unknownKeyMessage`). For intersections
 * of `withOptional(…, { open: true })` members.
 * @param codec - the codec of the known fields.
 * @param known - every field the object may have.
 * @param name - the object, in words (`'a context'`), for messages.
 * @returns the closed codec.
 * @example
 * import * as t from 'io-ts'
 * const A = withOptional({ id: StringC, label: StringC }, {}, 'a context', { open: true })
 * const B = withOptional({ role: StringC }, {}, 'a context', { open: true })
 * const C = closedC(t.intersection([A, B]), ['id', 'label', 'role'], 'a context')
 * const input = { id: 'c1', label: 'x', role: 'context', lable: 'y' }
 * problemsFromErrors(C.decode(input).left, input)
 * //=> [{ path: ['lable'], expected: 'no field "lable" in a context (did you mean "label"? known: id, label, role)', … }]
 */
export const closedC = <A, O>(
  codec: t.Type<A, O, unknown>,
  known: readonly string[],
  name: string,
): t.Type<A, O, unknown> => {
  const set = new Set(known)
  return new t.Type<A, O, unknown>(
    codec.name,
    (u): u is A => codec.is(u) && isRecordLike(u) && Object.keys(u).every((k) => set.has(k)),
    (u, c) => {
      // Validate with the inner codec in this place of the context, so that problem paths skip an
      // intersection's member steps as they do for a bare intersection.
      const last = c[c.length - 1]
      const r = codec.validate(u, last === undefined ? c : [...c.slice(0, -1), { ...last, type: codec }])
      if (!isRecordLike(u)) return r
      const extra: t.ValidationError[] = []
      for (const k of Object.keys(u)) if (!set.has(k)) extra.push(unknownKeyError(u[k], c, k, known, name))
      if (extra.length === 0) return r
      return t.failures(r._tag === 'Left' ? [...r.left, ...extra] : extra)
    },
    codec.encode,
  )
}

/**
 * Users' own data: any object (not an array, not null), kept as it is. Its
 * contents are checked only against the input limits.
 * @example
 * ExtensionsC.decode({ myScore: 3 }) //=> right({ myScore: 3 })
 * ExtensionsC.decode([1]) //=> left(…) // … expected an object of your own data (extensions), found an array of 1
 */
export const ExtensionsC = leafC(
  new t.Type<Readonly<Record<string, unknown>>, Readonly<Record<string, unknown>>, unknown>(
    'an object of your own data (extensions)',
    (u): u is Readonly<Record<string, unknown>> => isRecordLike(u),
    (u, c) => (isRecordLike(u) ? t.success(u) : fail(u, c, 'an object of your own data (extensions)')),
    t.identity,
  ),
)

/**
 * An object with required and optional fields (`t.partial`), named for
 * messages (the name comes last, as in io-ts). A field that is neither
 * required nor optional is refused, naming the nearest known field (unless
 * `options.open`, for a member of an intersection closed by `closedC`); the object is copied only when a field decodes to a new value.
 * Something that is not an object is one problem naming the whole
 * (`expected a round, found 7`).
 *
 * It decodes as `t.intersection([t.type(required), t.partial(optional)])`
 * would, in one pass and with less garbage, which counts for a million units
 * or excerpts: an absent optional field is skipped (io-ts would build and drop
 * a failure for it), and a leaf field (`leafC`: strings, numbers, ids) that
 * passes its `is` test needs no error context.
 * @param required - the codecs of the required fields.
 * @param optional - the codecs of the optional fields.
 * @param name - the object, in words (`'a round'`), for messages.
 * @param options - `open: true` to let other fields through (for a member of an intersection that
 * `closedC` closes).
 * @returns the codec of the object.
 * @example
 * const RoundC = withOptional({ id: RoundIdC, label: StringC }, { date: StringC }, 'a round')
 * RoundC.decode(7) //=> left(…) // … expected a round, found 7
 */
export const withOptional = <R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
  name: string,
  options?: WithOptionalOptions,
): t.Type<
  t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>,
  t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>,
  unknown
> => {
  type A = t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>
  type Out = t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>
  const field = (key: string, codec: t.Mixed, isRequired: boolean) => ({
    key,
    codec,
    isRequired,
    isLeaf: LEAVES.has(codec),
  })
  const fields = [
    ...Object.keys(required).map((k) => field(k, required[k]!, true)),
    ...Object.keys(optional).map((k) => field(k, optional[k]!, false)),
  ]
  const known: readonly string[] = options?.open === true ? [] : fields.map((f) => f.key)
  const knownSet = new Set(known)
  const own = (u: object, k: string) => Object.prototype.hasOwnProperty.call(u, k)
  const identity = fields.every((f) => f.codec.encode === t.identity)
  return new t.Type<A, Out, unknown>(
    name,
    (u): u is A =>
      isRecordLike(u) &&
      fields.every(({ key, codec, isRequired }) => {
        const v = u[key]
        return v === undefined ? !isRequired || (own(u, key) && codec.is(v)) : codec.is(v)
      }),
    (u, c) => {
      if (!isRecordLike(u)) return fail(u, c, name)
      let out = u
      const errors: t.ValidationError[] = []
      for (const { key, codec, isRequired, isLeaf } of fields) {
        const v = u[key]
        if (v === undefined && !isRequired) continue
        if (isLeaf && codec.is(v)) continue
        const r = codec.validate(v, t.appendContext(c, key, codec, v))
        if (r._tag === 'Left') {
          for (const e of r.left) errors.push(e)
          continue
        }
        if (r.right !== v || (v === undefined && !own(out, key))) {
          if (out === u) out = { ...u }
          out[key] = r.right
        }
      }
      if (known.length > 0)
        for (const k in u) if (!knownSet.has(k) && own(u, k)) errors.push(unknownKeyError(u[k], c, k, known, name))
      return errors.length > 0 ? t.failures(errors) : t.success(out as A)
    },
    identity
      ? (t.identity as (a: A) => Out)
      : (a) => {
          const o: Record<string, unknown> = { ...a }
          for (const { key, codec, isRequired } of fields) {
            const v = (a as Record<string, unknown>)[key]
            if (isRequired || v !== undefined) o[key] = codec.encode(v)
          }
          return o as Out
        },
  )
}

/**
 * Any string (possibly empty), named "a string" in messages.
 * @example
 * StringC.decode(3) //=> left(…) // … expected a string, found 3
 */
export const StringC = leafC(
  new t.Type<string, string, unknown>(
    'a string',
    (u): u is string => typeof u === 'string',
    (u, c) => (typeof u === 'string' ? t.success(u) : fail(u, c, 'a string')),
    t.identity,
  ),
)

/**
 * `true` or `false`, named "true or false" in messages.
 * @example
 * BooleanC.decode('yes') //=> left(…) // … expected true or false, found "yes"
 */
export const BooleanC = leafC(
  new t.Type<boolean, boolean, unknown>(
    'true or false',
    (u): u is boolean => typeof u === 'boolean',
    (u, c) => (typeof u === 'boolean' ? t.success(u) : fail(u, c, 'true or false')),
    t.identity,
  ),
)

/**
 * A source reference (`document`, `lines`, `page`, all optional strings).
 * @example
 * SourceRefC.decode({ lines: 'L1226-L1242' }) //=> right({ lines: 'L1226-L1242' })
 */
export const SourceRefC = withOptional({}, { document: StringC, lines: StringC, page: StringC }, 'a source reference')

/**
 * Whether a value is an object that can be read as a record (not null, not an array).
 * @param u - any value.
 * @returns true for a non-null object that is not an array.
 * @example
 * isRecordLike({}) //=> true
 * isRecordLike([]) //=> false
 */
export const isRecordLike = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * A record (object used as a map) decoded into a null-prototype object, so a
 * key such as `__proto__` is an ordinary key that cannot reach
 * `Object.prototype`. Keys are checked by `keyC` (use an `idC`, which also
 * refuses the reserved names); values by `valueC`.
 * @param keyC - the codec of the keys.
 * @param valueC - the codec of the values.
 * @param name - the record, in words, for messages.
 * @returns the codec, decoding to a null-prototype object.
 * @example
 * import * as t from 'io-ts'
 * const C = nullProtoRecordC(idC('round id'), t.string, 'notes by round')
 * const decoded = C.decode({ r1: 'a' })
 * isRight(decoded) && Object.getPrototypeOf(decoded.right) //=> null
 */
export const nullProtoRecordC = <K extends string, V, VO>(
  keyC: t.Type<K, string, unknown>,
  valueC: t.Type<V, VO, unknown>,
  name: string,
): t.Type<Readonly<Record<K, V>>, Record<string, VO>, unknown> =>
  new t.Type<Readonly<Record<K, V>>, Record<string, VO>, unknown>(
    name,
    (u): u is Record<K, V> => isRecordLike(u) && Object.keys(u).every((k) => keyC.is(k) && valueC.is(u[k])),
    (u, c) => {
      if (!isRecordLike(u)) return fail(u, c, name)
      const out: Record<string, V> = Object.create(null)
      const errors: t.ValidationError[] = []
      for (const k of Object.keys(u)) {
        const kc = t.appendContext(c, k, valueC, u[k])
        const key = keyC.validate(k, kc)
        // Loops, not push(...xs): a value can fail with a million errors, too many for arguments.
        if (key._tag === 'Left')
          for (const e of key.left) errors.push({ ...e, value: k, message: `a key that is ${e.message ?? keyC.name}` })
        const value = valueC.validate(u[k], kc)
        if (value._tag === 'Left') for (const e of value.left) errors.push(e)
        else out[k] = value.right
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as Record<K, V>)
    },
    (a) => {
      const out: Record<string, VO> = {}
      for (const k of Object.keys(a)) out[k] = valueC.encode(a[k as K])
      return out
    },
  )

// ---------------------------------------------------------------------------
// Errors → Problems

const SINGULAR: Readonly<Record<string, string>> = {
  sites: 'site',
  units: 'unit',
  rounds: 'round',
  sections: 'section',
  standards: 'standard',
  criteria: 'criterion',
  levels: 'level',
  objectives: 'objective',
  objectiveCells: 'objective cell',
  objectiveTypes: 'objective type',
  stakeholderGroups: 'stakeholder group',
  informants: 'informant',
  sources: 'source',
  excerpts: 'excerpt',
  elements: 'element',
  configurations: 'configuration',
  theories: 'theory',
  versions: 'version',
  attributes: 'attribute',
  observations: 'observation',
  bands: 'band',
  instruments: 'instrument',
  raters: 'rater',
}

/**
 * Name a JSON path in domain terms, looking ids up in the input: an array
 * element with an `id` is named by it (`unit acute`); ratings read as
 * `round r1 › rating 2.4`; other steps keep their key. Ids and keys longer
 * than 60 characters are cut (`showName`), so a hostile 10 MB id makes a
 * short `where`.
 * @param root - the value the path starts from (the raw input).
 * @param path - a JSON path into `root`.
 * @returns the path in words, its steps joined by ` › `.
 * @example
 * // ev's second unit of its first site is Access
 * describePath(ev, ['sites', 0, 'units', 1, 'ratings', 'r1', '2.4', 'level'])
 * //=> 'site ss › unit access › round r1 › rating 2.4 › level'
 * describePath({ sites: [] }, ['sites', 3, 'name']) //=> 'site #4 › name' // no such site: its position, from 1
 */
export const describePath = (root: unknown, path: readonly (string | number)[]): string => {
  const parts: string[] = []
  let here: unknown = root
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!
    const next = path[i + 1]
    const child =
      isRecordLike(here) || Array.isArray(here) ? (here as Record<string | number, unknown>)[step] : undefined
    if (step === 'ratings' && next !== undefined) {
      const round = isRecordLike(child) ? child[next] : undefined
      parts.push(`round ${showName(String(next))}`)
      const target = path[i + 2]
      if (target !== undefined) parts.push(`rating ${showName(String(target))}`)
      here = isRecordLike(round) && target !== undefined ? round[target] : undefined
      i += target !== undefined ? 2 : 1
      continue
    }
    if (typeof next === 'number' && Array.isArray(child)) {
      const item = child[next]
      const id =
        isRecordLike(item) && typeof item.id === 'string'
          ? item.id
          : isRecordLike(item) && typeof item.version === 'number'
            ? String(item.version)
            : undefined
      const noun = SINGULAR[String(step)]
      if (noun !== undefined) parts.push(`${noun} ${id !== undefined ? showName(id) : `#${next + 1}`}`)
      else if (typeof step === 'number' && parts.length > 0) parts[parts.length - 1] += `[${step}][${next}]`
      else parts.push(`${showName(String(step))}[${next}]`)
      here = item
      i += 1
      continue
    }
    if (typeof step === 'number' && parts.length > 0) parts[parts.length - 1] += `[${step}]`
    else parts.push(step === '' ? '""' : showName(String(step)))
    here = child
  }
  return parts.length === 0 ? 'the document' : parts.join(' › ')
}

const CONTAINER_TAGS = new Set(['IntersectionType', 'UnionType'])

/** The JSON path of an io-ts context, without the steps io-ts adds for intersection and union members. */
const contextPath = (context: t.Context): (string | number)[] => {
  const path: (string | number)[] = []
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1]!
    if (CONTAINER_TAGS.has((parent.type as { _tag?: string })._tag ?? '')) continue
    const key = context[i]!.key
    path.push(Array.isArray(parent.actual) ? Number(key) : key)
  }
  return path
}

/**
 * Turn io-ts validation errors into our problems: the JSON path (without
 * io-ts's intersection/union steps), the same place in domain terms (named
 * from `root`), what was expected and what was found. Duplicate reports of one
 * place (a union reports each member) are merged.
 * @param errors - io-ts `Errors`, e.g. the `left` of `Codec.decode(u)`.
 * @param root - the decoded input, used to name places by their ids.
 * @param prefix - a path to put in front (when the codec ran on a part of the input).
 * @returns one problem per failing place, in the order io-ts reported them.
 * @example
 * problemsFromErrors(NonEmptyStringC.decode('').left, '')
 * //=> [{ path: [], where: 'the document', expected: 'a non-empty string', found: '""', code: 'value' }]
 */
export const problemsFromErrors = (
  errors: t.Errors,
  root: unknown,
  prefix: readonly (string | number)[] = [],
): Problem[] => problemsFromErrorsUpTo(errors, root, Infinity, prefix).problems

const isUnion = (entry: t.ContextEntry): boolean => (entry.type as { _tag?: string })._tag === 'UnionType'

/**
 * `problemsFromErrors` for at most `max` problems: the first `max`, and how
 * many more the errors hold. The rest are only counted (no path, no message),
 * so a million errors cost little.
 * @param errors - io-ts `Errors`, e.g. the `left` of `Codec.decode(u)`.
 * @param root - the decoded input, used to name places by their ids.
 * @param max - the most problems to build.
 * @param prefix - a path to put in front (when the codec ran on a part of the input).
 * @returns the first `max` problems, and how many more there are (`omitted`).
 * @example
 * import * as t from 'io-ts'
 * const input = ['a', 'b', 'c', 'd', 'e'] // five strings where numbers belong
 * problemsFromErrorsUpTo(t.array(t.number).decode(input).left, input, 2)
 * //=> { problems: [{ path: [0], where: '0', expected: 'number', found: '"a"', code: 'shape' }, { path: [1], … }], omitted: 3 }
 */
export const problemsFromErrorsUpTo = (
  errors: t.Errors,
  root: unknown,
  max: number,
  prefix: readonly (string | number)[] = [],
): { readonly problems: Problem[]; readonly omitted: number } => {
  const out: Problem[] = []
  // Places a union reported, by path: the index of their problem, or -1 once counted as omitted.
  const seen = new Map<string, number>()
  let omitted = 0
  for (const e of errors) {
    const fromUnion = e.context.some(isUnion)
    if (!fromUnion && out.length >= max) {
      omitted++
      continue
    }
    const path = [...prefix, ...contextPath(e.context)]
    const last = e.context[e.context.length - 1]
    const expected = e.message ?? last?.type.name ?? 'a valid value'
    const key = fromUnion ? JSON.stringify(path) : ''
    const at = fromUnion ? seen.get(key) : undefined
    if (at !== undefined) {
      // A union reports every member that failed: say "A or B" once.
      const p = out[at]
      if (p !== undefined && !p.expected.split(' or ').includes(expected))
        out[at] = { ...p, expected: `${p.expected} or ${expected}` }
      continue
    }
    if (out.length >= max) {
      omitted++
      seen.set(key, -1)
      continue
    }
    if (fromUnion) seen.set(key, out.length)
    out.push(
      problem(path, expected, e.value, (e as Partial<CodedValidationError>).code ?? 'shape', describePath(root, path)),
    )
  }
  return { problems: out, omitted }
}

/**
 * How many problems `problemsFromErrors` would make of these errors (a union's
 * failed members at one place are one problem), without building any.
 * @param errors - io-ts `Errors`, e.g. the `left` of `Codec.decode(u)`.
 * @returns the number of problems.
 * @example
 * import * as t from 'io-ts'
 * const C = t.type({ n: FiniteNumberC, s: t.union([t.string, t.number]) })
 * const errors = C.decode({ n: 'x', s: true }).left
 * errors.length //=> 3 // n, and each member of the union at s
 * countProblems(errors) //=> 2
 */
export const countProblems = (errors: t.Errors): number => problemsFromErrorsUpTo(errors, undefined, 0).omitted
