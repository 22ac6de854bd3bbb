/**
 * The named values the documentation examples may use without defining them.
 */
export const FIXTURES: Record<string, unknown> = {}
