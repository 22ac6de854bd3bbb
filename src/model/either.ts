/**
 * fp-ts `Either` values, made and tested without loading fp-ts's Either
 * module: `{ _tag: 'Left', left }` and `{ _tag: 'Right', right }`, fp-ts's own
 * type and shapes, so every fp-ts combinator (`map`, `chain`, `fold`, …)
 * works on them as on its own.
 *
 * The four functions are written out here because fp-ts's Either module runs
 * code at load (type-class instances made by calls that are not marked pure)
 * that no bundler can drop: about 1.7 KB minified in every bundle that
 * imports it, more than `wilson` itself. Modules that need the combinators
 * import fp-ts's module as well.
 * @module
 */
import type { Either, Left, Right } from 'fp-ts/lib/Either.js'

export type { Either, Left, Right }

/**
 * A failure: fp-ts's `left`.
 * @param e - the failure (in this library, a list of problems).
 * @returns `{ _tag: 'Left', left: e }`.
 * @example
 * import { isLeft as fpIsLeft } from 'fp-ts/Either'
 * left(['bad']) //=> { _tag: 'Left', left: ['bad'] }
 * fpIsLeft(left(['bad'])) //=> true
 */
export const left = <E = never, A = never>(e: E): Either<E, A> => ({ _tag: 'Left', left: e })

/**
 * A success: fp-ts's `right`.
 * @param a - the value.
 * @returns `{ _tag: 'Right', right: a }`.
 * @example
 * import { map } from 'fp-ts/Either'
 * right(2) //=> { _tag: 'Right', right: 2 }
 * map((n: number) => n + 1)(right(2)) //=> { _tag: 'Right', right: 3 }
 */
export const right = <E = never, A = never>(a: A): Either<E, A> => ({ _tag: 'Right', right: a })

/**
 * Whether an Either is a failure: fp-ts's `isLeft`.
 * @param ma - the Either.
 * @returns true for a `Left`.
 * @example
 * import * as F from 'fp-ts/Either'
 * isLeft(F.left('no')) //=> true
 * isLeft(F.right(1)) //=> false
 */
export const isLeft = <E>(ma: Either<E, unknown>): ma is Left<E> => ma._tag === 'Left'

/**
 * Whether an Either is a success: fp-ts's `isRight`.
 * @param ma - the Either.
 * @returns true for a `Right`.
 * @example
 * import * as F from 'fp-ts/Either'
 * isRight(F.right(1)) //=> true
 * isRight(F.left('no')) //=> false
 */
export const isRight = <A>(ma: Either<unknown, A>): ma is Right<A> => ma._tag === 'Right'
