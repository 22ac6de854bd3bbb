import type { ConfigurationStatus } from '../model/cmo.js'

/**
 * The legal moves of a configuration's lifecycle, following analytical
 * induction (E-MHIP L688-L703): a hypothesis is tested against cases; if it
 * fits it is supported, if not it is reformulated (refined) or rejected
 * (refuted); the cycle is then repeated, "seeking to disprove the hypothesis".
 *
 * | from         | to                           | why                                              |
 * |--------------|------------------------------|--------------------------------------------------|
 * | hypothesised | tested                       | cases studied in light of the hypothesis         |
 * | tested       | supported, refined, refuted  | the verdict of the test                          |
 * | refined      | tested                       | the reformulated hypothesis is tested again      |
 * | supported    | tested                       | the cycle is repeated with new cases             |
 * | refuted      | (none)                       | kept as a record; a new idea is a new configuration |
 */
export const STATUS_TRANSITIONS: Readonly<Record<ConfigurationStatus, readonly ConfigurationStatus[]>> = {
  hypothesised: ['tested'],
  tested: ['supported', 'refined', 'refuted'],
  refined: ['tested'],
  supported: ['tested'],
  refuted: [],
}

/**
 * Whether a configuration may move from one status to another (see `STATUS_TRANSITIONS`).
 * @param from the current status
 * @param to the status asked for; the same status is never a legal move
 * @returns whether the move is legal
 * @example
 * canTransition('hypothesised', 'tested')    //=> true
 * canTransition('hypothesised', 'supported') //=> false
 * canTransition('constructor' as never, 'tested') //=> false // not a status
 */
export const canTransition = (from: ConfigurationStatus, to: ConfigurationStatus): boolean =>
  nextStatuses(from).includes(to)

/** The legal next statuses; none for a value that is not a status (so junk input is refused, not a crash). */
const nextStatuses = (from: ConfigurationStatus): readonly ConfigurationStatus[] =>
  Object.prototype.hasOwnProperty.call(STATUS_TRANSITIONS, from) ? STATUS_TRANSITIONS[from] : []

/**
 * Describe the legal next statuses, for error messages.
 * @param from the current status
 * @returns the legal next statuses joined by ` | `, or a note that the status is final
 * @example
 * describeNextStatuses('tested') //=> 'supported | refined | refuted'
 * describeNextStatuses('refuted') //=> 'no further status (refuted is final)'
 */
export const describeNextStatuses = (from: ConfigurationStatus): string => {
  const next = nextStatuses(from)
  return next.length === 0 ? `no further status (${from} is final)` : next.join(' | ')
}
