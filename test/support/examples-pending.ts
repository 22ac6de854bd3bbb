/**
 * Documentation examples that do not run yet, by `file#export#k`: each uses an
 * evaluation it does not build (`ev` described in prose) or an expected value in
 * words. The suite checks each still fails, so one that is fixed must leave the
 * list, and every new example must run.
 */
export const PENDING: ReadonlySet<string> = new Set([])
