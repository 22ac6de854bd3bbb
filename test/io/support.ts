import * as E from 'fp-ts/lib/Either.js'
import type { CsvProblem } from '../../src/io/csv/problem.js'

/** The value of a `Right`, or a test failure showing the problems. */
export const right = <A>(r: E.Either<readonly unknown[], A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left, null, 1))
  return r.right
}

/** The problems of a `Left`, or a test failure. */
export const left = (r: E.Either<readonly unknown[], unknown>): CsvProblem[] => {
  if (E.isRight(r)) throw new Error('expected a Left')
  return r.left as CsvProblem[]
}
