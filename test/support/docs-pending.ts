/**
 * Exported declarations whose doc comment is not complete yet, by folder of
 * `src/` (`.` for the top-level files), as `file#name`: a function without a
 * summary, an `@param` for each parameter or `@returns`; a type without a
 * description. The suite checks each entry still has a gap, so a completed one
 * must leave the list, and every new export must be complete.
 */
export const DOCS_PENDING: Readonly<Record<string, readonly string[]>> = {}
